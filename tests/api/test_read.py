"""Read endpoints over the sample store: shapes, filters, pagination, evidence offsets and 404s."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

LIST_ENDPOINTS = ["/api/articles", "/api/matches", "/api/people", "/api/clubs", "/api/quotes", "/api/checks"]


def _evidence(obj: Any) -> list[dict[str, Any]]:
    """Every evidence span anywhere inside a JSON value."""
    found: list[dict[str, Any]] = []
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key == "evidence" and isinstance(value, list):
                found.extend(value)
            else:
                found.extend(_evidence(value))
    elif isinstance(obj, list):
        for value in obj:
            found.extend(_evidence(value))
    return found


@pytest.fixture(scope="module")
def bodies(client: TestClient) -> dict[str, str]:
    out = {}
    for item in client.get("/api/articles", params={"limit": 200}).json()["items"]:
        out[item["id"]] = client.get(f"/api/articles/{item['id']}").json()["body"]
    return out


def check_evidence(payload: Any, bodies: dict[str, str]) -> int:
    spans = _evidence(payload)
    for ev in spans:
        assert bodies[ev["article_id"]][ev["start"] : ev["end"]] == ev["text"], ev
    return len(spans)


@pytest.mark.parametrize("path", LIST_ENDPOINTS)
def test_list_endpoints_are_paginated(client: TestClient, path: str) -> None:
    full = client.get(path, params={"limit": 200}).json()
    assert full["total"] == len(full["items"]) > 0
    page = client.get(path, params={"limit": 2, "offset": 1}).json()
    assert page["limit"] == 2 and page["offset"] == 1
    assert page["items"] == full["items"][1:3]
    past = client.get(path, params={"offset": full["total"] + 5}).json()
    assert past["items"] == [] and past["total"] == full["total"]


@pytest.mark.parametrize("path", LIST_ENDPOINTS)
@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 201}, {"offset": -1}, {"limit": "ten"}])
def test_pagination_bounds_are_422(client: TestClient, path: str, params: dict[str, Any]) -> None:
    r = client.get(path, params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["error"] and body["detail"][0]["loc"][0] == "query"


EVIDENCE_CASES: list[tuple[str, dict[str, Any]]] = [
    ("/api/matches", {"limit": 200}),
    ("/api/quotes", {"limit": 200}),
    ("/api/people", {"limit": 200}),
    ("/api/checks", {"limit": 200}),
    ("/api/search", {"q": "manager", "limit": 200}),
    ("/api/ask", {"q": "what was the score of Crystal Palace v Everton?"}),
    ("/api/clubs/Crystal Palace", {}),
]


@pytest.mark.parametrize(("path", "params"), EVIDENCE_CASES)
def test_facts_carry_exact_evidence(
    client: TestClient, bodies: dict[str, str], path: str, params: dict[str, Any]
) -> None:
    payload = client.get(path, params=params).json()
    assert check_evidence(payload, bodies) > 0


def test_article_detail_has_body_and_facts(client: TestClient, bodies: dict[str, str]) -> None:
    aid = next(iter(bodies))
    detail = client.get(f"/api/articles/{aid}").json()
    assert detail["id"] == aid and detail["length"] == len(detail["body"])
    assert check_evidence(detail, bodies) > 0
    assert client.get(f"/api/articles/{aid[:10]}").json()["id"] == aid  # a unique prefix works


def test_articles_filter_by_date_and_club(client: TestClient) -> None:
    all_items = client.get("/api/articles", params={"limit": 200}).json()["items"]
    dated = sorted(a["published"] for a in all_items if a["published"])
    cut = dated[len(dated) // 2]
    later = client.get("/api/articles", params={"date_from": cut, "limit": 200}).json()["items"]
    assert later and all(a["published"] >= cut for a in later)
    assert len(later) < len(all_items)
    everton = client.get("/api/articles", params={"club": "Everton", "limit": 200}).json()["items"]
    assert 0 < len(everton) < len(all_items)


def test_matches_filters(client: TestClient) -> None:
    palace = client.get("/api/matches", params={"club": "Crystal Palace", "limit": 200}).json()["items"]
    assert palace and all("Crystal Palace" in (m["home"], m["away"]) for m in palace)
    both = client.get("/api/matches", params={"club": "Palace", "opponent": "Everton"}).json()["items"]
    assert [m["score"] for m in both] == ["2-1"]
    assert both[0]["goals"] and both[0]["sources"]
    dated = client.get("/api/matches", params={"date_from": "2023-10", "date_to": "2023-10"}).json()["items"]
    assert dated and all(m["date"].startswith("2023-10") for m in dated)
    league = client.get("/api/matches", params={"competition": "Premier League", "limit": 200}).json()
    assert league["items"] and all(m["competition"] == "Premier League" for m in league["items"])


def test_match_by_id_and_prefix(client: TestClient) -> None:
    first = client.get("/api/matches").json()["items"][0]
    assert client.get(f"/api/matches/{first['id']}").json() == first
    assert client.get(f"/api/matches/{first['id'][:6]}").json()["id"] == first["id"]


def test_person_detail_has_tenures_and_quotes(client: TestClient, bodies: dict[str, str]) -> None:
    people = client.get("/api/people", params={"limit": 200}).json()["items"]
    top = people[0]
    detail = client.get(f"/api/people/{top['name']}").json()
    assert detail["name"] == top["name"]
    assert detail["tenures"] or detail["quotes"]
    check_evidence(detail, bodies)
    surname = top["name"].split()[-1]
    assert client.get(f"/api/people/{surname.lower()}").json()["name"] == top["name"]
    named = client.get("/api/people", params={"q": surname}).json()["items"]
    assert top["name"] in [p["name"] for p in named]


def test_people_date_range(client: TestClient) -> None:
    people = client.get("/api/people", params={"limit": 200}).json()["items"]
    cut = sorted(p["first_seen"] for p in people if p["first_seen"])[len(people) // 2]
    early = client.get("/api/people", params={"date_to": cut, "limit": 200}).json()["items"]
    late = client.get("/api/people", params={"date_from": cut, "limit": 200}).json()["items"]
    assert early and all(p["first_seen"] and p["first_seen"] <= cut for p in early)
    assert late and all(p["last_seen"] and p["last_seen"] >= cut for p in late)
    assert len(early) < len(people) or len(late) < len(people)


def test_club_detail(client: TestClient, bodies: dict[str, str]) -> None:
    club = client.get("/api/clubs/Palace").json()
    assert club["name"] == "Crystal Palace"
    assert club["matches"] and all("Crystal Palace" in (m["home"], m["away"]) for m in club["matches"])
    assert club["tenures"] and all(t["club"] == "Crystal Palace" for t in club["tenures"])
    assert club["quotes"]
    assert club["matches_total"] == len(club["matches"]) and club["quotes_total"] == len(club["quotes"])
    check_evidence(club, bodies)
    short = client.get("/api/clubs/Palace", params={"limit": 1}).json()
    assert short["matches"] == club["matches"][-1:] and short["quotes"] == club["quotes"][-1:]
    assert short["matches_total"] == club["matches_total"]


def test_quotes_filters(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"limit": 200}).json()["items"]
    speaker = next(q["speaker"] for q in quotes if q["speaker"])
    by = client.get("/api/quotes", params={"person": speaker, "limit": 200}).json()["items"]
    assert by and all(q["speaker"] for q in by)
    word = max(quotes[0]["text"].split(), key=len)
    hits = client.get("/api/quotes", params={"q": word, "limit": 200}).json()["items"]
    assert hits and all(word.casefold() in q["text"].casefold() for q in hits)


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/api/articles/deadbeef", "article"),
        ("/api/matches/zzzzzz", "match"),
        ("/api/people/Qwxyz Plonk", "person"),
        ("/api/clubs/Qwxyz Rovers", "club"),
        ("/api/matches?club=Qwxyz Rovers", "club"),
        ("/api/quotes?person=Qwxyz Plonk", "person"),
    ],
)
def test_unknown_ids_are_404_json(client: TestClient, path: str, kind: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.json()["error"] == f"unknown {kind}"


@pytest.mark.parametrize(
    "path",
    ["/api/articles/not-hex!", "/api/matches?date_from=yesterday", "/api/matches?status=won", "/api/nope"],
)
def test_bad_paths_and_params_are_json(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (404, 422)
    assert r.headers["content-type"].startswith("application/json")
    assert "error" in r.json()
