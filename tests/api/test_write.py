"""POST /api/articles: tokens, formats, duplicates and hostile payloads (nothing stored on error)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from touchline.api.app import create_app
from touchline.api.routes_write import DEFAULT_MAX_BODY

ARTICLE = (
    "date 2024-03-02\n\n"
    "Harbour Town beat Millbrook United 3-1 at the Quayside on Saturday. "
    "Tom Reeve scored twice before half-time and Ali Noor added a third.\n\n"
    '"We were sharp from the first whistle," said Harbour Town manager Dan Okafor.'
)


def counts(client: TestClient) -> dict[str, int]:
    with client.app.state.kb_lock:  # type: ignore[attr-defined]
        return dict(client.app.state.kb.store.counts())  # type: ignore[attr-defined]


def test_post_text_stores_and_reads_see_it(writer: TestClient, auth: dict[str, str]) -> None:
    before = counts(writer)
    r = writer.post("/api/articles", content=ARTICLE.encode(), headers={**auth, "Content-Type": "text/plain"})
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["stored"] == 1 and out["articles"][0]["status"] == "stored"
    assert out["articles"][0]["published"] == "2024-03-02"
    assert counts(writer)["articles"] == before["articles"] + 1
    aid = out["articles"][0]["id"]
    detail = writer.get(f"/api/articles/{aid}").json()
    assert "Harbour Town" in detail["body"]
    listed = writer.get("/api/articles", params={"limit": 200}).json()
    assert aid in [a["id"] for a in listed["items"]]
    again = writer.post(
        "/api/articles", content=ARTICLE.encode(), headers={**auth, "Content-Type": "text/plain"}
    )
    assert again.status_code == 200 and again.json()["articles"][0]["status"] == "duplicate"
    assert counts(writer)["articles"] == before["articles"] + 1


def test_post_json_list_and_html(writer: TestClient, auth: dict[str, str]) -> None:
    html = "<html><head><title>Cup tie</title></head><body><article><p>Northfield drew 0-0 with Eastgate.</p></article></body></html>"
    items = [
        {"text": ARTICLE, "source": "https://example.org/a"},
        {"text": html, "published": "2024-03-05", "source": "https://example.org/b"},
        {"text": ARTICLE, "source": "https://example.org/a-copy"},
    ]
    r = writer.post("/api/articles", json=items, headers={"X-Touchline-Token": "test-token-123"})
    assert r.status_code == 201, r.text
    statuses = [a["status"] for a in r.json()["articles"]]
    assert statuses == ["stored", "stored", "duplicate"]
    page = writer.get(f"/api/articles/{r.json()['articles'][1]['id']}").json()
    assert "<" not in page["body"] and "Northfield" in page["body"]


def test_declared_charset_and_html_fragment(writer: TestClient, auth: dict[str, str]) -> None:
    latin = "date 2024-03-09\n\nCaf\u00e9 Rovers beat Ath\u00e9tic 2-0 at the Stade Municipal.".encode(
        "latin-1"
    )
    r = writer.post(
        "/api/articles", content=latin, headers={**auth, "Content-Type": "text/plain; charset=ISO-8859-1"}
    )
    assert r.status_code == 201, r.text
    body = writer.get(f"/api/articles/{r.json()['articles'][0]['id']}").json()["body"]
    assert "Café Rovers" in body
    fragment = b"<p>Westport beat <b>Eastham</b> 1-0 in the replay on Tuesday evening.</p>"
    r = writer.post("/api/articles", content=fragment, headers={**auth, "Content-Type": "text/html"})
    assert r.status_code == 201, r.text
    body = writer.get(f"/api/articles/{r.json()['articles'][0]['id']}").json()["body"]
    assert "Westport beat Eastham 1-0" in body and "<" not in body
    bad = writer.post(
        "/api/articles", content=b"abc", headers={**auth, "Content-Type": "text/plain; charset=klingon"}
    )
    assert bad.status_code == 422


def test_script_tags_are_stored_as_text(writer: TestClient, auth: dict[str, str]) -> None:
    text = "<script>alert('x')</script> Rovers beat City 2-0 on Tuesday night at the Old Ground."
    r = writer.post("/api/articles", json={"text": text, "published": "2024-04-01"}, headers=auth)
    assert r.status_code == 201, r.text
    body = writer.get(f"/api/articles/{r.json()['articles'][0]['id']}").json()["body"]
    assert "<script>alert('x')</script>" in body


@pytest.mark.parametrize(
    ("token", "headers", "status"),
    [
        ("tok", {}, 401),
        ("tok", {"Authorization": "Bearer wrong"}, 401),
        ("tok", {"X-Touchline-Token": "wrong"}, 401),
        ("tok", {"Authorization": "Basic dG9rOnRvaw=="}, 401),
        (None, {"Authorization": "Bearer tok"}, 403),
        ("", {"Authorization": "Bearer "}, 403),
        ("tok", {"Authorization": "Bearer tok", "X-Touchline-Token": "wrong"}, 401),
    ],
)
def test_writes_need_the_token(
    write_db: Path, monkeypatch: pytest.MonkeyPatch, token: str | None, headers: dict[str, str], status: int
) -> None:
    monkeypatch.delenv("TOUCHLINE_TOKEN", raising=False)
    with TestClient(create_app(str(write_db), token=token)) as c:
        before = counts(c)
        r = c.post(
            "/api/articles", content=ARTICLE.encode(), headers={**headers, "Content-Type": "text/plain"}
        )
        assert r.status_code == status
        assert r.json()["error"]
        assert counts(c) == before


def test_auth_comes_before_validation(writer: TestClient) -> None:
    r = writer.post(
        "/api/articles?published=never", content=b"{", headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 401


@pytest.mark.parametrize("published", ["2024-02-30", "2024-1-1", "soon"])
def test_bad_published_query_is_422(writer: TestClient, auth: dict[str, str], published: str) -> None:
    before = counts(writer)
    r = writer.post(
        "/api/articles",
        params={"published": published},
        content=b"Rovers won 1-0.",
        headers={**auth, "Content-Type": "text/plain"},
    )
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "published"]
    assert counts(writer) == before


def test_token_from_environment(write_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOUCHLINE_TOKEN", "from-env")
    with TestClient(create_app(str(write_db))) as c:
        assert c.app.state.token == "from-env"  # type: ignore[attr-defined]
        ok = c.post("/api/articles", json={"text": ARTICLE}, headers={"Authorization": "bearer from-env"})
        assert ok.status_code == 201


HOSTILE: list[tuple[str, bytes, str, int]] = [
    ("bad json", b'{"text": "unterminated', "application/json", 422),
    ("json not an object", b"42", "application/json", 422),
    ("wrong type", json.dumps({"text": 7}).encode(), "application/json", 422),
    ("unknown field", json.dumps({"text": "a b c", "evil": 1}).encode(), "application/json", 422),
    ("empty text", json.dumps({"text": ""}).encode(), "application/json", 422),
    ("blank text", json.dumps({"text": "   \n  "}).encode(), "application/json", 422),
    ("empty list", b"[]", "application/json", 422),
    ("bad date", json.dumps({"text": ARTICLE, "published": "tomorrow"}).encode(), "application/json", 422),
    (
        "impossible date",
        json.dumps({"text": ARTICLE, "published": "2024-02-30"}).encode(),
        "application/json",
        422,
    ),
    (
        "one bad item in a list",
        json.dumps([{"text": ARTICLE}, {"text": None}]).encode(),
        "application/json",
        422,
    ),
    ("lone surrogate", b'{"text": "abc \\ud800 def"}', "application/json", 422),
    ("invalid utf-8 text", b"Rovers \xff\xfe\xfa won 2-0 \xc3\x28", "text/plain", 422),
    ("invalid utf-8 json", b'{"text": "caf\xe9 r\xe9sum\xe9"}', "application/json", 422),
    ("deeply nested json", b"[" * 200_000 + b"]" * 200_000, "application/json", 422),
    ("over-long number", b'{"text": "a", "published": ' + b"9" * 50_000 + b"}", "application/json", 422),
    ("nul bytes json", json.dumps({"text": "Rovers\u0000won"}).encode(), "application/json", 422),
    ("empty body", b"", "text/plain", 422),
    ("binary", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "text/plain", 422),
    ("unsupported type", b"<x/>", "application/pdf", 415),
    (
        "too many items",
        json.dumps([{"text": f"Story {i} here."} for i in range(101)]).encode(),
        "application/json",
        413,
    ),
]


@pytest.mark.parametrize(("name", "body", "ctype", "status"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_payloads_are_refused_cleanly(
    writer: TestClient, auth: dict[str, str], name: str, body: bytes, ctype: str, status: int
) -> None:
    before = counts(writer)
    r = writer.post("/api/articles", content=body, headers={**auth, "Content-Type": ctype})
    assert r.status_code == status, (name, r.text)
    payload = r.json()
    assert payload["error"] and "Traceback" not in r.text
    assert counts(writer) == before


def test_ten_megabyte_body_is_413_and_not_stored(writer: TestClient, auth: dict[str, str]) -> None:
    before = counts(writer)
    big = (b"Rovers won again. " * 600_000)[: 10 * 1024 * 1024]
    r = writer.post("/api/articles", content=big, headers={**auth, "Content-Type": "text/plain"})
    assert r.status_code == 413
    assert r.json()["detail"] == {"limit_bytes": DEFAULT_MAX_BODY, "content_length": len(big)}
    assert counts(writer) == before


def test_streamed_body_without_length_is_cut_off(writer: TestClient, auth: dict[str, str]) -> None:
    """A chunked upload has no Content-Length: the limit is enforced while reading the stream."""
    sent = 0

    def chunks() -> Any:
        nonlocal sent
        for _ in range(200):  # up to 12.8 MB
            sent += 1
            yield b"x" * 65536

    before = counts(writer)
    r = writer.post("/api/articles", content=chunks(), headers={**auth, "Content-Type": "text/plain"})
    assert r.status_code == 413
    assert "content_length" not in r.json()["detail"]  # refused by the stream check, not the header
    assert counts(writer) == before


def test_lying_content_length_header(writer: TestClient, auth: dict[str, str]) -> None:
    r = writer.post(
        "/api/articles",
        content=b"abc",
        headers={**auth, "Content-Type": "text/plain", "Content-Length": "abc"},
    )
    assert r.status_code in (400, 422)


def test_body_limit_from_environment(
    writer: TestClient, auth: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOUCHLINE_API_MAX_BODY", "100")
    r = writer.post("/api/articles", content=ARTICLE.encode(), headers={**auth, "Content-Type": "text/plain"})
    assert r.status_code == 413
