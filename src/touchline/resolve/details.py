"""Match details merged across the reports of one match: team sheets, cards, referee and attendance.

* **Line-ups**: per side, the team sheet of the most trusted report (a played, post-match report over
  a preview's predicted side), then the fullest (most names, then most minutes and captain marks), then
  a dated report over a vague one. Players the chosen sheet lacks are not added from other sheets, but
  a missing minute on/off, captain mark or first name is filled from another report naming the same
  player (same surname on the same side). A sheet naming players the chosen one does not is kept as a
  ``Conflict`` with every value, its source and the rule that chose.
* **Cards**: the union over reports, one card per player, colour and minute; a player booked at
  different minutes by different reports (each giving one booking) is a ``Conflict``.
* **Referee / attendance**: chosen like the score (see ``resolve.matches``); different attendances are
  a ``Conflict``. Referee names that differ only by a missing first name ("Dunn", "Steve Dunn") agree,
  and the fuller name is kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from touchline.linking.people import fold
from touchline.models import Card, LineupEntry, Match
from touchline.query.types import Conflict, MergedCard, MergedLineupEntry, SourcedValue, cites
from touchline.store.base import FactRecord, SourceRef, Store

if TYPE_CHECKING:
    from touchline.resolve.matches import _Report

Chooser = Callable[
    [str, Sequence["_Report"], Callable[["_Report"], Any]], tuple[Any, Conflict | None, str | None]
]
SIDES = ("home", "away")
LINEUP_RULES = (
    "played report preferred over preview",
    "post-match report preferred over preview",
    "fullest team sheet",
    "dated fact preferred over vague one",
    "latest report",
)
RULE_TRUSTED = "most trusted report (post-match over preview, dated over vague), then majority"


def surname_key(name: str) -> str:
    parts = fold(name).split()
    return parts[-1] if parts else ""


def _side_entries(r: _Report, side: str) -> list[LineupEntry]:
    lineups = r.match.lineups or {}
    if r.flipped:
        side = "away" if side == "home" else "home"
    return list(lineups.get(side) or [])


def _fullness(entries: list[LineupEntry]) -> int:
    info = sum(
        (e.subbed_on is not None) + (e.subbed_off is not None) + int(e.captain) + int(len(e.name.split()) > 1)
        for e in entries
    )
    return len(entries) * 10 + info


def merge_lineups(
    reports: Sequence[_Report], conflicts: list[Conflict]
) -> tuple[dict[str, list[MergedLineupEntry]] | None, dict[str, SourceRef]]:
    lineups: dict[str, list[MergedLineupEntry]] = {}
    chosen_from: dict[str, SourceRef] = {}
    for side in SIDES:
        sheets = [(r, _side_entries(r, side)) for r in reports]
        sheets = [(r, entries) for r, entries in sheets if entries]
        if not sheets:
            continue

        def rank(sheet: tuple[_Report, list[LineupEntry]]) -> tuple[Any, ...]:
            r, entries = sheet
            played, post, exact = r.trust()
            return (played, post, _fullness(entries), exact, r.ref.published or "")

        best_report, best = max(sheets, key=rank)
        merged = [MergedLineupEntry(e.name, e.starter, e.subbed_on, e.subbed_off, e.captain) for e in best]
        by_key = {surname_key(e.name): e for e in merged}
        for r, entries in sheets:
            if r is best_report:
                continue
            for e in entries:
                target = by_key.get(surname_key(e.name))
                if target is None:
                    continue
                if len(e.name) > len(target.name) and fold(e.name).endswith(fold(target.name)):
                    target.name = e.name
                target.subbed_on = target.subbed_on if target.subbed_on is not None else e.subbed_on
                target.subbed_off = target.subbed_off if target.subbed_off is not None else e.subbed_off
                target.captain = target.captain or e.captain
        chosen_names = {surname_key(e.name) for e in best}
        disagree = [sh for sh in sheets if not {surname_key(e.name) for e in sh[1]} <= chosen_names]
        if disagree:
            values = [
                SourcedValue(", ".join(e.name for e in entries), [r.ref])
                for r, entries in [(best_report, best), *disagree]
            ]
            top, runner_up = rank((best_report, best)), max(rank(sh) for sh in disagree)
            rule = next(
                (name for i, name in enumerate(LINEUP_RULES) if top[i] != runner_up[i]), "first report"
            )
            conflicts.append(Conflict(f"lineup {side}", values, values[0].value, rule))
        lineups[side] = merged
        chosen_from[side] = best_report.ref
    return (lineups or None), chosen_from


def merge_cards(reports: Sequence[_Report], conflicts: list[Conflict]) -> list[MergedCard]:
    ordered = sorted(reports, key=lambda r: r.trust(), reverse=True)
    groups: dict[tuple[str, str, str], list[tuple[_Report, Card]]] = {}
    for r in ordered:
        for c in r.match.cards or []:
            groups.setdefault((c.team or "", surname_key(c.person), c.colour), []).append((r, c))
    out: list[MergedCard] = []
    for (_team, _key, colour), items in groups.items():
        per_report = Counter(r.ref for r, _ in items)
        minutes = list(dict.fromkeys(c.minute for _, c in items if c.minute is not None))
        single = max(per_report.values()) == 1
        cards: list[MergedCard] = []
        for r, c in items:
            same = next(
                (
                    m
                    for m in cards
                    if r.ref not in m.sources
                    and (single or m.minute == c.minute or m.minute is None or c.minute is None)
                ),
                None,
            )
            if same is None:
                same = MergedCard(c.person, c.team, c.minute, c.colour)
                cards.append(same)
            if len(c.person) > len(same.person):
                same.person = c.person
            same.minute = same.minute if same.minute is not None else c.minute
            same.sources.append(r.ref)
            same.evidence += cites(r.ref, c.evidence)
        if single and len(minutes) > 1:
            values = [SourcedValue(m, [r.ref for r, c in items if c.minute == m]) for m in minutes]
            conflicts.append(
                Conflict(f"{colour} card minute for {cards[0].person}", values, minutes[0], RULE_TRUSTED)
            )
        out += cards
    out.sort(key=lambda c: (c.minute is None, c.minute or 0, c.person))
    return out


def _referee_of(reports: Sequence[_Report]) -> Callable[[_Report], str | None]:
    """Each report's referee, with a bare surname replaced by the fuller name another report gives."""
    names = [r.match.referee for r in reports if r.match.referee]
    fuller: dict[str, str] = {}
    for n in names:
        key = surname_key(n)
        if len(n) > len(fuller.get(key, "")):
            fuller[key] = n

    def value(r: _Report) -> str | None:
        n = r.match.referee
        if not n:
            return None
        full = fuller[surname_key(n)]
        return full if fold(full).endswith(fold(n)) else n

    return value


