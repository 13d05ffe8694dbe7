"""Stream articles from paths into a store: read → skip stored → extract → one transaction per batch.

An interrupted run leaves only whole articles behind (each batch commits or rolls back as one), and a
re-run skips every article already stored, so ingesting is safe to repeat.

An article over its extraction budget (``touchline.nlp.budget``) comes back with no facts and a
``status``; it is stored all the same (``articles.extraction`` holds the status) and reported at once
with one line through ``notice`` (standard error by default).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from touchline.config import settings
from touchline.errors import InputError
from touchline.models import Article, ArticleFacts
from touchline.store.base import Store

if TYPE_CHECKING:
    from touchline.engine import Engine
    from touchline.nlp.pipeline import Extractor


@dataclass
class IngestReport:
    read: int = 0  # articles read from the inputs
    stored: int = 0  # newly stored
    already_stored: int = 0  # skipped: in the store before this run
    duplicates: int = 0  # skipped: the same article twice in this run's inputs
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, problem)
    too_complex: list[tuple[str, str]] = field(default_factory=list)  # (source, status): stored unextracted
    batches: int = 0

    @property
    def skipped(self) -> int:
        return self.already_stored + self.duplicates

    def summary(self) -> str:
        text = (
            f"read {self.read} article(s): stored {self.stored}, skipped {self.skipped} "
            f"({self.already_stored} already stored, {self.duplicates} duplicate(s)), failed {len(self.failed)}"
        )
        if self.too_complex:
            text += f"; {len(self.too_complex)} stored but not extracted (too complex)"
        return text


def _read(paths: Iterable[str | Path], published: str | None, report: IngestReport) -> Iterator[Article]:
    from touchline.ingest.readers import iter_path

    seen: set[str] = set()
    for p in paths:
        for item in iter_path(Path(p), published):
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
    notice: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest every article under ``paths`` (or the given ``articles``) into ``store``.

    Reading, the stored-id check and writing stay in this process; ``engine`` (see
    ``touchline.engine``) does the extraction, by default here, in one process. ``notice`` gets one
    line per article stored without extraction (over its budget); by default it goes to stderr.
    """
    say = notice or _to_stderr
    report = IngestReport()
    size = max(1, batch_size or settings().batch_size)
    source = _read(paths, published, report) if articles is None else _count(articles, report)
    fresh = _fresh_batches(store, source, size, report, progress)
    run = engine.extract_batches if engine is not None else _Serial(extractor).extract_batches
    for facts in run(fresh, report):
        for f in facts:
            if f.status is not None:
                report.too_complex.append((f.article.source, f.status))
                say(f"touchline: {f.article.source}: {f.status}; stored for later re-extraction")
        if facts:
            result = store.add_batch(facts)
            report.stored += result.stored
            report.already_stored += result.skipped
            report.batches += 1
        if progress:
            progress(report)
    return report


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


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
