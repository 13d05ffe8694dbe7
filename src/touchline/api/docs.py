"""The interactive API docs, served from this server with no CDN: Swagger UI at ``/docs`` and ReDoc at
``/redoc``.

Their JavaScript and CSS come from the ``fastapi-offline`` package (a dependency; MIT, shipping the
unmodified ``swagger-ui-dist`` and ``redoc`` bundles) and are served under ``/docs-assets/``; Swagger UI
is started by ``api/static/swagger-init.js`` rather than an inline script, so the pages keep a strict
Content-Security-Policy. When the package is missing, ``/docs`` says how to install it.
"""

from __future__ import annotations

import html
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response

from touchline.api.errors import error_response

ASSETS = "/docs-assets"
HERE = Path(__file__).resolve().parent / "static"
# Swagger UI sets inline styles and loads its icons as data: URLs; ReDoc adds <style> elements and
# starts a web worker from a blob: URL. Scripts still come from this server only.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_FILES = {  # the files of fastapi-offline's static folder that are served
    "swagger-ui-bundle.js": "swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui.css",
    "redoc.standalone.js": "redoc.standalone.js",
    "favicon.png": "favicon.png",
}
_MEDIA = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}
MISSING = "the API docs need the package fastapi-offline: pip install fastapi-offline"


def asset_dir() -> Path | None:
    """The folder holding the Swagger UI / ReDoc bundles, or None when fastapi-offline is missing."""
    try:
        folder = resources.files("fastapi_offline") / "static"
    except ModuleNotFoundError:
        return None
    path = Path(str(folder))
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def install_docs(app: FastAPI, openapi_url: str = "/openapi.json") -> None:
    """Add ``/docs``, ``/redoc`` and ``/docs-assets/{name}`` (create the app with ``docs_url=None,
    redoc_url=None``)."""
    title = html.escape(app.title)
    url = html.escape(openapi_url)

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> Response:
        if asset_dir() is None:
            return error_response(503, "API docs unavailable", MISSING)
        page = (
            "<!doctype html><html lang=en><head><meta charset=utf-8>"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title} – API docs</title>"
            f'<link rel="stylesheet" href="{ASSETS}/swagger-ui.css">'
            f'<link rel="icon" href="{ASSETS}/favicon.png"></head><body>'
            f'<div id="swagger-ui" data-openapi-url="{url}"></div>'
            f'<script src="{ASSETS}/swagger-ui-bundle.js"></script>'
            f'<script src="{ASSETS}/swagger-init.js"></script>'
            "</body></html>"
        )
        return HTMLResponse(page, headers={"Content-Security-Policy": DOCS_CSP})

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> Response:
        if asset_dir() is None:
            return error_response(503, "API docs unavailable", MISSING)
        page = (
            "<!doctype html><html lang=en><head><meta charset=utf-8>"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title} – API reference</title>"
            f'<link rel="icon" href="{ASSETS}/favicon.png"></head><body>'
            f'<redoc spec-url="{url}"></redoc>'
            f'<script src="{ASSETS}/redoc.standalone.js"></script>'
            "</body></html>"
        )
        return HTMLResponse(page, headers={"Content-Security-Policy": DOCS_CSP})

    @app.get(ASSETS + "/{name}", include_in_schema=False)
    def asset(name: str) -> Response:
        if name == "swagger-init.js":
            path: Path | None = HERE / name
        else:
            folder = asset_dir()
            path = folder / _FILES[name] if folder is not None and name in _FILES else None
        if path is None or not path.is_file():
            return error_response(404, "not found", {"asset": name[:100]})
        return FileResponse(
            path, media_type=_MEDIA.get(path.suffix), headers={"Cache-Control": "public, max-age=86400"}
        )


__all__ = ["DOCS_CSP", "install_docs"]
