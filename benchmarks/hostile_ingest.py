"""Ingest of the hostile folder (``touchline.testing.hostile_folder``): total time, peak RSS, exit
status, stderr lines, stored articles; with ``--per-file``, the time to read and extract each regular
file on its own (capped), to name the worst files. Prints a table:

    python benchmarks/hostile_ingest.py [--folder DIR] [--src SRC_DIR] [--per-file] [--cap 120]

``--src`` puts another checkout's ``src`` first on the path of the measured processes (e.g. to
measure the code before a change). Without ``--folder`` the folder is generated in a temporary
directory by this checkout's generator.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "src"

# Runs in a child process with the measured code on its path: one JSON line per regular file.
PER_FILE = r"""
import json, os, signal, stat, sys, time
from pathlib import Path
from touchline.ingest.readers import iter_path
from touchline.nlp.pipeline import default_extractor

class Timeout(Exception):
    pass

def alarm(signum, frame):
    raise Timeout()

signal.signal(signal.SIGALRM, alarm)
root, cap = sys.argv[1], int(sys.argv[2])
ex = default_extractor()
for dirpath, dirs, files in os.walk(root):
    dirs.sort()
    for name in sorted(files):
        path = os.path.join(dirpath, name)
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode) or name.startswith("."):
            continue
        start = time.perf_counter()
        status = "ok"
        signal.alarm(cap)
        try:
            for item in iter_path(Path(path)):
                if hasattr(item, "body"):
                    ex.extract(item)
        except Timeout:
            status = f"over {cap} s"
        except BaseException as exc:
            status = f"crash {type(exc).__name__}"
        finally:
            signal.alarm(0)
        shown = path.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
        print(json.dumps({"file": shown[len(root) + 1:], "seconds": time.perf_counter() - start, "status": status}), flush=True)
"""


def env_for(src: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(src)}


def whole_ingest(folder: Path, src: Path, workdir: Path) -> dict[str, object]:
    db = workdir / "hostile.db"
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    run = subprocess.run(
        [sys.executable, "-m", "touchline.cli.main", "ingest", str(folder), "--db", str(db)],
        capture_output=True,
        env=env_for(src),
        timeout=3600,
    )
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    stored = 0
    if db.exists():
        try:
            with sqlite3.connect(db) as conn:
                stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            stored = -1
    lines = run.stderr.decode("utf-8", "replace").splitlines()
    return {
        "seconds": seconds,
        "peak_rss_mb": (rss if rss > before else before) / 1024,
        "exit": run.returncode,
        "stderr_lines": len(lines),
        "traceback": any(ln.startswith("Traceback") for ln in lines),
        "stored": stored,
        "last_line": lines[-1] if lines else "",
    }


def per_file(folder: Path, src: Path, cap: int) -> list[dict[str, object]]:
    run = subprocess.run(
        [sys.executable, "-c", PER_FILE, str(folder), str(cap)],
        capture_output=True,
        text=True,
        env=env_for(src),
        timeout=7200,
    )
    return [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, help="an existing hostile folder (default: generate one)")
    ap.add_argument("--src", type=Path, default=HERE, help="the src directory of the code to measure")
    ap.add_argument("--per-file", action="store_true", help="also time each file on its own")
    ap.add_argument("--cap", type=int, default=120, help="per-file cap in seconds (--per-file)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="touchline-hostile-") as tmp:
        work = Path(tmp)
        folder = args.folder
        if folder is None:
            sys.path.insert(0, str(HERE))
            from touchline.testing.hostile_folder import write_hostile_folder

            manifest = write_hostile_folder(work / "gen")
            folder = manifest.root
            print(f"generated {manifest.entries} entries in {folder}")
        whole = whole_ingest(folder, args.src, work)
        print("| measure | value |\n|---|---|")
        for key, value in whole.items():
            shown = f"{value:.1f}" if isinstance(value, float) else str(value)
            print(f"| {key} | {shown} |")
        if args.per_file:
            rows = sorted(per_file(folder, args.src, args.cap), key=lambda r: -float(r["seconds"]))  # type: ignore[arg-type]
            print(f"\nper file ({len(rows)} files, cap {args.cap} s): slowest ten")
            print("| file | seconds | status |\n|---|---|---|")
            for r in rows[:10]:
                print(f"| {r['file']} | {float(r['seconds']):.1f} | {r['status']} |")  # type: ignore[arg-type]
            over = sum(1 for r in rows if float(r["seconds"]) > 5)  # type: ignore[arg-type]
            crashes = sum(1 for r in rows if str(r["status"]).startswith("crash"))
            print(f"\nfiles over 5 s: {over}; files whose reading or extraction raised: {crashes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
