"""A straight double quote after a digit: an inch mark only in a height, otherwise it can close a quotation."""

from __future__ import annotations

import pytest

from touchline.nlp.components.quote_spans import find_quotes, paragraph_units
from touchline.nlp.segment import paragraphs


def quoted(body: str) -> list[str]:
    units = paragraph_units(body, paragraphs(body))
    return [body[q.start : q.end] for q in find_quotes(body, units, lambda _u, _p: False, lambda _p: False)]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ('The fans sang "we are going to win 3-0" all afternoon.', ["we are going to win 3-0"]),
        ('He called it "a game of 90 minutes" and left.', ["a game of 90 minutes"]),
        ('The 6ft 2" defender said "it was a penalty" afterwards.', ["it was a penalty"]),
        ("The 6'4\" keeper was beaten twice.", []),
    ],
)
def test_quote_closing_after_a_digit(body: str, want: list[str]) -> None:
    assert quoted(body) == want
