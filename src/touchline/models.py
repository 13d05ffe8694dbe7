"""Plain typed records that cross stages. Each serialises to the shapes in spec/CONTRACT.md."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """Character offsets into ``Article.body``; ``body[start:end] == text`` always holds."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, body: str, start: int, end: int) -> Evidence:
        return cls(start, end, body[start:end])


@dataclass
class Article:
    id: str
    source: str
    published: str | None
    body: str
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "published": self.published,
            "body": self.body,
        }
        if self.title:
            d["title"] = self.title
        return d


@dataclass
class Goal:
    scorer: str
    team: str | None = None
    minute: int | None = None
    added: int | None = None
    period: str | None = None  # first_half | second_half | extra_time
    kind: str | None = None  # header | penalty | own_goal | free_kick
    assist: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class LineupEntry:
    name: str
    starter: bool = True
    subbed_off: int | None = None
    subbed_on: int | None = None
    captain: bool = False


@dataclass
class Card:
    person: str
    team: str | None = None
    minute: int | None = None
    colour: str = "yellow"
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Match:
    home: str | None
    away: str | None
    home_score: int | None = None
    away_score: int | None = None
    status: str = "unknown"  # played | scheduled | unknown
    result: str | None = None  # home_win | away_win | draw
    date: str | None = None
    competition: str | None = None
    round: str | None = None
    venue: str | None = None
    goals: list[Goal] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # e.g. "order_as_given" when home/away is not known
    half_time: tuple[int, int] | None = None
    penalties: tuple[int, int] | None = None
    lineups: dict[str, list[LineupEntry]] | None = None
    cards: list[Card] | None = None
    referee: str | None = None
    attendance: int | None = None

    def compute_result(self) -> None:
        if self.home_score is None or self.away_score is None:
            return
        if self.home_score > self.away_score:
            self.result = "home_win"
        elif self.home_score < self.away_score:
            self.result = "away_win"
        else:
            self.result = "draw"


@dataclass
class Person:
    name: str
    team: str | None = None
    mentions: list[Evidence] = field(default_factory=list)


@dataclass
class Role:
    person: str
    role: str
    club: str | None
    event: str = "holds"  # holds | appointed | sacked | resigned | left | joined
    as_of: str | None = None
    start: str | None = None
    end: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Quote:
    speaker: str | None
    text: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Claim:
    kind: str  # position | points | relegated | promoted | eliminated | record | other
    subject: str
    value: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ArticleFacts:
    """Everything one article says: the contract object."""

    article: Article
    matches: list[Match] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sport: str = "football"  # what the article is about (touchline.nlp.sport); other sports yield no facts
    # None: extracted. Otherwise why it was not ("too complex, not extracted (...)"): the facts are
    # empty and the store keeps the article with this status (articles.extraction) for a later run.
    status: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "sport": self.sport,
            "matches": [_match_dict(m) for m in self.matches],
            "people": [asdict(p) for p in self.people],
            "roles": [asdict(r) for r in self.roles],
            "quotes": [asdict(q) for q in self.quotes],
            "claims": [asdict(c) for c in self.claims],
        }


_OPTIONAL_MATCH_KEYS = ("lineups", "cards", "referee", "attendance", "half_time", "penalties")


def _match_dict(m: Match) -> dict[str, Any]:
    d = asdict(m)
    for key in _OPTIONAL_MATCH_KEYS:
        if d.get(key) is None:
            d.pop(key, None)
    for key in ("half_time", "penalties"):
        if key in d:
            d[key] = list(d[key])
    return d


def evidence_from_dict(d: dict[str, Any]) -> Evidence:
    return Evidence(int(d["start"]), int(d["end"]), str(d["text"]))


def facts_from_dict(d: dict[str, Any]) -> ArticleFacts:
    """Inverse of ``ArticleFacts.to_dict`` (used by the store and the API)."""
    a = d["article"]
    art = Article(a["id"], a["source"], a.get("published"), a["body"], a.get("title"))

    def evs(x: dict[str, Any]) -> list[Evidence]:
        return [evidence_from_dict(e) for e in x.get("evidence") or []]

    matches = []
    for m in d.get("matches", []):
        goals = [
            Goal(
                g["scorer"],
                g.get("team"),
                g.get("minute"),
                g.get("added"),
                g.get("period"),
                g.get("kind"),
                g.get("assist"),
                evs(g),
            )
            for g in m.get("goals", [])
        ]
        lineups = None
        if m.get("lineups") is not None:
            lineups = {side: [LineupEntry(**e) for e in entries] for side, entries in m["lineups"].items()}
        cards = None
        if m.get("cards") is not None:
            cards = [
                Card(c["person"], c.get("team"), c.get("minute"), c.get("colour", "yellow"), evs(c))
                for c in m["cards"]
            ]
        matches.append(
            Match(
                m.get("home"),
                m.get("away"),
                m.get("home_score"),
                m.get("away_score"),
                m.get("status", "unknown"),
                m.get("result"),
                m.get("date"),
                m.get("competition"),
                m.get("round"),
                m.get("venue"),
                goals,
                evs(m),
                list(m.get("warnings", [])),
                list(m.get("flags", [])),
                tuple(m["half_time"]) if m.get("half_time") else None,  # type: ignore[arg-type]
                tuple(m["penalties"]) if m.get("penalties") else None,  # type: ignore[arg-type]
                lineups,
                cards,
                m.get("referee"),
                m.get("attendance"),
            )
        )
    people = [
        Person(p["name"], p.get("team"), [evidence_from_dict(e) for e in p.get("mentions", [])])
        for p in d.get("people", [])
    ]
    roles = [
        Role(
            r["person"],
            r["role"],
            r.get("club"),
            r.get("event", "holds"),
            r.get("as_of"),
            r.get("start"),
            r.get("end"),
            evs(r),
        )
        for r in d.get("roles", [])
    ]
    quotes = [Quote(q.get("speaker"), q["text"], evs(q)) for q in d.get("quotes", [])]
    claims = [Claim(c["kind"], c["subject"], str(c["value"]), evs(c)) for c in d.get("claims", [])]
    return ArticleFacts(art, matches, people, roles, quotes, claims, str(d.get("sport") or "football"))
