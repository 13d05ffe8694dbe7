"""What the SQL stores share: reading articles, facts and reference results back into records, and
the shape of a search. A backend (``SQLiteStore``, ``PostgresStore``) supplies the connection
handling, its placeholder style (``?`` or ``%s``), how it selects rows by a list of ids and its
full-text search; SQL text here writes ``{p}`` where a parameter goes.
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any, ClassVar

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
from touchline.store.base import (
    ArticleInfo,
    FactRecord,
    LedgerLink,
    ResultRecord,
    SearchHit,
    SourceRef,
    Store,
)
from touchline.store.rows import (
    GOAL_SELECT,
    MATCH_REF_AT,
    MATCH_SELECT,
    REF,
    Row,
    columns,
    goal_from_row,
    match_from_row,
    result_from_row,
    source_ref,
)

SEARCH_CAP = 100_000  # matching rows read per search (ids and ranks only), enough for true totals
# Ledger links (``linking/ledger.py``): written per link with the stored match found by position.
LINK_COLUMNS = (
    "status, competition, season, match_date, home, away, home_score, away_score, candidates, reason"
)
_LINK_INSERT = (
    f"INSERT INTO ledger_links (match_id, article_id, {LINK_COLUMNS})"
    " SELECT m.id, m.article_id, {p}, {p}, {p}, {p}, {p}, {p}, {p}, {p}, {p}, {p} FROM matches m"
    " WHERE m.article_id = {p} AND m.position = {p} RETURNING id"
)
_LINK_EVIDENCE = (
    "INSERT INTO evidence (article_id, fact_table, fact_id, start_offset, end_offset, text)"
    " VALUES ({p}, 'ledger_links', {p}, {p}, {p}, {p})"
)
_LINK_SELECT = (
    f"SELECT l.id, l.match_id, l.article_id, m.position, {', '.join('l.' + c for c in LINK_COLUMNS.split(', '))}"
    ", a.published FROM ledger_links l JOIN matches m ON m.id = l.match_id JOIN articles a ON a.id = l.article_id"
)
Run = Callable[[str, Sequence[Any]], list[Row]]

COUNTED = ("articles", "matches", "goals", "people", "roles", "quotes", "claims", "evidence", "results")
ITER_FACTS = (
    "SELECT f.contract_json FROM article_facts f JOIN articles a ON a.id = f.article_id"
    " ORDER BY a.published IS NULL, a.published, a.id"
)
# Articles whose facts name a club / a person / a competition.
_ABOUT = {
    "club": "SELECT article_id FROM matches WHERE home = {p} OR away = {p}"
    " UNION SELECT article_id FROM people WHERE team = {p}"
    " UNION SELECT article_id FROM roles WHERE club = {p}"
    " UNION SELECT article_id FROM claims WHERE subject = {p}",
    "person": "SELECT article_id FROM people WHERE name = {p}"
    " UNION SELECT article_id FROM roles WHERE person = {p}"
    " UNION SELECT article_id FROM quotes WHERE speaker = {p}"
    " UNION SELECT article_id FROM goals WHERE scorer = {p}",
    "competition": "SELECT article_id FROM matches WHERE competition = {p}",
}


class SQLStore(Store):
    """A Store over SQL tables laid out as in ``store/migrations.py``."""

    PLACEHOLDER: ClassVar[str]  # the driver's parameter mark: "?" or "%s"
    NULLS_FIRST: ClassVar[str] = ""  # appended to ORDER BY terms where NULL does not sort first already

    # ---- what a backend supplies ---------------------------------------------------------
    @abstractmethod
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    @abstractmethod
    def _rows_in(self, sql: str, params: Sequence[Any], ids: list[int]) -> list[Row]:
        """Rows of ``sql`` where its ``{in}`` (e.g. ``fact_id {in}``) holds for the integer ``ids``
        (``ids`` not empty; ``params`` are bound before them)."""

    @abstractmethod
    def _text_query(self, text: str) -> str:
        """User words → the backend's full-text query ("" when there are no words)."""

    @abstractmethod
    def _match_rows(
        self, query: str, filters: dict[str, Any], article_ids: set[str] | None, cap: int
    ) -> list[Row]:
        """Every full-text match of a ``_text_query`` (at most ``cap``) as (kind, article_id, fact_id,
        rank, row_id, published, source, quote text or NULL), best first; ``filters`` holds ``kinds``, ``date_from`` and
        ``date_to``. No snippets: they are made for the hits shown (``_snippet_rows``)."""

    @abstractmethod
    def _snippet_rows(self, query: str, row_ids: list[int]) -> list[Row]:
        """(row_id, snippet) for the given search rows, the matched words in [brackets]."""

    def _search_errors(self) -> tuple[type[BaseException], ...]:
        """Driver errors that a failed search reports as a StoreError."""
        return ()

    @abstractmethod
    def _writing(self) -> AbstractContextManager[Run]:
        """A write transaction (serialised with other writers); yields ``run(sql, params) -> rows``."""

    def _snapshot(self) -> AbstractContextManager[Any]:
        """One consistent view for the several queries of one read (where the backend needs it)."""
        return nullcontext()

    # ---- helpers -------------------------------------------------------------------------
    def _sql(self, text: str) -> str:
        return text.replace("{p}", self.PLACEHOLDER)

    def _where(self, sql: str, conditions: Sequence[tuple[str, Any]]) -> tuple[str, list[Any]]:
        """``sql`` with a WHERE clause of the conditions whose value is given (every ``{p}`` in a
        condition binds its value) and the parameters."""
        used = [(cond, value) for cond, value in conditions if value]
        params = [value for cond, value in used for _ in range(cond.count("{p}"))]
        if used:
            sql += " WHERE " + " AND ".join(cond for cond, _ in used)
        return self._sql(sql), params

    def _order(self, *terms: str) -> str:
        return " ORDER BY " + ", ".join(
            f"{t}{self.NULLS_FIRST}" if i == 0 else t for i, t in enumerate(terms)
        )

    def _evidence(self, table: str, ids: list[int]) -> dict[int, list[Evidence]]:
        out: dict[int, list[Evidence]] = {i: [] for i in ids}
        if not ids:
            return out
        rows = self._rows_in(
            self._sql(
                "SELECT fact_id, start_offset, end_offset, text FROM evidence"
                " WHERE fact_table = {p} AND fact_id {in} ORDER BY id"
            ),
            [table],
            ids,
        )
        for fid, s, e, t in rows:
            out[fid].append(Evidence(s, e, t))
        return out

    # ---- articles ------------------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        rows = self._rows(
            self._sql("SELECT id, source, published, body, title FROM articles WHERE id = {p}"), [article_id]
        )
        return Article(*rows[0]) if rows else None

    def article_index(self) -> list[ArticleInfo]:
        rows = self._rows(
            "SELECT id, published, source, title, substr(body, 1, 200) FROM articles ORDER BY id"
        )
        return [ArticleInfo(*r) for r in rows]

    def unextracted(self) -> list[tuple[str, str, str]]:
        """(id, source, reason) of the articles stored without extraction (over their budget), to
        re-extract later."""
        rows = self._rows(
            "SELECT id, source, extraction FROM articles WHERE extraction IS NOT NULL ORDER BY id"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def facts(self, article_id: str) -> ArticleFacts | None:
        rows = self._rows(
            self._sql("SELECT contract_json FROM article_facts WHERE article_id = {p}"), [article_id]
        )
        return facts_from_dict(json.loads(rows[0][0])) if rows else None

    # ---- facts by kind -------------------------------------------------------------------
    def matches(self, club: str | None = None) -> list[FactRecord[Match]]:
        sql, params = self._where(
            f"SELECT {MATCH_SELECT} FROM matches m JOIN articles a ON a.id = m.article_id",
            [("(m.home = {p} OR m.away = {p})", club)],
        )
        with self._snapshot():
            rows = self._rows(sql + self._order("a.published", "m.id"), params)
            ids = [r[0] for r in rows]
            evs = self._evidence("matches", ids)
            goal_rows = (
                self._rows_in(f"SELECT {GOAL_SELECT} FROM goals WHERE match_id {{in}} ORDER BY id", [], ids)
                if ids
                else []
            )
            gevs = self._evidence("goals", [g[0] for g in goal_rows])
        goals: dict[int, list[Goal]] = {i: [] for i in ids}
        for g in goal_rows:
            goals[g[1]].append(goal_from_row(g, gevs[g[0]]))
        return [
            FactRecord(r[0], source_ref(r, MATCH_REF_AT), match_from_row(r, goals[r[0]], evs[r[0]]))
            for r in rows
        ]

    def _fact_rows(
        self, select: str, table: str, alias: str, conditions: Sequence[tuple[str, Any]]
    ) -> tuple[list[Row], dict[int, list[Evidence]]]:
        """The rows of ``SELECT {alias}.id, {select}, REF`` over one fact table, and their evidence."""
        sql, params = self._where(
            f"SELECT {alias}.id, {select}, {REF} FROM {table} {alias} JOIN articles a ON a.id = {alias}.article_id",
            conditions,
        )
        with self._snapshot():
            rows = self._rows(sql + self._order("a.published", f"{alias}.id"), params)
            evs = self._evidence(table, [r[0] for r in rows])
        return rows, evs

    def people(self, name: str | None = None) -> list[FactRecord[Person]]:
        rows, evs = self._fact_rows("p.name, p.team", "people", "p", [("p.name = {p}", name)])
        return [FactRecord(r[0], source_ref(r, 3), Person(r[1], r[2], evs[r[0]])) for r in rows]

    def roles(self, club: str | None = None, person: str | None = None) -> list[FactRecord[Role]]:
        rows, evs = self._fact_rows(
            "r.person, r.role, r.club, r.event, r.as_of, r.start_date, r.end_date",
            "roles",
            "r",
            [("r.club = {p}", club), ("r.person = {p}", person)],
        )
        return [
            FactRecord(r[0], source_ref(r, 8), Role(r[1], r[2], r[3], r[4], r[5], r[6], r[7], evs[r[0]]))
            for r in rows
        ]

    def quotes(self, speaker: str | None = None) -> list[FactRecord[Quote]]:
        rows, evs = self._fact_rows("q.speaker, q.text", "quotes", "q", [("q.speaker = {p}", speaker)])
        return [FactRecord(r[0], source_ref(r, 3), Quote(r[1], r[2], evs[r[0]])) for r in rows]

    def claims(self) -> list[FactRecord[Claim]]:
        rows, evs = self._fact_rows("c.kind, c.subject, c.value", "claims", "c", [])
        return [FactRecord(r[0], source_ref(r, 4), Claim(r[1], r[2], r[3], evs[r[0]])) for r in rows]

    def article_ids_about(
        self, club: str | None = None, person: str | None = None, competition: str | None = None
    ) -> set[str]:
        given = [
            (key, value) for key, value in (("club", club), ("person", person), ("competition", competition))
        ]
        parts = [
            (self._sql(_ABOUT[key]), [value] * _ABOUT[key].count("{p}")) for key, value in given if value
        ]
        if not parts:
            return {r[0] for r in self._rows("SELECT id FROM articles")}
        with self._snapshot():
            sets = [{r[0] for r in self._rows(sql, params)} for sql, params in parts]
        return set.intersection(*sets)

    # ---- reference results ---------------------------------------------------------------
    def results(
        self, competition: str | None = None, season: str | None = None, club: str | None = None
    ) -> list[ResultRecord]:
        sql, params = self._where(
            f"SELECT {columns('results')} FROM results",
            [
                ("competition = {p}", competition),
                ("season = {p}", season),
                ("(home = {p} OR away = {p})", club),
            ],
        )
        return [result_from_row(r) for r in self._rows(sql + self._order("match_date", "id"), params)]

    # ---- ledger links ----------------------------------------------------------------------
    def replace_ledger_links(self, article_ids: Sequence[str], links: Sequence[LedgerLink]) -> None:
        insert, evidence = self._sql(_LINK_INSERT), self._sql(_LINK_EVIDENCE)
        with self._writing() as run:
            for aid in dict.fromkeys(article_ids):
                run(
                    self._sql("DELETE FROM evidence WHERE fact_table = 'ledger_links' AND article_id = {p}"),
                    [aid],
                )
                run(self._sql("DELETE FROM ledger_links WHERE article_id = {p}"), [aid])
            for link in links:
                f = link.fixture
                values = (
                    link.status,
                    f.competition,
                    f.season,
                    f.date,
                    f.home,
                    f.away,
                    f.home_score,
                    f.away_score,
                )
                rows = run(insert, [*values, link.candidates, link.reason, link.article_id, link.position])
                for e in link.evidence if rows else ():
                    run(evidence, [link.article_id, rows[0][0], e.start, e.end, e.text])

    def ledger_links(self, article_ids: Sequence[str] | None = None) -> list[LedgerLink]:
        with self._snapshot():
            if article_ids is None:
                rows = self._rows(_LINK_SELECT + " ORDER BY l.id")
            else:
                rows = []
                for aid in dict.fromkeys(article_ids):
                    rows += self._rows(
                        self._sql(_LINK_SELECT + " WHERE l.article_id = {p} ORDER BY l.id"), [aid]
                    )
            evs = self._evidence("ledger_links", [r[0] for r in rows])
        out = []
        for r in rows:
            fixture = ResultRecord(r[5], r[6], r[7], r[8], r[9], int(r[10]), int(r[11]))
            link = LedgerLink(r[2], int(r[3]), r[4], fixture, int(r[12]), r[13], evs[r[0]], int(r[1]), r[14])
            out.append(link)
        return out

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
        hits = self.search_all(
            query, kinds=kinds, date_from=date_from, date_to=date_to, article_ids=article_ids, cap=limit
        )
        self.fill_snippets(query, hits)
        return hits

    def search_all(
        self,
        query: str,
        *,
        kinds: Sequence[str] = ("article", "quote"),
        date_from: str | None = None,
        date_to: str | None = None,
        article_ids: set[str] | None = None,
        cap: int = SEARCH_CAP,
    ) -> list[SearchHit]:
        q = self._text_query(query)
        if not q or (article_ids is not None and not article_ids) or cap < 1:
            return []
        filters = {"kinds": list(kinds), "date_from": date_from, "date_to": date_to}
        try:
            with self._snapshot():
                rows = self._match_rows(q, filters, article_ids, cap)
        except self._search_errors() as exc:
            raise StoreError(f"search failed: {exc}") from exc
        return [
            SearchHit(r[0], SourceRef(r[1], r[5], r[6]), float(r[3]), "", r[2], row_id=r[4], text=r[7])
            for r in rows
        ]

    def fill_snippets(self, query: str, hits: Sequence[SearchHit]) -> None:
        q = self._text_query(query)
        rows = [h.row_id for h in hits if h.row_id is not None]
        if not q or not rows:
            return
        try:
            with self._snapshot():
                snippets: dict[int, str] = dict(self._snippet_rows(q, rows))  # type: ignore[arg-type]
                quote_ev = self._evidence(
                    "quotes", [h.fact_id for h in hits if h.kind == "quote" and h.fact_id is not None]
                )
        except self._search_errors() as exc:
            raise StoreError(f"search failed: {exc}") from exc
        for h in hits:
            h.snippet = snippets.get(h.row_id, h.snippet) if h.row_id is not None else h.snippet
            if h.kind == "quote" and h.fact_id is not None:
                h.evidence = quote_ev.get(h.fact_id, [])

    def articles(self, ids: Sequence[str]) -> dict[str, Article]:
        out: dict[str, Article] = {}
        unique = list(dict.fromkeys(ids))
        for n in range(0, len(unique), 500):
            chunk = unique[n : n + 500]
            marks = ", ".join(["{p}"] * len(chunk))
            for r in self._rows(
                self._sql(f"SELECT id, source, published, body, title FROM articles WHERE id IN ({marks})"),
                chunk,
            ):
                out[r[0]] = Article(r[0], r[1], r[2], r[3], r[4])
        return out
