"""The web ``/ask`` page and ``/api/ask`` on a store whose articles carry no date: an answer, never a 500
(the present tense used to raise ValueError there)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from touchline.api.app import create_app
from touchline.config import SAMPLE_DIR
from touchline.store.loader import ingest
from touchline.store.sqlite import SQLiteStore


@pytest.mark.slow
def test_ask_on_an_undated_store_answers(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(SAMPLE_DIR.glob("s0[5-8]*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        (folder / path.name).write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    store = SQLiteStore(db)
    ingest(store, [folder])
    store.close()
    with TestClient(create_app(str(db))) as client:
        for q in (
            "who is the Arsenal manager?",
            "who is the Crystal Palace manager?",
            "who's in charge at Spurs?",
        ):
            page = client.get("/ask", params={"q": q})
            assert page.status_code == 200, page.text
            assert "None" not in page.text.split("<main", 1)[-1]
            api = client.get("/api/ask", params={"q": q})
            assert api.status_code == 200 and "None" not in api.json()["text"], api.text
