"""Server-rendered HTML pages over the knowledge base on ``app.state.kb``.

Pages: ``/`` (home), ``/search``, ``/ask``, ``/matches/{id}``, ``/people/{name}``, ``/clubs/{name}``,
``/articles/{id}``. They work without JavaScript (plain GET forms); Jinja2 autoescaping is on and
highlighted article text is built from escaped pieces (``touchline.web.highlight``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from touchline.errors import QueryError, StoreError
from touchline.web import index_routes, views
from touchline.web.entities import club_view, person_view
from touchline.web.links import linkify
from touchline.web.templating import TEMPLATE_DIR, Text, _kb, not_found, render

__all__ = ["TEMPLATE_DIR", "router"]

SEARCH_KINDS = {"all": ("article", "quote"), "article": ("article",), "quote": ("quote",)}
SEARCH_PAGE_SIZE = 30

router = APIRouter(tags=["web pages"], include_in_schema=False)
# the index pages first: /matches/ and /clubs/A/vs/B before the entity pages' path parameters
router.include_router(index_routes.router)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    with _kb(request) as kb:
        counts = kb.summary()
        recent = views.recent_matches(kb, 12)
        people = sorted(kb.people, key=lambda p: (-p.mentions, p.name))[:12]
        clubs = sorted(kb.known_clubs)
        return render(
            "home.html", title="touchline", counts=counts, recent=recent, people=people, clubs=clubs
        )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Text = "",
    club: Text = "",
    person: Text = "",
    competition: Text = "",
    date_from: Annotated[str, Query(max_length=10)] = "",
    date_to: Annotated[str, Query(max_length=10)] = "",
    kind: Annotated[str, Query(max_length=10)] = "all",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    form = {
        "q": q,
        "club": club,
        "person": person,
        "competition": competition,
        "date_from": date_from,
        "date_to": date_to,
        "kind": kind if kind in SEARCH_KINDS else "all",
    }
    hits: list[views.HitView] = []
    error = None
    pager = None
    with _kb(request) as kb:
        if _clean(q):
            try:
                found = kb.search_page(
                    q,
                    club=_clean(club),
                    person=_clean(person),
                    competition=_clean(competition),
                    date_from=_clean(date_from),
                    date_to=_clean(date_to),
                    kinds=SEARCH_KINDS[form["kind"]],
                    limit=SEARCH_PAGE_SIZE,
                    offset=(page - 1) * SEARCH_PAGE_SIZE,
                )
                hits = views.hit_views(kb, found.hits, q)
                pager = views.search_pager(form, found, page)
            except (QueryError, StoreError) as exc:
                error = str(exc)
        elif any(_clean(v) for k, v in form.items() if k not in ("q", "kind")):
            error = "type some words to search for; the filters narrow the results"
        return render(
            "search.html",
            title=f"Search: {q}" if q else "Search",
            form=form,
            hits=hits,
            error=error,
            pager=pager,
        )


@router.get("/ask", response_class=HTMLResponse)
def ask_page(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    answer = None
    evidence: list[views.EvidenceView] = []
    linked, named = None, None
    error = None
    with _kb(request) as kb:
        if _clean(q):
            try:
                answer = kb.ask(q.strip())
                evidence = views.evidence_views(kb, answer.evidence, limit=6)
                linked, named = linkify(kb, answer.text, answer.data)
            except (QueryError, StoreError) as exc:
                error = str(exc)
        return render(
            "ask.html",
            title=f"Ask: {q}" if q else "Ask",
            q=q,
            answer=answer,
            linked=linked,
            named=named,
            evidence=evidence,
            error=error,
            examples=views.example_questions(kb),
        )


@router.get("/matches/{match_id:path}", response_class=HTMLResponse)
def match_page(request: Request, match_id: str) -> HTMLResponse:
    with _kb(request) as kb:
        m = kb.match(match_id) if len(match_id) >= 4 else None
        if m is None:
            return not_found("match", match_id)
        view = views.match_view(kb, m)
        return render("match.html", title=m.label(), v=view, m=m)


@router.get("/people/{name:path}", response_class=HTMLResponse)
def person_page(request: Request, name: str) -> HTMLResponse:
    with _kb(request) as kb:
        try:
            view = person_view(kb, name)
        except QueryError:
            return not_found("person", name)
        return render("person.html", title=view.person.name, v=view)


@router.get("/clubs/{name:path}", response_class=HTMLResponse)
def club_page(request: Request, name: str) -> HTMLResponse:
    with _kb(request) as kb:
        try:
            club = kb.club_name(name)
        except QueryError:
            return not_found("club", name)
        if club not in kb.known_clubs:
            return not_found("club", name)
        view = club_view(kb, club)
        return render("club.html", title=club, v=view)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(
    request: Request, article_id: str, hl: Annotated[str, Query(max_length=24)] = ""
) -> HTMLResponse:
    with _kb(request) as kb:
        art = views.find_article(kb, article_id)
        if art is None:
            return not_found("article", article_id)
        view = views.article_view(kb, art, hl or None)
        return render("article.html", title=view.title, v=view)
