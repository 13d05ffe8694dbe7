"""``touchline gazetteer import PATH`` and ``touchline gazetteer lookup TEXT``.

``import`` reads an openfootball clubs folder (Football.TXT ``*.clubs.txt``) into the user's overlay
(``$TOUCHLINE_HOME/gazetteer``, default ``~/.touchline/gazetteer``); ``lookup`` shows what a name
resolves to (club, competition or stadium), with ``--fuzzy`` for misspellings.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from touchline.linking.gazetteer import KINDS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("gazetteer", help="import club lists into, or look names up in, the gazetteer")
    gsub = p.add_subparsers(dest="gazetteer_command", metavar="SUBCOMMAND")
    imp = gsub.add_parser("import", help="import an openfootball clubs folder into the user's overlay")
    imp.add_argument(
        "path",
        help="folder (searched recursively for *.clubs.txt) or one *.clubs.txt file, "
        "e.g. ../shared/data/openfootball/clubs",
    )
    imp.add_argument(
        "--into", help="overlay directory (default: $TOUCHLINE_HOME/gazetteer), e.g. --into ~/my-gazetteer"
    )
    imp.set_defaults(func=run_import)
    look = gsub.add_parser("lookup", help="resolve a club, competition or stadium name")
    look.add_argument("text", help="the name to resolve, e.g. 'Saints' or 'Carabao Cup'")
    look.add_argument(
        "--kind",
        choices=[*KINDS, "any"],
        default="any",
        help="what to look for (default: any), e.g. --kind competition",
    )
    look.add_argument("--fuzzy", action="store_true", help="allow misspellings (RapidFuzz), e.g. --fuzzy")
    look.add_argument(
        "--context",
        action="append",
        default=[],
        help="a club the text is about (repeatable), e.g. --context Southampton",
    )
    look.set_defaults(func=run_lookup)
    p.set_defaults(func=lambda args: (p.print_help(), 1)[1])


def run_import(args: argparse.Namespace) -> int:
    from touchline.linking.openfootball import import_openfootball

    summary = import_openfootball(Path(args.path), Path(args.into) if args.into else None)
    for line in summary.lines():
        print(line)
    return 0


def run_lookup(args: argparse.Namespace) -> int:
    from touchline.linking.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    kinds = KINDS if args.kind == "any" else (args.kind,)
    found = False
    for kind in kinds:
        hit = gaz.lookup(kind, args.text, fuzzy=args.fuzzy, context=args.context or None)
        if hit is None:
            continue
        found = True
        extra = ""
        if kind == "club":
            parts = [gaz.club_country.get(hit, ""), gaz.home_stadium(hit) or ""]
            extra = "".join(f"\t{p}" for p in parts if p)
        elif kind == "stadium" and gaz.club_of_stadium(hit):
            extra = f"\t{gaz.club_of_stadium(hit)}"
        print(f"{kind}\t{hit}{extra}")
    if not found:
        print(f"no {'entry' if args.kind == 'any' else args.kind} named {args.text!r}")
        return 1
    return 0
