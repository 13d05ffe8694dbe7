"""Every HTML page through the real app (TestClient): status codes, content, escaping and 404 pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from web_support import WebData

from touchline import open_kb
from touchline.api.app import create_app
from touchline.store.base import ResultRecord

HTML = "text/html"


def get(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith(HTML)
    return r.text


def no_live_markup(html: str) -> None:
    """The hostile article's tags never reach the page as markup (only our own script tag exists)."""
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>bold</b>" not in html
    assert len(re.findall(r"<script\b", html)) == 1  # /static/app.js


def test_home_shows_counts_recent_matches_and_both_boxes(client: TestClient) -> None:
    html = get(client, "/")
    assert 'action="/search"' in html and 'action="/ask"' in html
    assert re.search(r"<dt>articles</dt><dd>13</dd>", html)
    assert html.count('href="/matches/') >= 5
    assert 'href="/clubs/Crystal%20Palace"' in html
    assert 'href="/static/style.css"' in html


def test_static_files_are_served(client: TestClient) -> None:
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200


def test_search_shows_hits_with_evidence_and_links(client: TestClient) -> None:
    html = get(client, "/search?q=penalty")
    hits = re.findall(r'<li class="hit hit-(\w+)">', html)
    assert hits and "article" in hits
    assert '<mark class="hl-term">penalty</mark>' in html
    assert re.search(r'href="/articles/[0-9a-f]{64}\?hl=\d+-\d+#focus"', html)
    assert 'class="chip chip-match" href="/matches/' in html
    assert 'class="chip chip-person" href="/people/' in html


@pytest.mark.parametrize(
    ("params", "expect_hits"),
    [
        ("q=penalty&club=Crystal+Palace", True),
        ("q=penalty&person=Danny+Pruett", True),
        ("q=penalty&competition=Premier+League", True),
        ("q=penalty&date_from=2023-10-01&date_to=2023-10-31", True),
        ("q=penalty&date_from=2030-01-01", False),
        ("q=penalty&kind=quote", True),
        ("q=zzzqqqxx", False),
    ],
)
def test_search_filters(client: TestClient, params: str, expect_hits: bool) -> None:
    html = get(client, "/search?" + params)
    assert ('<li class="hit' in html) == expect_hits


def test_search_date_filter_keeps_only_that_window(client: TestClient) -> None:
    html = get(client, "/search?q=Palace&date_from=2023-10-01&date_to=2023-10-31")
    dates = re.findall(r'class="hit-title"[^>]*>[^<]*</a>\s*<span class="muted">([\d-]+)</span>', html)
    assert dates and all("2023-10-01" <= d <= "2023-10-31" for d in dates)


def test_search_with_unknown_club_explains_instead_of_failing(client: TestClient) -> None:
    html = get(client, "/search?q=penalty&club=Nowhere+Rovers+Athletic")
    assert 'id="search-error"' in html and "unknown club" in html


def test_search_form_only_and_filters_without_words(client: TestClient) -> None:
    assert 'id="hits"' not in get(client, "/search")
    assert "type some words" in get(client, "/search?club=Crystal+Palace")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who managed Crystal Palace on 2023-10-01?", "Graham Tilley"),
        ("who managed Crystal Palace on 2023-12-01?", "Luis Arteaga"),
        ("what was the score of Crystal Palace v Everton?", "2-1"),
        ("who scored for Crystal Palace against Brentford?", "Jonah Ferreira"),
    ],
)
def test_ask_answers_with_highlighted_evidence_in_the_article(
    client: TestClient, question: str, expected: str
) -> None:
    html = get(client, "/ask?q=" + quote(question))
    answer = re.search(r'<p class="answer-text" id="answer-text">(.*?)</p>', html, re.S)
    assert answer and expected in answer.group(1)
    assert 'id="evidence"' in html and 'class="hl-sentence' in html
    assert re.search(r'href="/articles/[0-9a-f]{64}\?hl=\d+-\d+#focus"', html)


def test_ask_says_plainly_when_it_does_not_know(client: TestClient) -> None:
    html = get(client, "/ask?q=" + quote("who managed Arsenal on 1890-01-01?"))
    assert 'class="answer unknown"' in html or 'id="ask-error"' in html


def test_ask_page_offers_examples_built_from_the_store(client: TestClient) -> None:
    html = get(client, "/ask")
    examples = re.findall(r'<a href="/ask\?q=([^"]+)">', html)
    assert examples
    for e in examples[:2]:  # each suggested question gets an answer from this store
        assert 'class="answer known"' in get(client, "/ask?q=" + e.replace("&amp;", "&"))


def test_match_page_shows_score_goals_sources_and_evidence(client: TestClient, web_data: WebData) -> None:
    m = web_data.multi_source_match
    html = get(client, f"/matches/{m.id}")
    assert f"{m.home_score} – {m.away_score}" in html
    assert 'id="goals"' in html and 'id="sources"' in html
    assert html.count('href="/articles/') >= len(m.sources)
    assert 'class="hl-evidence"' in html
    assert get(client, f"/matches/{m.id[:8]}") == html  # a unique prefix works too


