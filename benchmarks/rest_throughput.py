"""Requests/s and latency of the REST API's main read endpoints, served by uvicorn on loopback.

Builds a store from the built-in sample corpus (or reuses one with ``--db``), starts ``touchline serve``
in a subprocess on a free port, then drives each endpoint with a few concurrent httpx clients for a
fixed number of requests and prints a table:

    python benchmarks/rest_throughput.py [--db FILE | --articles N [--keep FILE]] [--clients 4] [--requests 200]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(path: Path, articles: int) -> None:
    """The sample corpus, or ``articles`` copies cycled from the benchmark corpus (``_corpus.py``)."""
    from touchline.cli.demo_cmd import sample_files
    from touchline.store import open_store
    from touchline.store.loader import ingest

    t0 = time.perf_counter()
    with open_store(path) as store:
        if articles:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from _corpus import corpus

            report = ingest(store, articles=corpus(articles))
        else:
            report = ingest(store, sample_files())
    print(f"built {path} in {time.perf_counter() - t0:.0f}s: {report.summary()}", file=sys.stderr)


def endpoints(base: str) -> list[tuple[str, str]]:
    """(label, url) for the main read endpoints, with real ids taken from the store."""
    match_id = httpx.get(f"{base}/api/matches", params={"limit": 1}).json()["items"][0]["id"]
    article_id = httpx.get(f"{base}/api/articles", params={"limit": 1}).json()["items"][0]["id"]
    person = httpx.get(f"{base}/api/people", params={"limit": 1}).json()["items"][0]["name"]
    club = httpx.get(f"{base}/api/clubs", params={"limit": 1}).json()["items"][0]["name"]
    return [
        ("GET /healthz", "/healthz"),
        ("GET /api/articles", "/api/articles?limit=50"),
        ("GET /api/articles/{id}", f"/api/articles/{article_id}"),
        ("GET /api/matches", "/api/matches?limit=50"),
        ("GET /api/matches/{id}", f"/api/matches/{match_id}"),
        ("GET /api/people", "/api/people?limit=50"),
        ("GET /api/people/{name}", f"/api/people/{person}"),
        ("GET /api/clubs/{name}", f"/api/clubs/{club}"),
        ("GET /api/quotes", "/api/quotes?limit=50"),
        ("GET /api/search", "/api/search?q=goal&limit=20"),
        ("GET /api/checks", "/api/checks?limit=50"),
        ("GET /api/ask", f"/api/ask?q=who managed {club} on 2023-12-01?"),
    ]


def measure(base: str, path: str, clients: int, requests: int) -> tuple[float, float, float, int]:
    """(requests/s, p50 ms, p95 ms, errors) for ``requests`` GETs spread over ``clients`` threads."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_client = max(1, requests // clients)

    def worker() -> None:
        nonlocal errors
        local: list[float] = []
        bad = 0
        with httpx.Client(base_url=base, timeout=30) as c:
            for _ in range(per_client):
                t0 = time.perf_counter()
                r = c.get(path)
                local.append(time.perf_counter() - t0)
                bad += r.status_code != 200
        with lock:
            latencies.extend(local)
            errors += bad

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return len(ms) / wall, statistics.median(ms), p95, errors


def wait_up(base: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with status {proc.returncode}")
        try:
            httpx.get(f"{base}/healthz", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("server did not start in time")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="existing store to serve (default: build one from the sample corpus)")
    ap.add_argument(
        "--articles",
        type=int,
        default=0,
        help="build a bigger store of N cycled articles (default: the sample)",
    )
    ap.add_argument("--keep", help="with --articles: keep the built store at this path")
    ap.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    ap.add_argument("--requests", type=int, default=200, help="requests per endpoint (default 200)")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="touchline-rest-") as tmp:
        db = Path(args.db or args.keep or Path(tmp) / "bench.db")
        if not db.exists():
            build_store(db, args.articles)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        cmd = [sys.executable, "-m", "touchline.cli.main", "serve", "--db", str(db), "--port", str(port)]
        env = {k: v for k, v in os.environ.items() if k != "TOUCHLINE_TOKEN"}
        proc = subprocess.Popen([*cmd, "--log-level", "warning"], env=env)
        try:
            wait_up(base, proc)
            health = httpx.get(f"{base}/healthz").json()
            rows = []
            for label, path in endpoints(base):
                httpx.get(base + path, timeout=60)  # warm the caches
                rows.append((label, *measure(base, path, args.clients, args.requests)))
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    n = args.requests // args.clients * args.clients
    print(
        f"\nstore: {health['articles']} articles; {n} requests per endpoint, "
        f"{args.clients} concurrent clients, uvicorn on loopback\n"
    )
    print(f"{'endpoint':<26} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    for label, rps, p50, p95, errs in rows:
        print(f"{label:<26} {rps:>8.0f} {p50:>8.1f} {p95:>8.1f} {errs:>7}")
    return 0 if all(r[4] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
