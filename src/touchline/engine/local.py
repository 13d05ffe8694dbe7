"""Extraction in N worker processes on this machine (``touchline ingest --workers N``).

The parent process keeps reading, checking stored ids and writing; each worker process loads the
spaCy pipeline and the gazetteer once (pool initializer) and extracts whole batches. Batches go out
in order and come back in order; at most ``max_pending`` batches are in flight, so memory stays flat
however long the input is.

Workers start with ``forkserver`` where available (else ``spawn``): never a bare ``fork`` of a
process that may hold threads or an open database connection. A worker is replaced after
``max_tasks_per_child`` batches, which bounds the growth of spaCy's string store on long runs.

If a worker process dies (a crash in native code, the OOM killer), the pool is rebuilt and the
batches that were in flight are retried one at a time, so only the batch that kills a worker is
reported as failed.

Shutdown: when the run ends normally the pool is shut down and waited for. When it ends with an
exception (Ctrl-C, SIGTERM turned into an exception by the CLI, a failed write) the workers are
terminated at once instead of finishing their batches. If the main process dies outright (kill -9),
the workers and the forkserver follow within a second (:mod:`touchline.engine.lifeline`).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from touchline.engine import ExtractorLike, Failure, extract_safely
from touchline.engine.lifeline import become_worker
from touchline.models import Article, ArticleFacts

if TYPE_CHECKING:
    from touchline.store.loader import IngestReport

_EXTRACTOR: ExtractorLike | None = None  # one per worker process, set by the initializer
Result = tuple[list[ArticleFacts], list[Failure]]
Factory = Callable[[], ExtractorLike]


def _init_worker(
    factory: Factory | None, model: str | None, disable: tuple[str, ...], main_pid: int | None = None
) -> None:
    global _EXTRACTOR
    if main_pid is not None:
        become_worker(main_pid)
    if factory is not None:
        _EXTRACTOR = factory()
        return
    from touchline.nlp.pipeline import Extractor

    _EXTRACTOR = Extractor(model=model, disable=disable)


def _extract_batch(batch: Sequence[Article]) -> Result:
    if _EXTRACTOR is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("worker process was not initialised")
    return extract_safely(_EXTRACTOR, batch)


def _submit(pool: ProcessPoolExecutor, batch: list[Article]) -> Future[Result]:
    """Submit, or a future holding the error when the pool already broke (handled on collection)."""
    try:
        return pool.submit(_extract_batch, batch)
    except BrokenProcessPool as exc:
        failed: Future[Result] = Future()
        failed.set_exception(exc)
        return failed


def start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


class LocalEngine:
    def __init__(
        self,
        workers: int,
        *,
        model: str | None = None,
        disable: Iterable[str] = (),
        max_pending: int | None = None,
        max_tasks_per_child: int | None = 400,
        method: str | None = None,
        factory: Factory | None = None,
    ) -> None:
        """``factory`` (a picklable, module-level callable) builds each worker's extractor instead of
        the default pipeline; ``model``/``disable`` configure the default one."""
        self.workers = max(1, workers)
        self.factory = factory
        self.model = model
        self.disable = tuple(disable)
        self.max_pending = max_pending or 2 * self.workers + 1
        self.max_tasks_per_child = max_tasks_per_child
        self.method = method or os.environ.get("TOUCHLINE_START_METHOD") or start_method()

    def _pool(self) -> ProcessPoolExecutor:
        if self.method == "forkserver":
            # the worker forks come from a server that already imported the heavy modules
            # (and the guard that makes the forkserver die with this process)
            multiprocessing.set_forkserver_preload(
                ["touchline.engine.forkserver_guard", "touchline.nlp.pipeline"]
            )
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context(self.method),
            initializer=_init_worker,
            initargs=(self.factory, self.model, self.disable, os.getpid()),
            max_tasks_per_child=self.max_tasks_per_child,
        )

    def extract_batches(
        self, batches: Iterable[list[Article]], report: IngestReport
    ) -> Iterator[list[ArticleFacts]]:
        pool = self._pool()
        window: deque[tuple[list[Article], Future[Result]]] = deque()
        try:
            for batch in batches:
                window.append((batch, _submit(pool, batch)))
                if len(window) >= self.max_pending:
                    pool, facts = self._collect(pool, window, report)
                    yield facts
            while window:
                pool, facts = self._collect(pool, window, report)
                yield facts
        except BaseException:  # interrupted, terminated, or the consumer stopped: stop the workers now
            for _, future in window:
                future.cancel()
            terminate(pool)
            raise
        pool.shutdown(wait=True, cancel_futures=True)

    def _collect(
        self,
        pool: ProcessPoolExecutor,
        window: deque[tuple[list[Article], Future[Result]]],
        report: IngestReport,
    ) -> tuple[ProcessPoolExecutor, list[ArticleFacts]]:
        """The oldest batch's facts; after a worker death, retry what was in flight one by one."""
        batch, future = window.popleft()
        try:
            facts, failed = future.result()
        except BrokenProcessPool:
            pool.shutdown(wait=True, cancel_futures=True)
            retry = [batch, *(b for b, _ in window)]
            window.clear()
            pool, results = self._one_by_one(retry)
            for b, result in zip(retry[1:], results[1:], strict=True):
                done: Future[Result] = Future()
                done.set_result(result)
                window.append((b, done))
            facts, failed = results[0]
        report.failed.extend(failed)
        return pool, facts

    def _one_by_one(self, batches: list[list[Article]]) -> tuple[ProcessPoolExecutor, list[Result]]:
        pool = self._pool()
        out: list[Result] = []
        for batch in batches:
            try:
                out.append(pool.submit(_extract_batch, batch).result())
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = self._pool()
                problem = "extraction failed: the worker process died on this batch"
                out.append(([], [(a.source, problem) for a in batch]))
        return pool, out


def terminate(pool: ProcessPoolExecutor, grace: float = 2.0) -> None:
    """Stop a pool without waiting for its running batches: SIGTERM to every worker, SIGKILL to any
    still alive after ``grace`` seconds."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    deadline = time.monotonic() + grace
    for proc in processes:
        proc.join(max(0.0, deadline - time.monotonic()))
        if proc.is_alive():
            proc.kill()
            proc.join(1.0)
