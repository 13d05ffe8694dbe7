"""Extraction engines for ``touchline ingest``: where the NLP runs while the loader reads and writes.

The loader (``touchline.store.loader.ingest``) keeps reading, the stored-id check and the batched
writes in the calling process. An engine turns the stream of fresh batches into a stream of
extracted batches, in the same order:

* in-process (the loader's default): one extractor in this process;
* ``local``: N worker processes on this machine (:mod:`touchline.engine.local`);
* ``ray``: a Ray Data pipeline, on a local Ray instance or a cluster (:mod:`touchline.engine.ray_engine`).

Errors in one article are recorded as ``(source, problem)`` and never stop the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from touchline.errors import TouchlineError
from touchline.models import Article, ArticleFacts

if TYPE_CHECKING:
    from touchline.store.loader import IngestReport

ENGINES = ("local", "ray")


class Engine(Protocol):
    def extract_batches(
        self, batches: Iterable[list[Article]], report: IngestReport
    ) -> Iterator[list[ArticleFacts]]:
        """One list of facts per input batch, in input order; failures go to ``report.failed``."""
        ...


Failure = tuple[str, str]  # (source, problem)


class ExtractorLike(Protocol):
    """What an engine needs from an extractor (``touchline.nlp.pipeline.Extractor``)."""

    def extract(self, article: Article) -> ArticleFacts: ...

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleFacts]: ...


def extract_safely(
    extractor: ExtractorLike, batch: Sequence[Article]
) -> tuple[list[ArticleFacts], list[Failure]]:
    """Extract a batch with one batched model pass; if anything fails, redo it article by article so
    only the articles that fail are lost."""
    try:
        return list(extractor.extract_many(batch, batch_size=len(batch))), []
    except Exception:
        facts: list[ArticleFacts] = []
        failed: list[Failure] = []
        for art in batch:
            try:
                facts.append(extractor.extract(art))
            except Exception as exc:
                failed.append((art.source, f"extraction failed: {type(exc).__name__}: {exc}"))
        return facts, failed


def available_cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def make_engine(name: str | None, workers: int | None) -> Engine | None:
    """The engine for the CLI options: ``None`` means extract in this process. ``local`` without a
    worker count uses one worker per available core."""
    if name == "ray":
        from touchline.engine.ray_engine import RayEngine

        return RayEngine(workers=workers or 2)
    if name not in (None, "local"):
        raise TouchlineError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")
    if name == "local" and workers is None:
        workers = available_cores()
    if workers is None or workers < 1:
        return None
    from touchline.engine.local import LocalEngine

    return LocalEngine(workers)


__all__ = [
    "ENGINES",
    "Engine",
    "ExtractorLike",
    "Failure",
    "available_cores",
    "extract_safely",
    "make_engine",
]
