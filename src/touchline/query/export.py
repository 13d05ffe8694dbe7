"""Export the knowledge base as JSON Lines, CSV or Parquet.

``articles`` exports the contract object of every stored article (JSON Lines only: it is nested).
The flat tables: ``matches`` (merged across articles, with their sources and conflicts), ``goals``,
``people``, ``tenures``, ``quotes``, ``claims``, ``results`` (reference) and ``checks``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from touchline.errors import QueryError

if TYPE_CHECKING:
    from touchline.query.kb import KnowledgeBase

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
}
FORMATS = ("jsonl", "csv", "parquet")


def _cite_ids(cites: list[Any]) -> str:
    return " ".join(sorted({c.article_id for c in cites}))


def rows(kb: KnowledgeBase, table: str) -> Iterator[dict[str, Any]]:
    if table == "matches":
        for m in kb.matches:
            yield {
                "match_id": m.id,
                "date": m.date,
                "competition": m.competition,
                "home": m.home,
                "away": m.away,
                "home_score": m.home_score,
                "away_score": m.away_score,
                "status": m.status,
                "venue": m.venue,
                "round": m.round,
                "referee": m.referee,
                "attendance": m.attendance,
                "article_ids": " ".join(m.article_ids),
                "conflicts": "; ".join(f"{c.field}: chose {c.chosen} ({c.rule})" for c in m.conflicts),
            }
    elif table == "goals":
        for m in kb.matches:
            for g in m.goals:
                yield {
                    "match_id": m.id,
                    "date": m.date,
                    "scorer": g.scorer,
                    "team": g.team,
                    "minute": g.minute,
                    "added": g.added,
                    "kind": g.kind,
                    "article_ids": " ".join(s.article_id for s in g.sources),
                }
    elif table == "lineups":
        for m in kb.matches:
            for side, club in (("home", m.home), ("away", m.away)):
                ref = m.lineup_sources.get(side)
                for e in m.lineup(side):
                    yield {
                        "match_id": m.id,
                        "date": m.date,
                        "team": club,
                        "side": side,
                        "name": e.name,
                        "starter": e.starter,
                        "subbed_on": e.subbed_on,
                        "subbed_off": e.subbed_off,
                        "captain": e.captain,
                        "article_id": ref.article_id if ref else None,
                    }
    elif table == "cards":
        for m in kb.matches:
            for card in m.cards:
                yield {
                    "match_id": m.id,
                    "date": m.date,
                    "person": card.person,
                    "team": card.team,
                    "minute": card.minute,
                    "colour": card.colour,
                    "article_ids": " ".join(s.article_id for s in card.sources),
                }
    elif table == "people":
        for p in kb.people:
            yield {
                "name": p.name,
                "clubs": "; ".join(p.clubs),
                "mentions": p.mentions,
                "first_seen": p.first_seen,
                "last_seen": p.last_seen,
                "article_ids": " ".join(p.article_ids),
            }
    elif table == "tenures":
        for t in kb.tenures:
            yield {
                "person": t.person,
                "club": t.club,
                "role": t.role,
                "start": t.start,
                "start_exact": t.start_exact,
                "end": t.end,
                "end_exact": t.end_exact,
                "first_seen": t.first_seen,
                "last_seen": t.last_seen,
                "article_ids": _cite_ids(t.evidence),
            }
    elif table == "quotes":
        for q in kb.store.quotes():
            yield {
                "speaker": q.fact.speaker,
                "text": q.fact.text,
                "published": q.ref.published,
                "article_id": q.ref.article_id,
            }
    elif table == "claims":
        for c in kb.store.claims():
            yield {
                "kind": c.fact.kind,
                "subject": c.fact.subject,
                "value": c.fact.value,
                "published": c.ref.published,
                "article_id": c.ref.article_id,
                "evidence": " | ".join(e.text for e in c.fact.evidence),
            }
    elif table == "results":
        for r in kb.store.results():
            yield {
                "competition": r.competition,
                "season": r.season,
                "date": r.date,
                "home": r.home,
                "away": r.away,
                "home_score": r.home_score,
                "away_score": r.away_score,
                "round": r.round,
                "stage": r.stage,
                "source": r.source,
            }
    elif table == "checks":
        for check in kb.check():
            yield {
                "kind": check.kind,
                "subject": check.subject,
                "statement": check.statement,
                "status": check.status,
                "reason": check.reason,
                "contradicting_source": check.contradicting_source,
                "article_ids": _cite_ids(check.evidence),
            }
    else:
        raise QueryError(f"unknown table {table!r} (choose from {', '.join(TABLES)})")


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
