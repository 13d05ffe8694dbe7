from __future__ import annotations

import pytest

from touchline.nlp.segment import paragraphs, sentences


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Saints lost. Rusk was sad.", ["Saints lost.", "Rusk was sad."]),
        ("He played at St. Mary's. It rained.", ["He played at St. Mary's.", "It rained."]),
        ('"We lost," he said. "It hurts."', ['"We lost," he said.', '"It hurts."']),
        ("Mr. Smith spoke.\n\nThen Dr. Jones.", ["Mr. Smith spoke.", "Then Dr. Jones."]),
        ("Won 2-1. 3,000 fans came.", ["Won 2-1.", "3,000 fans came."]),
    ],
)
def test_sentences_split_and_keep_offsets(body: str, expected: list[str]) -> None:
    got = sentences(body)
    assert [s.text for s in got] == expected
    assert all(body[s.start : s.end] == s.text for s in got)


def test_paragraph_offsets_are_exact() -> None:
    body = "One.\n\n  Two lines\nstill two.\n\nThree."
    assert [body[p.start : p.end] for p in paragraphs(body)] == ["One.", "Two lines\nstill two.", "Three."]
