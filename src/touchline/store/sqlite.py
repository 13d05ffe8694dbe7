"""SQLite implementation of the Store: one file, WAL journal, migrations on open, FTS5 search."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

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
from touchline.store.migrations import current_version, migrate

_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """User words → a safe FTS5 query: every word must occur (prefix match on the last one)."""
    words = _FTS_TOKEN.findall(text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


class SQLiteStore(Store):
    def __init__(self, path: str | Path) -> None:
        self.url = str(path)
        try:
            if str(path) != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA foreign_keys = ON")
            if str(path) != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA busy_timeout = 30000")  # wait for another writer instead of failing
            migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open as a touchline SQLite store ({exc})") from exc

    def close(self) -> None:
        self.conn.close()

    def schema_version(self) -> int:
        return current_version(self.conn)

    # ---- writing -------------------------------------------------------------------------
    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        chunk: list[str] = []
        for i in ids:
            chunk.append(i)
            if len(chunk) >= 500:
                found |= self._present(chunk)
                chunk = []
        if chunk:
            found |= self._present(chunk)
        return found

    def _present(self, ids: list[str]) -> set[str]:
        marks = ",".join("?" * len(ids))
        return {r[0] for r in self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", ids)}

    def add_batch(self, batch: Sequence[ArticleFacts]) -> BatchResult:
        result = BatchResult()
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            for facts in batch:
                if cur.execute("SELECT 1 FROM articles WHERE id = ?", (facts.article.id,)).fetchone():
                    result.skipped += 1
                    continue
                self._insert(cur, facts)
                result.stored += 1
            cur.execute("COMMIT")
        except BaseException as exc:
            cur.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.url}: write failed, batch rolled back ({exc})") from exc
            raise
        return result

    def _insert(self, cur: sqlite3.Cursor, facts: ArticleFacts) -> None:
        a = facts.article
        aid = a.id
        cur.execute(
            "INSERT INTO articles (id, source, published, title, body) VALUES (?, ?, ?, ?, ?)",
            (aid, a.source, a.published, a.title, a.body),
        )
        cur.execute(
            "INSERT INTO article_facts (article_id, contract_json) VALUES (?, ?)",
            (aid, json.dumps(facts.to_dict(), ensure_ascii=False)),
        )
        cur.execute(
            "INSERT INTO search_index (text, kind, article_id, fact_id) VALUES (?, 'article', ?, NULL)",
            (a.body, aid),
        )

        def evidence(table: str, fact_id: int, evs: list[Evidence]) -> None:
            cur.executemany(
                "INSERT INTO evidence (article_id, fact_table, fact_id, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?, ?)",
                [(aid, table, fact_id, e.start, e.end, e.text) for e in evs],
            )

        for pos, m in enumerate(facts.matches):
            ht = m.half_time or (None, None)
            pens = m.penalties or (None, None)
            cur.execute(
                "INSERT INTO matches (article_id, position, home, away, home_score, away_score, status, result, match_date,"
                " competition, round, venue, referee, attendance, half_time_home, half_time_away, penalties_home,"
                " penalties_away, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    aid,
                    pos,
                    m.home,
                    m.away,
                    m.home_score,
                    m.away_score,
                    m.status,
                    m.result,
                    m.date,
                    m.competition,
                    m.round,
                    m.venue,
                    m.referee,
                    m.attendance,
                    ht[0],
                    ht[1],
                    pens[0],
                    pens[1],
                    ",".join(m.flags),
                ),
            )
            match_id = int(cur.lastrowid or 0)
            evidence("matches", match_id, m.evidence)
            for g in m.goals:
                cur.execute(
                    "INSERT INTO goals (match_id, article_id, scorer, team, minute, added_time, period, kind, assist)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (match_id, aid, g.scorer, g.team, g.minute, g.added, g.period, g.kind, g.assist),
                )
                evidence("goals", int(cur.lastrowid or 0), g.evidence)
        for p in facts.people:
            cur.execute("INSERT INTO people (article_id, name, team) VALUES (?, ?, ?)", (aid, p.name, p.team))
            evidence("people", int(cur.lastrowid or 0), p.mentions)
        for r in facts.roles:
            cur.execute(
                "INSERT INTO roles (article_id, person, role, club, event, as_of, start_date, end_date)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (aid, r.person, r.role, r.club, r.event, r.as_of, r.start, r.end),
            )
            evidence("roles", int(cur.lastrowid or 0), r.evidence)
        for q in facts.quotes:
            cur.execute(
                "INSERT INTO quotes (article_id, speaker, text) VALUES (?, ?, ?)", (aid, q.speaker, q.text)
            )
            qid = int(cur.lastrowid or 0)
            evidence("quotes", qid, q.evidence)
            cur.execute(
                "INSERT INTO search_index (text, kind, article_id, fact_id) VALUES (?, 'quote', ?, ?)",
                (q.text, aid, qid),
            )
        for c in facts.claims:
            cur.execute(
                "INSERT INTO claims (article_id, kind, subject, value) VALUES (?, ?, ?, ?)",
                (aid, c.kind, c.subject, c.value),
            )
            evidence("claims", int(cur.lastrowid or 0), c.evidence)

    # ---- reading articles ----------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute(
            "SELECT id, source, published, body, title FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return Article(row[0], row[1], row[2], row[3], row[4]) if row else None

    def facts(self, article_id: str) -> ArticleFacts | None:
        row = self.conn.execute(
            "SELECT contract_json FROM article_facts WHERE article_id = ?", (article_id,)
        ).fetchone()
        return facts_from_dict(json.loads(row[0])) if row else None

    def iter_facts(self) -> Iterator[ArticleFacts]:
        rows = self.conn.execute(
            "SELECT f.contract_json FROM article_facts f JOIN articles a ON a.id = f.article_id"
            " ORDER BY a.published IS NULL, a.published, a.id"
        )
        for (text,) in rows:
            yield facts_from_dict(json.loads(text))

    def counts(self) -> dict[str, int]:
        tables = (
            "articles",
            "matches",
            "goals",
            "people",
            "roles",
            "quotes",
            "claims",
            "evidence",
            "results",
        )
        return {t: int(self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables}

    def find_article_ids(self, prefix: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id LIKE ? ORDER BY id", (prefix.lower() + "%",)
        )
        return [r[0] for r in rows]

    # ---- reading facts -------------------------------------------------------------------
    def _evidence(self, table: str, ids: list[int]) -> dict[int, list[Evidence]]:
        out: dict[int, list[Evidence]] = {i: [] for i in ids}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT fact_id, start_offset, end_offset, text FROM evidence WHERE fact_table = ? AND fact_id IN ({marks})"
                " ORDER BY id",
                [table, *chunk],
            )
            for fid, s, e, t in rows:
                out[fid].append(Evidence(s, e, t))
        return out

    def _rows(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        return list(self.conn.execute(sql, params))

    _REF = "a.id, a.published, a.source"

    @staticmethod
    def _ref(row: tuple[Any, ...], at: int) -> SourceRef:
        return SourceRef(row[at], row[at + 1], row[at + 2])

    def matches(self, club: str | None = None) -> list[FactRecord[Match]]:
        sql = (
            f"SELECT m.id, m.home, m.away, m.home_score, m.away_score, m.status, m.result, m.match_date, m.competition,"
            f" m.round, m.venue, m.referee, m.attendance, m.half_time_home, m.half_time_away, m.penalties_home,"
            f" m.penalties_away, m.flags, {self._REF} FROM matches m JOIN articles a ON a.id = m.article_id"
        )
        params: list[Any] = []
        if club:
            sql += " WHERE m.home = ? OR m.away = ?"
            params = [club, club]
        rows = self._rows(sql + " ORDER BY a.published, m.id", params)
        ids = [r[0] for r in rows]
        evs = self._evidence("matches", ids)
        goals: dict[int, list[Goal]] = {i: [] for i in ids}
        goal_rows: list[tuple[Any, ...]] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            goal_rows += self._rows(
                f"SELECT id, match_id, scorer, team, minute, added_time, period, kind, assist FROM goals"
                f" WHERE match_id IN ({marks}) ORDER BY id",
                chunk,
            )
        gevs = self._evidence("goals", [g[0] for g in goal_rows])
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
        rows = self._rows(
            sql + (" WHERE p.name = ?" if name else "") + " ORDER BY a.published, p.id",
            [name] if name else [],
        )
        evs = self._evidence("people", [r[0] for r in rows])
        return [FactRecord(r[0], self._ref(r, 3), Person(r[1], r[2], evs[r[0]])) for r in rows]

    def roles(self, club: str | None = None, person: str | None = None) -> list[FactRecord[Role]]:
        sql = (
            f"SELECT r.id, r.person, r.role, r.club, r.event, r.as_of, r.start_date, r.end_date, {self._REF}"
            " FROM roles r JOIN articles a ON a.id = r.article_id WHERE 1=1"
        )
        params: list[Any] = []
        if club:
            sql += " AND r.club = ?"
            params.append(club)
        if person:
            sql += " AND r.person = ?"
            params.append(person)
        rows = self._rows(sql + " ORDER BY a.published, r.id", params)
        evs = self._evidence("roles", [r[0] for r in rows])
        return [
            FactRecord(r[0], self._ref(r, 8), Role(r[1], r[2], r[3], r[4], r[5], r[6], r[7], evs[r[0]]))
            for r in rows
        ]

    def quotes(self, speaker: str | None = None) -> list[FactRecord[Quote]]:
        sql = f"SELECT q.id, q.speaker, q.text, {self._REF} FROM quotes q JOIN articles a ON a.id = q.article_id"
        rows = self._rows(
            sql + (" WHERE q.speaker = ?" if speaker else "") + " ORDER BY a.published, q.id",
            [speaker] if speaker else [],
        )
        evs = self._evidence("quotes", [r[0] for r in rows])
        return [FactRecord(r[0], self._ref(r, 3), Quote(r[1], r[2], evs[r[0]])) for r in rows]

    def claims(self) -> list[FactRecord[Claim]]:
        rows = self._rows(
            f"SELECT c.id, c.kind, c.subject, c.value, {self._REF} FROM claims c JOIN articles a ON a.id = c.article_id"
            " ORDER BY a.published, c.id",
            [],
        )
        evs = self._evidence("claims", [r[0] for r in rows])
        return [FactRecord(r[0], self._ref(r, 4), Claim(r[1], r[2], r[3], evs[r[0]])) for r in rows]

    def article_ids_about(
        self, club: str | None = None, person: str | None = None, competition: str | None = None
    ) -> set[str]:
        sets: list[set[str]] = []
        if club:
            sets.append(
                self._ids(
                    "SELECT article_id FROM matches WHERE home = ?1 OR away = ?1 UNION SELECT article_id FROM people WHERE team = ?1"
                    " UNION SELECT article_id FROM roles WHERE club = ?1 UNION SELECT article_id FROM claims WHERE subject = ?1",
                    [club],
                )
            )
        if person:
            sets.append(
                self._ids(
                    "SELECT article_id FROM people WHERE name = ?1 UNION SELECT article_id FROM roles WHERE person = ?1"
                    " UNION SELECT article_id FROM quotes WHERE speaker = ?1 UNION SELECT article_id FROM goals WHERE scorer = ?1",
                    [person],
                )
            )
        if competition:
            sets.append(self._ids("SELECT article_id FROM matches WHERE competition = ?1", [competition]))
        if not sets:
            return self._ids("SELECT id FROM articles", [])
        out = sets[0]
        for s in sets[1:]:
            out &= s
        return out

    def _ids(self, sql: str, params: list[Any]) -> set[str]:
        return {r[0] for r in self.conn.execute(sql, params)}

    # ---- reference results ---------------------------------------------------------------
    def add_results(self, results: Sequence[ResultRecord]) -> int:
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            for r in results:
                ht = r.half_time or (None, None)
                ft = r.full_time or (None, None)
                pens = r.penalties or (None, None)
                cur.execute(
                    "INSERT OR REPLACE INTO results (competition, season, match_date, home, away, home_score, away_score,"
                    " round, stage, half_time_home, half_time_away, full_time_home, full_time_away, extra_time,"
                    " penalties_home, penalties_away, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                        int(r.extra_time),
                        pens[0],
                        pens[1],
                        r.source,
                    ),
                )
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        return len(results)

    def results(
        self, competition: str | None = None, season: str | None = None, club: str | None = None
    ) -> list[ResultRecord]:
        sql = (
            "SELECT competition, season, match_date, home, away, home_score, away_score, round, stage, half_time_home,"
            " half_time_away, full_time_home, full_time_away, extra_time, penalties_home, penalties_away, source"
            " FROM results WHERE 1=1"
        )
        params: list[Any] = []
        if competition:
            sql += " AND competition = ?"
            params.append(competition)
        if season:
            sql += " AND season = ?"
            params.append(season)
        if club:
            sql += " AND (home = ? OR away = ?)"
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
                pair(r[9], r[10]),
                pair(r[11], r[12]),
                bool(r[13]),
                pair(r[14], r[15]),
                r[16],
            )
            for r in self.conn.execute(sql + " ORDER BY match_date, id", params)
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
        q = fts_query(query)
        if not q:
            return []
        sql = (
            "SELECT s.kind, s.article_id, s.fact_id, bm25(search_index) AS rank,"
            " snippet(search_index, 0, '[', ']', ' … ', 12), a.published, a.source"
            " FROM search_index s JOIN articles a ON a.id = s.article_id WHERE search_index MATCH ?"
        )
        params: list[Any] = [q]
        sql += f" AND s.kind IN ({','.join('?' * len(kinds))})"
        params += list(kinds)
        if date_from:
            sql += " AND a.published >= ?"
            params.append(date_from)
        if date_to:
            sql += " AND a.published <= ?"
            params.append(date_to)
        if article_ids is not None:
            if not article_ids:
                return []
            if len(article_ids) <= 500:
                sql += f" AND s.article_id IN ({','.join('?' * len(article_ids))})"
                params += sorted(article_ids)
            else:  # too many for bound parameters: go through a temporary table
                self.conn.execute(
                    "CREATE TEMP TABLE IF NOT EXISTS search_filter (article_id TEXT PRIMARY KEY)"
                )
                self.conn.execute("DELETE FROM search_filter")
                self.conn.executemany("INSERT INTO search_filter VALUES (?)", [(i,) for i in article_ids])
                sql += " AND s.article_id IN (SELECT article_id FROM search_filter)"
        sql += " ORDER BY rank LIMIT ?"
        params.append(limit)
        try:
            rows = self._rows(sql, params)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search failed: {exc}") from exc
        hits = [SearchHit(r[0], SourceRef(r[1], r[5], r[6]), float(r[3]), r[4], r[2]) for r in rows]
        quote_ev = self._evidence(
            "quotes", [h.fact_id for h in hits if h.kind == "quote" and h.fact_id is not None]
        )
        for h in hits:
            if h.kind == "quote" and h.fact_id is not None:
                h.evidence = quote_ev.get(h.fact_id, [])
        return hits
