"""/api/search: the total is the number of hits paging reaches; phrases; titles. Unknown query
parameters are a 422 naming them; /api/quotes takes ``speaker`` as another name for ``person``."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("q", ["the", "penalty", "Palace", '"the first"'])
def test_search_total_equals_the_hits_paged_through(client: TestClient, q: str) -> None:
    first = client.get("/api/search", params={"q": q, "limit": 3}).json()
    total, seen, offset = first["total"], [], 0
    while True:
        page = client.get("/api/search", params={"q": q, "limit": 3, "offset": offset}).json()
        assert page["total"] == total
        if not page["items"]:
            break
        seen += [
            (h["kind"], h["article_id"], h["evidence"][0]["start"] if h["evidence"] else None)
            for h in page["items"]
        ]
        offset += 3
    assert len(seen) == total and len(set(seen)) == total
    everything = client.get("/api/search", params={"q": q, "limit": 200}).json()
    assert everything["total"] == total == len(everything["items"])


def test_search_hits_have_titles_and_phrases_are_exact(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "penalty", "kind": "article"}).json()["items"]
    assert hits and all(h["title"] for h in hits)
    words = client.get("/api/search", params={"q": "the first", "kind": "article", "limit": 200}).json()
    phrase = client.get("/api/search", params={"q": '"the first"', "kind": "article", "limit": 200}).json()
    assert 0 < phrase["total"] <= words["total"]
    for h in phrase["items"]:
        assert "the first" in " ".join(h["evidence"][0]["text"].lower().split())


@pytest.mark.parametrize(
    ("path", "params", "unknown"),
    [
        ("/api/quotes", {"speeker": "Marsh"}, "speeker"),
        ("/api/search", {"q": "penalty", "club_name": "Palace"}, "club_name"),
        ("/api/matches", {"limit": "5", "page": "2"}, "page"),
        ("/api/people", {"x": "1", "y": "2"}, "x"),
    ],
)
def test_unknown_query_parameters_are_a_422_naming_them(
    client: TestClient, path: str, params: dict[str, str], unknown: str
) -> None:
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert unknown in body["error"] and unknown in body["detail"]["unknown"]
    assert "limit" in body["detail"]["allowed"]


def test_quotes_accept_speaker_as_person(client: TestClient) -> None:
    some = client.get("/api/quotes", params={"limit": 200}).json()["items"]
    speaker = next(q["speaker"] for q in some if q.get("speaker"))
    by_person = client.get("/api/quotes", params={"person": speaker}).json()
    by_speaker = client.get("/api/quotes", params={"speaker": speaker}).json()
    assert by_person == by_speaker and by_person["total"] > 0
    both = client.get("/api/quotes", params={"speaker": speaker, "person": "Somebody Else"})
    assert both.status_code == 422
