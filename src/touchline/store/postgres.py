"""PostgreSQL implementation of the Store (``open_store("postgresql://…")``), with psycopg 3.

Same tables and semantics as the SQLite store. Differences that matter to callers:

- **Threads**: one connection per thread, opened on first use, so many threads can read while one
  ingests. Multi-query reads (``matches()``, ``roles()``…) run in one REPEATABLE READ, READ ONLY
  transaction, so they see a single snapshot even while a batch commits.
- **Writes**: ``add_batch`` is one transaction. Row ids are reserved from the sequences up front and
  rows are sent with COPY, so large batches cost a handful of round trips. Writers from any number of
  processes are serialised by an advisory lock held until commit, which keeps "skip stored ids" exact.
- **Search**: PostgreSQL full-text search over a stored ``tsvector`` (GIN index): every word must occur,
  prefix match on the last one, ranked by ``ts_rank`` (reported negated so that lower is better, as BM25
  ranks are in the SQLite store), snippets from ``ts_headline``.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from touchline.errors import StoreError
from touchline.models import ArticleFacts, facts_from_dict
from touchline.store.base import BatchResult, ResultRecord
from touchline.store.pg_timeouts import PgTimeouts, Watchdog
from touchline.store.postgres_migrations import LATEST, migrate
from touchline.store.rows import (
    COLUMNS,
    FACT_TABLES,
    RESULT_KEY,
    Row,
    article_row,
    columns,
    fact_rows,
    facts_json,
    result_row,
)
from touchline.store.sql import COUNTED, ITER_FACTS, Run, SQLStore
from touchline.store.text_query import ts_query

if TYPE_CHECKING:
    import psycopg

WRITE_LOCK = 0x746F7564  # advisory lock key held by add_batch / add_results until commit
_HEADLINE = 'StartSel=[, StopSel=], MaxWords=12, MinWords=5, MaxFragments=1, FragmentDelimiter=" … "'


def redact(url: str) -> str:
    """The URL with any password replaced by ``***`` (safe to print and to put in error messages)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        if ":" in userinfo:
            netloc = f"{userinfo.split(':', 1)[0]}:***@{host}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode([(k, "***" if k == "password" else v) for k, v in pairs], safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


# ---- the write path: one batch of articles → rows per table → COPY ---------------------------------
# Row ids come from each table's sequence, reserved for the whole batch in one round trip, so a goal
# can point at its match and an evidence row at its fact before anything is sent. Tables are written
# in foreign-key order. The caller (``PostgresStore.add_batch``) holds the transaction.
# COPY order respects the foreign keys.
COPY_ORDER = ("matches", "goals", "people", "roles", "quotes", "claims", "evidence", "search_index")

Rows = dict[str, list[Row]]
Ids = dict[str, Iterator[int]]
Inserter = Callable[[Rows, Ids, ArticleFacts], None]


def write_articles(
    conn: psycopg.Connection, fresh: list[ArticleFacts], insert: Inserter | None = None
) -> None:
    """Write ``fresh`` (articles not yet stored) and all their facts; ``insert`` builds one article's rows."""
    insert = insert or copy_fact_rows
    need = dict.fromkeys(FACT_TABLES, 0)
    for f in fresh:
        need["matches"] += len(f.matches)
        need["goals"] += sum(len(m.goals) for m in f.matches)
        need["people"] += len(f.people)
        need["roles"] += len(f.roles)
        need["quotes"] += len(f.quotes)
        need["claims"] += len(f.claims)
    ids = reserve_ids(conn, need)
    with conn.cursor() as cur:
        arts = [f.article for f in fresh]
        copy_rows(cur, "articles", [article_row(f.article, f.status) for f in fresh])
        copy_rows(cur, "article_facts", [(f.article.id, facts_json(f)) for f in fresh])
        rows: Rows = {t: [] for t in COPY_ORDER}
        rows["search_index"] = [("article", a.id, None, a.published, a.body) for a in arts]
        for facts in fresh:
            insert(rows, ids, facts)
        for table in COPY_ORDER:
            copy_rows(cur, table, rows[table])


