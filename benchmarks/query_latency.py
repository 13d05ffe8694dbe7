"""Query latency of `search` and `ask` on a large synthetic store, on SQLite and on PostgreSQL.

Builds a store of about --facts facts (default 1,000,000; ~10 facts per article) from a seeded random
world (benchmarks/_synthetic.py: real club names, made-up people, no spaCy), inserted in batches
through the Store interface, then times the KnowledgeBase queries the CLI runs:

    python benchmarks/query_latency.py                      # 1M facts, SQLite and PostgreSQL
    python benchmarks/query_latency.py --facts 50000 --runs 20
    python benchmarks/query_latency.py --backends sqlite
    python benchmarks/query_latency.py --postgres-url postgresql://user@host/db   # an existing, empty db

PostgreSQL runs on a throwaway server (touchline.testing.pgserver: initdb in a temp dir, fsync off)
unless --postgres-url is given. Each query kind cycles through ten variants for --runs runs; p50/p95
are over those runs, after one untimed warm-up query ("kb warm-up" = the first `ask`, which builds
the merged matches, people and tenures from the store and is cached afterwards).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _synthetic import TOPICS, Fixture, Tenure, World, build_world, fact_count, generate

from touchline.query.kb import KnowledgeBase
from touchline.store import Store, is_postgres_url, open_store


@dataclass
class Built:
    backend: str
    articles: int
    facts: int
    seconds: float
    size_mb: float
    warmup_s: float = 0.0


def build(
    store: Store,
    world: World,
    facts: int,
    seed: int,
    batch: int,
    reported: list[Fixture],
    changed: list[Tenure],
) -> Built:
    t0 = time.perf_counter()
    pending, articles, total = [], 0, 0
    for item in generate(world, facts, seed, reported, changed):
        pending.append(item)
        total += fact_count(item)
        if len(pending) >= batch:
            articles += store.add_batch(pending).stored
            pending = []
            print(f"\r  {type(store).__name__}: {total:,} facts", end="", file=sys.stderr, flush=True)
    if pending:
        articles += store.add_batch(pending).stored
    print(file=sys.stderr)
    return Built("", articles, total, time.perf_counter() - t0, 0.0)


def analyze_and_size(url: str) -> float:
    """Refresh the planner statistics (PostgreSQL; part of the build time) and return the store size."""
    if is_postgres_url(url):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("ANALYZE")
            row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        return float(row[0]) / 1e6 if row else 0.0
    return sum(p.stat().st_size for p in Path(url).parent.glob(Path(url).name + "*")) / 1e6


def workload(
    world: World, reported: list[Fixture], changed: list[Tenure], seed: int
) -> dict[str, list[Callable[[KnowledgeBase], Any]]]:
    """Ten variants per query kind, drawn from the generated world so the answers exist."""
    rng = random.Random(seed + 2)
    played = [f for f in reported if f.goals]
    fixtures = rng.sample(played, 10)
    clubs = rng.sample(world.clubs, 10)
    tenures = rng.sample(changed, min(10, len(changed)))
    sightings = rng.sample(reported, 10)  # (club, day) pairs some article reports the manager on
    bosses = [world.manager(f.home, f.date) for f in fixtures]
    surnames = [f.goals[0][0].split()[-1] for f in fixtures]
    days = [(f.date + dt.timedelta(days=1)).isoformat() for f in sightings]
    topics = [rng.choice(list(TOPICS)) for _ in range(10)]
    words = ["penalty", "header", "goalkeepers", "attendance", "booking", "celebrated", "rain", "fans"]

    def q(text: str, **kw: Any) -> Callable[[KnowledgeBase], Any]:
        return lambda kb: kb.search(text, **kw)

    def raw(text: str) -> Callable[[KnowledgeBase], Any]:
        return lambda kb: kb.store.search(text)

    def a(text: str) -> Callable[[KnowledgeBase], Any]:
        return lambda kb: kb.ask(text)

    return {
        "search: one word": [q(rng.choice(words)) for _ in range(10)],
        "search: club name": [q(c) for c in clubs],
        "search: two words": [q(p) for p in ("stoppage time", "clean sheet", "second half", "heavy pitch")],
        "search: player surname": [q(s) for s in surnames],
        "search: prefix": [q(p) for p in ("celeb", "goalk", "frant", "travell")],
        "search: club filter": [q(rng.choice(words), club=c) for c in clubs],
        "search: date range": [q(rng.choice(words), date_from=d, date_to=d[:4] + "-12-31") for d in days],
        "store.search (raw)": [raw(w) for w in words],
        "ask: manager on date": [
            a(f"who managed {f.home} on {d}?") for f, d in zip(sightings, days, strict=True)
        ],
        "ask: score": [a(f"what was the score of {f.home} v {f.away} on {f.date}?") for f in fixtures],
        "ask: scorers": [
            a(f"who scored for {f.goals[0][1]} in {f.home} v {f.away} on {f.date}?") for f in fixtures
        ],
        "ask: quote": [a(f"what did {b} say about {t}?") for b, t in zip(bosses, topics, strict=True)],
        "ask: left club": [a(f"when did {t.person} leave {t.club}?") for t in tenures],
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(
    kb: KnowledgeBase, work: dict[str, list[Callable[[KnowledgeBase], Any]]], runs: int
) -> list[tuple[str, float, float, str]]:
    rows = []
    for kind, variants in work.items():
        variants[0](kb)  # untimed: caches, prepared statements
        times, answered = [], 0
        for i in range(runs):
            t0 = time.perf_counter()
            out = variants[i % len(variants)](kb)
            times.append((time.perf_counter() - t0) * 1000)
            answered += bool(out.known) if hasattr(out, "known") else bool(out)
        rows.append((kind, statistics.median(times), percentile(times, 95), f"{answered}/{runs}"))
    return rows


@contextlib.contextmanager
def backend_url(name: str, workdir: Path, postgres_url: str | None) -> Iterator[str]:
    if name == "sqlite":
        yield str(workdir / "latency.db")
    elif postgres_url:
        yield postgres_url
    else:
        from touchline.testing.pgserver import temporary_postgres

        with temporary_postgres("latency") as url:
            yield url


def run_backend(
    name: str, args: argparse.Namespace, workdir: Path
) -> tuple[Built, list[tuple[str, float, float, str]]]:
    world = build_world(args.seed)
    reported: list[Fixture] = []
    changed: list[Tenure] = []
    with backend_url(name, workdir, args.postgres_url) as url, open_store(url) as store:
        built = build(store, world, args.facts, args.seed, args.batch, reported, changed)
        built.backend = name
        t0 = time.perf_counter()
        built.size_mb = analyze_and_size(url)
        built.seconds += time.perf_counter() - t0
        kb = KnowledgeBase(store)
        t0 = time.perf_counter()
        kb.ask(f"who managed {world.clubs[0]} on 2010-01-01?")
        built.warmup_s = time.perf_counter() - t0
        rows = measure(kb, workload(world, reported, changed, args.seed), args.runs)
    return built, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", type=int, default=1_000_000, help="facts to generate (default 1,000,000)")
    ap.add_argument("--runs", type=int, default=50, help="timed runs per query kind (default 50)")
    ap.add_argument("--backends", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    ap.add_argument("--batch", type=int, default=500, help="articles per add_batch transaction")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--postgres-url", help="use this (empty) database instead of a throwaway server")
    ap.add_argument("--workdir", type=Path, help="where the SQLite file goes (default: a temp dir, deleted)")
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="touchline-latency-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for name in [b.strip() for b in args.backends.split(",") if b.strip()]:
            try:
                results.append(run_backend(name, args, workdir))
            except Exception as exc:  # e.g. no PostgreSQL server binaries: report and go on
                print(f"{name}: skipped ({type(exc).__name__}: {exc})", file=sys.stderr)
    print(f"\nquery latency, {args.runs} runs per kind (ms)\n")
    head = f"{'backend':<11}{'query kind':<26}{'p50 ms':>9}{'p95 ms':>9}{'answered':>10}"
    print(head + f"{'build s':>9}{'store MB':>10}")
    print("-" * (len(head) + 19))
    for built, rows in results:
        for kind, p50, p95, answered in rows:
            print(
                f"{built.backend:<11}{kind:<26}{p50:>9.1f}{p95:>9.1f}{answered:>10}{built.seconds:>9.0f}{built.size_mb:>10.0f}"
            )
    print()
    for built, _ in results:
        print(
            f"{built.backend}: {built.facts:,} facts in {built.articles:,} articles, built in {built.seconds:.0f} s"
            f" ({built.facts / built.seconds:,.0f} facts/s), {built.size_mb:,.0f} MB,"
            f" kb warm-up (first ask) {built.warmup_s:.1f} s"
        )


if __name__ == "__main__":
    main()
