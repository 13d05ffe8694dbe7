"""Team sheets whose labels were stripped ("Subs not used:", "Booked:", "Goals:", "Att:", "Ref:" gone):
each side's line-up, bench, bookings and goals on lines of their own, then attendance and referee."""

from __future__ import annotations

from typing import Any

from tests.nlp.components.test_teamsheet import _ctx, _people

from touchline.models import Goal, Match
from touchline.nlp.components.teamsheet_bare import read_bare
from touchline.nlp.components.teamsheet_parse import find_blocks

CLUBS = {"Leeds United", "Newcastle United", "Leeds", "Newcastle"}

SHEET = """Leeds beat Newcastle in the cup.

Robinson, Mills, Radebe, Matteo, Harte, Bowyer, Bakke (Barmby 70), Dacourt, Kewell, Viduka, Smith (Milner 80).

Martyn, Kelly.

Bowyer, Mills.

Viduka 12, Smith 40.

Given, Griffin, Dabizas (Caldwell 46), O'Brien, Hughes, Solano (Jenas 75), Dyer, Speed, Robert, Shearer, Bellamy.

Harper, Bernard.

: Caldwell, Dyer.

Shearer 60.

39,521

S Dunn (Bristol).
"""


def _block() -> Any:
    (block,) = find_blocks(SHEET, lambda t: t in CLUBS)
    return block


def test_bench_bookings_goals_attendance_referee_per_side() -> None:
    block = _block()
    home, away = block.teams
    bench = {p.name.text for p in home.players if not p.starter and p.subbed_on is None}
    assert bench == {"Martyn", "Kelly"}
    assert {p.name.text for p in away.players if not p.starter and p.subbed_on is None} == {
        "Harper",
        "Bernard",
    }
    assert [(c.name.text, c.kind, c.team_index) for c in block.cards] == [
        ("Bowyer", "yellow", 0),
        ("Mills", "yellow", 0),
        ("Caldwell", "yellow", 1),
        ("Dyer", "yellow", 1),
    ]
    assert [(g.name.text, g.minute, g.team_index) for g in block.goals] == [
        ("Viduka", 12, 0),
        ("Smith", 40, 0),
        ("Shearer", 60, 1),
    ]
    assert block.attendance == 39521 and block.referee is not None and block.referee.text == "S Dunn"
    assert SHEET[block.referee.start : block.referee.end] == "S Dunn"


def test_goal_line_is_no_score_header_and_surname_no_club_label() -> None:
    text = SHEET.replace("Viduka 12, Smith 40.", "Viduka 1, Smith 10.").replace("Bowyer, Mills.", "Bowyer.")
    block = find_blocks(text, lambda t: t in CLUBS)[0]
    assert block.header is None
    assert [t.label for t in block.teams] == [None, None]
    assert [g.minute for g in block.goals][:2] == [1, 10]
    assert [c.name.text for c in block.cards][:1] == ["Bowyer"]


def test_prose_ends_the_sheet_and_attendance_needs_a_line_up() -> None:
    text = SHEET.replace(
        "39,521", "The crowd went home happy after a fine afternoon of football at the ground."
    )
    block = find_blocks(text, lambda t: t in CLUBS)[0]
    assert block.attendance is None and block.referee is None
    assert read_bare("9,796", 0, 5, teams_seen=0) is None
    early = read_bare("A Freeland", 0, 10, teams_seen=1)  # a referee comes after both sides
    assert early is not None and early[0] == "bare_names"
    late = read_bare("A Freeland", 0, 10, teams_seen=2)
    assert late is not None and late[0] == "referee"
    assert read_bare("Smith 12, Jones", 0, 15, teams_seen=2) is None  # every goal item has a minute


def test_sheet_fills_the_reported_match_and_people(extractor: Any) -> None:
    ctx = _ctx(extractor, SHEET, [Match("Leeds United", "Newcastle United", 2, 1, "played")])
    (m,) = ctx.facts.matches
    assert m.lineups is not None and len(m.lineups["home"]) == 15 and len(m.lineups["away"]) == 15
    assert m.attendance == 39521 and m.referee is not None
    assert {(c.person, c.team) for c in m.cards or []} >= {("Caldwell", "Newcastle United")}
    people = _people(ctx)
    assert people["Kelly"] == "Leeds United" and people["Bernard"] == "Newcastle United"
    assert all(people.get(e.name) is not None for side in m.lineups.values() for e in side)


def test_a_sheet_listing_every_goal_drops_a_prose_goal_it_does_not_list(extractor: Any) -> None:
    m = Match("Leeds United", "Newcastle United", 2, 1, "played")
    m.goals = [
        Goal("Viduka", "Leeds United"),
        Goal("Bowyer", "Leeds United"),
        Goal("Shearer", "Newcastle United"),
    ]
    _ctx(extractor, SHEET, [m])
    assert sorted((g.scorer, g.minute) for g in m.goals) == [("Shearer", 60), ("Smith", 40), ("Viduka", 12)]
    short = Match("Leeds United", "Newcastle United", 3, 1, "played")  # the sheet lists 3 of 4: keep prose
    short.goals = [Goal("Bowyer", "Leeds United")]
    _ctx(extractor, SHEET, [short])
    assert ("Bowyer", None) in [(g.scorer, g.minute) for g in short.goals]
