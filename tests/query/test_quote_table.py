"""Quotes as analysis rows: speaker role at the time, the match the quote followed, a DataFrame."""

from __future__ import annotations

from pathlib import Path

import pytest

import touchline
from touchline.query.quote_table import quote_rows, quotes_frame

ARTICLES = {
    "a.txt": (
        "date 2023-03-05\n"
        "Exeter City manager Nina Castell was appointed in January.\n\n"
        "Exeter City beat Bristol Rovers 2-0 at home on Saturday.\n\n"
        '"We were patient and it paid off," said Castell.'
    ),
    "b.txt": (
        "date 2023-03-12\n"
        "Exeter City lost 3-1 away at Plymouth Argyle on Saturday.\n\n"
        '"That was a bad day for us," Exeter City manager Nina Castell said.'
    ),
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> touchline.KnowledgeBase:
    folder: Path = tmp_path_factory.mktemp("quotes")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    kb = touchline.open_kb(":memory:")
    kb.ingest([folder])
    return kb


def test_rows_carry_role_match_and_result(kb: touchline.KnowledgeBase) -> None:
    rows = quote_rows(kb, speaker="Castell")
    assert [r.speaker for r in rows] == ["Nina Castell", "Nina Castell"]
    first, second = rows
    assert first.role == "manager" and first.club == "Exeter City"
    assert first.result == "W" and first.match and "2-0" in first.match
    assert second.result == "L" and second.match and "1-3" in second.match.replace("3-1", "1-3")
    assert all(r.start >= 0 and r.end > r.start for r in rows)


def test_date_filters_and_frame(kb: touchline.KnowledgeBase) -> None:
    assert [r.published for r in quote_rows(kb, date_from="2023-03-10")] == ["2023-03-12"]
    assert quote_rows(kb, date_to="2023-01-01") == []
    frame = quotes_frame(kb)
    assert list(frame.columns)[:3] == ["speaker", "text", "published"]
    assert len(frame) == 2
