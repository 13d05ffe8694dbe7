"""A synthetic knowledge base for query benchmarks: ArticleFacts generated from a seeded random world.

No extraction runs: the facts are built directly, with evidence offsets into generated bodies
(``body[start:end] == text`` holds). The world has real club names from the gazetteer in four
invented divisions over thirty seasons, made-up players and managers with dated tenures, and
fixtures with goals. Match reports (one to three per fixture) give a match, its goals, people,
role sightings, a quote and sometimes a table claim; managerial changes get their own articles.
About ten facts per article.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from touchline.ingest.readers import article_id
from touchline.linking.gazetteer import default_gazetteer
from touchline.models import Article, ArticleFacts, Claim, Evidence, Goal, Match, Person, Quote, Role

DIVISIONS = ("Premier League", "Championship", "League One", "League Two")
CLUBS_PER_DIVISION = 20
FIRST_SEASON, LAST_SEASON = 1995, 2024  # season 1995-96 … 2024-25
FIRST: tuple[str, ...] = (
    "Adam",
    "Ben",
    "Callum",
    "Dean",
    "Elliot",
    "Finn",
    "Gavin",
    "Harry",
    "Isaac",
    "Jonah",
    "Kieran",
)
FIRST += ("Liam", "Marcus", "Nathan", "Owen", "Paddy", "Reece", "Sam", "Tyler", "Wes", "Yusuf", "Zac")
SYLLABLE: tuple[str, ...] = (
    "Ash",
    "Brack",
    "Cal",
    "Dun",
    "Fen",
    "Gar",
    "Hol",
    "Kes",
    "Lan",
    "Mor",
    "Pen",
    "Rad",
    "Sel",
)
SYLLABLE += ("Tor", "Wyn", "Ober", "Quil", "Strat")
ENDING = ("by", "ford", "ley", "ton", "wick", "more", "field", "well", "ham", "son", "gate", "dale")
TOPICS = {
    "the second half": "The second half was much better and the lads showed real character.",
    "the referee": "I thought the referee had a difficult afternoon but we move on.",
    "the injuries": "The injuries have hurt us, we are missing three starters at the moment.",
    "the fans": "The fans were magnificent today, they pushed us over the line.",
    "the table": "We do not look at the table yet, there is a long way to go.",
    "the penalty": "It was a clear penalty for me, everybody in the ground saw it.",
    "the transfer window": "We will look at the transfer window, but I am happy with this group.",
    "the pitch": "The pitch was heavy and it made passing very difficult for both sides.",
}
FILLER = (
    "Rain fell steadily throughout the evening and the crowd stayed loud.",
    "A stoppage time winner looked possible until the final whistle.",
    "The visitors celebrated a rare clean sheet in front of a travelling support.",
    "A header from a corner almost changed the game just before the break.",
    "Both goalkeepers made important saves in a frantic opening spell.",
    "The attendance was the highest of the season so far.",
    "An early booking for a late challenge set the tone for a scrappy contest.",
)
ORDINAL = ("1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "12th")


@dataclass
class Fixture:
    competition: str
    season: str
    date: dt.date
    home: str
    away: str
    goals: list[tuple[str, str, int]]  # scorer, team, minute

    @property
    def score(self) -> tuple[int, int]:
        return sum(t == self.home for _, t, _ in self.goals), sum(t == self.away for _, t, _ in self.goals)


@dataclass
class Tenure:
    person: str
    club: str
    start: dt.date
    end: dt.date | None


@dataclass
class World:
    clubs: list[str]
    division: dict[str, str]
    venue: dict[str, str]
    squads: dict[str, list[str]]
    tenures: dict[str, list[Tenure]]
    fixtures: list[Fixture] = field(default_factory=list)

    def manager(self, club: str, day: dt.date) -> str:
        for t in self.tenures[club]:
            if t.start <= day and (t.end is None or day < t.end):
                return t.person
        return self.tenures[club][0].person


def build_world(seed: int) -> World:
    rng = random.Random(seed)
    gaz = default_gazetteer()
    pool = sorted(c for c in gaz.all_clubs() if gaz.home_stadium(c) and not gaz.is_national_team(c))
    clubs = rng.sample(pool, len(DIVISIONS) * CLUBS_PER_DIVISION)
    names = iter(rng.sample([f"{f} {s}{e}" for f in FIRST for s in SYLLABLE for e in ENDING], 4000))
    division = {c: DIVISIONS[i // CLUBS_PER_DIVISION] for i, c in enumerate(clubs)}
    venue = {c: gaz.home_stadium(c) or f"{c} Park" for c in clubs}
    squads = {c: [next(names) for _ in range(24)] for c in clubs}
    tenures: dict[str, list[Tenure]] = {}
    end_of_time = dt.date(LAST_SEASON + 1, 6, 30)
    for c in clubs:
        day, spells = dt.date(FIRST_SEASON, 7, 1), []
        while day < end_of_time:
            leave = day + dt.timedelta(days=rng.randint(250, 1600))
            spells.append(Tenure(next(names), c, day, leave if leave < end_of_time else None))
            day = leave + dt.timedelta(days=rng.randint(1, 20))
        tenures[c] = spells
    world = World(clubs, division, venue, squads, tenures)
    for year in range(FIRST_SEASON, LAST_SEASON + 1):
        season = f"{year}-{(year + 1) % 100:02d}"
        start = dt.date(year, 8, 10)
        for comp in DIVISIONS:
            members = [c for c in clubs if division[c] == comp]
            for home in members:
                for away in members:
                    if home == away:
                        continue
                    day = start + dt.timedelta(days=rng.randint(0, 270))
                    goals = [
                        (rng.choice(squads[team]), team, rng.randint(1, 90))
                        for team in (home, away)
                        for _ in range(rng.choice((0, 0, 1, 1, 1, 2, 2, 3)))
                    ]
                    goals.sort(key=lambda g: g[2])
                    world.fixtures.append(Fixture(comp, season, day, home, away, goals))
    return world


class _Body:
    """Builds a body sentence by sentence and hands back exact evidence for each piece."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, sentence: str) -> int:
        if self.parts:
            self.parts.append(" ")
            self.length += 1
        at = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        return at

    @staticmethod
    def ev(at: int, sentence: str, piece: str | None = None) -> list[Evidence]:
        offset = at + (sentence.index(piece) if piece else 0)
        text = piece or sentence
        return [Evidence(offset, offset + len(text), text)]

    def text(self) -> str:
        return "".join(self.parts)


