"""The knowledge-base commands end to end through ``touchline.cli.main.main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from touchline.cli.main import main
from touchline.linking.ledger import relink
from touchline.store.base import ResultRecord
from touchline.store.sqlite import SQLiteStore

PL_2024_25 = Path(__file__).resolve().parents[3] / "shared" / "data" / "openfootball" / "england" / "2024-25"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["ask", "who managed Southampton on 2024-12-18?"], "Simon Rusk (interim manager)"),
        (["ask", "what was the score of Southampton v Fulham?"], "Southampton 1-2 Fulham"),
        (["search", "fightback"], "Interim manager Simon Rusk praised the fightback."),
        (["search", "brilliant", "--kind", "quote"], "no matches"),
        (["match", "Southampton", "Liverpool"], "sources:"),
        (["person", "Simon", "Rusk"], "interim manager of Southampton"),
        (["club", "Saints"], "Ivan Jurić, manager of Southampton"),
        (["check"], "UNVERIFIABLE claim  Southampton: position = 1"),
        (["standings", "Premier League", "--season", "2024-25"], "Fulham"),
        (["export", "--format", "csv", "--table", "tenures"], "person,club,role"),
    ],
)
def test_commands(capsys: pytest.CaptureFixture[str], kb_file: str, argv: list[str], expected: str) -> None:
    code, out, err = run(capsys, *argv, "--db", kb_file)
    assert code == 0, err
    assert expected in out


def test_ask_json_carries_evidence_and_article_ids(capsys: pytest.CaptureFixture[str], kb_file: str) -> None:
    code, out, _ = run(capsys, "ask", "who managed Southampton on 2024-11-30?", "--db", kb_file, "--json")
    data = json.loads(out)
    assert code == 0 and data["known"] and "Russell Martin" in data["answer"]
    assert data["article_ids"] and data["evidence"][0]["text"]


def test_missing_store_is_a_clean_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "ask", "who managed Southampton on 2024-12-18?", "--db", str(tmp_path / "none.db")
    )
    assert code == 2 and "no such store" in err and "Traceback" not in err


def test_unknown_competition_is_a_clean_error(capsys: pytest.CaptureFixture[str], kb_file: str) -> None:
    code, _, err = run(capsys, "standings", "Eredivisie", "--season", "2024-25", "--db", kb_file)
    assert code == 2 and "no results for Eredivisie 2024-25" in err


def test_results_import_and_standings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    if not PL_2024_25.exists():
        pytest.skip(
            f"{PL_2024_25} not found: the openfootball data lives in ../shared, absent from this clone"
        )
    db = str(tmp_path / "ref.db")
    code, out, _ = run(capsys, "results", "import", str(PL_2024_25 / "1-premierleague.txt"), "--db", db)
    assert code == 0 and "Premier League 2024-25: 380 results" in out
    code, out, _ = run(
        capsys, "standings", "Premier League", "--season", "2024-25", "--as-of", "2025-05-25", "--db", db
    )
    lines = out.splitlines()
    assert code == 0
    assert lines[2].split()[:2] == ["1", "Liverpool"] and lines[2].split()[-1] == "84"
    assert lines[-1].split()[:2] == ["20", "Southampton"] and lines[-1].split()[-1] == "12"


def test_results_import_of_nothing_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("not results\n", encoding="utf-8")
    code, _, err = run(capsys, "results", "import", str(tmp_path / "x.txt"), "--db", str(tmp_path / "r.db"))
    assert code == 1 and "no results found" in err


def test_check_json_and_status_filter(capsys: pytest.CaptureFixture[str], kb_file: str) -> None:
    store = SQLiteStore(kb_file)
    store.add_results(
        [ResultRecord("Premier League", "2024-25", "2025-04-26", "Southampton", "Fulham", 1, 2)]
    )
    relink(store)  # what `touchline results import` and KnowledgeBase.add_results do after storing
    store.close()
    code, out, _ = run(capsys, "check", "--status", "confirmed", "--json", "--db", kb_file)
    rows = json.loads(out)
    assert code == 0 and rows and {r["status"] for r in rows} == {"confirmed"}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_to_file(capsys: pytest.CaptureFixture[str], kb_file: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"x.{fmt}"
    code, _, err = run(capsys, "export", "--format", fmt, "--out", str(out), "--db", kb_file)
    assert code == 0 and out.stat().st_size > 0 and "wrote" in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["match", "Everton v Brentford"], "referee: Darren England; attendance: 39,021"),
        (["match", "Everton", "Brentford"], "line-up Everton:"),
        (["match", "Everton", "Brentford"], "Doucoure (off 70'), Alcaraz"),
        (["match", "Everton", "Brentford"], "subs used: Harrison (on 70'), Broja (on 81')"),
        (["match", "Everton", "Brentford"], "subs not used: Virginia, Young"),
        (["match", "Everton", "Brentford"], "Norgaard (capt)"),
        (["match", "Everton", "Brentford"], "yellow card: Idrissa Gueye 33' (Everton)"),
        (["match", "Everton", "Brentford"], "conflict on attendance: 39021 ("),
        (["club", "Brentford"], "latest line-up: Everton 1-1 Brentford (2025-03-22)"),
        (["club", "Brentford"], "subs used: Wissa (on 64')"),
        (["person", "James", "Tarkowski"], "on 1 team sheet(s), 1 start(s)"),
        (["person", "James", "Tarkowski"], "for Everton: James Tarkowski (capt)"),
    ],
)
def test_views_show_lineups(
    capsys: pytest.CaptureFixture[str], details_file: str, argv: list[str], expected: str
) -> None:
    code, out, err = run(capsys, *argv, "--db", details_file)
    assert code == 0, err
    assert expected in out


def test_match_by_id_json_has_lineups(capsys: pytest.CaptureFixture[str], details_file: str) -> None:
    code, out, _ = run(capsys, "match", "Everton", "Brentford", "--json", "--db", details_file)
    [m] = json.loads(out)
    code, out, _ = run(capsys, "match", m["id"], "--json", "--db", details_file)
    [by_id] = json.loads(out)
    assert code == 0 and by_id["lineups"]["home"][0]["name"] == "Pickford"
    assert by_id["referee"] == "Darren England" and by_id["attendance"] == 39021


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("table", ["lineups", "cards", "matches"])
def test_export_match_details(
    capsys: pytest.CaptureFixture[str], details_file: str, tmp_path: Path, fmt: str, table: str
) -> None:
    out = tmp_path / f"{table}.{fmt}"
    code, _, err = run(
        capsys, "export", "--format", fmt, "--table", table, "--out", str(out), "--db", details_file
    )
    assert code == 0 and f"of {table} to" in err
    assert int(err.split()[1]) > 0


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("ask", ["--db", "--json"]),
        ("search", ["--club", "--person", "--competition", "--from", "--to", "--kind", "--limit", "--json"]),
        ("match", ["--date", "--db", "--json"]),
        ("standings", ["--season", "--as-of", "--db", "--json"]),
        ("check", ["--status", "--db", "--json"]),
        ("export", ["--format", "--table", "--out", "--db"]),
    ],
)
def test_command_options(capsys: pytest.CaptureFixture[str], command: str, options: list[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    assert all(f"{option} " in out or f"{option}\n" in out for option in options), out
    assert ("--json" in out) == (command != "export")
