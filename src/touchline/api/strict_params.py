"""Unknown query parameters are an error, not silence: ``/api/quotes?speeker=X`` answers 422 naming
``speeker`` (and the parameters the endpoint does take) instead of ignoring the filter and returning
everything.

Added to the API routers as a dependency (``app.include_router(..., dependencies=STRICT)``); the
parameters an endpoint takes are read from its FastAPI dependant (its own and its dependencies'),
once per route.
"""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request

from touchline.api.errors import ApiError

_ALLOWED: dict[int, frozenset[str]] = {}


def _query_names(dependant: Any) -> set[str]:
    names = {getattr(p, "alias", None) or p.name for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def allowed_params(route: Any) -> frozenset[str]:
    key = id(route)
    if key not in _ALLOWED:
        dependant = getattr(route, "dependant", None)
        _ALLOWED[key] = frozenset(_query_names(dependant)) if dependant is not None else frozenset()
    return _ALLOWED[key]


def reject_unknown_query_params(request: Request) -> None:
    route = request.scope.get("route")
    if route is None or getattr(route, "dependant", None) is None:
        return
    allowed = allowed_params(route)
    unknown = sorted({k for k in request.query_params if k not in allowed})
    if unknown:
        names = ", ".join(repr(u) for u in unknown)
        raise ApiError(
            422,
            f"unknown query parameter{'s' if len(unknown) > 1 else ''} {names}",
            {"unknown": unknown, "allowed": sorted(allowed)},
        )


STRICT = [Depends(reject_unknown_query_params)]
