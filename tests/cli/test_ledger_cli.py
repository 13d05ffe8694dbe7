"""`touchline results import` links stored reports; `touchline ledger-eval` prints the agreement table.
Both on a tiny corpus written here (no ../shared needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from touchline.cli.main import main

LEDGER = """\
= English Premier League 2004/05
Matchday 22
[Sat Jan/22]
  15.00  Newcastle United         2-1 (1-0)  Bolton Wanderers
  15.00  Everton FC               1-0 (0-0)  Charlton Athletic
"""
REPORTS = {
    "newcastle.txt": "Newcastle United 2-1 Bolton Wanderers\n\nNewcastle United beat Bolton Wanderers 2-1 at "
    "St James' Park on Saturday. Alan Shearer scored the winner.\n",
    "everton.txt": "Everton 2-0 Charlton\n\nEverton beat Charlton Athletic 2-0 at Goodison Park. Tim Cahill "
    "scored twice.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    ledger = tmp_path / "1-premierleague.txt"
    ledger.write_text(LEDGER, encoding="utf-8")
    return folder, ledger


def test_results_import_links_reports_already_stored(
    capsys: pytest.CaptureFixture[str], corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, ledger = corpus
    db = str(tmp_path / "kb.db")
    assert main(["ingest", str(folder), "--db", db]) == 0
    capsys.readouterr()
    assert main(["results", "import", str(ledger), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "ledger links: 1 reported match(es) linked to their fixture, 1 other" in out
    assert main(["check", "--json", "--db", db]) == 0
    rows = {r["statement"]: r for r in json.loads(capsys.readouterr().out) if r["kind"] == "match"}
    assert rows["Newcastle United 2-1 Bolton Wanderers"]["status"] == "confirmed"
    assert "2005-01-22" in rows["Newcastle United 2-1 Bolton Wanderers"]["reason"]
    assert rows["Everton 2-0 Charlton Athletic"]["status"] == "contradicted"
    assert "Everton 1-0 Charlton Athletic" in rows["Everton 2-0 Charlton Athletic"]["contradicting_source"]


def test_ledger_eval_prints_shares(capsys: pytest.CaptureFixture[str], corpus: tuple[Path, Path]) -> None:
    folder, ledger = corpus
    assert main(["ledger-eval", str(folder), "--results", str(ledger), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    total = rows[-1]
    assert total["counts"]["played"] == 2 and total["agree"] == 0.5 and total["contradict"] == 0.5
    assert total["own match found"] == 0.5


def test_ledger_eval_names_a_missing_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["ledger-eval", str(tmp_path / "nope"), "--results", str(tmp_path / "none.txt")])
    assert code == 1 and "nope: no such file or directory" in capsys.readouterr().err
