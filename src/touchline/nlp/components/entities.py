"""Entity mentions: gazetteer clubs/competitions/stadiums, and people.

Sets ``ctx.gaz``, ``ctx.person_mentions`` and fills ``ctx.people``. spaCy's labels are not trusted
blindly:

* anything the gazetteer knows as a club, competition or stadium is never a person (a club at the
  edge of a PERSON span is cut off: "Celtic Brendan Rodgers");
* a full name the model labelled ORG/GPE/NORP/FAC ("Emile Smith Rowe levelled") is a person when it
  looks like a name and its context says so (a position before it, an action after it);
* lone words are only people when they resolve onto a full name the article gave, or are a
  mononym/bare surname with a person cue — never a pronoun, "Advertisement" or a lone first name;
* once a full name is known, its later surname forms are found even where the model missed them
  ("substitute Smith Rowe").

It also finds explicit affiliations ("Liverpool's Darwin Núñez", "Fulham manager Marco Silva",
"Núñez (Liverpool)", "levelled for Fulham", "his Southampton players") and registers job holders
(see ``roles.collect``) so later components can resolve "the Saints boss" with
:func:`resolve_description`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from touchline.config import DATA_DIR
from touchline.linking.people import clean_name, fold, is_place
from touchline.nlp.components import roles as roles_component
from touchline.nlp.context import ArticleContext, PersonMention
from touchline.nlp.spans import SpanIndex, pair_index

ROLE_DIR = DATA_DIR / "roles"
_OTHER_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC", "EVENT"})
_WEAK_LABELS = frozenset({"GPE", "LOC", "FAC"})  # places: need a strong cue to be a person
_PARTICLES = frozenset({"de", "da", "das", "do", "dos", "van", "von", "der", "den", "di", "del", "della", "le", "la",
                        "du", "ten", "ter", "bin", "al", "el", "y"})  # fmt: skip
_WEAK_CUES = frozenset({"was", "is", "has", "had", "who", "and", "by", "from"})
_HONORIFIC = re.compile(r"^(?:sir|dame|dr|mr|mrs|ms|lord)\.?$", re.IGNORECASE)
_WORD = re.compile(r"[^\s]+")
_CAP = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-]*$")
_POSS = re.compile(r"(?:['’]s|['’])$")
_SCORING = re.compile(
    r"\b(?:scored|scores|netted|nets|levelled|equalised|struck|strikes|headed|fired|played|plays|starred|"
    r"signed|joined|debut|goal|goals|opener|winner|equaliser|brace|hat-trick)\b",
    re.IGNORECASE,
)
_CAPITALISED_RUN = re.compile(
    r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+(?:(?:van|de|da|der|den|von|di|del|dos|le|la)\s+)*[A-ZÀ-ÖØ-Þ][\w'’-]*){1,3}"
)
_TITLE_WORDS = frozenset({"the", "a", "an", "but", "and", "as", "when", "while", "after", "before", "meanwhile",
                          "sporting", "head", "chief", "interim", "caretaker", "former", "new"})  # fmt: skip
_TEAM_NOUNS = r"(?:players|side|team|squad|team-mates|teammates|men|charges|career|debut|contract)"
_UP = "A-ZÀ-ÖØ-ÞĀ-ŽƁ-Ƶ"  # capitals, Latin-1 and Latin Extended-A/B ("Ł", "Ø", "Š")
_NAME_WORD = rf"[{_UP}][\w'’-]+"
# a nickname inside a name: Stephen "Stevie" McCorkindale, Jamie 'Jazza' Gowans, Jimmy "The Jet" Rourke
_NICKNAMED = re.compile(
    rf"(?<![\w'’-])({_NAME_WORD})\s+([\"“‘'])[{_UP}][\w.'’-]{{1,14}}(?:\s+[{_UP}][\w.'’-]{{1,14}}){{0,2}}[\"”’']\s+"
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD})?)"
)
# two or three words in capitals ("ŁUKASZ NOWICKI scored"), each of two letters or more
_CAPS_RUN = re.compile(rf"(?<![\w'’-])[{_UP}][{_UP}'’-]+(?:\s+[{_UP}][{_UP}'’-]+)+(?![\w'’-])")


@dataclass(frozen=True)
class NameWords:
    first_names: frozenset[str]
    not_names: frozenset[str]
    org_words: frozenset[str]
    cues_before: frozenset[str]
    cues_after: frozenset[str]
    person_nouns: frozenset[str]  # positions and titles: "Fulham manager X", "Liverpool's striker X"
    possessed: frozenset[str]  # "X's corner", "X's contract": a person's things


def _read(name: str) -> list[str]:
    text = (ROLE_DIR / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def name_words() -> NameWords:
    cues = [line.split("\t") for line in _read("person_cues.tsv")]
    before = frozenset(w.casefold() for k, w in cues if k == "before")
    after = frozenset(w.casefold() for k, w in cues if k == "after")
    titles = {line.split("\t")[0].casefold() for line in _read("titles.tsv")}
    nouns = frozenset((before - _WEAK_CUES) | {t.split()[-1] for t in titles})
    return NameWords(
        frozenset(fold(w) for w in _read("first_names.txt")),
        frozenset(w.casefold() for w in _read("not_names.txt")),
        frozenset(w.casefold() for w in _read("org_words.txt")),
        before,
        after,
        nouns,
        frozenset(w.casefold() for k, w in cues if k == "possessed"),
    )


# ---- candidate spans ------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _day_names() -> frozenset[str]:
    """Named days ("Boxing Day", "Deadline Day") from data/matches/day_names.txt, case-folded."""
    text = (DATA_DIR / "matches" / "day_names.txt").read_text(encoding="utf-8")
    return frozenset(
        " ".join(line.split()).casefold()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def _trim(ctx: ArticleContext, start: int, end: int) -> tuple[int, int]:
    """Cut possessives, leading titles/role words, lowercase words and edge club mentions off a span."""
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(ctx.body[start:end])]
    nw = name_words()
    while words:
        s, e = words[0]
        w = ctx.body[s:e].strip(",.;:\"'“”‘’()")
        low = w.casefold()
        if (
            not w
            or low in ("the", "a", "an")
            or low in nw.not_names
            or low in nw.person_nouns
            or _HONORIFIC.match(w)
            or (not w[0].isupper() and low not in _PARTICLES)
            or ctx.gaz_covering(s, e)
        ):
            words.pop(0)
            continue
        break
    while words:
        s, e = words[-1]
        w = _POSS.sub("", ctx.body[s:e]).strip(",.;:\"'“”‘’()")
        if not w or not w[0].isupper() or w.casefold() in nw.not_names:
            words.pop()
            continue
        break
    # a club alias ending the span stays part of the name only after a given name ("David Villa",
    # "Lewis Hamilton"); otherwise it is the club ("Relegated Wigan", "Boss Celtic")
    while len(words) >= 2:
        g = ctx.gaz_covering(*words[-1])
        first = fold(ctx.body[words[0][0] : words[0][1]].strip(",.;:\"'“”‘’()"))
        if g is None or first in nw.first_names:
            break
        while words and words[-1][1] > g.start:
            words.pop()
    # a given name the model left outside the span: "head coach Anders [Holm]"
    for _ in range(2):
        if not words:
            break
        prev = re.search(
            r"(?:^|(?<=\s))([A-ZÀ-ÖØ-Þ][\w'’-]+)\s+$", ctx.body[max(0, words[0][0] - 30) : words[0][0]]
        )
        if prev is None:
            break
        w = prev.group(1)
        ps = words[0][0] - len(prev.group(0))
        low = w.casefold()
        if (
            low in nw.not_names
            or low in nw.person_nouns
            or low in nw.org_words
            or low in _TITLE_WORDS
            or ctx.gaz_covering(ps, ps + len(w))
            or fold(w) not in nw.first_names
        ):
            break
        words.insert(0, (ps, ps + len(w)))
    if not words:
        return start, start
    s, e = words[0][0], words[-1][1]
    if " ".join(ctx.body[s:e].split()).strip(",.;:\"'“”‘’()").casefold() in _day_names():
        return start, start  # "Boxing Day": a day, not a person
    text = ctx.body[s:e]
    m = re.search(r"(?:['’]s?|[,.;:\"”’)]+)$", text)
    while m and m.group(0):
        e -= len(m.group(0))
        text = ctx.body[s:e]
        m = re.search(r"(?:['’]s?|[,.;:\"”’)]+)$", text)
    return s, e


def _looks_like_name(text: str) -> bool:
    toks = text.split()
    if not toks or any(ch.isdigit() for ch in text):
        return False
    if not _CAP.match(toks[-1]) or (toks[-1].isupper() and len(toks[-1]) > 1):
        return False
    return all(_CAP.match(t) or t.casefold() in _PARTICLES for t in toks)


def _cue(ctx: ArticleContext, start: int, end: int, strong_only: bool) -> bool:
    nw = name_words()
    prev = re.search(r"([\w-]+)\W{0,2}$", ctx.body[max(0, start - 30) : start])
    nxt = re.match(r"(?:['’]s?)?\s*([\w-]+)", ctx.body[end : end + 30])
    before = prev.group(1).casefold() if prev else ""
    after = nxt.group(1).casefold() if nxt else ""
    possessed = re.match(r"['’]s?\s+(?:[a-z-]+\s+)?([a-z-]+)", ctx.body[end : end + 40])
    strong = (
        (before in nw.cues_before and before not in _WEAK_CUES)
        or (after in nw.cues_after and after not in _WEAK_CUES)
        or bool(possessed and possessed.group(1) in nw.possessed)
    )
    if strong or strong_only:
        return strong
    return (
        before in nw.cues_before
        or after in nw.cues_after
        or bool(re.match(r"['’]s?\s", ctx.body[end : end + 3]))
    )


def _candidates(ctx: ArticleContext) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(multi-word name spans, one-word PERSON spans) after trimming and filtering."""
    nw = name_words()
    multi: list[tuple[int, int]] = []
    singles: list[tuple[int, int]] = []
    for ent in ctx.doc.ents:
        if ent.label_ != "PERSON" and ent.label_ not in _OTHER_LABELS:
            continue
        if _place_prefixed(ctx, ent.start_char, ent.end_char):
            continue
        s, e = _hyphen_join(ctx, *_trim(ctx, ent.start_char, ent.end_char))
        if ent.label_ == "PERSON":
            e = _third_name(ctx, s, e)
        text = ctx.body[s:e]
        if not text or not _looks_like_name(text) or ctx.gaz_covering(s, e):
            continue
        toks = text.split()
        if ent.label_ != "PERSON":
            if not 2 <= len(toks) <= 4 or any(t.casefold().strip(".") in nw.org_words for t in toks):
                continue
            if any(g.start < e and s < g.end for g in ctx.gaz):
                continue
            if not _cue(ctx, s, e, strong_only=ent.label_ in _WEAK_LABELS):
                continue
        if len(toks) >= 2:
            multi.append((s, e))
        elif fold(text) not in nw.not_names:
            singles.append((s, e))
    multi += _unlabelled_names(ctx, multi + singles)
    return multi, singles


