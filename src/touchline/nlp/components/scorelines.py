"""Match mentions in one article: scorelines, results without scores, and previews.

A :class:`Mention` is one place where the text says something about a fixture: who (a subject club
and the other club, as far as the sentence tells), what score from the subject's side, which side
was at home when the words say so, and whether it is still to be played. ``matches`` merges the
mentions of one fixture and fills the match fields.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from touchline.nlp.components.match_lexicon import (
    CLUB,
    CLUB_RE,
    COMP,
    FILL,
    PERSON,
    POSS_RE,
    SCORE_RE,
    STADIUM,
    STADIUM_RE,
    dated_history,
    lexicon,
    result_word,
)
from touchline.nlp.context import ArticleContext
from touchline.nlp.segment import Segment
from touchline.temporal import find_date_expressions, resolve_relative_date

_TAIL = 200  # characters before a position searched by a pattern anchored there (``...$``)


def tail_search(pattern: str, text: str, start: int, end: int, flags: int = 0) -> re.Match[str] | None:
    """``re.search(pattern + "$", text[start:end])`` for a pattern anchored at ``end``, reading at
    most the last ``_TAIL`` characters (from a word start), so a long sentence is not searched from
    every position for every score in it. Offsets in the match are offsets into ``text``."""
    lo = max(start, end - _TAIL)
    if lo > start:
        space = text.find(" ", lo, end)
        lo = space + 1 if space >= 0 else lo
    return re.compile(pattern, flags).search(text, lo, end)


_BOUNDARY = re.compile(r";|:\s|,\s+(?:but|while|whereas|and|as|although|though)\s|\s+but\s|\s[–—]\s|,\s")
_PREP = r"(?:against|to|by|over|at|with|versus|vs\.?|v\.?|from|in|on|for|of)"
_FILLER = r"(?:[a-z][\w'’-]*\s+){0,3}?"


@dataclass
class Mention:
    start: int
    end: int
    sentence: Segment
    subject: str | None = None
    other: str | None = None
    subject_score: int | None = None
    other_score: int | None = None
    outcome: str | None = None  # win | loss | draw, for the subject
    home: str | None = None  # the club the words put at home
    home_first: bool = False  # "A 2-1 B", "A v B": the conventional home-first order
    status: str = "played"  # played | scheduled
    venue: str | None = None
    penalties: tuple[int, int] | None = None  # subject, other
    half_time: tuple[int, int] | None = None  # subject, other
    kind: str = "score"  # score | result | preview | half_time
    spans: list[tuple[int, int]] = field(default_factory=list)
    told_ahead: bool = False  # a verb says the clubs are yet to meet ("meet on Saturday", "host")

    @property
    def clubs(self) -> set[str]:
        return {c for c in (self.subject, self.other) if c}


def mask(ctx: ArticleContext) -> str:
    """The body with clubs, stadiums, competitions and people replaced by same-length placeholders."""
    chars = list(ctx.body)
    marks = {"club": CLUB, "stadium": STADIUM, "competition": COMP}
    for m in ctx.gaz:
        chars[m.start : m.end] = marks.get(m.kind, COMP) + FILL * (m.end - m.start - 1)
    for p in ctx.person_mentions:
        if any(c.isdigit() for c in p.text):
            continue  # "Bailey 40" is a name and a minute, not a name
        if all(c not in CLUB + STADIUM + COMP + FILL for c in chars[p.start : p.end]):
            chars[p.start : p.end] = PERSON + FILL * (p.end - p.start - 1)
    return "".join(chars)


class MentionFinder:
    def __init__(self, ctx: ArticleContext, masked: str, quoted: list[bool]) -> None:
        self.ctx = ctx
        # sentence start -> its clause boundaries (start, end) and their ends
        self._boundaries: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}
        self._historical: dict[int, bool] = {}  # sentence start -> the sentence is about the past
        self.masked = masked
        self.quoted = quoted  # per body character: inside a quotation
        self.clubs = {m.start: m for m in ctx.gaz if m.kind == "club"}
        self.stadiums = {m.start: m for m in ctx.gaz if m.kind == "stadium"}
        self.lex = lexicon()

    # ---- helpers -------------------------------------------------------------------------------
    def in_quote(self, start: int, end: int) -> bool:
        return self.ctx.in_quote(start, end) or any(self.quoted[start:end])

    def club_at(self, offset: int) -> str | None:
        m = self.clubs.get(offset)
        return m.canonical if m else None

    def club_spans(self, start: int, end: int) -> list[tuple[int, int, str, bool]]:
        """(start, end, canonical, possessive) for clubs in [start, end)."""
        out = []
        for m in self.ctx.gaz:
            if m.kind == "club" and start <= m.start and m.end <= end:
                poss = re.match(POSS_RE, self.ctx.body[m.end : m.end + 2]) is not None
                out.append((m.start, m.end, m.canonical, poss))
        return out

    def dominant_club(self, exclude: str | None) -> str | None:
        """The club the article is about: clearly the most mentioned outside quotations."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for m in self.ctx.gaz:
            if m.kind == "club" and m.canonical != exclude and not self.in_quote(m.start, m.end):
                counts[m.canonical] = counts.get(m.canonical, 0) + 1
                first.setdefault(m.canonical, m.start)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        # a tie: the club the article opens with, when its first sentence names it
        if ranked and self.ctx.sentences and first[ranked[0][0]] < self.ctx.sentences[0].end:
            return ranked[0][0]
        return None

    def clause_start(self, sent: Segment, offset: int) -> int:
        """End of the last clause boundary in ``masked[sent.start:offset]`` (``sent.start`` when there is
        none). The sentence's boundaries are found once; only a boundary that runs past ``offset``
        (", and" cut after the comma) is looked for again in the cut text."""
        cached = self._boundaries.get(sent.start)
        if cached is None:
            found = [(b.start(), b.end()) for b in _BOUNDARY.finditer(self.masked, sent.start, sent.end)]
            cached = self._boundaries[sent.start] = (found, [e for _s, e in found])
        found, ends = cached
        i = bisect.bisect_right(ends, offset)  # found[:i] end within the cut text, as the cut scan finds them
        last = ends[i - 1] if i > 0 else sent.start
        if i < len(found) and found[i][0] < offset:
            for b in _BOUNDARY.finditer(self.masked, found[i][0], offset):
                last = b.end()
        return last

    def subject_before(self, sent: Segment, offset: int, exclude: str | None, noun_form: bool) -> str | None:
        """The club the words before ``offset`` make the subject of the result."""
        relative = [
            (r.start(), r.end())
            for r in re.finditer(r",\s+(?:who|which|whose)\b[^,]*,", self.masked[sent.start : offset])
        ]  # "Everton, who beat Leeds 1-0 last week, drew 0-0": Leeds is not the subject
        clubs = [
            c
            for c in self.club_spans(sent.start, offset)
            if c[2] != exclude
            and not any(a <= c[0] - sent.start < b for a, b in relative)
            and not tail_search(
                r"\b(?:behind|above|below|than|ahead of|clear of|level with)\s+$",
                self.masked,
                sent.start,
                c[0],
            )
        ]  # "a point behind Kilmarnock" compares, it does not name the subject
        if not clubs:
            clause = self.masked[self.clause_start(sent, offset) : offset]
            unknown = re.match(
                r"\s*(?!(?:The|They|He|She|It|His|Their|We|A|An|But|And)\b)([A-Z][a-z]+)\s+(?:will|are|is|have|has|were|was|\w+ed)\b",
                clause,
            )
            if unknown:  # "Reading finished third and will face...": a subject the scan left out
                return self.ctx.gazetteer.club(unknown.group(1))
            own_side = re.match(
                r"\s*(?:He|She)\b[^,.;:]*?\b(?:his|her)\s+(?:side|team|club|men|women|players)\b",
                self.masked[sent.start : offset],
            )  # "He pointed out that his side had won ...": the one club the sentence before names
            if own_side:
                i = self.ctx.sentence_index_at(sent.start)
                prev = self.ctx.sentences[i - 1] if i > 0 else None
                named = (
                    list(dict.fromkeys(c[2] for c in self.club_spans(prev.start, prev.end))) if prev else []
                )
                if len(named) == 1 and named[0] != exclude:
                    return named[0]
            if re.match(r"\s*They\b", self.masked[sent.start : offset]):
                # "They finished bottom after a 0-0 draw": the club the sentence before was about
                i = self.ctx.sentence_index_at(sent.start)
                if i > 0:
                    prev = self.ctx.sentences[i - 1]
                    named = [c for c in self.club_spans(prev.start, prev.end) if c[2] != exclude]
                    if named and not self.in_quote(named[0][0], named[0][1]):
                        return named[0][2]
            return self.dominant_club(exclude)
        between = self.masked[clubs[-1][1] : offset]
        if noun_form and clubs[-1][3] and re.fullmatch(rf"{POSS_RE}\s+(?:[\w-]+\s+){{0,3}}", between):
            return clubs[-1][2]  # "Fulham's dramatic 2-1 win"
        plain = [
            c
            for c in clubs
            if not c[3] or re.compile(rf"{POSS_RE}\s+(?:{self.lex.noun_re})").match(self.masked, c[1])
        ]
        if plain and noun_form:
            # "X, ..., earned a 1-0 win": the subject of the clause, else of the sentence
            clause_at = self.clause_start(sent, offset)
            in_clause = [c for c in plain if c[0] >= clause_at]
            return (in_clause or plain)[0][2]
        if plain:
            return plain[-1][2]
        return clubs[-1][2]

    def object_after(self, offset: int, end: int) -> tuple[str | None, str | None, str | None]:
        """(club, stadium, preposition) right after a result: "against Liverpool", "at St Mary's"."""
        text = self.masked[offset:end]
        m = re.match(
            rf"\s*(?:(?:{self.lex.noun_re})\s+)?(?:[\w-]+\s+){{0,2}}?(?:(away|at home)\s+)?({_PREP})\s+"
            rf"(?:the\s+)?(?:home\s+of\s+|ground\s+of\s+)?(?:(?:[a-z][\w-]*|{COMP}{FILL}*)\s+){{0,3}}?({CLUB_RE}|{STADIUM_RE})",
            text,
            re.IGNORECASE,
        )
        if not m:
            return None, None, None
        pos = offset + m.start(3)
        prep = ((m.group(1) or "") + " " + m.group(2)).strip().lower()
        if m.group(3).startswith(STADIUM):
            st = self.stadiums[pos]
            return None, st.canonical, prep
        return self.club_at(pos), None, prep

    def _dated_this_year(self, sent: Segment) -> bool:
        """The sentence names a month or day that resolves to within the year before publication."""
        if not self.ctx.published:
            return False
        pub = date.fromisoformat(self.ctx.published)
        for _s, _e, phrase in find_date_expressions(self.ctx.body[sent.start : sent.end]):
            resolved = resolve_relative_date(phrase, self.ctx.published)
            if not resolved or len(resolved) < 7:
                continue
            when = date.fromisoformat(resolved if len(resolved) == 10 else resolved + "-01")
            if 0 < (pub - when).days <= 366:
                return True
        return False

    def _club_end(self, club: str, start: int, end: int) -> int:
        """End of the first mention of ``club`` in [start, end) (``start`` when there is none)."""
        spans = [c for c in self.club_spans(start, end) if c[2] == club]
        return spans[0][1] if spans else start

    def is_historical(self, sent: Segment, start: int, end: int) -> bool:
        if self._historical_sentence(sent):
            return True
        pub_year = (self.ctx.published or "")[:4]
        window = self.ctx.body[max(self.clause_start(sent, start), start - 60) : min(sent.end, end + 40)]
        for y in re.finditer(r"(?<![\d-])(?:in|of|back in|during)\s+((?:18|19|20)\d{2})(?![\d-])", window):
            if y.group(1) != pub_year:
                return True
        return False

    def _historical_sentence(self, sent: Segment) -> bool:
        """The whole sentence is about the past (worked out once per sentence)."""
        known = self._historical.get(sent.start)
        if known is None:
            text = self.ctx.body[sent.start : sent.end].lower()
            known = any(p.search(text) for p in self.lex.historical) or bool(
                dated_history().search(text) and not self._dated_this_year(sent)
            )  # "In the reverse fixture, Leeds won 4-1": an undated earlier meeting
            self._historical[sent.start] = known
        return known

    # ---- scorelines ----------------------------------------------------------------------------
    def scorelines(self) -> list[Mention]:
        out: list[Mention] = []
        for sent in self.ctx.sentences:
            self.ctx.check_deadline()
            text = self.masked[sent.start : sent.end]
            taken: list[tuple[int, int]] = []
            # "Liverpool 2 Southampton 1", with optional scorer lists in brackets
            for m in re.finditer(
                rf"({CLUB_RE})\s+\(?(\d{{1,2}})\)?\s*(?:\([^)]*\)\s*)?[,–—-]?\s*({CLUB_RE})\s+\(?(\d{{1,2}})\)?(?![\w-])",
                text,
            ):
                s = sent.start
                home, away = self.club_at(s + m.start(1)), self.club_at(s + m.start(3))
                if home and away and home != away and not self.in_quote(s + m.start(), s + m.end()):
                    men = Mention(
                        s + m.start(), s + m.end(), sent, home, away, int(m.group(2)), int(m.group(4))
                    )
                    men.home, men.home_first = home, True
                    self._finish(men)
                    out.append(men)
                    taken.append((s + m.start(), s + m.end()))
            for m in SCORE_RE.finditer(text):
                a, b = sent.start + m.start(), sent.start + m.end()
                if any(x <= a < y for x, y in taken):
                    continue
                found = self.classify(sent, a, b, int(m.group(1)), int(m.group(2)))
                if found is not None:
                    out.append(found)
            for m in re.finditer(
                rf"\b({self.lex.number_re})(?:[- ]({self.lex.number_re})|\s+goals?\s+to\s+({self.lex.number_re}))\b",
                text,
                re.IGNORECASE,
            ):
                x = self.lex.numbers[m.group(1).lower()]
                y = self.lex.numbers[(m.group(2) or m.group(3)).lower()]
                a, b = sent.start + m.start(), sent.start + m.end()
                found = self.classify(sent, a, b, x, y, words=True)
                if found is not None:
                    out.append(found)
            for m in re.finditer(r"\b(?:goalless|scoreless)(?=\s+(?:draw|stalemate)\b)", text, re.IGNORECASE):
                a, b = sent.start + m.start(), sent.start + m.end()
                found = self.classify(sent, a, b, 0, 0, words=True)
                if found is not None:
                    out.append(found)
        return out

    def classify(self, sent: Segment, a: int, b: int, x: int, y: int, words: bool = False) -> Mention | None:
        ctx, lex = self.ctx, self.lex
        if self.in_quote(a, b):
            return None
        before = ctx.body[self.clause_start(sent, a) : a].lower()
        after = ctx.body[b : sent.end].lower()
        penalties = re.match(
            r"\s*(?:\)\s*)?(?:(?:on|in the)\s+(?:penalties|pens|spot[- ]kicks|a (?:penalty )?shoot-?out)|(?:penalty\s+)?shoot-?out)",
            after,
        ) or re.search(r"(?:shoot-?out|penalties|spot-kicks)\s+$", before[-25:])
        if not penalties:
            aggregate = re.search(r"\b(?:on|after|in)\s+aggregate\b|\bagg\b", after[:50])
            not_before = any(p.search(before[-60:]) for p in lex.not_before)
            if aggregate or not_before or any(p.match(after) for p in lex.not_after):
                return self._half_time(sent, a, b, x, y, before, after)
            if self.is_historical(sent, a, b):
                return None
        mtext = self.masked
        right = mtext[b : sent.end]
        men = Mention(a, b, sent, spans=[(a, b)])
        # "Liverpool 2-1 Southampton"
        lm = tail_search(rf"({CLUB_RE})\s*\(?$", mtext, sent.start, a)
        rm = re.match(rf"\)?\s*({CLUB_RE})", right)
        if lm and rm and not words:
            men.subject = self.club_at(lm.start(1))
            men.other = self.club_at(b + rm.start(1))
            men.subject_score, men.other_score = x, y
            men.home, men.home_first = men.subject, True
            return self._finish(men)
        hi, lo = max(x, y), min(x, y)
        verb = tail_search(
            rf"\b({lex.verb_re}|{lex.passive_re})\s+(?:(?:by|with|to|against)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?"
            rf"(?:({CLUB_RE}){POSS_RE}?\s+)?(?:(?:by|with|to|against)\s+)?(?:a\s+|an\s+)?(?:[a-z][\w-]*\s+){{0,2}}?\(?$",
            mtext,
            sent.start,
            a,
            re.IGNORECASE,
        )
        noun = re.match(  # "a 2-2 draw", "a 1-1 Championship draw"
            rf"\)?\s*(?:(?:[a-z][\w-]*|{COMP}{FILL}*)\s+){{0,2}}?({lex.noun_re})\b", right, re.IGNORECASE
        )
        word = None
        if noun and not (verb and verb.group(2)):
            word = result_word(noun.group(1), "noun")
            pivot = a
            noun_form = True
        elif verb:
            word = result_word(
                verb.group(1), "passive" if re.search(lex.passive_re, verb.group(1), re.I) else "verb"
            )
            pivot = verb.start(1)
            noun_form = False
            if verb.group(2):
                men.other = self.club_at(verb.start(2))
        if word is None and tail_search(
            r"\b(?:match|game|tie|contest|it|derby|clash|encounter|score|which|that)\s+(?:finished|ended|was)\s+(?:all\s+square\s+|level\s+)?(?:at\s+)?$",
            mtext,
            sent.start,
            a,
            re.IGNORECASE,
        ):
            men.kind, men.subject_score, men.other_score = "bare", x, y
            return men
        if word is None:
            if words or penalties:
                return None
            # a bare scoreline: both clubs in order, flagged by the caller as order_as_given
            clubs = self.club_spans(sent.start, sent.end)
            names = list(dict.fromkeys(c[2] for c in clubs))
            if len(names) != 2 or not tail_search(r"[(\[]\s*$", mtext, sent.start, a):
                return None
            men.subject, men.other = names
            men.subject_score, men.other_score = x, y
            return self._finish(men)
        men.outcome = word.outcome
        obj, stadium, prep = self.object_after(b, sent.end)
        if noun_form and prep == "for" and obj is not None and men.other is None:
            men.subject = obj  # "a 2-1 win for Sheffield United": the result is that club's
            if stadium is None:
                _o, stadium, _p = self.object_after(self._club_end(obj, b, sent.end), sent.end)
        else:
            if men.other is None:
                men.other = obj
            men.subject = self.subject_before(sent, pivot, men.other, noun_form)
        after_pair = self._draw_clubs_after(sent, pivot, b, men)
        if after_pair:  # "there was a 3-3 thriller at Fratton Park, where Portsmouth ... against Crawley"
            men.subject, men.other = after_pair
        if (
            not noun_form
            and re.search(r",\s+$", mtext[sent.start : pivot])
            and verb
            and verb.group(1).lower().endswith("ing")
        ):
            clubs = [c for c in self.club_spans(sent.start, pivot) if not c[3] and c[2] != men.other]
            if clubs:  # "Villa needed a late header at Stevenage, winning 2-1": the sentence's subject won
                men.subject = clubs[0][2]
                rest = [c[2] for c in self.club_spans(sent.start, pivot) if c[2] != men.subject]
                if men.other is None and len(set(rest)) == 1:
                    men.other = rest[0]
        self._coordinated(sent, pivot, men, noun_form)
        if not noun_form and re.search(
            r"\bthey\s+(?:[a-z]+\s+)?$", mtext[self.clause_start(sent, pivot) : pivot], re.I
        ):
            # "..., but last night they lost 2-1": the club the sentence is about, not the nearest one
            first = [c for c in self.club_spans(sent.start, pivot) if c[2] != men.other]
            if first:
                men.subject = first[0][2]
        if stadium:
            men.venue = stadium
            owner = ctx.gazetteer.club_of_stadium(stadium)
            national = men.subject is not None and ctx.gazetteer.is_national_team(men.subject)
            if owner and owner != men.subject and men.other is None and not national:
                men.other = owner  # (a national team at a club's ground is not playing that club)
            if owner in (men.subject, men.other):
                men.home = owner
        elif men.other and prep in ("at", "away at", "away to"):
            men.home = men.other
        elif men.other and prep in ("at home to", "at home against", "at home with"):
            men.home = men.subject
        if men.subject == men.other:
            men.other = None
        if penalties:
            if word.outcome == "draw":
                return None
            men.penalties = (hi, lo) if word.outcome == "win" else (lo, hi)
            men.outcome = "draw"
            return self._finish(men)
        if word.outcome == "draw":
            if x != y:
                return None
            men.subject_score = men.other_score = x
        elif x == y:
            return None
        else:
            men.subject_score, men.other_score = (hi, lo) if word.outcome == "win" else (lo, hi)
        return self._finish(men)

    def _draw_clubs_after(self, sent: Segment, pivot: int, b: int, men: Mention) -> tuple[str, str] | None:
        """A draw whose sentence names no club before the score but exactly two after it."""
        if men.outcome != "draw" or men.other is not None:
            return None
        if self.club_spans(sent.start, pivot) or re.search(
            r"\bthey\b", self.masked[sent.start : pivot], re.I
        ):
            return None
        after = list(
            dict.fromkeys(c[2] for c in self.club_spans(b, sent.end) if not self.in_quote(c[0], c[1]))
        )
        return (after[0], after[1]) if len(after) == 2 else None

    def _coordinated(self, sent: Segment, pivot: int, men: Mention, noun_form: bool) -> None:
        """ "Everton and Leeds drew 2-2": both clubs are the subject; "Leeds hosted Fulham and won":
        the subject is the first club of the sentence."""
        both = tail_search(
            rf"({CLUB_RE})\s+(?:and|&)\s+({CLUB_RE})\s+(?:[a-z]+\s+){{0,2}}$", self.masked, sent.start, pivot
        )
        if both and men.other is None and men.outcome == "draw":
            men.subject = self.club_at(both.start(1))
            men.other = self.club_at(both.start(2))
            return
        if not noun_form and tail_search(r"\band\s+(?:[a-z]+\s+)?$", self.masked, sent.start, pivot):
            clubs = self.club_spans(sent.start, pivot)
            if len(clubs) >= 2 and clubs[0][2] != men.other:
                if men.other is None and men.subject != clubs[0][2]:
                    men.other = men.subject
                men.subject = clubs[0][2]

    def _half_time(
        self, sent: Segment, a: int, b: int, x: int, y: int, before: str, after: str
    ) -> Mention | None:
        near = before[-40:] + " " + after[:30]
        if not any(p.search(near) for p in self.lex.half_time):
            return None
        clubs = self.club_spans(sent.start, sent.end)
        names = list(dict.fromkeys(c[2] for c in clubs))
        men = Mention(a, b, sent, kind="half_time", spans=[(a, b)])
        led = re.search(r"\b(?:led|leading|lead)\b", before[-40:])
        if led and names:
            lead = self.subject_before(sent, a, None, False)
            men.subject = lead
            men.other = next((n for n in names if n != lead), None)
            men.half_time = (max(x, y), min(x, y))
        elif len(names) == 2:
            men.subject, men.other = names
            men.half_time = (x, y)
        else:
            return None
        return men

    def _finish(self, men: Mention) -> Mention:
        if not men.spans:
            men.spans = [(men.start, men.end)]
        if men.kind == "score" and men.subject_score is None and men.penalties is None:
            men.kind = "result"
        return men

    # ---- results without a score, and previews -------------------------------------------------
    def results_without_score(self) -> list[Mention]:
        out = []
        lex = self.lex
        for sent in self.ctx.sentences:
            self.ctx.check_deadline()
            text = self.masked[sent.start : sent.end]
            pat = (
                rf"\b(?:({lex.verb_re}|{lex.passive_re})\s+(?:by\s+|to\s+|with\s+|against\s+|at\s+)?|"
                rf"({lex.noun_re})\s+({_PREP})\s+)(?:[a-z][\w-]*\s+){{0,2}}?({CLUB_RE}|{STADIUM_RE})"
            )
            for m in re.finditer(pat, text, re.IGNORECASE):
                a = sent.start + m.start()
                if self.in_quote(a, a + 1) or self.is_historical(sent, a, sent.start + m.end()):
                    continue
                if SCORE_RE.search(text[max(0, m.start() - 12) : m.end() + 12]):
                    continue
                noun_form = m.group(2) is not None
                word = result_word(m.group(2), "noun") if noun_form else None
                if word is None and m.group(1):
                    form = "passive" if re.fullmatch(lex.passive_re, m.group(1), re.I) else "verb"
                    word = result_word(m.group(1), form)
                if word is None:
                    continue
                target = sent.start + m.start(4)
                shootout = re.match(
                    r"\S*\s+(?:on\s+penalties|on\s+pens|in\s+a\s+(?:penalty\s+)?shoot-?out|after\s+penalties)",
                    text[m.end() :],
                )
                outcome = None if shootout else word.outcome
                men = Mention(a, sent.start + m.end(), sent, kind="result", outcome=outcome)
                if m.group(4).startswith(STADIUM):
                    men.venue = self.stadiums[target].canonical
                    owner = self.ctx.gazetteer.club_of_stadium(men.venue)
                    men.other = owner
                    men.home = owner
                else:
                    men.other = self.club_at(target)
                    prep = (
                        m.group(3) or m.group(0).split()[-2] if len(m.group(0).split()) > 1 else ""
                    ).lower()
                    if prep == "at":
                        men.home = men.other
                men.subject = self.subject_before(sent, a, men.other, noun_form)
                if men.subject is None or men.other is None or men.subject == men.other:
                    continue
                out.append(self._finish(men))
        return out


def quotation_mask(ctx: ArticleContext) -> list[bool]:
    """Per character of the body: inside quotation marks? (ctx.quote_spans, or the marks themselves).

    A paragraph that opens a quotation and never closes it is quoted to its end, as journalists
    write quotations that run over several paragraphs.
    """
    flags = [False] * len(ctx.body)
    if ctx.quote_spans:  # the quotes component has run: its spans are the quotations
        for qs, qe in ctx.quote_spans:
            for i in range(max(0, qs), min(len(flags), qe)):
                flags[i] = True
        return flags
    for para in ctx.paragraphs:
        inside = False
        for i in range(para.start, para.end):
            ch = ctx.body[i]
            if ch == '"' and i > 0 and ctx.body[i - 1].isdigit():
                continue  # 6'2": an inch mark
            if ch == "“" or (ch == '"' and not inside):
                inside = True
            elif ch == "”" or (ch == '"' and inside):
                inside = False
                flags[i] = True
                continue
            flags[i] = inside
    for qs, qe in ctx.quote_spans:
        for i in range(max(0, qs), min(len(flags), qe)):
            flags[i] = True
    return flags
