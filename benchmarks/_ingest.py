"""Shared pieces of the ingest benchmarks: a generated JSON Lines corpus written as a stream, the RSS
of a whole process tree (from /proc), and one timed ``ingest`` run.

The corpus is the project's own articles (see ``_corpus.py``) cycled, each copy made distinct by a
closing line, so extraction does real work on every article.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from _corpus import base_articles


def write_jsonl(path: Path, n: int) -> int:
    """Write ``n`` distinct articles to ``path`` one line at a time; returns the number of words."""
    base = base_articles()
    total = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            a = base[i % len(base)]
            body = f"{a.body}\n\nReport number {i} in this benchmark run."
            total += len(body.split())
            row = {"text": body, "published": a.published, "source": f"bench:{i}"}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return total


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_ticks(pid: int) -> int:
    """utime + stime of ``pid`` and of its children that have exited (cutime + cstime)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return sum(int(x) for x in fields[11:15])
    except (OSError, ValueError, IndexError):
        return 0


def _tree(root: int | None) -> list[int]:
    root = os.getpid() if root is None else root
    children = _children()
    out, stack = [], [root]
    while stack:
        pid = stack.pop()
        out.append(pid)
        stack.extend(children.get(pid, []))
    return out


def tree_rss_mb(root: int | None = None) -> float:
    """Resident memory of ``root`` (default: this process) and all its descendants, in MB."""
    return sum(_rss_kb(pid) for pid in _tree(root)) / 1024


def tree_cpu_seconds(root: int | None = None) -> float:
    """CPU time of ``root`` and all its descendants, live or exited (worker processes are children of
    a forkserver, not of the ingest process, so ``getrusage(RUSAGE_CHILDREN)`` would miss them)."""
    return sum(_cpu_ticks(pid) for pid in _tree(root)) / os.sysconf("SC_CLK_TCK")


def _self_cpu() -> float:
    """CPU of this process alone: reading, the stored-id check, unpickling results and writing."""
    t = os.times()
    return t.user + t.system


def store_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())


def timed_ingest(
    corpus: Path,
    db: Path,
    workers: int | None,
    batch: int = 50,
    on_progress: Callable[[int, float], None] | None = None,
) -> dict[str, float]:
    """Ingest ``corpus`` into SQLite ``db`` (in this process when ``workers`` is None); time and peak RSS."""
    from touchline.engine import make_engine
    from touchline.store.loader import IngestReport, ingest
    from touchline.store.sqlite import SQLiteStore

    peak, cpu_seen = 0.0, 0.0

    def progress(r: IngestReport) -> None:
        nonlocal peak, cpu_seen
        rss = tree_rss_mb()
        peak, cpu_seen = max(peak, rss), max(cpu_seen, tree_cpu_seconds())
        if on_progress:
            on_progress(r.stored, rss)

    t0, c0, p0 = time.perf_counter(), tree_cpu_seconds(), _self_cpu()
    with SQLiteStore(db) as store:
        report = ingest(
            store, [corpus], batch_size=batch, engine=make_engine(None, workers), progress=progress
        )
    elapsed, cpu = time.perf_counter() - t0, max(cpu_seen, tree_cpu_seconds()) - c0
    parent = _self_cpu() - p0
    if report.failed:
        raise SystemExit(f"benchmark ingest failed on {len(report.failed)} article(s): {report.failed[:3]}")
    return {
        "articles": report.stored,
        "seconds": elapsed,
        "cpu": cpu,
        "parent_cpu": parent,
        "peak_rss_mb": max(peak, tree_rss_mb()),
    }
