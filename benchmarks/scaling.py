"""Worker scaling of end-to-end ingest (read JSON Lines → extract → store into SQLite).

Generates a corpus of ``--articles`` distinct articles (the project's own texts, cycled; see
``_corpus.py``), then ingests it into a fresh SQLite file in this process and with 1, 2 (and 4 when
the machine has at least 4 cores) worker processes, each run in its own subprocess. Prints words/s,
articles/s, peak RSS of the process tree and the speed-up over 1 worker:

    python benchmarks/scaling.py [--articles 2000] [--workers 1,2,4] [--batch 50]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _ingest import timed_ingest, write_jsonl


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--workers", help="comma-separated worker counts (default 1,2 and 4 with >= 4 cores)")
    ap.add_argument("--run", nargs=3, metavar=("CORPUS", "DB", "WORKERS"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.run:
        corpus, db, w = a.run
        print(json.dumps(timed_ingest(Path(corpus), Path(db), int(w) or None, a.batch)))
        return
    counts = [int(x) for x in a.workers.split(",")] if a.workers else [1, 2] + ([4] if cores() >= 4 else [])
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        total_words = write_jsonl(corpus, a.articles)
        rows: list[tuple[str, int, dict[str, float]]] = []
        for w in [0, *counts]:
            db = Path(tmp) / f"w{w}.db"
            cmd = [sys.executable, __file__, "--batch", str(a.batch), "--run", str(corpus), str(db), str(w)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True)
            rows.append(
                ("in-process" if w == 0 else f"{w} worker(s)", w, json.loads(out.stdout.splitlines()[-1]))
            )
    base = next((r["seconds"] for _, w, r in rows if w == 1), rows[0][2]["seconds"])
    print(f"{a.articles} articles, {total_words} words, batch {a.batch}, {cores()} cores")
    print(
        f"{'engine':<15}{'seconds':>9}{'words/s':>10}{'articles/s':>11}{'CPU s':>8}{'parent CPU s':>14}{'peak RSS MB':>13}"
        f"{'speed-up vs 1':>15}"
    )
    for label, _, r in rows:
        print(
            f"{label:<15}{r['seconds']:>9.1f}{total_words / r['seconds']:>10.0f}{r['articles'] / r['seconds']:>11.1f}"
            f"{r['cpu']:>8.1f}{r['parent_cpu']:>14.1f}{r['peak_rss_mb']:>13.0f}{base / r['seconds']:>14.2f}x"
        )
    print(
        f"load average at the end: {os.getloadavg()[0]:.1f} (1 min). CPU s is the whole process tree, parent "
        "CPU s the ingest process alone (read, check, write). Speed-up needs idle cores: CPU s / seconds is "
        "how many cores the run actually got."
    )


if __name__ == "__main__":
    main()
