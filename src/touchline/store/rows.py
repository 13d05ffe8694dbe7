"""Rows ↔ records for the SQL stores: the column lists, the rows written for one article's facts and
the records read back from rows. Both backends (SQLite and PostgreSQL) share these, so a column added
to the schema is mapped in one place.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

from touchline.models import Article, ArticleFacts, Evidence, Goal, Match
from touchline.store.base import ResultRecord, SourceRef

Row = tuple[Any, ...]
# ``add(table, rows)`` writes rows of ``table`` and returns the id of the (single) fact row it wrote.
Add = Callable[[str, list[Row]], int]

FACT_TABLES = ("matches", "goals", "people", "roles", "quotes", "claims")
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "source", "published", "title", "body", "extraction"),
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
    "results": (
        "competition",
        "season",
        "match_date",
        "home",
        "away",
        "home_score",
        "away_score",
        "round",
        "stage",
        "half_time_home",
        "half_time_away",
        "full_time_home",
        "full_time_away",
        "extra_time",
        "penalties_home",
        "penalties_away",
        "source",
    ),
}
# The key of a reference result (``add_results`` replaces the row with the same key).
RESULT_KEY = ("competition", "season", "match_date", "home", "away")


def columns(table: str, *, with_id: bool = True) -> str:
    """The column list of ``table`` for SQL; ``with_id=False`` leaves out a fact table's ``id``."""
    cols = COLUMNS[table]
    return ", ".join(cols if with_id or cols[0] != "id" else cols[1:])


# ---- writing ------------------------------------------------------------------------------------
def article_row(a: Article, extraction: str | None = None) -> Row:
    """``extraction``: None when the facts were extracted, else why not (``ArticleFacts.status``)."""
    return (a.id, a.source, a.published, a.title, a.body, extraction)


def facts_json(facts: ArticleFacts) -> str:
    """The contract object as stored in ``article_facts.contract_json``."""
    return json.dumps(facts.to_dict(), ensure_ascii=False)


def fact_rows(facts: ArticleFacts, add: Add) -> None:
    """Hand one article's fact, evidence and quote search rows to ``add``, in foreign-key order.

    Fact rows come without their ``id`` (``add`` assigns it and returns it); evidence rows are handed
    over per fact, search rows in ``COLUMNS["search_index"]`` order.
    """
    aid = facts.article.id

    def evidence(table: str, fact_id: int, evs: list[Evidence]) -> None:
        add("evidence", [(aid, table, fact_id, e.start, e.end, e.text) for e in evs])

    for pos, m in enumerate(facts.matches):
        ht = m.half_time or (None, None)
        pens = m.penalties or (None, None)
        match_row = (
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
        mid = add("matches", [match_row])
        evidence("matches", mid, m.evidence)
        for g in m.goals:
            gid = add("goals", [(mid, aid, g.scorer, g.team, g.minute, g.added, g.period, g.kind, g.assist)])
            evidence("goals", gid, g.evidence)
    for p in facts.people:
        evidence("people", add("people", [(aid, p.name, p.team)]), p.mentions)
    for r in facts.roles:
        rid = add("roles", [(aid, r.person, r.role, r.club, r.event, r.as_of, r.start, r.end)])
        evidence("roles", rid, r.evidence)
    for q in facts.quotes:
        qid = add("quotes", [(aid, q.speaker, q.text)])
        evidence("quotes", qid, q.evidence)
        add("search_index", [("quote", aid, qid, facts.article.published, q.text)])
    for c in facts.claims:
        evidence("claims", add("claims", [(aid, c.kind, c.subject, c.value)]), c.evidence)


def result_row(r: ResultRecord) -> Row:
    """A reference result in ``COLUMNS["results"]`` order."""
    ht = r.half_time or (None, None)
    ft = r.full_time or (None, None)
    pens = r.penalties or (None, None)
    return (
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
        bool(r.extra_time),  # SQLite stores it as 1/0, PostgreSQL as a boolean
        pens[0],
        pens[1],
        r.source,
    )


# ---- reading ------------------------------------------------------------------------------------
REF = "a.id, a.published, a.source"  # what ``source_ref`` reads, after a fact's own columns
MATCH_SELECT = (
    "m.id, m.home, m.away, m.home_score, m.away_score, m.status, m.result, m.match_date, m.competition,"
    " m.round, m.venue, m.referee, m.attendance, m.half_time_home, m.half_time_away, m.penalties_home,"
    f" m.penalties_away, m.flags, {REF}"
)
MATCH_REF_AT = 18  # where ``REF`` starts in a MATCH_SELECT row
GOAL_SELECT = "id, match_id, scorer, team, minute, added_time, period, kind, assist"


def source_ref(row: Row, at: int) -> SourceRef:
    return SourceRef(row[at], row[at + 1], row[at + 2])


def pair(a: Any, b: Any) -> tuple[int, int] | None:
    return (int(a), int(b)) if a is not None and b is not None else None


def _leading(cls: type[Any], row: Row) -> dict[str, Any]:
    """``row`` as the leading fields of the dataclass ``cls`` (what ``cls(*row)`` would fill)."""
    return {f.name: value for f, value in zip(dataclasses.fields(cls), row, strict=False)}


def goal_from_row(g: Row, evidence: list[Evidence]) -> Goal:
    """A goal from a ``GOAL_SELECT`` row."""
    return Goal(g[2], g[3], g[4], g[5], g[6], g[7], g[8], evidence)


def match_from_row(r: Row, goals: list[Goal], evidence: list[Evidence]) -> Match:
    """A match from a ``MATCH_SELECT`` row."""
    return Match(
        **_leading(Match, r[1:11]),  # home … venue
        goals=goals,
        evidence=evidence,
        flags=[f for f in (r[17] or "").split(",") if f],
        half_time=(r[13], r[14]) if r[13] is not None and r[14] is not None else None,
        penalties=(r[15], r[16]) if r[15] is not None and r[16] is not None else None,
        referee=r[11],
        attendance=r[12],
    )


def result_from_row(r: Row) -> ResultRecord:
    """A reference result from a row in ``COLUMNS["results"]`` order."""
    return ResultRecord(
        **_leading(ResultRecord, r[:9]),  # competition … stage
        half_time=pair(r[9], r[10]),
        full_time=pair(r[11], r[12]),
        extra_time=bool(r[13]),
        penalties=pair(r[14], r[15]),
        source=r[16],
    )
