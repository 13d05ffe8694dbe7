"""Minutes, added time, periods and kinds of goals read from words ("in the 57th minute", "four
minutes later", "a header", "after the break"). Imports only ``goal_mention`` among the goal modules."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from touchline.nlp.components.goal_mention import GoalMention
from touchline.nlp.context import ArticleContext

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
        "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
        "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90}  # fmt: skip
_NUMWORD = r"(?:\d{1,3}(?:st|nd|rd|th)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ][a-z]+)?|[a-z]+teen(?:th)?|[a-z]+)"


def number_value(text: str) -> int | None:
    """12, "twelve", "12th", "seventy-ninth", "twenty one" → int (None when it is not a number)."""
    t = text.lower().strip()
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)?", t)
    if m:
        return int(m.group(1))
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in _TENS:
        unit = _UNITS.get(parts[1]) or _ORD.get(parts[1])
        return _TENS[parts[0]] + unit if unit and unit < 10 else None
    if len(parts) == 1:
        w = parts[0]
        return (
            _UNITS.get(w) or _TEENS.get(w) or _TENS.get(w) or _ORD.get(w) or (1 if w in ("a", "an") else None)
        )
    return None


def _minute_candidates(t: str) -> list[tuple[int, int, int | None, int | None]]:
    """(start, end, minute, added) for every minute expression in lower-cased text."""
    extra_time = re.search(r"\bextra[- ]time\b", t) is not None
    out: list[tuple[int, int, int | None, int | None]] = []

    def add(m: re.Match[str], minute: int | None, added: int | None = None) -> None:
        if minute is not None and 0 < minute <= 130 and not any(a <= m.start() < b for a, b, _x, _y in out):
            out.append((m.start(), m.end(), minute, added))

    for m in re.finditer(r"\b(\d{1,3})\s*(?:'|mins?)?\s*\+\s*(\d{1,2})(?:st|nd|rd|th)?\b", t):
        add(m, int(m.group(1)), int(m.group(2)))
    for m in re.finditer(
        rf"\bthe\s+({_NUMWORD})\s+minute\s+of\s+(first[- ]half\s+)?(?:stoppage|added|injury)[- ]time", t
    ):
        n = number_value(m.group(1))
        base = 45 if m.group(2) else 90
        add(m, base, n)
    for m in re.finditer(r"\b(\d{1,3})(?:st|nd|rd|th)?\s+and\s+(\d{1,3})(?:st|nd|rd|th)?\s+minutes\b", t):
        out.append(
            (m.start(), m.start() + len(m.group(1)), int(m.group(1)), None)
        )  # "the 12th and 64th minutes"
        out.append((m.start(2), m.end(), int(m.group(2)), None))
    for m in re.finditer(rf"\b({_NUMWORD})[- ]minute\b", t):
        add(m, number_value(m.group(1)))
    for m in re.finditer(rf"\b(?:after|on)\s+(?:just\s+|only\s+|barely\s+)?({_NUMWORD})\s+minutes\b", t):
        add(m, number_value(m.group(1)))
    for m in re.finditer(
        rf"\bwith\s+(?:just\s+|only\s+)?({_NUMWORD})\s+minutes?\s+(?:left|remaining|to\s+go|to\s+play)\b", t
    ):
        n = number_value(m.group(1))
        add(m, None if n is None else (120 if extra_time else 90) - n)
    for m in re.finditer(
        rf"\b({_NUMWORD})\s+minutes?\s+(?:from|before)\s+(time|the end|full-time|half-time|the break|the interval)",
        t,
    ):
        n = number_value(m.group(1))
        end = 45 if m.group(2) in ("half-time", "the break", "the interval") else 90
        add(m, None if n is None else end - n)
    for m in re.finditer(
        rf"\b({_NUMWORD})\s+minutes?\s+(?:into|after)\s+(?:the\s+(?:second half|second period|restart|break|interval)"
        r"|(?:the\s+)?(?:half-time|half time|halftime|the break))",
        t,
    ):
        n = number_value(m.group(1))
        add(m, None if n is None else 45 + n)
    for m in re.finditer(
        rf"\b({_NUMWORD})\s+minutes?\s+into\s+(?:the\s+)?(?:extra[- ]time|extra\s+period|additional\s+(?:30|thirty)"
        r"|first\s+period\s+of\s+extra[- ]time)",
        t,
    ):
        n = number_value(m.group(1))
        add(m, None if n is None else 90 + n)  # "six minutes into the extra period"
    for m in re.finditer(
        rf"\b(?<!first-half )(?<!first half )({_NUMWORD})\s+minutes?\s+into\s+(?:the\s+)?(?:added|stoppage|injury)[- ]time\b",
        t,
    ):
        n = number_value(m.group(1))
        add(m, 90, n)  # "three minutes into added time"
    for m in re.finditer(r"\(\s*(\d{1,3})\s*(?:mins?|')?\s*\)", t):
        add(m, int(m.group(1)))
    for m in re.finditer(r"\b(?:on|just after|after) the hour(?: mark)?\b", t):
        add(m, 60)
    for m in re.finditer(r"\b(?:on|just after|after|around) the half[- ]hour(?: mark)?\b", t):
        add(m, 30)
    for m in re.finditer(
        rf"\bwith\s+(?:just\s+|only\s+)?({_NUMWORD})\s+minutes?\s+of\s+extra[- ]time\s+(?:left|remaining|to go)",
        t,
    ):
        n = number_value(m.group(1))
        add(m, None if n is None else 120 - n)
    for m in re.finditer(r"\bin\s+the\s+(\d{1,3})(?:st|nd|rd|th)\b(?=\s*(?:[.;,)]|$))", t):
        add(m, int(m.group(1)))  # "... added a second in the 84th.": the minute left implicit
    return sorted(out)


_ORDINAL_INDEX = {"first": 0, "opener": 0, "second": 1, "third": 2}


def _ordinal_parts(tail: str, count: int) -> list[tuple[int | None, int | None, str | None]]:
    """Per goal of a multi-goal scorer, what an ordinal-led part says: "the second a penalty in the
    83rd minute" gives the second goal its minute and kind. Empty when no such part names a minute
    or a kind."""
    out: list[tuple[int | None, int | None, str | None]] = [(None, None, None)] * count
    found = False
    # "the second a penalty", "his first ...", ", first with a header ..."
    for m in re.finditer(
        r"(?:\b(?:the|his|her)\s+|(?:^|[,;(–—])\s*)(first|opener|second|third)\b([^,;.]*)", tail
    ):
        i = _ORDINAL_INDEX[m.group(1)]
        if i >= count:
            continue
        part = m.group(2)
        cands = _minute_candidates(part)
        minute, added = (cands[0][2], cands[0][3]) if cands else (None, None)
        kind = kind_of(part, 0, False)
        if minute is not None or kind is not None:
            out[i] = (minute, added, kind)
            found = True
    return out if found else []


_LATER = re.compile(rf"\b({_NUMWORD})\s+minutes?\s+later\b", re.IGNORECASE)


def minutes_later(ctx: ArticleContext, goals: list[GoalMention]) -> None:
    """ "Hadfield equalised four minutes later": the goal told just before it (within a few sentences),
    plus that many minutes, when that goal's minute is known."""
    ordered = sorted(goals, key=lambda x: x.at)
    for prev, g in itertools.pairwise(ordered):
        if prev.minute is None or g.listed or g.at - prev.at > 600:
            continue
        if g.minute is not None and (g.minute, g.added) != (prev.minute, prev.added):
            continue  # a minute of its own (the same one as before: read from the previous goal's words)
        sent = ctx.sentence_at(g.at)
        m = _LATER.search(ctx.body[g.at : sent.end])
        if m is None and not ctx.people_in(sent.start, g.at):
            # "Wrexham's equaliser came from the spot seven minutes later, Fenwick sending ...": the
            # clause before the scorer, naming nobody, gives the time
            m = _LATER.search(ctx.body[sent.start : g.at])
        n = number_value(m.group(1)) if m else None
        if n is None or n > 45:
            continue
        g.minute, g.added = prev.minute + n, None
        g.period = period_of(g.minute, None, "")


