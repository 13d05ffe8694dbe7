"""The quotation-mark scanner on its own: which marks open, close, or are apostrophes."""

from __future__ import annotations

import pytest

from touchline.nlp.components.quote_spans import classify, find_quotes, paragraph_units
from touchline.nlp.segment import paragraphs


def scan(body: str, speech: bool = False) -> list[str]:
    units = paragraph_units(body, paragraphs(body))
    found = find_quotes(body, units, lambda _u, _p: speech, lambda _p: False)
    return [body[q.start : q.end] for q in found]


@pytest.mark.parametrize(
    ("body", "roles"),
    [
        ("don't it’s O'Neill", []),
        ("in the '90s and the ’80s", []),
        ("“a” and ”b”", ["open", "close", "open", "close"]),
        ('he said "go" now', ["open", "close"]),
        ('a 6ft 2" man', []),
        ("the players' wives", ["close"]),
    ],
)
def test_mark_roles(body: str, roles: list[str]) -> None:
    assert [m.role for m in classify(body, 0, len(body))] == roles


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("“One.”\n\n“Two.”", ["One.", "Two."]),
        ("“Runs on.\n\n“And closes.”", ["Runs on.", "And closes."]),
        ("‘The players’ effort was great,’ he said.", ["The players’ effort was great,"]),
        ("“He told me ‘keep going’ and I did.”", ["He told me ‘keep going’ and I did."]),
        ('"Straight" then "again"', ["Straight", "again"]),
        ("rock 'n' roll all night", []),
        ("“Line one\nline two” wrapped.", ["Line one\nline two"]),
        ("One.\nTwo “three.\nFour.", []),
    ],
)
def test_pairs_within_paragraphs(body: str, expected: list[str]) -> None:
    assert scan(body) == expected


def test_unclosed_opener_mid_paragraph_needs_speech() -> None:
    body = "Rusk said “we will fight on\n\nNext paragraph."
    assert scan(body) == []
    assert scan(body, speech=True) == ["we will fight on"]


def test_lines_ending_sentences_are_paragraphs() -> None:
    body = "“First line runs on.\n“Second line closes.”"
    assert scan(body) == ["First line runs on.", "Second line closes."]
