"""The rows of the index listings (``touchline.query.listings``): matches, people, clubs, quotes,
articles and standings, each built from the merged knowledge base and filtered."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from touchline.errors import QueryError
from touchline.query.listings import Filters, Row, Spec, in_range, register
from touchline.query.standings import is_league, season_of

if TYPE_CHECKING:
    from touchline.query.kb import KnowledgeBase
    from touchline.query.types import MergedMatch


def season_of_date(date: str | None) -> str | None:
    """The season ('2023-24') of a dated item; None when the date has no month."""
    return season_of(date) if date and len(date) >= 7 else None


def participants(kb: KnowledgeBase, m: MergedMatch) -> set[str]:
    """Canonical names of the people a match names: scorers, team sheets and cards."""
    names = [g.scorer for g in m.goals] + [c.person for c in m.cards]
    names += [e.name for side in ("home", "away") for e in m.lineup(side)]
    return {kb.name_map.get(n, n) for n in names}


# ---- matches -----------------------------------------------------------------------------------
def match_rows(kb: KnowledgeBase, f: Filters) -> tuple[list[Row], list[str]]:
    rows = []
    for m in kb.matches:
        season = season_of_date(m.date)
        if f.club and f.club not in (m.home, m.away):
            continue
        if f.competition and m.competition != f.competition:
            continue
        if f.season and season != f.season:
            continue
        if not in_range(m.date, f.date_from, f.date_to):
            continue
        if f.person and f.person not in participants(kb, m):
            continue
        if f.q and f.q.casefold() not in f"{m.home} {m.away} {m.venue or ''}".casefold():
            continue
        rows.append(
            {
                "date": m.date,
                "competition": m.competition,
                "season": season,
                "home": m.home,
                "score": m.score,
                "away": m.away,
                "home_score": m.home_score,
                "away_score": m.away_score,
                "status": m.status,
                "round": m.round,
                "venue": m.venue,
                "goals": len(m.goals),
                "reports": len(m.sources),
                "match_id": m.id,
                "article_ids": " ".join(dict.fromkeys(m.article_ids)),
            }
        )
    return rows, []


MATCH_COLUMNS = (
    "date",
    "competition",
    "season",
    "home",
    "score",
    "away",
    "home_score",
    "away_score",
    "status",
    "round",
    "venue",
    "goals",
    "reports",
    "match_id",
    "article_ids",
)
register(
    Spec(
        "matches",
        "Matches",
        MATCH_COLUMNS,
        ("q", "club", "person", "competition", "season", "date_from", "date_to"),
        "date",
        True,
        match_rows,
    )
)


# ---- people ------------------------------------------------------------------------------------
def people_rows(kb: KnowledgeBase, f: Filters) -> tuple[list[Row], list[str]]:
    goals: Counter[str] = Counter()
    for m in kb.matches:
        for g in m.goals:
            if g.kind != "own_goal":
                goals[kb.name_map.get(g.scorer, g.scorer)] += 1
    roles: dict[str, list[str]] = defaultdict(list)
    role_clubs: dict[str, set[str]] = defaultdict(set)
    for t in kb.tenures:
        label = f"{t.role.replace('_', ' ')}, {t.club}"
        if label not in roles[t.person]:
            roles[t.person].append(label)
        role_clubs[t.person].add(t.club)
    rows = []
    for p in kb.people:
        if f.club and f.club not in p.clubs and f.club not in role_clubs.get(p.name, set()):
            continue
        if f.q and f.q.casefold() not in p.name.casefold():
            continue
        if f.date_from and (not p.last_seen or p.last_seen[: len(f.date_from)] < f.date_from):
            continue
        if f.date_to and (not p.first_seen or p.first_seen[: len(f.date_to)] > f.date_to):
            continue
        rows.append(
            {
                "name": p.name,
                "club": p.clubs[0] if p.clubs else None,
                "clubs": "; ".join(p.clubs) or None,
                "roles": "; ".join(roles.get(p.name, [])) or None,
                "mentions": p.mentions,
                "articles": len(set(p.article_ids)),
                "goals": goals.get(p.name, 0),
                "first_seen": p.first_seen,
                "last_seen": p.last_seen,
            }
        )
    return rows, []


register(
    Spec(
        "people",
        "People",
        ("name", "club", "clubs", "roles", "mentions", "articles", "goals", "first_seen", "last_seen"),
        ("q", "club", "date_from", "date_to"),
        "mentions",
        True,
        people_rows,
    )
)


# ---- clubs -------------------------------------------------------------------------------------
def club_rows(kb: KnowledgeBase, f: Filters) -> tuple[list[Row], list[str]]:
    reported: Counter[str] = Counter()
    dates: dict[str, list[str]] = defaultdict(list)
    in_scope: set[str] = set()
    scoped = bool(f.competition or f.season)
    for m in kb.matches:
        ok = (not f.competition or m.competition == f.competition) and (
            not f.season or season_of_date(m.date) == f.season
        )
        for c in (m.home, m.away):
            reported[c] += 1
            if m.date:
                dates[c].append(m.date)
            if ok:
                in_scope.add(c)
    ledger: Counter[str] = Counter()
    for r in kb.store.results():
        ok = (not f.competition or r.competition == f.competition) and (not f.season or r.season == f.season)
        for c in (r.home, r.away):
            ledger[c] += 1
            if ok:
                in_scope.add(c)
    people: Counter[str] = Counter(c for p in kb.people for c in set(p.clubs))
    rows = []
    for club in kb.known_clubs:
        if scoped and club not in in_scope:
            continue
        if f.q and f.q.casefold() not in club.casefold():
            continue
        rows.append(
            {
                "club": club,
                "reported_matches": reported.get(club, 0),
                "ledger_results": ledger.get(club, 0),
                "people": people.get(club, 0),
                "first_report": min(dates[club]) if dates.get(club) else None,
                "last_report": max(dates[club]) if dates.get(club) else None,
            }
        )
    return rows, []


register(
    Spec(
        "clubs",
        "Clubs",
        ("club", "reported_matches", "ledger_results", "people", "first_report", "last_report"),
        ("q", "competition", "season"),
        "club",
        False,
        club_rows,
    )
)


# ---- quotes ------------------------------------------------------------------------------------
def quote_list_rows(kb: KnowledgeBase, f: Filters) -> tuple[list[Row], list[str]]:
    rows = []
    for r in kb.quote_rows(speaker=f.person, club=f.club):
        if not in_range(r.published, f.date_from, f.date_to):
            continue
        if f.q and f.q.casefold() not in r.text.casefold():
            continue
        rows.append(
            {
                "published": r.published,
                "speaker": r.speaker,
                "text": r.text,
                "role": r.role.replace("_", " ") if r.role else None,
                "club": r.club,
                "match": r.match,
                "result": r.result,
                "match_id": r.match_id,
                "article_id": r.article_id,
                "start": r.start,
                "end": r.end,
            }
        )
    notes = ["club = the speaker's club at the time, from the role reports"] if f.club else []
    return rows, notes


register(
    Spec(
        "quotes",
        "Quotes",
        (
            "published",
            "speaker",
            "text",
            "role",
            "club",
            "match",
            "result",
            "match_id",
            "article_id",
            "start",
            "end",
        ),
        ("q", "speaker", "club", "date_from", "date_to"),
        "published",
        True,
        quote_list_rows,
    )
)


# ---- articles ----------------------------------------------------------------------------------
def title_of(title: str | None, opening: str, limit: int = 90) -> str:
    """The stored title, else the body's first line (cut at a word)."""
    if title:
        return title
    first = opening.strip().split("\n", 1)[0].strip()
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def article_rows(kb: KnowledgeBase, f: Filters) -> tuple[list[Row], list[str]]:
    ids: set[str] | None = None
    if f.club or f.person or f.competition:
        persons: list[str | None] = [None]
        if f.person:
            persons = [*(n for n, c in kb.name_map.items() if c == f.person), f.person]
        ids = set()
        for name in dict.fromkeys(persons):
            ids |= kb.store.article_ids_about(club=f.club, person=name, competition=f.competition)
    matches: Counter[str] = Counter(a for m in kb.matches for a in set(m.article_ids))
    quotes: Counter[str] = Counter(q.ref.article_id for q in kb.store.quotes())
    rows = []
    for a in kb.store.article_index():
        if ids is not None and a.id not in ids:
            continue
        if not in_range(a.published, f.date_from, f.date_to):
            continue
        title = title_of(a.title, a.opening)
        if f.q and f.q.casefold() not in title.casefold():
            continue
        rows.append(
            {
                "published": a.published,
                "title": title,
                "source": a.source,
                "matches": matches.get(a.id, 0),
                "quotes": quotes.get(a.id, 0),
                "article_id": a.id,
            }
        )
    return rows, []


