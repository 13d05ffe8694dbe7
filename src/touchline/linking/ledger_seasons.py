"""Settle ambiguous ledger links of undated articles by the people they name.

An undated report whose result fits fixtures of several seasons (Stoke 1-0 Norwich in 2012-13 and in
2013-14) is ambiguous on its own. The people it names are evidence of its season: a squad changes from
one season to the next, so full names that other reports place in one candidate season only (reports
whose own matches link to that season alone, or dated reports of that season) point at it.

A season is chosen when at least ``MIN_NAMES`` of the article's full names were reported in it and in
no other candidate season, and at least ``MARGIN`` times as many as point at any other candidate. Links
settled this way are not used as evidence for others (no chains of guesses), so the outcome does not
depend on the order in which articles or results arrived.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from touchline.linking.ledger import FixtureIndex, link_match, season_of
from touchline.models import ArticleFacts
from touchline.store.base import FactRecord, LedgerLink

if TYPE_CHECKING:
    from touchline.models import Person
    from touchline.store.base import Store

MIN_NAMES = 3
MARGIN = 3
MARK = "named in the report"  # in the reason of a link settled here


class SeasonNames:
    """Full person name → season → the articles that place the name in that season."""

    def __init__(self, people: Iterable[FactRecord[Person]], links: Iterable[LedgerLink]) -> None:
        seasons: dict[str, set[str]] = {}
        for link in links:
            if link.status == "linked" and MARK not in link.reason:
                seasons.setdefault(link.article_id, set()).add(link.fixture.season)
        self.names: dict[str, dict[str, set[str]]] = {}
        for rec in people:
            name = rec.fact.name
            if len(name.split()) < 2:
                continue
            own = seasons.get(rec.ref.article_id) or (
                {season_of(rec.ref.published)}
                if rec.ref.published and len(rec.ref.published) == 10
                else set()
            )
            if len(own) != 1:
                continue
            self.names.setdefault(name, {}).setdefault(next(iter(own)), set()).add(rec.ref.article_id)

    def vote(self, article_id: str, names: set[str], candidates: set[str]) -> tuple[str, list[str]] | None:
        """The candidate season the article's names point at, with those names; None when unclear."""
        support: dict[str, list[str]] = {s: [] for s in candidates}
        for name in sorted(names):
            where = {
                s for s, arts in self.names.get(name, {}).items() if s in candidates and arts - {article_id}
            }
            if len(where) == 1:
                support[next(iter(where))].append(name)
        ranked = sorted(support.items(), key=lambda kv: len(kv[1]), reverse=True)
        best, second = ranked[0], ranked[1] if len(ranked) > 1 else ("", [])
        if len(best[1]) >= MIN_NAMES and len(best[1]) >= MARGIN * len(second[1]):
            return best[0], best[1]
        return None


def settle(store: Store, fixtures: FixtureIndex | None = None) -> int:
    """Re-decide the ambiguous links of undated articles by the people they name; returns how many
    became linked."""
    links = store.ledger_links()
    ambiguous = {link.article_id for link in links if link.status == "ambiguous" and not link.published}
    if not ambiguous:
        return 0
    index = fixtures if fixtures is not None else FixtureIndex(store.results())
    people = store.people()
    names_of: dict[str, set[str]] = {}
    for rec in people:
        if rec.ref.article_id in ambiguous and len(rec.fact.name.split()) >= 2:
            names_of.setdefault(rec.ref.article_id, set()).add(rec.fact.name)
    seasons = SeasonNames(people, links)
    kept = [link for link in links if link.article_id in ambiguous]
    out: list[LedgerLink] = []
    settled = 0
    for aid in sorted(ambiguous):
        facts = store.facts(aid)
        if facts is None:
            continue
        for link in (x for x in kept if x.article_id == aid):
            new = _settle_one(facts, link, index, seasons, names_of.get(aid, set()))
            settled += new is not link
            out.append(new)
    store.replace_ledger_links(sorted(ambiguous), out)
    return settled


def _settle_one(
    facts: ArticleFacts, link: LedgerLink, index: FixtureIndex, seasons: SeasonNames, names: set[str]
) -> LedgerLink:
    if link.status != "ambiguous" or link.position >= len(facts.matches):
        return link
    m = facts.matches[link.position]
    if m.date:
        return link
    options: dict[str, LedgerLink] = {}
    for season in sorted({r.season for r in index.of(m.home or "", m.away or "")}):
        one = link_match(facts.article.id, link.position, m, index, None, {season})
        if one is not None and one.status == "linked":
            options[season] = one
    if len(options) < 2:
        return link
    vote = seasons.vote(facts.article.id, names, set(options))
    if vote is None:
        return link
    season, support = vote
    chosen = options[season]
    shown = ", ".join(support[:5]) + (f" and {len(support) - 5} more" if len(support) > 5 else "")
    chosen.reason = (
        f"same clubs and score in {len(options)} seasons; {season} chosen as the people {MARK} "
        f"({shown}) appear in other reports of {season} and of no other candidate season"
    )
    return chosen
