"""Claim and match checks against the results ledger and the reference results.

* position / points claims: the league table of the club's league on the article's date (matches up to
  that day; the day before is also accepted, as an article may be written before that day's games).
* relegated / promoted: confirmed when the club can no longer escape / has secured the places, or by the
  final table; contradicted when the season's final table says otherwise.
* eliminated: confirmed by a lost knockout tie in a cup ledger before the article's date.
* matches: the merged score against the reference result of the same fixture; goal lists whose goals
  per team exceed the score are contradicted by the article itself.
Everything else is "unverifiable", with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from touchline.models import Claim
from touchline.query.standings import is_league, remaining_games, rules_for, season_of
from touchline.query.types import CheckResult, MergedMatch, Table, cites
from touchline.store.base import FactRecord, ResultRecord

if TYPE_CHECKING:
    from touchline.query.kb import KnowledgeBase

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "top": 1,
}
_TRUE = {"true", "yes", "1"}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def parse_position(value: str, teams: int) -> int | None:
    v = value.strip().casefold()
    m = re.match(r"^(\d{1,2})(?:st|nd|rd|th)?$", v)
    if m:
        return int(m.group(1))
    if v in _ORDINALS:
        return _ORDINALS[v]
    if v in ("bottom", "last"):
        return teams
    return None


class _Checker:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._tables: dict[tuple[str, str, str | None], Table | None] = {}

    def league_of(self, club: str, season: str) -> str | None:
        for comp in {r.competition for r in self.kb.store.results(season=season, club=club)}:
            if is_league(comp):
                return comp
        comps = {
            m.competition
            for m in self.kb.find_matches(club)
            if m.competition and m.date and season_of(m.date) == season
        }
        return next((c for c in sorted(comps, key=str) if c and is_league(c)), None)

    def table(self, comp: str, season: str, as_of: str | None) -> Table | None:
        key = (comp, season, as_of)
        if key not in self._tables:
            try:
                self._tables[key] = self.kb.standings(comp, season, as_of)
            except Exception:
                self._tables[key] = None
        return self._tables[key]

    def claim(self, rec: FactRecord[Claim]) -> CheckResult:
        c = rec.fact
        ev = cites(rec.ref, c.evidence)
        statement = f"{c.subject}: {c.kind} = {c.value}"
        base = CheckResult("claim", c.subject, statement, "unverifiable", "", ev)
        date = rec.ref.published
        club = self.kb.gazetteer.club(c.subject)
        if c.kind not in ("position", "points", "relegated", "promoted", "eliminated"):
            base.reason = f"no rule checks {c.kind!r} claims"
            return base
        if not date or not club:
            base.reason = "the article has no date" if not date else f"{c.subject!r} is not a known club"
            return base
        if c.kind == "eliminated":
            return self._eliminated(base, club, date)
        season = season_of(date)
        comp = self.league_of(club, season)
        if comp is None:
            base.reason = f"no league results for {club} in {season}"
            return base
        today = self.table(comp, season, date)
        day_before = (dt.date.fromisoformat(date) - dt.timedelta(days=1)).isoformat()
        tables = [t for t in (today, self.table(comp, season, day_before)) if t is not None and t.row(club)]
        if not tables:
            base.reason = f"{club} has no results in the {comp} {season} ledger before {date}"
            return base
        if tables[0].ledger_source != "reference results":
            base.reason = (
                f"no reference results for {comp} {season} (the {tables[0].matches} matches reported in "
                "articles are not a full ledger); import them with `touchline results import`"
            )
            return base
        if c.kind in ("position", "points"):
            return self._position_points(base, c, club, tables)
        return self._relegated_promoted(base, c, club, comp, season, tables[0])

    def _position_points(self, base: CheckResult, c: Claim, club: str, tables: list[Table]) -> CheckResult:
        t = tables[0]
        if c.kind == "position":
            want = parse_position(c.value, len(t.rows))
            got = [tb.row(club).position for tb in tables]  # type: ignore[union-attr]
            what = "position"
        else:
            m = re.search(r"\d+", c.value)
            want = int(m.group()) if m else None
            got = [tb.row(club).points for tb in tables]  # type: ignore[union-attr]
            what = "points"
        if want is None:
            base.reason = f"cannot read {c.value!r} as a {what}"
            return base
        row = t.row(club)
        assert row is not None
        leader = t.rows[0]
        desc = (
            f"{t.competition} table as of {t.as_of} ({t.ledger_source}): {club} {_ordinal(row.position)} with "
            f"{row.points} pts from {row.played} games; top: {leader.club} {leader.points} pts"
        )
        if want in got:
            base.status, base.reason = "confirmed", desc
        else:
            base.status, base.reason = "contradicted", desc
            base.contradicting_source = f"{t.ledger_source}: {t.competition} {t.season} table as of {t.as_of}"
        return base

    def _relegated_promoted(
        self, base: CheckResult, c: Claim, club: str, comp: str, season: str, t: Table
    ) -> CheckResult:
        if c.value.strip().casefold() not in _TRUE:
            base.reason = f"only positive {c.kind} claims are checked"
            return base
        rules = rules_for(comp)
        entries, source = self.kb.ledger(comp, season)
        row = t.row(club)
        assert row is not None
        left = remaining_games(t, club, entries)
        n = rules.teams or len(t.rows)
        final = self.table(comp, season, None)
        if c.kind == "relegated":
            places = rules.relegation_places
            if places and left is not None and len(t.rows) >= n - places:
                safety = t.rows[n - places - 1].points if len(t.rows) >= n - places else None
                if safety is not None and row.points + 3 * left < safety:
                    base.status = "confirmed"
                    base.reason = f"{club} {row.points} pts with {left} games left cannot reach {safety} ({source}, {t.as_of})"
                    return base
        else:
            places = rules.promotion_places
        if final is not None and final.row(club) and self._complete(final, n):
            pos = final.row(club).position  # type: ignore[union-attr]
            inside = pos > n - places if c.kind == "relegated" else pos <= places
            base.status = "confirmed" if inside else "contradicted"
            base.reason = f"{club} finished {pos} of {n} in {comp} {season} ({source})"
            if not inside:
                base.contradicting_source = f"{source}: final {comp} {season} table"
            return base
        base.reason = f"not settled by the {comp} ledger as of {t.as_of}"
        return base

    @staticmethod
    def _complete(t: Table, n: int) -> bool:
        return len(t.rows) == n and all(r.played == 2 * (n - 1) for r in t.rows)

    def _eliminated(self, base: CheckResult, club: str, date: str) -> CheckResult:
        season = season_of(date)
        for r in self.kb.store.results(season=season, club=club):
            if is_league(r.competition) or not r.date or r.date > date:
                continue
            lost = _loser(r) == club
            if lost:
                base.status = "confirmed"
                base.reason = (
                    f"lost {r.home} {r.home_score}-{r.away_score} {r.away} ({r.competition}, {r.date})"
                )
                return base
        for m in self.kb.find_matches(club):
            knockout = bool(m.competition) and not is_league(m.competition)
            if m.status != "played" or not m.date or m.date > date or not knockout:
                continue
            if m.home_score is not None and m.away_score is not None and m.home_score != m.away_score:
                loser = m.away if m.home_score > m.away_score else m.home
                if loser == club:
                    base.status = "confirmed"
                    base.reason = f"lost {m.label()} in {m.competition} (articles {', '.join(i[:12] for i in m.article_ids)})"
                    return base
        base.reason = f"no cup defeat of {club} found before {date}"
        return base


def _loser(r: ResultRecord) -> str | None:
    if r.penalties:
        return r.away if r.penalties[0] > r.penalties[1] else r.home
    if r.home_score == r.away_score:
        return None
    return r.away if r.home_score > r.away_score else r.home


def check_match(kb: KnowledgeBase, m: MergedMatch) -> list[CheckResult]:
    out: list[CheckResult] = []
    if m.score is None or m.status != "played":
        return out
    ev = m.evidence[:3]
    for team in (m.home, m.away):
        listed = sum(1 for g in m.goals if g.team == team and g.kind != "own_goal") + sum(
            1 for g in m.goals if g.kind == "own_goal" and g.team not in (None, team)
        )
        scored = m.home_score if team == m.home else m.away_score
        if scored is not None and listed > scored:
            out.append(
                CheckResult(
                    "goals",
                    m.label(),
                    f"{team} goals listed: {listed}",
                    "contradicted",
                    f"{listed} goals listed for {team} but the score gives {scored}",
                    ev,
                    "the article's own score",
                )
            )
    link = m.ledger
    if link is not None and link.status in ("linked", "contradicted"):
        f = link.fixture
        fixture = f"{f.home} {f.home_score}-{f.away_score} {f.away} ({f.competition} {f.season}, {f.date or 'undated'})"
        agrees = link.status == "linked" and (
            (m.home_score, m.away_score) == (f.home_score, f.away_score)
            if m.home == f.home
            else (m.away_score, m.home_score) == (f.home_score, f.away_score)
        )
        if link.status == "linked" and not agrees:  # a report of this fixture fits, the chosen score not
            agrees = any(_fits_fixture(m, f, r) for r in kb.store.results(f.competition, f.season, f.home))
        status = "confirmed" if agrees else "contradicted"
        reason = f"ledger fixture {fixture}: {link.reason}"
        source = None if agrees else f"reference results: {fixture}"
    elif link is not None and link.status == "ambiguous":
        status, reason, source = "unverifiable", f"several ledger fixtures fit: {link.reason}", None
    else:
        status, reason, source = "unverifiable", _no_fixture_reason(kb, m), None
        if any(c.field == "score" for c in m.conflicts):
            reason = "sources disagree on the score and " + reason
    out.append(CheckResult("match", m.label(), f"{m.home} {m.score} {m.away}", status, reason, ev, source))
    return out


def _fits_fixture(m: MergedMatch, f: ResultRecord, r: ResultRecord) -> bool:
    """The chosen score of ``m`` equals the final or 90-minute score of the stored result ``r`` of ``f``."""
    if (r.date, r.home, r.away) != (f.date, f.home, f.away):
        return False
    scores = {(r.home_score, r.away_score)} | ({r.full_time} if r.full_time else set())
    mine = (m.home_score, m.away_score) if m.home == r.home else (m.away_score, m.home_score)
    return mine in scores


def _no_fixture_reason(kb: KnowledgeBase, m: MergedMatch) -> str:
    if not kb.store.results(club=m.home):
        return f"no reference results for {m.home}: import them with `touchline results import`"
    return f"no ledger fixture of {m.home} and {m.away} in the match's window"


def check_all(kb: KnowledgeBase) -> list[CheckResult]:
    checker = _Checker(kb)
    results = [checker.claim(rec) for rec in kb.store.claims()]
    for m in kb.matches:
        results += check_match(kb, m)
    return results
