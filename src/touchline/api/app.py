"""Build the FastAPI application: the knowledge base on ``app.state.kb``, the REST routes under ``/api``,
health and docs, and the server-rendered web UI (``touchline.web.routes``) when it is installed.

    from touchline.api.app import create_app
    app = create_app("touchline.db", token="s3cret")   # uvicorn.run(app)

Writes need a token (``Authorization: Bearer T`` or ``X-Touchline-Token: T``); without a configured
token the API is read-only. Every response carries security headers, the Host header can be checked
against an allow-list, and cached views follow writes by other processes (``api/security.py``); the
API docs are served locally (``api/docs.py``).
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from touchline import __version__, open_kb
from touchline.api.docs import install_docs
from touchline.api.errors import install_error_handlers
from touchline.api.security import Guard

log = logging.getLogger("touchline.api")

TOKEN_ENV = "TOUCHLINE_TOKEN"


def create_app(db: str, token: str | None = None, *, allowed_hosts: Iterable[str] | None = None) -> FastAPI:
    """A FastAPI app serving the knowledge base at ``db`` (a SQLite path or a store URL).

    ``token`` protects the write endpoint; when None it is read from ``$TOUCHLINE_TOKEN``, and an empty
    value disables writes altogether. ``allowed_hosts``: the Host names requests may use (400
    otherwise); None skips the check (``touchline serve`` always passes a list, localhost by default).
    """
    app = FastAPI(
        docs_url=None,  # served locally by install_docs below, not from a CDN
        redoc_url=None,
        title="touchline",
        version=__version__,
        description=(
            "Football news articles turned into a grounded knowledge base. Every fact carries its "
            "evidence: the article id and the character offsets of the supporting text."
        ),
        lifespan=_lifespan,
    )
    app.state.kb = open_kb(db)
    app.state.db = db
    app.state.token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    # one lock around the knowledge base: the store has one connection and merged views are cached
    app.state.kb_lock = threading.RLock()
    # one store write at a time; extraction runs before it, outside every lock (routes_write.py)
    app.state.write_lock = threading.Lock()
    app.state.cache = {}  # derived views, cleared after every write
    install_error_handlers(app)
    install_docs(app)
    app.add_middleware(Guard, allowed_hosts=allowed_hosts)

    from touchline.api import routes_query, routes_read, routes_write
    from touchline.api.routes_meta import router as meta_router
    from touchline.api.strict_params import STRICT

    # unknown query parameters give 422 naming them (``strict_params.py``)
    app.include_router(meta_router, dependencies=STRICT)
    app.include_router(routes_read.router, dependencies=STRICT)
    app.include_router(routes_query.router, dependencies=STRICT)
    app.include_router(routes_write.router, dependencies=STRICT)
    _include_web(app)

    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    with app.state.kb_lock:
        app.state.kb.close()


def _include_web(app: FastAPI) -> None:
    """Add the HTML pages and their static files when ``touchline.web.routes`` exists."""
    try:
        module = importlib.import_module("touchline.web.routes")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("touchline.web"):
            return
        raise
    router = getattr(module, "router", None)
    if router is None:
        log.warning("touchline.web.routes has no `router`; web pages are not served")
        return
    app.include_router(router)
    where = getattr(module, "__file__", None)
    static = Path(where).resolve().parent / "static" if where else None
    if static is not None and static.is_dir():
        from fastapi.staticfiles import StaticFiles

        app.mount("/static", StaticFiles(directory=str(static)), name="static")