register(
    Spec(
        "articles",
        "Articles",
        ("published", "title", "source", "matches", "quotes", "article_id"),
        ("q", "club", "person", "competition", "date_from", "date_to"),
        "published",
        True,
        article_rows,
    )
)


# ---- standings ---------------------------------------------------------------------------------
def standings_choices(kb: KnowledgeBase) -> list[tuple[str, str, str]]:
    """(competition, season, last date) of every league season the store can build a table for: the
    imported results, else the league matches reported in articles. Latest first."""
    last: dict[tuple[str, str], str] = {}
    for r in kb.store.results():
        if r.stage == "regular":
            key = (r.competition, r.season)
            last[key] = max(last.get(key, ""), r.date or "")
    for m in kb.matches:
        season = season_of_date(m.date)
        if m.competition and is_league(m.competition) and season and m.status == "played" and m.score:
            key = (m.competition, season)
            last[key] = max(last.get(key, ""), m.date or "")
    return sorted(((c, s, d) for (c, s), d in last.items()), key=lambda x: (x[2], x[0]), reverse=True)


def standing_rows(kb: KnowledgeBase, f: Filters) -> tuple[list[Row], list[str]]:
    competition, season = f.competition, f.season
    if not competition or not season:
        choices = [
            c
            for c in standings_choices(kb)
            if (not competition or c[0] == competition) and (not season or c[1] == season)
        ]
        if not choices:
            if competition or season:
                wanted = " ".join(x for x in (competition, season) if x)
                raise QueryError(f"no league table for {wanted}: no results or league reports stored")
            return [], ["no league results are stored yet: import them with `touchline results import`"]
        competition, season = choices[0][0], choices[0][1]
    table = kb.standings(competition, season, as_of=f.as_of)
    rows = [
        {
            "position": r.position,
            "club": r.club,
            "played": r.played,
            "won": r.won,
            "drawn": r.drawn,
            "lost": r.lost,
            "goals_for": r.goals_for,
            "goals_against": r.goals_against,
            "goal_difference": r.goal_difference,
            "points": r.points,
        }
        for r in table.rows
    ]
    note = f"{table.competition} {table.season}" + (f" as of {table.as_of}" if table.as_of else "")
    note += f": {table.matches} matches from the {table.ledger_source}"
    if table.ledger_source != "reference results":
        note += " (only the matches the articles report, not an official table)"
    return rows, [note, "tie-breakers: " + ", ".join(t.replace("_", " ") for t in table.tiebreakers)]


register(
    Spec(
        "standings",
        "Standings",
        (
            "position",
            "club",
            "played",
            "won",
            "drawn",
            "lost",
            "goals_for",
            "goals_against",
            "goal_difference",
            "points",
        ),
        ("competition", "season", "as_of"),
        "position",
        False,
        standing_rows,
    )
)
