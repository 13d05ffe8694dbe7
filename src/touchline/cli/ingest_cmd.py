"""``touchline ingest PATH... --db FILE``: extract articles and store them, one transaction per batch."""

from __future__ import annotations

import argparse
import sys

from touchline.cli.progress import LogProgress, counted_total, rich_progress
from touchline.config import settings
from touchline.engine import ENGINES, Engine, make_engine
from touchline.errors import TouchlineError, printable
from touchline.store import open_store
from touchline.store.base import Store
from touchline.store.loader import IngestReport, ingest

DESCRIPTION = """\
Read articles (text, seed files, HTML, JSON Lines, CSV exports, RSS/Atom feeds, folders), extract
their facts and store them. Articles already in the store are skipped, so re-running is safe.

Extraction runs in this process unless --workers or --engine says otherwise.

examples:
  touchline ingest ~/articles/ --db my.db
  touchline ingest feed.xml export.csv --columns text=body,published=date
  touchline ingest dump.jsonl --workers 4 --db my.db
"""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "ingest",
        help="extract articles and store them in the knowledge base",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or folders (read recursively): .txt, .html, .jsonl, .csv, RSS/Atom feeds; "
        "e.g. ~/articles/ feed.xml",
    )
    p.add_argument(
        "--db",
        default=None,
        help=f"store file or postgresql:// URL (default: $TOUCHLINE_DB or {settings().default_db}); e.g. --db my.db",
    )
    add_reading_options(p)
    p.add_argument(
        "--batch-size",
        type=int,
        default=None,
        metavar="N",
        help=f"articles per transaction (default {settings().batch_size}), e.g. --batch-size 100",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="extract in N worker processes; without it (and without --engine) extraction runs in this "
        "process; e.g. --workers 4",
    )
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help="local: worker processes (--workers N, else one per core); ray: a Ray Data pipeline "
        "(pip install 'touchline[ray]', --workers N actors, default 2); e.g. --engine local",
    )
    shown = p.add_mutually_exclusive_group()
    shown.add_argument(
        "--progress",
        action="store_true",
        help="draw the progress bar even when stderr is not a terminal (e.g. under `script`), e.g. --progress",
    )
    shown.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="print only problems: no progress and no summary, e.g. --quiet",
    )
    p.add_argument(
        "--log-every",
        type=int,
        default=100,
        metavar="N",
        help="when stderr is not a terminal, log one progress line every N items (default 100), "
        "e.g. --log-every 500",
    )
    p.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symbolic links that point outside an ingested folder (skipped by default, one line "
        "each), e.g. --follow-links",
    )
    add_budget_options(p)
    p.set_defaults(func=run)


def add_reading_options(p: argparse.ArgumentParser) -> None:
    """--published and --columns: how inputs without a date or with unusual CSV columns are read."""
    p.add_argument(
        "--published",
        metavar="DATE",
        help="publication date for inputs that carry none, e.g. --published 2024-12-18",
    )
    p.add_argument(
        "--columns",
        metavar="FIELD=COLUMN,...",
        help="CSV columns for text, published, title, url when their names are not the usual ones, "
        "e.g. --columns text=body,published=date",
    )


def columns_option(args: argparse.Namespace) -> dict[str, str] | None:
    """The parsed --columns mapping (None when not given); a bad value is one clear error."""
    from touchline.ingest.csv_reader import parse_columns

    try:
        return parse_columns(args.columns) if args.columns else None
    except ValueError as exc:
        raise TouchlineError(f"--columns: {exc}") from None


def add_budget_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--extract-seconds",
        type=float,
        default=None,
        help="per-article extraction time budget in seconds, 0 for none (default: $TOUCHLINE_EXTRACT_SECONDS or 10), e.g. --extract-seconds 30",
    )
    p.add_argument(
        "--extract-max-chars",
        type=int,
        default=None,
        help="longest article extracted, in characters, 0 for none (default: $TOUCHLINE_EXTRACT_MAX_CHARS or 200000), e.g. --extract-max-chars 500000",
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
    columns = columns_option(args)
    db = args.db or settings().default_db
    engine = make_engine(args.engine, args.workers)
    with open_store(db) as store:
        report = _run(store, args, engine, columns)
        shown = store.url  # the backend's own form of the location, passwords redacted
    if not args.quiet:
        print(f"{printable(shown)}: {report.summary()}")
    if report.read == 0:
        print("touchline: nothing could be read", file=sys.stderr)
        return 1
    return 0


def print_problem(source: str, problem: str) -> None:
    """One line per bad input, printed when it is found, with control characters made visible."""
    print(f"touchline: {printable(source)}: {printable(problem)}", file=sys.stderr, flush=True)


def _run(
    store: Store, args: argparse.Namespace, engine: Engine | None, columns: dict[str, str] | None
) -> IngestReport:
    def go(progress=None, on_problem=print_problem) -> IngestReport:  # type: ignore[no-untyped-def]
        return ingest(
            store,
            args.paths,
            published=args.published,
            batch_size=args.batch_size,
            progress=progress,
            engine=engine,
            columns=columns,
            on_problem=on_problem,
            follow_links=args.follow_links,
        )

    if args.quiet:
        return go()
    total = counted_total(args.paths)
    if args.progress or sys.stderr.isatty():
        with rich_progress(total, force_terminal=args.progress) as (update, problem):
            return go(update, problem)
    log = LogProgress(total, every=max(1, args.log_every), stream=sys.stderr)
    report = go(log)
    log.finish(report)
    return report