def reserve_ids(conn: psycopg.Connection, need: dict[str, int]) -> Ids:
    """Reserve ``need[table]`` ids from each table's sequence in one round trip (ascending)."""
    tables = [t for t, n in need.items() if n]
    got: dict[str, list[int]] = {t: [] for t in FACT_TABLES}
    if tables:
        rows = conn.execute(
            "SELECT s.t, nextval((s.t || '_id_seq')::regclass) FROM unnest(%s::text[], %s::int[]) AS s(t, n),"
            " generate_series(1, s.n)",
            (tables, [need[t] for t in tables]),
        ).fetchall()
        for table, value in rows:
            got[table].append(int(value))
    return {t: iter(sorted(v)) for t, v in got.items()}


def copy_rows(cur: psycopg.Cursor[Any], table: str, rows: list[Row]) -> None:
    if not rows:
        return
    with cur.copy(f"COPY {table} ({', '.join(COLUMNS[table])}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def copy_fact_rows(rows: Rows, ids: Ids, facts: ArticleFacts) -> None:
    """Add one article's fact, evidence and search rows to ``rows`` (written by COPY afterwards);
    each fact row gets the next of the ids reserved for its table."""

    def add(table: str, new: list[Row]) -> int:
        if table not in ids:  # evidence, search_index: ids come from COPY
            rows[table] += new
            return 0
        fact_id = next(ids[table])
        rows[table] += [(fact_id, *new[0])]
        return fact_id

    fact_rows(facts, add)


class PostgresStore(SQLStore):
    PLACEHOLDER = "%s"
    NULLS_FIRST = " NULLS FIRST"  # as SQLite sorts NULL first

    def __init__(self, url: str, *, connect_timeout: float | None = None) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(
                f"{redact(url)}: the PostgreSQL backend needs psycopg 3: pip install 'touchline[postgres]'"
            ) from exc
        self._dsn = url
        self.url = redact(url)
        timeouts = PgTimeouts()
        if connect_timeout is not None:
            timeouts = replace(timeouts, connect=connect_timeout)
        self.timeouts = timeouts
        self._watchdog = Watchdog(timeouts.deadline)
        self._local = threading.local()
        self._open: list[tuple[threading.Thread, psycopg.Connection]] = []
        self._guard = threading.Lock()
        self._closed = False
        try:
            conn = self._conn()
            try:
                with self._watchdog.guard(conn):
                    migrate(conn)
            except psycopg.OperationalError as exc:
                raise self._lost(conn, exc, "cannot prepare the touchline schema") from exc
        except StoreError:
            self.close()
            raise
        except Exception as exc:
            self.close()
            raise StoreError(f"{self.url}: cannot prepare the touchline schema ({exc})") from exc

    # ---- connections ---------------------------------------------------------------------
    def _connect(self) -> psycopg.Connection:
        import psycopg

        try:
            return psycopg.connect(self._dsn, autocommit=True, **self.timeouts.connect_kwargs(self._dsn))
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"{self.url}: cannot connect to PostgreSQL ({reason})") from exc

    def _conn(self) -> psycopg.Connection:
        """This thread's connection (opened on first use; connections of finished threads are closed)."""
        if self._closed:
            raise StoreError(f"{self.url}: the store is closed")
        conn: psycopg.Connection | None = getattr(self._local, "conn", None)
        if conn is not None and not conn.closed and not conn.broken:
            return conn
        conn = self._connect()
        self._local.conn = conn
        with self._guard:
            alive = []
            for thread, c in self._open:
                if thread.is_alive():
                    alive.append((thread, c))
                else:
                    c.close()
            alive.append((threading.current_thread(), conn))
            self._open = alive
        return conn

    def close(self) -> None:
        self._closed = True
        with self._guard:
            for _, c in self._open:
                c.close()
            self._open = []

    @contextmanager
    def _snapshot(self) -> Iterator[psycopg.Connection]:
        """A read-only transaction with one snapshot for several queries (reused when already inside one)."""
        from psycopg.pq import TransactionStatus

        conn = self._conn()
        if conn.info.transaction_status != TransactionStatus.IDLE:
            yield conn
            return
        import psycopg

        self._execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        try:
            yield conn
        finally:
            with contextlib.suppress(psycopg.Error):  # a lost connection has nothing left to roll back
                conn.execute("ROLLBACK")

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        return self._execute(sql, params).fetchall()

    def _execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> psycopg.Cursor[Any]:
        import psycopg

        conn = self._conn()
        try:
            with self._watchdog.guard(conn):
                return conn.execute(sql, params)  # type: ignore[arg-type]
        except psycopg.OperationalError as exc:  # server gone, connection lost: one readable line
            raise self._lost(conn, exc, "query failed") from exc

    def _lost(self, conn: psycopg.Connection, exc: Exception, what: str) -> StoreError:
        """One readable line for a failed call: the client deadline passed, or the server said why."""
        if self._watchdog.fired(conn):
            return StoreError(
                f"{self.url}: PostgreSQL did not answer within {self.timeouts.deadline:g} s (the server"
                " is frozen or unreachable; TOUCHLINE_PG_STATEMENT_TIMEOUT sets the limit)"
            )
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return StoreError(f"{self.url}: {what} ({reason})")

    def schema_version(self) -> int:
        row = self._conn().execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0) if row else 0

    def data_version(self) -> object:
        """Changes when another session commits writes. First the current snapshot (a cheap call that
        changes only when a writing transaction starts or ends anywhere on the server); only when it
        moved, the article count and the reference results' last change, so writes to other databases
        on the same server do not drop the caches."""
        snapshot = self._rows("SELECT pg_current_snapshot()::text")[0][0]
        if snapshot != getattr(self, "_snapshot_seen", None):
            row = self._rows(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM results),"
                " (SELECT max(xmin::text::bigint) FROM results)"
            )[0]
            self._snapshot_seen = snapshot
            self._version = tuple(row)
        return self._version

    # ---- writing -------------------------------------------------------------------------
    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        if not wanted:
            return set()
        return {r[0] for r in self._rows("SELECT id FROM articles WHERE id = ANY(%s::text[])", [wanted])}

    def add_batch(self, batch: Sequence[ArticleFacts]) -> BatchResult:
        import psycopg

        result = BatchResult()
        conn = self._conn()
        try:
            with self._watchdog.guard(conn), conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                seen = self.stored_ids(f.article.id for f in batch)
                fresh: list[ArticleFacts] = []
                for facts in batch:
                    if facts.article.id in seen:
                        result.skipped += 1
                        continue
                    seen.add(facts.article.id)
                    fresh.append(facts)
                if fresh:
                    self._write(conn, fresh)
                result.stored = len(fresh)
        except psycopg.Error as exc:
            raise self._lost(conn, exc, "write failed, batch rolled back") from exc
        return result

    def _write(self, conn: psycopg.Connection, fresh: list[ArticleFacts]) -> None:
        write_articles(conn, fresh, self._insert)

    def _insert(self, rows: Rows, ids: Ids, facts: ArticleFacts) -> None:
        """One article's rows (a method so tests can interrupt a batch half-way)."""
        copy_fact_rows(rows, ids, facts)

    # ---- reading -------------------------------------------------------------------------
    def _rows_in(self, sql: str, params: Sequence[Any], ids: list[int]) -> list[Row]:
        return self._rows(sql.replace("{in}", "= ANY(%s::bigint[])"), [*params, ids])

    def iter_facts(self) -> Generator[ArticleFacts, None, None]:
        """Streams with a server-side cursor on a connection of its own (released when exhausted)."""
        import psycopg

        conn = self._connect()
        try:
            with conn.transaction(), conn.cursor(name="touchline_iter_facts") as cur:
                started = False
                while True:
                    try:
                        with self._watchdog.guard(conn):  # each round trip has the client deadline
                            if not started:
                                cur.execute(ITER_FACTS)
                                started = True
                            rows = cur.fetchmany(500)
                    except psycopg.OperationalError as exc:
                        raise self._lost(conn, exc, "reading facts failed") from exc
                    if not rows:
                        break
                    for (text,) in rows:
                        yield facts_from_dict(json.loads(text))
        finally:
            conn.close()

    def counts(self) -> dict[str, int]:
        """Row counts, all from one statement and so from one snapshot."""
        selects = ", ".join(f"(SELECT count(*) FROM {t})" for t in COUNTED)
        row = self._rows(f"SELECT {selects}")[0]
        return {t: int(n) for t, n in zip(COUNTED, row, strict=True)}

    def find_article_ids(self, prefix: str) -> list[str]:
        escaped = prefix.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return [
            r[0] for r in self._rows("SELECT id FROM articles WHERE id LIKE %s ORDER BY id", [escaped + "%"])
        ]

    # ---- reference results ---------------------------------------------------------------
    def add_results(self, results: Sequence[ResultRecord]) -> int:
        import psycopg

        cols = columns("results")
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in cols.split(", ") if c not in RESULT_KEY)
        conn = self._conn()
        try:
            with self._watchdog.guard(conn), conn.transaction(), conn.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                cur.executemany(
                    f"INSERT INTO results ({cols}) VALUES ({', '.join(['%s'] * len(cols.split(', ')))})"
                    f" ON CONFLICT ({', '.join(RESULT_KEY)}) DO UPDATE SET {updates}",
                    [result_row(r) for r in results],
                )
        except psycopg.Error as exc:
            raise self._lost(conn, exc, "importing results failed, rolled back") from exc
        return len(results)

    @contextmanager
    def _writing(self) -> Iterator[Run]:
        import psycopg

        conn = self._conn()
        try:
            with conn.transaction(), conn.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))

                def run(sql: str, params: Sequence[Any]) -> list[Row]:
                    cur.execute(sql, params)  # type: ignore[arg-type]
                    return cur.fetchall() if cur.description else []

                yield run
        except psycopg.Error as exc:
            raise StoreError(f"{self.url}: write failed, rolled back ({exc})") from exc

    # ---- search --------------------------------------------------------------------------
    def _search_errors(self) -> tuple[type[BaseException], ...]:
        import psycopg

        return (psycopg.Error,)

    def _text_query(self, text: str) -> str:
        return ts_query(text)

    def _match_rows(
        self, q: str, filters: dict[str, Any], article_ids: set[str] | None, cap: int
    ) -> list[Row]:
        where = ["s.tsv @@ q.q", "s.kind = ANY(%(kinds)s::text[])"]
        params: dict[str, Any] = {"q": q, "kinds": filters["kinds"], "cap": cap}
        if filters["date_from"]:
            where.append("s.published >= %(date_from)s")
            params["date_from"] = filters["date_from"]
        if filters["date_to"]:
            where.append("s.published <= %(date_to)s")
            params["date_to"] = filters["date_to"]
        if article_ids is not None:
            where.append("s.article_id = ANY(%(ids)s::text[])")
            params["ids"] = sorted(article_ids)
        # Rank every match inside search_index alone (no join before the LIMIT), then fetch the
        # articles of the rows kept.
        sql = (
            "WITH q AS (SELECT to_tsquery('touchline', %(q)s) AS q),"
            " top AS (SELECT s.id, s.kind, s.article_id, s.fact_id, -ts_rank(s.tsv, q.q, 1) AS rank"
            f" FROM search_index s CROSS JOIN q WHERE {' AND '.join(where)} ORDER BY rank, s.id LIMIT %(cap)s)"
            " SELECT top.kind, top.article_id, top.fact_id, top.rank, top.id, a.published, a.source,"
            " CASE WHEN top.kind = 'quote' THEN s.text END"
            " FROM top JOIN articles a ON a.id = top.article_id JOIN search_index s ON s.id = top.id"
            " ORDER BY top.rank, top.id"
        )
        return self._rows(sql, params)

    def _snippet_rows(self, q: str, row_ids: list[int]) -> list[Row]:
        return self._rows(
            "SELECT s.id, ts_headline('touchline', s.text, to_tsquery('touchline', %(q)s), %(opts)s)"
            " FROM search_index s WHERE s.id = ANY(%(ids)s::bigint[])",
            {"q": q, "opts": _HEADLINE, "ids": row_ids},
        )


__all__ = ["LATEST", "PostgresStore", "redact", "ts_query"]
