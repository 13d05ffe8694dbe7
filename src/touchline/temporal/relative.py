"""Relative date phrases resolved against an article's publication date.

``resolve_relative_date("on Saturday", "2024-12-16")`` gives ``"2024-12-14"``: the sports-desk rule is
that a weekday in a report means the most recent such day at or before publication, and in a preview
(``future=True``) the next one at or after it. Phrases naming a span ("last week", "the other day",
"last weekend") resolve to the most precise form the whole span shares (a day, ``YYYY-MM`` or
``YYYY``), so a week that straddles two months gives its year, never a guessed month.

Seasons ("2007-08 season", "last season") are parsed by :func:`parse_season`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
}  # fmt: skip
FIXED_DAYS = {"boxing day": (12, 26), "christmas day": (12, 25), "christmas eve": (12, 24),
              "new year's day": (1, 1), "new years day": (1, 1), "new year's eve": (12, 31)}  # fmt: skip

_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_WORDS = "|".join(WEEKDAYS)
_MONTH_RE = rf"(?:{_MONTH_WORDS})\.?"
_WEEKDAY_RE = rf"(?:{_WEEKDAY_WORDS})"
_NUM_RE = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few)"
_PART_RE = r"(?:\s+(?:night|evening|afternoon|morning|lunchtime))?"

# every phrase resolve_relative_date understands; find_date_expressions scans text with it
DATE_PHRASE_RE = re.compile(
    r"(?<![\w-])(?:"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
    rf"|(?:on\s+)?(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH_RE}(?:,?\s+\d{{4}})?"
    rf"|(?:on\s+)?{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    r"|(?:on\s+)?(?:boxing day|christmas day|christmas eve|new year'?s day|new year'?s eve)"
    r"|(?:earlier|later)\s+(?:today|tonight|this\s+(?:week|month|year))"
    rf"|(?:today|tonight|this\s+(?:evening|afternoon|morning)|yesterday{_PART_RE}|last\s+night"
    rf"|the\s+day\s+before\s+yesterday|tomorrow{_PART_RE})"
    rf"|(?:on\s+)?(?:(?:last|next|this(?:\s+coming|\s+past)?)\s+)?{_WEEKDAY_RE}(?:'s)?{_PART_RE}"
    rf"|{_NUM_RE}\s+(?:days?|weeks?|months?|years?)\s+ago"
    r"|the\s+other\s+day|(?:last|this|next)\s+(?:week|weekend|month|year)|at\s+the\s+weekend"
    rf"|(?:(?:back\s+)?in|since|during|throughout|until|by|from|last|this|next|early|late|mid)[\s-]+{_MONTH_RE}(?:\s+\d{{4}})?"
    rf"|{_MONTH_RE}\s+\d{{4}}"
    r"|(?:in|since|during|from|until|by)\s+(?:18|19|20)\d{2}(?![-/]\d)"
    r")(?![\w-])",
    re.IGNORECASE,
)


def _as_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _common(a: date, b: date) -> str | None:
    """The most precise form the whole span [a, b] shares."""
    if a == b:
        return a.isoformat()
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.year:04d}-{a.month:02d}"
    if a.year == b.year:
        return f"{a.year:04d}"
    return None


def _number(text: str) -> int | None:
    text = " ".join(text.lower().split())
    if text.isdigit():
        return int(text)
    return SMALL_NUMBERS.get(text)


def _weekday(pub: date, wd: int, mode: str) -> date:
    """mode: 'past' (at/before), 'future' (at/after), 'last' (strictly before), 'next' (strictly after)."""
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if mode == "past":
        return pub - timedelta(days=back)
    if mode == "future":
        return pub + timedelta(days=ahead)
    if mode == "last":
        return pub - timedelta(days=back or 7)
    return pub + timedelta(days=ahead or 7)


def _month(pub: date, month: int, mode: str) -> str:
    year = pub.year
    if (mode == "past" and month > pub.month) or (mode == "last" and month >= pub.month):
        year -= 1
    elif (mode in ("future", "next") and month < pub.month) or (mode == "next" and month == pub.month):
        year += 1
    return f"{year:04d}-{month:02d}"


def _shift_month(pub: date, delta: int) -> str:
    index = pub.year * 12 + pub.month - 1 + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _day_month(pub: date | None, day: int, month: int, year: int | None, future: bool) -> str | None:
    if year is None:
        if pub is None:
            return None
        year = pub.year
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if not future and candidate > pub + timedelta(days=1):
            year -= 1
        elif future and candidate < pub - timedelta(days=1):
            year += 1
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _week_span(pub: date, offset_weeks: int) -> tuple[date, date]:
    monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=offset_weeks)
    return monday, monday + timedelta(days=6)


def resolve_relative_date(phrase: str, published: str | date | None, *, future: bool = False) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` for a date phrase, or None when it cannot be resolved.

    ``future`` says the phrase is about something still to come (a preview): bare weekdays and months
    then look forward from ``published`` instead of back.
    """
    pub = _as_date(published)
    p = " ".join(phrase.lower().replace("’", "'").split()).strip(" ,.;:")
    p = re.sub(r"^(?:on|the|back|early|late|mid)[\s-]+", "", p)
    p = re.sub(r"^the\s+", "", p)
    mode = "future" if future else "past"

    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", p)
    if m:
        return _as_date(p).isoformat() if _as_date(p) else None  # type: ignore[union-attr]
    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({_MONTH_RE})(?:,?\s+(\d{{4}}))?", p)
    if m:
        year = int(m.group(3)) if m.group(3) else None
        return _day_month(pub, int(m.group(1)), MONTHS[m.group(2).rstrip(".")], year, future)
    m = re.fullmatch(rf"({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", p)
    if m:
        year = int(m.group(3)) if m.group(3) else None
        return _day_month(pub, int(m.group(2)), MONTHS[m.group(1).rstrip(".")], year, future)
    if p in FIXED_DAYS:
        month, day = FIXED_DAYS[p]
        return _day_month(pub, day, month, None, future)
    m = re.fullmatch(rf"(?:(?:in|since|during|throughout|until|by|from)\s+)?({_MONTH_RE})\s+(\d{{4}})", p)
    if m:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1).rstrip('.')]:02d}"
    m = re.fullmatch(r"(?:(?:in|since|during|from|until|by)\s+)?((?:18|19|20)\d{2})", p)
    if m:
        return m.group(1)
    if pub is None:
        return None

    if re.fullmatch(r"(?:(?:earlier|later)\s+)?(?:today|tonight)|this (?:evening|afternoon|morning)", p):
        return pub.isoformat()
    if re.fullmatch(rf"yesterday{_PART_RE}|last night", p):
        return (pub - timedelta(days=1)).isoformat()
    if p == "day before yesterday":
        return (pub - timedelta(days=2)).isoformat()
    if re.fullmatch(rf"tomorrow{_PART_RE}", p):
        return (pub + timedelta(days=1)).isoformat()
    m = re.fullmatch(rf"(?:(last|next|this(?: coming| past)?)\s+)?({_WEEKDAY_RE})(?:'s)?{_PART_RE}", p)
    if m:
        which = m.group(1) or ""
        wd = WEEKDAYS[m.group(2)]
        if which == "last" or which == "this past":
            return _weekday(pub, wd, "last").isoformat()
        if which == "next" or which == "this coming":
            return _weekday(pub, wd, "next").isoformat()
        return _weekday(pub, wd, mode).isoformat()
    m = re.fullmatch(rf"({_NUM_RE})\s+(days?|weeks?|months?|years?)\s+ago", p)
    if m:
        n = _number(m.group(1))
        if n is None:
            return None
        unit = m.group(2).rstrip("s")
        if unit == "day":
            return (pub - timedelta(days=n)).isoformat()
        if unit == "week":
            return (pub - timedelta(weeks=n)).isoformat()
        if unit == "month":
            return _shift_month(pub, -n)
        return f"{pub.year - n:04d}"
    if p == "other day":
        return _common(pub - timedelta(days=6), pub - timedelta(days=1))
    if p in ("last week", "this week", "next week", "earlier this week", "later this week"):
        offset = {"last week": -1, "next week": 1}.get(p, 0)
        start, end = _week_span(pub, offset)
        return _common(start, end)
    if p in ("last weekend", "this weekend", "next weekend", "at the weekend"):
        if p == "last weekend":
            sat = _weekday(pub, 5, "last")
            if pub.weekday() == 6:
                sat -= timedelta(days=7)
        elif p == "next weekend":
            sat = _weekday(pub, 5, "next")
        elif future:
            sat = pub - timedelta(days=1) if pub.weekday() == 6 else _weekday(pub, 5, "future")
        else:
            sat = _weekday(pub, 5, "past")
        return _common(sat, sat + timedelta(days=1))
    if p in ("last month", "this month", "next month", "earlier this month", "later this month"):
        return _shift_month(pub, {"last month": -1, "next month": 1}.get(p, 0))
    if p in ("last year", "this year", "next year", "earlier this year", "later this year"):
        return f"{pub.year + {'last year': -1, 'next year': 1}.get(p, 0):04d}"
    m = re.fullmatch(rf"(in|since|during|throughout|until|by|from|last|this|next)\s+({_MONTH_RE})", p)
    if m:
        word = m.group(1)
        month = MONTHS[m.group(2).rstrip(".")]
        if word == "last":
            return _month(pub, month, "last")
        if word == "next":
            return _month(pub, month, "next")
        if word in ("since", "from"):
            return _month(pub, month, "past")
        if word == "this":
            return _month(pub, month, mode)
        return _month(pub, month, mode)
    m = re.fullmatch(_MONTH_RE, p)
    if m:
        return _month(pub, MONTHS[p.rstrip(".")], mode)
    return _dateparser_fallback(p, pub, future)


