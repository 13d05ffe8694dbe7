"""Who is speaking: referents (names, pronouns, role descriptions) and their resolution.

A referent is a stretch of narrative text that can name a speaker: a person mention from the
``entities`` component, a pronoun ("he", "she"), a role description ("the Saints boss",
"the 57-year-old"), or a capitalised name right beside a speech verb that the name finder
missed. Pronouns resolve to the subject of the nearest earlier sentence that has one; role
descriptions resolve through the descriptors the article put in front of or after names
("Fulham boss Marco Silva", "Rusk, the Saints boss,"). What cannot be resolved stays None.

(A shared helper for role descriptions may later live in the people/entities modules; this one
is self-contained so the quotes component does not depend on work in progress.)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from touchline.config import DATA_DIR
from touchline.linking.people import is_place
from touchline.nlp.components.speaker_names import strip_lead
from touchline.nlp.context import ArticleContext, PersonMention
from touchline.nlp.segment import capped_spans
from touchline.nlp.spans import SpanIndex

_QUOTE_DATA = DATA_DIR / "quotes"
_WORD = re.compile(r"[\w'’\-]+|[^\w\s]", re.UNICODE)
_CAP_NAME = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w'’\-]+(?:\s+(?:van|de|der|da|di|dos|von|le|la|)\s*[A-ZÀ-ÖØ-Þ][\w'’\-]+)*"
)
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_AGE = re.compile(r"\b[Tt]he\s+\d{2}-year-old\b")
# a written text is quoted, nobody speaks: "'Łukasz is a machine,' read the banner"
WRITTEN_CREDIT = re.compile(
    r"\s*,?\s*(?:read|reads|said|says|proclaimed|declared)\s+(?:the|a|one)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:banner|banners|sign|placard|flag|headline|headlines|poster|t-shirt|shirt|scarf|message\s+on)\b",
    re.IGNORECASE,
)
_MODIFIERS = {
    "the",
    "interim",
    "caretaker",
    "former",
    "new",
    "veteran",
    "head",
    "assistant",
    "club",
    "first-team",
    "acting",
    "ex",
}
_SENT_END = re.compile(r"[.!?…][\"'”’)]*\s+")
_CLAUSE_CUT = re.compile(r"[,;]\s+(?:and|but|while|whereas)\s+|;\s+")
_SUBJECT_WINDOW = 500  # characters read first when looking for a long sentence's subject
_LOOKBACK = 300  # characters before a referent read to decide whether it opens a clause


def _lines(name: str) -> list[str]:
    text = (_QUOTE_DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _spaced(phrase: str) -> str:
    return re.escape(phrase).replace("\\ ", " ").replace(" ", r"\s+")


@dataclass(frozen=True)
class Lexicon:
    speech: re.Pattern[str]
    roles: dict[str, str]
    role_re: re.Pattern[str]
    not_speakers: frozenset[str]
    title_cues: re.Pattern[str]
    clause: dict[str, str]
    desc_re: re.Pattern[str]
    speech_nouns: re.Pattern[str]
    epithets: re.Pattern[str]  # "the Portuguese", "the Dane": a second name for someone just named


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    verbs = sorted(_lines("speech_verbs.txt"), key=len, reverse=True)
    roles: dict[str, str] = {}
    for ln in _lines("descriptors.tsv"):
        word, group = ln.split("\t")
        roles[word.strip().lower()] = group.strip()
    role_alt = "|".join(_spaced(r) for r in sorted(roles, key=len, reverse=True))
    cues = sorted(_lines("title_cues.txt"), key=len, reverse=True)
    clause = dict(ln.split("\t") for ln in _lines("clause_words.txt"))
    return Lexicon(
        speech=re.compile(r"\b(?:" + "|".join(_spaced(v) for v in verbs) + r")\b", re.IGNORECASE),
        roles=roles,
        role_re=re.compile(r"\b(?:" + role_alt + r")s?\b", re.IGNORECASE),
        not_speakers=frozenset(_lines("not_speakers.txt")),
        title_cues=re.compile(
            r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b[^\w.!?]*(?:\w+[^\w.!?]+){0,2}$",
            re.IGNORECASE,
        ),
        clause={k.strip().lower(): v.strip() for k, v in clause.items()},
        speech_nouns=re.compile(r"\b(?:" + "|".join(_lines("speech_nouns.txt")) + r")\b", re.IGNORECASE),
        desc_re=re.compile(r"\b[Tt]he\s+(?:[\w'’\-]+\s+){0,3}?(?:" + role_alt + r")s?\b", re.IGNORECASE),
        epithets=re.compile(
            r"\b[Tt]he\s+(?:" + "|".join(re.escape(d) for d in _lines("demonyms.txt")) + r")(?![\w'’-])"
            r"(?!\s+(?:[a-z][\w-]*\s+){0,2}(?:side|team|club|league|game|football|fans|supporters|players|"
            r"international|champions|FA|federation|squad|press|media|coach|manager|boss)\b)"
        ),
    )


def _shared_description(ctx: ArticleContext, text: str) -> str | None:
    """The entities component's resolution of a description, where that helper exists."""
    from touchline.nlp.components import entities

    helper = getattr(entities, "resolve_description", None)
    if helper is None:
        return None
    try:
        found = helper(ctx, text)
    except (AttributeError, KeyError, TypeError, ValueError):  # work in progress elsewhere
        return None
    return found if isinstance(found, str) else None


