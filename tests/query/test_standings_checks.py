"""Reference results (openfootball), league tables with tie-breakers, claim and match checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from touchline.errors import InputError
from touchline.query.kb import KnowledgeBase
from touchline.query.openfootball import parse_lines, parse_score, read_path
from touchline.query.standings import LedgerEntry, compute_table
from touchline.store.base import ResultRecord

ROOT = Path(__file__).resolve().parents[2]
PL_2024_25 = ROOT.parent / "shared" / "data" / "openfootball" / "england" / "2024-25" / "1-premierleague.txt"

# (position, club, points, goal difference) of the real final 2024-25 Premier League table
FINAL_2024_25 = [
    (1, "Liverpool", 84, 45),
    (2, "Arsenal", 74, 35),
    (3, "Manchester City", 71, 28),
    (4, "Chelsea", 69, 21),
    (5, "Newcastle United", 66, 21),
    (6, "Aston Villa", 66, 7),
    (7, "Nottingham Forest", 65, 12),
    (8, "Brighton & Hove Albion", 61, 7),
    (9, "Bournemouth", 56, 12),
    (10, "Brentford", 56, 9),
    (11, "Fulham", 54, 0),
    (12, "Crystal Palace", 53, 0),
    (13, "Everton", 48, -2),
    (14, "West Ham United", 43, -16),
    (15, "Manchester United", 42, -10),
    (16, "Wolverhampton Wanderers", 42, -15),
    (17, "Tottenham Hotspur", 38, -1),
    (18, "Leicester City", 25, -47),
    (19, "Ipswich Town", 22, -46),
    (20, "Southampton", 12, -60),
]


def pl_results() -> list[ResultRecord]:
    if not PL_2024_25.exists():
        pytest.skip(
            f"{PL_2024_25} not found: the openfootball data lives in ../shared, absent from this clone"
        )
    return [r for r in read_path(PL_2024_25) if isinstance(r, ResultRecord)]


@pytest.mark.parametrize(
    ("block", "paren", "final", "full_time", "half_time", "pens"),
    [
        ("1-0", "0-0", (1, 0), None, (0, 0), None),
        ("0-0", None, (0, 0), None, None, None),
        ("4-3 pen.", "1-1, 0-1", (1, 1), (1, 1), (0, 1), (4, 3)),
        ("2-1 a.e.t.", "1-1, 0-0", (2, 1), (1, 1), (0, 0), None),
        ("5-4 pen. 0-0 a.e.t.", "0-0", (0, 0), (0, 0), None, (5, 4)),
    ],
)
def test_parse_score(block: str, paren: str | None, final, full_time, half_time, pens) -> None:  # type: ignore[no-untyped-def]
    s = parse_score(block, paren)
    assert (s.final, s.full_time, s.half_time, s.penalties) == (final, full_time, half_time, pens)


def test_parse_both_line_layouts_and_years() -> None:
    lines = [
        "= English Premier League 2015/16",
        "",
        "» Matchday 1",
        "  Sat Aug/8 2015",
        "    12.45  Manchester United FC   v Tottenham Hotspur FC   1-0 (1-0)",
        "[Tue Feb/16]",
        "  19.45  Chelsea FC   3-1 (2-0)  Newcastle United FC",
        "         Dover Athletic  -  Sutton United   [cancelled]",
        "== Playoffs",
        "  Sat May/28",
        "    Hull City AFC   v Sheffield Wednesday FC   1-0 (0-0)",
    ]
    rows = list(parse_lines(lines, "x.txt"))
    assert [(r.date, r.home, r.away, r.home_score, r.away_score, r.stage) for r in rows] == [
        ("2015-08-08", "Manchester United", "Tottenham Hotspur", 1, 0, "regular"),
        ("2016-02-16", "Chelsea", "Newcastle United", 3, 1, "regular"),
        ("2016-05-28", "Hull City", "Sheffield Wednesday", 1, 0, "playoffs"),
    ]
    assert (
        rows[0].competition == "Premier League"
        and rows[0].season == "2015-16"
        and rows[0].round == "Matchday 1"
    )


def test_not_football_txt_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("hello\n", encoding="utf-8")
    assert [type(x) for x in read_path(bad)] == [InputError]
    assert [type(x) for x in read_path(tmp_path / "missing")] == [InputError]


def test_final_2024_25_premier_league_table(make_kb) -> None:  # type: ignore[no-untyped-def]
    kb: KnowledgeBase = make_kb([])
    kb.add_results(pl_results())
    table = kb.standings("Premier League", "2024-25", as_of="2025-05-25")
    assert table.matches == 380 and table.ledger_source == "reference results"
    assert [(r.position, r.club, r.points, r.goal_difference) for r in table.rows] == FINAL_2024_25
    assert all(r.played == 38 for r in table.rows)
    midway = kb.standings("Barclays Premier League", "2024-25", as_of="2024-12-31")
    assert midway.rows[0].club == "Liverpool" and max(r.played for r in midway.rows) <= 19
    kb.close()


@pytest.mark.parametrize(("competition", "order"), [("Premier League", ["X", "Y"]), ("Serie A", ["Y", "X"])])
def test_tie_breakers_follow_the_competition(competition: str, order: list[str]) -> None:
    """X and Y are level on 4 points; X has the better goal difference, Y won their meeting."""
    entries = [
        LedgerEntry("2025-01-01", "Y", "X", 1, 0, "t"),
        LedgerEntry("2025-01-08", "X", "Z", 6, 0, "t"),
        LedgerEntry("2025-01-15", "Y", "W", 0, 0, "t"),
        LedgerEntry("2025-01-22", "X", "W", 0, 0, "t"),
    ]
    table = compute_table(entries, competition, "2024-25", None, "test")
    assert [r.club for r in table.rows] == [*order, "W", "Z"]
    assert [r.points for r in table.rows] == [4, 4, 2, 0]
    early = compute_table(entries, competition, "2024-25", "2025-01-10", "test")
    assert early.matches == 2 and early.rows[0].club == order[0]


def test_checks_confirm_true_and_flag_planted_false_claim(kb: KnowledgeBase) -> None:
    before = {c.statement: c.status for c in kb.check()}
    assert before["Southampton: position = 1"] == "unverifiable"  # no reference results yet
    kb.add_results(pl_results())
    kb.add_results(
        [ResultRecord("EFL Cup", "2024-25", "2024-12-18", "Southampton", "Liverpool", 1, 2, "Quarter-finals")]
    )
    results = {c.statement: c for c in kb.check()}
    assert results["Fulham: position = 8"].status == "confirmed"
    planted = results["Southampton: position = 1"]
    assert planted.status == "contradicted"
    assert "20th" in planted.reason and "Liverpool" in planted.reason and planted.contradicting_source
    assert planted.evidence[0].text == "Southampton are top of the Premier League"
    assert results["Southampton 1-2 Fulham"].status == "confirmed"
    assert results["Southampton 1-2 Liverpool"].status == "confirmed"
