"""Head-to-head: every meeting of two clubs, from the article reports and the results ledger.

A reported match and a ledger result are the same meeting when they have the same home and away clubs
and dates at most three days apart (or the same month when a report gives only the month). The ledger's
score is the official one; when a report gives another score the meeting keeps both (``reported_score``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from touchline.errors import QueryError
from touchline.query.listing_rows import season_of_date
from touchline.resolve.matches import to_date
from touchline.store.base import ResultRecord, SourceRef

if TYPE_CHECKING:
    from touchline.query.kb import KnowledgeBase
    from touchline.query.types import MergedMatch

LEDGER = "results ledger"


@dataclass
class Meeting:
    date: str | None
    competition: str | None
    season: str | None
    home: str
    away: str
    home_score: int | None
    away_score: int | None
    status: str
    match_id: str | None = None  # the merged match reported by articles
    articles: list[SourceRef] = field(default_factory=list)
    ledger: ResultRecord | None = None
    reported_score: str | None = None  # a report's score when it differs from the ledger's

    @property
    def score(self) -> str | None:
        if self.home_score is None or self.away_score is None:
            return None
        return f"{self.home_score}-{self.away_score}"

    @property
    def sources(self) -> list[str]:
        out = [f"article {a.article_id[:12]}" for a in self.articles]
        return out + (
            [f"{LEDGER} ({self.ledger.source})" if self.ledger.source else LEDGER] if self.ledger else []
        )

    def goals_of(self, club: str) -> int | None:
        if self.home_score is None or self.away_score is None:
            return None
        return self.home_score if club == self.home else self.away_score


@dataclass
class HeadToHead:
    a: str
    b: str
    meetings: list[Meeting]  # newest first

    def record(self) -> dict[str, int]:
        """Wins of each club, draws and goals over the meetings with a score."""
        out = {"played": 0, "a_wins": 0, "draws": 0, "b_wins": 0, "a_goals": 0, "b_goals": 0}
        for m in self.meetings:
            ga, gb = m.goals_of(self.a), m.goals_of(self.b)
            if ga is None or gb is None or m.status != "played":
                continue
            out["played"] += 1
            out["a_goals"] += ga
            out["b_goals"] += gb
            out["a_wins" if ga > gb else "b_wins" if gb > ga else "draws"] += 1
        return out


def _same_day(report: str | None, ledger: str | None) -> bool:
    if not report or not ledger:
        return False
    d1, d2 = to_date(report), to_date(ledger)
    if d1 is not None and d2 is not None:
        return abs((d1 - d2).days) <= 3
    return len(report) == 7 and ledger.startswith(report)


def _from_match(m: MergedMatch) -> Meeting:
    return Meeting(
        m.date,
        m.competition,
        season_of_date(m.date),
        m.home,
        m.away,
        m.home_score,
        m.away_score,
        m.status,
        m.id,
        list({s.article_id: s for s in m.sources}.values()),
    )


def head_to_head(kb: KnowledgeBase, a: str, b: str) -> HeadToHead:
    """Every meeting of clubs ``a`` and ``b`` (any names the knowledge base resolves)."""
    club_a, club_b = kb.club_name(a), kb.club_name(b)
    if club_a == club_b:
        raise QueryError(f"{a!r} and {b!r} are the same club ({club_a})")
    pair = {club_a, club_b}
    reported = [_from_match(m) for m in kb.matches if {m.home, m.away} == pair]
    meetings = list(reported)
    for r in kb.store.results(club=club_a):
        if {r.home, r.away} != pair:
            continue
        twin = next(
            (
                m
                for m in reported
                if m.ledger is None and (m.home, m.away) == (r.home, r.away) and _same_day(m.date, r.date)
            ),
            None,
        )
        if twin is None:
            meetings.append(
                Meeting(r.date, r.competition, r.season, r.home, r.away, r.home_score, r.away_score, "played")
            )
            meetings[-1].ledger = r
            continue
        twin.ledger = r
        if twin.score and twin.score != f"{r.home_score}-{r.away_score}":
            twin.reported_score = twin.score
        twin.home_score, twin.away_score, twin.status = r.home_score, r.away_score, "played"
        twin.date = r.date or twin.date
        twin.competition = twin.competition or r.competition
        twin.season = r.season
    meetings.sort(key=lambda m: (m.date or "", m.home), reverse=True)
    return HeadToHead(club_a, club_b, meetings)
