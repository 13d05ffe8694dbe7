"""The teamsheet component on whole (small, original) articles: which match, which side, which person."""

from __future__ import annotations

from typing import Any

import pytest

from touchline.ingest.readers import make_article
from touchline.models import Goal, Match
from touchline.nlp.components import entities, people, teamsheet
from touchline.nlp.context import ArticleContext

REPORT = """Lee Bowyer gave Leeds the lead at Elland Road yesterday and Kieron Dyer equalised for Newcastle.

"Lee took his goal beautifully," said the Leeds manager.

Leeds United: Robinson; Mills, Radebe, Matteo, Harte; Bowyer, Bakke (Barmby 70), Dacourt (capt), Kewell; Viduka, Smith (Milner 80). Subs not used: Martyn. Booked: Bowyer.
Newcastle United: Given; Griffin, Dabizas, O'Brien, Hughes; Solano (Jenas 75), Dyer, Speed (capt), Robert; Shearer, Bellamy. Subs not used: Harper. Sent off: Dabizas (78).
Goals: Bowyer 35, Dyer 69. Referee: Steve Dunn (Bristol). Attendance: 39,521."""


def _ctx(extractor: Any, text: str, matches: list[Match] | None = None) -> ArticleContext:
    article = make_article("date 2002-11-04\n" + text, "test.txt")
    ctx = ArticleContext(article, extractor.gazetteer, extractor.nlp)
    entities.run(ctx)
    for m in matches or []:
        at = article.body.find(m.home or "")
        m.evidence = [ctx.evidence(max(at, 0), max(at, 0) + 1)]
        ctx.facts.matches.append(m)
    teamsheet.run(ctx)
    people.run(ctx)
    return ctx


def _people(ctx: ArticleContext) -> dict[str, str | None]:
    return {p.name: p.team for p in ctx.facts.people}


@pytest.fixture(scope="module")
def leeds(extractor: Any) -> ArticleContext:
    return _ctx(extractor, REPORT, [Match("Leeds United", "Newcastle United", 1, 1, "played")])


def test_lineups_cards_referee_attendance(leeds: ArticleContext) -> None:
    (m,) = leeds.facts.matches
    assert m.lineups is not None
    home = {e.name: (e.starter, e.subbed_on, e.subbed_off, e.captain) for e in m.lineups["home"]}
    assert home["Lee Bowyer"] == (True, None, None, False)
    assert home["Bakke"] == (True, None, 70, False)
    assert home["Barmby"] == (False, 70, None, False)
    assert home["Dacourt"] == (True, None, None, True)
    assert home["Martyn"] == (False, None, None, False)
    assert len(m.lineups["home"]) == 14 and len(m.lineups["away"]) == 13
    assert [(c.person, c.team, c.minute, c.colour) for c in m.cards or []] == [
        ("Lee Bowyer", "Leeds United", None, "yellow"),
        ("Dabizas", "Newcastle United", 78, "red"),
    ]
    assert (m.referee, m.attendance) == ("Steve Dunn", 39521)


def test_sheet_surnames_link_to_prose_names_and_teams(leeds: ArticleContext) -> None:
    got = _people(leeds)
    assert got["Lee Bowyer"] == "Leeds United" and got["Kieron Dyer"] == "Newcastle United"
    assert got["Viduka"] == "Leeds United" and got["Given"] == "Newcastle United"
    assert "Bowyer" not in got and "Dyer" not in got
    assert got["Steve Dunn"] is None
    for person in leeds.facts.people:
        for ev in person.mentions:
            assert leeds.body[ev.start : ev.end] == ev.text


def test_block_goals_fill_an_empty_goal_list(leeds: ArticleContext) -> None:
    (m,) = leeds.facts.matches
    assert [(g.scorer, g.team, g.minute, g.period) for g in m.goals] == [
        ("Lee Bowyer", "Leeds United", 35, "first_half"),
        ("Kieron Dyer", "Newcastle United", 69, "second_half"),
    ]
    for g in m.goals:
        assert g.evidence and leeds.body[g.evidence[0].start : g.evidence[0].end] == g.evidence[0].text


def test_block_span_is_noted(leeds: ArticleContext) -> None:
    (span,) = leeds.notes["teamsheet_spans"]
    assert leeds.body[span[0] : span[1]].startswith("Leeds United: Robinson")
    assert leeds.body[span[0] : span[1]].endswith("39,521.")


