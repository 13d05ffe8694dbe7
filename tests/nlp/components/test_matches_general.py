"""Match, goal and team-sheet rules found on articles unlike the project's own (other outlets, decades).

Each case runs the whole extractor over a short original text, so the package data (result words,
gazetteer aliases, goal words) is part of what is tested.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest

from touchline.ingest.readers import make_article
from touchline.nlp.components.match_previews import names_future_date
from touchline.nlp.pipeline import Extractor, default_extractor


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    return default_extractor()


def extract(text: str, published: str) -> dict[str, Any]:
    art = make_article(f"date {published}\n{text}\n", "test.txt")
    return _extractor().extract(art).to_dict()


def matches(text: str, published: str) -> list[tuple[Any, ...]]:
    return [
        (m["home"], m["home_score"], m["away_score"], m["away"], m["status"], m["date"])
        for m in extract(text, published)["matches"]
    ]


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        (  # a competition between the score and the result noun
            "Stoke City had to settle for a 2-2 Championship draw with Huddersfield Town at the bet365 "
            "Stadium yesterday.",
            "2019-12-01",
            ("Stoke City", 2, 2, "Huddersfield Town", "played", "2019-11-30"),
        ),
        (  # "a two-goal lead" far before the score is not a running score
            "Stoke City threw away a two-goal lead and had to settle for a 2-2 Championship draw with "
            "Huddersfield Town at the bet365 Stadium yesterday.",
            "2019-12-01",
            ("Stoke City", 2, 2, "Huddersfield Town", "played", "2019-11-30"),
        ),
        (  # only the stadium names the home side
            "Preston North End extended their unbeaten run with a hard-earned 1-1 Championship draw at the "
            "Coventry Building Society Arena last night.",
            "2021-10-20",
            ("Coventry City", 1, 1, "Preston North End", "played", "2021-10-19"),
        ),
        (  # "eased past", and a curly apostrophe in the stadium
            "Southampton eased past Newcastle United 2-1 at St Mary\u2019s yesterday.",
            "2014-09-14",
            ("Southampton", 2, 1, "Newcastle United", "played", "2014-09-13"),
        ),
        (  # an ALL-CAPS agency headline: "WEDNESDAY" is the club, not the day
            "SOCCER - WEDNESDAY COME FROM BEHIND TO BEAT QPR\n\nSheffield Wednesday came from behind to "
            "beat Queens Park Rangers 3-1 on Sunday.",
            "1994-03-14",
            ("Sheffield Wednesday", 3, 1, "Queens Park Rangers", "played", "1994-03-13"),
        ),
    ],
)
def test_played_match_shapes(text: str, published: str, want: tuple[Any, ...]) -> None:
    assert want in matches(text, published)


def test_preview_and_result_in_one_sentence() -> None:
    got = matches(
        "Burnley host Southampton at Turf Moor tomorrow aiming for a third straight win, after last "
        "Saturday\u2019s 2-1 win at the Amex lifted them out of the bottom three.",
        "2019-02-08",
    )
    assert ("Burnley", None, None, "Southampton", "scheduled", "2019-02-09") in got
    assert ("Brighton & Hove Albion", 1, 2, "Burnley", "played", "2019-02-02") in got


def test_preview_fixed_by_a_date_ahead() -> None:
    got = matches(
        "Charlton Athletic beat Leeds United 2-1 on Saturday. Charlton now turn to the Carling Cup and a "
        "fourth-round trip to Goodison Park to face Everton on December 3.",
        "2003-11-10",
    )
    assert ("Everton", None, None, "Charlton Athletic", "scheduled", "2003-12-03") in got


@pytest.mark.parametrize(
    ("text", "published", "ahead"),
    [
        ("They face Everton on December 3.", "2003-11-10", True),
        ("They face Everton on 3 December.", "2003-11-10", True),
        ("They beat Everton on November 3.", "2003-11-10", False),
        ("They beat Everton on December 3, 2002.", "2003-11-10", False),
        ("They face Everton on Saturday.", "2003-11-10", False),  # weekdays: the future words' job
        ("They face Everton on December 3.", None, False),
    ],
)
def test_names_future_date(text: str, published: str | None, ahead: bool) -> None:
    assert names_future_date(text, published) is ahead


def test_score_in_another_clause_does_not_stop_a_preview() -> None:
    got = matches("Leeds United host Everton tomorrow, after a 2-0 win at Fulham.", "2020-01-10")
    assert ("Leeds United", None, None, "Everton", "scheduled", "2020-01-11") in got


def test_score_in_the_same_clause_is_not_a_preview() -> None:
    got = matches("Leeds United will face Everton after their 2-0 win over Fulham.", "2020-01-10")
    assert not [m for m in got if m[4] == "scheduled" and "Fulham" in m]


# ---- goals -----------------------------------------------------------------------------------
SHEET = """CARDIFF CITY 3 PLYMOUTH ARGYLE 1

