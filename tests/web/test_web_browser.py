"""The web UI in a real headless Chromium (Playwright driving the system browser, no download).

A real uvicorn server runs in a background thread over the session's sample store. The tests load every
page, search and ask through the forms, follow links, check highlighted evidence and that a hostile
article stays text (no dialog ever opens), and save full-page screenshots to test-output/screenshots/.
The index pages are filtered through their forms, sorted by clicking column headers, paged through and
downloaded through their CSV links; head-to-head and top scorers are reached as a user would.
Skipped only when no Chromium is installed.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from web_support import WebData

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium")) if p and Path(p).exists()), None)
if CHROMIUM is None:
    pytest.skip(
        "Chromium is not installed (/usr/bin/chromium or `chromium` on PATH): "
        "install the Debian `chromium` package to run the browser tests",
        allow_module_level=True,
    )

import uvicorn  # noqa: E402
from playwright.sync_api import Browser, Dialog, Page, expect, sync_playwright  # noqa: E402

from touchline.api.app import create_app  # noqa: E402

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
TIMEOUT_MS = 15_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(web_data: WebData) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(create_app(str(web_data.db)), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the uvicorn server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page that fails the test if any dialog (alert, confirm) opens or a script error occurs."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    events: list[str] = []

    def on_dialog(d: Dialog) -> None:
        events.append(f"dialog: {d.message}")
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda exc: events.append(f"page error: {exc}"))
    yield pg
    context.close()
    assert not events, events


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_home_then_a_recent_match(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    expect(page.locator(".counts")).to_contain_text("articles")
    expect(page.locator("#recent-matches li").first).to_be_visible()
    shot(page, "home")
    link = page.locator("#recent-matches a").first
    label = link.inner_text()
    link.click()
    expect(page).to_have_url(re.compile(r"/matches/[0-9a-f]+$"))
    home_team = label.split()[0]
    expect(page.locator("#scoreboard")).to_contain_text(home_team)
    expect(page.locator("#sources li").first).to_be_visible()


def test_search_from_home_then_follow_hits(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("#home-q", "penalty")
    page.locator("#home-search button").click()
    hits = page.locator("#hits li.hit")
    expect(hits.first).to_be_visible()
    assert hits.count() >= 2
    expect(hits.first.locator("mark.hl-term").first).to_have_text("penalty", ignore_case=True)
    shot(page, "search")
    # a hit leads to a match page ...
    page.locator("#hits a.chip-match").first.click()
    expect(page.locator("#scoreboard .score")).to_be_visible()
    page.go_back()
    # ... to a person page ...
    person = page.locator("#hits a.chip-person").first
    name = person.inner_text()
    person.click()
    expect(page.locator("#person-name")).to_have_text(name)
    page.go_back()
    # ... to a club page, and to the evidence inside its article
    page.locator("#hits a.chip-club").first.click()
    expect(page.locator("#club-name")).to_be_visible()
    page.go_back()
    page.locator("#hits a.hit-title").first.click()
    expect(page.locator("#article-body mark#focus")).to_contain_text("penalty", ignore_case=True)


def test_search_filters_narrow_results(page: Page, base_url: str) -> None:
    page.goto(base_url + "/search")
    page.fill("#search-form input[name=q]", "Palace")
    page.fill("input[name=club]", "Crystal Palace")
    page.fill("input[name=date_from]", "2023-10-01")
    page.fill("input[name=date_to]", "2023-10-31")
    page.locator("#search-form button").click()
    expect(page.locator("#hit-count")).to_be_visible()
    assert "club=Crystal+Palace" in page.url and "person=" not in page.url  # empty filters left out (JS)
    dates = page.locator("#hits .hit-head .muted").all_inner_texts()
    assert dates and all("2023-10-01" <= d <= "2023-10-31" for d in dates)
    expect(page.locator("input[name=club]")).to_have_value("Crystal Palace")


def test_search_pages_with_true_count_and_phrase(page: Page, base_url: str) -> None:
    page.goto(base_url + "/search?q=the")
    count = page.locator("#hit-count").inner_text()
    total = int(re.match(r"\s*(\d+) hits", count).group(1))  # type: ignore[union-attr]
    assert total > 30 and "showing 1–30" in count
    page.locator("#next-page").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page.locator("#hit-count")).to_contain_text(f"{total} hits")
    expect(page.locator("#prev-page")).to_be_visible()
    shot(page, "search-page-2")
    page.fill("#search-form input[name=q]", '"the first"')
    page.locator("#search-form button").click()
    expect(page.locator("#hits li.hit").first).to_be_visible()
    for text in page.locator("#hits li.hit .sentence").all_inner_texts():
        assert "the first" in " ".join(text.lower().split())


@pytest.mark.parametrize(
    ("question", "answer", "evidence_word"),
    [
        ("who managed Crystal Palace on 2023-10-01?", "Graham Tilley", "Tilley"),
        ("who managed Crystal Palace on 2023-12-01?", "Luis Arteaga", "Arteaga"),
    ],
)
def test_ask_shows_answer_and_highlighted_evidence(
    page: Page, base_url: str, question: str, answer: str, evidence_word: str
) -> None:
    page.goto(base_url + "/")
    page.fill("#home-ask-q", question)
    page.locator("#home-ask button").click()
    expect(page.locator("#answer-text")).to_contain_text(answer)
    cards = page.locator("#evidence .evidence-card")
    expect(cards.first).to_be_visible()
    sentences = page.locator("#evidence mark.hl-sentence").all_inner_texts()
    assert any(evidence_word in s for s in sentences), sentences
    if "2023-10-01" in question:
        shot(page, "ask")
    cards.first.locator("header a").click()
    expect(page.locator("#article-body mark#focus")).to_be_visible()
    if "2023-10-01" in question:
        shot(page, "article")


def test_match_page_with_line_ups(page: Page, base_url: str, web_data: WebData) -> None:
    m = web_data.lineup_match
    page.goto(f"{base_url}/matches/{m.id}")
    expect(page.locator("#scoreboard")).to_contain_text(m.home)
    expect(page.locator("#lineups h3")).to_have_count(2)
    assert page.locator("#lineups li").count() >= 22
    expect(page.locator("#referee")).not_to_be_empty()
    expect(page.locator("#attendance")).not_to_be_empty()
    expect(page.locator("#goals .goal-timeline li").first).to_be_visible()
    shot(page, "match")
    page.locator("#lineups li a").first.click()
    expect(page.locator("#person-name")).to_be_visible()


def test_person_and_club_pages(page: Page, base_url: str) -> None:
    page.goto(base_url + "/people/" + quote("Graham Tilley"))
    expect(page.locator("#person-name")).to_have_text("Graham Tilley")
    expect(page.locator("#roles svg.timeline-chart rect").first).to_be_visible()
    expect(page.locator("#quotes blockquote").first).to_be_visible()
    shot(page, "person")
    page.locator("#roles a", has_text="Crystal Palace").first.click()
    expect(page.locator("#club-name")).to_have_text("Crystal Palace")
    expect(page.locator("#position svg.position-chart circle").first).to_be_visible()
    expect(page.locator("#managers")).to_contain_text("Luis Arteaga")
    expect(page.locator("#results table tbody tr").first).to_be_visible()
    shot(page, "club")


def test_hostile_article_renders_as_text(page: Page, base_url: str, web_data: WebData) -> None:
    page.goto(f"{base_url}/articles/{web_data.hostile_id}")
    body = page.locator("#article-body")
    expect(body).to_contain_text("<script>alert(1)</script>")
    expect(body).to_contain_text("<b>bold</b> claims & rumours")
    assert body.locator("script, img, b").count() == 0
    shot(page, "hostile-article")
    page.goto(base_url + "/search?q=" + quote("forum strange"))
    expect(page.locator("#hits")).to_contain_text("strange post")
    assert page.locator("#hits script, #hits img").count() == 0
    page.wait_for_timeout(200)  # give a (wrongly) injected handler the chance to fire


def test_unknown_pages_are_404(page: Page, base_url: str) -> None:
    for url in (
        "/people/" + quote("Nobody Whatsoever Atall"),
        "/matches/ffffffffffff",
        "/articles/0000000000",
    ):
        response = page.goto(base_url + url)
        assert response is not None and response.status == 404
        expect(page.locator("h1")).to_have_text("Not found")


def test_works_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.set_default_timeout(TIMEOUT_MS)
        pg.goto(base_url + "/search")
        pg.fill("#search-form input[name=q]", "sacked")
        pg.locator("#search-form button").click()
        expect(pg.locator("#hits li.hit").first).to_be_visible()
        pg.goto(base_url + "/ask")
        pg.fill("#ask-form input[name=q]", "who managed Crystal Palace on 2023-10-01?")
        pg.locator("#ask-form button").click()
        expect(pg.locator("#answer-text")).to_contain_text("Graham Tilley")
    finally:
        context.close()


# ---- index pages, head-to-head, top scorers, links in answers ------------------------------------
def listing_total(page: Page) -> int:
    text = page.locator("#listing-count").inner_text()
    m = re.search(r"of (\d+)", text)
    assert m, text
    return int(m.group(1))


def column(page: Page, name: str) -> list[str]:
    return page.locator(f"#listing tbody td.col-{name}").all_inner_texts()


def download_csv(page: Page) -> list[list[str]]:
    with page.expect_download() as info:
        page.locator("#download-csv").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    path = download.path()
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


@pytest.mark.parametrize(
    ("name", "fill", "check_column", "expected"),
    [
        ("matches", {"club": "Brighton"}, "home", None),
        ("people", {"club": "Crystal Palace"}, "name", None),
        ("clubs", {"competition": "EFL Cup"}, "club", None),
        ("quotes", {"speaker": "Arteaga"}, "speaker", "Luis Arteaga"),
        ("articles", {"date_from": "2023-11-01", "date_to": "2023-11-30"}, "published", None),
        ("standings", {"season": "2022-23"}, "club", None),
    ],
)
def test_index_page_filters_sorts_and_downloads(
    page: Page, base_url: str, name: str, fill: dict[str, str], check_column: str, expected: str | None
) -> None:
    page.goto(f"{base_url}/{name}")
    expect(page.locator("#listing-title")).to_be_visible()
    everything = listing_total(page)
    assert everything > 0
    assert page.locator("#listing tbody tr").count() == min(everything, 50)
    for field, value in fill.items():
        page.fill(f"#listing-filters input[name={field}]", value)
    page.locator("#listing-filters button").click()
    expect(page.locator("#listing")).to_be_visible()
    for field, value in fill.items():
        expect(page.locator(f"#listing-filters input[name={field}]")).to_have_value(value)
        assert f"{field}=" in page.url
    narrowed = listing_total(page)
    assert 0 < narrowed <= everything
    if expected:
        assert set(column(page, check_column)) == {expected}
    if name == "articles":
        assert all(d.startswith("2023-11") for d in column(page, "published"))
    shot(page, f"index-{name}")
    # sort by a column, then the other way, by clicking its header (each click flips the order)
    arrows = []
    for _ in range(2):
        page.locator(f"#listing thead a[data-column={check_column}]").click()
        arrow = page.locator("#listing thead .sort-arrow")
        expect(arrow).to_have_count(1)
        arrows.append(arrow.inner_text())
        values = column(page, check_column)
        assert values == sorted(values, key=str.casefold, reverse=arrows[-1] == "▼"), (arrows, values)
    assert sorted(arrows) == ["▲", "▼"]
    assert listing_total(page) == narrowed  # sorting keeps the filters
    # the CSV link downloads what the page lists, with a header row
    rows = download_csv(page)
    assert len(rows) == narrowed + 1 and check_column in rows[0]
    # every row leads to a page
    link = page.locator("#listing tbody tr").first.locator("a").first
    href = link.get_attribute("href")
    assert href and href.startswith("/")
    with page.expect_navigation() as nav:
        link.click()
    response = nav.value
    assert response is not None and response.status == 200, href
    expect(page.locator("main")).to_be_visible()


def test_pager_walks_every_person(page: Page, base_url: str) -> None:
    page.goto(base_url + "/people?limit=10")
    total = listing_total(page)
    assert total > 20
    names: list[str] = []
    while True:
        names += column(page, "name")
        expect(page.locator("#listing-count")).to_contain_text(f"of {total}")
        nxt = page.locator("#next-page")
        if nxt.count() == 0:
            break
        nxt.click()
    assert len(names) == len(set(names)) == total
    expect(page.locator("#prev-page")).to_be_visible()
    shot(page, "index-people-last-page")
    page.locator("#prev-page").click()
    expect(page.locator("#listing-count")).to_contain_text(f"of {total}")


def test_matches_row_leads_to_the_match(page: Page, base_url: str) -> None:
    page.goto(base_url + "/matches?competition=EFL+Cup")
    score = page.locator("#listing tbody td.col-score a").first
    text = score.inner_text()
    score.click()
    expect(page.locator("#score")).to_contain_text(text.replace("-", " – "))


def test_head_to_head_from_the_club_page(page: Page, base_url: str) -> None:
    page.goto(base_url + "/clubs/" + quote("Crystal Palace"))
    page.fill("#club-h2h-form input[name=b]", "Brighton")
    page.locator("#club-h2h-form button").click()
    expect(page.locator("#h2h-title")).to_contain_text("Crystal Palace v Brighton & Hove Albion")
    meetings = page.locator("#meetings tr.meeting")
    expect(meetings).to_have_count(3)
    expect(meetings.first.locator(".source-article").first).to_be_visible()
    expect(meetings.nth(1)).to_contain_text("results ledger")
    expect(page.locator("#h2h-record")).to_contain_text("won 1, 1 drawn")
    shot(page, "head-to-head")
    meetings.first.locator("td.score a").click()
    expect(page.locator("#scoreboard")).to_contain_text("Brighton")


def test_top_scorers_with_evidence(page: Page, base_url: str) -> None:
    page.goto(base_url + "/scorers")
    expect(page.locator(".listing-note").first).to_contain_text("goals reported in the articles")
    page.fill("#listing-filters input[name=competition]", "Premier League")
    page.fill("#listing-filters input[name=season]", "2023-24")
    page.locator("#listing-filters button").click()
    assert set(column(page, "competition")) == {"Premier League"}
    goals = [int(g) for g in column(page, "goals")]
    assert goals == sorted(goals, reverse=True) and goals[0] >= 2
    first = page.locator("#listing tbody tr").first
    first.locator("details summary").click()
    evidence = first.locator("a.goal-evidence")
    expect(evidence).to_have_count(goals[0])
    shot(page, "scorers")
    sentence = first.locator(".sentence").first.inner_text()
    evidence.first.click()
    expect(page.locator("#article-body mark#focus")).to_be_visible()
    assert sentence.strip()[:30] in page.locator("#article-body").inner_text()


def test_answer_links_to_what_it_names(page: Page, base_url: str) -> None:
    page.goto(base_url + "/ask?q=" + quote("what was the score of Palace v Everton?"))
    answer = page.locator("#answer-text")
    expect(answer.locator("a.named").first).to_be_visible()
    answer.locator("a.named", has_text="Everton").first.click()
    expect(page.locator("#club-name")).to_have_text("Everton")
    page.go_back()
    answer.locator("a.named", has_text="2-1").click()
    expect(page.locator("#scoreboard")).to_contain_text("Everton")


def test_index_pages_work_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.set_default_timeout(TIMEOUT_MS)
        pg.goto(base_url + "/matches")
        everything = listing_total(pg)
        pg.fill("#listing-filters input[name=club]", "Brighton")
        pg.locator("#listing-filters button").click()
        expect(pg.locator("#listing-filters input[name=club]")).to_have_value("Brighton")
        assert 0 < listing_total(pg) < everything
        pg.locator("#listing thead a[data-column=date]").click()
        dates = column(pg, "date")
        expect(pg.locator("#listing thead .sort-arrow")).to_have_count(1)
        assert dates in (sorted(dates), sorted(dates, reverse=True))
        assert "club=Brighton" in pg.url
    finally:
        context.close()
