"""The storage interface. SQLite implements it (``store/sqlite.py``); a PostgreSQL backend can later.

Everything that crosses this boundary is a typed record: contract objects (``ArticleFacts`` and the
records in ``touchline.models``) wrapped in ``FactRecord`` with the article they came from, reference
results as ``ResultRecord`` and full-text hits as ``SearchHit``. The query layer (``touchline.query``)
only talks to this interface, never to SQL.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Generic, TypeVar

from touchline.models import Article, ArticleFacts, Claim, Evidence, Match, Person, Quote, Role

T = TypeVar("T")


@dataclass(frozen=True)
class SourceRef:
    """Where a fact came from: the article id, its publication date and its source (path or URL)."""

    article_id: str
    published: str | None
    source: str


@dataclass
class FactRecord(Generic[T]):
    """One stored fact of type ``T`` (Match, Role, Quote, Claim, Person) and the article it came from."""

    fact_id: int
    ref: SourceRef
    fact: T


@dataclass
class ResultRecord:
    """A reference result (e.g. imported from openfootball): official, not extracted from articles.

    ``home_score``/``away_score`` are the final score (after extra time when played);
    ``full_time`` is the 90-minute score when it differs, ``penalties`` the shoot-out.
    ``stage`` is "regular" for league rounds, otherwise e.g. "playoffs".
    """

    competition: str
    season: str
    date: str | None
    home: str
    away: str
    home_score: int
    away_score: int
    round: str | None = None
    stage: str = "regular"
    half_time: tuple[int, int] | None = None
    full_time: tuple[int, int] | None = None
    extra_time: bool = False
    penalties: tuple[int, int] | None = None
    source: str = ""


@dataclass
class LedgerLink:
    """An extracted match (``position`` within its article) tied to a reference result (``fixture``).

    ``status``: linked (the one fixture that fits), contradicted (no candidate fits: ``fixture`` is the
    one it disagrees with) or ambiguous (several fit: ``fixture`` is the first). ``candidates`` counts
    the fixtures of the two clubs in the match's window; ``reason`` says why, ``evidence`` where the
    article states the match. ``match_id`` is the stored match row (set when read back).
    """

    article_id: str
    position: int
    status: str
    fixture: ResultRecord
    candidates: int
    reason: str
    evidence: list[Evidence] = field(default_factory=list)
    match_id: int | None = None
    published: str | None = None  # the article's publication date (set when read back)


@dataclass
class SearchHit:
    """A full-text hit: an article body or a quote, ranked by BM25 (lower rank = better)."""

    kind: str  # article | quote
    ref: SourceRef
    rank: float
    snippet: str
    fact_id: int | None = None
    evidence: list[Evidence] = field(default_factory=list)
    row_id: int | None = None  # the search row (to fetch its snippet later)
    text: str | None = None  # a quote's text (from ``search_all``, to group repeated quotes)


@dataclass(frozen=True)
class ArticleInfo:
    """An article without its body: what an index of articles shows (``opening`` = the body's first
    characters, for a title when the article has none)."""

    id: str
    published: str | None
    source: str
    title: str | None
    opening: str


@dataclass
class BatchResult:
    stored: int = 0
    skipped: int = 0  # already in the store
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, problem): refused records


class Store(ABC):
    """A knowledge-base store. Writes are batched: one transaction per ``add_batch`` call."""

    url: str
    read_only: str | None = None  # why the store can only be read (None: writes are possible)

    def data_version(self) -> object:
        """A cheap token that changes when another process commits writes to the store, so a long-running
        reader (``touchline serve``) knows when to drop its cached views. None: never changes."""
        return None

    # ---- lifecycle -----------------------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @abstractmethod
    def schema_version(self) -> int: ...

    # ---- articles and their facts --------------------------------------------------------
    @abstractmethod
    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored."""

    @abstractmethod
    def add_batch(self, batch: Sequence[ArticleFacts]) -> BatchResult:
        """Store the articles and all their facts in one transaction. An article whose record the
        store refuses (a value it cannot hold) is left out and listed in ``BatchResult.failed``;
        the others commit. Any other failure rolls the whole batch back and raises StoreError."""

    @abstractmethod
    def article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def facts(self, article_id: str) -> ArticleFacts | None:
        """The contract object stored for an article (lossless round trip)."""

    @abstractmethod
    def iter_facts(self) -> Iterator[ArticleFacts]: ...

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Row counts per kind: articles, matches, goals, people, roles, quotes, claims, evidence, results."""

    @abstractmethod
    def find_article_ids(self, prefix: str) -> list[str]:
        """Article ids starting with ``prefix`` (so users can type the first few characters)."""

    def article_index(self) -> list[ArticleInfo]:
        """Every stored article without its body (SQL stores read it in one query)."""
        out = []
        for aid in self.find_article_ids(""):
            art = self.article(aid)
            if art is not None:
                out.append(ArticleInfo(art.id, art.published, art.source, art.title, art.body[:200]))
        return out

    # ---- facts by kind -------------------------------------------------------------------
    @abstractmethod
    def matches(self, club: str | None = None) -> list[FactRecord[Match]]: ...

    @abstractmethod
    def people(self, name: str | None = None) -> list[FactRecord[Person]]: ...

    @abstractmethod
    def roles(self, club: str | None = None, person: str | None = None) -> list[FactRecord[Role]]: ...

    @abstractmethod
    def quotes(self, speaker: str | None = None) -> list[FactRecord[Quote]]: ...

    @abstractmethod
    def claims(self) -> list[FactRecord[Claim]]: ...

    @abstractmethod
    def article_ids_about(
        self, club: str | None = None, person: str | None = None, competition: str | None = None
    ) -> set[str]:
        """Articles whose facts name the club / person / competition (all given filters must hold)."""

    # ---- reference results ---------------------------------------------------------------
    @abstractmethod
    def add_results(self, results: Sequence[ResultRecord]) -> int:
        """Insert or replace reference results (key: competition, season, date, home, away)."""

    @abstractmethod
    def results(
        self, competition: str | None = None, season: str | None = None, club: str | None = None
    ) -> list[ResultRecord]: ...

    # ---- ledger links ----------------------------------------------------------------------
    @abstractmethod
    def replace_ledger_links(self, article_ids: Sequence[str], links: Sequence[LedgerLink]) -> None:
        """Replace the ledger links of ``article_ids`` by ``links`` (one transaction)."""

    @abstractmethod
    def ledger_links(self, article_ids: Sequence[str] | None = None) -> list[LedgerLink]:
        """Stored ledger links (of the given articles, or all), with their evidence."""

    # ---- search --------------------------------------------------------------------------
    @abstractmethod
    def search(
        self,
        query: str,
        *,
        kinds: Sequence[str] = ("article", "quote"),
        date_from: str | None = None,
        date_to: str | None = None,
        article_ids: set[str] | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """Full-text search (BM25) over article bodies and quotes, with date and article filters: the
        ``limit`` best hits with their snippets (and, for quotes, their evidence).

        ``"own goal"`` in double quotes is an exact phrase (see ``store/text_query.py``)."""

    @abstractmethod
    def search_all(
        self,
        query: str,
        *,
        kinds: Sequence[str] = ("article", "quote"),
        date_from: str | None = None,
        date_to: str | None = None,
        article_ids: set[str] | None = None,
        cap: int = 100_000,
    ) -> list[SearchHit]:
        """Every hit (at most ``cap``), best first, without snippets: cheap enough to count and
        group all of them; ``fill_snippets`` completes the ones shown."""

    @abstractmethod
    def fill_snippets(self, query: str, hits: Sequence[SearchHit]) -> None:
        """Set the snippet (and, for quotes, the evidence) of each of ``hits`` (from ``search_all``)."""

    @abstractmethod
    def articles(self, ids: Sequence[str]) -> dict[str, Article]:
        """The stored articles among ``ids``, by id (one query per few hundred ids)."""
