"""Hostile inputs, generated here: each gives one clear error naming the file; the rest still read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from touchline.errors import InputError
from touchline.ingest import iter_articles


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(
        "date 2024-12-18 Southampton lost 2-1 to Liverpool at St Mary's.", encoding="utf-8"
    )
    (d / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("   \n\n  ", encoding="utf-8")
    (d / "undecodable.txt").write_bytes(b"Fulham \x81\x8d\x8f\x90\x9d won " * 3)
    (d / "only-ads.txt").write_text("date 2024-01-01 Advertisement\n\nAdvertisement", encoding="utf-8")
    (d / "bad.jsonl").write_text(
        '{"text": "Fulham won.", "published": "2024-01-01"}\n{broken\n', encoding="utf-8"
    )
    big = d / "huge.txt"
    with big.open("wb") as fh:
        fh.write(b"date 2024-01-01 ")
        fh.write(b"Fulham won again. " * (50 * 1024 * 1024 // 18 + 1))
    return d


def test_every_bad_file_gets_one_error_and_good_ones_are_read(hostile: Path) -> None:
    items = list(iter_articles([hostile, hostile / "missing.txt"]))
    errors = {Path(e.source.split(":")[0]).name: e.problem for e in items if isinstance(e, InputError)}
    good = [a for a in items if not isinstance(a, InputError)]
    assert sorted(a.body for a in good) == ["Fulham won.", "Southampton lost 2-1 to Liverpool at St Mary's."]
    assert set(errors) == {
        "binary.txt",
        "image.png",
        "empty.txt",
        "blank.txt",
        "undecodable.txt",
        "only-ads.txt",
        "bad.jsonl",
        "huge.txt",
        "missing.txt",
    }
    assert "binary" in errors["binary.txt"] and "binary" in errors["image.png"]
    assert "too large" in errors["huge.txt"]
    assert "no such file" in errors["missing.txt"]
    assert "undecodable" in errors["undecodable.txt"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "touchline.cli.main", *args], capture_output=True, text=True, timeout=300
    )


def test_cli_reports_each_bad_file_on_one_line_and_exits_zero_when_something_was_read(hostile: Path) -> None:
    run = _cli("extract", "--json", str(hostile))
    assert run.returncode == 0, run.stderr
    err_lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert any("binary.txt" in ln and "binary" in ln for ln in err_lines)
    assert all(ln.startswith("touchline: ") for ln in err_lines)
    assert len(run.stdout.splitlines()) == 2


def test_cli_exits_non_zero_when_nothing_could_be_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    run = _cli("extract", "--json", str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt"))
    assert run.returncode != 0
    assert "empty.txt: empty file" in run.stderr and "nope.txt: no such file" in run.stderr
    assert run.stdout == ""
