"""Throughput of `touchline extract` and end-to-end ingest against bare `nlp.pipe` of the same spaCy
model on the same texts.

Rows: bare ``nlp.pipe`` (the full model, every pipe); ``touchline extract`` (``Extractor.extract_many``);
``ingest`` = extract + store into a fresh SQLite file through the loader, in this process and with
``--workers`` worker processes. Each row runs in its own subprocess so peak RSS (of the whole process
tree, workers included) is measured separately. Prints a table:

    python benchmarks/throughput.py [--articles 400] [--batch 32] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import corpus, words
from _ingest import tree_cpu_seconds, tree_rss_mb


def run_ingest(n: int, batch: int, workers: int | None) -> dict[str, float]:
    from touchline.engine import make_engine
    from touchline.store.loader import IngestReport, ingest
    from touchline.store.sqlite import SQLiteStore

    arts = corpus(n)
    peak, cpu_seen = 0.0, 0.0

    def sample(_: IngestReport) -> None:
        nonlocal peak, cpu_seen
        peak, cpu_seen = max(peak, tree_rss_mb()), max(cpu_seen, tree_cpu_seconds())

    with tempfile.TemporaryDirectory() as tmp, SQLiteStore(Path(tmp) / "bench.db") as store:
        engine = make_engine(None, workers)
        t0, c0 = time.perf_counter(), tree_cpu_seconds()
        report = ingest(store, articles=arts, batch_size=batch, engine=engine, progress=sample)
        elapsed, cpu = time.perf_counter() - t0, max(cpu_seen, tree_cpu_seconds()) - c0
    if report.stored != n:
        raise SystemExit(f"ingest stored {report.stored} of {n}: {report.failed[:3]}")
    rss = max(peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return {"articles": n, "words": words(arts), "seconds": elapsed, "cpu": cpu, "rss_mb": rss}


def run_mode(mode: str, n: int, batch: int) -> dict[str, float]:
    if mode.startswith("ingest"):
        return run_ingest(n, batch, int(mode.split(":")[1]) if ":" in mode else None)
    arts = corpus(n)
    total_words = words(arts)
    if mode == "bare":
        import spacy

        from touchline.config import settings

        nlp = spacy.load(settings().spacy_model)
        t0, c0 = time.perf_counter(), tree_cpu_seconds()
        for _ in nlp.pipe((a.body for a in arts), batch_size=batch):
            pass
    else:
        from touchline.nlp.pipeline import Extractor

        ex = Extractor()
        t0, c0 = time.perf_counter(), tree_cpu_seconds()
        for _ in ex.extract_many(arts, batch_size=batch):
            pass
    elapsed, cpu = time.perf_counter() - t0, tree_cpu_seconds() - c0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": n, "words": total_words, "seconds": elapsed, "cpu": cpu, "rss_mb": rss_mb}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--workers", type=int, default=2, help="worker processes for the parallel ingest row")
    ap.add_argument("--repeat", type=int, default=1, help="rounds; each row keeps its fastest run")
    ap.add_argument("--mode", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.mode:
        print(json.dumps(run_mode(a.mode, a.articles, a.batch)))
        return
    modes = [
        ("bare", "bare spaCy nlp.pipe"),
        ("touchline", "touchline extract"),
        ("ingest", "ingest (extract+SQLite)"),
        (f"ingest:{a.workers}", f"ingest --workers {a.workers}"),
    ]
    rows: dict[str, dict[str, float]] = {}
    for _ in range(max(1, a.repeat)):  # rounds interleave the modes; each keeps its fastest run
        for mode, _label in modes:
            cmd = [
                sys.executable,
                __file__,
                "--mode",
                mode,
                "--articles",
                str(a.articles),
                "--batch",
                str(a.batch),
            ]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True)
            row = json.loads(out.stdout.strip().splitlines()[-1])
            if mode not in rows or row["seconds"] < rows[mode]["seconds"]:
                rows[mode] = row
    bare = rows["bare"]["words"] / rows["bare"]["seconds"]
    bare_cpu = rows["bare"]["words"] / rows["bare"]["cpu"]
    print(
        f"{'pipeline':<26}{'articles':>9}{'words':>8}{'seconds':>9}{'words/s':>9}{'articles/s':>11}"
        f"{'vs bare':>9}{'CPU s':>8}{'words/CPU-s':>12}{'vs bare':>9}{'peak RSS MB':>13}"
    )
    for mode, label in modes:
        r = rows[mode]
        wps, wpc = r["words"] / r["seconds"], r["words"] / r["cpu"]
        print(
            f"{label:<26}{r['articles']:>9}{r['words']:>8}{r['seconds']:>9.2f}{wps:>9.0f}"
            f"{r['articles'] / r['seconds']:>11.1f}{wps / bare:>8.2f}x{r['cpu']:>8.1f}{wpc:>12.0f}"
            f"{wpc / bare_cpu:>8.2f}x{r['rss_mb']:>13.0f}"
        )
    par = rows[f"ingest:{a.workers}"]
    print(
        f"end-to-end ingest vs bare nlp.pipe: {rows['ingest']['words'] / rows['ingest']['seconds'] / bare:.2f}x "
        f"in one process, {par['words'] / par['seconds'] / bare:.2f}x with {a.workers} workers "
        f"(wall clock, {_cores()} cores; bare nlp.pipe runs in one process). The CPU columns count user+system "
        "time of the process and its workers, which a busy shared machine disturbs less than wall clock."
    )


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    main()