def test_match_page_shows_line_ups_cards_referee_attendance(client: TestClient, web_data: WebData) -> None:
    m = web_data.lineup_match
    html = get(client, f"/matches/{m.id}")
    assert 'id="lineups"' in html and "Substitutes" in html
    lineup = re.search(r'<section id="lineups">(.*?)</section>', html, re.S)
    assert lineup and len(re.findall(r"<li>", lineup.group(1))) >= 22
    assert 'id="referee"' in html and 'id="attendance"' in html
    assert 'id="cards"' in html


def test_person_page_has_role_timeline_and_quotes(client: TestClient) -> None:
    html = get(client, "/people/" + quote("Graham Tilley"))
    assert '<h1 id="person-name">Graham Tilley</h1>' in html
    assert 'class="chart timeline-chart"' in html and 'class="timeline"' in html
    assert "manager" in html and 'id="quotes"' in html and "<blockquote>" in html
    assert get(client, "/people/Tilley") == html  # a unique surname leads to the same person


def test_club_page_has_results_managers_chart_and_quotes(client: TestClient) -> None:
    html = get(client, "/clubs/" + quote("Crystal Palace"))
    assert '<h1 id="club-name">Crystal Palace</h1>' in html
    assert 'class="chart position-chart"' in html and "<circle" in html
    assert re.search(r'class="result result-[WDL]"', html)
    managers = re.search(r'<section id="managers">(.*?)</section>', html, re.S)
    assert managers and "Graham Tilley" in managers.group(1) and "Luis Arteaga" in managers.group(1)
    assert "<blockquote>" in html
    assert get(client, "/clubs/palace") == html  # names go through the gazetteer


def test_article_page_highlights_facts_and_the_followed_span(client: TestClient, web_data: WebData) -> None:
    m = web_data.lineup_match
    aid = m.sources[0].article_id
    plain = get(client, f"/articles/{aid}")
    assert 'id="article-body"' in plain and 'class="hl-' in plain and 'id="focus"' not in plain
    focused = get(client, f"/articles/{aid}?hl=0-20")
    assert 'id="focus"' in focused
    for junk in ("abc", "5-2", "0-99999999"):
        assert 'id="focus"' not in get(client, f"/articles/{aid}?hl={junk}")


def test_hostile_article_shows_as_text_everywhere(client: TestClient, web_data: WebData) -> None:
    html = get(client, f"/articles/{web_data.hostile_id}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt; claims &amp; rumours" in html
    no_live_markup(html)
    found = get(client, "/search?q=forum+strange")
    assert web_data.hostile_id in found
    no_live_markup(found)
    no_live_markup(get(client, "/search?q=" + quote("<script>alert(1)</script>")))
    no_live_markup(get(client, "/ask?q=" + quote("what did <script>alert(1)</script> say?")))
    no_live_markup(get(client, "/people/" + quote("Luis Arteaga")))


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("/matches/ffffffffffff", "match"),
        ("/matches/x", "match"),
        ("/people/" + quote("Nobody Whatsoever Atall"), "person"),
        ("/clubs/" + quote("Nowhere Rovers Athletic"), "club"),
        ("/articles/0000000000000000", "article"),
        ("/articles/" + quote("<script>alert(1)</script>"), "article"),
    ],
)
def test_unknown_things_get_an_html_404(client: TestClient, url: str, kind: str) -> None:
    html = get(client, url, status=404)
    assert "<h1>Not found</h1>" in html and f"There is no {kind}" in html
    no_live_markup(html)


def test_oversized_query_parameters_are_rejected(client: TestClient) -> None:
    assert client.get("/search?q=" + "a" * 5000).status_code == 422
    assert client.get("/ask?q=" + "a" * 5000).status_code == 422


def test_club_chart_follows_reference_results(web_data: WebData, tmp_path: Path) -> None:
    """Position after each match, recomputed from the ledger: 1st, then 2nd, then 3rd."""
    db = tmp_path / "with_results.db"
    shutil.copy(web_data.db, db)
    played = [
        ("2030-08-10", "Crystal Palace", "Everton", 3, 0),
        ("2030-08-10", "Fulham", "Brentford", 1, 0),
        ("2030-08-17", "Fulham", "Crystal Palace", 2, 0),
        ("2030-08-17", "Everton", "Brentford", 0, 0),
        ("2030-08-24", "Crystal Palace", "Brentford", 0, 4),
    ]
    with open_kb(str(db)) as kb:
        kb.add_results(
            [
                ResultRecord("Premier League", "2030-31", d, h, a, hs, as_, source="test")
                for d, h, a, hs, as_ in played
            ]
        )
    with TestClient(create_app(str(db))) as c:
        html = get(c, "/clubs/" + quote("Crystal Palace"))
    charts = re.findall(r'<svg class="chart position-chart".*?</svg>', html, re.S)
    latest = next(svg for svg in charts if "2030-31" in svg)
    tips = re.findall(r"<circle[^>]*><title>([^<]*)</title>", latest)
    assert [t.split(" — ")[0] for t in tips] == ["2030-08-10: 1", "2030-08-17: 2", "2030-08-24: 3"]
    assert "v Brentford (L 0-4)" in tips[-1]
    assert "computed from reference results" in html


def test_article_by_unique_id_prefix(client: TestClient, web_data: WebData) -> None:
    full = get(client, f"/articles/{web_data.hostile_id}")
    assert get(client, f"/articles/{web_data.hostile_id[:10]}") == full
    get(client, f"/articles/{web_data.hostile_id[:3]}", status=404)  # too short to be an id