def _dateparser_fallback(phrase: str, pub: date, future: bool) -> str | None:
    """Numeric and unusual absolute dates ("14/12/2024", "14.12.24") through dateparser, day first as
    British papers write them. Only phrases with digits are tried: words are handled above or unknown."""
    if not re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", phrase):
        return None
    from datetime import datetime

    import dateparser

    settings = {
        "DATE_ORDER": "DMY",
        "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day),
        "PREFER_DATES_FROM": "future" if future else "past",
        "STRICT_PARSING": True,
    }
    parsed = dateparser.parse(phrase, settings=settings)  # type: ignore[arg-type]
    return parsed.date().isoformat() if parsed else None


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Every date phrase in ``text`` that :func:`resolve_relative_date` understands, with offsets."""
    out = []
    for m in DATE_PHRASE_RE.finditer(text):
        phrase = m.group(0)
        if phrase.endswith(".") and not re.search(
            r"\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.$", phrase, re.I
        ):
            phrase = phrase[:-1]  # a full stop after a month name ends the sentence
        # month and weekday names are capitalised in running text: "may" and "march" are verbs
        names = re.findall(rf"\b(?:{_MONTH_WORDS}|{_WEEKDAY_WORDS})\b", phrase, re.IGNORECASE)
        if any(not n[0].isupper() for n in names):
            continue
        out.append((m.start(), m.start() + len(phrase), phrase))
    return out


# ---- seasons ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Season:
    """A football season running from July of ``start_year`` to June of ``end_year``."""

    start_year: int
    end_year: int

    @property
    def label(self) -> str:
        return f"{self.start_year}-{self.end_year % 100:02d}"

    @property
    def start(self) -> str:
        return f"{self.start_year:04d}-07"

    @property
    def end(self) -> str:
        return f"{self.end_year:04d}-06"


def season_of(day: str | date) -> Season | None:
    d = _as_date(day)
    if d is None:
        return None
    start = d.year if d.month >= 7 else d.year - 1
    return Season(start, start + 1)


def parse_season(phrase: str, published: str | date | None = None) -> Season | None:
    """ "2007-08 season", "2007/08", "2007-2008", "the 1999-2000 campaign", "last season"…"""
    p = " ".join(phrase.lower().split())
    m = re.search(r"\b((?:18|19|20)\d{2})\s*[-–/]\s*(\d{2}|\d{4})\b", p)
    if m:
        start = int(m.group(1))
        tail = m.group(2)
        end = int(tail) if len(tail) == 4 else (start // 100) * 100 + int(tail)
        if len(tail) == 2 and end <= start:
            end += 100
        return Season(start, end) if end == start + 1 else None
    m = re.search(r"\b(last|this|next|previous|current|coming)\s+(?:season|campaign)\b", p)
    if m and published is not None:
        current = season_of(published)
        if current is None:
            return None
        shift = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m.group(1), 0)
        return Season(current.start_year + shift, current.end_year + shift)
    return None