_NEXT_WORD = re.compile(rf" ({_NAME_WORD})(?=['’]s\b|[,.;:!?)\"”’]|\s+[a-z(]|\s*$)")


def _third_name(ctx: ArticleContext, s: int, e: int) -> int:
    """ "Gareth Owain [Jones]": a given name and a middle name the model cut before the surname. The
    span is widened over one capitalised word right after it when the span is a known given name plus
    one more word and that word ends the name (punctuation or a lowercase word follows) and is no
    club, place, title, organisation or calendar word."""
    toks = ctx.body[s:e].split()
    nw = name_words()
    if len(toks) != 2 or fold(toks[0]) not in nw.first_names:
        return e
    m = _NEXT_WORD.match(ctx.body, e)
    if m is None:
        return e
    word = _POSS.sub("", m.group(1))
    low = word.casefold()
    if (
        low in nw.not_names | nw.org_words | nw.person_nouns | _TITLE_WORDS
        or is_place(word)
        or ctx.gaz_in(m.start(1), m.end(1))
        or any(
            lookup(word) for lookup in (ctx.gazetteer.club, ctx.gazetteer.stadium, ctx.gazetteer.competition)
        )
        or word.isupper()
    ):
        return e
    return m.start(1) + len(word)


def _hyphen_join(ctx: ArticleContext, s: int, e: int) -> tuple[int, int]:
    """Widen a span over a double-barrelled surname the model split: "Farhad Moshiri" + "-Khan"."""
    if s == e:
        return s, e
    after = re.match(rf"-[{_UP}][\w'’]+", ctx.body[e : e + 30])
    if after:
        e += after.end()
    before = re.search(rf"(?<![\w'’-])[{_UP}][\w'’]+-$", ctx.body[max(0, s - 30) : s])
    if before:
        s -= len(before.group(0))
    return s, e


