"""Top scorers per competition and season, counted from the goals the articles report.

Not an official list: a goal counts when an article reports it (a match nobody wrote about, or a report
without scorers, adds nothing). Own goals are not credited to the player. Each goal keeps the sentence
that reports it. A goal in a match whose competition or date the articles do not give is counted under
an unknown competition or season (shown as None), never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from touchline.query.listing_rows import season_of_date
from touchline.query.listings import Filters, Row, Spec, register
from touchline.query.types import Cite

if TYPE_CHECKING:
    from touchline.query.kb import KnowledgeBase

LABEL = "goals reported in the articles (not official statistics)"


@dataclass
class ScorerGoal:
    match_id: str
    match: str  # "Home 2-1 Away"
    date: str | None
    minute: int | None
    kind: str | None
    evidence: Cite | None  # the sentence reporting the goal


@dataclass
class Scorer:
    competition: str | None
    season: str | None
    scorer: str
    team: str | None
    goals: list[ScorerGoal]

    @property
    def penalties(self) -> int:
        return sum(1 for g in self.goals if g.kind == "penalty")


def top_scorers(
    kb: KnowledgeBase,
    competition: str | None = None,
    season: str | None = None,
    club: str | None = None,
    person: str | None = None,
) -> list[Scorer]:
    """Scorers (most goals first) per competition and season; filters are canonical names."""
    found: dict[tuple[str | None, str | None, str], Scorer] = {}
    for m in kb.matches:
        m_season = season_of_date(m.date)
        if (competition and m.competition != competition) or (season and m_season != season):
            continue
        label = f"{m.home} {m.score or 'v'} {m.away}"
        for g in m.goals:
            if g.kind == "own_goal":
                continue
            name = kb.name_map.get(g.scorer, g.scorer)
            if (person and name != person) or (club and g.team != club):
                continue
            key = (m.competition, m_season, name)
            s = found.setdefault(key, Scorer(m.competition, m_season, name, g.team, []))
            if s.team is None:
                s.team = g.team
            ev = g.evidence[0] if g.evidence else None
            s.goals.append(ScorerGoal(m.id, label, m.date, g.minute, g.kind, ev))
    for s in found.values():
        s.goals.sort(key=lambda g: (g.date or "", g.minute or 0))
    return sorted(found.values(), key=lambda s: (-len(s.goals), s.scorer))


def scorer_rows(kb: KnowledgeBase, f: Filters) -> tuple[list[Row], list[str]]:
    rows = []
    for s in top_scorers(kb, f.competition, f.season, f.club, f.person):
        rows.append(
            {
                "competition": s.competition,
                "season": s.season,
                "scorer": s.scorer,
                "team": s.team,
                "goals": len(s.goals),
                "penalties": s.penalties,
                "matches": len({g.match_id for g in s.goals}),
                "match_ids": " ".join(dict.fromkeys(g.match_id for g in s.goals)),
                "article_ids": " ".join(dict.fromkeys(g.evidence.article_id for g in s.goals if g.evidence)),
                "_goals": s.goals,
            }
        )
    return rows, [LABEL + "; own goals are not credited to a player"]


register(
    Spec(
        "scorers",
        "Top scorers",
        (
            "competition",
            "season",
            "scorer",
            "team",
            "goals",
            "penalties",
            "matches",
            "match_ids",
            "article_ids",
        ),
        ("competition", "season", "club", "person"),
        "goals",
        True,
        scorer_rows,
    )
)
