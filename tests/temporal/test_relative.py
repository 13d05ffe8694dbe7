"""Relative date expressions resolved against fixed publication dates (the sports-desk rules)."""

from __future__ import annotations

import pytest

from touchline.temporal import find_date_expressions, parse_season, resolve_relative_date, season_of

# 2024-12-16 is a Monday, 2024-12-18 a Wednesday, 2025-04-26 a Saturday, 2025-03-02 a Sunday
CASES = [
    # (phrase, published, future, expected)
    ("tonight", "2024-12-18", False, "2024-12-18"),
    ("tonight", "2024-12-18", True, "2024-12-18"),
    ("this evening", "2024-12-18", True, "2024-12-18"),
    ("earlier today", "2024-12-18", False, "2024-12-18"),
    ("yesterday", "2024-12-18", False, "2024-12-17"),
    ("yesterday afternoon", "2025-03-01", False, "2025-02-28"),
    ("last night", "2025-01-01", False, "2024-12-31"),
    ("tomorrow", "2024-12-31", True, "2025-01-01"),
    ("tomorrow night", "2024-12-18", True, "2024-12-19"),
    ("the day before yesterday", "2024-12-18", False, "2024-12-16"),
    ("on Saturday", "2024-12-16", False, "2024-12-14"),
    ("on Saturday", "2024-12-16", True, "2024-12-21"),
    ("on Saturday", "2025-04-26", False, "2025-04-26"),
    ("on Saturday", "2025-04-26", True, "2025-04-26"),
    ("on Wednesday night", "2024-12-18", False, "2024-12-18"),
    ("Sunday", "2024-12-18", False, "2024-12-15"),
    ("Tuesday evening", "2024-12-18", True, "2024-12-24"),
    ("last Saturday", "2025-04-26", False, "2025-04-19"),
    ("next Saturday", "2025-04-26", True, "2025-05-03"),
    ("this coming Friday", "2024-12-18", True, "2024-12-20"),
    ("on Boxing Day", "2024-12-20", True, "2024-12-26"),
    ("on Boxing Day", "2025-01-03", False, "2024-12-26"),
    ("New Year's Day", "2025-01-04", False, "2025-01-01"),
    ("three days ago", "2024-12-18", False, "2024-12-15"),
    ("a week ago", "2024-12-18", False, "2024-12-11"),
    ("two weeks ago", "2025-01-05", False, "2024-12-22"),
    ("the other day", "2024-12-18", False, "2024-12"),
    ("the other day", "2025-01-03", False, None),
    ("the other day", "2025-01-10", False, "2025-01"),
    ("last week", "2025-04-26", False, "2025-04"),
    ("last week", "2025-03-05", False, "2025"),
    ("last week", "2025-01-02", False, "2024-12"),
    ("last week", "2025-01-08", False, None),
    ("next week", "2024-12-18", True, "2024-12"),
    ("last weekend", "2024-12-16", False, "2024-12"),
    ("this weekend", "2025-02-27", True, "2025-03"),
    ("this weekend", "2025-03-27", True, "2025-03"),
    ("last month", "2025-01-15", False, "2024-12"),
    ("this month", "2025-01-15", False, "2025-01"),
    ("next month", "2024-12-15", True, "2025-01"),
    ("a month ago", "2025-03-31", False, "2025-02"),
    ("in December", "2025-04-26", False, "2024-12"),
    ("in December", "2024-12-18", False, "2024-12"),
    ("in April", "2025-01-10", True, "2025-04"),
    ("in April", "2025-01-10", False, "2024-04"),
    ("since November", "2025-04-26", False, "2024-11"),
    ("back in March", "2025-04-26", False, "2025-03"),
    ("last November", "2024-11-20", False, "2023-11"),
    ("last year", "2025-04-26", False, "2024"),
    ("two years ago", "2025-04-26", False, "2023"),
    ("in 2019", "2025-04-26", False, "2019"),
    ("in 2019", None, False, "2019"),
    ("December 2023", "2025-04-26", False, "2023-12"),
    ("on 14 December", "2025-01-02", False, "2024-12-14"),
    ("on 14 December", "2024-12-02", True, "2024-12-14"),
    ("14th December 2024", None, False, "2024-12-14"),
    ("December 14, 2024", "2025-04-26", False, "2024-12-14"),
    ("March 3rd", "2025-04-26", False, "2025-03-03"),
    ("2024-12-18", None, False, "2024-12-18"),
    ("14/12/2024", "2025-01-02", False, "2024-12-14"),
    ("3.1.25", "2025-01-10", False, "2025-01-03"),
    ("tonight", None, False, None),
    ("on Saturday", None, False, None),
    ("in the summer", "2025-04-26", False, None),
    ("30 February", "2025-04-26", False, None),
]


@pytest.mark.parametrize(
    ("phrase", "published", "future", "expected"),
    CASES,
    ids=[f"{c[0]}@{c[1]}{'+' if c[2] else ''}" for c in CASES],
)
def test_resolve_relative_date(
    phrase: str, published: str | None, future: bool, expected: str | None
) -> None:
    assert resolve_relative_date(phrase, published, future=future) == expected


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("the 2007-08 season", None, (2007, 2008, "2007-08")),
        ("2007/08", None, (2007, 2008, "2007-08")),
        ("the 1999-2000 campaign", None, (1999, 2000, "1999-00")),
        ("1999-00", None, (1999, 2000, "1999-00")),
        ("last season", "2025-04-26", (2023, 2024, "2023-24")),
        ("this season", "2024-08-20", (2024, 2025, "2024-25")),
        ("next season", "2025-04-26", (2025, 2026, "2025-26")),
        ("2007-09", None, None),
        ("last season", None, None),
    ],
)
def test_parse_season(phrase: str, published: str | None, expected: tuple[int, int, str] | None) -> None:
    season = parse_season(phrase, published)
    if expected is None:
        assert season is None
    else:
        assert season is not None and (season.start_year, season.end_year, season.label) == expected


def test_season_of_turns_in_july() -> None:
    assert season_of("2025-06-30").label == "2024-25"  # type: ignore[union-attr]
    assert season_of("2025-07-01").label == "2025-26"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Fulham won on Saturday night after a draw in December.", ["on Saturday night", "in December"]),
        ("He may start, and March on. They met last week in May.", ["last week", "in May"]),
        ("Kick-off is at 8pm tonight; the tie was set on 3 March 2020.", ["tonight", "on 3 March 2020"]),
        ("The 2007-08 season ended with 11 points.", []),
    ],
)
def test_find_date_expressions(text: str, phrases: list[str]) -> None:
    found = find_date_expressions(text)
    assert [p for _s, _e, p in found] == phrases
    assert all(text[s:e] == p for s, e, p in found)
