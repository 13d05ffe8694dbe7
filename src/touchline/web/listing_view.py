"""View model of an index page (``/matches``, ``/people``, …): which columns a page shows, where each
cell links, the sort links of the column headers, the filter form, pagination and the download links."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from touchline.query.kb import KnowledgeBase
from touchline.query.listings import Listing, Row
from touchline.query.scorers import ScorerGoal
from touchline.query.types import Cite
from touchline.web.views import (
    EvidenceView,
    article_url,
    club_url,
    evidence_view,
    match_url,
    person_url,
    resolve_people,
    source_label,
)

# the columns each page shows where it is not every column of the listing (standings shows them all;
# the downloads always carry every column)
DISPLAY: dict[str, tuple[str, ...]] = {
    "matches": ("date", "competition", "home", "score", "away", "status", "goals", "reports"),
    "people": ("name", "club", "roles", "mentions", "articles", "goals", "first_seen", "last_seen"),
    "clubs": ("club", "reported_matches", "ledger_results", "people", "first_report", "last_report"),
    "quotes": ("published", "speaker", "text", "role", "club", "match", "result"),
    "articles": ("published", "title", "source", "matches", "quotes"),
    "scorers": ("competition", "season", "scorer", "team", "goals", "penalties", "matches"),
}
LABELS = {
    "goals_for": "GF",
    "goals_against": "GA",
    "goal_difference": "GD",
    "played": "P",
    "won": "W",
    "drawn": "D",
    "lost": "L",
    "points": "Pts",
    "position": "#",
    "reported_matches": "matches reported",
    "ledger_results": "ledger results",
    "first_seen": "first seen",
    "last_seen": "last seen",
    "first_report": "first report",
    "last_report": "last report",
}
# filter fields: (query parameter, label, placeholder)
FIELDS: dict[str, tuple[str, str]] = {
    "q": ("Contains", "words"),
    "club": ("Club", "e.g. Palace"),
    "person": ("Person", "full name or surname"),
    "speaker": ("Speaker", "full name or surname"),
    "competition": ("Competition", "e.g. Premier League"),
    "season": ("Season", "e.g. 2023-24"),
    "date_from": ("From", "YYYY-MM-DD"),
    "date_to": ("To", "YYYY-MM-DD"),
    "as_of": ("As of", "YYYY-MM-DD"),
}
INTRO = {
    "matches": "Every match the articles report, merged across the reports of the same game.",
    "people": "Everyone the articles name, with their clubs and roles.",
    "clubs": "Every club named by a reported match, a role or the results ledger.",
    "quotes": "Every quote, with the speaker's role and club at the time and the match it followed.",
    "articles": "Every stored article.",
    "standings": "A league table computed from the results ledger, or from the reported matches when no "
    "results are imported.",
    "scorers": "Top scorers counted from the goals reported in the articles: not official statistics.",
}

NOUNS = {
    "matches": ("match", "matches"),
    "people": ("person", "people"),
    "clubs": ("club", "clubs"),
    "quotes": ("quote", "quotes"),
    "articles": ("article", "articles"),
    "standings": ("club", "clubs"),
    "scorers": ("scorer", "scorers"),
}

Link = Callable[[Row], str | None]


def _filter_url(page: str, **params: Any) -> str:
    return f"/{page}?" + urlencode({k: v for k, v in params.items() if v})


LINKS: dict[str, dict[str, Link]] = {
    "matches": {
        "date": lambda r: match_url(r["match_id"]),
        "score": lambda r: match_url(r["match_id"]),
        "home": lambda r: club_url(r["home"]),
        "away": lambda r: club_url(r["away"]),
        "competition": lambda r: _filter_url("matches", competition=r["competition"]),
    },
    "people": {"name": lambda r: person_url(r["name"]), "club": lambda r: club_url(r["club"])},
    "clubs": {"club": lambda r: club_url(r["club"])},
    "quotes": {
        "published": lambda r: article_url(r["article_id"]),
        "speaker": lambda r: person_url(r["speaker"]),
        "text": lambda r: article_url(r["article_id"], r["start"], r["end"]) if r["start"] >= 0 else None,
        "club": lambda r: club_url(r["club"]),
        "match": lambda r: match_url(r["match_id"]) if r["match_id"] else None,
    },
    "articles": {
        "published": lambda r: article_url(r["article_id"]),
        "title": lambda r: article_url(r["article_id"]),
    },
    "standings": {"club": lambda r: club_url(r["club"])},
    "scorers": {
        "team": lambda r: club_url(r["team"]),
        "competition": lambda r: _filter_url("scorers", competition=r["competition"], season=r["season"]),
    },
}
EMPTY = {"score": "v", "competition": "not reported", "season": "unknown"}


@dataclass
class Cell:
    text: str
    url: str | None = None
    numeric: bool = False


@dataclass
class Header:
    column: str
    label: str
    url: str
    arrow: str  # "▲" / "▼" on the sorted column


@dataclass
class GoalView:
    goal: ScorerGoal
    evidence: EvidenceView | None


@dataclass
class ListingPage:
    name: str
    title: str
    intro: str
    listing: Listing
    headers: list[Header]
    rows: list[list[Cell]]
    details: list[list[GoalView]]  # per row: the scorer's goals with their evidence (scorers only)
    fields: list[tuple[str, str, str, str]]  # (parameter, label, placeholder, value)
    hidden: dict[str, str]  # sort and order, kept when the filters change
    csv_url: str
    json_url: str
    first: int
    last: int
    prev_url: str | None
    next_url: str | None
    datalists: dict[str, list[str]] = field(default_factory=dict)

    @property
    def noun(self) -> str:
        one, many = NOUNS[self.name]
        return one if self.listing.total == 1 else many


def _cell_text(column: str, value: Any) -> str:
    if value is None:
        return EMPTY.get(column, "")
    if column == "source":
        return source_label(str(value))
    if column == "text":
        return f"“{value}”"
    return str(value)


def _person_links(kb: KnowledgeBase, name: str, rows: list[Row]) -> dict[str, str]:
    """Canonical person page names for the people the rows name (those the knowledge base can place)."""
    column = {"scorers": "scorer", "quotes": "speaker", "people": "name"}.get(name)
    if column is None:
        return {}
    names = [r[column] for r in rows if r.get(column)]
    return {n: n for n in names} if name == "people" else resolve_people(kb, names)


def _query(params: Mapping[str, str], **changes: Any) -> str:
    merged = {**params, **{k: str(v) for k, v in changes.items() if v is not None}}
    for k, v in changes.items():
        if v is None:
            merged.pop(k, None)
    return urlencode({k: v for k, v in merged.items() if v})


def listing_page(
    kb: KnowledgeBase, result: Listing, params: Mapping[str, str], datalists: dict[str, list[str]]
) -> ListingPage:
    """The page of ``result``; ``params`` are the request's non-empty filter, sort and paging parameters."""
    name = result.spec.name
    path = f"/{name}"
    base = {k: v for k, v in params.items() if k not in ("offset",)}
    shown = DISPLAY.get(name, result.spec.columns)
    headers = []
    for col in shown:
        on = col == result.sort
        desc = not result.desc if on else col in ("mentions", "goals", "points", "reports", "articles")
        order = "desc" if desc else "asc"
        url = f"{path}?{_query(base, sort=col, order=order, offset=None)}"
        headers.append(
            Header(
                col, LABELS.get(col, col.replace("_", " ")), url, ("▼" if result.desc else "▲") if on else ""
            )
        )
    people = _person_links(kb, name, result.rows)
    links = LINKS.get(name, {})
    rows = []
    for r in result.rows:
        cells = []
        for col in shown:
            value = r.get(col)
            link: str | None = None
            if col in ("scorer", "speaker", "name"):
                link = person_url(people[value]) if value in people else None
            elif col in links and (value is not None or col == "score"):
                link = links[col](r)
            cells.append(
                Cell(_cell_text(col, value), link, isinstance(value, int) and not isinstance(value, bool))
            )
        rows.append(cells)
    details = [
        [GoalView(g, _goal_evidence(kb, g.evidence)) for g in r.get("_goals", [])] for r in result.rows
    ]
    fields = [(f, *FIELDS[f], params.get(f, "")) for f in result.spec.filters]
    hidden = {k: params[k] for k in ("sort", "order", "limit") if params.get(k)}
    download = _query({k: v for k, v in base.items() if k != "limit"})
    limit = result.limit or max(result.total, 1)
    first = result.offset + 1 if result.rows else 0
    last = result.offset + len(result.rows)
    prev_url = next_url = None
    if result.offset > 0:
        prev_url = f"{path}?{_query(base, offset=max(0, result.offset - limit) or None)}"
    if last < result.total:
        next_url = f"{path}?{_query(base, offset=last)}"
    return ListingPage(
        name,
        result.spec.title,
        INTRO[name],
        result,
        headers,
        rows,
        details,
        fields,
        hidden,
        f"{path}.csv" + (f"?{download}" if download else ""),
        f"{path}.json" + (f"?{download}" if download else ""),
        first,
        last,
        prev_url,
        next_url,
        datalists,
    )


def _goal_evidence(kb: KnowledgeBase, cite: Cite | None) -> EvidenceView | None:
    return evidence_view(kb, cite) if cite else None
