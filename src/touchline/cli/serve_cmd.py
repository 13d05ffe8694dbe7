"""``touchline serve``: the REST API (and the web pages, when installed) over a knowledge base, via uvicorn."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from touchline.api.security import ALLOWED_HOSTS_ENV, DEFAULT_ALLOWED_HOSTS
from touchline.config import settings
from touchline.errors import TouchlineError

TOKEN_ENV = "TOUCHLINE_TOKEN"
_ANY_ADDRESS = ("0.0.0.0", "::", "")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "serve",
        help="serve the knowledge base over HTTP (REST API at /api, docs at /docs)",
        description=(
            "Start a web server for a knowledge base. Reads are open; POST /api/articles needs the token "
            f"(${TOKEN_ENV} or --token-file), and without one the server is read-only. Requests must name "
            "an allowed host (localhost, 127.0.0.1, [::1] and --allowed-host)."
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
        "--token-file",
        default=None,
        help=f"file holding the token that allows writes (default: ${TOKEN_ENV}), e.g. --token-file ~/.touchline-token",
    )
    p.add_argument(
        "--token",
        default=None,
        help=f"the token itself (visible to other users in `ps`: prefer ${TOKEN_ENV} or --token-file), e.g. --token s3cret",
    )
    p.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="HOST",
        help=(
            "a host name clients may use in the Host header, besides localhost/127.0.0.1/[::1] "
            f"(repeatable; also ${ALLOWED_HOSTS_ENV}, comma-separated; '*' allows any), e.g. --allowed-host kb.example.org"
        ),
    )
    p.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="server log detail (default: info), e.g. --log-level warning",
    )
    p.set_defaults(func=run)


def read_token(args: argparse.Namespace) -> str | None:
    """The write token: --token-file, else --token (with a warning), else $TOUCHLINE_TOKEN."""
    if args.token_file:
        path = Path(args.token_file)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
            raise TouchlineError(f"{path}: cannot read the token file ({reason})") from exc
        token = text.strip()
        if not token or "\n" in token:
            raise TouchlineError(f"{path}: the token file must hold the token on one line")
        return token
    if args.token is not None:
        print(
            f"touchline: warning: --token is visible to other users in the process list; use ${TOKEN_ENV} "
            "or --token-file instead",
            file=sys.stderr,
        )
        return args.token or None
    return os.environ.get(TOKEN_ENV) or None


def allowed_hosts(args: argparse.Namespace) -> list[str]:
    hosts = [*DEFAULT_ALLOWED_HOSTS, *args.allowed_host]
    hosts += [h for h in os.environ.get(ALLOWED_HOSTS_ENV, "").split(",") if h.strip()]
    if args.host not in _ANY_ADDRESS:
        hosts.append(args.host)  # the address the server listens on is a name clients may use
    return hosts


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
    token = read_token(args)
    app = create_app(db, token=token or "", allowed_hosts=allowed_hosts(args))
    read_only = app.state.kb.store.read_only
    if read_only:
        print(
            f"touchline: the store is read-only ({read_only}); so is the API (POST /api/articles answers 403)"
        )
    elif not app.state.token:
        print("touchline: no token set; the API is read-only (POST /api/articles answers 403)")
    elif args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"touchline: listening on {args.host} over plain HTTP: the token travels unencrypted",
            file=sys.stderr,
        )
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0
