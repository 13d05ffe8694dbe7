"""Dates in questions: days in every style, spans, and errors instead of guesses."""

from __future__ import annotations

import pytest

from touchline.errors import QueryError
from touchline.query.dates import parse_period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("on 2024-12-18", ("2024-12-18", "2024-12-18")),
        ("on 18 December 2024", ("2024-12-18", "2024-12-18")),
        ("on Dec 18th 2024", ("2024-12-18", "2024-12-18")),
        ("on December 18, 2024", ("2024-12-18", "2024-12-18")),
        ("on 18th dec. 2024", ("2024-12-18", "2024-12-18")),
        ("on 18/12/2024", ("2024-12-18", "2024-12-18")),
        ("on 18.12.2024", ("2024-12-18", "2024-12-18")),
        ("on 12/12/2024", ("2024-12-12", "2024-12-12")),
        ("in December 2024", ("2024-12-01", "2024-12-31")),
        ("in feb 2024", ("2024-02-01", "2024-02-29")),
        ("in 2024-12", ("2024-12-01", "2024-12-31")),
        ("in 2024-25", ("2024-07-01", "2025-06-30")),
        ("in 1999/2000", ("1999-07-01", "2000-06-30")),
        ("in 2023", ("2023-01-01", "2023-12-31")),
        ("who managed Palace", None),
        ("who managed Palace after 3 games", None),
    ],
)
def test_parse_period(text: str, period: tuple[str, str] | None) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("on 2023-02-30", "not a valid date"),
        ("on 31 February 2023", "not a valid date"),
        ("on 05/06/2024", "two ways"),
        ("on 31/31/2024", "not a valid date"),
    ],
)
def test_bad_dates_are_errors_not_guesses(text: str, reason: str) -> None:
    with pytest.raises(QueryError, match=reason):
        parse_period(text)
