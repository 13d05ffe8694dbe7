"""Index listings of the knowledge base: matches, people, clubs, quotes, articles, standings and scorers.

One call, ``listing(kb, name, filters, sort=, desc=, limit=, offset=)``, filters a listing's rows, sorts
them by one of its columns (a whitelist: the listing's own columns) and returns one page with the true
total. The web index pages, their ``.csv``/``.json`` downloads and the CLI share it.

Rows are plain dicts whose keys are the listing's columns (values are str, int or None); keys starting
with ``_`` carry extra detail for a page (e.g. each scorer's goals with evidence) and are never exported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from touchline.errors import QueryError

if TYPE_CHECKING:
    from touchline.query.kb import KnowledgeBase

Row = dict[str, Any]
FILTERS = ("q", "club", "person", "speaker", "competition", "season", "date_from", "date_to", "as_of")
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
SEASON = re.compile(r"\d{4}(-\d{2})?")
MAX_LIMIT = 500


@dataclass(frozen=True)
class Filters:
    """Filters already checked and resolved to canonical names (``None`` = not given)."""

    q: str | None = None
    club: str | None = None
    person: str | None = None
    competition: str | None = None
    season: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    as_of: str | None = None


@dataclass(frozen=True)
class Spec:
    name: str
    title: str
    columns: tuple[str, ...]
    filters: tuple[str, ...]
    default_sort: str
    default_desc: bool
    build: Callable[[KnowledgeBase, Filters], tuple[list[Row], list[str]]]  # rows and notes


@dataclass
class Listing:
    spec: Spec
    rows: list[Row]  # the requested page
    total: int  # rows matching the filters, over every page
    sort: str
    desc: bool
    limit: int | None
    offset: int
    filters: Filters
    notes: list[str] = field(default_factory=list)  # e.g. which ledger a table was computed from

    @property
    def columns(self) -> tuple[str, ...]:
        return self.spec.columns


SPECS: dict[str, Spec] = {}


def register(spec: Spec) -> Spec:
    SPECS[spec.name] = spec
    return spec


def spec_of(name: str) -> Spec:
    _load()
    if name not in SPECS:
        raise QueryError(f"unknown listing {name!r} (choose from {', '.join(sorted(SPECS))})")
    return SPECS[name]


def _load() -> None:
    """Import the modules that register listings (kept apart so each stays small)."""
    import touchline.query.listing_rows
    import touchline.query.scorers  # noqa: F401


def in_range(date: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Whether ``date`` lies in the inclusive range (partial dates compare by prefix); undated items
    match only when no range is given."""
    if not date_from and not date_to:
        return True
    if not date:
        return False
    if date_from and date[: len(date_from)] < date_from:
        return False
    return not (date_to and date[: len(date_to)] > date_to)


def resolve_filters(kb: KnowledgeBase, spec: Spec, given: Mapping[str, str | None]) -> Filters:
    """Check the given filters against the listing's and resolve names (a club or person the knowledge
    base does not know raises ``QueryError`` naming it)."""
    values = {k: (v or "").strip() or None for k, v in given.items()}
    values = {k: v for k, v in values.items() if v is not None}
    allowed = {*spec.filters, "person"} if "speaker" in spec.filters else set(spec.filters)
    for key in values:
        if key not in allowed:
            raise QueryError(
                f"the {spec.name} list has no filter {key!r} (filters: {', '.join(spec.filters) or 'none'})"
            )
    for key in ("date_from", "date_to", "as_of"):
        if key in values and not DATE.fullmatch(values[key] or ""):
            raise QueryError(f"{key} must be a date: YYYY, YYYY-MM or YYYY-MM-DD (got {values[key]!r})")
    if "season" in values and not SEASON.fullmatch(values["season"] or ""):
        raise QueryError(f"season must look like 2024-25 or 2024 (got {values['season']!r})")
    if "speaker" in values:  # the quotes list calls its person filter "speaker"; "person" works too
        values.setdefault("person", values.pop("speaker"))
    if "club" in values:
        values["club"] = kb.club_name(values["club"] or "")
    if "person" in values:
        values["person"] = kb.person_name(values["person"] or "")
    if "competition" in values:
        values["competition"] = kb.competition_name(values["competition"] or "")
    return Filters(**values)


def _sort_key(value: Any) -> Any:
    if isinstance(value, str):
        return value.casefold()
    if isinstance(value, bool):
        return int(value)
    return value


def sort_rows(rows: list[Row], column: str, desc: bool) -> list[Row]:
    """Rows ordered by ``column`` (text case-insensitively); rows without a value always come last."""
    present = [r for r in rows if r.get(column) is not None]
    missing = [r for r in rows if r.get(column) is None]
    present.sort(key=lambda r: _sort_key(r[column]), reverse=desc)
    return present + missing


def listing(
    kb: KnowledgeBase,
    name: str,
    filters: Mapping[str, str | None] | None = None,
    *,
    sort: str | None = None,
    desc: bool | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> Listing:
    """One page of the listing ``name`` (``limit=None``: every row) with the total matching the filters."""
    spec = spec_of(name)
    sort = sort or spec.default_sort
    if sort not in spec.columns:
        raise QueryError(f"cannot sort the {name} list by {sort!r} (columns: {', '.join(spec.columns)})")
    if desc is None:
        desc = spec.default_desc if sort == spec.default_sort else False
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise QueryError("offset cannot be negative")
    resolved = resolve_filters(kb, spec, filters or {})
    rows, notes = spec.build(kb, resolved)
    ordered = sort_rows(sort_rows(rows, spec.default_sort, spec.default_desc), sort, desc)
    page = ordered[offset:] if limit is None else ordered[offset : offset + limit]
    return Listing(spec, page, len(ordered), sort, desc, limit, offset, resolved, notes)


def export_row(row: Row, columns: tuple[str, ...]) -> dict[str, Any]:
    """A row with exactly the listing's columns (no ``_`` detail keys)."""
    return {c: row.get(c) for c in columns}


def csv_lines(result: Listing) -> Iterator[str]:
    """The listing as CSV text, one line (header first) at a time, for a streamed download."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)

    def line(values: list[Any]) -> str:
        buf.seek(0)
        buf.truncate()
        writer.writerow(["" if v is None else v for v in values])
        return buf.getvalue()

    yield line(list(result.columns))
    for row in result.rows:
        yield line([row.get(c) for c in result.columns])


def json_chunks(result: Listing) -> Iterator[str]:
    """The listing as one JSON object ``{listing, total, columns, filters, notes, rows}``, in pieces."""
    import json
    from dataclasses import asdict

    head = {
        "listing": result.spec.name,
        "total": result.total,
        "sort": result.sort,
        "desc": result.desc,
        "columns": list(result.columns),
        "filters": {k: v for k, v in asdict(result.filters).items() if v is not None},
        "notes": result.notes,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "rows": ['
    for i, row in enumerate(result.rows):
        yield ("," if i else "") + json.dumps(export_row(row, result.columns), ensure_ascii=False)
    yield "]}\n"
