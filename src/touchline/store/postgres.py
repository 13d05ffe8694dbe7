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
import re
import threading
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from touchline.errors import StoreError
from touchline.models import (
    Article,
    ArticleFacts,
    Claim,
    Evidence,
    Goal,
    Match,
    Person,
    Quote,
    Role,
    facts_from_dict,
)
from touchline.store.base import BatchResult, FactRecord, ResultRecord, SearchHit, SourceRef, Store
from touchline.store.postgres_migrations import LATEST, migrate
from touchline.store.postgres_write import Ids, Rows, fact_rows, write_articles

if TYPE_CHECKING:
    import psycopg

WRITE_LOCK = 0x746F7564  # advisory lock key held by add_batch / add_results until commit
_HEADLINE = 'StartSel=[, StopSel=], MaxWords=12, MinWords=5, MaxFragments=1, FragmentDelimiter=" … "'
_TS_WORD = re.compile(r"\w+", re.UNICODE)


def ts_query(text: str) -> str:
    """User words → a safe ``to_tsquery`` input: every word must occur (prefix match on the last one)."""
    words = _TS_WORD.findall(text)
    if not words:
        return ""
    terms = [f"'{w}'" for w in words]  # \\w never contains a quote or a backslash
    terms[-1] += ":*"
    return " & ".join(terms)


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


