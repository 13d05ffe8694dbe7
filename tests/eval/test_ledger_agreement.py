"""Ledger agreement on the real corpus (../shared): BBC Sport 2004-05 and the PA Premier League reports
2012-14, with the openfootball results of those seasons. Pins the measured numbers as floors (issue 13
item 3) and checks match identity on the resulting store (issue 14): linked results are confirmed by
`check` and dated, different meetings never share a match, every match id is unique. The same checks
run on PostgreSQL. Skipped when ../shared is absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import SHARED, require_shared

from touchline.eval.ledger import Agreement, measure
from touchline.linking.ledger import relink
from touchline.query.kb import KnowledgeBase
from touchline.resolve.matches import VAGUE_MATCH_DAYS, to_date

pytestmark = pytest.mark.slow

CORPUS = SHARED / "corpus"
FOLDERS = (CORPUS / "bbc-sport-2004", CORPUS / "pa-premier-league-2012")
SEASONS = ("2004-05", "2012-13", "2013-14")
# Measured on this branch (h14ledger) minus a small margin; raise them when extraction improves.
# Measured 0.478, 0.818, 0.925, 0.535 and 0.107, 0.182 (272 played results, 133 exact matches).
FLOORS = {
    # of all extracted played results; since other sports yield no facts (nlp/sport.py) the BBC rugby
    # results are gone from the denominator (272 -> 200 results): agree 47.8% -> 65.0%, and the same
    # contradictions (29 -> 28) are a larger share of fewer results (10.7% -> 14.0%)
    "agree": 0.64,
    "agree (of those with a fixture)": 0.80,
    "exact matches linked+confirmed+dated": 0.91,
    "pa own match found": 0.52,
}
CEILINGS = {"contradict": 0.15, "contradict (of those with a fixture)": 0.19}


def _results() -> list:  # type: ignore[type-arg]
    from touchline.query.openfootball import read_path

    paths = [require_shared(SHARED / "data" / "openfootball" / "england" / s) for s in SEASONS]
    return [r for p in paths for r in read_path(p) if not isinstance(r, Exception)]


@pytest.fixture(scope="module")
def corpus_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    for folder in FOLDERS:
        require_shared(folder)
    from touchline.store.sqlite import SQLiteStore

    kb = KnowledgeBase(SQLiteStore(tmp_path_factory.mktemp("ledger") / "corpus.db"))
    kb.add_results(_results())  # results first: ingest links each report as it is stored
    kb.ingest(FOLDERS)
    yield kb
    kb.close()


def _rows(kb: KnowledgeBase) -> dict[str, Agreement]:
    rows = measure(kb, list(FOLDERS))
    return {"bbc": rows[0], "pa": rows[1], "total": rows[2]}


def _identity_checks(kb: KnowledgeBase) -> None:
    matches = kb.matches
    assert len({m.id for m in matches}) == len(matches), "two matches share an id"
    by_fact = {link.match_id: link for link in kb.ledger_links}
    records = {r.fact_id: r for r in kb.store.matches()}
    for m in matches:
        fixtures = {
            (link.fixture.season, link.fixture.date, link.fixture.home)
            for fid in m.fact_ids
            if (link := by_fact.get(fid)) is not None and link.status == "linked"
        }
        assert len(fixtures) <= 1, f"{m.label()} merges reports of different meetings: {fixtures}"
        days = sorted(d for fid in m.fact_ids if (d := to_date(records[fid].fact.date)) is not None)
        assert not days or (days[-1] - days[0]).days <= VAGUE_MATCH_DAYS, f"{m.label()} spans {days}"
    # reports linked to one fixture are one match
    owner: dict[tuple[str, str | None, str], str] = {}
    for m in matches:
        for fid in m.fact_ids:
            link = by_fact.get(fid)
            if link is not None and link.status == "linked":
                key = (link.fixture.season, link.fixture.date, link.fixture.home)
                assert owner.setdefault(key, m.id) == m.id, f"fixture {key} split over two matches"


def test_ledger_agreement_floors(corpus_kb: KnowledgeBase) -> None:
    rows = _rows(corpus_kb)
    total = rows["total"].row()
    for key, floor in FLOORS.items():
        value = rows["pa"].row()["own match found"] if key == "pa own match found" else total[key]
        assert value >= floor, f"{key}: {value:.3f} < floor {floor}"
    for key, ceiling in CEILINGS.items():
        assert total[key] <= ceiling, f"{key}: {total[key]:.3f} > ceiling {ceiling}"
    assert rows["pa"].articles == 172


def test_linked_results_are_confirmed_dated_and_meetings_kept_apart(corpus_kb: KnowledgeBase) -> None:
    _identity_checks(corpus_kb)
    checks = {c.statement: c for c in corpus_kb.check() if c.kind == "match"}
    for m in corpus_kb.matches:
        if m.ledger is not None and m.ledger.status == "linked" and m.score:
            assert m.date, f"{m.label()} is linked but undated"
            f = m.ledger.fixture
            c = checks.get(f"{m.home} {m.score} {m.away}")
            assert c is not None and c.status in ("confirmed", "contradicted")
            assert f"{f.home} {f.home_score}-{f.away_score} {f.away}" in c.reason + (
                c.contradicting_source or ""
            )


@pytest.mark.postgres
def test_same_checks_on_postgresql(corpus_kb: KnowledgeBase, postgres_db: str) -> None:
    """The extracted facts of the SQLite store, stored in PostgreSQL with the same results: the same
    links, the same numbers, the same identity guarantees."""
    from touchline.store import open_store

    pg = KnowledgeBase(open_store(postgres_db))
    try:
        pg.store.add_results(_results())
        facts = list(corpus_kb.store.iter_facts())
        for start in range(0, len(facts), 100):
            pg.store.add_batch(facts[start : start + 100])
        relink(pg.store)
        pg.refresh()
        mine, theirs = _rows(pg), _rows(corpus_kb)
        assert mine["total"].row() == theirs["total"].row()
        _identity_checks(pg)
        assert len(pg.matches) == len(corpus_kb.matches)
    finally:
        pg.close()


def test_ledger_eval_command_prints_the_table(
    corpus_kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    from touchline.eval.ledger import print_table

    print_table(measure(corpus_kb, list(FOLDERS)))
    out = capsys.readouterr().out
    assert "agree" in out and "contradict" in out and "own match found" in out
    assert Path(str(FOLDERS[1])).name in out
