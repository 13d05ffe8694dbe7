"""Index listings (``touchline.query.listings``) over the built-in sample corpus: filters, the sort
whitelist, true totals across pages, CSV/JSON output; plus head-to-head with a results ledger written
here and top scorers with their evidence."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from touchline.cli.demo_cmd import sample_files
from touchline.errors import QueryError
from touchline.query.h2h import head_to_head
from touchline.query.kb import KnowledgeBase
from touchline.query.listings import SPECS, csv_lines, json_chunks, listing, sort_rows, spec_of
from touchline.query.scorers import top_scorers
from touchline.store import open_store
from touchline.store.base import ResultRecord
from touchline.store.loader import ingest

NAMES = ("matches", "people", "clubs", "quotes", "articles", "standings", "scorers")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    db = tmp_path_factory.mktemp("listings") / "sample.db"
    store = open_store(db)
    report = ingest(store, sample_files())
    assert report.stored == len(sample_files())
    knowledge = KnowledgeBase(store)
    yield knowledge
    knowledge.close()


def test_every_listing_is_registered() -> None:
    for name in NAMES:
        assert spec_of(name).name == name
    assert set(NAMES) <= set(SPECS)
    with pytest.raises(QueryError, match="unknown listing"):
        spec_of("transfers")


@pytest.mark.parametrize("name", NAMES)
def test_pages_add_up_to_the_true_total(kb: KnowledgeBase, name: str) -> None:
    everything = listing(kb, name, limit=None)
    assert everything.total == len(everything.rows) > 0
    paged: list[dict[str, object]] = []
    offset = 0
    while True:
        page = listing(kb, name, limit=3, offset=offset)
        assert page.total == everything.total
        if not page.rows:
            break
        paged += page.rows
        offset += 3
    assert [r[everything.columns[0]] for r in paged] == [r[everything.columns[0]] for r in everything.rows]
    assert len(paged) == everything.total


@pytest.mark.parametrize("name", NAMES)
def test_sort_by_every_column_both_ways(kb: KnowledgeBase, name: str) -> None:
    spec = spec_of(name)
    for column in spec.columns:
        for desc in (False, True):
            rows = listing(kb, name, sort=column, desc=desc, limit=None).rows
            values = [r[column] for r in rows]
            present = [v for v in values if v is not None]
            assert values[: len(present)] == present, "missing values come last"
            keys = [v.casefold() if isinstance(v, str) else v for v in present]
            assert keys == sorted(keys, reverse=desc), (name, column, desc)


def test_sort_whitelist_and_filter_checks(kb: KnowledgeBase) -> None:
    with pytest.raises(QueryError, match="cannot sort the matches list by 'home; drop table'"):
        listing(kb, "matches", sort="home; drop table")
    with pytest.raises(QueryError, match="no filter 'speaker'"):
        listing(kb, "matches", {"speaker": "Arteaga"})
    with pytest.raises(QueryError, match="date_from must be a date"):
        listing(kb, "matches", {"date_from": "yesterday"})
    with pytest.raises(QueryError, match="season must look like"):
        listing(kb, "standings", {"season": "last year"})
    with pytest.raises(QueryError, match="unknown club"):
        listing(kb, "matches", {"club": "Nowhere Rovers"})
    with pytest.raises(QueryError, match="limit"):
        listing(kb, "matches", limit=0)


def test_sort_rows_puts_missing_values_last_either_way() -> None:
    rows = [{"x": 2}, {"x": None}, {"x": 1}]
    assert [r["x"] for r in sort_rows(rows, "x", False)] == [1, 2, None]
    assert [r["x"] for r in sort_rows(rows, "x", True)] == [2, 1, None]


def test_match_filters(kb: KnowledgeBase) -> None:
    palace = listing(kb, "matches", {"club": "Palace"}, limit=None)
    expected = [m for m in kb.matches if "Crystal Palace" in (m.home, m.away)]
    assert palace.total == len(expected) > 3
    assert all("Crystal Palace" in (r["home"], r["away"]) for r in palace.rows)
    league = listing(kb, "matches", {"competition": "Premier League", "season": "2023-24"}, limit=None)
    assert league.total > 0 and {r["competition"] for r in league.rows} == {"Premier League"}
    october = listing(kb, "matches", {"date_from": "2023-10", "date_to": "2023-10"}, limit=None)
    assert october.total > 0 and all(r["date"].startswith("2023-10") for r in october.rows)
    scored = listing(kb, "matches", {"person": "Ferreira"}, limit=None)
    with_goal = {m.id for m in kb.matches if any("Ferreira" in g.scorer for g in m.goals)}
    assert with_goal and with_goal <= {r["match_id"] for r in scored.rows}


def test_quote_and_article_filters(kb: KnowledgeBase) -> None:
    quotes = listing(kb, "quotes", {"speaker": "Arteaga"}, limit=None)
    assert quotes.total > 0 and {r["speaker"] for r in quotes.rows} == {"Luis Arteaga"}
    for r in quotes.rows:
        art = kb.store.article(r["article_id"])
        assert art is not None and r["text"] in art.body[r["start"] : r["end"]]
    words = listing(kb, "quotes", {"q": "brave"}, limit=None)
    assert words.total > 0 and all("brave" in r["text"].casefold() for r in words.rows)
    about = listing(kb, "articles", {"person": "Graham Tilley"}, limit=None)
    everyone = listing(kb, "articles", limit=None)
    assert 0 < about.total < everyone.total
    for r in about.rows:
        art = kb.store.article(r["article_id"])
        assert art is not None and "Tilley" in art.body


def test_people_and_clubs(kb: KnowledgeBase) -> None:
    people = listing(kb, "people", {"club": "Brighton"}, limit=None)
    assert people.total > 0
    assert all("Brighton & Hove Albion" in (r["clubs"] or "") + (r["roles"] or "") for r in people.rows)
    clubs = listing(kb, "clubs", {"competition": "EFL Cup"}, limit=None)
    assert {r["club"] for r in clubs.rows} == {
        c for m in kb.matches if m.competition == "EFL Cup" for c in (m.home, m.away)
    }


def test_standings_default_and_as_of(kb: KnowledgeBase) -> None:
    table = listing(kb, "standings", limit=None)
    assert [r["position"] for r in table.rows] == list(range(1, table.total + 1))
    assert any("article reports" in n for n in table.notes)
    early = listing(kb, "standings", {"as_of": "2023-09-01"}, limit=None)
    assert sum(r["played"] for r in early.rows) < sum(r["played"] for r in table.rows)
    with pytest.raises(QueryError, match="no league table"):
        listing(kb, "standings", {"season": "1999-00"})


def test_scorers_count_every_reported_goal_with_evidence(kb: KnowledgeBase) -> None:
    scorers = top_scorers(kb)
    goals = [g for m in kb.matches for g in m.goals if g.kind != "own_goal"]
    assert sum(len(s.goals) for s in scorers) == len(goals) > 5
    counts = [len(s.goals) for s in scorers]
    assert counts == sorted(counts, reverse=True)
    for s in scorers:
        for g in s.goals:
            assert g.evidence is not None
            art = kb.store.article(g.evidence.article_id)
            assert art is not None and art.body[g.evidence.start : g.evidence.end] == g.evidence.text
    league = listing(kb, "scorers", {"competition": "Premier League", "season": "2023-24"}, limit=None)
    assert league.total > 0 and {r["competition"] for r in league.rows} == {"Premier League"}
    assert all(r["goals"] == len(r["_goals"]) for r in league.rows)
    assert any("not official" in n for n in league.notes)


def test_csv_and_json_carry_every_row(kb: KnowledgeBase) -> None:
    result = listing(kb, "quotes", limit=None)
    rows = list(csv.reader(io.StringIO("".join(csv_lines(result)))))
    assert rows[0] == list(result.columns)
    assert len(rows) == result.total + 1
    body = json.loads("".join(json_chunks(listing(kb, "scorers", limit=None))))
    assert body["total"] == len(body["rows"]) and "_goals" not in body["rows"][0]


# ---- head-to-head --------------------------------------------------------------------------------
def test_head_to_head_joins_reports_and_the_ledger(tmp_path: Path) -> None:
    store = open_store(tmp_path / "h2h.db")
    ingest(store, sample_files())
    kb = KnowledgeBase(store)
    reported = next(m for m in kb.matches if {m.home, m.away} == {"Crystal Palace", "Brighton & Hove Albion"})
    assert reported.score == "0-2" and reported.date
    kb.add_results(
        [
            # the reported match again, from the ledger: one meeting with both kinds of source
            ResultRecord(
                "Premier League", "2023-24", reported.date, reported.home, reported.away, 0, 2, source="l:1"
            ),
            # a meeting no article reports
            ResultRecord(
                "Premier League", "2022-23", "2023-03-15", "Brighton & Hove Albion", "Crystal Palace", 1, 1
            ),
            # another pair of clubs: not part of this head-to-head
            ResultRecord("Premier League", "2022-23", "2023-03-16", "Everton", "Crystal Palace", 3, 0),
        ]
    )
    h = head_to_head(kb, "Brighton", "Palace")
    assert (h.a, h.b) == ("Brighton & Hove Albion", "Crystal Palace")
    assert [(m.date, m.score) for m in h.meetings] == [(reported.date, "0-2"), ("2023-03-15", "1-1")]
    both, ledger_only = h.meetings
    # linked to its fixture, the reported match now takes its id from the ledger (touchline.resolve.matches)
    relinked = next(m for m in kb.matches if {m.home, m.away} == {reported.home, reported.away})
    assert relinked.ledger is not None
    assert both.match_id == relinked.id and both.ledger is not None and both.articles
    assert (
        ledger_only.match_id is None
        and ledger_only.articles == []
        and "results ledger" in ledger_only.sources
    )
    assert h.record() == {"played": 2, "a_wins": 1, "draws": 1, "b_wins": 0, "a_goals": 3, "b_goals": 1}
    with pytest.raises(QueryError, match="same club"):
        head_to_head(kb, "Palace", "Crystal Palace")
    kb.close()


def test_head_to_head_keeps_a_disagreeing_report(tmp_path: Path) -> None:
    store = open_store(tmp_path / "h2h.db")
    ingest(store, sample_files())
    kb = KnowledgeBase(store)
    m = next(m for m in kb.matches if {m.home, m.away} == {"Crystal Palace", "Everton"})
    kb.add_results([ResultRecord("Premier League", "2023-24", m.date, m.home, m.away, 3, 1)])
    (meeting,) = [x for x in head_to_head(kb, m.home, m.away).meetings if x.date == m.date]
    assert meeting.score == "3-1" and meeting.reported_score == m.score
    kb.close()
