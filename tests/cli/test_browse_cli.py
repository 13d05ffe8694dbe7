"""``touchline h2h`` and ``touchline scorers`` on the demo store, with a results ledger imported from a
Football.TXT file written here (fictional results, like the sample corpus)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from touchline.cli.main import main

LEDGER = """= English Premier League 2022/23

» Matchday 18
  Sat Dec/31 2022
    15.00  Crystal Palace FC   v Brighton & Hove Albion FC   1-0 (0-0)

» Matchday 27
  Wed Mar/15 2023
    19.45  Brighton & Hove Albion FC   v Crystal Palace FC   1-1 (1-0)
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("browse")
    db = str(folder / "demo.db")
    assert main(["demo", "--db", db]) == 0
    ledger = folder / "ledger.txt"
    ledger.write_text(LEDGER, encoding="utf-8")
    assert main(["results", "import", str(ledger), "--db", db]) == 0
    return db


def test_h2h_lists_reports_and_ledger(capsys: pytest.CaptureFixture[str], demo_db: str) -> None:
    code, out, err = run(capsys, "h2h", "Palace", "Brighton", "--db", demo_db)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Crystal Palace v Brighton & Hove Albion: 3 meeting(s)"
    assert "Crystal Palace won 1, 1 drawn, Brighton & Hove Albion won 1 · goals 2-3" in lines[1]
    assert "2023-10-22  Crystal Palace 0-2 Brighton & Hove Albion [Premier League]" in out
    assert "2023-03-15  Brighton & Hove Albion 1-1 Crystal Palace [Premier League]" in out
    sources = [line for line in lines if "sources:" in line]
    assert "article " in sources[0] and all("results ledger" in s for s in sources[1:])


def test_h2h_json_and_errors(capsys: pytest.CaptureFixture[str], demo_db: str) -> None:
    code, out, _ = run(capsys, "h2h", "Brighton", "Palace", "--json", "--db", demo_db)
    data = json.loads(out)
    assert code == 0 and data["a"] == "Brighton & Hove Albion" and len(data["meetings"]) == 3
    assert [m["results_ledger"] for m in data["meetings"]] == [False, True, True]
    code, _, err = run(capsys, "h2h", "Palace", "Nowhere Rovers", "--db", demo_db)
    assert code == 2 and err.strip() == "touchline: error: unknown club 'Nowhere Rovers'"
    code, _, err = run(capsys, "h2h", "Palace", "Crystal Palace", "--db", demo_db)
    assert code == 2 and "same club" in err


def test_scorers_are_labelled_with_evidence(capsys: pytest.CaptureFixture[str], demo_db: str) -> None:
    code, out, err = run(
        capsys,
        "scorers",
        "--competition",
        "Premier League",
        "--season",
        "2023-24",
        "--evidence",
        "--db",
        demo_db,
    )
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Top scorers: goals reported in the articles (not official statistics)"
    assert lines[1].strip().startswith("1. Jonah Ferreira (Crystal Palace) 2 · Premier League 2023-24")
    ranked = [re.match(r"\s+\d+\. .*?\) (\d+)", line) for line in lines]
    goals = sum(int(m.group(1)) for m in ranked if m)
    assert goals == sum(1 for line in lines if "evidence: “" in line) > 5


def test_scorers_json_limit_and_filters(capsys: pytest.CaptureFixture[str], demo_db: str) -> None:
    code, out, _ = run(capsys, "scorers", "--json", "--limit", "2", "--club", "Palace", "--db", demo_db)
    data = json.loads(out)
    assert code == 0 and data["total"] > 2 and len(data["scorers"]) == 2
    assert {s["team"] for s in data["scorers"]} == {"Crystal Palace"}
    goal = data["scorers"][0]["goals_evidence"][0]
    assert goal["evidence"]["text"] and goal["match_id"]
    code, out, _ = run(capsys, "scorers", "--season", "1999-00", "--db", demo_db)
    assert code == 0 and "no goals reported for these filters" in out
    code, _, err = run(capsys, "scorers", "--season", "next year", "--db", demo_db)
    assert code == 2 and "season must look like" in err


def test_missing_store_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "scorers", "--db", str(tmp_path / "none.db"))
    assert code == 2 and err.count("\n") == 1 and "no such store" in err
