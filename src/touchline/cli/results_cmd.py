"""``touchline results import PATH``: load reference results (openfootball Football.TXT) into the store."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from touchline.config import settings
from touchline.errors import InputError
from touchline.linking.ledger import relink
from touchline.query.openfootball import read_path
from touchline.store import open_store
from touchline.store.base import ResultRecord


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("results", help="reference results (official scores) used for standings and checks")
    rsub = p.add_subparsers(dest="results_command", metavar="ACTION")
    imp = rsub.add_parser("import", help="import openfootball Football.TXT files (a file or a folder)")
    imp.add_argument(
        "paths",
        nargs="+",
        help="Football.TXT files or folders of them, e.g. ../shared/data/openfootball/england",
    )
    imp.add_argument(
        "--db",
        default=None,
        help=f"store file or postgresql:// URL (default: $TOUCHLINE_DB or {settings().default_db}), e.g. --db my.db",
    )
    imp.set_defaults(func=run_import)
    p.set_defaults(func=lambda args: (p.print_help(), 1)[1])


def run_import(args: argparse.Namespace) -> int:
    records: list[ResultRecord] = []
    failed = 0
    for path in args.paths:
        for item in read_path(path):
            if isinstance(item, InputError):
                failed += 1
                print(f"touchline: {item}", file=sys.stderr)
            else:
                records.append(item)
    if not records:
        print("touchline: no results could be read", file=sys.stderr)
        return 1
    db = args.db or settings().default_db
    with open_store(db) as store:
        store.add_results(records)
        links = store.ledger_links() if relink(store) else []
        shown = store.url  # the backend's own form of the location, passwords redacted
    seasons = Counter((r.competition, r.season) for r in records)
    for (comp, season), n in sorted(seasons.items()):
        print(f"{comp} {season}: {n} results")
    linked = sum(1 for link in links if link.status == "linked")
    print(f"ledger links: {linked} reported match(es) linked to their fixture, {len(links) - linked} other")
    print(f"{shown}: imported {len(records)} results" + (f" ({failed} input(s) failed)" if failed else ""))
    return 0
