"""Pydantic response models: what every endpoint returns, as documented in ``/openapi.json``.

Every fact carries ``evidence``: a list of spans, each with the article id and the character offsets
such that ``article.body[start:end] == text``. Models read the query layer's dataclasses directly
(``from_attributes``), so computed properties such as ``score`` come along.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

T = TypeVar("T")


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class EvidenceOut(Out):
    """A supporting span: ``body[start:end] == text`` in article ``article_id``."""

    article_id: str
    published: str | None = None
    source: str = ""
    start: int
    end: int
    text: str


class SourceOut(Out):
    article_id: str
    published: str | None = None
    source: str = ""


class Paged(BaseModel, Generic[T]):
    """One page of results: ``items`` are ``total`` results from ``offset``, at most ``limit`` of them."""

    total: int
    limit: int
    offset: int
    items: list[T]


class ErrorOut(BaseModel):
    error: str
    detail: Any = None


class Health(BaseModel):
    status: str
    version: str
    articles: int
    writes_enabled: bool


# ---- articles ------------------------------------------------------------------------------
class ArticleSummary(BaseModel):
    id: str
    source: str
    published: str | None = None
    title: str | None = None
    length: int = Field(description="body length in characters")


class GoalFact(BaseModel):
    scorer: str
    team: str | None = None
    minute: int | None = None
    added: int | None = None
    kind: str | None = None
    evidence: list[EvidenceOut] = []


class MatchFact(BaseModel):
    home: str | None = None
    away: str | None = None
    home_score: int | None = None
    away_score: int | None = None
    status: str
    date: str | None = None
    competition: str | None = None
    venue: str | None = None
    goals: list[GoalFact] = []
    evidence: list[EvidenceOut] = []


class PersonFact(BaseModel):
    name: str
    team: str | None = None
    evidence: list[EvidenceOut] = []


class RoleFact(BaseModel):
    person: str
    role: str
    club: str | None = None
    event: str
    as_of: str | None = None
    start: str | None = None
    end: str | None = None
    evidence: list[EvidenceOut] = []


class QuoteOut(BaseModel):
    speaker: str | None = None
    text: str
    article_id: str
    published: str | None = None
    source: str = ""
    evidence: list[EvidenceOut] = []


class ClaimFact(BaseModel):
    kind: str
    subject: str
    value: str
    evidence: list[EvidenceOut] = []


class ArticleDetail(ArticleSummary):
    body: str
    matches: list[MatchFact] = []
    people: list[PersonFact] = []
    roles: list[RoleFact] = []
    quotes: list[QuoteOut] = []
    claims: list[ClaimFact] = []


# ---- merged views --------------------------------------------------------------------------
class SourcedValueOut(Out):
    value: Any = None
    sources: list[SourceOut]


class ConflictOut(Out):
    field: str
    values: list[SourcedValueOut]
    chosen: Any = None
    rule: str


class MergedGoalOut(Out):
    scorer: str
    team: str | None = None
    minute: int | None = None
    added: int | None = None
    kind: str | None = None
    sources: list[SourceOut] = []
    evidence: list[EvidenceOut] = []


class FixtureOut(Out):
    """A reference result (the results ledger's fixture)."""

    competition: str
    season: str
    date: str | None = None
    home: str
    away: str
    home_score: int
    away_score: int


class LedgerLinkOut(Out):
    """The reference result a match reports (linked), disagrees with (contradicted), or one of several
    it fits (ambiguous), with the reason."""

    status: str
    fixture: FixtureOut
    reason: str


class MatchOut(Out):
    """One real match merged from every article that reports it; ``conflicts`` lists disagreements."""

    id: str
    home: str
    away: str
    home_score: int | None = None
    away_score: int | None = None
    score: str | None = None
    status: str
    date: str | None = None
    competition: str | None = None
    round: str | None = None
    venue: str | None = None
    goals: list[MergedGoalOut] = []
    sources: list[SourceOut] = []
    evidence: list[EvidenceOut] = []
    conflicts: list[ConflictOut] = []
    score_rule: str | None = None
    date_source: str | None = None  # text | ledger | inferred
    ledger: LedgerLinkOut | None = None


class TenureOut(Out):
    person: str
    club: str
    role: str
    start: str | None = None
    start_exact: bool
    end: str | None = None
    end_exact: bool
    first_seen: str | None = None
    last_seen: str | None = None
    events: list[str] = []
    evidence: list[EvidenceOut] = []


class PersonOut(Out):
    name: str
    clubs: list[str] = []
    article_ids: list[str] = []
    mentions: int
    first_seen: str | None = None
    last_seen: str | None = None
    aliases: list[str] = []
    evidence: list[EvidenceOut] = []


class PersonDetail(PersonOut):
    tenures: list[TenureOut] = []
    quotes: list[QuoteOut] = []


class ClubSummary(BaseModel):
    name: str
    matches: int


class ClubDetail(BaseModel):
    name: str
    matches_total: int
    quotes_total: int
    matches: list[MatchOut]
    tenures: list[TenureOut]
    quotes: list[QuoteOut]


# ---- queries -------------------------------------------------------------------------------
class HitOut(Out):
    kind: str
    article_id: str
    published: str | None = None
    source: str = ""
    title: str | None = Field(None, description="the article's title, else its first line")
    rank: float
    snippet: str
    evidence: list[EvidenceOut] = []
    also_in: list[str] = Field(
        [], description="near-duplicate articles (or other articles with the same quote) folded into this hit"
    )


class StandingRowOut(Out):
    position: int
    club: str
    played: int
    won: int
    drawn: int
    lost: int
    goals_for: int
    goals_against: int
    goal_difference: int
    points: int


class TableOut(Out):
    competition: str
    season: str
    as_of: str | None = None
    rows: list[StandingRowOut]
    ledger_source: str
    tiebreakers: list[str]
    matches: int


class CheckOut(Out):
    kind: str
    subject: str
    statement: str
    status: Literal["confirmed", "contradicted", "unverifiable"] | str
    reason: str
    evidence: list[EvidenceOut] = []
    contradicting_source: str | None = None


class AnswerOut(BaseModel):
    question: str
    kind: str
    text: str
    known: bool
    evidence: list[EvidenceOut] = []
    article_ids: list[str] = []
    data: Any = None


# ---- writing -------------------------------------------------------------------------------
class ArticleIn(BaseModel):
    """An article to ingest. ``text`` may be plain text (a ``date YYYY-MM-DD`` first line is honoured) or HTML."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    text: str = Field(min_length=1)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    source: str | None = Field(default=None, max_length=500)
    title: str | None = Field(default=None, max_length=500)

    @field_validator("published")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        return real_date(value)


def real_date(value: str | None) -> str | None:
    """``value`` when it is a calendar date (2024-02-30 is not), else a ValueError."""
    if value is not None:
        date.fromisoformat(value)
    return value


class IngestedArticle(BaseModel):
    id: str
    source: str
    published: str | None = None
    status: Literal["stored", "duplicate", "failed"]
    problem: str | None = None


class IngestOut(BaseModel):
    stored: int
    duplicates: int
    failed: int
    articles: list[IngestedArticle]
