"""The REST API and the web match page show a match's ledger link and where its date comes from."""

from __future__ import annotations

import sys
from pathlib import Path

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "query"))

from kb_corpus import article, ev

from touchline.api.app import create_app
from touchline.models import ArticleFacts, Match
from touchline.query.kb import KnowledgeBase
from touchline.store.base import ResultRecord
from touchline.store.sqlite import SQLiteStore


def test_match_shows_its_ledger_fixture_and_date_source(tmp_path: Path) -> None:
    body = "Newcastle United 2-1 Bolton Wanderers. Shearer scored the winner."
    m = Match("Newcastle United", "Bolton Wanderers", 2, 1, "played", None, None, "Premier League")
    m.evidence = ev(body, "Newcastle United 2-1 Bolton Wanderers")
    db = tmp_path / "kb.db"
    with KnowledgeBase(SQLiteStore(db)) as kb:
        kb.add([ArticleFacts(article(body, None, "report.txt"), matches=[m])])  # type: ignore[arg-type]
        kb.add_results(
            [
                ResultRecord(
                    "Premier League", "2004-05", "2005-01-22", "Newcastle United", "Bolton Wanderers", 2, 1
                )
            ]
        )
        (merged,) = kb.matches
    client = TestClient(create_app(str(db)))
    data = client.get(f"/api/matches/{merged.id}").json()
    assert data["date"] == "2005-01-22" and data["date_source"] == "ledger"
    assert data["ledger"]["status"] == "linked" and data["ledger"]["fixture"]["season"] == "2004-05"
    page = client.get(f"/matches/{merged.id}").text
    assert "from the results ledger" in page and 'id="ledger"' in page
