"""SQLite store: schema versioning, lossless round trip, transactional batches, re-runs, interruption."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from touchline.errors import StoreError
from touchline.ingest.readers import article_id
from touchline.models import (
    Article,
    ArticleFacts,
    Card,
    Claim,
    Evidence,
    Goal,
    LineupEntry,
    Match,
    Person,
    Quote,
    Role,
)
from touchline.store import open_store
from touchline.store.base import ResultRecord
from touchline.store.migrations import LATEST
from touchline.store.sqlite import SQLiteStore, fts_query


def ev(body: str, text: str) -> list[Evidence]:
    start = body.index(text)
    return [Evidence(start, start + len(text), text)]


def sample(n: int, published: str = "2025-01-04") -> ArticleFacts:
    body = (
        f"Article {n}: Fulham beat Chelsea 2-1 at Craven Cottage. Raúl Jiménez scored twice. "
        f'"We were brilliant," said Marco Silva. Fulham are eighth.'
    )
    goal = Goal(
        "Raúl Jiménez",
        "Fulham",
        30,
        None,
        "first_half",
        "penalty",
        None,
        ev(body, "Raúl Jiménez scored twice."),
    )
    match = Match(
        "Fulham",
        "Chelsea",
        2,
        1,
        "played",
        "home_win",
        published,
        "Premier League",
        None,
        "Craven Cottage",
        [goal],
        ev(body, "Fulham beat Chelsea 2-1 at Craven Cottage."),
        flags=["x"],
        half_time=(1, 0),
        lineups={"home": [LineupEntry("Bernd Leno")], "away": []},
        cards=[Card("Cole Palmer", "Chelsea", 55, "yellow", [])],
        referee="Anthony Taylor",
        attendance=24000,
    )
    return ArticleFacts(
        Article(article_id(body), f"a{n}.txt", published, body),
        [match],
        [Person("Marco Silva", "Fulham", ev(body, "Marco Silva"))],
        [
            Role(
                "Marco Silva",
                "manager",
                "Fulham",
                "holds",
                published,
                None,
                None,
                ev(body, "said Marco Silva"),
            )
        ],
        [Quote("Marco Silva", "We were brilliant,", ev(body, "We were brilliant,"))],
        [Claim("position", "Fulham", "8", ev(body, "Fulham are eighth."))],
    )


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s = SQLiteStore(tmp_path / "t.db")
    yield s
    s.close()


def test_schema_is_versioned_and_wal(store: SQLiteStore, tmp_path: Path) -> None:
    assert store.schema_version() == LATEST
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    again = SQLiteStore(tmp_path / "t.db")  # re-opening does not re-apply migrations
    rows = again.conn.execute("SELECT version FROM schema_version").fetchall()
    assert rows == [(v,) for v in range(1, LATEST + 1)]
    again.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, 'later')", (LATEST + 1,))
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        open_store(path)


def test_round_trip_is_lossless(store: SQLiteStore) -> None:
    facts = sample(1)
    assert store.add_batch([facts]).stored == 1
    assert store.facts(facts.article.id).to_dict() == facts.to_dict()  # type: ignore[union-attr]
    [m] = store.matches("Fulham")
    assert (m.fact.home, m.fact.away, m.fact.home_score, m.fact.away_score, m.fact.half_time) == (
        "Fulham",
        "Chelsea",
        2,
        1,
        (1, 0),
    )
    assert m.fact.goals[0].scorer == "Raúl Jiménez" and m.fact.goals[0].kind == "penalty"
    body = facts.article.body
    for rec in [*store.matches(), *store.roles(), *store.quotes(), *store.claims(), *store.people()]:
        evs = getattr(rec.fact, "evidence", None) or getattr(rec.fact, "mentions", [])
        assert evs and all(body[e.start : e.end] == e.text for e in evs)
    assert store.roles(club="Fulham")[0].fact.person == "Marco Silva"
    assert store.quotes("Marco Silva")[0].ref.article_id == facts.article.id
    counts = store.counts()
    assert counts["articles"] == 1 and counts["goals"] == 1 and counts["evidence"] == 6


def test_tables_are_readable_by_other_tools(store: SQLiteStore) -> None:
    store.add_batch([sample(1)])
    row = store.conn.execute(
        "SELECT a.published, m.home, m.away, m.home_score, m.away_score FROM matches m JOIN articles a ON a.id = m.article_id"
    ).fetchone()
    assert row == ("2025-01-04", "Fulham", "Chelsea", 2, 1)
    assert store.conn.execute("SELECT person, text FROM mentions").fetchone() == (
        "Marco Silva",
        "Marco Silva",
    )


def test_same_article_twice_is_stored_once(store: SQLiteStore) -> None:
    a = sample(1)
    first = store.add_batch([a, sample(2)])
    second = store.add_batch([a, sample(2), sample(3)])
    assert (first.stored, first.skipped, second.stored, second.skipped) == (2, 0, 1, 2)
    assert store.stored_ids([a.article.id, "nope"]) == {a.article.id}
    assert store.counts()["articles"] == 3


def test_failed_batch_leaves_no_half_written_article(store: SQLiteStore) -> None:
    good, bad = sample(1), sample(2)
    bad.quotes.append(Quote("X", None))  # type: ignore[arg-type]  # NOT NULL violation after rows were written
    with pytest.raises(StoreError, match="rolled back"):
        store.add_batch([good, bad])
    assert store.counts() == dict.fromkeys(store.counts(), 0)
    assert store.add_batch([good]).stored == 1


def test_interrupt_inside_a_batch_rolls_it_back(store: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_batch([sample(1)])
    calls = {"n": 0}
    original = SQLiteStore._insert

    def interrupted(self: SQLiteStore, cur: sqlite3.Cursor, facts: ArticleFacts) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        original(self, cur, facts)

    monkeypatch.setattr(SQLiteStore, "_insert", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.add_batch([sample(2), sample(3)])
    monkeypatch.undo()
    assert store.counts()["articles"] == 1  # the committed batch stays, the interrupted one is gone entirely
    assert store.counts()["matches"] == 1
    result = store.add_batch([sample(1), sample(2), sample(3)])
    assert (result.stored, result.skipped) == (2, 1)


@pytest.mark.parametrize(
    ("query", "kinds", "expected"),
    [
        ("brilliant", ("quote",), {"quote"}),
        ("Craven Cottage", ("article",), {"article"}),
        ("brilliant", ("article", "quote"), {"article", "quote"}),
        ("jimenez", ("article",), {"article"}),  # accents folded
        ("nonexistentword", ("article", "quote"), set()),
    ],
)
def test_full_text_search(store: SQLiteStore, query: str, kinds: tuple[str, ...], expected: set[str]) -> None:
    store.add_batch([sample(1)])
    hits = store.search(query, kinds=kinds)
    assert {h.kind for h in hits} == expected
    for h in hits:
        if h.kind == "quote":
            assert h.evidence and h.evidence[0].text == "We were brilliant,"


def test_search_filters_by_date_and_articles(store: SQLiteStore) -> None:
    a, b = sample(1, "2025-01-04"), sample(2, "2025-03-01")
    store.add_batch([a, b])
    assert {h.ref.article_id for h in store.search("Fulham", kinds=("article",), date_from="2025-02-01")} == {
        b.article.id
    }
    assert {
        h.ref.article_id for h in store.search("Fulham", kinds=("article",), article_ids={a.article.id})
    } == {a.article.id}
    assert store.article_ids_about(club="Chelsea") == {a.article.id, b.article.id}
    assert store.article_ids_about(person="Marco Silva", competition="Premier League") == {
        a.article.id,
        b.article.id,
    }
    assert store.article_ids_about(club="Arsenal") == set()


@pytest.mark.parametrize(
    ("text", "expected"), [("Fulham AND", '"Fulham" "AND"*'), ('"quoted', '"quoted"*'), ("*", "")]
)
def test_fts_query_is_safe(text: str, expected: str) -> None:
    assert fts_query(text) == expected


def test_reference_results_replace_on_reimport(store: SQLiteStore) -> None:
    r = ResultRecord(
        "Premier League", "2024-25", "2024-08-16", "Manchester United", "Fulham", 1, 0, half_time=(0, 0)
    )
    store.add_results([r])
    store.add_results([r])
    [back] = store.results("Premier League", "2024-25", club="Fulham")
    assert back == r


def test_postgres_url_is_reserved(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgresql://localhost/touchline")


def test_search_with_a_large_article_filter(store: SQLiteStore) -> None:
    a = sample(1)
    store.add_batch([a])
    many = {f"{i:064x}" for i in range(2000)} | {a.article.id}
    assert [h.ref.article_id for h in store.search("Fulham", kinds=("article",), article_ids=many)] == [
        a.article.id
    ]
