"""``touchline ingest PATH... --db FILE``: extract articles and store them, one transaction per batch."""

from __future__ import annotations

import argparse
import sys

from touchline.config import settings
from touchline.engine import ENGINES, Engine, make_engine
from touchline.errors import printable
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
        "--follow-links",
        action="store_true",
        help="follow symbolic links that point outside an ingested folder (skipped by default, one line each)",
    )
    p.add_argument(
        "--progress", action="store_true", help="show a progress bar even when stderr is not a terminal"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    db = args.db or settings().default_db
    show = args.progress or sys.stderr.isatty()
    engine = make_engine(args.engine, args.workers)
    with open_store(db) as store:
        report = _run(store, args, show, engine)
        shown = store.url  # the backend's own form of the location, passwords redacted
    print(f"{printable(shown)}: {report.summary()}")
    if report.read == 0:
        print("touchline: nothing could be read", file=sys.stderr)
        return 1
    return 0


def print_problem(source: str, problem: str) -> None:
    """One line per bad input, printed when it is found, with control characters made visible."""
    print(f"touchline: {printable(source)}: {printable(problem)}", file=sys.stderr, flush=True)


def _run(store, args: argparse.Namespace, show: bool, engine: Engine | None) -> IngestReport:  # type: ignore[no-untyped-def]
    options = {
        "published": args.published,
        "batch_size": args.batch_size,
        "engine": engine,
        "on_problem": print_problem,
        "follow_links": args.follow_links,
    }
    if not show:
        return ingest(store, args.paths, **options)
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

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

        def shown_problem(source: str, problem: str) -> None:  # above the bar, never wrapped
            line = Text(f"touchline: {printable(source)}: {printable(problem)}")
            bar.console.print(line, soft_wrap=True, highlight=False)

        options["on_problem"] = shown_problem
        report = ingest(store, args.paths, progress=update, **options)
        bar.update(task, description="done", total=1, completed=1)
    return report