def minute_of(text: str, anchor: int = 0) -> tuple[int | None, int | None, str | None]:
    """(minute, added, period) from a clause about one goal: the minute expression nearest the scorer
    named at ``anchor`` (one after the name preferred)."""
    found = _minute_candidates(text.lower().replace("’", "'"))
    if not found:
        return None, None, None
    best = min(found, key=lambda c: c[0] - anchor if c[0] >= anchor else 1.5 * (anchor - c[1]) + 5)
    return best[2], best[3], None


# the fixed patterns below, compiled once and kept (the re module's own cache is shared with
# patterns built per article, which push these out of it)
_compiled = lru_cache(maxsize=256)(re.compile)

_KIND_WORDS = [
    (
        "penalty",
        r"\b(?:penalty|spot[- ]kick|from the spot|from 12 yards)\b(?!\s+(?:area|box|appeal|shout|claim|shoot))"
        r"|\b(?:sent|sending|sends)\s+(?:\S+\s+){1,3}?the\s+wrong\s+way\b",
    ),
    (
        "header",
        r"\bheader\b|\bheaded\b|\bheading\b|\bhead(?:s|ed)?\s+(?:home|in)\b|\bto head\b|\bnodded\b|\bglanced\b",
    ),
    ("free_kick", r"\bfree[- ]kick\b"),
]


