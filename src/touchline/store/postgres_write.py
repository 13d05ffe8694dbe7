"""The write path of the PostgreSQL store: one batch of articles → rows per table → COPY.

Row ids come from each table's sequence, reserved for the whole batch in one round trip, so a goal
can point at its match and an evidence row at its fact before anything is sent. Tables are written
in foreign-key order. The caller (``PostgresStore.add_batch``) holds the transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from touchline.models import ArticleFacts, Evidence

if TYPE_CHECKING:
    import psycopg

FACT_TABLES = ("matches", "goals", "people", "roles", "quotes", "claims")
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "source", "published", "title", "body"),
    "article_facts": ("article_id", "contract_json"),
    "matches": (
        "id",
        "article_id",
        "position",
        "home",
        "away",
        "home_score",
        "away_score",
        "status",
        "result",
        "match_date",
        "competition",
        "round",
        "venue",
        "referee",
        "attendance",
        "half_time_home",
        "half_time_away",
        "penalties_home",
        "penalties_away",
        "flags",
    ),
    "goals": (
        "id",
        "match_id",
        "article_id",
        "scorer",
        "team",
        "minute",
        "added_time",
        "period",
        "kind",
        "assist",
    ),
    "people": ("id", "article_id", "name", "team"),
    "roles": ("id", "article_id", "person", "role", "club", "event", "as_of", "start_date", "end_date"),
    "quotes": ("id", "article_id", "speaker", "text"),
    "claims": ("id", "article_id", "kind", "subject", "value"),
    "evidence": ("article_id", "fact_table", "fact_id", "start_offset", "end_offset", "text"),
    "search_index": ("kind", "article_id", "fact_id", "published", "text"),
}
# COPY order respects the foreign keys.
COPY_ORDER = ("matches", "goals", "people", "roles", "quotes", "claims", "evidence", "search_index")

Rows = dict[str, list[tuple[Any, ...]]]
Ids = dict[str, Iterator[int]]
Inserter = Callable[[Rows, Ids, ArticleFacts], None]


def write_articles(
    conn: psycopg.Connection, fresh: list[ArticleFacts], insert: Inserter | None = None
) -> None:
    """Write ``fresh`` (articles not yet stored) and all their facts; ``insert`` builds one article's rows."""
    insert = insert or fact_rows
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
        copy_rows(cur, "articles", [(a.id, a.source, a.published, a.title, a.body) for a in arts])
        copy_rows(
            cur,
            "article_facts",
            [(f.article.id, json.dumps(f.to_dict(), ensure_ascii=False)) for f in fresh],
        )
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


def copy_rows(cur: psycopg.Cursor[Any], table: str, rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    with cur.copy(f"COPY {table} ({', '.join(COLUMNS[table])}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def fact_rows(rows: Rows, ids: Ids, facts: ArticleFacts) -> None:
    """Add one article's fact, evidence and search rows to ``rows`` (written by COPY afterwards)."""
    aid = facts.article.id

    def evidence(table: str, fact_id: int, evs: list[Evidence]) -> None:
        rows["evidence"] += [(aid, table, fact_id, e.start, e.end, e.text) for e in evs]

    for pos, m in enumerate(facts.matches):
        mid = next(ids["matches"])
        ht = m.half_time or (None, None)
        pens = m.penalties or (None, None)
        rows["matches"].append(
            (
                mid,
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
            )
        )
        evidence("matches", mid, m.evidence)
        for g in m.goals:
            gid = next(ids["goals"])
            rows["goals"].append(
                (gid, mid, aid, g.scorer, g.team, g.minute, g.added, g.period, g.kind, g.assist)
            )
            evidence("goals", gid, g.evidence)
    for p in facts.people:
        pid = next(ids["people"])
        rows["people"].append((pid, aid, p.name, p.team))
        evidence("people", pid, p.mentions)
    for r in facts.roles:
        rid = next(ids["roles"])
        rows["roles"].append((rid, aid, r.person, r.role, r.club, r.event, r.as_of, r.start, r.end))
        evidence("roles", rid, r.evidence)
    for q in facts.quotes:
        qid = next(ids["quotes"])
        rows["quotes"].append((qid, aid, q.speaker, q.text))
        evidence("quotes", qid, q.evidence)
        rows["search_index"].append(("quote", aid, qid, facts.article.published, q.text))
    for c in facts.claims:
        cid = next(ids["claims"])
        rows["claims"].append((cid, aid, c.kind, c.subject, c.value))
        evidence("claims", cid, c.evidence)
