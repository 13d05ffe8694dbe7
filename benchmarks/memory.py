"""Memory of a long streaming ingest: RSS of the whole process tree over time, store size per 1,000.

Writes ``--articles`` generated articles (default 100,000; the project's own texts cycled, each made
distinct) to a JSON Lines file, then streams it into a fresh SQLite file with ``--workers`` worker
processes (0 = in this process), sampling the resident memory of the ingest process and all its
workers every ``--every`` articles. Prints one row per sample and the growth from the first sample
after warm-up to the end — flat memory is the requirement:

    python benchmarks/memory.py [--articles 100000] [--workers 2] [--every 5000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _ingest import store_bytes, timed_ingest, write_jsonl


def child(corpus: Path, db: Path, workers: int, every: int, batch: int) -> None:
    """Runs the ingest; prints a JSON line per sample (articles, seconds, rss MB, store bytes)."""
    t0 = time.perf_counter()
    state = {"next": every}

    def sample(stored: int, rss: float) -> None:
        if stored >= state["next"]:
            state["next"] = (stored // every + 1) * every
            row = {
                "articles": stored,
                "seconds": time.perf_counter() - t0,
                "rss_mb": rss,
                "bytes": store_bytes(db),
            }
            print(json.dumps(row), flush=True)

    done = timed_ingest(corpus, db, workers or None, batch, on_progress=sample)
    print(json.dumps({"final": True, **done, "bytes": store_bytes(db)}), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--every", type=int, default=None, help="sample every N articles (default: articles/20)")
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--child", nargs=2, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    every = a.every or max(a.batch, a.articles // 20)
    if a.child:
        child(Path(a.child[0]), Path(a.child[1]), a.workers, every, a.batch)
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus, db = Path(tmp) / "corpus.jsonl", Path(tmp) / "memory.db"
        words = write_jsonl(corpus, a.articles)
        print(
            f"{a.articles} articles ({words} words, {corpus.stat().st_size / 1e6:.0f} MB JSON Lines), "
            f"{a.workers} worker(s), batch {a.batch}"
        )
        print(
            f"{'articles':>9}{'minutes':>9}{'articles/s':>11}{'tree RSS MB':>13}{'store MB':>10}{'KB / article':>13}"
        )
        cmd = [sys.executable, __file__, "--workers", str(a.workers), "--every", str(every), "--batch", str(a.batch),
               "--child", str(corpus), str(db)]  # fmt: skip
        rows = []
        with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as proc:
            assert proc.stdout is not None
            for line in proc.stdout:
                r = json.loads(line)
                if r.get("final"):
                    final = r
                    continue
                rows.append(r)
                print(f"{r['articles']:>9}{r['seconds'] / 60:>9.1f}{r['articles'] / r['seconds']:>11.1f}"
                      f"{r['rss_mb']:>13.0f}{r['bytes'] / 1e6:>10.1f}{r['bytes'] / 1e3 / r['articles']:>13.2f}")  # fmt: skip
        if proc.returncode:
            raise SystemExit(f"ingest failed (exit {proc.returncode})")
    per_1000 = final["bytes"] / 1e6 / (final["articles"] / 1000)
    print(
        f"peak tree RSS {final['peak_rss_mb']:.0f} MB; store {final['bytes'] / 1e6:.1f} MB = {per_1000:.2f} MB per 1,000 articles"
    )
    if len(rows) >= 4:
        warm = rows[len(rows) // 4]
        growth = rows[-1]["rss_mb"] - warm["rss_mb"]
        span = rows[-1]["articles"] - warm["articles"]
        print(f"RSS growth after warm-up ({warm['articles']} → {rows[-1]['articles']} articles): "
              f"{growth:+.0f} MB = {growth / span * 1000:+.2f} MB per 1,000 articles")  # fmt: skip


if __name__ == "__main__":
    main()
