"""A running server notices writes by other processes (a data-version check per request) and answers from
current data: counts, the merged views behind /api/matches and the web pages, all at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from touchline.api.app import create_app
from touchline.api.freshness import sync
from touchline.cli.demo_cmd import sample_files
from touchline.store import open_store
from touchline.store.loader import ingest

SRC = Path(__file__).resolve().parents[2] / "src"
NEW = "date 2025-02-01\n\nFulham beat Everton 3-1 at Craven Cottage on Saturday, with Raul Jimenez scoring twice.\n"


def fulham_everton(c: TestClient) -> list[dict[str, object]]:
    items = c.get("/api/matches", params={"club": "Fulham", "limit": 200}).json()["items"]
    return [m for m in items if {m["home"], m["away"]} == {"Fulham", "Everton"} and m["score"] == "3-1"]


def test_a_running_server_sees_an_external_ingest(write_db: Path, tmp_path: Path) -> None:
    article = tmp_path / "new.txt"
    article.write_text(NEW, encoding="utf-8")
    with TestClient(create_app(str(write_db))) as c:
        before = c.get("/healthz").json()["articles"]
        assert c.get("/api/articles").json()["total"] == before
        assert fulham_everton(c) == []  # the merged views are built and cached now
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from touchline.cli.main import main; sys.exit(main(sys.argv[1:]))",
                "ingest",
                str(article),
                "--db",
                str(write_db),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(SRC)},
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        assert c.get("/healthz").json()["articles"] == before + 1
        assert c.get("/api/articles").json()["total"] == before + 1
        assert len(fulham_everton(c)) == 1
        assert "Craven Cottage" in c.get("/search", params={"q": "Craven Cottage Jimenez"}).text


def test_no_refresh_without_outside_writes(write_db: Path) -> None:
    with TestClient(create_app(str(write_db))) as c:
        state = c.app.state  # type: ignore[attr-defined]
        c.get("/api/matches")
        views = state.kb.matches
        for _ in range(3):
            c.get("/api/matches")
        assert state.kb.matches is views  # cached views kept while nobody writes
        assert sync(state) is False


@pytest.fixture
def pg_store(postgres_db: str, extractor) -> str:  # type: ignore[no-untyped-def]
    with open_store(postgres_db) as store:
        ingest(store, sample_files(), extractor=extractor)
    return postgres_db


def test_postgres_server_sees_another_writer(pg_store: str, extractor) -> None:  # type: ignore[no-untyped-def]
    from touchline.models import Article

    with TestClient(create_app(pg_store)) as c:
        state = c.app.state  # type: ignore[attr-defined]
        before = c.get("/api/articles").json()["total"]
        assert fulham_everton(c) == []
        assert sync(state) is False  # reading does not look like writing
        body = NEW.split("\n", 2)[2]
        import hashlib

        art = Article(hashlib.sha256(body.encode()).hexdigest(), "other-writer", "2025-02-01", body)
        with open_store(pg_store) as other:  # another connection, as another process would have
            ingest(other, articles=[art], extractor=extractor)
        assert c.get("/api/articles").json()["total"] == before + 1
        assert len(fulham_everton(c)) == 1
