"""View models for the person and club pages: tenures as timelines, quotes with evidence, results, and
the league position over a season (recomputed from the ledger after each of the club's matches)."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from touchline.errors import QueryError
from touchline.models import Quote
from touchline.query.kb import KnowledgeBase
from touchline.query.standings import compute_table, is_league, rules_for, season_of
from touchline.query.types import Cite, MergedGoal, MergedMatch, PersonEntity, Tenure
from touchline.store.base import FactRecord, ResultRecord
from touchline.web.charts import Bar, PositionPoint, position_chart, timeline_chart
from touchline.web.views import EvidenceView, article_title, evidence_view, evidence_views, result_letter

MANAGER_ROLES = ("manager", "interim_manager", "head_coach", "caretaker_manager", "player_manager")
MAX_SEASON_CHARTS = 3


@dataclass
class TenureView:
    tenure: Tenure
    text: str
    evidence: list[EvidenceView]


@dataclass
class QuoteView:
    speaker: str | None
    text: str
    published: str | None
    evidence: EvidenceView | None


@dataclass
class ArticleRef:
    id: str
    title: str
    published: str | None


def _bar(t: Tenure, label: str) -> Bar:
    start = t.start if t.start_exact and t.start else t.first_seen
    end = t.end or t.last_seen
    kind = "manager" if t.role in MANAGER_ROLES else "role"
    return Bar(label, start, end, bool(t.start_exact and t.start), bool(t.end and t.end_exact), kind)


def _tenure_key(t: Tenure) -> tuple[str, str]:
    return ((t.start if t.start_exact and t.start else t.first_seen) or "", t.role)


def tenure_views(kb: KnowledgeBase, tenures: list[Tenure]) -> list[TenureView]:
    return [TenureView(t, t.describe(), evidence_views(kb, t.evidence, limit=2)) for t in tenures]


def quote_views(kb: KnowledgeBase, records: list[FactRecord[Quote]], limit: int = 30) -> list[QuoteView]:
    out = []
    for q in records[:limit]:
        ev = None
        if q.fact.evidence:
            e = q.fact.evidence[0]
            ev = evidence_view(
                kb, Cite(q.ref.article_id, q.ref.published, q.ref.source, e.start, e.end, e.text)
            )
        speaker = kb.name_map.get(q.fact.speaker, q.fact.speaker) if q.fact.speaker else None
        out.append(QuoteView(speaker, q.fact.text, q.ref.published, ev))
    return out


# ---- people ------------------------------------------------------------------------------
@dataclass
class PersonView:
    person: PersonEntity
    tenures: list[TenureView]
    timeline: Markup
    quotes: list[QuoteView]
    goals: list[tuple[MergedMatch, MergedGoal]]
    articles: list[ArticleRef]
    clubs: list[str] = field(default_factory=list)


def person_view(kb: KnowledgeBase, name: str) -> PersonView:
    """Raises QueryError when nobody of that name is known."""
    entity = kb.person(name)
    assert entity is not None
    canon = entity.name
    tenures = sorted((t for t in kb.tenures if t.person == canon), key=_tenure_key)
    bars = [_bar(t, f"{t.role.replace('_', ' ')}, {t.club}") for t in tenures]
    goals = [(m, g) for m in kb.matches for g in m.goals if kb.name_map.get(g.scorer, g.scorer) == canon]
    articles = []
    for aid in entity.article_ids[:40]:
        art = kb.store.article(aid)
        if art:
            articles.append(ArticleRef(aid, article_title(art), art.published))
    articles.sort(key=lambda a: a.published or "")
    clubs = list(dict.fromkeys([*entity.clubs, *(t.club for t in tenures)]))
    return PersonView(
        entity,
        tenure_views(kb, tenures),
        timeline_chart(bars, f"Roles of {canon} over time"),
        quote_views(kb, kb.quotes_by(canon)),
        goals,
        articles,
        [c for c in clubs if c in kb.known_clubs],
    )


# ---- clubs -------------------------------------------------------------------------------
@dataclass
class SeasonChart:
    competition: str
    season: str
    source: str
    last_position: int
    teams: int
    chart: Markup
    complete: bool  # a full ledger (reference results) rather than only the matches reported in articles


@dataclass
class ClubView:
    club: str
    matches: list[tuple[MergedMatch, str | None]]
    results: list[ResultRecord]
    results_total: int
    managers: list[TenureView]
    managers_chart: Markup
    other_roles: list[TenureView]
    charts: list[SeasonChart]
    quotes: list[QuoteView]
    opponents: list[str] = field(default_factory=list)  # clubs met in reports or the ledger (head-to-head)


def _league_seasons(
    kb: KnowledgeBase, club: str, matches: list[MergedMatch], results: list[ResultRecord]
) -> list[tuple[str, str]]:
    seasons = {
        (r.competition, r.season) for r in results if is_league(r.competition) and r.stage == "regular"
    }
    for m in matches:
        if (
            m.competition
            and is_league(m.competition)
            and m.date
            and len(m.date) == 10
            and m.status == "played"
        ):
            seasons.add((m.competition, season_of(m.date)))
    return sorted(seasons, key=lambda cs: (cs[1], cs[0]))[-MAX_SEASON_CHARTS:]


def season_chart(kb: KnowledgeBase, club: str, competition: str, season: str) -> SeasonChart | None:
    """The club's position after each of its matches in one league season."""
    entries, source = kb.ledger(competition, season)
    mine = sorted((e for e in entries if e.date and club in (e.home, e.away)), key=lambda e: e.date or "")
    points: list[PositionPoint] = []
    teams = 0
    for e in mine:
        assert e.date is not None
        table = compute_table(entries, competition, season, e.date, source)
        row = table.row(club)
        if row is None:
            continue
        teams = max(teams, len(table.rows))
        home = e.home == club
        other = e.away if home else e.home
        ours, theirs = (e.home_score, e.away_score) if home else (e.away_score, e.home_score)
        letter = "W" if ours > theirs else "D" if ours == theirs else "L"
        label = f"{'v' if home else 'at'} {other} ({letter} {ours}-{theirs})"
        if points and points[-1].date == e.date:
            points[-1] = PositionPoint(e.date, row.position, points[-1].label + "; " + label)
        else:
            points.append(PositionPoint(e.date, row.position, label))
    if not points:
        return None
    full = source == "reference results"
    if full:
        teams = max(teams, rules_for(competition).teams or 0)
    title = f"{club}: {competition} position, {season}"
    chart = position_chart(points, teams, title)
    return SeasonChart(competition, season, source, points[-1].position, teams, chart, full)


