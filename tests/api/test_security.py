"""Security headers on every response, the Host allow-list, local API docs assets, and how ``serve`` reads
its token."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from touchline.api.app import create_app
from touchline.api.security import DEFAULT_ALLOWED_HOSTS, host_allowed, host_name, normalise_hosts
from touchline.cli import serve_cmd
from touchline.errors import TouchlineError

PATHS = [
    ("GET", "/"),
    ("GET", "/search?q=penalty"),
    ("GET", "/api/matches"),
    ("GET", "/api/articles/nope"),  # 404 JSON
    ("GET", "/no-such-page"),  # 404 page
    ("GET", "/healthz"),
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
    ("GET", "/redoc"),
    ("GET", "/docs-assets/swagger-ui-bundle.js"),
    ("GET", "/static/style.css"),
    ("POST", "/api/articles"),  # 401
]


@pytest.fixture(scope="module")
def guarded(sample_db: Path) -> Iterator[TestClient]:
    app = create_app(str(sample_db), token="t", allowed_hosts=[*DEFAULT_ALLOWED_HOSTS, "kb.example.org"])
    with TestClient(app, base_url="http://localhost:8000") as c:
        yield c


@pytest.mark.parametrize(("method", "path"), PATHS)
def test_every_response_carries_security_headers(guarded: TestClient, method: str, path: str) -> None:
    r = guarded.request(method, path)
    assert r.status_code < 500
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src 'self';" in csp  # never inline or remote scripts
    if path in ("/docs", "/redoc"):
        assert r.status_code == 200


def test_pages_have_no_inline_script_or_remote_asset(guarded: TestClient) -> None:
    for path in ("/", "/docs", "/redoc", "/search?q=penalty"):
        text = guarded.get(path).text
        assert "<script>" not in text and "cdn." not in text and "https://" not in text.split("<body")[0], (
            path
        )


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("localhost:8000", 200),
        ("127.0.0.1", 200),
        ("[::1]:8000", 200),
        ("LOCALHOST.", 200),
        ("kb.example.org", 200),
        ("attacker.example.com", 400),
        ("localhost.attacker.example", 400),
        ("127.0.0.1.nip.io:8000", 400),
        ("", 400),
    ],
)
def test_host_allow_list(guarded: TestClient, host: str, status: int) -> None:
    r = guarded.get("/api/matches", headers={"Host": host})
    assert r.status_code == status
    if status == 400:
        assert r.json()["error"] == "host not allowed"
        assert r.headers["x-frame-options"] == "DENY"


def test_host_helpers() -> None:
    assert host_name("[::1]:8000") == "[::1]" and host_name("::1") == "[::1]"
    assert host_name("Example.ORG.:80") == "example.org"
    allowed = normalise_hosts(["localhost", "*.example.org, ::1"])
    assert host_allowed("a.b.example.org", allowed) and host_allowed("[::1]", allowed)
    assert not host_allowed("example.org.evil", allowed) and not host_allowed("evilexample.org", allowed)
    assert host_allowed("anything", normalise_hosts(["*"]))


def test_docs_assets_are_served_locally(guarded: TestClient) -> None:
    page = guarded.get("/docs").text
    assert '/docs-assets/swagger-ui-bundle.js"' in page and "/docs-assets/swagger-init.js" in page
    for name, kind, marker in [
        ("swagger-ui-bundle.js", "javascript", "SwaggerUIBundle"),
        ("swagger-ui.css", "text/css", ".swagger-ui"),
        ("redoc.standalone.js", "javascript", "Redoc"),
        ("swagger-init.js", "javascript", "SwaggerUIBundle("),
    ]:
        r = guarded.get(f"/docs-assets/{name}")
        assert r.status_code == 200 and kind in r.headers["content-type"] and marker in r.text, name
    assert guarded.get("/docs-assets/../app.py").status_code == 404
    assert guarded.get("/docs-assets/core.py").status_code == 404


def _args(**kw: object) -> argparse.Namespace:
    base: dict[str, object] = {"token_file": None, "token": None, "allowed_host": [], "host": "127.0.0.1"}
    return argparse.Namespace(**{**base, **kw})


def test_token_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TOUCHLINE_TOKEN", "from-env")
    assert serve_cmd.read_token(_args()) == "from-env"
    secret = tmp_path / "token"
    secret.write_text("from-file\n")
    assert serve_cmd.read_token(_args(token_file=str(secret))) == "from-file"
    assert serve_cmd.read_token(_args(token="on-the-command-line")) == "on-the-command-line"
    assert "visible to other users" in capsys.readouterr().err
    secret.write_text("\n")
    with pytest.raises(TouchlineError, match="one line"):
        serve_cmd.read_token(_args(token_file=str(secret)))
    with pytest.raises(TouchlineError, match="cannot read the token file"):
        serve_cmd.read_token(_args(token_file=str(tmp_path / "missing")))


def test_allowed_hosts_from_options_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOUCHLINE_ALLOWED_HOSTS", "a.example, b.example")
    hosts = normalise_hosts(serve_cmd.allowed_hosts(_args(allowed_host=["c.example"], host="10.0.0.5")))
    assert {"localhost", "127.0.0.1", "[::1]", "a.example", "b.example", "c.example", "10.0.0.5"} <= hosts
    assert "0.0.0.0" not in normalise_hosts(serve_cmd.allowed_hosts(_args(host="0.0.0.0")))