def match_report(world: World, f: Fixture, n: int, rng: random.Random) -> ArticleFacts:
    published = (f.date + dt.timedelta(days=rng.randint(0, 2))).isoformat()
    b = _Body()
    hs, as_ = f.score
    if hs > as_:
        s = f"{f.home} beat {f.away} {hs}-{as_} at {world.venue[f.home]} in the {f.competition}."
    elif hs < as_:
        s = f"{f.away} won {as_}-{hs} away at {f.home} in the {f.competition}."
    else:
        s = f"{f.home} and {f.away} drew {hs}-{as_} at {world.venue[f.home]} in the {f.competition}."
    match_ev = b.ev(b.add(s), s)
    goals: list[Goal] = []
    people: dict[str, Person] = {}
    for scorer, team, minute in f.goals:
        s = f"{scorer} scored for {team} after {minute} minutes."
        at = b.add(s)
        goals.append(Goal(scorer, team, minute, evidence=b.ev(at, s)))
        people.setdefault(scorer, Person(scorer, team, [])).mentions.extend(b.ev(at, s, scorer))
    result = "home_win" if hs > as_ else "away_win" if hs < as_ else "draw"
    match = Match(
        f.home,
        f.away,
        hs,
        as_,
        "played",
        result,
        f.date.isoformat(),
        f.competition,
        None,
        world.venue[f.home],
    )
    match.goals, match.evidence = goals, match_ev
    roles, quotes, claims = [], [], []
    boss = world.manager(f.home, f.date)
    topic = rng.choice(list(TOPICS))
    s = f'{boss}, the {f.home} manager, said: "{TOPICS[topic]}"'
    at = b.add(s)
    roles.append(
        Role(
            boss, "manager", f.home, "holds", published, evidence=b.ev(at, s, f"{boss}, the {f.home} manager")
        )
    )
    quotes.append(Quote(boss, TOPICS[topic], b.ev(at, s, TOPICS[topic])))
    people[boss] = Person(boss, f.home, b.ev(at, s, boss))
    if rng.random() < 0.5:
        other = world.manager(f.away, f.date)
        s = f"{other} was in charge of {f.away} for the trip."
        at = b.add(s)
        roles.append(Role(other, "manager", f.away, "holds", published, evidence=b.ev(at, s)))
        people[other] = Person(other, f.away, b.ev(at, s, other))
    if rng.random() < 0.25:
        place = rng.choice(ORDINAL)
        s = f"{f.home} are {place} in the {f.competition} table."
        claims.append(Claim("position", f.home, place.rstrip("stndrh"), b.ev(b.add(s), s)))
    b.add(rng.choice(FILLER))
    b.add(f"Report {n}.")
    body = b.text()
    art = Article(article_id(body), f"synthetic/{n}.txt", published, body)
    return ArticleFacts(art, [match], list(people.values()), roles, quotes, claims)


