"""Goals told through finishing verbs, goal phrases, lead-in sentences, own goals and round-ups.

Every case is a short original report in its own style (agency copy, tabloid, a 1990s broadsheet,
a results round-up); the names are invented.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_matches_ctx import run_matches

from touchline.models import Goal, Match
from touchline.nlp.components.goal_verbs import finish_words

CASES: list[tuple[str, str, list[dict[str, Any]]]] = [
    (
        "agency_who_clause",
        "Fulham beat Leeds United 1-0 at Craven Cottage on Tuesday. Tom Arkwright split the defence and "
        "squared the ball for Jamie Holloway, who curled in from 18 yards on 52 minutes.",
        [{"scorer": "Jamie Holloway", "team": "Fulham", "minute": 52, "assist": "Tom Arkwright"}],
    ),
    (
        "tabloid_chain",
        "Arsenal 2 Chelsea 0. Dev Mahal muscled past two markers and rifled into the top corner on 71 minutes "
        "to send the Gunners wild. Kofi Brandt tapped in a second deep into stoppage time.",
        [
            {"scorer": "Dev Mahal", "team": "Arsenal", "minute": 71, "period": "second_half"},
            {"scorer": "Kofi Brandt", "team": "Arsenal"},
        ],
    ),
    (
        "nineties_own_goal_aside",
        "Newcastle United drew 1-1 with Aston Villa at St James' Park. Villa went ahead after 20 minutes when "
        "Gary Pennock, stretching for a high cross, sliced it into his own net. Newcastle levelled in the "
        "80th minute when Les Ferrand headed home.",
        [
            {"scorer": "Gary Pennock", "team": "Aston Villa", "minute": 20, "kind": "own_goal"},
            {"scorer": "Les Ferrand", "team": "Newcastle United", "minute": 80, "kind": "header"},
        ],
    ),
    (
        "minute_from_lead_in_sentence",
        "Celtic beat Rangers 2-1 at Celtic Park on Sunday.\n\nCeltic went ahead in the 14th minute. Callum Reid "
        "whipped the ball across for Aiden Doyle, who stabbed in at the near post.",
        [
            {
                "scorer": "Aiden Doyle",
                "team": "Celtic",
                "minute": 14,
                "period": "first_half",
                "assist": "Callum Reid",
            }
        ],
    ),
    (
        "debut_with_the_opening_goal",
        "Brentford beat Southampton 3-0 at the Gtech Community Stadium. Kai Lindahl marked his debut with the "
        "opening goal after 11 minutes, heading in Marcus Tuel's corner.",
        [
            {
                "scorer": "Kai Lindahl",
                "team": "Brentford",
                "minute": 11,
                "kind": "header",
                "assist": "Marcus Tuel",
            }
        ],
    ),
    (
        "roundup_two_results_one_sentence",
        "Liverpool won 1-0 at Fulham thanks to Rhys Amadi's volley in the 77th minute, while Manchester City "
        "beat Chelsea 3-0 at the Etihad, Joel Varga scoring all three.",
        [
            {"scorer": "Rhys Amadi", "team": "Liverpool", "minute": 77},
            {"scorer": "Joel Varga", "team": "Manchester City"},
            {"scorer": "Joel Varga", "team": "Manchester City"},
            {"scorer": "Joel Varga", "team": "Manchester City"},
        ],
    ),
    (
        "through_substitute",
        "Crewe Alexandra drew 1-1 with Cardiff City at Gresty Road. Cardiff led through an Owen Price penalty "
        "before the break, but Crewe equalised on 83 minutes through substitute Liam Fenn, who lashed home "
        "from close range.",
        [
            {"scorer": "Owen Price", "team": "Cardiff City", "kind": "penalty"},
            {"scorer": "Liam Fenn", "team": "Crewe Alexandra", "minute": 83},
        ],
    ),
    (
        "build_up_flick_on",
        "Swansea City beat Cardiff City 1-0 on Saturday. Nathan Cole's corner in the 61st minute was flicked on "
        "by Rhodri Evans and Ben Sayer nodded in at the far post.",
        [
            {
                "scorer": "Ben Sayer",
                "team": "Swansea City",
                "minute": 61,
                "kind": "header",
                "assist": "Rhodri Evans",
            }
        ],
    ),
    (
        "pronoun_subject_chip",
        "Real Madrid beat Bayern Munich 1-0 at the Bernabeu. Iker Soldado had been on the field for four "
        "minutes when he raced on to Luka Ferrer's pass and chipped it over the goalkeeper in the 84th minute.",
        [{"scorer": "Iker Soldado", "team": "Real Madrid", "minute": 84, "assist": "Luka Ferrer"}],
    ),
    (
        "gave_them_the_lead_own_sentence_club",
        "Everton came from behind to beat Aston Villa 2-1 at Goodison Park. Everton levelled through Sam Dace, "
        "and Marco Idris headed them in front from a Paul Yeats corner on 64 minutes.",
        [
            {
                "scorer": "Marco Idris",
                "team": "Everton",
                "minute": 64,
                "kind": "header",
                "assist": "Paul Yeats",
            },
        ],
    ),
]


CASES += [
    (
        "agency_adding_the_others",
        "Aston Villa beat Everton 3-0 at Villa Park. Tony Garside scored for Villa early on, with Phil Munro "
        "and Rob Keating adding the others after the break.",
        [
            {"scorer": "Tony Garside", "team": "Aston Villa"},
            {"scorer": "Phil Munro", "team": "Aston Villa", "period": "second_half"},
            {"scorer": "Rob Keating", "team": "Aston Villa", "period": "second_half"},
        ],
    ),
    (
        "only_for_club_substitute_to_equalise",
        "Celtic drew 1-1 with Rangers at Parkhead. Celtic looked set to win until the 89th minute, only for "
        "Rangers substitute Dale Horne to equalise with a low drive.",
        [{"scorer": "Dale Horne", "team": "Rangers", "minute": 89}],
    ),
    (
        "put_them_two_up_inside",
        "Cardiff City beat Swansea City 2-0. Huw Rees and Gethin Lloyd put Cardiff two up inside 20 minutes.",
        [
            {"scorer": "Huw Rees", "team": "Cardiff City", "period": "first_half"},
            {"scorer": "Gethin Lloyd", "team": "Cardiff City", "period": "first_half"},
        ],
    ),
]


CASES.append(
    (
        "keeper_own_goal_from_a_shot",
        "Fulham beat Leeds United 2-0. Leeds United keeper Ivo Marek turned Tom Calder's shot into his own net, "
        "and Rui Jardel slotted home late on.",
        [
            {"scorer": "Ivo Marek", "team": "Fulham", "kind": "own_goal"},
            {"scorer": "Rui Jardel", "team": "Fulham"},
        ],
    )
)


def match_with(matches: list[Match], scorer: str) -> Match:
    hits = [m for m in matches if any(g.scorer == scorer for g in m.goals)]
    assert len(hits) == 1, [(m.home, m.away, [g.scorer for g in m.goals]) for m in matches]
    return hits[0]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_goal_descriptions(name: str, text: str, expected: list[dict[str, Any]]) -> None:
    matches = run_matches(text, "2024-03-10")
    for scorer in dict.fromkeys(e["scorer"] for e in expected):
        want = [e for e in expected if e["scorer"] == scorer]
        match = match_with(matches, scorer)
        got = [g for g in match.goals if g.scorer == scorer]
        assert len(got) == len(want), (name, scorer, got)
        for goal, fields in zip(got, want, strict=True):
            for key, value in fields.items():
                assert getattr(goal, key) == value, (name, scorer, key)
        assert not match.warnings, match.warnings


NO_GOAL_CASES = [
    (
        "miss_after_near_chance",
        "Leeds United and Everton drew 0-0 at Elland Road. Jonny Mabe might have won it late on but his header "
        "was tipped over by Jordan Pick.",
    ),
    (
        "unnamed_scorer",
        "Leeds United lost 1-0 to Everton at Elland Road. Jack Tait rounded the goalkeeper but fired wide, and "
        "the winner came from a deflected shot.",
    ),
    (
        "past_the_post",
        "Fulham and Everton drew 0-0 at Craven Cottage. Ola Brandt beat two men and fired past the post.",
    ),
    (
        "historical_relative_clause",
        "Liverpool and Chelsea drew 0-0 at Anfield. Ben Hale, who headed in the winner in last season's "
        "fixture, started on the bench.",
    ),
    (
        "assister_is_not_scorer",
        "Liverpool beat Chelsea 1-0 at Anfield. Cody Marsh was pleased with the winner, which he set up for a "
        "team-mate.",
    ),
]


@pytest.mark.parametrize(("name", "text"), NO_GOAL_CASES, ids=[c[0] for c in NO_GOAL_CASES])
def test_no_invented_goals(name: str, text: str) -> None:
    matches = run_matches(text, "2024-03-10")
    assert matches, name
    goals: list[Goal] = [g for m in matches for g in m.goals]
    assert goals == [], (name, [g.scorer for g in goals])


def test_goals_never_exceed_the_score_silently() -> None:
    text = (
        "Fulham beat Leeds United 1-0 at Craven Cottage. Jamie Holloway, who curled in from the edge of the box, "
        "and Ryan Keeble, who side-footed home late on, both scored for Fulham."
    )
    match = run_matches(text, "2024-03-10")[0]
    fulham = [g for g in match.goals if g.team == "Fulham"]
    assert len(fulham) <= 1 or match.warnings


@pytest.mark.parametrize(
    "kind", ["verb", "completion", "header", "goal_phrase", "role", "assist_move", "lead_in"]
)
def test_finish_words_data(kind: str) -> None:
    assert finish_words()[kind]
