"""``touchline`` entry point. Each command lives in its own module with ``register(subparsers)``.

Any TouchlineError becomes one readable line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from touchline.errors import TouchlineError

# modules under touchline.cli that define commands; a module not written yet is skipped
COMMAND_MODULES: tuple[str, ...] = (
    "extract_cmd",
    "ingest_cmd",
    "demo_cmd",
    "eval_cmd",
    "gazetteer_cmd",
    "kb_cmds",
    "results_cmd",
    "ledger_cmd",
    "serve_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="touchline",
        description="Turn football news articles into a trustworthy, queryable knowledge base.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"touchline.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"touchline.cli.{name}":
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 1
    try:
        return int(args.func(args) or 0)
    except TouchlineError as exc:
        print(f"touchline: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("touchline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
