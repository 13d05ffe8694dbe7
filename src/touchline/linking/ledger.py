"""Link extracted played matches to the reference result (the "ledger fixture") they report.

A fixture is a candidate for an extracted match when it has the same two clubs, does not belong to a
different competition than the one the report names (unless the ledger has no fixture of these clubs
in that competition: then only a fixture that fits exactly is a candidate, as the report may have
mis-named it, and nothing is contradicted), and falls in the match's window:

* the report dates the match (``YYYY-MM-DD``): the fixture is within ``SAME_MATCH_DAYS`` of that day
  (a stated month or year: the fixture lies in it);
* otherwise the article is dated: the fixture is in the ``REPORT_DAYS`` before publication (or the day
  after, for a report filed before midnight and dated the next day);
* otherwise (an undated article) any season of the ledger, narrowed to the seasons of the article's
  other linked matches once some of its matches link (a round-up's results share a season).

Among the candidates, the match is **linked** to the one fixture with the same home side and a
compatible score (the final score, or the 90-minute score of a tie that went to extra time; a report
that does not know home from away, flagged ``order_as_given``, may match either way round); **ambiguous**
when several fixtures fit (no link); **contradicted** when none fits, naming the fixture it disagrees
with. A match with no candidate gets no row (nothing to check it against).

``relink`` applies this to articles in a store: on ingest (the new articles) and on results import
(every article), so a report is linked whichever came first. Ambiguous links of undated articles are
then settled by the people they name (``ledger_seasons.settle``) at the end of each ingest run and
import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from touchline.models import Article, ArticleFacts, Match
from touchline.store.base import LedgerLink, ResultRecord

if TYPE_CHECKING:
    from touchline.store.base import Store

SAME_MATCH_DAYS = 3
REPORT_DAYS = 10
RELINK_BATCH = 200  # articles written per transaction by ``relink``
Pair = tuple[int, int]


def _day(text: str | None) -> dt.date | None:
    if not text or len(text) != 10:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def season_of(day: str) -> str:
    """The July-June season ('2004-05') of a ``YYYY-MM-DD`` day."""
    year, month = int(day[:4]), int(day[5:7])
    start = year if month >= 7 else year - 1
    return f"{start}-{(start + 1) % 100:02d}"


class FixtureIndex:
    """Reference results by pair of clubs."""

    def __init__(self, results: Iterable[ResultRecord]) -> None:
        self.by_pair: dict[frozenset[str], list[ResultRecord]] = {}
        for r in results:
            self.by_pair.setdefault(frozenset((r.home, r.away)), []).append(r)
        for rows in self.by_pair.values():
            rows.sort(key=lambda r: (r.date or "", r.competition))

    def __bool__(self) -> bool:
        return bool(self.by_pair)

    def of(self, a: str, b: str) -> list[ResultRecord]:
        return self.by_pair.get(frozenset((a, b)), [])


@dataclass
class _Window:
    """Which fixtures a match may report, and how the window was set (for the link's reason)."""

    kind: str  # stated | published | seasons | ledger
    test: Callable[[ResultRecord], bool]
    describe: str


def _window(m: Match, published: str | None, seasons: set[str] | None) -> _Window:
    stated = m.date or ""
    day = _day(stated)
    if day is not None:

        def near(r: ResultRecord, day: dt.date = day) -> bool:
            rd = _day(r.date)
            return rd is not None and abs((rd - day).days) <= SAME_MATCH_DAYS

        return _Window("stated", near, f"the report dates the match {stated}")
    if len(stated) in (4, 7) and stated[:4].isdigit():
        return _Window(
            "stated", lambda r: (r.date or "").startswith(stated), f"the report dates the match {stated}"
        )
    pub = _day(published)
    if pub is not None:

        def before(r: ResultRecord, pub: dt.date = pub) -> bool:
            rd = _day(r.date)
            return rd is not None and -1 <= (pub - rd).days <= REPORT_DAYS

        return _Window("published", before, f"published {published}, within {REPORT_DAYS} days of it")
    if seasons:
        listed = ", ".join(sorted(seasons))
        return _Window(
            "seasons",
            lambda r: r.season in seasons,
            f"undated article; {listed}, the season of its other linked matches",
        )
    return _Window("ledger", lambda r: True, "undated article; every season in the ledger")


def _scores(r: ResultRecord) -> set[Pair]:
    out = {(r.home_score, r.away_score)}
    if r.full_time is not None:
        out.add(r.full_time)
    return out


def _fits(m: Match, r: ResultRecord) -> bool:
    """Same home side and a compatible score (either way round when the report does not know home)."""
    score = (m.home_score, m.away_score)
    if r.home == m.home and score in _scores(r):
        return True
    if "order_as_given" in m.flags and r.home == m.away:
        return (score[1], score[0]) in _scores(r)
    return False


def half_time_of(m: Match) -> Pair | None:
    """The half-time score the report gives, or that its goals add up to: every goal with a minute
    and a team, and the goals per team equal to the final score (own goals count for the other side)."""
    if m.half_time is not None:
        return m.half_time
    if not m.goals or m.home_score is None or m.away_score is None:
        return None
    home = away = first_home = first_away = 0
    for g in m.goals:
        if g.minute is None or g.team not in (m.home, m.away):
            return None
        for_home = (g.team == m.home) != (g.kind == "own_goal")
        first = g.minute <= 45 and g.period != "second_half"
        home, away = home + for_home, away + (not for_home)
        first_home, first_away = first_home + (for_home and first), first_away + (not for_home and first)
    if (home, away) != (m.home_score, m.away_score):
        return None
    return first_home, first_away


def _narrow(
    m: Match, fitting: list[ResultRecord], home_of_venue: Callable[[str], str | None] | None
) -> tuple[list[ResultRecord], str]:
    """Fewer fixtures among several that fit: the home side of the ground the report names (when it
    does not know home from away), then the half-time score."""
    notes = []
    if "order_as_given" in m.flags and m.venue and home_of_venue is not None:
        host = home_of_venue(m.venue)
        kept = [r for r in fitting if r.home == host]
        if kept:
            fitting = kept
            notes.append(f"played at {m.venue}, {host}'s ground")
    half = half_time_of(m)
    if half is not None and len(fitting) > 1:
        kept = []
        for r in fitting:
            ht = (
                r.half_time if r.home == m.home else (r.half_time[1], r.half_time[0]) if r.half_time else None
            )
            if ht == half:
                kept.append(r)
        if kept:
            fitting = kept
            notes.append(f"half-time {half[0]}-{half[1]} as the report's goals give it")
    return fitting, "; ".join(notes)


def _fixture_text(r: ResultRecord) -> str:
    return (
        f"{r.home} {r.home_score}-{r.away_score} {r.away} ({r.competition} {r.season}, {r.date or 'undated'})"
    )


def _closest(m: Match, cands: list[ResultRecord], ref_day: dt.date | None) -> ResultRecord:
    """The fixture a contradicted report most plausibly meant: same home side first, then the nearest
    in time, then the nearest score."""

    def key(r: ResultRecord) -> tuple[int, int, int, str]:
        same_home = int(r.home != m.home)
        rd = _day(r.date)
        gap = abs((rd - ref_day).days) if rd and ref_day else 0
        hs, as_ = (
            (m.home_score or 0, m.away_score or 0)
            if r.home == m.home
            else (m.away_score or 0, m.home_score or 0)
        )
        return same_home, gap, abs(r.home_score - hs) + abs(r.away_score - as_), r.date or ""

    return min(cands, key=key)


def link_match(
    article_id: str,
    position: int,
    m: Match,
    fixtures: FixtureIndex,
    published: str | None,
    seasons: set[str] | None = None,
    home_of_venue: Callable[[str], str | None] | None = None,
) -> LedgerLink | None:
    """The ledger link of one extracted match (see module docstring), or None without candidates."""
    if m.status != "played" or m.home_score is None or m.away_score is None:
        return None
    if not m.home or not m.away or m.home == m.away:
        return None
    window = _window(m, published, seasons)
    in_window = [r for r in fixtures.of(m.home, m.away) if window.test(r)]
    cands = [r for r in in_window if not m.competition or m.competition == r.competition]
    narrowed = ""
    if not cands and in_window:
        # No fixture of these clubs in the competition the report names (often a cup named elsewhere
        # in the article): a fixture of another competition that fits exactly may still be the match,
        # but one that does not fit contradicts nothing.
        cands = [r for r in in_window if _fits(m, r)]
        narrowed = f"the report names the {m.competition}, where the ledger has no fixture of these clubs"
    if not cands:
        return None
    fitting = [r for r in cands if _fits(m, r)]
    if len(fitting) > 1:
        fitting, how = _narrow(m, fitting, home_of_venue)
        narrowed = "; ".join(n for n in (narrowed, how) if n)
    said = f"{m.home} {m.home_score}-{m.away_score} {m.away}"
    evidence = list(m.evidence)
    if len(fitting) == 1:
        r = fitting[0]
        side = "" if r.home == m.home else " (home side from the ledger: the report does not say)"
        side += f"; {narrowed}" if narrowed else ""
        others = len(cands) - 1
        if window.kind == "stated":
            why = f"same clubs and score{side}; {window.describe}"
        elif window.kind == "published":
            why = f"same clubs and score{side}; the only such fixture in the window ({window.describe})"
        else:
            why = (
                f"same clubs and score{side}; the only {r.season} fixture with this score"
                + (f" ({others} other fixture(s) of these clubs differ)" if others else "")
                + f"; window: {window.describe}"
            )
        return LedgerLink(article_id, position, "linked", r, len(cands), why, evidence)
    if len(fitting) > 1:
        listed = "; ".join(_fixture_text(r) for r in fitting)
        why = f"{said} fits {len(fitting)} fixtures ({listed}); window: {window.describe}"
        return LedgerLink(article_id, position, "ambiguous", fitting[0], len(cands), why, evidence)
    reversed_ = [r for r in cands if r.home == m.away and (m.away_score, m.home_score) in _scores(r)]
    swapped = [r for r in cands if r.home == m.home and (m.away_score, m.home_score) in _scores(r)]
    if len(reversed_) == 1:
        r, what = reversed_[0], "home and away are the other way round"
    elif len(swapped) == 1:
        r, what = swapped[0], "the two scores are the other way round"
    else:
        r, what = _closest(m, cands, _day(m.date) or _day(published)), "the score differs"
    why = f"the report says {said}; the ledger has {_fixture_text(r)}: {what}; window: {window.describe}"
    return LedgerLink(article_id, position, "contradicted", r, len(cands), why, evidence)


def link_article(
    facts: ArticleFacts, fixtures: FixtureIndex, home_of_venue: Callable[[str], str | None] | None = None
) -> list[LedgerLink]:
    """Links of every played match of one article. In an undated article, the seasons of the matches
    that link on the whole ledger narrow the window of the others (and re-decide them).
    ``home_of_venue`` names the club whose ground a venue is (by default from the gazetteer)."""
    art = facts.article
    venue_club = home_of_venue or _gazetteer_venue_club
    first = [
        link_match(art.id, i, m, fixtures, art.published, None, venue_club)
        for i, m in enumerate(facts.matches)
    ]
    if art.published:
        return [link for link in first if link is not None]
    seasons = {
        link.fixture.season
        for link, m in zip(first, facts.matches, strict=True)
        if link is not None and link.status == "linked" and not m.date
    }
    if not seasons:
        return _by_stated_dates(facts, [link for link in first if link is not None], fixtures, venue_club)
    out: list[LedgerLink] = []
    for i, (link, m) in enumerate(zip(first, facts.matches, strict=True)):
        if link is None or m.date or (link.status == "linked" and link.fixture.season in seasons):
            if link is not None:
                out.append(link)
            continue
        narrowed = link_match(art.id, i, m, fixtures, None, seasons, venue_club)
        if narrowed is not None:
            out.append(narrowed)
    return out


def _stated_floor(facts: ArticleFacts) -> str | None:
    """The latest full date of something the article says has happened (a played match it dates, a
    role's start): the article was written on or after it."""
    days = [m.date for m in facts.matches if m.status == "played"] + [r.start for r in facts.roles]
    return max((d for d in days if d and _day(d) is not None), default=None)


def _by_stated_dates(
    facts: ArticleFacts,
    links: list[LedgerLink],
    fixtures: FixtureIndex,
    venue_club: Callable[[str], str | None] | None,
) -> list[LedgerLink]:
    """Ambiguous links of an undated article settled by the dates it states: the article was written
    on or after the latest of them, so fixtures (well) before it are not what it reports."""
    floor = _stated_floor(facts) if any(x.status == "ambiguous" for x in links) else None
    if floor is None:
        return links
    since = (dt.date.fromisoformat(floor) - dt.timedelta(days=REPORT_DAYS)).isoformat()
    out = []
    for link in links:
        m = facts.matches[link.position]
        if link.status == "ambiguous" and not m.date:
            seasons = {r.season for r in fixtures.of(m.home or "", m.away or "") if (r.date or "") >= since}
            options = [
                one
                for season in sorted(seasons)
                if (
                    one := link_match(link.article_id, link.position, m, fixtures, None, {season}, venue_club)
                )
                is not None
                and one.status == "linked"
                and (one.fixture.date or "") >= since
            ]
            if len(options) == 1:
                link = options[0]
                link.reason = (
                    f"same clubs and score; the only fitting fixture from {since} on: the article states "
                    f"{floor} as past, so it was written after it"
                )
        out.append(link)
    return out


def _gazetteer_venue_club(venue: str) -> str | None:
    from touchline.linking.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    stadium = gaz.stadium(venue)
    return gaz.stadium_club.get(stadium) if stadium else None


def relink(
    store: Store,
    facts: Iterable[ArticleFacts] | None = None,
    fixtures: FixtureIndex | None = None,
) -> int:
    """Recompute and store the ledger links of ``facts`` (every stored article when None). Returns the
    number of links written. A no-op without reference results."""
    index = fixtures if fixtures is not None else FixtureIndex(store.results())
    if not index:
        return 0
    full = facts is None
    if facts is None:  # read everything before writing (only what linking needs: no bodies)
        facts = [
            ArticleFacts(
                Article(f.article.id, f.article.source, f.article.published, ""), f.matches, roles=f.roles
            )
            for f in store.iter_facts()
            if any(m.status == "played" for m in f.matches)
        ]
    written = 0
    batch: list[ArticleFacts] = []

    def flush() -> None:
        nonlocal written
        links = [link for f in batch for link in link_article(f, index)]
        store.replace_ledger_links([f.article.id for f in batch], links)
        written += len(links)
        batch.clear()

    for f in facts:
        batch.append(f)
        if len(batch) >= RELINK_BATCH:
            flush()
    if batch:
        flush()
    if full:
        from touchline.linking.ledger_seasons import settle

        settle(store, index)
    return written


def inferred_windows(links: Sequence[LedgerLink], undated: set[str]) -> dict[str, LedgerLink]:
    """For each undated article, its latest linked match: the article was published on or after it."""
    out: dict[str, LedgerLink] = {}
    for link in links:
        if link.status != "linked" or link.article_id not in undated or not link.fixture.date:
            continue
        best = out.get(link.article_id)
        if best is None or (link.fixture.date or "") > (best.fixture.date or ""):
            out[link.article_id] = link
    return out
