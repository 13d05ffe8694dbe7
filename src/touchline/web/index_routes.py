"""Index pages: ``/matches``, ``/people``, ``/clubs``, ``/quotes``, ``/articles``, ``/standings`` and
``/scorers``, each filterable, sortable by any column and paginated with the true total, and each also at
``PATH.csv`` and ``PATH.json`` (same filters, every matching row, streamed: the Datasette convention).
Plus head-to-head: ``/clubs/{a}/vs/{b}`` (and ``/h2h?a=&b=``, which redirects there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response, StreamingResponse

from touchline.errors import QueryError, StoreError
from touchline.query.h2h import Meeting, head_to_head
from touchline.query.kb import KnowledgeBase
from touchline.query.listing_rows import standings_choices
from touchline.query.listings import FILTERS, csv_lines, json_chunks, listing
from touchline.web.listing_view import listing_page
from touchline.web.templating import Text, _kb, not_found, render
from touchline.web.views import article_title, evidence_views, h2h_url

router = APIRouter(tags=["web pages"], include_in_schema=False)

PAGES = ("matches", "people", "clubs", "quotes", "articles", "standings", "scorers")
PAGE_SIZE = 50
Short = Annotated[str, Query(max_length=40)]


def _datalists(kb: KnowledgeBase, name: str) -> dict[str, list[str]]:
    comps = {m.competition for m in kb.matches if m.competition}
    seasons = set()
    for r in kb.store.results():
        comps.add(r.competition)
        seasons.add(r.season)
    if name == "standings":
        choices = standings_choices(kb)
        comps = {c for c, _, _ in choices}
        seasons = {s for _, s, _ in choices}
    return {
        "club": sorted(kb.known_clubs),
        "competition": sorted(comps),
        "season": sorted(seasons, reverse=True),
    }


def _index(request: Request, name: str, fmt: str) -> Response:
    params = {k: v.strip() for k, v in request.query_params.items() if v.strip()}
    filters = {k: v for k, v in params.items() if k in FILTERS}
    order = params.get("order", "")
    desc = None if order not in ("asc", "desc") else order == "desc"
    try:
        limit: int | None = int(params.get("limit", PAGE_SIZE))
        offset = int(params.get("offset", 0))
    except ValueError:
        limit, offset = PAGE_SIZE, 0
    if fmt != "html" and "limit" not in params:
        limit = None  # a download carries every matching row unless a page is asked for
    error = None
    with _kb(request) as kb:
        try:
            result = listing(
                kb, name, filters, sort=params.get("sort"), desc=desc, limit=limit, offset=offset
            )
        except (QueryError, StoreError) as exc:
            if fmt != "html":
                return PlainTextResponse(f"touchline: error: {exc}\n", status_code=400)
            error = str(exc)
            result = listing(kb, name, {}, limit=PAGE_SIZE, offset=0)
            result.rows, result.total = [], 0
        if fmt == "html":
            page = listing_page(kb, result, params, _datalists(kb, name))
            choices = standings_choices(kb) if name == "standings" else []
            return render(
                "listing.html",
                400 if error else 200,
                title=result.spec.title,
                v=page,
                error=error,
                choices=choices,
            )
    if fmt == "csv":
        return StreamingResponse(
            csv_lines(result),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    return StreamingResponse(json_chunks(result), media_type="application/json")


def _handler(name: str, fmt: str) -> Callable[..., Response]:
    def handler(
        request: Request,
        q: Text = "",
        club: Text = "",
        person: Text = "",
        speaker: Text = "",
        competition: Text = "",
        season: Short = "",
        date_from: Short = "",
        date_to: Short = "",
        as_of: Short = "",
        sort: Short = "",
        order: Short = "",
        limit: Short = "",
        offset: Short = "",
    ) -> Response:
        return _index(request, name, fmt)

    handler.__name__ = f"{name}_{fmt}"
    return handler


for _name in PAGES:
    router.add_api_route(f"/{_name}.csv", _handler(_name, "csv"), methods=["GET"])
    router.add_api_route(f"/{_name}.json", _handler(_name, "json"), methods=["GET"])
    router.add_api_route(f"/{_name}", _handler(_name, "html"), methods=["GET"], response_class=HTMLResponse)
    router.add_api_route(f"/{_name}/", _handler(_name, "html"), methods=["GET"], response_class=HTMLResponse)


# ---- head-to-head ------------------------------------------------------------------------------
def _names_score(text: str, m: Meeting) -> bool:
    """Whether a piece of evidence states the meeting's score (so a preview sentence is not shown)."""
    if m.home_score is None or m.away_score is None:
        return False
    pairs = {f"{m.home_score}-{m.away_score}", f"{m.away_score}-{m.home_score}"}
    flat = text.replace("–", "-").replace(" - ", "-")
    return any(p in flat for p in pairs)


@router.get("/h2h", response_model=None)
def h2h_form(request: Request, a: Text = "", b: Text = "") -> Response:
    """The form on the clubs page: resolve both names and go to the head-to-head page."""
    if not a.strip() or not b.strip():
        return render("h2h.html", 400, title="Head-to-head", v=None, error="give two clubs", a=a, b=b)
    with _kb(request) as kb:
        try:
            club_a, club_b = kb.club_name(a.strip()), kb.club_name(b.strip())
        except QueryError as exc:
            return render("h2h.html", 404, title="Head-to-head", v=None, error=str(exc), a=a, b=b)
    return RedirectResponse(h2h_url(club_a, club_b), status_code=303)


@router.get("/clubs/{a}/vs/{b}", response_class=HTMLResponse)
def h2h_page(request: Request, a: str, b: str) -> HTMLResponse:
    with _kb(request) as kb:
        try:
            h = head_to_head(kb, a, b)
        except QueryError as exc:
            if "same club" in str(exc):
                return render("h2h.html", 400, title="Head-to-head", v=None, error=str(exc), a=a, b=b)
            return not_found("club", f"{a} / {b}")
        titles: dict[str, str] = {}
        evidence: dict[str, Any] = {}
        for m in h.meetings:
            for ref in m.articles:
                art = kb.store.article(ref.article_id)
                titles[ref.article_id] = article_title(art) if art else ref.article_id[:12]
            if m.match_id:
                merged = kb.match(m.match_id)
                scored = [c for c in merged.evidence if _names_score(c.text, m)] if merged else []
                evidence[m.match_id] = evidence_views(kb, scored, limit=1)
        return render(
            "h2h.html",
            title=f"{h.a} v {h.b}",
            v=h,
            record=h.record(),
            titles=titles,
            evidence=evidence,
            error=None,
            a=h.a,
            b=h.b,
        )