def _unlabelled_names(ctx: ArticleContext, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Capitalised two/three-word names the model gave no label, kept only with a strong person cue
    ("appointed Mikel Arteta", "head coach Mikel Arteta", "Mikel Arteta said")."""
    nw = name_words()
    ents = [
        (ent.start_char, ent.end_char) for ent in ctx.doc.ents if ent.label_ not in _OTHER_LABELS | {"PERSON"}
    ]
    taken = pair_index(known + ents)
    out: list[tuple[int, int]] = []
    for m in _CAPITALISED_RUN.finditer(ctx.body):
        s, e = _trim(ctx, m.start(), m.end())
        text = ctx.body[s:e]
        toks = text.split()
        if len(toks) < 2 or not _looks_like_name(text):
            continue
        if taken.overlaps(s, e) or ctx.gaz_overlapping(s, e):
            continue
        if any(t.casefold().strip(".") in nw.org_words | nw.not_names for t in toks):
            continue
        if _cue(ctx, s, e, strong_only=True):
            out.append((s, e))
    return out


def _single_ok(ctx: ArticleContext, span: tuple[int, int], all_singles: list[tuple[int, int]]) -> bool:
    """A one-word name with no full form: a mononym or bare surname, not a lone first name."""
    nw = name_words()
    text = clean_name(ctx.body[span[0] : span[1]])
    if not text or fold(text) in nw.first_names or fold(text) in nw.not_names or len(text) < 3:
        return False
    if text.isupper():
        return False
    repeats = sum(1 for s, e in all_singles if clean_name(ctx.body[s:e]) == text)
    return repeats >= 2 or _cue(ctx, span[0], span[1], strong_only=True)


@lru_cache(maxsize=1)
def _place_prefixes() -> frozenset[str]:
    """Words that open a place named after a person ("St James Park", "Saint Mirren Park")."""
    return frozenset(w.casefold() for w in _read("place_prefixes.txt"))


def _place_prefixed(ctx: ArticleContext, start: int, end: int) -> bool:
    """The span opens with, or follows, a place prefix: "St James Park" is not a person."""
    first = ctx.body[start:end].split()[:1]
    prev = re.search(r"(\S+)\s+$", ctx.body[max(0, start - 10) : start])
    words = [w.casefold() for w in first + ([prev.group(1)] if prev else [])]
    return any(w in _place_prefixes() for w in words)


def name_case(text: str) -> str:
    """A name printed in capitals in ordinary case: "ŁUKASZ NOWICKI" → "Łukasz Nowicki"."""
    out = text.title()
    out = re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), out)
    return re.sub(r"['’]S\b", lambda m: m.group(0).lower(), out)


def _special_names(ctx: ArticleContext) -> list[PersonMention]:
    """Names spaCy cannot read: a quoted nickname inside them, or printed in capitals.

    ``Stephen "Stevie" McCorkindale`` is Stephen McCorkindale. Two or three words in capitals are a
    name when they are a whole run of capitals outside a quotation (not a headline), no word is a
    club, title or organisation word, and the first is a known given name, a strong person cue
    follows ("ŁUKASZ NOWICKI scored") or the surname appears in ordinary case elsewhere.
    """
    nw = name_words()
    out: list[PersonMention] = []
    for m in _NICKNAMED.finditer(ctx.body):
        s, e = m.start(), m.end()
        words = [m.group(1), *m.group(3).split()]
        if any(w.casefold() in nw.not_names | nw.org_words | nw.person_nouns for w in words):
            continue
        if any(g.start < e and s < g.end for g in ctx.gaz):
            continue
        out.append(PersonMention(s, e, ctx.body[s:e], clean_name(" ".join(words))))
    for m in _CAPS_RUN.finditer(ctx.body):
        s, e = m.start(), m.end()
        toks = m.group(0).split()
        if not 2 <= len(toks) <= 3 or any(a.start < e and s < a.end for a in out):
            continue
        name = name_case(m.group(0))
        lows = {t.casefold() for t in name.split()}
        if lows & (nw.not_names | nw.org_words | nw.person_nouns | _TITLE_WORDS):
            continue
        if any(g.start < e and s < g.end for g in ctx.gaz) or roles_component.in_quotation(ctx, s):
            continue
        surname = name.split()[-1]
        if not (
            fold(name.split()[0]) in nw.first_names
            or _cue(ctx, s, e, strong_only=True)
            or re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", ctx.body)
        ):
            continue
        out.append(PersonMention(s, e, ctx.body[s:e], name))
    return out


# ---- known-name scan ------------------------------------------------------------------------
def _name_forms(full: str) -> list[str]:
    toks = full.split()
    forms = {full}
    for i in range(1, len(toks)):
        tail = toks[i:]
        if tail[0].casefold() in _PARTICLES and len(tail) == 1:
            continue
        forms.add(" ".join(tail))
        if tail[0].casefold() in _PARTICLES:
            forms.add(" ".join([tail[0][0].upper() + tail[0][1:], *tail[1:]]))
    return sorted(forms, key=len, reverse=True)


def _is_name_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def _find_forms(body: str, forms: set[str]) -> list[tuple[int, int]]:
    r"""Non-overlapping whole-word occurrences of the forms, left to right, the longest form first at
    each position: what one regex alternation of the forms (longest first) between ``(?<![\w-])``
    and ``(?![\w-])`` finds, in time linear in the body (a regex of thousands of forms tries every
    one at every word)."""
    lengths = sorted({len(f) for f in forms}, reverse=True)
    firsts = {f[0] for f in forms if f}
    out: list[tuple[int, int]] = []
    p, n = 0, len(body)
    while p < n:
        if body[p] in firsts and (p == 0 or not _is_name_char(body[p - 1])):
            for size in lengths:
                e = p + size
                if e <= n and (e == n or not _is_name_char(body[e])) and body[p:e] in forms:
                    out.append((p, e))
                    p = e
                    break
            else:
                p += 1
            continue
        p += 1
    return out


def _scan_known(ctx: ArticleContext, mentions: list[PersonMention]) -> list[PersonMention]:
    forms: dict[str, str] = {}
    for full in ctx.people.full_names:
        for form in _name_forms(full):
            forms.setdefault(form, full)
    forms.pop("", None)
    if not forms:
        return []
    taken = SpanIndex(mentions, lambda m: (m.start, m.end))  # later hits never overlap earlier ones
    out: list[PersonMention] = []
    resolved: dict[str, str | None] = {}
    for s, e in _find_forms(ctx.body, set(forms)):
        if taken.overlaps(s, e):
            continue
        text = ctx.body[s:e]
        if len(text.split()) == 1 and ctx.gaz_overlapping(s, e):
            continue  # a lone word the gazetteer knows is the club ("Villa"), not the player
        if text not in resolved:  # the people index does not change during the scan
            resolved[text] = ctx.people.resolve(text)
        canonical = resolved[text]
        if canonical is None:
            continue
        out.append(PersonMention(s, e, text, canonical))
    return out


def _shared_surnames(
    ctx: ArticleContext, singles: list[tuple[int, int]], mentions: list[PersonMention]
) -> list[PersonMention]:
    """A surname two people share ("the elder Harrow" with Neil and Jake Harrow named): the one
    whose full name the article gave last before it; nobody when neither was named yet."""
    out: list[PersonMention] = []
    for s, e in singles:
        text = ctx.body[s:e]
        sharing = ctx.people.sharing(text)
        if not sharing or any(m.start < e and s < m.end for m in mentions + out):
            continue
        full = [m for m in mentions if m.canonical in sharing and m.end <= s and len(m.text.split()) > 1]
        if full:
            last = max(full, key=lambda m: m.start)
            out.append(PersonMention(s, e, text, last.canonical))
    return out


# ---- affiliations ---------------------------------------------------------------------------
def explicit_affiliations(ctx: ArticleContext) -> list[tuple[PersonMention, str]]:
    """(mention, club) pairs the text states outright."""
    nw = name_words()
    out: list[tuple[PersonMention, str]] = []
    clubs = [g for g in ctx.gaz if g.kind == "club"]
    by_end = sorted(range(len(clubs)), key=lambda i: clubs[i].end)
    ends = [clubs[i].end for i in by_end]
    for pm in ctx.person_mentions:
        ctx.check_deadline()
        before = ctx.body[max(0, pm.start - 60) : pm.start]
        # only the clubs ending in the 60 characters before the name, in their list order
        near = sorted(by_end[bisect.bisect_left(ends, pm.start - 60) : bisect.bisect_right(ends, pm.start)])
        for g in (clubs[i] for i in near):
            between = ctx.body[g.end : pm.start]
            m = re.fullmatch(r"(['’]s?)?\s+((?:[a-z][\w-]*\s+){0,3})", between)
            if m is None:
                continue
            words = m.group(2).split()
            if re.search(
                r"\b(?:former|ex|erstwhile|one-time)[\s-]+$",
                before[: len(before) - len(between) - len(g.text)],
                re.IGNORECASE,
            ):
                continue
            lead = before[: len(before) - len(between) - len(g.text)]
            titled = (m.group(1) and not words) or (words and words[-1].casefold() in nw.person_nouns)
            if titled and not re.search(r"\b(?:against|v|vs|over|beat|at|from)\s+$", lead):
                out.append((pm, g.canonical))
        after = ctx.body[pm.end : pm.end + 60]
        m = re.match(r"(?:['’]s?)?\s*\(", after)
        if m:
            for g in clubs:
                if g.start == pm.end + m.end() and ctx.body[g.end : g.end + 1] == ")":
                    out.append((pm, g.canonical))
        sent = ctx.sentence_at(pm.start)
        for g in ctx.gaz_in(pm.end, min(sent.end, pm.end + 70), "club"):
            between = ctx.body[pm.end : g.start]
            scored_for = re.search(r"\bfor\s+(?:the\s+)?$", between) and _SCORING.search(between)
            if scored_for and not ctx.people_in(pm.end, g.start) and not re.search(r"[;]|\bbut\b", between):
                out.append((pm, g.canonical))
            break
    for m in re.finditer(r"\b(?:his|her)\s+(?=\S)", ctx.body):
        for g in clubs:
            if g.start == m.end() and re.match(rf"\s*{_TEAM_NOUNS}\b", ctx.body[g.end : g.end + 20]):
                sent = ctx.sentence_at(m.start())
                subject = [p for p in ctx.people_in(sent.start, m.start())]
                if subject and not roles_component.in_quotation(ctx, m.start()):
                    out.append((subject[0], g.canonical))
    return out


def resolve_description(ctx: ArticleContext, text: str) -> str | None:
    """The person a description names: "the Saints boss", "the Under-21s coach" → canonical name.

    Uses the jobs the article has given so far (registered by this component); a club in the
    description must agree with the holder's. None when nobody fits.
    """
    role = roles_component.description_role(text)
    if role is None:
        return None
    club_hits = [g.canonical for g in ctx.gazetteer.scan(text) if g.kind == "club"]
    club = club_hits[0] if club_hits else None
    family = roles_component.STAFF if role in roles_component.STAFF else frozenset({role})
    return ctx.people.holder(family, club)


# ---- the component --------------------------------------------------------------------------
def run(ctx: ArticleContext) -> None:
    ctx.gaz = ctx.gazetteer.scan(ctx.body)
    special = _special_names(ctx)
    multi, singles = _candidates(ctx)
    multi = [(s, e) for s, e in multi if not any(p.start < e and s < p.end for p in special)]
    singles = [(s, e) for s, e in singles if not any(p.start < e and s < p.end for p in special)]
    for pm in special:
        ctx.people.add(pm.canonical)
    # a club alias inside a multi-word name is part of the name ("David Villa"), not the club
    ctx.gaz = [g for g in ctx.gaz if not any(s < g.start and g.end <= e for s, e in multi)]

    for s, e in sorted(multi, key=lambda sp: -len(ctx.body[sp[0] : sp[1]].split())):
        ctx.people.add(ctx.body[s:e])
    for s, e in singles:
        text = ctx.body[s:e]
        if (
            ctx.people.resolve(text) is None
            and not ctx.people.sharing(text)
            and _single_ok(ctx, (s, e), singles)
        ):
            ctx.people.add(text, allow_single=True)

    mentions: list[PersonMention] = [
        PersonMention(p.start, p.end, p.text, ctx.people.resolve(p.canonical) or p.canonical) for p in special
    ]
    special_index = SpanIndex(mentions, lambda m: (m.start, m.end))
    reach = -1  # the furthest end of the mentions added below (they come in order of start)
    for s, e in sorted(set(multi) | set(singles)):
        if special_index.overlaps(s, e) or reach > s:
            continue
        canonical = ctx.people.resolve(ctx.body[s:e])
        if canonical:
            mentions.append(PersonMention(s, e, ctx.body[s:e], canonical))
            reach = max(reach, e)
    mentions += _scan_known(ctx, mentions)
    mentions += _shared_surnames(ctx, singles, mentions)
    ctx.person_mentions = sorted(mentions, key=lambda m: m.start)

    for pm, club in explicit_affiliations(ctx):
        ctx.people.set_team(pm.canonical, club)
    roles_component.collect(ctx)