Cardiff City beat Plymouth Argyle 3-1 at the Cardiff City Stadium yesterday. Dean Whitfield scored from the \
penalty spot in the 12th minute and Karl Dunmore put through his own net in the 14th minute. Rhys Pengelly \
made it three on the hour before Marcus Okafor pulled one back with a header.

CARDIFF CITY: Hartshorn, McCready, Gwilym, Holloway (capt), Kenyon, Pengelly, Rees, Lydon, Whitcombe, \
Whitfield, Bowen.
PLYMOUTH ARGYLE: Larkin, Duffield, Seaton, Dunmore, Sawbridge, Judd, Falloon (capt), Clarkson, Gowling, \
Okafor, Fletton.
Scorers: Cardiff - Whitfield 12 (pen), Dunmore 20 (og), Pengelly 60; Plymouth - Okafor 75.
Referee: A Marriner. Attendance: 20,156."""


def _goals(d: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(g["scorer"], g["team"], g["minute"], g["kind"]) for g in d["matches"][0]["goals"]]


def test_block_goals_are_read_once_and_a_minute_disagreement_is_flagged() -> None:
    d = extract(SHEET, "2009-10-04")
    goals = _goals(d)
    assert len(goals) == 4
    assert ("Karl Dunmore", "Cardiff City", 20, "own_goal") in goals  # the block's minute wins
    assert ("Dean Whitfield", "Cardiff City", 12, "penalty") in goals
    assert ("Marcus Okafor", "Plymouth Argyle", 75, "header") in goals  # block-only minute
    warnings = d["matches"][0].get("warnings") or []
    assert any("Dunmore" in w and "14" in w and "20" in w for w in warnings)


def test_block_kind_beats_the_prose_reading() -> None:
    text = (
        "Aston Villa beat Leeds United 3-0 at Villa Park yesterday. Yorke curled in a free-kick after 17 "
        "minutes and added a penalty before half-time. Ian Taylor headed a third.\n\n"
        "ASTON VILLA: Bosnich; Ehiogu, McGrath, Southgate; Charles, Taylor, Draper, Townsend, Wright; "
        "Milosevic, Yorke.\nLEEDS UNITED: Lukic; Kelly, Wetherall, Jobson, Dorigo; Palmer, McAllister, Ford, "
        "Speed; Yeboah, Deane.\nScorers: Aston Villa: Yorke 17, 41 pen, Taylor 68.\nAtt: 35,982."
    )
    goals = _goals(extract(text, "1996-02-25"))
    yorke = dict((g[2], g[3]) for g in goals if g[0].endswith("Yorke"))
    assert sorted(yorke) == [17, 41]
    assert yorke[41] == "penalty"


def test_second_goal_words_describe_only_that_goal() -> None:
    text = (
        "Sheffield Wednesday beat Queens Park Rangers 3-1 on Sunday. Dave Pennock scored for Rangers in the "
        "12th minute but Carl Brightwell equalised before halftime. Tor Haugland scored in the 61st minute "
        "and Brightwell added his second from the penalty spot in the 84th."
    )
    goals = _goals(extract(text, "1994-03-14"))
    bright = sorted(((g[2] or 0), g[3]) for g in goals if g[0] == "Carl Brightwell")
    assert bright == [(0, None), (84, "penalty")]
    assert ("Dave Pennock", "Queens Park Rangers", 12, None) in goals


def test_scoring_both() -> None:
    text = "Brentford beat Swindon Town 2-0 at Griffin Park on Saturday, with Clayton Moss scoring both."
    goals = _goals(extract(text, "2013-03-03"))
    assert [g[0] for g in goals] == ["Clayton Moss", "Clayton Moss"]


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        (
            "Arsenal beat Chelsea 3-1 in front of 59,042 at the Emirates Stadium on Sunday.",
            "2023-11-13",
            59042,
        ),
        (
            "Sheffield Wednesday beat Queens Park Rangers 3-1 on Sunday. Attendance: 24,133.",
            "1994-03-14",
            24133,
        ),
        ("Arsenal beat Chelsea 3-1 before a crowd of 38,419 on Sunday.", "2023-11-13", 38419),
        ("Arsenal beat Chelsea 3-1 in front of more than 40,512 on Sunday.", "2023-11-13", None),  # hedged
        ("Arsenal beat Chelsea 3-1 in front of 40,000 on Sunday.", "2023-11-13", None),  # a round estimate
        ("Arsenal beat Chelsea 3-1 on Sunday. They had not won before 1995.", "2023-11-13", None),  # a year
    ],
)
def test_prose_attendance(text: str, published: str, want: int | None) -> None:
    (match,) = extract(text, published)["matches"]
    assert match.get("attendance") == want


def test_prose_attendance_needs_a_single_played_match() -> None:
    text = "Arsenal beat Chelsea 3-1 in front of 59,042, and Leeds United beat Fulham 2-0."
    assert all(m.get("attendance") is None for m in extract(text, "2023-11-13")["matches"])


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        (  # the clause's subject was credited with the own goal: the scorer plays for the other side
            "Newcastle United drew 1-1 with Sporting CP last night. Sporting levelled in the 71st minute when "
            "Titus Bramwell turned a low cross into his own net.",
            "2005-04-15",
            ("Titus Bramwell", "Sporting CP", 71, "own_goal"),
        ),
        (  # "They led through ...": the club the sentence before names first
            "Newcastle United drew 1-1 with Sporting CP last night. Newcastle needed a clean sheet. They led "
            "through Alan Shearwood's 33rd-minute header from a Laurent Robard cross.",
            "2005-04-15",
            ("Alan Shearwood", "Newcastle United", 33, "header"),
        ),
        (
            "Hearts beat Dundee United 2-1 on Saturday. Substitute Owen McKinlay won it from the spot in the "
            "88th minute.",
            "2024-02-11",
            ("Owen McKinlay", "Heart of Midlothian", 88, "penalty"),
        ),
    ],
)
def test_goal_readings(text: str, published: str, want: tuple[Any, ...]) -> None:
    assert want in _goals(extract(text, published))


def test_name_as_adjective_of_the_pass_is_the_assist() -> None:
    text = (
        "Newcastle United beat Sporting CP 1-0 last night. Alan Shearwood scored a 33rd-minute header from "
        "a Laurent Robard cross."
    )
    (goal,) = extract(text, "2005-04-15")["matches"][0]["goals"]
    assert goal["assist"] == "Laurent Robard"


def test_cleared_set_piece_is_not_a_goal_and_drove_in_is() -> None:
    text = (
        "Charlton Athletic beat Middlesbrough 2-1 on Saturday. Danny Merrow's free-kick was only half "
        "cleared and Paolo Tremonte drove the loose ball in from 20 yards."
    )
    assert [g[0] for g in _goals(extract(text, "2003-11-10"))] == ["Paolo Tremonte"]


def test_drove_a_pass_across_is_not_a_goal() -> None:
    text = (
        "Crystal Palace drew 1-1 with Bournemouth on Saturday. On 64 minutes Kieran Mabbott drove a low ball "
        "across the face of goal and Ellis Dunne could only turn it into his own net."
    )
    assert "Kieran Mabbott" not in [g[0] for g in _goals(extract(text, "2023-10-29"))]


def test_draw_named_by_a_neutral_noun_with_clubs_after_it() -> None:
    got = matches(
        "In League One, there was a 3-3 thriller at Fratton Park, where Portsmouth twice came from behind "
        "against Crawley Town on Saturday.",
        "2013-03-03",
    )
    assert ("Portsmouth", 3, 3, "Crawley Town", "played", "2013-03-02") in got
    assert not matches(
        "It was a 3-2 thriller at Fratton Park between Portsmouth and Crawley Town.", "2013-03-03"
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # the ordinal part gives the second goal its minute and kind, not the first
            "Burnley won 2-1 at Brighton & Hove Albion on Saturday. Jay Rodwell scored both goals, the second a "
            "penalty in the 83rd minute.",
            [("Jay Rodwell", None, None), ("Jay Rodwell", 83, "penalty")],
        ),
        (  # no minute in the ordinal part: the periods of "in each half" stay
            "Lincoln City beat Crawley Town 2-0 on Saturday. John Akinde scored in each half, the second from "
            "the penalty spot.",
            [("John Akinde", None, None), ("John Akinde", None, "penalty")],
        ),
    ],
)
def test_ordinal_parts_of_a_brace(text: str, want: list[tuple[Any, ...]]) -> None:
    goals = extract(text, "2019-02-03")["matches"][0]["goals"]
    got = [(g["scorer"], g["minute"], g["kind"]) for g in goals]
    assert sorted(got, key=str) == sorted(want, key=str)
    if "each half" in text:
        assert sorted(g["period"] for g in goals) == ["first_half", "second_half"]


def test_kind_word_of_another_player_is_not_the_scorers() -> None:
    text = (
        "Stoke City drew 2-2 with Huddersfield Town on Saturday. Stoke led thanks to Jordan Blakey's "
        "21st-minute strike and a header from Nathan Okoro in the 38th minute."
    )
    got = {g[0]: g[3] for g in _goals(extract(text, "2019-12-01"))}
    assert got["Jordan Blakey"] is None
    assert got["Nathan Okoro"] == "header"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Adam Flintoff added a second, tapping in after Matt Clerkin's header came back off the post.",
            None,
        ),
        ("Emile Duchamp's first-half penalty settled it.", "penalty"),
        ("Patrick Bamford scored with a header from close range.", "header"),
        ("Patrick Bamford scored with a header from Jack Harrison's cross.", "header"),
    ],
)
def test_kind_owner(text: str, kind: str | None) -> None:
    (goal,) = extract("Leeds United beat Fulham 1-0 on Saturday. " + text, "2020-01-05")["matches"][0][
        "goals"
    ]
    assert goal["kind"] == kind


def test_minute_from_a_lead_in_sentence() -> None:
    text = (
        "Charlton Athletic beat Middlesbrough 2-1 on Saturday. The winner came with eight minutes left. "
        "Paolo Tremonte drove the loose ball in from 20 yards."
    )
    (goal,) = extract(text, "2003-11-10")["matches"][0]["goals"]
    assert (goal["scorer"], goal["minute"], goal["period"]) == ("Paolo Tremonte", 82, "second_half")


def test_comeback_sentence_gives_the_next_scorer_a_side() -> None:
    text = (
        "Stoke City drew 2-2 with Huddersfield Town on Saturday.\n\n"
        "Huddersfield came back again. Elias Koroma pulled one back on 55 minutes."
    )
    goals = _goals(extract(text, "2019-12-01"))
    assert ("Elias Koroma", "Huddersfield Town", 55, None) in goals


def test_results_list_with_goal_counts_headline_day_and_line_attendance() -> None:
    text = (
        "FOOTBALL: SATURDAY'S LEAGUE RESULTS\n\nBarclays League Division One\n"
        "Arsenal 2 (Smith 2) Coventry City 0. Att: 31,273.\n"
        "Everton 1 (Sharp) Luton Town 1 (Stein). Att: 22,528.\n"
    )
    got = {m["home"]: m for m in extract(text, "1988-11-14")["matches"]}
    assert set(got) == {"Arsenal", "Everton"}
    for m in got.values():
        assert (m["date"], m["competition"]) == ("1988-11-12", "First Division")
    assert (got["Arsenal"]["attendance"], got["Everton"]["attendance"]) == (31273, 22528)
    assert [(g["scorer"], g["minute"]) for g in got["Arsenal"]["goals"]] == [("Smith", None)] * 2
    assert sorted((g["scorer"], g["team"]) for g in got["Everton"]["goals"]) == [
        ("Sharp", "Everton"),
        ("Stein", "Luton Town"),
    ]


def test_bracketed_minutes_are_still_minutes() -> None:
    text = "Arsenal 3 (Saka 12, Havertz 70, Rice 88) Chelsea 0."
    goals = extract(text, "2024-01-01")["matches"][0]["goals"]
    assert sorted(g["minute"] for g in goals) == [12, 70, 88]


def test_scottish_premiership_from_the_clubs() -> None:
    (m,) = extract(
        "Aberdeen won 2-0 at Easter Road on Saturday, a Premiership victory over Hibs.", "2019-09-30"
    )["matches"]
    assert (m["home"], m["away"], m["competition"]) == ("Hibernian", "Aberdeen", "Scottish Premiership")


def test_and_splits_a_scorers_two_goals() -> None:
    text = (
        "Aberdeen won 2-0 at Hibernian on Saturday. Sam Cosgrove swept in Niall McGinn's cutback after 23 "
        "minutes and made sure from the penalty spot in the 71st minute."
    )
    goals = extract(text, "2019-09-30")["matches"][0]["goals"]
    got = sorted((g["minute"], g["kind"], g["assist"]) for g in goals)
    assert got == [(23, None, "Niall McGinn"), (71, "penalty", None)]


def test_goals_go_to_the_match_reported_not_the_one_told_in_passing() -> None:
    text = (
        "Chelsea came from behind to beat Lille 2-1 at the Stade Pierre-Mauroy last night.\n\n"
        "Chelsea, beaten 1-0 at home by Valencia in their opening group game, fell behind when Remi "
        "Castagnet finished off a Lille counter-attack on the half-hour.\n\n"
        "Callum Hadfield equalised four minutes later and Reece Jamison headed the winner in the 78th minute."
    )
    by_home = {m["home"]: m for m in extract(text, "2019-10-03")["matches"]}
    assert not by_home.get("Chelsea", {}).get("goals")
    got = sorted((g["minute"], g["scorer"]) for g in by_home["Lille"]["goals"])
    assert got == [(30, "Remi Castagnet"), (34, "Callum Hadfield"), (78, "Reece Jamison")]


def test_extra_time_replay() -> None:
    text = (
        "Bristol Rovers beat Carlisle United on penalties after a 2-2 draw in their FA Cup replay at the "
        "Memorial Stadium last night.\n\nCarlisle twice led, through Dean Holcroft's 14th-minute header and a "
        "penalty from Lee Tunnicliffe in the 97th minute. Ryan Colquhoun levelled on the stroke of half-time "
        "and substitute Aaron Pinnegar forced a shoot-out with four minutes of extra time left."
    )
    (m,) = extract(text, "2010-01-14")["matches"]
    assert m["date"] == "2010-01-13"
    got = {g["scorer"]: (g["team"], g["minute"], g["period"]) for g in m["goals"]}
    assert got["Dean Holcroft"] == ("Carlisle United", 14, "first_half")
    assert got["Lee Tunnicliffe"] == ("Carlisle United", 97, "extra_time")
    assert got["Ryan Colquhoun"] == ("Bristol Rovers", None, "first_half")
    assert got["Aaron Pinnegar"] == ("Bristol Rovers", 116, "extra_time")


def test_national_teams_at_a_club_ground() -> None:
    (m,) = extract(
        "Wales and Scotland shared a 1-1 draw in their World Cup qualifier at the Cardiff City Stadium last "
        "night. Wales manager Robert Page was pleased.",
        "2021-09-09",
    )["matches"]
    assert (m["home"], m["away"], m["venue"], m["competition"]) == (
        "Wales",
        "Scotland",
        "Cardiff City Stadium",
        "World Cup",
    )


def test_scheduled_fixture_names_its_round_after_will() -> None:
    got = extract(
        "Brentford will host Port Vale in the FA Cup third round at the Brentford Community Stadium on Sunday.",
        "2022-01-07",
    )["matches"]
    assert [(m["status"], m["round"], m["competition"]) for m in got] == [
        ("scheduled", "third round", "FA Cup")
    ]


def test_competition_of_a_run_of_matches_is_not_the_fixtures() -> None:
    got = extract(
        "Port Vale, who knocked out Accrington Stanley 1-0 in the FA Cup second round, are unbeaten in six "
        "League Two matches.",
        "2022-01-07",
    )["matches"]
    assert [m["competition"] for m in got] == ["FA Cup"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Gateshead drew 2-2 at Grimsby Town on Saturday. Gateshead's Kevin Moan was sent off in the 71st "
            "minute for a second booking.",
            [("Kevin Moan", "Gateshead", 71, "red")],
        ),
        (
            "Leeds United beat Fulham 1-0 on Saturday. Tom Rowe was booked in the 30th minute.",
            [("Tom Rowe", None, 30, "yellow")],
        ),
        ("Leeds United beat Fulham 1-0 on Saturday. Tom Rowe, who was sent off last week, played.", []),
        ('Leeds United beat Fulham 1-0 on Saturday. "I thought Tom Rowe was sent off," he said.', []),
    ],
)
def test_cards_told_in_the_prose(text: str, want: list[tuple[Any, ...]]) -> None:
    (m,) = extract(text, "2015-04-20")["matches"]
    assert [(c["person"], c["team"], c["minute"], c["colour"]) for c in m.get("cards") or []] == want


def test_prose_card_already_on_the_sheet_is_not_doubled() -> None:
    text = (
        "Aston Villa lost 2-1 to Crystal Palace at Villa Park. Idris Fofana was sent off in the 85th minute.\n\n"
        "Aston Villa: Wilk; Hart, Lomax, Delacroix, Ibe; Fofana, Kinsella; Castle, Brennan, Mistry; Rowntree.\n"
        "Crystal Palace: Whitlow; Nkemelu, Pruett, Sorensen, Dyer; Halloran, Mabbott; Ferreira, Quigley, "
        "Bassett; Lyle.\nSent off: Fofana 85."
    )
    (m,) = extract(text, "2023-11-12")["matches"]
    assert [(c["colour"], c["minute"]) for c in m["cards"]] == [("red", 85)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # the own goal "gave" the other side the lead
            "Grimsby Town drew 2-2 with Gateshead on Saturday. An own goal by Gateshead defender Sam Rudd gave "
            "the Mariners the lead after 11 minutes.",
            ("Sam Rudd", "Grimsby Town", 11, "own_goal"),
        ),
        (
            "Grimsby Town drew 2-2 with Gateshead on Saturday. Substitute Craig Dissington rescued a point for "
            "Grimsby Town in the 89th minute.",
            ("Craig Dissington", "Grimsby Town", 89, None),
        ),
    ],
)
def test_more_goal_readings(text: str, want: tuple[Any, ...]) -> None:
    assert want in _goals(extract(text, "2015-04-20"))


def test_up_at_the_break_is_the_first_half() -> None:
    text = (
        "Ipswich Town beat Crewe Alexandra by three goals to nil on Saturday. One-nil up at the break through "
        "Danny Holroyd's header, Ipswich added two more after the interval."
    )
    (m,) = extract(text, "1999-03-01")["matches"]
    assert (m["home_score"], m["away_score"]) == (3, 0)
    holroyd = next(g for g in m["goals"] if g["scorer"] == "Danny Holroyd")
    assert (holroyd["period"], holroyd["kind"]) == ("first_half", "header")