def merge_officials(
    reports: Sequence[_Report], choose: Chooser, conflicts: list[Conflict]
) -> tuple[str | None, int | None]:
    referee, conflict, _ = choose("referee", reports, _referee_of(reports))
    if conflict:
        conflicts.append(conflict)
    attendance, conflict, _ = choose("attendance", reports, lambda r: r.match.attendance)
    if conflict:
        conflicts.append(conflict)
    return referee, attendance


def attach_details(store: Store, records: list[FactRecord[Match]]) -> list[FactRecord[Match]]:
    """Fill team sheets and cards the store's match rows do not carry from each article's stored contract.

    Stores keep line-ups and cards only in the contract object of the article; this reads it once per
    article that has matches and copies them (and a missing referee or attendance) onto the records,
    pairing the k-th stored match of an article with the k-th contract match when their clubs agree,
    else with the contract match naming the same clubs and date.
    """
    by_article: dict[str, list[FactRecord[Match]]] = {}
    for rec in records:
        if rec.fact.lineups is None and rec.fact.cards is None:
            by_article.setdefault(rec.ref.article_id, []).append(rec)
    for article_id, recs in by_article.items():
        facts = store.facts(article_id)
        if facts is None:
            continue
        detailed = [m for m in facts.matches if m.lineups or m.cards or m.referee or m.attendance]
        if not detailed:
            continue
        for pos, rec in enumerate(sorted(recs, key=lambda r: r.fact_id)):
            m = rec.fact
            same = facts.matches[pos] if pos < len(facts.matches) else None
            if same is None or (same.home, same.away) != (m.home, m.away):
                same = next(
                    (x for x in detailed if (x.home, x.away, x.date) == (m.home, m.away, m.date)), None
                )
            if same is None:
                continue
            m.lineups = m.lineups or same.lineups
            m.cards = m.cards or same.cards
            m.referee = m.referee or same.referee
            m.attendance = m.attendance if m.attendance is not None else same.attendance
    return records