def test_block_minute_wins_and_is_flagged(extractor: Any) -> None:
    m = Match("Leeds United", "Newcastle United", 1, 1, "played")
    m.goals = [
        Goal("Lee Bowyer", "Leeds United", 34, period="first_half"),
        Goal("Kieron Dyer", "Newcastle United"),
    ]
    ctx = _ctx(extractor, REPORT, [m])
    assert [(g.scorer, g.minute) for g in m.goals] == [("Lee Bowyer", 35), ("Kieron Dyer", 69)]
    assert len(m.warnings) == 1 and "34" in m.warnings[0] and "35" in m.warnings[0]
    assert ctx.facts.matches == [m]


def test_labels_decide_sides_when_away_is_printed_first(extractor: Any) -> None:
    lines = REPORT.split("\n")
    leeds_line = next(i for i, line in enumerate(lines) if line.startswith("Leeds United:"))
    lines[leeds_line], lines[leeds_line + 1] = lines[leeds_line + 1], lines[leeds_line]
    text = "\n".join(lines)
    ctx = _ctx(extractor, text, [Match("Leeds United", "Newcastle United", 1, 1, "played")])
    (m,) = ctx.facts.matches
    assert m.lineups is not None
    assert "Lee Bowyer" in {e.name for e in m.lineups["home"]}
    assert "Shearer" in {e.name for e in m.lineups["away"]}


def test_stripped_labels_split_by_order_onto_the_reported_match(extractor: Any) -> None:
    text = REPORT.replace("Leeds United: ", "").replace("Newcastle United: ", "")
    ctx = _ctx(extractor, text, [Match("Leeds", "Newcastle United", 1, 1, "played")])
    (m,) = ctx.facts.matches
    assert m.lineups is not None
    assert m.lineups["home"][0].name == "Robinson" and m.lineups["away"][0].name == "Given"
    assert _people(ctx)["Shearer"] == "Newcastle United"


def test_own_goal_and_penalty_from_the_block(extractor: Any) -> None:
    text = REPORT.replace("Goals: Bowyer 35, Dyer 69.", "Goals: Dabizas og 35, Dyer 69 pen.")
    ctx = _ctx(extractor, text, [Match("Leeds United", "Newcastle United", 1, 1, "played")])
    goals = [(g.scorer, g.team, g.kind) for g in ctx.facts.matches[0].goals]
    assert goals == [("Dabizas", "Leeds United", "own_goal"), ("Kieron Dyer", "Newcastle United", "penalty")]
    assert _people(ctx)["Dabizas"] == "Newcastle United"


def test_match_from_the_block_header_when_prose_has_none(extractor: Any) -> None:
    text = "A wet afternoon.\n\nLeeds United 1 Newcastle United 1\n" + REPORT.split("\n\n", 2)[2]
    ctx = _ctx(extractor, text)
    (m,) = ctx.facts.matches
    assert (m.home_score, m.away_score, m.status, m.result) == (1, 1, "played", "draw")
    assert m.lineups is not None and m.attendance == 39521


def test_no_match_no_header_still_lists_people(extractor: Any) -> None:
    ctx = _ctx(extractor, REPORT.replace("Leeds United: ", "").replace("Newcastle United: ", ""))
    assert ctx.facts.matches == []
    assert "Viduka" in _people(ctx)


def test_manager_with_a_players_surname_is_not_linked(extractor: Any) -> None:
    text = REPORT.replace("Mills,", "Jones,").replace(
        '"Lee took his goal beautifully," said the Leeds manager.',
        '"Lee took his goal beautifully," said the Leeds manager Terry Jones.',
    )
    ctx = _ctx(extractor, text, [Match("Leeds United", "Newcastle United", 1, 1, "played")])
    assert "Jones" in {e.name for e in ctx.facts.matches[0].lineups["home"]}  # type: ignore[index]


@pytest.mark.parametrize(
    "broken",
    [
        "Leeds United: Robinson; Mills, Radebe (Barmby",
        "Leeds United: Robinson ... (teams continue on page 12)",
        "Subs not used: Martyn, Kelly, Wilcox.",
        "Goals: plenty of them, and Bowyer knew it.",
    ],
)
def test_unparsable_block_breaks_nothing(extractor: Any, broken: str) -> None:
    text = "Lee Bowyer scored at Elland Road.\n\n" + broken + "\n\nKieron Dyer replied for Newcastle."
    ctx = _ctx(extractor, text, [Match("Leeds United", "Newcastle United", 1, 1, "played")])
    (m,) = ctx.facts.matches
    assert m.lineups is None and m.cards is None
    names = set(_people(ctx))
    assert {"Lee Bowyer", "Kieron Dyer"} <= names
    assert not names & {"Robinson", "Mills", "Martyn", "Kelly", "Wilcox", "Radebe", "Barmby"}


