"""Random JSON and byte bodies on POST /api/articles: always a clean status, and only 2xx stores anything."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
ARTICLE_LIKE = st.fixed_dictionaries(
    {"text": st.text(max_size=200)},
    optional={
        "published": st.text(max_size=12) | st.none(),
        "source": st.text(max_size=30) | st.none(),
        "extra": JSON_VALUES,
    },
)
CLEAN = {200, 201, 413, 415, 422}
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _articles(client: TestClient) -> int:
    with client.app.state.kb_lock:  # type: ignore[attr-defined]
        return int(client.app.state.kb.store.counts()["articles"])  # type: ignore[attr-defined]


def _post(client: TestClient, auth: dict[str, str], body: bytes, ctype: str) -> None:
    before = _articles(client)
    r = client.post("/api/articles", content=body, headers={**auth, "Content-Type": ctype})
    assert r.status_code in CLEAN, r.text
    assert "error" in r.json() or r.status_code in (200, 201)
    after = _articles(client)
    if r.status_code == 201:
        assert after == before + r.json()["stored"] > before
    else:
        assert after == before


@FUZZ
@given(payload=JSON_VALUES | ARTICLE_LIKE | st.lists(ARTICLE_LIKE, max_size=3))
def test_random_json(writer: TestClient, auth: dict[str, str], payload: Any) -> None:
    _post(writer, auth, json.dumps(payload).encode(), "application/json")


@FUZZ
@given(body=st.binary(max_size=300), ctype=st.sampled_from(["text/plain", "text/html", "application/json"]))
def test_random_bytes(writer: TestClient, auth: dict[str, str], body: bytes, ctype: str) -> None:
    _post(writer, auth, body, ctype)
