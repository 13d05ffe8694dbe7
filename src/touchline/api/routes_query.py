"""Query endpoints: full-text search, standings, claim checks and questions — each answer with evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from touchline.api import convert
from touchline.api import schemas as s
from touchline.api.deps import DATE_PATTERN, DateFrom, DateTo, Page, cached, kb_of, page_params
from touchline.api.errors import ApiError
from touchline.errors import QueryError
from touchline.query.types import CheckResult

router = APIRouter(
    prefix="/api", tags=["query"], responses={400: {"model": s.ErrorOut}, 422: {"model": s.ErrorOut}}
)

SEASON_PATTERN = r"^\d{4}(-\d{2}|/\d{2}|-\d{4}|/\d{4})?$"


@router.get(
    "/search", response_model=s.Paged[s.HitOut], summary="Full-text search (BM25) over articles and quotes"
)
def search(
    request: Request,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=500,
            description='words to look for; "own goal" in double quotes is a phrase',
        ),
    ],
    page: Annotated[Page, Depends(page_params)],
    club: Annotated[str | None, Query(max_length=200)] = None,
    person: Annotated[str | None, Query(max_length=200)] = None,
    competition: Annotated[str | None, Query(max_length=200)] = None,
    kind: Annotated[
        str | None, Query(pattern="^(article|quote)$", description="only this kind of hit")
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> dict[str, object]:
    """Each hit carries its title and evidence sentence (article id and offsets). Words must all occur;
    ``"own goal"`` in double quotes is an exact phrase. Near-duplicate articles are one hit (the others in
    ``also_in``); ``total`` is the true number of hits, so paging by ``offset`` reaches every one."""
    if not q.strip():
        raise ApiError(422, "empty query", {"q": q})
    kinds = (kind,) if kind else ("article", "quote")
    with kb_of(request) as kb:
        try:
            found = kb.search_page(
                q,
                club=club,
                person=person,
                competition=competition,
                date_from=date_from,
                date_to=date_to,
                kinds=kinds,
                limit=page.limit,
                offset=page.offset,
            )
        except QueryError as exc:
            raise ApiError(404, "unknown filter value", str(exc)) from exc
    # ``total`` is the true number of hits (near-duplicates folded into one, see ``also_in``)
    return {
        "total": found.total,
        "limit": page.limit,
        "offset": page.offset,
        "items": [s.HitOut.model_validate(h) for h in found.hits],
    }


@router.get("/standings", response_model=s.TableOut, summary="League table from the results ledger")
def standings(
    request: Request,
    competition: Annotated[str, Query(min_length=1, max_length=200, description="e.g. 'Premier League'")],
    season: Annotated[str, Query(pattern=SEASON_PATTERN, description="e.g. 2024-25")],
    as_of: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description="table after matches up to this date")
    ] = None,
) -> s.TableOut:
    with kb_of(request) as kb:
        try:
            table = kb.standings(competition, season, as_of=as_of)
        except QueryError as exc:
            raise ApiError(404, "no results for this competition and season", str(exc)) from exc
    return s.TableOut.model_validate(table)


@router.get(
    "/checks", response_model=s.Paged[s.CheckOut], summary="Claims and matches checked against the ledger"
)
def checks(
    request: Request,
    page: Annotated[Page, Depends(page_params)],
    status: Annotated[str | None, Query(pattern="^(confirmed|contradicted|unverifiable)$")] = None,
    kind: Annotated[str | None, Query(max_length=50, description="claim | match | goals")] = None,
    subject: Annotated[
        str | None, Query(max_length=200, description="subject contains (e.g. a club)")
    ] = None,
) -> dict[str, object]:
    with kb_of(request) as kb:
        results: list[CheckResult] = cached(request, "checks", kb.check)
    needle = subject.casefold() if subject else None
    found = [
        r
        for r in results
        if (status is None or r.status == status)
        and (kind is None or r.kind == kind)
        and (needle is None or needle in r.subject.casefold())
    ]
    return convert.paged(found, page, s.CheckOut.model_validate)


@router.get("/ask", response_model=s.AnswerOut, summary="Answer a question with evidence")
def ask(
    request: Request,
    q: Annotated[
        str, Query(min_length=1, max_length=500, description="e.g. 'who managed Southampton on 2024-12-18?'")
    ],
) -> s.AnswerOut:
    """Rule-based answers (no LLM). ``known`` is false when the knowledge base cannot answer."""
    if not q.strip():
        raise ApiError(422, "empty question", {"q": q})
    with kb_of(request) as kb:
        return convert.answer(kb.ask(q))
