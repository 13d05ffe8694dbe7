"""The touchline REST API: ``create_app(db, token)`` returns a FastAPI app serving a knowledge base.

Run it with ``touchline serve --db FILE [--host 127.0.0.1] [--port 8000] [--token T]``; OpenAPI docs are
at ``/docs`` and ``/openapi.json``. Lists take ``limit`` (1–200, default 50) and ``offset`` and answer
``{"total", "limit", "offset", "items"}``; every fact carries ``evidence`` spans (article id, start, end,
text with ``body[start:end] == text``). Errors are ``{"error": ..., "detail": ...}``.

    GET  /healthz                      liveness, article count, whether writes are enabled
    GET  /api/articles                 ?club= &person= &competition= &date_from= &date_to=
    GET  /api/articles/{id}            body and every extracted fact (id or unique hex prefix)
    GET  /api/matches                  ?club= &opponent= &competition= &status= &date_from= &date_to=
    GET  /api/matches/{id}             merged match: score, goals, sources, conflicts
    GET  /api/people                   ?q= &club= &date_from= &date_to=
    GET  /api/people/{name}            tenures (roles over time) and quotes
    GET  /api/clubs                    clubs with match counts
    GET  /api/clubs/{name}             matches, managers and other tenures, quotes (?limit=)
    GET  /api/quotes                   ?person= (or speaker=) &club= &q= &date_from= &date_to=
    GET  /api/search?q=                BM25 over articles and quotes ("a phrase" in quotes), true total,
                                       near-duplicates folded; ?kind= &club= &person= &competition= dates
    GET  /api/standings                ?competition= &season= [&as_of=]
    GET  /api/checks                   ?status= &kind= &subject=
    GET  /api/ask?q=                   rule-based answer with evidence; ``known`` false when it cannot say
    POST /api/articles                 text/plain, text/html or JSON ({"text", "published", "source"} or a
                                       list); needs ``Authorization: Bearer T`` or ``X-Touchline-Token: T``

An unknown query parameter is a 422 naming it (``strict_params.py``), never silently ignored.
"""

from __future__ import annotations

from touchline.api.app import create_app

__all__ = ["create_app"]
