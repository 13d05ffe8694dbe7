"""Questions answered with evidence (or a plain "I don't know"), search hits with evidence sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from touchline.query.ask import parse_date
from touchline.query.export import export
from touchline.query.kb import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "kind", "expected"),
    [
        ("who managed Southampton on 2024-12-18?", "manager", "Simon Rusk (interim manager)"),
        ("Who managed Southampton on 2024-11-30?", "manager", "Russell Martin (manager)"),
        ("who was in charge of the Saints on 21 December 2024?", "manager", "Ivan Jurić (manager)"),
        ("what was the score of Southampton v Fulham?", "score", "Southampton 1-2 Fulham"),
        (
            "What was the result of Liverpool vs Southampton on 2024-12-18?",
            "score",
            "Southampton 1-2 Liverpool",
        ),
        ("who scored for Fulham against Southampton?", "scorers", "Emile Smith Rowe 72', Ryan Sessegnon 90'"),
        ("what did Rusk say about the second half?", "quote", "We grew into the game"),
        ("when did Ivan Juric leave Southampton?", "tenure", "left Southampton (manager) 2025-04-07"),
        ("when did Simon Rusk join Southampton?", "tenure", "on 2024-12-16"),
        ("who coached southampton in january 2025?", "manager", "Ivan Jurić (manager)"),
        ("Southampton v Liverpool score?", "score", "Southampton 1-2 Liverpool"),
        (
            "who scored in Southampton v Fulham?",
            "scorers",
            "Jack Stephens 14' (Southampton), Emile Smith Rowe",
        ),
        ("when was Russell Martin sacked?", "tenure", "left Southampton (manager) 2024-12-15"),
    ],
)
def test_questions_are_answered_with_evidence(
    kb: KnowledgeBase, question: str, kind: str, expected: str
) -> None:
    answer = kb.ask(question)
    assert answer.kind == kind
    assert answer.known, answer.text
    assert expected in answer.text
    assert answer.evidence and answer.article_ids
    for cite in answer.evidence:
        body = kb.store.article(cite.article_id).body  # type: ignore[union-attr]
        assert body[cite.start : cite.end] == cite.text


def test_score_answer_lists_the_goals(kb: KnowledgeBase) -> None:
    text = kb.ask("what was the score of Southampton v Fulham?").text
    assert "Jack Stephens 14'" in text and "Ryan Sessegnon" in text


@pytest.mark.parametrize(
    "question",
    [
        "who managed Southampton on 2023-01-01?",
        "who managed Brentford on 2024-12-18?",
        "what was the score of Arsenal v Chelsea?",
        "what did Simon Rusk say about penalties?",
        "what is the capital of France?",
        "where were Fulham in the table on 2025-04-26?",  # no reference results: article reports are not a ledger
    ],
)
def test_says_plainly_when_it_does_not_know(kb: KnowledgeBase, question: str) -> None:
    answer = kb.ask(question)
    assert not answer.known
    assert answer.text.startswith(("I don't know", "I don't understand"))


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("on 2024-12-18?", "2024-12-18"),
        ("on 18 December 2024", "2024-12-18"),
        ("December 18th, 2024", "2024-12-18"),
        ("on 31 Feb 2024", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_search_filters_and_evidence(kb: KnowledgeBase) -> None:
    hits = kb.search("fightback")
    assert hits and hits[0].evidence[0].text == "Interim manager Simon Rusk praised the fightback."
    quotes = kb.search("second half", kinds=("quote",), person="Rusk")
    assert [h.kind for h in quotes] == ["quote"]
    assert kb.search("Southampton", club="Fulham", kinds=("article",))
    assert all(
        h.published and h.published >= "2025-01-01" for h in kb.search("Southampton", date_from="2025-01-01")
    )
    assert kb.search("Southampton", competition="Premier League", date_to="2024-12-31") == []


@pytest.mark.parametrize(
    ("fmt", "table"), [("jsonl", "articles"), ("jsonl", "tenures"), ("csv", "matches"), ("parquet", "goals")]
)
def test_export(kb: KnowledgeBase, tmp_path: Path, fmt: str, table: str) -> None:
    out = tmp_path / f"out.{fmt}"
    n = export(kb, fmt, table, str(out))
    assert n > 0 and out.stat().st_size > 0
    if fmt == "jsonl":
        first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
        assert ("article" in first) == (table == "articles")
    if fmt == "parquet":
        import pandas as pd

        assert list(pd.read_parquet(out)["scorer"])[:1] == ["Harvey Elliott"]


def test_open_kb_returns_typed_results(tmp_path: Path) -> None:
    from kb_corpus import corpus

    import touchline
    from touchline.query.types import Answer, MergedMatch, Table

    with touchline.open_kb(tmp_path / "api.db") as kb:
        kb.add(corpus())
        assert isinstance(kb.ask("who managed Southampton on 2024-12-18?"), Answer)
        assert all(isinstance(m, MergedMatch) for m in kb.matches)
        assert isinstance(kb.standings("Premier League", "2024-25"), Table)
    with touchline.open_kb(tmp_path / "api.db") as again:  # persisted
        assert again.summary()["articles"] == len(corpus())
