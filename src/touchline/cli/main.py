"""``touchline`` entry point. Each command lives in its own module with ``register(subparsers)``.

Any TouchlineError becomes one readable line on stderr and exit status 2. SIGTERM is turned into an
exception like Ctrl-C's, so the running command cleans up (an ingest stops its workers, the open batch
rolls back) and the process exits with status 143 (Ctrl-C: 130).
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sqlite3
import sys
import threading
from collections.abc import Sequence

from touchline.errors import TouchlineError, printable

# modules under touchline.cli that define commands; a module not written yet is skipped
COMMAND_MODULES: tuple[str, ...] = (
    "extract_cmd",
    "ingest_cmd",
    "demo_cmd",
    "eval_cmd",
    "gazetteer_cmd",
    "kb_cmds",
    "browse_cmd",
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


class Terminated(BaseException):
    """Raised in the main thread when the process receives SIGTERM."""


def _on_sigterm(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends the process at once
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 1
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return int(args.func(args) or 0)
    except TouchlineError as exc:
        print(f"touchline: error: {printable(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("touchline: interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print("touchline: terminated", file=sys.stderr)
        return 143
    except BrokenPipeError:
        return 0
    except (sqlite3.Error, OSError) as exc:  # e.g. a full disk outside a batch write: one line, no traceback
        print(f"touchline: error: {printable(str(exc))}", file=sys.stderr)
        return 2
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
