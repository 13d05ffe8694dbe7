"""Read endpoints for articles, matches, people, clubs and quotes: paginated, filterable, with evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from touchline.api import convert
from touchline.api import schemas as s
from touchline.api.deps import DateFrom, DateTo, Page, cached, in_range, kb_of, page_params
from touchline.api.errors import ApiError, not_found
from touchline.errors import QueryError
from touchline.models import Article, Quote
from touchline.query.kb import KnowledgeBase
from touchline.store.base import FactRecord

router = APIRouter(
    prefix="/api", tags=["read"], responses={404: {"model": s.ErrorOut}, 422: {"model": s.ErrorOut}}
)

Club = Annotated[str | None, Query(max_length=200, description="club name (fuzzy, e.g. 'Saints')")]
PersonQ = Annotated[str | None, Query(max_length=200, description="person name (full name or surname)")]
Competition = Annotated[str | None, Query(max_length=200, description="competition name")]


def _club(kb: KnowledgeBase, name: str) -> str:
    try:
        return kb.club_name(name)
    except QueryError as exc:
        raise not_found("club", name) from exc


def _person(kb: KnowledgeBase, name: str) -> str:
    try:
        return kb.person_name(name)
    except QueryError as exc:
        raise not_found("person", name) from exc


# ---- articles ------------------------------------------------------------------------------
def _all_articles(kb: KnowledgeBase) -> list[Article]:
    arts = [a for a in (kb.store.article(i) for i in kb.store.find_article_ids("")) if a is not None]
    return sorted(arts, key=lambda a: (a.published is None, a.published or "", a.id))


@router.get("/articles", response_model=s.Paged[s.ArticleSummary], summary="List stored articles")
def list_articles(
    request: Request,
    page: Annotated[Page, Depends(page_params)],
    club: Club = None,
    person: PersonQ = None,
    competition: Competition = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> dict[str, object]:
    with kb_of(request) as kb:
        arts = cached(request, "articles", lambda: _all_articles(kb))
        if club or person or competition:
            comp = kb.competition_name(competition) if competition else None
            ids = kb.store.article_ids_about(
                club=_club(kb, club) if club else None,
                person=_person(kb, person) if person else None,
                competition=comp,
            )
            arts = [a for a in arts if a.id in ids]
    arts = [a for a in arts if in_range(a.published, date_from, date_to)]
    return convert.paged(arts, page, convert.article_summary)


@router.get("/articles/{article_id}", response_model=s.ArticleDetail, summary="One article with its facts")
def get_article(
    request: Request, article_id: Annotated[str, Path(min_length=4, max_length=64, pattern=r"^[0-9a-fA-F]+$")]
) -> s.ArticleDetail:
    """An article by id (or a unique prefix of at least 4 hex digits), its body and every fact extracted from it."""
    with kb_of(request) as kb:
        ids = kb.store.find_article_ids(article_id.lower())
        if len(ids) > 1:
            raise ApiError(409, "ambiguous article id prefix", {"matches": ids[:10]})
        art = kb.store.article(ids[0]) if ids else None
        if art is None:
            raise not_found("article", article_id)
        return convert.article_detail(art, kb.store.facts(art.id))


# ---- matches -------------------------------------------------------------------------------
@router.get("/matches", response_model=s.Paged[s.MatchOut], summary="Merged matches")
def list_matches(
    request: Request,
    page: Annotated[Page, Depends(page_params)],
    club: Club = None,
    opponent: Club = None,
    competition: Competition = None,
    status: Annotated[str | None, Query(pattern="^(played|scheduled|unknown)$")] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> dict[str, object]:
    with kb_of(request) as kb:
        c = _club(kb, club) if club else None
        o = _club(kb, opponent) if opponent else None
        comp = kb.competition_name(competition) if competition else None
        found = [
            m
            for m in kb.find_matches(c, o)
            if (comp is None or m.competition == comp)
            and (status is None or m.status == status)
            and in_range(m.date, date_from, date_to)
        ]
        return convert.paged(found, page, s.MatchOut.model_validate)


@router.get("/matches/{match_id}", response_model=s.MatchOut, summary="One merged match")
def get_match(request: Request, match_id: Annotated[str, Path(min_length=1, max_length=100)]) -> s.MatchOut:
    """A match by id (or an id prefix): score, goals, every source and any conflicts between sources."""
    with kb_of(request) as kb:
        m = kb.match(match_id)
        if m is None:
            raise not_found("match", match_id)
        return s.MatchOut.model_validate(m)


# ---- people --------------------------------------------------------------------------------
@router.get("/people", response_model=s.Paged[s.PersonOut], summary="People, most mentioned first")
def list_people(
    request: Request,
    page: Annotated[Page, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=200, description="name contains (case-insensitive)")] = None,
    club: Club = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> dict[str, object]:
    """People reported in the range: first seen on or before ``date_to``, last seen on or after ``date_from``."""
    with kb_of(request) as kb:
        c = _club(kb, club) if club else None
        needle = q.casefold() if q else None
        found = [
            p
            for p in kb.people
            if (c is None or c in p.clubs)
            and in_range(p.last_seen, date_from, None)
            and in_range(p.first_seen, None, date_to)
            and (
                needle is None
                or needle in p.name.casefold()
                or any(needle in a.casefold() for a in p.aliases)
            )
        ]
        return convert.paged(found, page, s.PersonOut.model_validate)


@router.get("/people/{name}", response_model=s.PersonDetail, summary="One person: roles over time and quotes")
def get_person(request: Request, name: Annotated[str, Path(min_length=1, max_length=200)]) -> s.PersonDetail:
    with kb_of(request) as kb:
        canon = _person(kb, name)
        person = kb.person(canon)
        if person is None:
            raise not_found("person", name)
        tenures = [t for t in kb.tenures if t.person == canon]
        return convert.person_detail(person, tenures, kb.quotes_by(canon))


# ---- clubs ---------------------------------------------------------------------------------
@router.get("/clubs", response_model=s.Paged[s.ClubSummary], summary="Clubs the knowledge base knows")
def list_clubs(request: Request, page: Annotated[Page, Depends(page_params)]) -> dict[str, object]:
    with kb_of(request) as kb:
        counts = {c: 0 for c in kb.known_clubs}
        for m in kb.matches:
            for team in (m.home, m.away):
                counts[team] = counts.get(team, 0) + 1
    clubs = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return convert.paged(clubs, page, lambda c: s.ClubSummary(name=c[0], matches=c[1]))


def _all_quotes(request: Request, kb: KnowledgeBase) -> list[FactRecord[Quote]]:
    """Every stored quote, oldest first (kept until the next write)."""
    return cached(
        request, "quotes", lambda: sorted(kb.store.quotes(), key=lambda q: (q.ref.published or "", q.fact_id))
    )


def _club_quotes(request: Request, kb: KnowledgeBase, club: str) -> list[FactRecord[Quote]]:
    """Quotes by people who held a role at the club or are reported with it."""

    def build() -> list[FactRecord[Quote]]:
        people = {t.person for t in kb.club_tenures(club)} | {p.name for p in kb.people if club in p.clubs}
        return [
            q
            for q in _all_quotes(request, kb)
            if q.fact.speaker and kb.name_map.get(q.fact.speaker, q.fact.speaker) in people
        ]

    return cached(request, f"club-quotes:{club}", build)


@router.get("/clubs/{name}", response_model=s.ClubDetail, summary="One club: matches, managers, quotes")
def get_club(
    request: Request,
    name: Annotated[str, Path(min_length=1, max_length=200)],
    limit: Annotated[
        int, Query(ge=1, le=1000, description="at most this many matches and quotes (the latest ones)")
    ] = 100,
) -> s.ClubDetail:
    """The club's matches and quotes (oldest first, the last ``limit`` of each) and every role tenure."""
    with kb_of(request) as kb:
        club = _club(kb, name)
        matches = kb.find_matches(club)
        quotes = _club_quotes(request, kb, club)
        return s.ClubDetail(
            name=club,
            matches_total=len(matches),
            quotes_total=len(quotes),
            matches=[s.MatchOut.model_validate(m) for m in matches[-limit:]],
            tenures=[s.TenureOut.model_validate(t) for t in kb.club_tenures(club)],
            quotes=[convert.quote(q) for q in quotes[-limit:]],
        )


