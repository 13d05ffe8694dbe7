"""PostgreSQL-only behaviour: schema versioning, URL handling and errors, tables for other tools,
writers in parallel, connections per thread. Needs a server (``postgres_db`` skips without one)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
from store_samples import sample

from touchline.errors import StoreError
from touchline.store import open_store
from touchline.store.postgres import PostgresStore, redact, ts_query
from touchline.store.postgres_migrations import LATEST
from touchline.testing.pgserver import free_port


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://u:secret@db.example:5432/kb", "postgresql://u:***@db.example:5432/kb"),
        ("postgres://u@h/kb", "postgres://u@h/kb"),
        (
            "postgresql://h/kb?password=secret&sslmode=require",
            "postgresql://h/kb?password=***&sslmode=require",
        ),
        ("postgresql://u:p@ss:word@h/kb", "postgresql://u:***@h/kb"),
    ],
)
def test_redact_hides_passwords(url: str, expected: str) -> None:
    assert redact(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fulham", "'Fulham':*"),
        ("second half", "'second' & 'half':*"),
        ("it's 2-1!", "'it' & 's' & '2' & '1':*"),
        ("' & | ! ( ) :*", ""),
    ],
)
def test_ts_query_is_safe(text: str, expected: str) -> None:
    assert ts_query(text) == expected


def test_unreachable_server_is_a_store_error_without_the_password() -> None:
    pytest.importorskip("psycopg")
    url = f"postgresql://touchline:hunter2@127.0.0.1:{free_port()}/kb"
    with pytest.raises(StoreError) as info:
        PostgresStore(url, connect_timeout=3)
    message = str(info.value)
    assert "hunter2" not in message
    assert "postgresql://touchline:***@127.0.0.1" in message and "cannot connect" in message


def test_missing_psycopg_is_a_store_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # makes `import psycopg` fail
    with pytest.raises(StoreError, match="psycopg"):
        open_store("postgresql://u:pw@127.0.0.1:1/kb")


@pytest.fixture
def pg(postgres_db: str) -> Iterator[PostgresStore]:
    store = open_store(postgres_db)
    assert isinstance(store, PostgresStore)
    yield store
    store.close()


@pytest.mark.postgres
def test_both_url_schemes_open_the_postgres_backend(postgres_db: str) -> None:
    with open_store(postgres_db.replace("postgresql://", "postgres://", 1)) as s:
        assert isinstance(s, PostgresStore) and s.schema_version() == LATEST


@pytest.mark.postgres
def test_migrations_apply_once_and_newer_schemas_are_refused(pg: PostgresStore, postgres_db: str) -> None:
    import psycopg

    assert pg.schema_version() == LATEST
    with open_store(postgres_db):  # re-opening does not re-apply migrations
        pass
    with psycopg.connect(postgres_db, autocommit=True) as conn:
        rows = conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert rows == [(v,) for v in range(1, LATEST + 1)]
        conn.execute("INSERT INTO schema_version VALUES (%s, now())", (LATEST + 1,))
    with pytest.raises(StoreError, match="newer"):
        open_store(postgres_db)


@pytest.mark.postgres
def test_tables_are_readable_by_other_tools(pg: PostgresStore, postgres_db: str) -> None:
    import psycopg

    pg.add_batch([sample(1)])
    with psycopg.connect(postgres_db) as conn:
        row = conn.execute(
            "SELECT a.published, m.home, m.away, m.home_score, m.away_score"
            " FROM matches m JOIN articles a ON a.id = m.article_id"
        ).fetchone()
        assert row == ("2025-01-04", "Fulham", "Chelsea", 2, 1)
        assert conn.execute("SELECT person, text FROM mentions").fetchone() == ("Marco Silva", "Marco Silva")
        indexes = {
            r[0] for r in conn.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'search_index'")
        }
        assert any("USING gin (tsv)" in d for d in indexes)
        found = conn.execute(
            "SELECT kind FROM search_index WHERE tsv @@ plainto_tsquery('touchline', 'jimenez')"
        ).fetchall()
        assert found == [("article",)]


@pytest.mark.postgres
def test_parallel_writers_store_each_article_once(postgres_db: str) -> None:
    """Two writers (separate stores, as two processes would be) send overlapping batches at once."""
    items = [sample(i) for i in range(40)]
    results: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def write(order: list[int]) -> None:
        try:
            with open_store(postgres_db) as s:
                for start in range(0, len(order), 10):
                    r = s.add_batch([items[i] for i in order[start : start + 10]])
                    results.append((r.stored, r.skipped))
        except BaseException as exc:
            errors.append(exc)

    forward, backward = list(range(40)), list(reversed(range(40)))
    threads = [threading.Thread(target=write, args=(o,)) for o in (forward, backward)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors[0]
    assert sum(s for s, _ in results) == 40 and sum(k for _, k in results) == 40
    with open_store(postgres_db) as s:
        assert s.counts()["articles"] == 40 and s.counts()["evidence"] == 240


@pytest.mark.postgres
def test_one_connection_per_thread_and_finished_threads_release_theirs(pg: PostgresStore) -> None:
    pg.add_batch([sample(1)])
    ids: list[int] = []

    def work() -> None:
        assert pg.counts()["articles"] == 1
        ids.append(id(pg._conn()))

    for _ in range(3):
        t = threading.Thread(target=work)
        t.start()
        t.join()
    assert len(pg._open) <= 2  # this thread's and the last one's; earlier ones were closed
    rows = (
        pg._conn()
        .execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        .fetchone()
    )
    assert rows is not None and rows[0] <= 3


@pytest.mark.postgres
def test_iter_facts_streams_and_releases_its_connection(pg: PostgresStore) -> None:
    pg.add_batch([sample(i, f"2025-01-{i + 1:02d}") for i in range(7)])
    it = pg.iter_facts()
    first = next(it)
    assert first.article.published == "2025-01-01"
    it.close()  # abandoned half-way: its transaction and connection are released
    assert len(list(pg.iter_facts())) == 7
    assert pg.counts()["articles"] == 7


@pytest.mark.postgres
def test_closed_store_refuses_work(postgres_db: str) -> None:
    s = open_store(postgres_db)
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.counts()


@pytest.mark.postgres
def test_lost_connection_is_a_store_error_then_reconnects(pg: PostgresStore, postgres_db: str) -> None:
    import psycopg

    pg.add_batch([sample(1)])
    pid = pg._conn().info.backend_pid
    with psycopg.connect(postgres_db, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(StoreError, match="query failed"):
        pg.matches()
    assert pg.counts()["articles"] == 1  # the next call opens a new connection
