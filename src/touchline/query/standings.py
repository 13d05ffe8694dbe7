"""Results ledger and league tables with each competition's tie-breakers (data/leagues.tsv).

The ledger of a competition season is its reference results (``touchline results import``) when any are
stored, otherwise the played matches merged from articles that name the competition and fall in the
season. Tables count league ("regular" stage) matches only; play-offs are not part of the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from touchline.config import DATA_DIR
from touchline.query.types import MergedMatch, StandingRow, Table
from touchline.store.base import ResultRecord

DEFAULT_TIEBREAKERS = ("goal_difference", "goals_for")


@dataclass(frozen=True)
class LeagueRules:
    competition: str
    tiebreakers: tuple[str, ...] = DEFAULT_TIEBREAKERS
    relegation_places: int = 0
    promotion_places: int = 0
    teams: int | None = None


@lru_cache(maxsize=1)
def league_rules() -> dict[str, LeagueRules]:
    out: dict[str, LeagueRules] = {}
    for line in (DATA_DIR / "leagues.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        out[cols[0]] = LeagueRules(
            cols[0],
            tuple(x.strip() for x in cols[1].split(",") if x.strip()),
            int(cols[2]),
            int(cols[3]),
            int(cols[4]) if len(cols) > 4 and cols[4].strip() else None,
        )
    return out


def rules_for(competition: str) -> LeagueRules:
    return league_rules().get(competition, LeagueRules(competition))


def is_league(competition: str | None) -> bool:
    return bool(competition) and competition in league_rules()


def season_range(season: str) -> tuple[str, str]:
    """'2024-25' → ('2024-07-01', '2025-06-30'); '2024' → the calendar year."""
    parts = season.replace("/", "-").split("-")
    start = int(parts[0])
    if len(parts) == 1:
        return f"{start}-01-01", f"{start}-12-31"
    return f"{start}-07-01", f"{start + 1}-06-30"


def season_of(date: str) -> str:
    """The European season ('2024-25') a date falls in (July to June)."""
    year, month = int(date[:4]), int(date[5:7])
    start = year if month >= 7 else year - 1
    return f"{start}-{(start + 1) % 100:02d}"


@dataclass(frozen=True)
class LedgerEntry:
    date: str | None
    home: str
    away: str
    home_score: int
    away_score: int
    source: str  # reference file:line, or the article ids of the merged match
    article_ids: tuple[str, ...] = field(default=())


def ledger_from_results(results: Iterable[ResultRecord]) -> list[LedgerEntry]:
    return [
        LedgerEntry(r.date, r.home, r.away, r.home_score, r.away_score, r.source or "reference results")
        for r in results
        if r.stage == "regular"
    ]


def ledger_from_matches(matches: Iterable[MergedMatch], competition: str, season: str) -> list[LedgerEntry]:
    lo, hi = season_range(season)
    out = []
    for m in matches:
        if (
            m.competition != competition
            or m.status != "played"
            or m.home_score is None
            or m.away_score is None
        ):
            continue
        if not m.date or len(m.date) != 10 or not lo <= m.date <= hi:
            continue
        ids = tuple(m.article_ids)
        out.append(
            LedgerEntry(
                m.date,
                m.home,
                m.away,
                m.home_score,
                m.away_score,
                "articles " + ", ".join(i[:12] for i in ids),
                ids,
            )
        )
    return out


def _add(row: StandingRow, gf: int, ga: int) -> None:
    row.played += 1
    row.goals_for += gf
    row.goals_against += ga
    if gf > ga:
        row.won += 1
        row.points += 3
    elif gf == ga:
        row.drawn += 1
        row.points += 1
    else:
        row.lost += 1


def _rows(entries: Sequence[LedgerEntry], clubs: set[str] | None = None) -> dict[str, StandingRow]:
    rows: dict[str, StandingRow] = {}
    for e in entries:
        if clubs is not None and (e.home not in clubs or e.away not in clubs):
            continue
        _add(rows.setdefault(e.home, StandingRow(0, e.home)), e.home_score, e.away_score)
        _add(rows.setdefault(e.away, StandingRow(0, e.away)), e.away_score, e.home_score)
    return rows


def _criterion(name: str, group: list[StandingRow], entries: Sequence[LedgerEntry]) -> dict[str, int]:
    if name.startswith("h2h_"):
        clubs = {r.club for r in group}
        mini = _rows(entries, clubs)
        if name == "h2h_away_goals":
            away = dict.fromkeys(clubs, 0)
            for e in entries:
                if e.home in clubs and e.away in clubs:
                    away[e.away] += e.away_score
            return away
        stat = name[4:]
        return {c: _stat(mini.get(c, StandingRow(0, c)), stat) for c in clubs}
    return {r.club: _stat(r, name) for r in group}


def _stat(row: StandingRow, name: str) -> int:
    if name == "goal_difference":
        return row.goal_difference
    return int(getattr(row, name))


def order_rows(
    rows: list[StandingRow], entries: Sequence[LedgerEntry], tiebreakers: Sequence[str]
) -> list[StandingRow]:
    """Points first, then each tie-breaker applied within groups still level (head-to-head among the tied)."""
    groups: list[list[StandingRow]] = [sorted(rows, key=lambda r: r.club)]
    for name in ("points", *tiebreakers):
        next_groups: list[list[StandingRow]] = []
        for group in groups:
            if len(group) == 1:
                next_groups.append(group)
                continue
            values = _criterion(name, group, entries)
            buckets: dict[int, list[StandingRow]] = {}
            for r in group:
                buckets.setdefault(values[r.club], []).append(r)
            next_groups += [buckets[v] for v in sorted(buckets, reverse=True)]
        groups = next_groups
    ordered = [r for g in groups for r in g]
    for i, r in enumerate(ordered, start=1):
        r.position = i
    return ordered


def compute_table(
    entries: Sequence[LedgerEntry], competition: str, season: str, as_of: str | None, ledger_source: str
) -> Table:
    used = [e for e in entries if as_of is None or (e.date is not None and e.date <= as_of)]
    rules = rules_for(competition)
    rows = order_rows(list(_rows(used).values()), used, rules.tiebreakers)
    return Table(competition, season, as_of, rows, ledger_source, ["points", *rules.tiebreakers], len(used))


def remaining_games(table: Table, club: str, entries: Sequence[LedgerEntry]) -> int | None:
    """Games left for ``club`` in a double round robin of the clubs in the ledger (None when unknown)."""
    clubs = {e.home for e in entries} | {e.away for e in entries}
    rules = rules_for(table.competition)
    n = rules.teams or len(clubs)
    row = table.row(club)
    if row is None or n < 2:
        return None
    return max(0, 2 * (n - 1) - row.played)