# ---- quotes --------------------------------------------------------------------------------
@router.get("/quotes", response_model=s.Paged[s.QuoteOut], summary="Quotes with their speakers")
def list_quotes(
    request: Request,
    page: Annotated[Page, Depends(page_params)],
    person: PersonQ = None,
    club: Club = None,
    q: Annotated[str | None, Query(max_length=200, description="quote text contains these words")] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    speaker: Annotated[
        str | None, Query(max_length=200, description="the same as person (who said it)")
    ] = None,
) -> dict[str, object]:
    if speaker and person and speaker != person:
        raise ApiError(
            422, "speaker and person name two people; give one", {"person": person, "speaker": speaker}
        )
    person = person or speaker
    with kb_of(request) as kb:
        if person:
            found = kb.quotes_by(_person(kb, person))
        elif club:
            found = _club_quotes(request, kb, _club(kb, club))
        else:
            found = _all_quotes(request, kb)
        if person and club:
            keys = {(r.ref.article_id, r.fact_id) for r in _club_quotes(request, kb, _club(kb, club))}
            found = [r for r in found if (r.ref.article_id, r.fact_id) in keys]
    words = [w.casefold() for w in (q or "").split()]
    found = [
        r
        for r in found
        if in_range(r.ref.published, date_from, date_to) and all(w in r.fact.text.casefold() for w in words)
    ]
    return convert.paged(found, page, convert.quote)
