"""Build the web tests' store: the built-in sample corpus plus one hostile article (markup and a script
tag in its text), and find the pages worth visiting in it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from touchline.cli.demo_cmd import sample_files
from touchline.query.kb import KnowledgeBase
from touchline.query.types import MergedMatch
from touchline.store import open_store
from touchline.store.base import ResultRecord
from touchline.store.loader import ingest

# Original text written for these tests: markup that must come out as visible text, never as HTML.
HOSTILE_ARTICLE = """date 2023-12-05
Crystal Palace supporters found a strange post on the club forum this week: <script>alert(1)</script> sat beneath the team news, next to <b>bold</b> claims & rumours about the January window.

Luis Arteaga said: "We do not read the forums, we read the table <img src=x onerror=alert(2)>."
"""
HOSTILE_MARKER = "strange post on the club forum"

# A results ledger written for these tests (fictional, like the sample corpus): two earlier league meetings
# of Crystal Palace and Brighton that no article reports, and the cup tie at Villa Park that two reports
# cover (the head-to-head page shows it once, with both kinds of source).
LEDGER = [
    ResultRecord(
        "Premier League",
        "2022-23",
        "2022-12-31",
        "Crystal Palace",
        "Brighton & Hove Albion",
        1,
        0,
        round="Matchday 18",
        source="test-ledger.txt:3",
    ),
    ResultRecord(
        "Premier League",
        "2022-23",
        "2023-03-15",
        "Brighton & Hove Albion",
        "Crystal Palace",
        1,
        1,
        round="Matchday 27",
        source="test-ledger.txt:7",
    ),
    ResultRecord(
        "EFL Cup",
        "2023-24",
        "2023-11-11",
        "Aston Villa",
        "Crystal Palace",
        1,
        2,
        round="Fourth round",
        stage="knockout",
        source="test-ledger.txt:12",
    ),
]


@dataclass
class WebData:
    db: Path
    hostile_id: str
    lineup_match: MergedMatch  # a match whose team sheet was printed
    multi_source_match: MergedMatch  # a match reported by more than one article


def build_web_store(folder: Path) -> WebData:
    hostile = folder / "hostile_forum_post.txt"
    hostile.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    files = sample_files()
    assert files, "the built-in sample corpus is empty"
    db = folder / "web.db"
    with open_store(db) as store:
        report = ingest(store, [*files, hostile])
        assert report.stored == len(files) + 1, report.failed
        store.add_results(LEDGER)
        kb = KnowledgeBase(store)
        bodies = {aid: art.body for aid in store.find_article_ids("") if (art := store.article(aid))}
        hostile_id = next(aid for aid, body in bodies.items() if HOSTILE_MARKER in body)
        lineup_match = next(m for m in kb.matches if _has_lineups(kb, m))
        multi = next(m for m in kb.matches if len(m.sources) > 1)
    return WebData(db, hostile_id, lineup_match, multi)


def _has_lineups(kb: KnowledgeBase, m: MergedMatch) -> bool:
    for s in m.sources:
        facts = kb.store.facts(s.article_id)
        if facts and any(x.lineups for x in facts.matches):
            return True
    return False
