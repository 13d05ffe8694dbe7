"""Merge the same match reported by several articles into one match with all its sources.

Two extracted matches are the same match only when clubs, orientation, competition and date agree:

* reports linked to a reference result (``linking/ledger.py``) are the match of that fixture: all
  reports of one fixture merge, reports of different fixtures never do, and the match is dated by
  the ledger (``date_source = "ledger"``) unless a report states the date (a stated date wins);
* other reports join a match with the same home side (unless a report does not know home from away),
  no different competition, and a date (the match date a report gives, otherwise its publication
  date, otherwise the publication window inferred from the article's linked matches) within
  ``SAME_MATCH_DAYS`` (exact dates on both sides) or ``VAGUE_MATCH_DAYS``. A report with no date at
  all is a match of its own: different meetings of the same clubs never merge on a guess.

Match ids are derived from what makes a match distinct: the fixture key when linked, otherwise the
clubs, the date and the first report (article and fact id). No two matches share that key, and a
truncated hash that would collide is lengthened, so ids are unique by construction.

When sources disagree, every value is kept with its sources as a ``Conflict`` and one is chosen by the
first rule that separates them, in this order:

1. a played report over a preview or a scheduled fixture,
2. a post-match report (published on or after the match date) over one published before it,
3. a dated fact (exact match date) over a vague one,
4. more sources over fewer,
5. the latest report.

Goals are merged by scorer and minute; one minute credited to different scorers is a ``Conflict``
chosen by the same rules. Team sheets, cards, referee and attendance: see ``resolve.details``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from touchline.models import Match
from touchline.query.types import Cite, Conflict, MergedGoal, MergedMatch, SourcedValue, cites
from touchline.resolve.details import merge_cards, merge_lineups, merge_officials
from touchline.store.base import FactRecord, LedgerLink, SourceRef

SAME_MATCH_DAYS = 3
VAGUE_MATCH_DAYS = 8
RULES = (
    "played report preferred over preview",
    "post-match report preferred over preview",
    "dated fact preferred over vague one",
    "majority of sources",
    "latest report",
)


def to_date(text: str | None) -> dt.date | None:
    if not text or len(text) != 10:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


@dataclass
class _Report:
    rec: FactRecord[Match]
    flipped: bool  # home/away reversed relative to the merged match
    day: dt.date | None
    exact: bool
    link: LedgerLink | None = None  # the report's ledger link (any status)
    inferred: str | None = None  # a date phrase of the report resolved within its article's window

    @property
    def match(self) -> Match:
        return self.rec.fact

    @property
    def ref(self) -> SourceRef:
        return self.rec.ref

    def trust(self) -> tuple[int, int, int]:
        m = self.match
        played = int(m.status == "played" and m.home_score is not None)
        published = to_date(self.ref.published)
        post = int(
            played == 1 and (not self.exact or published is None or self.day is None or published >= self.day)
        )
        return played, post, int(self.exact)

    def oriented(self, home_value: Any, away_value: Any) -> tuple[Any, Any]:
        return (away_value, home_value) if self.flipped else (home_value, away_value)


def _choose(
    name: str, reports: Sequence[_Report], value: Callable[[_Report], Any]
) -> tuple[Any, Conflict | None, str | None]:
    """The value the most trusted reports give; a Conflict when reports disagree."""
    groups: dict[Any, list[_Report]] = {}
    for r in reports:
        v = value(r)
        if v is None:
            continue
        groups.setdefault(v, []).append(r)
    if not groups:
        return None, None, None
    if len(groups) == 1:
        return next(iter(groups)), None, None

    def key(item: tuple[Any, list[_Report]]) -> tuple[int, int, int, int, str]:
        best = max(r.trust() for r in item[1])
        latest = max(r.ref.published or "" for r in item[1])
        return (*best, len(item[1]), latest)

    ranked = sorted(groups.items(), key=key, reverse=True)
    top, second = key(ranked[0]), key(ranked[1])
    rule = next((RULES[i] for i in range(len(RULES)) if top[i] != second[i]), "first report")
    chosen = ranked[0][0]
    values = [SourcedValue(v, [r.ref for r in rs]) for v, rs in ranked]
    return chosen, Conflict(name, values, chosen, rule), rule


def _same(a: _Report, b_day: dt.date | None, b_exact: bool, comp: str | None, m: Match) -> bool:
    if a.match.competition and comp and a.match.competition != comp:
        return False
    if a.day is None or b_day is None:
        return False
    knows_home = "order_as_given" not in a.match.flags and "order_as_given" not in m.flags
    if knows_home and (a.match.away if a.flipped else a.match.home) != m.home:
        return False
    window = SAME_MATCH_DAYS if a.exact and b_exact else VAGUE_MATCH_DAYS
    return abs((a.day - b_day).days) <= window


def merge_matches(
    records: Sequence[FactRecord[Match]],
    links: Mapping[int, LedgerLink] | None = None,
    windows: Mapping[str, str] | None = None,
) -> list[MergedMatch]:
    """Cluster extracted matches into real matches (see module docstring). Matches without two clubs
    are left out. ``links`` maps a stored match id to its ledger link; ``windows`` an undated article
    to the day it was published on or after (inferred from its linked matches)."""
    links = links or {}
    windows = windows or {}
    by_fixture: dict[tuple[str, str, str | None, str, str], list[_Report]] = {}
    clusters: dict[frozenset[str], list[list[_Report]]] = {}
    usable = [r for r in records if r.fact.home and r.fact.away and r.fact.home != r.fact.away]
    loose: list[tuple[FactRecord[Match], dt.date | None, bool, LedgerLink | None]] = []
    for rec in usable:
        link = links.get(rec.fact_id)
        if link is not None and link.status == "linked":
            f = link.fixture
            rep = _Report(rec, rec.fact.home != f.home, to_date(f.date), True, link)
            key = (f.competition, f.season, f.date, f.home, f.away)
            if key not in by_fixture:
                by_fixture[key] = []
                clusters.setdefault(frozenset((f.home, f.away)), []).append(by_fixture[key])
            by_fixture[key].append(rep)
        else:
            day, exact = _day_of(rec, windows)
            loose.append((rec, day, exact, link))
    # sentences that are the evidence of several matches: their date phrases are not this match's alone
    shared = Counter((r.ref.article_id, e.start) for r in usable for e in r.fact.evidence)
    for rec, day, exact, link in sorted(
        loose, key=lambda x: (x[1] or dt.date.max, x[0].ref.published or "", x[0].fact_id)
    ):
        inferred = _within_window(rec, windows, shared)
        day = to_date(inferred) or day
        m = rec.fact
        pair = frozenset((m.home or "", m.away or ""))
        home = m.home or ""
        for cluster in clusters.setdefault(pair, []):
            if any(_same(rep, day, exact, m.competition, m) for rep in cluster):
                anchor_home = cluster[0].oriented(cluster[0].match.home, cluster[0].match.away)[0]
                cluster.append(_Report(rec, home != anchor_home, day, exact, link, inferred))
                break
        else:
            clusters[pair].append([_Report(rec, False, day, exact, link, inferred)])
    out = [_build(cluster) for groups in clusters.values() for cluster in groups]
    _unique_ids(out)
    out.sort(key=lambda mm: (mm.date or "", mm.home, mm.away, mm.id))
    return out


def _unique_ids(matches: list[MergedMatch]) -> None:
    """Ids are hashes of distinct keys; should two truncated hashes collide, both get the full hash."""
    seen: dict[str, list[MergedMatch]] = {}
    for mm in matches:
        seen.setdefault(mm.id, []).append(mm)
    for same in seen.values():
        if len(same) > 1:
            for mm in same:
                mm.id = hashlib.sha1(mm.id_key.encode()).hexdigest()


def _within_window(
    rec: FactRecord[Match], windows: Mapping[str, str], shared: Counter[tuple[str, int]]
) -> str | None:
    """For a report without a date in an undated article the ledger dates: the date phrase of its
    evidence ("on Saturday", "next Sunday") resolved to a day against that date; None when the evidence
    has no such phrase, or several, or shares a sentence with another match (which phrase dates this
    match is not known)."""
    window = windows.get(rec.ref.article_id)
    if not window or rec.fact.date or rec.ref.published:
        return None
    if any(shared[(rec.ref.article_id, e.start)] > 1 for e in rec.fact.evidence):
        return None
    from touchline.temporal import find_date_expressions, resolve_relative_date

    phrases = {phrase for ev in rec.fact.evidence for _, _, phrase in find_date_expressions(ev.text)}
    if len(phrases) != 1:
        return None
    day = resolve_relative_date(phrases.pop(), window, future=rec.fact.status == "scheduled")
    return day if to_date(day) else None


def _day_of(rec: FactRecord[Match], windows: Mapping[str, str]) -> tuple[dt.date | None, bool]:
    exact = to_date(rec.fact.date)
    if exact:
        return exact, True
    return to_date(rec.ref.published) or to_date(windows.get(rec.ref.article_id)), False


def _build(reports: list[_Report]) -> MergedMatch:
    # orientation: trust reports that know home from away; re-orient the cluster on the most trusted one;
    # a linked match is oriented as its fixture (reports were flipped against it already)
    ordered = [r for r in reports if "order_as_given" not in r.match.flags] or reports
    anchor = max(ordered, key=lambda r: r.trust())
    if anchor.flipped and not any(r.link is not None and r.link.status == "linked" for r in reports):
        for r in reports:
            r.flipped = not r.flipped
    home, away = anchor.oriented(anchor.match.home, anchor.match.away)
    conflicts: list[Conflict] = []

    def pick(name: str, value: Callable[[_Report], Any]) -> tuple[Any, str | None]:
        chosen, conflict, rule = _choose(name, reports, value)
        if conflict:
            conflicts.append(conflict)
        return chosen, rule

    def score_of(r: _Report) -> tuple[int, int] | None:
        m = r.match
        if m.home_score is None or m.away_score is None:
            return None
        return r.oriented(m.home_score, m.away_score)

    score, score_rule = pick("score", score_of)
    date, _ = pick("date", lambda r: r.match.date if to_date(r.match.date) else None)
    linked = next((r.link for r in reports if r.link is not None and r.link.status == "linked"), None)
    date_source = "text" if date else None
    if date is None and linked is not None and linked.fixture.date:
        date, date_source = linked.fixture.date, "ledger"
    if date is None:
        date = next((r.match.date for r in reports if r.match.date), None)
        date_source = "text" if date else None
    if date is None:
        date = next((r.inferred for r in reports if r.inferred), None)
        date_source = "inferred" if date else None
    ledger = linked or next((r.link for r in reports if r.link is not None), None)
    competition, _ = pick("competition", lambda r: r.match.competition)
    venue, _ = pick("venue", lambda r: r.match.venue)
    round_, _ = pick("round", lambda r: r.match.round)
    statuses = {r.match.status for r in reports}
    status = (
        "played"
        if "played" in statuses or (score is not None and any(r.trust()[0] for r in reports))
        else ("scheduled" if "scheduled" in statuses else "unknown")
    )
    goals = _merge_goals(reports, conflicts)
    lineups, lineup_sources = merge_lineups(reports, conflicts)
    cards = merge_cards(reports, conflicts)
    referee, attendance = merge_officials(reports, _choose, conflicts)
    sources: list[SourceRef] = []
    for r in sorted(reports, key=lambda r: r.ref.published or ""):
        if r.ref not in sources:
            sources.append(r.ref)
    evidence: list[Cite] = [c for r in reports for c in cites(r.ref, r.match.evidence)]
    if linked is not None:
        f = linked.fixture
        key = f"ledger|{f.competition}|{f.season}|{f.date or ''}|{f.home}|{f.away}"
    else:
        first = min(reports, key=lambda r: (r.ref.published or "", r.ref.article_id, r.rec.fact_id))
        key = f"report|{home}|{away}|{date or ''}|{first.ref.article_id}|{first.rec.fact_id}"
    merged = MergedMatch(
        "",
        home or "",
        away or "",
        score[0] if score else None,
        score[1] if score else None,
        status,
        date,
        competition,
        round_,
        venue,
        goals,
        sources,
        evidence,
        conflicts,
        score_rule,
        lineups,
        lineup_sources,
        cards,
        referee,
        attendance,
        date_source=date_source,
        ledger=ledger,
        id_key=key,
        fact_ids=[r.rec.fact_id for r in reports],
    )
    merged.id = hashlib.sha1(key.encode()).hexdigest()[:12]
    return merged


def _merge_goals(reports: list[_Report], conflicts: list[Conflict]) -> list[MergedGoal]:
    merged: list[MergedGoal] = []
    by_minute: dict[tuple[int, int | None], list[tuple[str, SourceRef, tuple[int, int, int]]]] = {}
    for r in sorted(reports, key=lambda r: r.trust(), reverse=True):
        for g in r.match.goals:
            same = next(
                (
                    x
                    for x in merged
                    if x.scorer == g.scorer and (x.minute == g.minute or x.minute is None or g.minute is None)
                ),
                None,
            )
            if same is None:
                same = MergedGoal(g.scorer, g.team, g.minute, g.added, g.kind)
                merged.append(same)
            same.minute = same.minute if same.minute is not None else g.minute
            same.team = same.team or g.team
            same.kind = same.kind or g.kind
            if r.ref not in same.sources:
                same.sources.append(r.ref)
            same.evidence += cites(r.ref, g.evidence)
            if g.minute is not None:
                by_minute.setdefault((g.minute, g.added), []).append((g.scorer, r.ref, r.trust()))
    for (minute, added), entries in by_minute.items():
        scorers = {s for s, _, _ in entries}
        if len(scorers) > 1:

            def rank(
                name: str, entries: list[tuple[str, SourceRef, tuple[int, int, int]]] = entries
            ) -> tuple[int, int, int, int, str]:
                mine = [(t, ref) for x, ref, t in entries if x == name]
                return (*max(t for t, _ in mine), len(mine), max(ref.published or "" for _, ref in mine))

            ranked = sorted(scorers, key=rank, reverse=True)
            values = [SourcedValue(s, [ref for x, ref, _ in entries if x == s]) for s in ranked]
            top, second = rank(ranked[0]), rank(ranked[1])
            rule = next((RULES[i] for i in range(len(RULES)) if top[i] != second[i]), "first report")
            label = f"scorer at {minute}'" + (f"+{added}" if added else "")
            conflicts.append(Conflict(label, values, ranked[0], rule))
    merged.sort(key=lambda g: (g.minute is None, g.minute or 0))
    return merged
