"""Typed results of knowledge-base queries. Every answer carries the evidence (article id + offsets) it used."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from touchline.models import Evidence
from touchline.store.base import LedgerLink, SourceRef


@dataclass(frozen=True)
class Cite:
    """A piece of evidence: ``article.body[start:end] == text`` in the article ``article_id``."""

    article_id: str
    published: str | None
    source: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, ref: SourceRef, ev: Evidence) -> Cite:
        return cls(ref.article_id, ref.published, ref.source, ev.start, ev.end, ev.text)


def cites(ref: SourceRef, evs: list[Evidence]) -> list[Cite]:
    return [Cite.of(ref, e) for e in evs]


@dataclass
class SourcedValue:
    value: Any
    sources: list[SourceRef]


@dataclass
class Conflict:
    """Sources disagree on ``field``: every value with its sources, the value chosen and the rule that chose it."""

    field: str
    values: list[SourcedValue]
    chosen: Any
    rule: str


@dataclass
class MergedGoal:
    scorer: str
    team: str | None
    minute: int | None
    added: int | None
    kind: str | None
    sources: list[SourceRef] = field(default_factory=list)
    evidence: list[Cite] = field(default_factory=list)


@dataclass
class MergedLineupEntry:
    """One player on a team sheet: starter or substitute, minutes on/off, captain."""

    name: str
    starter: bool = True
    subbed_on: int | None = None
    subbed_off: int | None = None
    captain: bool = False

    def describe(self) -> str:
        marks = [m for m in ("capt" if self.captain else "",) if m]
        if self.subbed_on is not None:
            marks.append(f"on {self.subbed_on}'")
        if self.subbed_off is not None:
            marks.append(f"off {self.subbed_off}'")
        return self.name + (f" ({', '.join(marks)})" if marks else "")


@dataclass
class MergedCard:
    person: str
    team: str | None
    minute: int | None
    colour: str
    sources: list[SourceRef] = field(default_factory=list)
    evidence: list[Cite] = field(default_factory=list)


@dataclass
class MergedMatch:
    """One real match, merged from every article that mentions it.

    ``lineups`` is keyed ``"home"``/``"away"`` as oriented in this merged match (the fullest team sheet
    the sources give for each side); ``lineup_sources`` names the article each side was taken from.
    """

    id: str
    home: str
    away: str
    home_score: int | None
    away_score: int | None
    status: str
    date: str | None
    competition: str | None
    round: str | None
    venue: str | None
    goals: list[MergedGoal]
    sources: list[SourceRef]
    evidence: list[Cite]
    conflicts: list[Conflict] = field(default_factory=list)
    score_rule: str | None = None  # which rule chose the score when sources disagreed
    lineups: dict[str, list[MergedLineupEntry]] | None = None
    lineup_sources: dict[str, SourceRef] = field(default_factory=dict)
    cards: list[MergedCard] = field(default_factory=list)
    referee: str | None = None
    attendance: int | None = None
    # "text" (a report states it) | "ledger" (the linked fixture's date) | "inferred" (a date phrase of
    # an undated report resolved against the publication window the ledger infers for its article)
    date_source: str | None = None
    ledger: LedgerLink | None = None  # the reference result this match reports (or contradicts)
    id_key: str = ""  # what the id is a hash of: the fixture key, or clubs + date + first report
    fact_ids: list[int] = field(default_factory=list)  # the stored match rows merged into this match

    def side_of(self, club: str) -> str | None:
        return "home" if club == self.home else "away" if club == self.away else None

    def lineup(self, club_or_side: str) -> list[MergedLineupEntry]:
        """The team sheet of ``club_or_side`` (a club of this match, or "home"/"away"); empty when unknown."""
        side = club_or_side if club_or_side in ("home", "away") else self.side_of(club_or_side)
        return list((self.lineups or {}).get(side or "", []))

    @property
    def score(self) -> str | None:
        if self.home_score is None or self.away_score is None:
            return None
        return f"{self.home_score}-{self.away_score}"

    @property
    def article_ids(self) -> list[str]:
        return [s.article_id for s in self.sources]

    def label(self) -> str:
        middle = f" {self.score} " if self.score else " v "
        return f"{self.home}{middle}{self.away}" + (f" ({self.date})" if self.date else "")


@dataclass
class PersonEntity:
    name: str
    clubs: list[str]
    article_ids: list[str]
    mentions: int
    first_seen: str | None
    last_seen: str | None
    aliases: list[str] = field(default_factory=list)
    evidence: list[Cite] = field(default_factory=list)


@dataclass
class Tenure:
    """A person in a role at a club over an interval.

    ``start``/``end`` are dates stated by a source (appointed on / left on), or bounds inferred from the
    dates of the reports: ``start_exact=False`` means "on or before ``start``" is unknown and ``start`` is
    the earliest report; ``end_exact=False`` with an ``end`` means "left on or before ``end``".
    """

    person: str
    club: str
    role: str
    start: str | None
    start_exact: bool
    end: str | None
    end_exact: bool
    first_seen: str | None
    last_seen: str | None
    events: list[str] = field(default_factory=list)
    evidence: list[Cite] = field(default_factory=list)

    def describe(self) -> str:
        start = (
            self.start
            if self.start_exact and self.start
            else f"by {self.first_seen}"
            if self.first_seen
            else "?"
        )
        if self.end:
            end = self.end if self.end_exact else f"by {self.end}"
        else:
            end = f"still in post at last report {self.last_seen}" if self.last_seen else "?"
        return f"{self.person}, {self.role.replace('_', ' ')} of {self.club}: {start} to {end}"


@dataclass
class StandingRow:
    position: int
    club: str
    played: int = 0
    won: int = 0
    drawn: int = 0
    lost: int = 0
    goals_for: int = 0
    goals_against: int = 0
    points: int = 0

    @property
    def goal_difference(self) -> int:
        return self.goals_for - self.goals_against


@dataclass
class Table:
    competition: str
    season: str
    as_of: str | None
    rows: list[StandingRow]
    ledger_source: str  # "reference results" | "article reports"
    tiebreakers: list[str]
    matches: int

    def row(self, club: str) -> StandingRow | None:
        return next((r for r in self.rows if r.club == club), None)


@dataclass
class CheckResult:
    kind: str  # claim | match | goals
    subject: str
    statement: str
    status: str  # confirmed | contradicted | unverifiable
    reason: str
    evidence: list[Cite] = field(default_factory=list)
    contradicting_source: str | None = None


@dataclass
class Answer:
    question: str
    kind: str
    text: str
    known: bool
    evidence: list[Cite] = field(default_factory=list)
    data: Any = None

    @property
    def article_ids(self) -> list[str]:
        seen: list[str] = []
        for c in self.evidence:
            if c.article_id not in seen:
                seen.append(c.article_id)
        return seen


@dataclass
class Hit:
    kind: str  # article | quote
    article_id: str
    published: str | None
    source: str
    rank: float
    snippet: str
    evidence: list[Cite] = field(default_factory=list)
    title: str | None = None  # the article's title, else its first line
    also_in: list[str] = field(default_factory=list)  # near-duplicate articles with the same hit


@dataclass
class SearchPage:
    """One page of collapsed search hits and the true number of them (``total``)."""

    query: str
    total: int
    offset: int
    limit: int
    hits: list[Hit]
    capped: bool = False  # more rows matched than a search reads (SEARCH_CAP): total is a lower bound


def to_jsonable(obj: Any) -> Any:
    """Dataclasses (with properties such as ``score``) → plain JSON-ready values."""
    if hasattr(obj, "__dataclass_fields__"):
        d = asdict(obj)
        for name in ("score", "goal_difference", "article_ids"):
            if hasattr(type(obj), name) and isinstance(getattr(type(obj), name), property):
                d[name] = getattr(obj, name)
        return d
    if isinstance(obj, list | tuple):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    return obj