def club_quotes(
    kb: KnowledgeBase, club: str, tenures: list[Tenure], max_people: int = 40
) -> list[FactRecord[Quote]]:
    """Quotes by the club's people: its role holders and the most mentioned people whose main club it is."""
    regulars = sorted((p for p in kb.people if p.clubs[:1] == [club]), key=lambda p: (-p.mentions, p.name))
    people = list(dict.fromkeys([*(t.person for t in tenures), *(p.name for p in regulars)]))[:max_people]
    found: dict[int, FactRecord[Quote]] = {}
    for name in people:
        try:
            for q in kb.quotes_by(name):
                found[q.fact_id] = q
        except QueryError:
            continue
    return sorted(found.values(), key=lambda q: (q.ref.published or "", q.fact_id), reverse=True)


def club_view(kb: KnowledgeBase, club: str) -> ClubView:
    matches = sorted(kb.find_matches(club), key=lambda m: (m.date or "", m.id))
    results = kb.store.results(club=club)
    tenures = sorted(kb.club_tenures(club), key=_tenure_key)
    managers = [t for t in tenures if t.role in MANAGER_ROLES]
    others = [t for t in tenures if t.role not in MANAGER_ROLES]
    charts = [c for cs in _league_seasons(kb, club, matches, results) if (c := season_chart(kb, club, *cs))]
    quotes = club_quotes(kb, club, tenures)
    recent = sorted(results, key=lambda r: r.date or "", reverse=True)
    return ClubView(
        club,
        [(m, result_letter(m, club)) for m in matches],
        recent[:40],
        len(results),
        tenure_views(kb, managers),
        timeline_chart(
            [_bar(t, t.person + (" (interim)" if "interim" in t.role else "")) for t in managers],
            f"Managers of {club}",
        ),
        tenure_views(kb, others),
        charts,
        quote_views(kb, quotes, limit=20),
        sorted(
            ({c for m in matches for c in (m.home, m.away)} | {c for r in results for c in (r.home, r.away)})
            - {club}
        ),
    )
