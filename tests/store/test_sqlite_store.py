"""SQLite-only behaviour: WAL, migrations table, refusing newer schemas and non-SQLite files, FTS5 queries.

The backend-independent store tests (round trip, batches, search…) are in test_store_contract.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_samples import sample

from touchline.errors import StoreError
from touchline.store import open_store
from touchline.store.migrations import LATEST
from touchline.store.sqlite import SQLiteStore, fts_query


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(tmp_path / "t.db")
    yield s
    s.close()


def test_schema_is_versioned_and_wal(sqlite_store: SQLiteStore, tmp_path: Path) -> None:
    assert sqlite_store.schema_version() == LATEST
    assert sqlite_store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    sqlite_store.close()
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


def test_open_store_picks_sqlite_for_paths(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.db") as s:
        assert isinstance(s, SQLiteStore)


def test_tables_are_readable_by_other_tools(sqlite_store: SQLiteStore) -> None:
    sqlite_store.add_batch([sample(1)])
    row = sqlite_store.conn.execute(
        "SELECT a.published, m.home, m.away, m.home_score, m.away_score FROM matches m JOIN articles a ON a.id = m.article_id"
    ).fetchone()
    assert row == ("2025-01-04", "Fulham", "Chelsea", 2, 1)
    assert sqlite_store.conn.execute("SELECT person, text FROM mentions").fetchone() == (
        "Marco Silva",
        "Marco Silva",
    )


@pytest.mark.parametrize(
    ("text", "expected"), [("Fulham AND", '"Fulham" "AND"*'), ('"quoted', '"quoted"'), ("*", "")]
)
def test_fts_query_is_safe(text: str, expected: str) -> None:
    assert fts_query(text) == expected
