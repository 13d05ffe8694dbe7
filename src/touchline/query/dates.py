"""Dates in questions: a day in any common style, or a span (month, season, year); never a guess."""

from __future__ import annotations

import datetime as dt
import re

from touchline.errors import QueryError

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_MON3 = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS}|{_MON3})\.?,?\s+(\d{{4}})\b", re.I)
_MDY = re.compile(rf"\b({_MONTHS}|{_MON3})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_MY = re.compile(rf"\b({_MONTHS}|{_MON3})\.?\s+(\d{{4}})\b", re.I)


def parse_date(text: str) -> str | None:
    m = _ISO.search(text)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for rx, order in ((_DMY, "dmy"), (_MDY, "mdy")):
        m = rx.search(text)
        if m:
            day, mon, year = (
                (m.group(1), m.group(2), m.group(3))
                if order == "dmy"
                else (m.group(2), m.group(1), m.group(3))
            )
            month = next(
                i for i, name in enumerate(_MONTHS.split("|"), 1) if name.startswith(mon.lower()[:3])
            )
            return _valid(int(year), month, int(day))
    m = _MY.search(text)
    if m:  # a month: its middle day stands for it
        month = next(
            i for i, name in enumerate(_MONTHS.split("|"), 1) if name.startswith(m.group(1).lower()[:3])
        )
        return _valid(int(m.group(2)), month, 15)
    return None


_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_ISO_MONTH = re.compile(r"\b(\d{4})-(\d{2})\b(?!-\d)")
_SEASON = re.compile(r"\b((?:18|19|20)\d{2})[-/](\d{2}|\d{4})\b(?!-\d)")
_YEAR = re.compile(r"\b(?:in|during|of|for|through)\s+((?:18|19|20)\d{2})\b(?![-/]\d)", re.I)


def _month_number(name: str) -> int:
    return next(i for i, full in enumerate(_MONTHS.split("|"), 1) if full.startswith(name.lower()[:3]))


def _month_end(y: int, m: int) -> str:
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).isoformat()


def parse_period(text: str) -> tuple[str, str] | None:
    """The day or span a question asks about, as (first day, last day) in ISO form, or None.

    A day (``2024-12-18``, ``18 December 2024``, ``Dec 18th 2024``, ``18/12/2024`` when the day is over
    12) is a one-day span; a month (``December 2024``, ``2024-12``), a season (``2024-25``) or a year
    ("in 2024") spans its days. A date that does not exist, or a numeric date that could be read both
    ways (``05/06/2024``), is an error rather than a guess.
    """
    for rx in (_ISO, _DMY, _MDY):
        m = rx.search(text)
        if m:
            day = parse_date(m.group(0))
            if day is None:
                raise QueryError(f"{m.group(0)!r} is not a valid date")
            return day, day
    m = _NUMERIC.search(text)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a <= 12 and b <= 12 and a != b:
            raise QueryError(
                f"{m.group(0)!r} could be read two ways: write it as YYYY-MM-DD or '5 June 2024'"
            )
        day = _valid(y, b, a) if a > 12 or a == b else None
        if day is None:
            day = _valid(y, a, b) if b > 12 else None
        if day is None:
            raise QueryError(f"{m.group(0)!r} is not a valid date")
        return day, day
    m = _MY.search(text)
    if m:
        y, mon = int(m.group(2)), _month_number(m.group(1))
        return dt.date(y, mon, 1).isoformat(), _month_end(y, mon)
    m = _SEASON.search(text)
    if m:
        first = int(m.group(1))
        second = int(m.group(2)) if len(m.group(2)) == 4 else (first // 100) * 100 + int(m.group(2))
        if second == first + 1 or (len(m.group(2)) == 2 and second % 100 == (first + 1) % 100):
            return f"{first}-07-01", f"{first + 1}-06-30"
    m = _ISO_MONTH.search(text)
    if m and 1 <= int(m.group(2)) <= 12:
        y, mon = int(m.group(1)), int(m.group(2))
        return dt.date(y, mon, 1).isoformat(), _month_end(y, mon)
    m = _YEAR.search(text)
    if m:
        return f"{m.group(1)}-01-01", f"{m.group(1)}-12-31"
    return None


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None