def test_facts_only_block_after_a_team_block_fills_the_same_match(extractor: Any) -> None:
    text = REPORT.replace(" Referee: Steve Dunn (Bristol). Attendance: 39,521.", "")
    text += "\nThe teams lined up in driving rain.\n\nReferee: Steve Dunn (Bristol). Attendance: 39,521."
    ctx = _ctx(extractor, text, [Match("Leeds United", "Newcastle United", 1, 1, "played")])
    (m,) = ctx.facts.matches
    assert (m.referee, m.attendance) == ("Steve Dunn", 39521)
    assert len(ctx.notes["teamsheet_spans"]) == 2


def test_probable_teams_name_people_but_fill_no_lineups(extractor: Any) -> None:
    sheet = REPORT.split("\n\n", 2)[2]
    text = "Leeds host Newcastle United on Saturday.\n\nProbable teams\n\n" + sheet
    ctx = _ctx(extractor, text, [Match("Leeds United", "Newcastle United", None, None, "scheduled")])
    (m,) = ctx.facts.matches
    assert m.lineups is None and m.attendance is None
    assert "Viduka" in _people(ctx)


def test_role_word_before_a_surname_is_not_a_first_name(extractor: Any) -> None:
    text = REPORT.replace("Lee Bowyer gave Leeds", "Substitute Viduka gave Leeds")
    ctx = _ctx(extractor, text, [Match("Leeds United", "Newcastle United", 1, 1, "played")])
    assert "Substitute Viduka" not in _people(ctx)
    assert "Viduka" in _people(ctx)


def test_prose_goal_without_team_gets_the_scorers_side(extractor: Any) -> None:
    text = REPORT.replace("Goals: Bowyer 35, Dyer 69. ", "")
    m = Match("Leeds United", "Newcastle United", 1, 1, "played")
    m.goals = [Goal("Kieron Dyer"), Goal("Dabizas", kind="own_goal")]
    _ctx(extractor, text, [m])
    assert [(g.scorer, g.team) for g in m.goals] == [
        ("Kieron Dyer", "Newcastle United"),
        ("Dabizas", "Leeds United"),
    ]


def test_a_list_of_clubs_is_not_a_team_sheet(extractor: Any) -> None:
    text = (
        "The race for Europe is wide open.\n\n"
        "Arsenal, Chelsea, Liverpool, Everton, Fulham, Brentford, Aston Villa, Celtic\n\n"
        "All of them believe."
    )
    ctx = _ctx(extractor, text)
    assert ctx.notes["teamsheet_spans"] == []


def test_a_single_labelled_list_goes_to_the_side_it_names(extractor: Any) -> None:
    away_line = next(line for line in REPORT.split("\n") if line.startswith("Newcastle United:"))
    text = REPORT.split("\n\n")[0] + "\n\n" + away_line
    ctx = _ctx(extractor, text, [Match("Leeds United", "Newcastle United", 1, 1, "played")])
    lineups = ctx.facts.matches[0].lineups
    assert lineups is not None and lineups["home"] == [] and lineups["away"][0].name == "Given"


@pytest.mark.parametrize(
    ("paragraph", "linked"),
    [
        ('Terry Jones was pleased. "Lee took his goal beautifully," the Leeds manager said.', False),
        ('Terry Jones scored twice. "He took his goals beautifully," the Leeds manager said.', False),
        ("Terry Jones scored twice, and the manager was delighted.", True),
        ('Terry Jones scored twice. "He was superb," said Newcastle manager Bobby Robson.', True),
    ],
)
def test_staff_attribution_in_a_paragraph(extractor: Any, paragraph: str, linked: bool) -> None:
    text = REPORT.replace("Mills,", "Jones,").replace(
        '"Lee took his goal beautifully," said the Leeds manager.', paragraph
    )
    ctx = _ctx(extractor, text, [Match("Leeds United", "Newcastle United", 1, 1, "played")])
    names = {e.name for e in ctx.facts.matches[0].lineups["home"]}  # type: ignore[index]
    assert ("Terry Jones" in names) is linked and ("Jones" in names) is not linked
