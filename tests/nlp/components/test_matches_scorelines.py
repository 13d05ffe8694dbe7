"""Scoreline phrasings: each sentence must give exactly the listed matches (home, away, scores)."""

from __future__ import annotations

import pytest
from test_matches_ctx import run_matches

# (text, [(home, away, home_score, away_score)]); home/away as the text allows, order_as_given otherwise
CASES = [
    (
        "Southampton exited the Carabao Cup after a narrow 2-1 defeat against Liverpool.",
        [("Southampton", "Liverpool", 1, 2)],
    ),
    ("Fulham won 2-1 at St Mary's on Saturday.", [("Southampton", "Fulham", 1, 2)]),
    ("Arsenal beat Leeds 3-0 at the Emirates.", [("Arsenal", "Leeds United", 3, 0)]),
    ("Chelsea drew 1-1 with Everton at Goodison Park.", [("Everton", "Chelsea", 1, 1)]),
    ("Liverpool 2 Southampton 1", [("Liverpool", "Southampton", 2, 1)]),
    ("It finished Chelsea 1 Arsenal 1 in a scrappy game.", [("Chelsea", "Arsenal", 1, 1)]),
    ("Arsenal 2–1 Chelsea was the pick of the weekend.", [("Arsenal", "Chelsea", 2, 1)]),
    ("Leeds beat Chelsea (2-1) in a thriller.", [("Leeds United", "Chelsea", 2, 1)]),
    ("Celtic beat Rangers by two goals to one at Celtic Park.", [("Celtic", "Rangers", 2, 1)]),
    ("Everton thrashed Leeds four-nil at Goodison.", [("Everton", "Leeds United", 4, 0)]),
    ("Aston Villa were beaten 3-1 by Newcastle at Villa Park.", [("Aston Villa", "Newcastle United", 1, 3)]),
    ("Newcastle went down 2-0 to Arsenal at St James' Park.", [("Newcastle United", "Arsenal", 0, 2)]),
    ("Rangers were held to a goalless draw by Celtic at Ibrox.", [("Rangers", "Celtic", 0, 0)]),
    ("Leeds hosted Fulham and won 1-0.", [("Leeds United", "Fulham", 1, 0)]),
    ("Chelsea's 3-1 win over Leeds lifted the mood at Stamford Bridge.", [("Chelsea", "Leeds United", 3, 1)]),
    ("Liverpool suffered a 2-0 home defeat to Everton.", [("Liverpool", "Everton", 0, 2)]),
    ("Fulham came from behind to beat Southampton 2-1 at Craven Cottage.", [("Fulham", "Southampton", 2, 1)]),
    ("Celtic 3 Rangers 0", [("Celtic", "Rangers", 3, 0)]),
    ("Everton and Leeds drew 2-2 at Elland Road.", [("Leeds United", "Everton", 2, 2)]),
    (
        "Newcastle's 4-1 thrashing of Chelsea at St James' Park was their best display.",
        [("Newcastle United", "Chelsea", 4, 1)],
    ),
    ("Chelsea edged past Fulham 1-0 at Stamford Bridge.", [("Chelsea", "Fulham", 1, 0)]),
    ("Liverpool's 2-1 defeat by Chelsea at Anfield ended their run.", [("Liverpool", "Chelsea", 1, 2)]),
    ("Everton suffered a 3-0 loss at Anfield.", [("Liverpool", "Everton", 3, 0)]),
    (
        "Leeds ran out 3-1 winners against Southampton at Elland Road.",
        [("Leeds United", "Southampton", 3, 1)],
    ),
    ("Celtic claimed a 2-0 victory at Ibrox.", [("Rangers", "Celtic", 0, 2)]),
    ("Liverpool won 2-1 at Southampton.", [("Southampton", "Liverpool", 1, 2)]),
    ("It ended Leeds 0 Chelsea 2.", [("Leeds United", "Chelsea", 0, 2)]),
    ("Arsenal were at home to Brentford and lost 1-0.", [("Arsenal", "Brentford", 0, 1)]),
    ("Real Madrid beat Bayern Munich 2-1 at the Bernabeu.", [("Real Madrid", "Bayern Munich", 2, 1)]),
    ("Man City hammered Everton 5-1 at the Etihad.", [("Manchester City", "Everton", 5, 1)]),
    ("Brentford stunned Arsenal 2–0 at the Emirates.", [("Arsenal", "Brentford", 0, 2)]),
    ("Villa fell to a 3-2 defeat at Fulham.", [("Fulham", "Aston Villa", 3, 2)]),
    (
        "Arsenal beat Chelsea 2-0 at the Emirates, Leeds drew 1-1 with Everton at Elland Road and Fulham lost 3-1 at Newcastle.",
        [
            ("Arsenal", "Chelsea", 2, 0),
            ("Leeds United", "Everton", 1, 1),
            ("Newcastle United", "Fulham", 3, 1),
        ],
    ),
    (
        "Arsenal took the title, thrashing Everton 4-0 at the Emirates on the final day.",
        [("Arsenal", "Everton", 4, 0)],
    ),
    (
        "Chelsea finished second, one point behind, after they could only draw 1-1 at Goodison Park.",
        [("Everton", "Chelsea", 1, 1)],
    ),
    (
        "Aston Villa needed a late header to avoid embarrassment at Brentford, winning 2-1.",
        [("Brentford", "Aston Villa", 1, 2)],
    ),
    ("Elsewhere: Fulham (2) Leeds (1) in a tight game.", [("Fulham", "Leeds United", 2, 1)]),
    (
        "Newcastle came from two goals down to draw 2-2 with Arsenal at St James' Park.",
        [("Newcastle United", "Arsenal", 2, 2)],
    ),
    ("Celtic lost the first leg 3-1 in Munich to Bayern Munich.", [("Celtic", "Bayern Munich", 1, 3)]),
    (
        "Everton signed a 6'2\" defender and then beat Fulham 2-0 at Goodison Park.",
        [("Everton", "Fulham", 2, 0)],
    ),
    (
        "Everton, who beat Leeds 1-0 last week, drew 0-0 with Chelsea on Saturday.",
        [("Everton", "Leeds United", 1, 0), ("Everton", "Chelsea", 0, 0)],
    ),
    (
        "Newcastle's 5-1 demolition of Everton in 2019 was recalled, but last night they lost 2-1 at Goodison Park.",
        [("Everton", "Newcastle United", 2, 1)],
    ),
    ("Celtic ran out 3-0 winners over Rangers at Parkhead on Sunday.", [("Celtic", "Rangers", 3, 0)]),
    ("Leeds won 3-2 after extra time against Fulham at Elland Road.", [("Leeds United", "Fulham", 3, 2)]),
    ("Brentford's 2-1 victory at Goodison lifted them to ninth.", [("Everton", "Brentford", 1, 2)]),
    # not results
    ('Rusk said: "If it\'s 0-0 at half-time against Liverpool we will be happy."', []),
    ("Liverpool went through 4-3 on aggregate against Southampton despite the defeat.", []),
    ("Arsenal's 5-0 win over Chelsea in 2019 still haunts the Blues.", []),
    ("Southampton were 2-0 down against Fulham within ten minutes.", []),
    ("Southampton are on 11 points after 34 games, five behind Fulham.", []),
    ("Fulham lined up in a 4-2-3-1 against Leeds.", []),
    ("Liverpool are 5-1 to win the league, ahead of Arsenal.", []),
    ("Pundits predicted a 2-1 win for Leeds over Chelsea.", []),
    ("Fulham would have won 2-1 against Everton but for a late penalty.", []),
    ("In the reverse fixture, Leeds beat Arsenal 4-1 at Elland Road.", []),
    ("Liverpool were leading 2-0 against Everton when the floodlights failed.", []),
    ("Derby's record low came in the 2007-08 season, when Fulham finished 17th.", []),
    ("The under-18s won 3-0 last season against Chelsea.", []),
    ("Arsenal trail Chelsea by two goals, and a 2-0 win would be enough to go through.", []),
    ("Liverpool's 3-1 win over Everton on aggregate was never in doubt.", []),
    ("Fulham led 1-0 at the break against Leeds when the game was abandoned.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_scoreline_phrasings(text: str, expected: list[tuple[str, str, int, int]]) -> None:
    got = [(m.home, m.away, m.home_score, m.away_score) for m in run_matches(text)]
    assert sorted(got, key=str) == sorted(expected, key=str)


def test_order_as_given_is_flagged_when_venue_unknown() -> None:
    (match,) = run_matches("Southampton exited the Carabao Cup after a narrow 2-1 defeat against Liverpool.")
    assert match.flags == ["order_as_given"]
    assert match.result == "away_win" and match.status == "played"


def test_stadium_ownership_gives_home_and_venue() -> None:
    (match,) = run_matches("Fulham won 2-1 at St Mary's on Saturday.", "2024-12-16")
    assert (match.home, match.venue, match.flags) == ("Southampton", "St Mary's Stadium", [])
    assert match.date == "2024-12-14"


def test_penalties_are_kept_beside_the_draw() -> None:
    (match,) = run_matches("Liverpool lost 4-2 on penalties to Chelsea after a 1-1 draw at Wembley.")
    assert (match.home_score, match.away_score, match.result) == (1, 1, "draw")
    assert match.penalties is not None and sorted(match.penalties) == [2, 4]
    assert match.venue == "Wembley Stadium" and "order_as_given" in match.flags


def test_half_time_score_is_stored_not_reported() -> None:
    (match,) = run_matches("Southampton led 1-0 at half-time but Liverpool won 2-1 at St Mary's.")
    assert (match.home, match.away, match.home_score, match.away_score) == ("Southampton", "Liverpool", 1, 2)
    assert match.half_time == (1, 0)


def test_repeated_mentions_merge_into_one_fixture() -> None:
    text = (
        "Fulham beat Southampton 2-1 at St Mary's on Saturday.\n\n"
        "Southampton had led early on.\n\n"
        "Fulham's dramatic 2-1 win moved them up to eighth."
    )
    (match,) = run_matches(text, "2025-04-26")
    assert len(match.evidence) == 2
    for ev in match.evidence:
        assert text[ev.start : ev.end] == ev.text


def test_one_sided_result_pairs_with_a_result_without_score() -> None:
    text = (
        "Southampton slipped to a stoppage-time loss to Fulham.\n\n"
        "Fulham's dramatic 2-1 win moved them up to eighth in the Premier League."
    )
    (match,) = run_matches(text, "2025-04-26")
    assert {match.home: match.home_score, match.away: match.away_score} == {"Southampton": 1, "Fulham": 2}
    assert match.competition == "Premier League"


def test_competition_and_round_from_context() -> None:
    text = "Real Madrid beat Bayern Munich 2-1 in the Champions League semi-final second leg."
    (match,) = run_matches(text)
    assert (match.competition, match.round) == ("Champions League", "semi-final")


def test_cup_round_not_taken_from_the_next_round() -> None:
    text = "Leeds beat Everton 3-1 in the Carabao Cup third round to reach the quarter-finals."
    (match,) = run_matches(text)
    assert (match.competition, match.round) == ("EFL Cup", "third round")


def test_evidence_points_into_body() -> None:
    text = "Arsenal beat Leeds 3-0 at the Emirates.\n\nLeeds never recovered."
    (match,) = run_matches(text)
    assert match.evidence and all(text[e.start : e.end] == e.text for e in match.evidence)