_OTHER_SCORER = re.compile(r"\s+(?:from|by)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?!['’]s?\b)(?![\w'’-])")


_OWNER = re.compile(r"\b[A-Z][\w-]*['’]s?\s+(?:[a-z][\w-]*\s+)?$")


def kind_of(low: str, anchor: int, enumerated: bool, text: str | None = None) -> str | None:
    """The kind of goal the clause names nearest the scorer (own goals first: they change the team).

    With the original-case ``text``, a kind word after the scorer that another player's name follows
    ("Blakey's strike and a header from Nathan Okoro") is that player's, not the scorer's."""
    if re.search(r"\bown[- ]goal\b|\bown net\b|\bo\.?g\.?\b", low):
        return "own_goal"
    found = []
    for kind, pattern in _KIND_WORDS:
        if enumerated and kind != "penalty":
            continue
        for m in _compiled(pattern).finditer(low):
            if kind == "free_kick" and re.search(
                r"\b(?:won|earned|conceded)\s+(?:a|the)\s+$", low[: m.start()]
            ):
                continue
            if text is not None and m.start() > anchor and _OTHER_SCORER.match(text, m.end()):
                continue
            if text is not None and m.start() > anchor:
                owner = _OWNER.search(text[: m.start()])
                if owner and re.search(r"[^\w\s'’-]|\s[a-z]", text[anchor : owner.start()]):
                    continue  # "tapping in after Clerkin's header came back": Clerkin's header
            distance = m.start() - anchor if m.start() >= anchor else 1.5 * (anchor - m.end()) + 5
            found.append((distance, kind))
    return min(found)[1] if found else None


_PERIOD_WORDS = [
    ("extra_time", r"\bextra[- ]time\b"),
    ("first_half", r"\bfirst[- ]half\b|\bbefore (?:half-?time|half time|the break|the interval)|\bstroke of half-time\b"
     r"|\b(?:up|ahead|in front|down|behind) at (?:the break|half-?time|the interval)\b"
     r"|\bearly (?:goal|strike|opener|lead|header|penalty|on)\b"),
    ("second_half", r"\bsecond[- ]half\b|\bafter the (?:break|interval|restart)\b|\bsecond period\b"
     r"|\b(?:stoppage|injury|added)[- ]time\b"),
]  # fmt: skip


def period_of(minute: int | None, added: int | None, text: str, anchor: int = 0) -> str | None:
    """The period from the minute, else from the period words nearest the scorer named at ``anchor``."""
    if minute is not None:
        if minute <= 45:
            return "first_half"
        if minute <= 90:
            return "second_half"
        return "extra_time"
    t = text.lower()
    found = []
    for period, pattern in _PERIOD_WORDS:
        for m in _compiled(pattern).finditer(t):
            if period == "second_half" and re.search(r"first[- ]half\s+$", t[: m.start()]):
                continue  # "first-half stoppage time"
            distance = m.start() - anchor if m.start() >= anchor else 1.5 * (anchor - m.end()) + 5
            found.append((distance, period))
    return min(found)[1] if found else None
