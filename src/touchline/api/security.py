"""What every HTTP exchange goes through, as one ASGI middleware (:class:`Guard`):

1. **Host allow-list**: a request whose ``Host`` header names a host that is not allowed gets 400,
   before any route runs. This defeats DNS rebinding (a web page on another site resolving its own
   name to 127.0.0.1 to read the local server). ``touchline serve`` allows ``localhost``, ``127.0.0.1``
   and ``[::1]`` by default, plus ``--allowed-host`` / ``$TOUCHLINE_ALLOWED_HOSTS``; ``*`` allows any
   host and ``*.example.org`` any subdomain.
2. **Freshness**: before the request is served, the store's data version is compared with the one the
   cached views were built from; when another process has written to the store, the knowledge base's
   cached views are dropped, so answers come from current data (:func:`touchline.api.freshness.sync`).
3. **Security headers** on every response (pages, API, errors, static files): a Content-Security-Policy
   (scripts and styles from this server only; the API docs pages get their own), ``nosniff``,
   ``X-Frame-Options: DENY`` and ``Referrer-Policy: no-referrer``. A header the route set itself is
   kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from anyio import to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_ALLOWED_HOSTS = ("localhost", "127.0.0.1", "[::1]")
ALLOWED_HOSTS_ENV = "TOUCHLINE_ALLOWED_HOSTS"

# Server-rendered pages: no inline script or style, nothing from elsewhere, no framing.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}
# Paths whose responses never depend on the store (no freshness check needed).
STATIC_PREFIXES = ("/static/", "/docs-assets/", "/favicon")


def host_name(header: str) -> str:
    """The host of a ``Host`` header, lower-case, without port or trailing dot (``[::1]`` keeps its
    brackets)."""
    value = header.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[: end + 1] if end > 0 else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    elif value.count(":") > 1:  # a bare IPv6 address
        return f"[{value}]"
    return value.rstrip(".")


def normalise_hosts(hosts: Iterable[str]) -> frozenset[str]:
    out = set()
    for host in hosts:
        for item in host.split(","):
            item = item.strip()
            if item:
                out.add("*" if item == "*" else host_name(item))
    return frozenset(out)


def host_allowed(header: str, allowed: frozenset[str]) -> bool:
    if "*" in allowed:
        return True
    name = host_name(header)
    if not name:
        return False
    if name in allowed:
        return True
    return any(a.startswith("*.") and name.endswith(a[1:]) for a in allowed)


class Guard:
    """The middleware described in the module docstring. ``allowed_hosts`` None: no Host check (for
    applications embedded behind a proxy that checks it; ``touchline serve`` always passes a list)."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] | None = None) -> None:
        self.app = app
        self.allowed = None if allowed_hosts is None else normalise_hosts(allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                extra = dict(SECURITY_HEADERS)
                extra["content-security-policy"] = PAGE_CSP
                for key, value in extra.items():
                    if key.encode() not in present:
                        headers.append((key.encode(), value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        if self.allowed is not None:
            host = _header(scope, b"host")
            if not host_allowed(host, self.allowed):
                await _reject(scope, send_with_headers, host)
                return
        app = scope.get("app")
        state = getattr(app, "state", None)
        if scope["type"] == "http" and state is not None and not path.startswith(STATIC_PREFIXES):
            from touchline.api.freshness import sync

            await to_thread.run_sync(sync, state)
        await self.app(scope, receive, send_with_headers)


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return ""


async def _reject(scope: Scope, send: Send, host: str) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})
        return
    body: dict[str, Any] = {
        "error": "host not allowed",
        "detail": f"the Host header {host[:100]!r} is not in this server's allow-list (--allowed-host)",
    }
    data = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 400,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": data})


__all__ = [
    "ALLOWED_HOSTS_ENV",
    "DEFAULT_ALLOWED_HOSTS",
    "PAGE_CSP",
    "SECURITY_HEADERS",
    "Guard",
    "host_allowed",
    "host_name",
    "normalise_hosts",
]
