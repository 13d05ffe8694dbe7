"""JSON errors for the API: every failure is ``{"error": "...", "detail": ...}`` with a fitting status.

Browsers asking for a web page (``Accept: text/html``, a path outside ``/api``) get the same status with
a small HTML page instead. Bad input never produces a traceback: validation problems are 422, unknown ids 404, a question or
filter the knowledge base cannot understand 400, and anything unexpected a terse 500.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from touchline.errors import InputError, QueryError

log = logging.getLogger("touchline.api")

_REASONS = {
    400: "bad request",
    401: "unauthorized",
    403: "forbidden",
    404: "not found",
    405: "method not allowed",
    413: "payload too large",
    415: "unsupported media type",
    422: "unprocessable input",
    500: "internal error",
}


class ApiError(Exception):
    """Raised by route code; turned into ``{"error": message, "detail": detail}`` with ``status``."""

    def __init__(self, status: int, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.detail = detail


def not_found(kind: str, key: str) -> ApiError:
    return ApiError(404, f"unknown {kind}", {kind: key})


API_PREFIXES = ("/api/", "/api", "/healthz", "/docs", "/redoc", "/openapi.json")


def wants_html(request: Request) -> bool:
    """A browser asking for a web page (not an API path): it gets a small HTML error page instead of JSON."""
    path = request.url.path
    if path == "/api" or path.startswith(API_PREFIXES):
        return False
    return "text/html" in request.headers.get("accept", "")


def html_error(status: int, message: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    title = html.escape(f"{status} {message}")
    page = (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title></head>"
        f'<body><h1>{title}</h1><p><a href="/">touchline home</a></p></body></html>'
    )
    return HTMLResponse(page, status_code=status, headers=headers)


def error_response(
    status: int, message: str, detail: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"error": message, "detail": detail}, status_code=status, headers=headers)


def _clean_validation(errors: list[Any]) -> list[dict[str, Any]]:
    """Pydantic errors without the raw input (which may be huge or not JSON-serialisable)."""
    out = []
    for e in errors:
        out.append(
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
        )
    return out


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.message, exc.detail, headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = _REASONS.get(exc.status_code, "error")
        headers = getattr(exc, "headers", None)
        if wants_html(request):
            return html_error(exc.status_code, message, headers)
        detail = exc.detail if exc.detail and exc.detail != message else None
        return error_response(exc.status_code, message, detail, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        if wants_html(request):
            return html_error(422, "invalid request")
        return error_response(422, "invalid request", _clean_validation(list(exc.errors())))

    @app.exception_handler(QueryError)
    async def _query_error(request: Request, exc: QueryError) -> JSONResponse:
        return error_response(400, "query not understood", str(exc))

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> JSONResponse:
        return error_response(422, "unreadable article", {"source": exc.source, "problem": exc.problem})

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        if wants_html(request):
            return html_error(500, "internal error")
        return error_response(500, "internal error", type(exc).__name__)
