"""The knowledge base over real extractor output: the three seeds plus original articles written for this test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from touchline.query.kb import KnowledgeBase
from touchline.store.loader import ingest
from touchline.store.sqlite import SQLiteStore

EXTRA = {
    "second_report.txt": (
        "date 2024-12-19 Liverpool are into the semi-finals of the Carabao Cup after a 2-1 win at Southampton "
        "on Wednesday night.\n\nDarwin Núñez opened the scoring and Harvey Elliott doubled the lead before "
        "half-time, and although Cameron Archer pulled one back for the hosts, Arne Slot's side held on.\n"
    ),
    "sacking.txt": (
        "date 2024-12-16 Southampton have sacked manager Russell Martin after Sunday's 5-0 home defeat by "
        "Tottenham Hotspur left them bottom of the Premier League.\n\nUnder-21s coach Simon Rusk will take "
        "temporary charge of the first team for the Carabao Cup quarter-final against Liverpool.\n"
    ),
}


@pytest.fixture(scope="module")
def seeds_kb(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[KnowledgeBase]:
    seeds = seeds_dir
    folder = tmp_path_factory.mktemp("extra")
    for name, text in EXTRA.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = SQLiteStore(folder / "kb.db")
    report = ingest(store, [seeds, folder])
    assert report.read == 5
    kb = KnowledgeBase(store)
    yield kb
    kb.close()


@pytest.mark.slow
def test_two_reports_of_southampton_v_liverpool_are_one_match(seeds_kb: KnowledgeBase) -> None:
    found = [m for m in seeds_kb.find_matches("Southampton", "Liverpool") if m.status == "played"]
    assert len(found) == 1
    assert found[0].score == "1-2" and len(found[0].sources) >= 2


@pytest.mark.slow
def test_score_of_southampton_v_fulham(seeds_kb: KnowledgeBase) -> None:
    answer = seeds_kb.ask("what was the score of Southampton v Fulham?")
    assert answer.known and "Southampton 1-2 Fulham" in answer.text and "Sessegnon" in answer.text
    assert answer.article_ids


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "who managed Southampton on 2024-12-18?",
        "Who was the Southampton manager on 18 December 2024?",
        "who was in charge of saints on Dec 18th 2024",
    ],
)
def test_who_managed_southampton_after_the_sacking(seeds_kb: KnowledgeBase, question: str) -> None:
    answer = seeds_kb.ask(question)
    assert answer.known and answer.text.endswith("Simon Rusk (interim manager)"), answer.text
    assert "Russell Martin" not in answer.text
    assert any("Rusk" in c.text for c in answer.evidence)
    for c in answer.evidence:
        body = seeds_kb.store.article(c.article_id)
        assert body is not None and body.body[c.start : c.end] == c.text


@pytest.mark.slow
@pytest.mark.parametrize("date", ["2024-12-01", "2024-11-30"])
def test_who_managed_southampton_before_the_sacking(seeds_kb: KnowledgeBase, date: str) -> None:
    answer = seeds_kb.ask(f"who managed Southampton on {date}?")
    assert answer.known and "Russell Martin (manager)" in answer.text, answer.text
    assert "Simon Rusk" not in answer.text
    assert any("Russell Martin" in c.text for c in answer.evidence)


@pytest.mark.slow
def test_seed_tenures_are_ordered(seeds_kb: KnowledgeBase) -> None:
    martin = [t for t in seeds_kb.club_tenures("Southampton") if t.person == "Russell Martin"]
    rusk = [t for t in seeds_kb.club_tenures("Southampton") if t.role == "interim_manager"]
    assert len(martin) == 1 and martin[0].end is not None
    assert [t.person for t in rusk] == ["Simon Rusk"]
    assert martin[0].end <= (rusk[0].start or rusk[0].first_seen or "")


@pytest.fixture(scope="module")
def only_seeds_kb(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[KnowledgeBase]:
    store = SQLiteStore(tmp_path_factory.mktemp("seeds") / "kb.db")
    assert ingest(store, [seeds_dir]).read == 3
    kb = KnowledgeBase(store)
    yield kb
    kb.close()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "who", "not_who"),
    [
        ("who managed Southampton on 2024-12-18?", "Simon Rusk (interim manager)", "Russell Martin"),
        ("who was the saints boss on 18 December 2024?", "Simon Rusk (interim manager)", "Russell Martin"),
        ("who managed Southampton on 2024-12-01?", "Russell Martin (manager)", "Simon Rusk"),
        ("Who was in charge of Southampton on Dec 1st 2024?", "Russell Martin (manager)", "Simon Rusk"),
    ],
)
def test_seeds_alone_answer_the_manager_question(
    only_seeds_kb: KnowledgeBase, question: str, who: str, not_who: str
) -> None:
    """Without the extra articles: the sacking is only mentioned in passing, and the answer still holds."""
    answer = only_seeds_kb.ask(question)
    assert answer.known and who in answer.text and not_who not in answer.text, answer.text
    surname = who.split()[1]
    assert any(surname in c.text for c in answer.evidence)