class PostgresStore(Store):
    def __init__(self, url: str, *, connect_timeout: int = 10) -> None:
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise StoreError(
                f"{redact(url)}: the PostgreSQL backend needs psycopg 3: pip install 'touchline[postgres]'"
            ) from exc
        self._dsn = url
        self.url = redact(url)
        self._timeout = connect_timeout
        self._local = threading.local()
        self._open: list[tuple[threading.Thread, psycopg.Connection]] = []
        self._guard = threading.Lock()
        self._closed = False
        try:
            migrate(self._conn())
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
            return psycopg.connect(self._dsn, autocommit=True, connect_timeout=self._timeout)
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"{self.url}: cannot connect to PostgreSQL ({reason})") from exc

    def _conn(self) -> psycopg.Connection:
        """This thread's connection (opened on first use; connections of finished threads are closed)."""
        if self._closed:
            raise StoreError(f"{self.url}: the store is closed")
        conn: psycopg.Connection | None = getattr(self._local, "conn", None)
        if conn is not None and not conn.closed:
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

        try:
            return self._conn().execute(sql, params)  # type: ignore[arg-type]
        except psycopg.OperationalError as exc:  # server gone, connection lost: one readable line
            raise StoreError(f"{self.url}: query failed ({str(exc).strip() or type(exc).__name__})") from exc

    def schema_version(self) -> int:
        row = self._conn().execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0) if row else 0

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
            with conn.transaction():
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
            raise StoreError(f"{self.url}: write failed, batch rolled back ({exc})") from exc
        return result

    def _write(self, conn: psycopg.Connection, fresh: list[ArticleFacts]) -> None:
        write_articles(conn, fresh, self._insert)

    def _insert(self, rows: Rows, ids: Ids, facts: ArticleFacts) -> None:
        """One article's rows (a method so tests can interrupt a batch half-way)."""
        fact_rows(rows, ids, facts)

    # ---- reading articles ----------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        rows = self._rows(
            "SELECT id, source, published, body, title FROM articles WHERE id = %s", [article_id]
        )
        return Article(*rows[0]) if rows else None

    def facts(self, article_id: str) -> ArticleFacts | None:
        rows = self._rows("SELECT contract_json FROM article_facts WHERE article_id = %s", [article_id])
        return facts_from_dict(json.loads(rows[0][0])) if rows else None

    def iter_facts(self) -> Generator[ArticleFacts, None, None]:
        """Streams with a server-side cursor on a connection of its own (released when exhausted)."""
        conn = self._connect()
        try:
            with conn.transaction(), conn.cursor(name="touchline_iter_facts") as cur:
                cur.itersize = 500
                cur.execute(
                    "SELECT f.contract_json FROM article_facts f JOIN articles a ON a.id = f.article_id"
                    " ORDER BY a.published IS NULL, a.published, a.id"
                )
                for (text,) in cur:
                    yield facts_from_dict(json.loads(text))
        finally:
            conn.close()

    _COUNTED = ("articles", "matches", "goals", "people", "roles", "quotes", "claims", "evidence", "results")

    def counts(self) -> dict[str, int]:
        """Row counts, all from one statement and so from one snapshot."""
        selects = ", ".join(f"(SELECT count(*) FROM {t})" for t in self._COUNTED)
        row = self._rows(f"SELECT {selects}")[0]
        return {t: int(n) for t, n in zip(self._COUNTED, row, strict=True)}

    def find_article_ids(self, prefix: str) -> list[str]:
        escaped = prefix.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return [
            r[0] for r in self._rows("SELECT id FROM articles WHERE id LIKE %s ORDER BY id", [escaped + "%"])
        ]

    # ---- reading facts -------------------------------------------------------------------
    def _evidence(self, table: str, ids: list[int]) -> dict[int, list[Evidence]]:
        out: dict[int, list[Evidence]] = {i: [] for i in ids}
        if not ids:
            return out
        rows = self._rows(
            "SELECT fact_id, start_offset, end_offset, text FROM evidence"
            " WHERE fact_table = %s AND fact_id = ANY(%s::bigint[]) ORDER BY id",
            [table, ids],
        )
        for fid, s, e, t in rows:
            out[fid].append(Evidence(s, e, t))
        return out

    _REF = "a.id, a.published, a.source"
    _ORDER = "a.published NULLS FIRST"  # as SQLite sorts NULL first

    @staticmethod
    def _ref(row: tuple[Any, ...], at: int) -> SourceRef:
        return SourceRef(row[at], row[at + 1], row[at + 2])

    def matches(self, club: str | None = None) -> list[FactRecord[Match]]:
        sql = (
            "SELECT m.id, m.home, m.away, m.home_score, m.away_score, m.status, m.result, m.match_date,"
            " m.competition, m.round, m.venue, m.referee, m.attendance, m.half_time_home, m.half_time_away,"
            f" m.penalties_home, m.penalties_away, m.flags, {self._REF}"
            " FROM matches m JOIN articles a ON a.id = m.article_id"
        )
        params: list[Any] = []
        if club:
            sql += " WHERE m.home = %s OR m.away = %s"
            params = [club, club]
        with self._snapshot():
            rows = self._rows(sql + f" ORDER BY {self._ORDER}, m.id", params)
            ids = [r[0] for r in rows]
            evs = self._evidence("matches", ids)
            goal_rows = (
                self._rows(
                    "SELECT id, match_id, scorer, team, minute, added_time, period, kind, assist FROM goals"
                    " WHERE match_id = ANY(%s::bigint[]) ORDER BY id",
                    [ids],
                )
                if ids
                else []
            )
            gevs = self._evidence("goals", [g[0] for g in goal_rows])
        goals: dict[int, list[Goal]] = {i: [] for i in ids}
        for g in goal_rows:
            goals[g[1]].append(Goal(g[2], g[3], g[4], g[5], g[6], g[7], g[8], gevs[g[0]]))
        out = []
        for r in rows:
            m = Match(
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                r[8],
                r[9],
                r[10],
                goals[r[0]],
                evs[r[0]],
                flags=[f for f in (r[17] or "").split(",") if f],
                half_time=(r[13], r[14]) if r[13] is not None and r[14] is not None else None,
                penalties=(r[15], r[16]) if r[15] is not None and r[16] is not None else None,
                referee=r[11],
                attendance=r[12],
            )
            out.append(FactRecord(r[0], self._ref(r, 18), m))
        return out

    def people(self, name: str | None = None) -> list[FactRecord[Person]]:
        sql = f"SELECT p.id, p.name, p.team, {self._REF} FROM people p JOIN articles a ON a.id = p.article_id"
        with self._snapshot():
            rows = self._rows(
                sql + (" WHERE p.name = %s" if name else "") + f" ORDER BY {self._ORDER}, p.id",
                [name] if name else [],
            )
            evs = self._evidence("people", [r[0] for r in rows])
        return [FactRecord(r[0], self._ref(r, 3), Person(r[1], r[2], evs[r[0]])) for r in rows]

    def roles(self, club: str | None = None, person: str | None = None) -> list[FactRecord[Role]]:
        sql = (
            f"SELECT r.id, r.person, r.role, r.club, r.event, r.as_of, r.start_date, r.end_date, {self._REF}"
            " FROM roles r JOIN articles a ON a.id = r.article_id WHERE true"
        )
        params: list[Any] = []
        if club:
            sql += " AND r.club = %s"
            params.append(club)
        if person:
            sql += " AND r.person = %s"
            params.append(person)
        with self._snapshot():
            rows = self._rows(sql + f" ORDER BY {self._ORDER}, r.id", params)
            evs = self._evidence("roles", [r[0] for r in rows])
        return [
            FactRecord(r[0], self._ref(r, 8), Role(r[1], r[2], r[3], r[4], r[5], r[6], r[7], evs[r[0]]))
            for r in rows
        ]

    def quotes(self, speaker: str | None = None) -> list[FactRecord[Quote]]:
        sql = f"SELECT q.id, q.speaker, q.text, {self._REF} FROM quotes q JOIN articles a ON a.id = q.article_id"
        with self._snapshot():
            rows = self._rows(
                sql + (" WHERE q.speaker = %s" if speaker else "") + f" ORDER BY {self._ORDER}, q.id",
                [speaker] if speaker else [],
            )
            evs = self._evidence("quotes", [r[0] for r in rows])
        return [FactRecord(r[0], self._ref(r, 3), Quote(r[1], r[2], evs[r[0]])) for r in rows]

    def claims(self) -> list[FactRecord[Claim]]:
        with self._snapshot():
            rows = self._rows(
                f"SELECT c.id, c.kind, c.subject, c.value, {self._REF} FROM claims c"
                f" JOIN articles a ON a.id = c.article_id ORDER BY {self._ORDER}, c.id"
            )
            evs = self._evidence("claims", [r[0] for r in rows])
        return [FactRecord(r[0], self._ref(r, 4), Claim(r[1], r[2], r[3], evs[r[0]])) for r in rows]

    def article_ids_about(
        self, club: str | None = None, person: str | None = None, competition: str | None = None
    ) -> set[str]:
        parts: list[str] = []
        if club:
            parts.append(
                "SELECT article_id FROM matches WHERE home = %(club)s OR away = %(club)s"
                " UNION SELECT article_id FROM people WHERE team = %(club)s"
                " UNION SELECT article_id FROM roles WHERE club = %(club)s"
                " UNION SELECT article_id FROM claims WHERE subject = %(club)s"
            )
        if person:
            parts.append(
                "SELECT article_id FROM people WHERE name = %(person)s"
                " UNION SELECT article_id FROM roles WHERE person = %(person)s"
                " UNION SELECT article_id FROM quotes WHERE speaker = %(person)s"
                " UNION SELECT article_id FROM goals WHERE scorer = %(person)s"
            )
        if competition:
            parts.append("SELECT article_id FROM matches WHERE competition = %(competition)s")
        if not parts:
            return {r[0] for r in self._rows("SELECT id FROM articles")}
        sql = " INTERSECT ".join(f"({p})" for p in parts)
        params = {"club": club, "person": person, "competition": competition}
        return {r[0] for r in self._rows(sql, params)}

    # ---- reference results ---------------------------------------------------------------
    def add_results(self, results: Sequence[ResultRecord]) -> int:
        import psycopg

        rows = []
        for r in results:
            ht = r.half_time or (None, None)
            ft = r.full_time or (None, None)
            pens = r.penalties or (None, None)
            rows.append(
                (
                    r.competition,
                    r.season,
                    r.date,
                    r.home,
                    r.away,
                    r.home_score,
                    r.away_score,
                    r.round,
                    r.stage,
                    ht[0],
                    ht[1],
                    ft[0],
                    ft[1],
                    bool(r.extra_time),
                    pens[0],
                    pens[1],
                    r.source,
                )
            )
        conn = self._conn()
        try:
            with conn.transaction(), conn.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                cur.executemany(
                    "INSERT INTO results (competition, season, match_date, home, away, home_score, away_score,"
                    " round, stage, half_time_home, half_time_away, full_time_home, full_time_away, extra_time,"
                    " penalties_home, penalties_away, source) VALUES"
                    " (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                    " ON CONFLICT (competition, season, match_date, home, away) DO UPDATE SET"
                    " home_score = EXCLUDED.home_score, away_score = EXCLUDED.away_score, round = EXCLUDED.round,"
                    " stage = EXCLUDED.stage, half_time_home = EXCLUDED.half_time_home,"
                    " half_time_away = EXCLUDED.half_time_away, full_time_home = EXCLUDED.full_time_home,"
                    " full_time_away = EXCLUDED.full_time_away, extra_time = EXCLUDED.extra_time,"
                    " penalties_home = EXCLUDED.penalties_home, penalties_away = EXCLUDED.penalties_away,"
                    " source = EXCLUDED.source",
                    rows,
                )
        except psycopg.Error as exc:
            raise StoreError(f"{self.url}: importing results failed, rolled back ({exc})") from exc
        return len(results)

    def results(
        self, competition: str | None = None, season: str | None = None, club: str | None = None
    ) -> list[ResultRecord]:
        sql = (
            "SELECT competition, season, match_date, home, away, home_score, away_score, round, stage,"
            " half_time_home, half_time_away, full_time_home, full_time_away, extra_time, penalties_home,"
            " penalties_away, source FROM results WHERE true"
        )
        params: list[Any] = []
        if competition:
            sql += " AND competition = %s"
            params.append(competition)
        if season:
            sql += " AND season = %s"
            params.append(season)
        if club:
            sql += " AND (home = %s OR away = %s)"
            params += [club, club]

        def pair(a: Any, b: Any) -> tuple[int, int] | None:
            return (int(a), int(b)) if a is not None and b is not None else None

        return [
            ResultRecord(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                r[8],
                half_time=pair(r[9], r[10]),
                full_time=pair(r[11], r[12]),
                extra_time=bool(r[13]),
                penalties=pair(r[14], r[15]),
                source=r[16],
            )
            for r in self._rows(sql + " ORDER BY match_date NULLS FIRST, id", params)
        ]

    # ---- search --------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        kinds: Sequence[str] = ("article", "quote"),
        date_from: str | None = None,
        date_to: str | None = None,
        article_ids: set[str] | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        import psycopg

        q = ts_query(query)
        if not q or (article_ids is not None and not article_ids):
            return []
        where = ["s.tsv @@ q.q", "s.kind = ANY(%(kinds)s::text[])"]
        params: dict[str, Any] = {"q": q, "kinds": list(kinds), "limit": limit, "opts": _HEADLINE}
        if date_from:
            where.append("s.published >= %(date_from)s")
            params["date_from"] = date_from
        if date_to:
            where.append("s.published <= %(date_to)s")
            params["date_to"] = date_to
        if article_ids is not None:
            where.append("s.article_id = ANY(%(ids)s::text[])")
            params["ids"] = sorted(article_ids)
        # Rank every match inside search_index alone (no join before the LIMIT), then fetch the
        # article and the headline for the top rows only.
        sql = (
            "WITH q AS (SELECT to_tsquery('touchline', %(q)s) AS q),"
            " top AS (SELECT s.id, -ts_rank(s.tsv, q.q, 1) AS rank FROM search_index s CROSS JOIN q"
            f" WHERE {' AND '.join(where)} ORDER BY rank, s.id LIMIT %(limit)s)"
            " SELECT s.kind, s.article_id, s.fact_id, top.rank,"
            " ts_headline('touchline', s.text, q.q, %(opts)s), a.published, a.source"
            " FROM top JOIN search_index s ON s.id = top.id JOIN articles a ON a.id = s.article_id"
            " CROSS JOIN q ORDER BY top.rank, top.id"
        )
        try:
            with self._snapshot():
                rows = self._rows(sql, params)
                quote_ids = [r[2] for r in rows if r[0] == "quote" and r[2] is not None]
                quote_ev = self._evidence("quotes", quote_ids)
        except psycopg.Error as exc:
            raise StoreError(f"search failed: {exc}") from exc
        hits = [SearchHit(r[0], SourceRef(r[1], r[5], r[6]), float(r[3]), r[4], r[2]) for r in rows]
        for h in hits:
            if h.kind == "quote" and h.fact_id is not None:
                h.evidence = quote_ev.get(h.fact_id, [])
        return hits


__all__ = ["LATEST", "PostgresStore", "redact", "ts_query"]
