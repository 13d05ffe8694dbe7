"""The hostile folder (200+ entries, generated) ingests in one command: every good article stored, one
stderr line per bad entry, nothing from outside the folder, exit status 0. Time is not asserted
(``benchmarks/hostile_ingest.py`` measures it).

``TOUCHLINE_HOSTILE_SKIP_SLOW=1`` leaves the pathological texts out of the folder, for a quick run of
the reader checks on a checkout whose extractor is slow on them; by default they are in."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from touchline.errors import printable
from touchline.testing.hostile_folder import HostileFolder, write_hostile_folder

SRC = str(Path(__file__).resolve().parents[2] / "src")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileFolder:
    slow = os.environ.get("TOUCHLINE_HOSTILE_SKIP_SLOW") != "1"
    return write_hostile_folder(tmp_path_factory.mktemp("hostile"), slow=slow)


@pytest.fixture(scope="module")
def ingested(
    hostile: HostileFolder, tmp_path_factory: pytest.TempPathFactory
) -> tuple[subprocess.CompletedProcess[str], Path]:
    db = tmp_path_factory.mktemp("db") / "hostile.db"
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    run = subprocess.run(
        [sys.executable, "-m", "touchline.cli.main", "ingest", str(hostile.root), "--db", str(db)],
        capture_output=True,
        text=True,
        errors="replace",
        env=env,
        timeout=3600,
    )
    return run, db


def lines_about(lines: list[str], entry: str) -> list[str]:
    key = f"touchline: {printable(entry)}:"
    return [ln for ln in lines if ln.startswith(key)]


def test_generator_writes_200_entries_with_good_articles_among_them(hostile: HostileFolder) -> None:
    assert hostile.entries >= 200 - (0 if hostile.slow else 9)
    assert len(hostile.good) >= 10 and len(hostile.bad) >= 100 and hostile.warned
    assert hostile.slow or os.environ.get("TOUCHLINE_HOSTILE_SKIP_SLOW") == "1"


def test_one_command_stores_every_good_article_and_exits_zero(
    ingested: tuple[subprocess.CompletedProcess[str], Path], hostile: HostileFolder
) -> None:
    run, db = ingested
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    with sqlite3.connect(db) as conn:
        bodies = "\n".join(r[0] for r in conn.execute("SELECT body FROM articles"))
        sources = [r[0] for r in conn.execute("SELECT source FROM articles")]
    missing = [
        f"{marker} ({printable(entry)})"
        for marker, entry in {**hostile.good, **hostile.warned, **hostile.slow}.items()
        if marker not in bodies
    ]
    assert missing == []
    for marker in ("outsidezz", "outsidezy", "hiddenzz"):  # links leaving the folder, hidden files
        assert marker not in bodies
    assert all(s.encode("utf-8") for s in sources)  # names that were not UTF-8 are stored as escapes
    assert any("\\xff" in s for s in sources)
    assert "stored" in run.stdout


def test_one_line_per_bad_entry_naming_it(
    ingested: tuple[subprocess.CompletedProcess[str], Path], hostile: HostileFolder
) -> None:
    run, _ = ingested
    lines = run.stderr.splitlines()
    wrong = {
        printable(e): lines_about(lines, e)
        for e in [*hostile.bad, *hostile.warned.values()]
        if len(lines_about(lines, e)) != 1
    }
    assert wrong == {}
    claimed = {
        ln
        for e in [*hostile.bad, *hostile.warned.values(), *hostile.slow.values()]
        for ln in lines_about(lines, e)
    }
    progress = [ln for ln in lines if ln.startswith("ingest: ")]  # the plain progress log (no terminal)
    extra = [ln for ln in lines if ln not in claimed and ln not in progress]
    assert extra == []


def test_no_line_lets_a_terminal_sequence_or_a_newline_through(
    ingested: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    run, _ = ingested
    assert "\x1b" not in run.stderr and "\x07" not in run.stderr
    lines = run.stderr.splitlines()
    assert any("osc_empty\\x1b]0;pwned\\x07.txt: empty file" in ln for ln in lines)
    assert any("line\\nbreak.jsonl:1: malformed JSON" in ln for ln in lines)
    assert any("undecodable_\\xff.txt: empty file" in ln for ln in lines)


def test_links_leaving_the_folder_are_read_only_with_follow_links(
    hostile: HostileFolder, tmp_path: Path
) -> None:
    from touchline.errors import InputError
    from touchline.ingest import iter_articles

    folder = tmp_path / "in"
    folder.mkdir()
    os.symlink(hostile.outside / "secret.txt", folder / "secret.txt")
    os.symlink(hostile.outside / "sub", folder / "sub")
    items = list(iter_articles([folder]))
    assert [type(i) for i in items] == [InputError, InputError]
    assert all("outside the folder" in i.problem for i in items if isinstance(i, InputError))
    followed = [getattr(a, "body", "") for a in iter_articles([folder], follow_links=True)]
    assert any("outsidezz" in b for b in followed) and any("outsidezy" in b for b in followed)
    named = [getattr(a, "body", "") for a in iter_articles([folder / "secret.txt"])]
    assert any("outsidezz" in b for b in named)  # a link named on the command line is followed
