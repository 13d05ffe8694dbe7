"""SQLite implementation of the Store: one file, WAL journal, migrations on open, FTS5 search.

Reading facts back is shared with the PostgreSQL store (``store/sql.py``); this module holds the
connection, the write transactions and the FTS5 search.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from touchline.errors import StoreError
from touchline.models import ArticleFacts, facts_from_dict
from touchline.store.base import BatchResult, ResultRecord
from touchline.store.migrations import current_version, stored_version
from touchline.store.rows import COLUMNS, FACT_TABLES, Row, article_row, fact_rows, facts_json, result_row
from touchline.store.sql import COUNTED, ITER_FACTS, Run, SQLStore
from touchline.store.sqlite_open import connect
from touchline.store.text_query import fts_query

_CHUNK = 500  # bound parameters per IN (...) list


def _insert_sql(table: str, cols: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


# One INSERT per table for the rows of ``fact_rows`` (fact ids are left to SQLite); the FTS5 table has
# no ``published`` column.
_SEARCH_COLUMNS = ("kind", "article_id", "fact_id", "text")
_INSERTS = {t: _insert_sql(t, cols[1:] if t in FACT_TABLES else cols) for t, cols in COLUMNS.items()}
_INSERTS["search_index"] = _insert_sql("search_index", _SEARCH_COLUMNS)


def write_failure(url: str, exc: sqlite3.Error) -> str:
    """One line for a failed write, naming the cause first (a full disk, a locked or read-only
    store); the batch was rolled back, batches committed before it stay."""
    text = str(exc)
    if "disk is full" in text or getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL":
        cause = "the disk is full (or the store reached its size limit)"
    elif "readonly" in text or "read-only" in text:
        cause = "the store is read-only"
    elif "locked" in text or "busy" in text:
        cause = "the store is locked by another process"
    else:
        cause = "write failed"
    return f"{url}: {cause} ({text}); this batch was rolled back, articles stored before it are kept"


class SQLiteStore(SQLStore):
    PLACEHOLDER = "?"

    def __init__(self, path: str | Path) -> None:
        self.url = str(path)
        try:
            # WAL, busy timeout, concurrency-safe migrations; read-only (mode=ro / immutable) when the
            # file or its folder cannot be written: see store/sqlite_open.py
            self.conn, self.read_only = connect(str(path))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open as a touchline SQLite store ({exc})") from exc

    def close(self) -> None:
        self.conn.close()

    def schema_version(self) -> int:
        if self.read_only:
            return stored_version(self.conn) or 0
        return current_version(self.conn)

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: changes whenever another connection (another process)
        commits to the file; this connection's own writes do not change it."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.url}: the store is read-only ({self.read_only}); nothing was written")

    # ---- writing -------------------------------------------------------------------------
    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        chunk: list[str] = []
        for i in ids:
            chunk.append(i)
            if len(chunk) >= _CHUNK:
                found |= self._present(chunk)
                chunk = []
        if chunk:
            found |= self._present(chunk)
        return found

    def _present(self, ids: list[str]) -> set[str]:
        marks = ",".join("?" * len(ids))
        return {r[0] for r in self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", ids)}

    def add_batch(self, batch: Sequence[ArticleFacts]) -> BatchResult:
        self._writable()
        result = BatchResult()
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            for facts in batch:
                if cur.execute("SELECT 1 FROM articles WHERE id = ?", (facts.article.id,)).fetchone():
                    result.skipped += 1
                    continue
                problem = self._insert_one(cur, facts)
                if problem:
                    result.failed.append((facts.article.source, problem))
                else:
                    result.stored += 1
            cur.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.Error):
                raise StoreError(write_failure(self.url, exc)) from None
            raise
        return result

    def _insert_one(self, cur: sqlite3.Cursor, facts: ArticleFacts) -> str | None:
        """Insert one article inside a savepoint; a value SQLite refuses (a lone surrogate, an int
        over 64 bits, an unsupported type) rolls back this article only and is returned as a problem."""
        cur.execute("SAVEPOINT article")
        try:
            self._insert(cur, facts)
        except (
            sqlite3.InterfaceError,
            sqlite3.ProgrammingError,
            sqlite3.IntegrityError,
            ValueError,  # UnicodeEncodeError: a lone surrogate
            OverflowError,  # an int over 64 bits
            TypeError,
        ) as exc:
            cur.execute("ROLLBACK TO article")
            cur.execute("RELEASE article")
            return f"not stored: the store refused a value ({type(exc).__name__}: {str(exc)[:160]})"
        cur.execute("RELEASE article")
        return None

    def _rollback(self) -> None:
        """Roll back the open transaction, if SQLite has not already done so (it does after a full
        disk); a failing rollback never hides the error that caused it."""
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def _insert(self, cur: sqlite3.Cursor, facts: ArticleFacts) -> None:
        a = facts.article
        cur.execute(_INSERTS["articles"], article_row(a, facts.status))
        cur.execute(_INSERTS["article_facts"], (a.id, facts_json(facts)))
        cur.execute(_INSERTS["search_index"], ("article", a.id, None, a.body))

        def add(table: str, rows: list[Row]) -> int:
            if table == "search_index":
                rows = [(*r[:3], r[4]) for r in rows]  # no published column in FTS5
            if len(rows) == 1:
                cur.execute(_INSERTS[table], rows[0])
                return int(cur.lastrowid or 0)
            cur.executemany(_INSERTS[table], rows)
            return 0

        fact_rows(facts, add)

    # ---- reading -------------------------------------------------------------------------
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(self.conn.execute(sql, params))

    def _rows_in(self, sql: str, params: Sequence[Any], ids: list[int]) -> list[Row]:
        out: list[Row] = []
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            out += self._rows(sql.replace("{in}", f"IN ({','.join('?' * len(chunk))})"), [*params, *chunk])
        return out

    def iter_facts(self) -> Iterator[ArticleFacts]:
        for (text,) in self.conn.execute(ITER_FACTS):
            yield facts_from_dict(json.loads(text))

    def counts(self) -> dict[str, int]:
        return {t: int(self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in COUNTED}

    def find_article_ids(self, prefix: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id LIKE ? ORDER BY id", (prefix.lower() + "%",)
        )
        return [r[0] for r in rows]

    # ---- reference results ---------------------------------------------------------------
    def add_results(self, results: Sequence[ResultRecord]) -> int:
        self._writable()
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            sql = _INSERTS["results"].replace("INSERT INTO", "INSERT OR REPLACE INTO", 1)
            for r in results:
                cur.execute(sql, result_row(r))
            cur.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.OperationalError):
                raise StoreError(write_failure(self.url, exc)) from None
            raise
        return len(results)

    @contextmanager
    def _writing(self) -> Iterator[Run]:
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield lambda sql, params: cur.execute(sql, params).fetchall()
            cur.execute("COMMIT")
        except BaseException as exc:
            cur.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.url}: write failed, rolled back ({exc})") from exc
            raise

    # ---- search --------------------------------------------------------------------------
    def _search_errors(self) -> tuple[type[BaseException], ...]:
        return (sqlite3.OperationalError,)

    def _text_query(self, text: str) -> str:
        return fts_query(text)

    def _match_rows(
        self, q: str, filters: dict[str, Any], article_ids: set[str] | None, cap: int
    ) -> list[Row]:
        kinds: list[str] = filters["kinds"]
        sql = (
            "SELECT s.kind, s.article_id, s.fact_id, bm25(search_index) AS rank, s.rowid,"
            " a.published, a.source, CASE WHEN s.kind = 'quote' THEN s.text END"
            " FROM search_index s JOIN articles a ON a.id = s.article_id WHERE search_index MATCH ?"
        )
        params: list[Any] = [q]
        sql += f" AND s.kind IN ({','.join('?' * len(kinds))})"
        params += kinds
        if filters["date_from"]:
            sql += " AND a.published >= ?"
            params.append(filters["date_from"])
        if filters["date_to"]:
            sql += " AND a.published <= ?"
            params.append(filters["date_to"])
        if article_ids is not None:
            if len(article_ids) <= _CHUNK:
                sql += f" AND s.article_id IN ({','.join('?' * len(article_ids))})"
                params += sorted(article_ids)
            else:  # too many for bound parameters: go through a temporary table
                self.conn.execute(
                    "CREATE TEMP TABLE IF NOT EXISTS search_filter (article_id TEXT PRIMARY KEY)"
                )
                self.conn.execute("DELETE FROM search_filter")
                self.conn.executemany("INSERT INTO search_filter VALUES (?)", [(i,) for i in article_ids])
                sql += " AND s.article_id IN (SELECT article_id FROM search_filter)"
        sql += " ORDER BY rank, s.rowid LIMIT ?"
        params.append(cap)
        return self._rows(sql, params)

    def _snippet_rows(self, q: str, row_ids: list[int]) -> list[Row]:
        out: list[Row] = []
        for n in range(0, len(row_ids), _CHUNK):
            chunk = row_ids[n : n + _CHUNK]
            out += self._rows(
                "SELECT rowid, snippet(search_index, 0, '[', ']', ' … ', 12) FROM search_index"
                f" WHERE search_index MATCH ? AND rowid IN ({','.join('?' * len(chunk))})",
                [q, *chunk],
            )
        return out
