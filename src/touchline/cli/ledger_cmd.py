"""``touchline ledger-eval CORPUS... --results PATH...``: agreement of extracted results with the ledger."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from touchline.eval.ledger import add_arguments, run_cli

    p = sub.add_parser(
        "ledger-eval",
        help="share of extracted results that agree with / contradict the reference results, per folder",
    )
    add_arguments(p)
    p.set_defaults(func=run_cli)
