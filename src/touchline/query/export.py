"""Export the knowledge base as JSON Lines, CSV or Parquet.

``articles`` exports the contract object of every stored article (JSON Lines only: it is nested).
The flat tables: ``matches`` (merged across articles, with their sources and conflicts), ``goals``,
``people``, ``tenures``, ``quotes``, ``claims``, ``results`` (reference), ``checks`` and
``ledger_links`` (extracted matches tied to reference results).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from touchline.errors import QueryError

if TYPE_CHECKING:
    from touchline.query.kb import KnowledgeBase
    from touchline.query.types import MergedMatch
    from touchline.store.base import FactRecord

TABLES = (
    "articles",
    "matches",
    "goals",
    "lineups",
    "cards",
    "people",
    "tenures",
    "quotes",
    "claims",
    "results",
    "checks",
    "ledger_links",
)
# the columns of every flat table, so an empty table still exports its header / schema
COLUMNS: dict[str, tuple[str, ...]] = {
    "matches": (
        "match_id",
        "date",
        "competition",
        "home",
        "away",
        "home_score",
        "away_score",
        "status",
        "venue",
        "round",
        "referee",
        "attendance",
        "article_ids",
        "conflicts",
        "date_source",
    ),
    "goals": ("match_id", "date", "scorer", "team", "minute", "added", "kind", "article_ids"),
    "lineups": (
        "match_id",
        "date",
        "team",
        "side",
        "name",
        "starter",
        "subbed_on",
        "subbed_off",
        "captain",
        "article_id",
    ),
    "cards": ("match_id", "date", "person", "team", "minute", "colour", "article_ids"),
    "people": ("name", "clubs", "mentions", "first_seen", "last_seen", "article_ids"),
    "tenures": (
        "person",
        "club",
        "role",
        "start",
        "start_exact",
        "end",
        "end_exact",
        "first_seen",
        "last_seen",
        "article_ids",
    ),
    "quotes": ("speaker", "text", "published", "article_id"),
    "claims": ("kind", "subject", "value", "published", "article_id", "evidence"),
    "results": (
        "competition",
        "season",
        "date",
        "home",
        "away",
        "home_score",
        "away_score",
        "round",
        "stage",
        "source",
    ),
    "checks": ("kind", "subject", "statement", "status", "reason", "contradicting_source", "article_ids"),
    "ledger_links": (
        "article_id",
        "position",
        "status",
        "competition",
        "season",
        "date",
        "home",
        "away",
        "home_score",
        "away_score",
        "candidates",
        "reason",
        "evidence",
    ),
}
FORMATS = ("jsonl", "csv", "parquet")


def _cite_ids(cites: list[Any]) -> str:
    return " ".join(sorted({c.article_id for c in cites}))


def _row(table: str, record: Any, **given: Any) -> dict[str, Any]:
    """A row of ``table``: each column is ``given`` or else the same-named attribute of ``record``."""
    return {col: given[col] if col in given else getattr(record, col) for col in COLUMNS[table]}


def _source_ids(sources: list[Any]) -> str:
    return " ".join(s.article_id for s in sources)


def _matches(kb: KnowledgeBase) -> Iterator[dict[str, Any]]:
    for m in kb.matches:
        conflicts = "; ".join(f"{c.field}: chose {c.chosen} ({c.rule})" for c in m.conflicts)
        yield _row("matches", m, match_id=m.id, article_ids=" ".join(m.article_ids), conflicts=conflicts)


def _match_items(
    kb: KnowledgeBase, table: str, items: Callable[[MergedMatch], list[Any]]
) -> Iterator[dict[str, Any]]:
    """Rows of a per-match table (goals, cards): each item with its match and the articles naming it."""
    for m in kb.matches:
        for item in items(m):
            yield _row(table, item, match_id=m.id, date=m.date, article_ids=_source_ids(item.sources))


def _lineups(kb: KnowledgeBase) -> Iterator[dict[str, Any]]:
    for m in kb.matches:
        for side, club in (("home", m.home), ("away", m.away)):
            ref = m.lineup_sources.get(side)
            article_id = ref.article_id if ref else None
            for e in m.lineup(side):
                yield _row(
                    "lineups", e, match_id=m.id, date=m.date, team=club, side=side, article_id=article_id
                )


def _stored(table: str, rec: FactRecord[Any], **given: Any) -> dict[str, Any]:
    """A row of a stored fact (quote, claim) with the date and id of the article it is from."""
    return _row(table, rec.fact, published=rec.ref.published, article_id=rec.ref.article_id, **given)


# table → its rows, one generator per table (``rows`` raises for a table not named here)
_ROWS: dict[str, Callable[[KnowledgeBase], Iterator[dict[str, Any]]]] = {
    "matches": _matches,
    "goals": lambda kb: _match_items(kb, "goals", lambda m: m.goals),
    "lineups": _lineups,
    "cards": lambda kb: _match_items(kb, "cards", lambda m: m.cards),
    "people": lambda kb: (
        _row("people", p, clubs="; ".join(p.clubs), article_ids=" ".join(p.article_ids)) for p in kb.people
    ),
    "tenures": lambda kb: (_row("tenures", t, article_ids=_cite_ids(t.evidence)) for t in kb.tenures),
    "quotes": lambda kb: (_stored("quotes", q) for q in kb.store.quotes()),
    "claims": lambda kb: (
        _stored("claims", c, evidence=" | ".join(e.text for e in c.fact.evidence)) for c in kb.store.claims()
    ),
    "results": lambda kb: (_row("results", r) for r in kb.store.results()),
    "checks": lambda kb: (_row("checks", c, article_ids=_cite_ids(c.evidence)) for c in kb.check()),
    "ledger_links": lambda kb: (
        _row("ledger_links", link.fixture, **_link_fields(link)) for link in kb.ledger_links
    ),
}


def _link_fields(link: Any) -> dict[str, Any]:
    """A ledger link's own columns (the fixture's columns come from ``link.fixture``)."""
    return {
        "article_id": link.article_id,
        "position": link.position,
        "status": link.status,
        "candidates": link.candidates,
        "reason": link.reason,
        "evidence": " | ".join(e.text for e in link.evidence),
    }


def rows(kb: KnowledgeBase, table: str) -> Iterator[dict[str, Any]]:
    """The rows of a flat table, each with the columns ``COLUMNS[table]`` in that order."""
    if table not in _ROWS:
        raise QueryError(f"unknown table {table!r} (choose from {', '.join(TABLES)})")
    yield from _ROWS[table](kb)


def export(kb: KnowledgeBase, fmt: str, table: str, out: str | None) -> int:
    """Write ``table`` in ``fmt`` to ``out`` (a path; standard output when None, except Parquet). Returns rows written."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if table == "articles":
        if fmt != "jsonl":
            raise QueryError(
                "articles are nested contract objects: export them as jsonl, or pick a flat table"
            )
        return _write_text(
            out, (json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in kb.store.iter_facts())
        )
    data = list(rows(kb, table))
    if fmt == "jsonl":
        return _write_text(out, (json.dumps(r, ensure_ascii=False) + "\n" for r in data))
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(COLUMNS[table]))
        writer.writeheader()
        writer.writerows(data)
        _write_text(out, iter([buf.getvalue()]))
        return len(data)
    if not out:
        raise QueryError("Parquet is binary: give an output file with --out")
    import pandas as pd

    pd.DataFrame(data, columns=list(COLUMNS[table])).to_parquet(out, index=False)
    return len(data)


def _write_text(out: str | None, chunks: Iterator[str]) -> int:
    import sys

    if out is None:
        return _write_chunks(sys.stdout, chunks)
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        return _write_chunks(handle, chunks)


def _write_chunks(handle: TextIO, chunks: Iterator[str]) -> int:
    count = 0
    for chunk in chunks:
        handle.write(chunk)
        count += chunk.count("\n") if chunk.endswith("\n") else 1
    return count
