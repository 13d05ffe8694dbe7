"""Stream articles from paths into a store: read → skip stored → extract → one transaction per batch.

An interrupted run leaves only whole articles behind (each batch commits or rolls back as one), and a
re-run skips every article already stored, so ingesting is safe to repeat.

An article over its extraction budget (``touchline.nlp.budget``) comes back with no facts and a
``status``; it is stored all the same (``articles.extraction`` holds the status) and reported at once
as a warning, one line through ``on_problem`` as soon as it is found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from touchline.config import settings
from touchline.errors import InputError, InputWarning, StoreError
from touchline.linking.ledger import FixtureIndex, relink
from touchline.linking.ledger_seasons import settle
from touchline.models import Article, ArticleFacts
from touchline.store.base import Store

if TYPE_CHECKING:
    from touchline.engine import Engine
    from touchline.nlp.pipeline import Extractor


Problem = tuple[str, str]  # (source, problem)


class Problems(list[Problem]):
    """A list of (source, problem) that hands each new entry to ``listener`` as it is added, so a
    problem is printed when it happens, not at the end of the run (engines ``append``/``extend``)."""

    listener: Callable[[str, str], None] | None = None

    def append(self, item: Problem) -> None:
        super().append(item)
        if self.listener is not None:
            self.listener(*item)

    def extend(self, items: Iterable[Problem]) -> None:
        for item in items:
            self.append(item)


@dataclass
class IngestReport:
    read: int = 0  # articles read from the inputs
    stored: int = 0  # newly stored
    already_stored: int = 0  # skipped: in the store before this run
    duplicates: int = 0  # skipped: the same article twice in this run's inputs
    failed: Problems = field(default_factory=Problems)  # (source, problem): not stored
    warnings: Problems = field(default_factory=Problems)  # (source, problem): stored anyway
    too_complex: list[tuple[str, str]] = field(default_factory=list)  # (source, status): stored unextracted
    batches: int = 0
    linked: int = 0  # ledger links written (matches tied to a reference result, see linking/ledger.py)

    @property
    def skipped(self) -> int:
        return self.already_stored + self.duplicates

    def listen(self, listener: Callable[[str, str], None] | None) -> None:
        """Call ``listener(source, problem)`` for every failure and warning as it happens."""
        self.failed.listener = listener
        self.warnings.listener = listener

    def summary(self) -> str:
        text = (
            f"read {self.read} article(s): stored {self.stored}, skipped {self.skipped} "
            f"({self.already_stored} already stored, {self.duplicates} duplicate(s)), failed {len(self.failed)}"
        )
        if self.warnings:
            text += f", {len(self.warnings)} warning(s)"
        if self.too_complex:
            text += f"; {len(self.too_complex)} stored but not extracted (too complex)"
        return text


def _read(
    paths: Iterable[str | Path],
    published: str | None,
    report: IngestReport,
    columns: Mapping[str, str] | None = None,
    follow_links: bool = False,
) -> Iterator[Article]:
    from touchline.ingest.readers import iter_path

    seen: set[str] = set()
    for p in paths:
        for item in iter_path(Path(p), published, columns, follow_links=follow_links):
            if isinstance(item, InputWarning):
                report.warnings.append((item.source, item.problem))
                continue
            if isinstance(item, InputError):
                report.failed.append((item.source, item.problem))
                continue
            report.read += 1
            if item.id in seen:
                report.duplicates += 1
                continue
            seen.add(item.id)
            yield item


def _extract(extractor: Extractor, batch: list[Article], report: IngestReport) -> list[ArticleFacts]:
    try:
        return list(extractor.extract_many(batch, batch_size=len(batch)))
    except Exception:
        out = []
        for art in batch:
            try:
                out.append(extractor.extract(art))
            except Exception as exc:
                report.failed.append((art.source, f"extraction failed: {type(exc).__name__}: {exc}"))
        return out


def ingest(
    store: Store,
    paths: Iterable[str | Path] = (),
    *,
    articles: Iterable[Article] | None = None,
    published: str | None = None,
    batch_size: int | None = None,
    extractor: Extractor | None = None,
    progress: Callable[[IngestReport], None] | None = None,
    engine: Engine | None = None,
    columns: Mapping[str, str] | None = None,
    on_problem: Callable[[str, str], None] | None = None,
    follow_links: bool = False,
) -> IngestReport:
    """Ingest every article under ``paths`` (or the given ``articles``) into ``store``.

    Reading, the stored-id check and writing stay in this process; ``engine`` (see
    ``touchline.engine``) does the extraction, by default here, in one process. An article over its
    extraction budget is stored without facts and reported as a warning ("too complex, not extracted").
    ``columns`` names
    the CSV columns of each field (``{"text": "body"}``) where the common names do not fit.

    ``on_problem(source, problem)`` is called for each input that fails (or is read with a warning)
    as soon as it is found. A record the store refuses is reported and skipped; the rest of its batch
    is stored. ``follow_links`` follows symbolic links that leave an ingested folder.
    """
    if store.read_only:  # say so before reading or extracting anything
        raise StoreError(f"{store.url}: the store is read-only ({store.read_only}); nothing was written")
    report = IngestReport()
    report.listen(on_problem)
    size = max(1, batch_size or settings().batch_size)
    source = (
        _read(paths, published, report, columns, follow_links)
        if articles is None
        else _count(articles, report)
    )
    fresh = _fresh_batches(store, source, size, report, progress)
    run = engine.extract_batches if engine is not None else _Serial(extractor).extract_batches
    extracted = run(fresh, report)
    fixtures: FixtureIndex | None = None
    try:
        for batch in extracted:
            facts = _storable(batch, report)
            for f in facts:
                if f.status is not None:  # over its budget: stored for a later re-extraction
                    report.too_complex.append((f.article.source, f.status))
                    report.warnings.append((f.article.source, f"{f.status}; stored for later re-extraction"))
            if facts:
                result = store.add_batch(facts)
                report.stored += result.stored
                report.already_stored += result.skipped
                report.failed.extend(result.failed)
                report.batches += 1
                if fixtures is None:  # the reference results, read once per run
                    fixtures = FixtureIndex(store.results())
                report.linked += relink(store, facts, fixtures)
            if progress:
                progress(report)
    finally:
        # when a write fails or the run is interrupted, the engine stops its workers now, not whenever
        # the generator happens to be garbage-collected
        close = getattr(extracted, "close", None)
        if close is not None:
            close()
    if fixtures:  # ambiguous links: settled once the whole run is stored
        settle(store, fixtures)
    return report


def unstorable(article: Article) -> str | None:
    """Why a store would refuse this article's own fields (any backend), or None. The readers already
    check their input; this guards articles handed to ``ingest`` directly."""
    for name in ("id", "source", "body", "published", "title"):
        value = getattr(article, name)
        if value is None and name in ("published", "title"):
            continue
        if not isinstance(value, str):
            return f"not stored: {name} is {type(value).__name__}, not text"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"not stored: {name} holds a lone surrogate (not valid Unicode)"
        if "\x00" in value:
            return f"not stored: {name} holds a NUL character"
    return None


def _storable(batch: list[ArticleFacts], report: IngestReport) -> list[ArticleFacts]:
    out = []
    for facts in batch:
        problem = unstorable(facts.article)
        if problem:
            report.failed.append(
                (facts.article.source if isinstance(facts.article.source, str) else "?", problem)
            )
        else:
            out.append(facts)
    return out


def _fresh_batches(
    store: Store,
    source: Iterable[Article],
    size: int,
    report: IngestReport,
    progress: Callable[[IngestReport], None] | None,
) -> Iterator[list[Article]]:
    """Batches of articles not in the store yet (checked before any extraction is spent on them)."""
    pending: list[Article] = []

    def fresh() -> list[Article]:
        stored = store.stored_ids(a.id for a in pending)
        out = [a for a in pending if a.id not in stored]
        report.already_stored += len(pending) - len(out)
        pending.clear()
        if not out and progress:
            progress(report)
        return out

    for art in source:
        pending.append(art)
        if len(pending) >= size and (batch := fresh()):
            yield batch
    if pending and (batch := fresh()):
        yield batch


class _Serial:
    """Extraction in this process with one extractor (loaded on the first batch that needs it)."""

    def __init__(self, extractor: Extractor | None) -> None:
        self.extractor = extractor

    def extract_batches(
        self, batches: Iterable[list[Article]], report: IngestReport
    ) -> Iterator[list[ArticleFacts]]:
        for batch in batches:
            if self.extractor is None:
                from touchline.nlp.pipeline import default_extractor

                self.extractor = default_extractor()
            yield _extract(self.extractor, batch, report)


def _count(articles: Iterable[Article], report: IngestReport) -> Iterator[Article]:
    seen: set[str] = set()
    for art in articles:
        report.read += 1
        if art.id in seen:
            report.duplicates += 1
            continue
        seen.add(art.id)
        yield art
