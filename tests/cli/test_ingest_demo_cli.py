"""``touchline ingest`` and ``touchline demo`` end to end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from touchline.cli import demo_cmd
from touchline.cli.main import main
from touchline.config import SAMPLE_DIR
from touchline.store.sqlite import SQLiteStore


def corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i}.txt").write_text(
            f"date 2025-02-{i + 1:02d} Match report {i}: Eddie Howe was pleased.\n", encoding="utf-8"
        )
    return folder


@pytest.mark.usefixtures("fake_extractor")
def test_ingest_summary_rerun_and_bad_inputs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder, db = corpus(tmp_path / "in", 4), str(tmp_path / "kb.db")
    assert main(["ingest", str(folder), "--db", db, "--batch-size", "3"]) == 0
    out, err = capsys.readouterr()
    assert "read 4 article(s): stored 4, skipped 0" in out and "failed 0" in out
    (folder / "empty.txt").write_bytes(b"")
    assert main(["ingest", str(folder), "--db", db, "--progress"]) == 0
    out, err = capsys.readouterr()
    assert "stored 0, skipped 4 (4 already stored" in out and "failed 1" in out
    assert "empty.txt: empty file" in err and "done" in err  # the progress bar ends with "done"
    store = SQLiteStore(db)
    assert store.counts()["articles"] == 4
    store.close()


@pytest.mark.usefixtures("fake_extractor")
def test_ingest_nothing_readable_exits_non_zero(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["ingest", str(tmp_path / "missing"), "--db", str(tmp_path / "kb.db")]) == 1
    assert "nothing could be read" in capsys.readouterr().err


def test_demo_with_an_empty_sample_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_cmd, "SAMPLE_DIR", tmp_path)
    monkeypatch.setattr(demo_cmd, "sample_files", lambda folder=tmp_path: [])
    assert main(["demo"]) == 2
    assert "sample corpus is empty" in capsys.readouterr().err


@pytest.mark.slow
def test_demo_on_the_builtin_sample(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    files = sorted(SAMPLE_DIR.glob("*.txt"))
    if not files:
        pytest.skip("the built-in sample corpus (src/touchline/sample/*.txt) is not written yet")
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    stored = int(re.search(r"Ingested (\d+) sample articles", out).group(1))  # type: ignore[union-attr]
    failed = err.count("extraction failed")  # reported per article, never fatal
    assert stored >= 1 and stored + failed == len(files)
    store = SQLiteStore(db)
    assert store.counts()["articles"] == stored
    store.close()
    assert "People (most mentioned)" in out or "Matches" in out
