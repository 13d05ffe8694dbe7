"""``touchline serve``: the REST API (and the web pages, when installed) over a knowledge base, via uvicorn."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from touchline.config import settings
from touchline.errors import TouchlineError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "serve",
        help="serve the knowledge base over HTTP (REST API at /api, docs at /docs)",
        description=(
            "Start a web server for a knowledge base. Reads are open; POST /api/articles needs the token "
            "(--token or $TOUCHLINE_TOKEN), and without one the server is read-only."
        ),
    )
    p.add_argument(
        "--db",
        default=None,
        help="store file or URL (default: $TOUCHLINE_DB or touchline.db), e.g. --db my.db",
    )
    p.add_argument(
        "--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1), e.g. --host 0.0.0.0"
    )
    p.add_argument(
        "--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one), e.g. --port 8080"
    )
    p.add_argument(
        "--token",
        default=None,
        help="token that allows writes (default: $TOUCHLINE_TOKEN), e.g. --token s3cret",
    )
    p.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="server log detail (default: info), e.g. --log-level warning",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from touchline.api.app import create_app

    db = args.db or settings().default_db
    if "://" not in db and not Path(db).exists():
        raise TouchlineError(
            f"no store at {db}: build one with `touchline ingest` or `touchline demo --db {db}`"
        )
    if not 0 <= args.port <= 65535:
        raise TouchlineError(f"invalid port {args.port}")
    token = args.token if args.token is not None else os.environ.get("TOUCHLINE_TOKEN")
    app = create_app(db, token=token or None)
    if not app.state.token:
        print("touchline: no token set; the API is read-only (POST /api/articles answers 403)")
    elif args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"touchline: listening on {args.host} over plain HTTP: the token travels unencrypted",
            file=sys.stderr,
        )
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0