def manager_change(world: World, old: Tenure, new: Tenure, n: int) -> ArticleFacts:
    assert old.end is not None
    b = _Body()
    s1 = f"{old.club} have sacked manager {old.person} after a poor run of results."
    at1 = b.add(s1)
    s2 = f"{new.person} has been appointed as the new {new.club} manager."
    at2 = b.add(s2)
    b.add(f"Report {n}.")
    body = b.text()
    day = old.end.isoformat()
    roles = [
        Role(old.person, "manager", old.club, "sacked", day, None, day, b.ev(at1, s1)),
        Role(new.person, "manager", new.club, "appointed", day, new.start.isoformat(), None, b.ev(at2, s2)),
    ]
    people = [
        Person(old.person, old.club, b.ev(at1, s1, old.person)),
        Person(new.person, new.club, b.ev(at2, s2, new.person)),
    ]
    return ArticleFacts(
        Article(article_id(body), f"synthetic/{n}.txt", day, body), people=people, roles=roles
    )


def fact_count(f: ArticleFacts) -> int:
    goals = sum(len(m.goals) for m in f.matches)
    return len(f.matches) + goals + len(f.people) + len(f.roles) + len(f.quotes) + len(f.claims)


def generate(
    world: World, facts: int, seed: int, reported: list[Fixture], changed: list[Tenure] | None = None
) -> Iterator[ArticleFacts]:
    """Articles until about ``facts`` facts. The fixtures that got a report are appended to ``reported``,
    the tenures whose end got an article to ``changed``."""
    rng = random.Random(seed + 1)
    changes = [(old, new) for spells in world.tenures.values() for old, new in itertools.pairwise(spells)]
    rng.shuffle(changes)
    fixtures = list(world.fixtures)
    rng.shuffle(fixtures)
    total, n, i = 0, 0, 0
    while total < facts:
        if changes and n % 60 == 0:
            old, new = changes.pop()
            item = manager_change(world, old, new, n)
            if changed is not None:
                changed.append(old)
        else:
            f = fixtures[i % len(fixtures)]
            i += 1 if rng.random() < 0.6 else 0  # some fixtures get a second (or third) report
            if not reported or reported[-1] is not f:
                reported.append(f)
            item = match_report(world, f, n, rng)
        n += 1
        total += fact_count(item)
        yield item
