"""create_app wiring: the optional web router, method errors, and concurrent reads during writes."""

from __future__ import annotations

import sys
import threading
import types
from pathlib import Path

import pytest
from fastapi import APIRouter
from fastapi.responses import PlainTextResponse
from fastapi.testclient import TestClient

from touchline.api.app import create_app


def test_web_router_is_included_when_present(write_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("touchline.web.routes")
    router = APIRouter()

    @router.get("/fake-page", response_class=PlainTextResponse)
    def page() -> str:
        return "a page"

    fake.router = router  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "touchline.web.routes", fake)
    with TestClient(create_app(str(write_db))) as c:
        assert c.get("/fake-page").text == "a page"
        assert c.get("/healthz").status_code == 200


def test_app_works_without_web_module(write_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "touchline.web.routes", None)  # import raises ModuleNotFoundError
    with TestClient(create_app(str(write_db))) as c:
        assert c.get("/api/matches").status_code == 200


@pytest.mark.parametrize(
    ("method", "path"), [("DELETE", "/api/articles"), ("PUT", "/api/matches"), ("POST", "/healthz")]
)
def test_wrong_method_is_405_json(client: TestClient, method: str, path: str) -> None:
    r = client.request(method, path)
    assert r.status_code == 405
    assert r.json()["error"] == "method not allowed"


def test_reads_stay_consistent_during_writes(writer: TestClient, auth: dict[str, str]) -> None:
    """Reads in several threads while articles are posted: no errors, and counts only grow."""
    stop = threading.Event()
    problems: list[str] = []
    seen: list[list[int]] = [[], [], []]

    def reader(mine: list[int]) -> None:
        while not stop.is_set():
            for path in ("/api/matches", "/api/articles?limit=200", "/api/quotes", "/healthz"):
                r = writer.get(path)
                if r.status_code != 200:
                    problems.append(f"{path}: {r.status_code} {r.text[:200]}")
            mine.append(writer.get("/healthz").json()["articles"])

    threads = [threading.Thread(target=reader, args=(seen[i],)) for i in range(3)]
    for t in threads:
        t.start()
    try:
        for i in range(3):
            text = f"date 2024-05-0{i + 1}\n\nRiverside beat Hillcrest {i + 1}-0 in match {i} of the spring series."
            r = writer.post("/api/articles", json={"text": text}, headers=auth)
            assert r.status_code == 201, r.text
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert not problems, problems
    for mine in seen:  # each reader saw the article count only grow
        assert mine and mine == sorted(mine)
    final = writer.get("/api/articles", params={"limit": 200}).json()["total"]
    assert final == writer.get("/healthz").json()["articles"]


class _SlowExtractor:
    """Wraps the real extractor and waits inside extraction, to show reads are not blocked meanwhile."""

    def __init__(self, inner: object, started: threading.Event, release: threading.Event) -> None:
        self.inner = inner
        self.started = started
        self.release = release

    def extract_many(self, batch: list[object], batch_size: int = 32) -> list[object]:
        self.started.set()
        self.release.wait(30)
        return list(self.inner.extract_many(batch, batch_size=batch_size))  # type: ignore[attr-defined]

    def extract(self, article: object) -> object:
        return self.inner.extract(article)  # type: ignore[attr-defined]


def test_reads_are_not_blocked_by_extraction(writer: TestClient, auth: dict[str, str]) -> None:
    from touchline.nlp.pipeline import default_extractor

    started, release = threading.Event(), threading.Event()
    writer.app.state.extractor = _SlowExtractor(default_extractor(), started, release)  # type: ignore[attr-defined]
    result: dict[str, int] = {}

    def post() -> None:
        text = "date 2024-06-01\n\nLakeside beat Stonebridge 2-1 after a late header from Paul Greer."
        result["status"] = writer.post("/api/articles", json={"text": text}, headers=auth).status_code

    t = threading.Thread(target=post)
    t.start()
    try:
        assert started.wait(30)
        before = writer.get("/healthz").json()["articles"]  # answered while the write is mid-extraction
        assert writer.get("/api/matches").status_code == 200
    finally:
        release.set()
        t.join()
    assert result["status"] == 201
    assert writer.get("/healthz").json()["articles"] == before + 1


def test_unexpected_errors_are_terse_json(write_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(str(write_db))

    def broken(question: str) -> None:
        raise RuntimeError("secret internal state /etc/passwd")

    monkeypatch.setattr(app.state.kb, "ask", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/ask", params={"q": "who managed Everton on 2023-08-12?"})
    assert r.status_code == 500
    assert r.json() == {"error": "internal error", "detail": "RuntimeError"}
    assert "secret" not in r.text and "Traceback" not in r.text


@pytest.mark.parametrize(
    ("path", "accept", "status", "kind"),
    [
        ("/no-such-page", "text/html,application/xhtml+xml", 404, "text/html"),
        ("/no-such-page", "application/json", 404, "application/json"),
        ("/api/no-such-thing", "text/html", 404, "application/json"),
        ("/api/matches?limit=0", "text/html", 422, "application/json"),
        ("/healthz/<script>", "text/html", 404, "application/json"),
    ],
)
def test_error_format_follows_the_path(
    client: TestClient, path: str, accept: str, status: int, kind: str
) -> None:
    r = client.get(path, headers={"Accept": accept})
    assert r.status_code == status
    assert r.headers["content-type"].startswith(kind)
    assert "<script>" not in r.text