@dataclass(frozen=True)
class Referent:
    start: int
    end: int
    kind: str  # name | pronoun | desc | guess
    canonical: str | None = None
    group: str | None = None  # role group of a description
    club: str | None = None


@dataclass
class PersonInfo:
    groups: set[str] = field(default_factory=set)
    club: str | None = None


class SpeakerResolver:
    def __init__(self, ctx: ArticleContext, excluded: list[tuple[int, int]]) -> None:
        self.ctx = ctx
        self.body = ctx.body
        self.lex = lexicon()
        self.excluded = sorted(excluded)
        self._excluded = SpanIndex(self.excluded, lambda x: x)
        self.mentions = [m for m in ctx.person_mentions if not self.inside_quote(m.start)]
        self._mentions = SpanIndex(self.mentions, lambda m: (m.start, m.end))
        self._gaz = SpanIndex(ctx.gaz, lambda g: (g.start, g.end))
        self.clubs = [g for g in ctx.gaz if g.kind == "club"]
        self._clubs = SpanIndex(self.clubs, lambda g: (g.start, g.end))
        self._named_clubs = {g.canonical for g in self.clubs}
        self.info: dict[str, PersonInfo] = {}
        self.added: list[PersonMention] = []
        self.credited: set[int] = set()  # starts of referents that credit a quotation
        self._subjects: dict[tuple[int, int, int], Referent | None] = {}
        self._scans: dict[tuple[int, int, int], tuple[list[tuple[int, int]], list[int]]] = {}
        self._index_descriptors()

    # ---- helpers --------------------------------------------------------------------------
    def inside_quote(self, pos: int) -> bool:
        return self._excluded.contains_point(pos)

    def _club_in(self, start: int, end: int) -> str | None:
        inside = self._clubs.within(start, end)
        if inside:
            return inside[0].canonical
        # a nickname the scan left alone ("the Saints boss"): only a club the article names
        named = self._named_clubs
        for m in re.finditer(r"(?:[Tt]he\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*", self.body[start:end]):
            for form in (m.group(0), re.sub(r"^[Tt]he\s+", "", m.group(0))):
                club = self.ctx.gazetteer.club(form)
                if club in named:
                    return club
        return None

    def _played_for(self, start: int, end: int) -> set[str]:
        """Clubs the text ties its subject to: "pulled one back for the Canaries"."""
        named = self._named_clubs
        out = set()
        for m in re.finditer(
            r"\b(?:for|with)\s+((?:[Tt]he\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)", self.body[start:end]
        ):
            form = m.group(1)
            club = self.ctx.gazetteer.club(form) or self.ctx.gazetteer.club(re.sub(r"^[Tt]he\s+", "", form))
            if club in named:
                out.add(club)
        return out

    def _groups_in(self, text: str) -> set[str]:
        out: set[str] = set()
        for m in self.lex.role_re.finditer(text):
            key = re.sub(r"\s+", " ", m.group(0).lower())
            group = self.lex.roles.get(key) or self.lex.roles.get(key[:-1])
            if group:
                out.add(group)
        return out

    def _index_descriptors(self) -> None:
        body = self.body
        for m in self.mentions:
            info = self.info.setdefault(m.canonical, PersonInfo())
            # words in front of the name: "Southampton interim head coach Simon Rusk"
            lo = max(0, m.start - 60)
            before = body[lo : m.start]
            cut = max(before.rfind(ch) for ch in '.,;:!?\n"“”(')
            prefix_start = lo + cut + 1
            prefix = body[prefix_start : m.start]
            words = prefix.split()
            keep = 0
            for w in reversed(words):
                bare = w.strip("'’").lower()
                if (
                    w[:1].isupper()
                    or bare in self.lex.roles
                    or bare in _MODIFIERS
                    or bare.rstrip("s") in self.lex.roles
                ):
                    keep += 1
                else:
                    break
            if keep:
                desc_start = m.start - len(" ".join(words[-keep:])) - 1
                desc = body[max(prefix_start, desc_start) : m.start]
                info.groups |= self._groups_in(desc)
                info.club = info.club or self._club_in(max(prefix_start, desc_start), m.start)
            # "Nathan Croft's team", "O'Naughton's side": the person in charge of a team
            if re.match(r"['’]s\s+(?:team|side|men|squad|charges)\b", body[m.end : m.end + 12]):
                info.groups.add("manager")
            # apposition: "Rusk, the Saints boss," / "Silva (Fulham manager)"
            after = re.match(r"\s*[,(]\s*(?:the\s+)?([^,;.()]{0,40}?)[,;.)]", body[m.end : m.end + 60])
            if (
                after
                and self.lex.role_re.search(after.group(1))
                and not re.search(r"\bwho\b", after.group(1))
            ):
                info.groups |= self._groups_in(after.group(1))
                info.club = info.club or self._club_in(m.end + after.start(1), m.end + after.end(1))
        for name, info in self.info.items():
            info.club = info.club or self.ctx.people.team.get(name)

    # ---- finding referents ----------------------------------------------------------------
    def referents_in(self, start: int, end: int, guess_near: tuple[int, int] | None = None) -> list[Referent]:
        """Referents in body[start:end], outside quotations, in text order. ``guess_near`` (a speech
        verb span) allows a capitalised name the name finder missed, when it is next to the verb."""
        refs: list[Referent] = []
        taken: list[tuple[int, int]] = []
        for m in self._mentions.within(start, end):
            refs.append(Referent(m.start, m.end, "name", m.canonical))
            taken.append((m.start, m.end))
        taken_index = SpanIndex(taken, lambda x: x)
        for pm in _PRONOUN.finditer(self.body, start, end):
            if not self.inside_quote(pm.start()):
                refs.append(Referent(pm.start(), pm.end(), "pronoun"))
        for pattern in (_AGE, self.lex.epithets):
            for pm in pattern.finditer(self.body, start, end):
                if not self.inside_quote(pm.start()) and not taken_index.overlaps(pm.start(), pm.end()):
                    refs.append(Referent(pm.start(), pm.end(), "pronoun"))
        for pm in self.lex.desc_re.finditer(self.body, start, end):
            if self.inside_quote(pm.start()):
                continue
            tail = self.body[pm.end() : pm.end() + 3]
            if re.match(r"\s[A-ZÀ-ÖØ-Þ]", tail) or taken_index.overlaps(pm.start(), pm.end()):
                continue  # "the Fulham boss Marco Silva": the name is the referent
            groups = self._groups_in(pm.group(0))
            club = self._club_in(pm.start(), pm.end())
            if groups:
                refs.append(Referent(pm.start(), pm.end(), "desc", None, sorted(groups)[0], club))
        if guess_near is not None:
            refs.extend(self._guesses(start, end, guess_near, taken_index))
        return sorted(refs, key=lambda r: r.start)

    def _guesses(
        self, start: int, end: int, verb: tuple[int, int], taken: SpanIndex[tuple[int, int]]
    ) -> list[Referent]:
        out = []
        for m in _CAP_NAME.finditer(self.body, start, end):
            s, e = m.start() + strip_lead(m.group(0)), m.end()  # "But Ferguson": the name is "Ferguson"
            m = _CAP_NAME.match(self.body, s, e) or m
            if taken.overlaps(s, e) or self.inside_quote(s):
                continue
            near = 0 <= verb[0] - e <= 2 or 0 <= s - verb[1] <= 2
            words = m.group(0).split()
            known = self._known_person(m.group(0))
            if known is None and len(m.group(0).split()) == 1:
                known = self.last_named(m.group(0), s)
            if near and known is not None:  # "Crewe said": a named person beats a club of that name
                out.append(Referent(s, e, "guess", known))
                continue
            if len(words) == 1 and re.search(
                r"(?:^|[.!?…:][\"”’']?\s+|\n\s*)$", self.body[max(0, s - 4) : s]
            ):
                continue  # a lone capitalised word opening a sentence ("Everyone") is no name
            if is_place(m.group(0)) or re.search(
                r"\b(?:to|in|into|at|from|across|around|near|towards)\s+(?:the\s+)?$",
                self.body[max(0, s - 12) : s],
            ):
                continue  # "before moving to Staffordshire, said": a place, or the object of a preposition
            if (
                not near
                or any(w in self.lex.not_speakers for w in words)
                or self._club_in(s, e)
                or self._gaz.overlaps(s, e)
            ):
                continue
            if any(w.lower() in self.lex.roles for w in words):
                continue
            if len(words) == 1 and re.search(r"\b[Tt]he\s+$", self.body[max(0, s - 4) : s]):
                out.append(Referent(s - 4, e, "pronoun"))  # an epithet: "the Dane said"
                continue
            canonical = self.ctx.people.add(m.group(0)) if len(words) > 1 else m.group(0)
            if canonical:
                out.append(Referent(s, e, "guess", canonical))
        return out

    def _known_person(self, text: str) -> str | None:
        """A full name the article gave, for a full or partial form of it."""
        found = self.ctx.people.resolve(text)
        if found is not None:
            return found
        surname = {c for c in {x.canonical for x in self.mentions} if c.split()[-1] == text}
        return surname.pop() if len(surname) == 1 else None

    def last_named(self, text: str, pos: int) -> str | None:
        """Of several people sharing the surname ``text`` ("the elder Harrow"), the one whose full
        name the article gave last before ``pos``; None when the surname is not shared."""
        sharing = {m.canonical for m in self.mentions if len(m.canonical.split()) > 1}
        sharing = {c for c in sharing if c.split()[-1] == text}
        if len(sharing) < 2:
            return None
        full = [
            m for m in self.mentions if m.canonical in sharing and m.end <= pos and len(m.text.split()) > 1
        ]
        return full[-1].canonical if full else None

    # ---- subjects -------------------------------------------------------------------------
    def clause_role(self, sent_start: int, ref: Referent) -> str | None:
        """'main' or 'sub' when ``ref`` opens a clause (so it can be its subject), else None."""
        if ref.start in self.credited:
            return "main"  # the speaker a quotation was credited to is the subject of its sentence
        if ref.kind == "name" and re.match(r"['’](?:s\b|\s|$)", self.body[ref.end : ref.end + 3]):
            return None  # "Rusk's side"
        # only the words just before the referent matter: look back a bounded window, so a sentence of
        # thousands of capitalised words costs the window per referent, not the sentence
        lo = max(sent_start, ref.start - _LOOKBACK)
        toks = _WORD.findall(self.body, lo, ref.start)
        truncated = lo > sent_start
        if truncated and toks:
            toks.pop(0)  # may be the tail of a word the window cut
        gaz_words = {w for g in self._gaz.within(lo, ref.start) for w in g.text.split()}
        while toks:
            t = toks[-1]
            low = t.lower().strip("'’")
            if (
                t[:1].isupper()
                or t in gaz_words
                or low in self.lex.roles
                or low in _MODIFIERS
                or low.rstrip("s") in self.lex.roles
                or re.fullmatch(r"\d+-year-old|['’]s", low)
            ):
                toks.pop()
                continue
            break
        if not toks:
            return None if truncated else "main"  # a clause opener is never that far back
        t = toks[-1]
        if not t[0].isalnum():
            return "main" if t not in "'’" else None
        if self.lex.speech.fullmatch(t) and (len(toks) < 2 or not toks[-2][0].isalnum()):
            return "main"  # '," said Fenwick.': the speaker is the subject of an inverted credit
        return self.lex.clause.get(t.lower())

    def subject_of(self, sent_start: int, sent_end: int) -> Referent | None:
        """The main-clause subject of a sentence (or of a subordinate clause when it has no main one)."""
        key = (sent_start, sent_end, len(self.credited))
        if key in self._subjects:
            return self._subjects[key]
        found = None
        if sent_end - sent_start > 2 * _SUBJECT_WINDOW:
            # the subject is nearly always near the start: look there first, so a pronoun deep in a
            # very long sentence does not gather every referent before it (a window's last 100
            # characters are left out: a referent there could read differently with more text)
            cut = sent_start + _SUBJECT_WINDOW
            for r in self.referents_in(sent_start, cut):
                if r.end > cut - 100:
                    break
                if r.kind != "guess" and self.clause_role(sent_start, r) == "main":
                    found = r
                    break
        if found is None:
            for r in self.referents_in(sent_start, sent_end):
                if r.kind != "guess" and self.clause_role(sent_start, r) == "main":
                    found = r
                    break
        self._subjects[key] = found
        return found

    def _scan(self, pattern: re.Pattern[str], lo: int, hi: int) -> list[tuple[int, int]]:
        """``(start, end)`` of ``pattern.finditer(body, lo, hi)`` (a pattern with no lookarounds or
        anchors). The matches from ``lo`` to the end of its sentence are found once; a question about
        a shorter stretch takes the ones that end inside it, and scans again only from a match that runs
        past ``hi`` (there the cut text can match differently)."""
        bound = self.ctx.sentence_at(lo).end
        if hi > bound:
            return [(m.start(), m.end()) for m in pattern.finditer(self.body, lo, hi)]
        key = (id(pattern), lo, bound)
        found = self._scans.get(key)
        if found is None:
            matches = [(m.start(), m.end()) for m in pattern.finditer(self.body, lo, bound)]
            found = self._scans[key] = (matches, [e for _s, e in matches])
        matches, ends = found
        i = bisect.bisect_right(ends, hi)
        out = matches[:i]
        if i < len(matches) and matches[i][0] < hi:
            out += [(m.start(), m.end()) for m in pattern.finditer(self.body, matches[i][0], hi)]
        return out

    def sentence_spans(self, lo: int, hi: int) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        start = lo
        for ms, me in self._scan(_SENT_END, lo, hi):
            spans.extend(capped_spans(self.body, start, ms + 1))
            start = me
        if start < hi:
            spans.extend(capped_spans(self.body, start, hi))
        return spans

    # ---- resolution -----------------------------------------------------------------------
    def resolve(self, ref: Referent, at: int) -> str | None:
        if ref.kind in ("name", "guess"):
            return ref.canonical
        if ref.kind == "pronoun":
            return self.resolve_pronoun(ref.start)
        return self.resolve_description(ref, at)

    def resolve_pronoun(self, pos: int, depth: int = 0) -> str | None:
        """The person a pronoun at ``pos`` means: the subject of the nearest sentence before it
        (or earlier in its own sentence) that has one; a pronoun subject passes on to the one before.
        Quoted words are skipped; the search gives up after a dozen sentences of narrative."""
        sents = self.ctx.sentences
        narrative = 0
        for k in range(self.ctx.sentence_index_at(pos), -1, -1):
            s = sents[k]
            hi = min(s.end, pos)
            if hi <= s.start:
                continue
            for lo, h in reversed(self.sentence_spans(s.start, hi)):
                if all(self.inside_quote(i) for i in (lo, (lo + h) // 2, h - 1)):
                    continue
                narrative += 1
                subj = self.last_clause_subject(lo, h)
                if subj is not None and subj.start < pos:
                    if subj.kind == "pronoun":
                        return self.resolve_pronoun(subj.start, depth + 1) if depth < 8 else None
                    return self.resolve(subj, subj.start)
                obj = self.main_object(lo, h) if s.end <= pos else None  # a whole earlier sentence
                if obj is not None:
                    return obj
            if narrative > 12:
                break
        return None

    def last_clause_subject(self, lo: int, hi: int) -> Referent | None:
        """The subject of the last coordinated clause that has one ("X is still in charge, and Y is
        now the leading scorer" → Y): the nearest subject for a pronoun after the sentence."""
        cuts = [e for _s, e in self._scan(_CLAUSE_CUT, lo, hi)]  # no anchors: the same as on a slice
        for cut in reversed(cuts):
            ref = self.subject_of(cut, hi)
            if ref is not None and ref.kind != "pronoun":
                return ref
        return self.subject_of(lo, hi)

    def main_object(self, lo: int, hi: int) -> str | None:
        """A sentence with no subject person ("Everton have appointed Rui Macedo, five days after
        Carlo Andreotti was sacked"): the one person named in its main clause, before any
        subordinate clause opens."""
        refs = [
            r
            for r in self.referents_in(lo, hi)
            if r.kind == "name"
            and not re.match(r"['’]", self.body[r.end : r.end + 1])  # not "Duchamp's penalty"
        ]
        if not refs:
            return None
        sub = re.search(
            r"\b(?:after|before|when|while|since|as|because|following|who|whom|which|until|although|though|"
            r"if|whether|asked|replace|replacing|succeed|succeeding)\b",
            self.body[lo:hi],
        )
        limit = lo + sub.start() if sub else hi
        main = {r.canonical for r in refs if r.end <= limit}
        return main.pop() if len(main) == 1 else None

    def resolve_description(self, ref: Referent, at: int) -> str | None:
        """ "The Saints boss": the one person the article described with that role (and club).
        When the article gave nobody that role, the description is the newsroom's second name for
        the subject just named ("Jones said ... ," the Wednesday manager said), if nothing the
        article says about that person contradicts it. Several fitting people: None."""
        cands = [n for n, info in self.info.items() if ref.group in info.groups]
        unknown: list[str] = []
        if ref.club:
            same = [n for n in cands if self.info[n].club == ref.club]
            if same:
                return same[0] if len(same) == 1 else None
            unknown = [n for n in cands if self.info[n].club is None]
        elif cands:
            return cands[0] if len(cands) == 1 else None
        shared = _shared_description(self.ctx, self.body[ref.start : ref.end])
        if shared is not None and (ref.club is None or self.ctx.people.team.get(shared) == ref.club):
            return shared
        former = bool(
            re.search(r"\b(?:former|ex|one-time|erstwhile)\b", self.body[ref.start : ref.end], re.I)
        )
        name = self.recent_subject(ref.start, None if former else ref.club)
        if name is not None:
            info = self.info.get(name, PersonInfo())
            club = info.club or self.ctx.people.team.get(name)
            fits_club = former or not (ref.club and club and club != ref.club)
            if (not info.groups or ref.group in info.groups) and fits_club:
                return name
        if shared is not None:
            return shared
        if len(unknown) == 1:
            return unknown[0]
        if ref.club:  # nobody holds the role: the one person the article ties to that club, role unknown
            tied = [
                n
                for n in {m.canonical for m in self.mentions}
                if (self.info.get(n, PersonInfo()).club or self.ctx.people.team.get(n)) == ref.club
                and not self.info.get(n, PersonInfo()).groups
            ]
            return tied[0] if len(tied) == 1 else None
        return None

    def recent_subject(self, pos: int, club: str | None = None, limit: int = 2) -> str | None:
        """The named subject of the sentence ``pos`` is in, or of the one before (quotes skipped);
        None when that sentence ties the subject's action to a club other than ``club``."""
        narrative = 0
        for k in range(self.ctx.sentence_index_at(pos), -1, -1):
            s = self.ctx.sentences[k]
            hi = min(s.end, pos)
            for lo, h in reversed(self.sentence_spans(s.start, hi) if hi > s.start else []):
                if all(self.inside_quote(i) for i in (lo, (lo + h) // 2, h - 1)):
                    continue
                narrative += 1
                subj = self.subject_of(lo, h)
                name = subj.canonical if subj is not None and subj.kind in ("name", "guess") else None
                if subj is not None and subj.kind == "pronoun":
                    name = self.resolve_pronoun(subj.start)
                if subj is not None and name is not None:
                    played_for = self._played_for(subj.end, h)
                    return name if club is None or not played_for or club in played_for else None
                if narrative >= limit:
                    return None
        return None

    def note_speaker(self, ref: Referent, canonical: str) -> None:
        """Record the referent that credits a quotation (a subject for later pronouns), and a
        speaker the name finder missed, so the people list links to it."""
        self.credited.add(ref.start)
        if ref.kind == "guess" and not any(m.start == ref.start for m in self.ctx.person_mentions):
            self.added.append(PersonMention(ref.start, ref.end, self.body[ref.start : ref.end], canonical))
