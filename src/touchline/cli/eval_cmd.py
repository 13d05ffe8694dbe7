"""``touchline eval [--verbose] [--only CATEGORIES] [--json]``: score the extractor against the gold files."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from touchline.eval.runner import add_arguments, run_cli

    p = sub.add_parser("eval", help="score the extractor against the eval gold files (P/R/F1 per category)")
    add_arguments(p)
    p.set_defaults(func=run_cli)
