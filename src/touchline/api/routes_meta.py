"""Health check: ``GET /healthz`` says the server is up and how much the knowledge base holds."""

from __future__ import annotations

from fastapi import APIRouter, Request

from touchline import __version__
from touchline.api.deps import kb_of
from touchline.api.schemas import Health

router = APIRouter(tags=["meta"])


@router.get("/healthz", response_model=Health, summary="Liveness and store counts")
def healthz(request: Request) -> Health:
    with kb_of(request) as kb:
        counts = kb.store.counts()
    return Health(
        status="ok",
        version=__version__,
        articles=counts.get("articles", 0),
        writes_enabled=bool(request.app.state.token) and not kb.store.read_only,
    )
