"""Index pages, their CSV/JSON downloads, head-to-head, top scorers and links in answers, through the real
app (TestClient). The browser suite (test_web_browser.py) drives the same pages in Chromium."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from web_support import HOSTILE_MARKER

from touchline import open_kb
from touchline.api.app import create_app
from touchline.cli.main import main

PAGES = ("matches", "people", "clubs", "quotes", "articles", "standings", "scorers")


def get(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    return r.text


def csv_rows(client: TestClient, url: str) -> list[list[str]]:
    r = client.get(url)
    assert r.status_code == 200, (url, r.text[:300])
    assert r.headers["content-type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(r.text)))


def count_of(html: str) -> tuple[int, int, int]:
    m = re.search(r'id="listing-count">(\d+)–(\d+) of (\d+)', html)
    assert m, "no listing count on the page"
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def body_rows(html: str) -> list[str]:
    table = re.search(r'<table class="listing" id="listing">.*?<tbody>(.*?)</tbody>', html, re.S)
    return re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S) if table else []


@pytest.mark.parametrize("name", PAGES)
def test_each_index_page_has_rows_links_filters_and_a_csv_link(client: TestClient, name: str) -> None:
    html = get(client, f"/{name}")
    first, last, total = count_of(html)
    assert first == 1 and last == len(body_rows(html)) == min(total, 50) > 0
    assert 'id="listing-filters"' in html and 'id="download-csv"' in html
    assert f'href="/{name}.csv"' in html and f'href="/{name}.json"' in html
    rows = csv_rows(client, f"/{name}.csv")
    assert len(rows) == total + 1  # header + one row per item
    data = json.loads(get(client, f"/{name}.json"))
    assert data["total"] == total == len(data["rows"]) and data["columns"] == rows[0]
    assert get(client, f"/{name}/") == html  # the trailing slash serves the same page
    # every row links somewhere (its entity page, or a filtered list)
    assert all('href="/' in row for row in body_rows(html))


def test_pagination_shows_true_totals_and_walks_every_row(client: TestClient) -> None:
    total = count_of(get(client, "/people"))[2]
    seen: list[str] = []
    url: str | None = "/people?limit=7"
    while url:
        html = get(client, url.replace("&amp;", "&"))
        first, last, page_total = count_of(html)
        assert page_total == total and first == len(seen) + 1
        seen += re.findall(r'<td class="col-name"><a href="(/people/[^"]+)"', html)
        assert len(seen) == last
        nxt = re.search(r'id="next-page" href="([^"]+)"', html)
        url = nxt.group(1) if nxt else None
    assert len(seen) == len(set(seen)) == total > 7
    html = get(client, f"/people?limit=7&offset={total - 3}")
    assert 'id="prev-page"' in html and 'id="next-page"' not in html


def test_sorting_by_a_column_both_ways(client: TestClient) -> None:
    def dates(url: str) -> list[str]:
        return re.findall(r'<td class="col-date"><a href="/matches/[0-9a-f]+">([^<]+)</a>', get(client, url))

    asc, desc = dates("/matches?sort=date&order=asc"), dates("/matches?sort=date&order=desc")
    assert asc == sorted(asc) and desc == sorted(desc, reverse=True) and len(asc) > 3
    html = get(client, "/matches?sort=date&order=asc")
    assert re.search(
        r'href="/matches\?sort=date&amp;order=desc"[^>]*>date</a> <span class="sort-arrow">▲', html
    )
    bad = get(client, "/matches?sort=password", status=400)
    assert "cannot sort the matches list by" in bad
    r = client.get("/matches.csv?sort=password")
    assert r.status_code == 400 and r.text.startswith("touchline: error:")


def test_filters_narrow_pages_and_downloads_alike(client: TestClient) -> None:
    html = get(client, "/matches?club=Brighton")
    total = count_of(html)[2]
    assert 0 < total < count_of(get(client, "/matches"))[2]
    assert all("Brighton &amp; Hove Albion" in row for row in body_rows(html))
    assert 'href="/matches.csv?club=Brighton"' in html
    rows = csv_rows(client, "/matches.csv?club=Brighton")
    assert len(rows) == total + 1 and all("Brighton & Hove Albion" in (r[3], r[5]) for r in rows[1:])
    quotes = csv_rows(client, "/quotes.csv?speaker=Arteaga")
    assert len(quotes) > 1 and {r[1] for r in quotes[1:]} == {"Luis Arteaga"}
    dated = csv_rows(client, "/articles.csv?date_from=2023-11&date_to=2023-11")
    assert len(dated) > 1 and all(r[0].startswith("2023-11") for r in dated[1:])
    unknown = get(client, "/matches?club=Nowhere+Rovers", status=400)
    assert 'id="listing-error"' in unknown and "unknown club" in unknown


def test_listing_text_is_escaped(client: TestClient) -> None:
    html = get(client, "/quotes?q=forums")
    assert "read the table &lt;img src=x onerror=alert(2)&gt;" in html
    assert "<img src=x" not in html and "<script>alert" not in html
    html = get(client, "/articles?q=" + quote("strange post"))
    assert HOSTILE_MARKER in html and "<script>alert" not in html
    html = get(client, "/people?q=" + quote("<script>alert(1)</script>"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html


def test_quote_rows_link_to_the_highlighted_sentence(client: TestClient) -> None:
    html = get(client, "/quotes?speaker=Arteaga")
    links = re.findall(r'<td class="col-text"><a href="(/articles/[0-9a-f]+\?hl=\d+-\d+#focus)">', html)
    assert links
    page = get(client, links[0].replace("&amp;", "&"))
    assert 'class="hl-focus"' in page


def test_standings_page_lists_tables_and_links_clubs(client: TestClient) -> None:
    html = get(client, "/standings")
    assert 'id="standings-choices"' in html and "Premier League 2022-23" in html
    assert "not an official table" in html  # 2023-24 comes from the article reports only
    ledger = get(client, "/standings?competition=Premier+League&season=2022-23")
    assert "from the reference results" in ledger
    assert re.search(r'<td class="col-club"><a href="/clubs/Crystal%20Palace">Crystal Palace</a>', ledger)


def test_scorers_are_labelled_and_every_goal_has_its_sentence(client: TestClient) -> None:
    html = get(client, "/scorers?competition=Premier+League&season=2023-24")
    assert "goals reported in the articles" in html and "not official" in html
    rows = body_rows(html)
    assert rows and all("Premier League" in r for r in rows)
    goals = sum(int(re.search(r'<td class="col-goals num">(\d+)</td>', r).group(1)) for r in rows)
    evidence = re.findall(r'class="goal-evidence" href="(/articles/[0-9a-f]+\?hl=\d+-\d+#focus)"', html)
    assert goals == len(evidence) > 3
    page = get(client, evidence[0].replace("&amp;", "&"))
    assert 'class="hl-focus"' in page


def test_head_to_head_joins_reports_and_the_ledger(client: TestClient) -> None:
    html = get(
        client, "/clubs/" + quote("Crystal Palace") + "/vs/" + quote("Brighton & Hove Albion", safe="")
    )
    meetings = re.findall(r'<tr class="meeting">(.*?)</tr>', html, re.S)
    assert len(meetings) == 3  # one reported in 2023-24, two from the ledger only
    assert "2023-10-22" in meetings[0] and 'class="source-article"' in meetings[0]
    assert all("results ledger" in m and "source-article" not in m for m in meetings[1:])
    assert "Crystal Palace</strong> won 1, 1 drawn, <strong>Brighton &amp; Hove Albion</strong> won 1" in html
    villa = get(client, "/clubs/Aston%20Villa/vs/Palace")
    (meeting,) = re.findall(r'<tr class="meeting">(.*?)</tr>', villa, re.S)
    assert "results ledger" in meeting and meeting.count('class="source-article"') == 2
    r = client.get("/h2h?a=Palace&b=Villa", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/clubs/Crystal%20Palace/vs/Aston%20Villa"
    assert "unknown club" in get(client, "/h2h?a=Palace&b=Nowhere+Rovers", status=404)
    get(client, "/clubs/Nowhere/vs/Palace", status=404)
    club = get(client, "/clubs/" + quote("Crystal Palace"))
    assert 'href="/clubs/Crystal%20Palace/vs/Brighton%20%26%20Hove%20Albion"' in club


def test_answers_link_what_they_name(client: TestClient) -> None:
    html = get(client, "/ask?q=" + quote("what was the score of Palace v Everton?"))
    text = re.search(r'id="answer-text">(.*?)</p>', html, re.S).group(1)
    assert re.search(r'<a class="named" href="/matches/[0-9a-f]+">2-1</a>', text)
    assert '<a class="named" href="/clubs/Everton">Everton</a>' in text
    assert '<a class="named" href="/people/Jonah%20Ferreira">Jonah Ferreira</a>' in text
    html = get(client, "/ask?q=" + quote("who managed Crystal Palace on 2023-11-20?"))
    text = re.search(r'id="answer-text">(.*?)</p>', html, re.S).group(1)
    assert '<a class="named" href="/people/Luis%20Arteaga">Luis Arteaga</a>' in text
    assert 'class="chip chip-article"' in html


def test_pages_link_clubs_and_competitions(client: TestClient) -> None:
    with open_kb(str(client.app.state.db)) as kb:  # type: ignore[attr-defined]
        m = next(x for x in kb.matches if x.competition and x.goals and any(g.team for g in x.goals))
    html = get(client, f"/matches/{m.id}")
    assert f'href="/matches?competition={quote(m.competition or "", safe="").replace("%20", "+")}"' in html
    assert 'id="match-h2h"' in html
    team = next(g.team for g in m.goals if g.team)
    assert f'<a href="/clubs/{quote(team, safe="")}">{team}</a></span>' in html.replace("&amp;", "&")


# ---- the demo store, as the issue asks -----------------------------------------------------------
@pytest.fixture(scope="module")
def demo_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    with TestClient(create_app(str(db))) as c:
        yield c


def test_demo_store_csv_downloads(demo_client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    kb = demo_client.app.state.kb  # type: ignore[attr-defined]
    expected = {
        "matches": len(kb.matches),
        "people": len(kb.people),
        "quotes": len(kb.store.quotes()),
    }
    headers = {"matches": "date", "people": "name", "quotes": "published"}
    for name, n in expected.items():
        rows = csv_rows(demo_client, f"/{name}.csv")
        assert rows[0][0] == headers[name] and len(rows) == n + 1 > 2, name
        assert all(len(r) == len(rows[0]) for r in rows)


def test_demo_csv_is_streamed(demo_client: TestClient) -> None:
    with demo_client.stream("GET", "/quotes.csv") as r:
        assert r.headers["content-type"].startswith("text/csv")
        assert "content-length" not in r.headers  # a stream, not one buffered body
        assert 'filename="quotes.csv"' in r.headers["content-disposition"]
        lines = [line for line in r.iter_lines() if line]
    assert lines[0].startswith("published,speaker,text")
