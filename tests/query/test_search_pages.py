"""Search: true totals, pages that reach every hit once, titles, and near-duplicates collapsed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from touchline.ingest.readers import article_id
from touchline.models import Article, ArticleFacts, Evidence, Quote
from touchline.query import near_dups
from touchline.query.kb import KnowledgeBase
from touchline.query.search import article_title, best_sentence

STORY = (
    "Northbridge Rovers beat Eastfield 2-1 at Harbour Park on Saturday, with a late own goal deciding a tight game. "
    "Eastfield had led through a first-half header from their captain after a corner was only half cleared. "
    "Rovers equalised when their substitute striker turned sharply in the box and shot low into the corner. "
    "The winner came in stoppage time when a cross was diverted past the goalkeeper by the Eastfield defender. "
    "The home manager said afterwards that his side had deserved the points for their persistence in the rain. "
    "Eastfield stay in the bottom three after a fourth defeat in five league matches this season."
)


def _art(
    body: str, source: str, published: str, title: str | None = None, quotes: list[str] = ()
) -> ArticleFacts:  # type: ignore[assignment]
    art = Article(article_id(body), source, published, body, title)
    qs = []
    for q in quotes:
        start = body.index(q)
        qs.append(Quote("Sam Ridley", q, [Evidence(start, start + len(q), q)]))
    return ArticleFacts(art, quotes=qs)


@pytest.fixture
def search_kb(make_kb: Callable[[list[ArticleFacts]], KnowledgeBase]) -> KnowledgeBase:
    """The knowledge base of these tests (SQLite here; PostgreSQL in tests/store/test_kb_on_postgres.py)."""
    facts = [
        _art(STORY, "original", "2024-12-14", "Rovers snatch it late"),
        # the same story with a new headline and one sentence edited: a near-duplicate
        _art(
            STORY.replace("in the rain", "on a wet and windy afternoon"),
            "syndicated",
            "2024-12-15",
            "Late own goal",
        ),
        # the same match told by another writer: not a near-duplicate
        _art(
            "An own goal in stoppage time gave Northbridge Rovers victory over Eastfield at Harbour Park. "
            "Eastfield's captain headed them in front before the break. Rovers levelled through a substitute.",
            "other-writer",
            "2024-12-14",
        ),
    ]
    said = '"We kept going and got our reward," said Sam Ridley.'
    for i in range(25):
        body = f"Match report {i}: Harbour Park saw a goalkeeper make {i} saves in game {i}. {said}"
        facts.append(
            _art(body, f"r{i}", f"2024-11-{i + 1:02d}", quotes=["We kept going and got our reward,"])
        )
    return make_kb(facts)


def test_near_duplicate_articles_are_one_hit_with_also_in(search_kb: KnowledgeBase) -> None:
    page = search_kb.search_page("Eastfield", kinds=("article",))
    assert page.total == 2
    folded = next(h for h in page.hits if h.also_in)
    assert len(folded.also_in) == 1
    sources = {folded.source, search_kb.store.article(folded.also_in[0]).source}  # type: ignore[union-attr]
    assert sources == {"original", "syndicated"}
    other = next(h for h in page.hits if not h.also_in)
    assert other.source == "other-writer"


def test_the_same_quote_in_many_articles_is_one_hit(search_kb: KnowledgeBase) -> None:
    page = search_kb.search_page("reward", kinds=("quote",))
    assert page.total == 1 and len(page.hits[0].also_in) == 24


def test_totals_are_true_and_pages_reach_every_hit_once(search_kb: KnowledgeBase) -> None:
    everything = search_kb.search_page("Harbour Park", kinds=("article",), limit=1000)
    assert (
        everything.total == len(everything.hits) == 27
    )  # 25 reports + the story (twice, folded) + other writer
    seen = []
    for offset in range(0, everything.total + 10, 10):
        page = search_kb.search_page("Harbour Park", kinds=("article",), limit=10, offset=offset)
        assert page.total == everything.total
        seen += [h.article_id for h in page.hits]
    assert seen == [h.article_id for h in everything.hits]


def test_hits_carry_titles_stored_or_first_line(search_kb: KnowledgeBase) -> None:
    titles = {h.source: h.title for h in search_kb.search_page("Eastfield", kinds=("article",)).hits}
    assert titles.get("other-writer", "").startswith("An own goal in stoppage time")
    assert titles.get("original", titles.get("syndicated")) in ("Rovers snatch it late", "Late own goal")
    assert article_title(Article("x", "s", None, "First line\n\nSecond")) == "First line"


def test_phrase_search_and_its_evidence_sentence(search_kb: KnowledgeBase) -> None:
    phrase = search_kb.search_page('"own goal"', kinds=("article",))
    assert phrase.total == 2 and all("goalkeeper" not in h.evidence[0].text for h in phrase.hits)
    words = search_kb.search_page("own goal", kinds=("article",))
    assert words.total == 2  # "own" occurs only in the stories
    body = "The goalkeeper was at fault. It was an own goal."
    span = best_sentence(body, '"own goal"')
    assert span and body[span[0] : span[1]] == "It was an own goal."


def test_near_duplicate_test_separates_edits_from_rewrites() -> None:
    edited = STORY.replace("in the rain", "on a wet and windy afternoon")
    rewrite = (  # the same match, another writer's words
        "An own goal in stoppage time gave Northbridge Rovers victory over Eastfield at Harbour Park. "
        "Eastfield's captain headed them in front before the break. Rovers levelled through a substitute. "
        "Eastfield remain in the bottom three; the Rovers manager praised his side's persistence."
    )
    assert (
        near_dups.similarity(near_dups.signature(STORY), near_dups.signature(edited)) >= near_dups.THRESHOLD
    )
    assert (
        near_dups.similarity(near_dups.signature(STORY), near_dups.signature(rewrite)) < near_dups.THRESHOLD
    )
    short = near_dups.signature("Fulham won.")
    assert near_dups.similarity(short, near_dups.signature("fulham WON")) == 1.0
    assert near_dups.similarity(short, near_dups.signature("Fulham lost.")) < near_dups.THRESHOLD
