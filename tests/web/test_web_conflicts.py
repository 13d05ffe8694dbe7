"""The match page shows disagreeing sources: both values, their articles, the value chosen and the rule."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from touchline.api.app import create_app
from touchline.ingest.readers import article_id
from touchline.models import Article, ArticleFacts, Evidence, Match
from touchline.query.kb import KnowledgeBase
from touchline.store.sqlite import SQLiteStore


def _report(body: str, published: str, home_score: int, away_score: int, referee: str) -> ArticleFacts:
    start = body.index("Fulham")
    sentence = body[start : body.index(".", start) + 1]
    art = Article(article_id(body), f"{published}.txt", published, body)
    match = Match(
        "Fulham",
        "Everton",
        home_score,
        away_score,
        "played",
        "home_win",
        "2024-03-02",
        "Premier League",
        evidence=[Evidence(start, start + len(sentence), sentence)],
        referee=referee,
        warnings=["score differs from the headline"] if home_score == 3 else [],
    )
    return ArticleFacts(art, matches=[match])


def test_conflicting_reports_are_shown_with_their_sources(tmp_path: Path) -> None:
    db = tmp_path / "conflict.db"
    kb = KnowledgeBase(SQLiteStore(db))
    kb.add(
        [
            _report(
                "Fulham beat Everton 2-1 at Craven Cottage on Saturday. A fine win.",
                "2024-03-02",
                2,
                1,
                "Anna Reed",
            ),
            _report(
                "Fulham beat Everton 3-1 last weekend, a result that <i>lifted</i> spirits.",
                "2024-03-09",
                3,
                1,
                "Tom Hale",
            ),
        ]
    )
    merged = kb.matches
    kb.close()
    assert len(merged) == 1 and merged[0].conflicts
    with TestClient(create_app(str(db))) as client:
        html = client.get(f"/matches/{merged[0].id}").text
    section = re.search(r'<section id="conflicts" class="warn">(.*?)</section>', html, re.S)
    assert section, "no conflicts section"
    text = section.group(1)
    assert "<strong>2-1</strong>" in text and "<strong>3-1</strong>" in text
    assert 'class="badge">chosen</span>' in text and "Rule:" in text
    assert "<strong>Anna Reed</strong>" in text and "<strong>Tom Hale</strong>" in text
    assert "score differs from the headline" in text
    assert text.count('href="/articles/') >= 3
    assert "<i>lifted</i>" not in html
