"""``--extract-max-chars``: an article over the limit is stored unextracted with one stderr line."""

from __future__ import annotations

from pathlib import Path

import pytest

from touchline.cli.main import main
from touchline.store.sqlite import SQLiteStore


def test_ingest_over_the_size_budget_stores_and_reports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOUCHLINE_EXTRACT_MAX_CHARS", "200000")  # restored afterwards: the option sets it
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "short.txt").write_text("Arsenal beat Chelsea 2-1 on Saturday.", encoding="utf-8")
    (tmp_path / "in" / "long.txt").write_text("Tom Hollis scored again. " * 40, encoding="utf-8")
    db = tmp_path / "kb.db"
    code = main(["ingest", str(tmp_path / "in"), "--db", str(db), "--extract-max-chars", "500"])
    out, err = capsys.readouterr()
    assert code == 0
    lines = [ln for ln in err.splitlines() if "too complex" in ln]
    assert len(lines) == 1 and "long.txt" in lines[0] and "limit 500" in lines[0]
    assert "stored 2" in out and "1 stored but not extracted" in out
    store = SQLiteStore(db)
    assert [src.endswith("long.txt") for _id, src, _why in store.unextracted()] == [True]
    store.close()
