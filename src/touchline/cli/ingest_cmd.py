"""``touchline ingest PATH... --db FILE``: extract articles and store them, one transaction per batch."""

from __future__ import annotations

import argparse
import sys

from touchline.config import settings
from touchline.engine import ENGINES, Engine, make_engine
from touchline.store import open_store
from touchline.store.loader import IngestReport, ingest


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("ingest", help="extract articles and store them in the knowledge base (SQLite file)")
    p.add_argument("paths", nargs="+", help="files, folders or JSON Lines files")
    p.add_argument(
        "--db", default=None, help=f"store file (default: $TOUCHLINE_DB or {settings().default_db})"
    )
    p.add_argument("--published", help="publication date YYYY-MM-DD for inputs without a date header")
    p.add_argument("--batch-size", type=int, default=None, help="articles per transaction (default 50)")
    p.add_argument(
        "--workers", type=int, default=None, help="extract in N worker processes (default: in this process)"
    )
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help="local: worker processes (default one per core); ray: a Ray Data pipeline (pip install 'touchline[ray]')",
    )
    p.add_argument(
        "--progress", action="store_true", help="show a progress bar even when stderr is not a terminal"
    )
    add_budget_options(p)
    p.set_defaults(func=run)


def add_budget_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--extract-seconds",
        type=float,
        default=None,
        help="per-article extraction time budget in seconds, 0 for none (default: $TOUCHLINE_EXTRACT_SECONDS or 10)",
    )
    p.add_argument(
        "--extract-max-chars",
        type=int,
        default=None,
        help="longest article extracted, in characters, 0 for none (default: $TOUCHLINE_EXTRACT_MAX_CHARS or 200000)",
    )


def apply_budget_options(args: argparse.Namespace) -> None:
    """The options go through the environment, so worker processes started afterwards see them too."""
    import os

    if args.extract_seconds is not None:
        os.environ["TOUCHLINE_EXTRACT_SECONDS"] = repr(max(0.0, args.extract_seconds))
    if args.extract_max_chars is not None:
        os.environ["TOUCHLINE_EXTRACT_MAX_CHARS"] = str(max(0, args.extract_max_chars))


def run(args: argparse.Namespace) -> int:
    apply_budget_options(args)
    db = args.db or settings().default_db
    show = args.progress or sys.stderr.isatty()
    engine = make_engine(args.engine, args.workers)
    with open_store(db) as store:
        report = _run(store, args, show, engine)
        shown = store.url  # the backend's own form of the location, passwords redacted
    for source, problem in report.failed:
        print(f"touchline: {source}: {problem}", file=sys.stderr)
    print(f"{shown}: {report.summary()}")
    if report.read == 0:
        print("touchline: nothing could be read", file=sys.stderr)
        return 1
    return 0


def _run(store, args: argparse.Namespace, show: bool, engine: Engine | None) -> IngestReport:  # type: ignore[no-untyped-def]
    if not show:
        return ingest(store, args.paths, published=args.published, batch_size=args.batch_size, engine=engine)
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True, force_terminal=args.progress or None)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("ingesting", total=None, detail="")

        def update(r: IngestReport) -> None:
            bar.update(
                task,
                detail=f"read {r.read} · stored {r.stored} · skipped {r.skipped} · failed {len(r.failed)}",
            )

        report = ingest(
            store,
            args.paths,
            published=args.published,
            batch_size=args.batch_size,
            progress=update,
            engine=engine,
        )
        bar.update(task, description="done", total=1, completed=1)
    return report
