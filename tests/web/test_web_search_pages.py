"""/search: the hit count is the true total and next/previous pages reach every hit once."""

from __future__ import annotations

import html as html_lib
import re

from fastapi.testclient import TestClient


def _page(client: TestClient, url: str) -> str:
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    return r.text


def test_hit_count_is_true_and_pages_reach_every_hit(client: TestClient) -> None:
    total = client.get("/api/search", params={"q": "the", "limit": 1}).json()["total"]
    assert total > 30  # more than one page of 30
    url: str | None = "/search?q=the"
    seen: list[str] = []
    pages = 0
    while url:
        text = _page(client, url)
        pages += 1
        count = re.search(r'id="hit-count">\s*(\d+) hits', text)
        assert count and int(count.group(1)) == total
        seen += re.findall(r'<a class="hit-title" href="([^"]+)"', text)
        nxt = re.search(r'<a rel="next" id="next-page" href="([^"]+)"', text)
        url = html_lib.unescape(nxt.group(1)) if nxt else None
        if pages > 1:
            assert 'id="prev-page"' in text
    assert pages == -(-total // 30)
    assert len(seen) == total


def test_phrase_in_quotes_and_empty_pages(client: TestClient) -> None:
    text = _page(client, "/search?q=%22the+first%22")
    assert re.search(r'id="hit-count">\s*\d+ hits? for “&#34;the first&#34;”', text)
    beyond = _page(client, "/search?q=the&page=999")
    assert 'id="prev-page"' in beyond and 'id="next-page"' not in beyond
