"""Extraction as a Ray Data pipeline (``touchline ingest --engine ray``, optional extra ``touchline[ray]``).

read (this process: readers, duplicate and stored-id checks) → ``ray.data.from_items`` → ``map_batches``
with :class:`RayExtract`, a callable class whose actors load the extractor once each (``concurrency``
actors) → results back to this process, which writes them in batches through the ``Store``
interface (SQLite or PostgreSQL alike).

The input is handed to Ray in windows of ``window`` articles so an archive of any size streams
with bounded memory; within a window Ray schedules the extraction across the cluster. Without
``RAY_ADDRESS`` a local Ray instance is started; with it, the driver joins that cluster (its
workers need touchline installed).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from touchline.engine import ExtractorLike
from touchline.errors import TouchlineError
from touchline.models import Article, ArticleFacts

if TYPE_CHECKING:
    import numpy as np

    from touchline.store.loader import IngestReport

MISSING = "the ray engine needs the optional extra: pip install 'touchline[ray]'"


def ray_available() -> bool:
    return importlib.util.find_spec("ray") is not None and importlib.util.find_spec("ray.data") is not None


class RayExtract:
    """The ``map_batches`` callable: one extractor per Ray actor, pickled articles in, pickled facts out."""

    def __init__(
        self, model: str | None, disable: tuple[str, ...], factory: Callable[[], ExtractorLike] | None
    ) -> None:
        if factory is not None:
            self.extractor: ExtractorLike = factory()
        else:
            from touchline.nlp.pipeline import Extractor

            self.extractor = Extractor(model=model, disable=disable)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        import numpy as np

        arts: list[Article] = [pickle.loads(b) for b in batch["article"]]
        facts: list[bytes] = []
        errors: list[str] = []
        try:
            done = list(self.extractor.extract_many(arts, batch_size=len(arts)))
            facts = [pickle.dumps(f, protocol=pickle.HIGHEST_PROTOCOL) for f in done]
            errors = [""] * len(arts)
        except Exception:
            facts, errors = [], []
            for art in arts:
                try:
                    facts.append(pickle.dumps(self.extractor.extract(art), protocol=pickle.HIGHEST_PROTOCOL))
                    errors.append("")
                except Exception as exc:
                    facts.append(b"")
                    errors.append(f"extraction failed: {type(exc).__name__}: {exc}")
        out_facts = np.empty(len(facts), dtype=object)
        out_facts[:] = facts
        return {
            "seq": np.asarray(batch["seq"]),
            "facts": out_facts,
            "error": np.asarray(errors, dtype=object),
        }


class RayEngine:
    def __init__(
        self,
        workers: int = 2,
        *,
        window: int = 2000,
        rows_per_call: int = 32,
        model: str | None = None,
        disable: Iterable[str] = (),
        factory: Callable[[], ExtractorLike] | None = None,
    ) -> None:
        if not ray_available():
            raise TouchlineError(MISSING)
        self.workers = max(1, workers)
        self.window = max(1, window)
        self.rows_per_call = max(1, rows_per_call)
        self.args = (model, tuple(disable), factory)

    def extract_batches(
        self, batches: Iterable[list[Article]], report: IngestReport
    ) -> Iterator[list[ArticleFacts]]:
        pending: list[list[Article]] = []
        size = 0
        try:
            for batch in batches:
                pending.append(batch)
                size += len(batch)
                if size >= self.window:
                    yield from self._run_window(pending, report)
                    pending, size = [], 0
            if pending:
                yield from self._run_window(pending, report)
        except BaseException:  # interrupted or terminated: stop the local Ray instance we started
            stop_local_ray()
            raise

    def _run_window(self, batches: list[list[Article]], report: IngestReport) -> Iterator[list[ArticleFacts]]:
        ray = _ray()
        arts = [a for b in batches for a in b]
        items = [
            {"seq": i, "article": pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)}
            for i, a in enumerate(arts)
        ]
        blocks = max(1, min(len(items), self.workers * 4))
        results: dict[int, tuple[bytes, str]] = {}
        try:
            ds = ray.data.from_items(items, override_num_blocks=blocks).map_batches(
                RayExtract,
                fn_constructor_args=self.args,
                batch_size=self.rows_per_call,
                batch_format="numpy",
                compute=ray.data.ActorPoolStrategy(size=self.workers),
                num_cpus=1,
            )
            for row in ds.iter_rows():
                results[int(row["seq"])] = (row["facts"], str(row["error"]))
        except Exception as exc:  # the pipeline itself failed: every article of the window is lost
            problem = f"extraction failed in the Ray pipeline: {type(exc).__name__}: {str(exc)[:200]}"
            results = {i: (b"", problem) for i in range(len(arts))}
        del items
        seq = 0
        for batch in batches:
            out: list[ArticleFacts] = []
            for art in batch:
                blob, error = results.pop(seq, (b"", "extraction failed: no result from the Ray pipeline"))
                seq += 1
                if error:
                    report.failed.append((art.source, error))
                else:
                    out.append(pickle.loads(blob))
            yield out


_STARTED_HERE = False  # whether this process started the Ray instance it uses


def stop_local_ray() -> None:
    """Shut down the Ray instance this process started (its raylet, object store and workers); a cluster
    joined through ``RAY_ADDRESS`` is left running. Ray's own processes also die with the driver on
    kill -9 (Ray starts them sharing the driver's fate)."""
    global _STARTED_HERE
    if not _STARTED_HERE:
        return
    import ray

    ray.shutdown()
    _STARTED_HERE = False


def _ray() -> Any:
    """Import Ray, start (or join, with ``RAY_ADDRESS``) an instance, quieten Ray Data's own bars."""
    try:
        import ray
        import ray.data
    except ImportError as exc:  # pragma: no cover - checked in RayEngine()
        raise TouchlineError(MISSING) from exc
    global _STARTED_HERE
    if not ray.is_initialized():
        on_term = signal.getsignal(signal.SIGTERM)
        ray.init(include_dashboard=False, log_to_driver=False, configure_logging=False)
        _STARTED_HERE = not os.environ.get("RAY_ADDRESS")  # a local instance, not a joined cluster
        if callable(on_term) and threading.current_thread() is threading.main_thread():
            # Ray's core worker replaces the handler with one that aborts the process; keep ours, so
            # SIGTERM ends the run cleanly (the open batch rolls back, the Ray instance is shut down)
            signal.signal(signal.SIGTERM, on_term)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    for name in ("ray.data", "ray"):
        logging.getLogger(name).setLevel(logging.ERROR)
    return ray
