"""The Jinja2 environment of the web pages (autoescaping on), the page renderer and the knowledge base
under the app's lock, shared by every router of ``touchline.web``."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from touchline.query.kb import KnowledgeBase
from touchline.web import views

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"

_env = Environment(
    loader=FileSystemLoader(str(TEMPLATE_DIR)),
    autoescape=select_autoescape(["html"], default_for_string=True, default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals.update(
    person_url=views.person_url,
    club_url=views.club_url,
    match_url=views.match_url,
    article_url=views.article_url,
    cite_url=views.cite_url,
    h2h_url=views.h2h_url,
    fmt_value=views.fmt_value,
)
_fallback_lock = threading.RLock()

Text = Annotated[str, Query(max_length=300)]


@contextmanager
def _kb(request: Request) -> Iterator[KnowledgeBase]:
    """The app's knowledge base under the app's lock (one SQLite connection, cached merged views)."""
    lock = getattr(request.app.state, "kb_lock", None) or _fallback_lock
    with lock:
        yield request.app.state.kb


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**context), status_code=status)


def not_found(kind: str, key: str) -> HTMLResponse:
    return render("not_found.html", 404, title="Not found", kind=kind, key=key)
