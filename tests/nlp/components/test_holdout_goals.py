"""Goal phrasings that the hold-out articles (eval/HOLDOUT.md) showed were missed or misread.

Each case is a short original text with invented players, written differently from the hold-out
articles so the rules are tested as general rules, not as answers to those articles.
"""

from __future__ import annotations

from typing import Any

import pytest
from rules_support import assert_goals_found, goals_in


def goals_of(text: str, published: str = "2019-03-11") -> list[dict[str, Any]]:
    return goals_in(text, published)


CASES: list[tuple[str, str, list[dict[str, Any]]]] = [
    (
        "infinitive_after_participle",
        "Stoke City beat Hull City 1-0 at the bet365 Stadium on Saturday. Stoke went ahead ten minutes after "
        "the interval, Marcus Idowu rising to head in a corner from Ben Trask.",
        [{"scorer": "Marcus Idowu", "team": "Stoke City", "minute": 55, "kind": "header"}],
    ),
    (
        "converted_with_adjective",
        "Lincoln City drew 1-1 with Barnsley at Sincil Bank on Saturday. Lincoln's reply came when Owen Ferris "
        "converted a hotly disputed penalty in the 66th minute.",
        [{"scorer": "Owen Ferris", "minute": 66, "kind": "penalty"}],
    ),
    (
        "stole_it",
        "Ipswich Town beat Millwall 2-1 at Portman Road on Saturday. Jay Oduya scored in the first half and, "
        "after Millwall equalised through Dan Kerr, Sam Pryor stole it for Ipswich with a deflected shot in "
        "stoppage time.",
        [{"scorer": "Sam Pryor", "team": "Ipswich Town"}],
    ),
    (
        "appositive_between_name_and_verb",
        "Leicester City beat Reading 1-0 at the King Power Stadium on Saturday. Tom Yates, on for the injured "
        "Lee Graham, raced clear to slot the winner in the 81st minute.",
        [{"scorer": "Tom Yates", "team": "Leicester City", "minute": 81}],
    ),
    (
        "passive_own_goal",
        "Burnley lost 1-0 to Watford at Turf Moor on Saturday. Ollie Grant's low cross was turned into his own "
        "net by Burnley defender Kyle Moss on 34 minutes.",
        [{"scorer": "Kyle Moss", "team": "Watford", "kind": "own_goal", "minute": 34}],
    ),
    (
        "possessive_ordinal",
        "Swansea City beat Cardiff City 2-0 at the Swansea.com Stadium on Sunday. Rhys Bevan scored with a "
        "header after 20 minutes and Bevan's second, a volley in the 70th minute, sealed it.",
        [
            {"scorer": "Rhys Bevan", "minute": 20},
            {"scorer": "Rhys Bevan", "minute": 70},
        ],
    ),
    (
        "header_from_possessive_set_piece",
        "Derby County beat Luton Town 1-0 at Pride Park on Saturday. Craig Doyle scored with a header from "
        "Paul Hurst's free-kick in the 12th minute.",
        [{"scorer": "Craig Doyle", "minute": 12, "assist": "Paul Hurst"}],
    ),
    (
        "although_clause_has_its_own_minute",
        "Benfica beat Rangers 2-1 at the Estádio da Luz on Tuesday night. João Pinto headed in after ten minutes, "
        "and although Alan Muir equalised for the Scottish side four minutes after half-time, Rui Costa won it "
        "from the spot on 70 minutes.",
        [
            {"scorer": "João Pinto", "team": "Benfica", "minute": 10},
            {"scorer": "Alan Muir", "team": "Rangers", "minute": 49, "period": "second_half"},
        ],
    ),
    (
        "parry_is_not_a_goal",
        "Preston North End beat Blackpool 1-0 at Deepdale on Saturday. Preston took the lead in the 30th minute "
        "when Ciaran Maher tapped in after the goalkeeper could only parry Leon Tait's shot.",
        [{"scorer": "Ciaran Maher", "minute": 30}],
    ),
    (
        "winner_came_from_own_free_kick",
        "Norwich City beat Luton Town 1-0 at Carrow Road on Saturday. The winner came from Kieran Dowd's "
        "free-kick in the 58th minute.",
        [{"scorer": "Kieran Dowd", "minute": 58}],
    ),
    (
        "tabloid_epithet",
        "Everton 2 Fulham 0. Big Sol Adeyemi bundled in the opener after 15 minutes and Vic Harte added a "
        "second on 60 minutes.",
        [{"scorer": "Sol Adeyemi", "minute": 15}, {"scorer": "Vic Harte", "minute": 60}],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_holdout_goal_phrasings(name: str, text: str, expected: list[dict[str, Any]]) -> None:
    assert_goals_found(name, goals_of(text), expected)


NOT_GOALS = [
    (
        "shoot_out_kick",
        "Reading and Bristol City drew 1-1 at the Select Car Leasing Stadium and Reading won 5-4 on penalties. "
        "In the shoot-out Reading keeper Jon Pyle saved once and Max Doran converted the decisive penalty.",
        "Max Doran",
    ),
    (
        "chance_to_head_in",
        "Stoke City lost 1-0 to Hull City at the bet365 Stadium on Saturday. Jake Fenn had a glorious chance to "
        "head in but Hull held on.",
        "Jake Fenn",
    ),
    (
        "set_piece_taker",
        "Hull City beat Wigan Athletic 1-0 at the MKM Stadium on Saturday. The only goal was a header from "
        "Tariq Lane's corner by Colin Platt on 44 minutes.",
        "Tariq Lane",
    ),
]


@pytest.mark.parametrize(("name", "text", "not_scorer"), NOT_GOALS, ids=[c[0] for c in NOT_GOALS])
def test_holdout_not_goals(name: str, text: str, not_scorer: str) -> None:
    assert not_scorer not in [g["scorer"] for g in goals_of(text)], name
