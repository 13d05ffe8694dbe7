"""Goals: scorer, team, minute, added time, period, kind and assist from short original reports."""

from __future__ import annotations

from typing import Any

import pytest
from test_matches_ctx import build_context, run_matches

from touchline.models import Goal


def goals_of(text: str, published: str = "2025-03-01") -> list[Goal]:
    matches = run_matches(text, published)
    assert len(matches) == 1, matches
    return matches[0].goals


def one(goals: list[Goal], scorer: str) -> Goal:
    hits = [g for g in goals if g.scorer == scorer]
    assert len(hits) == 1, [g.scorer for g in goals]
    return hits[0]


REPORT = (
    "Liverpool beat Chelsea 2-1 at Anfield on Saturday.\n\n"
    "Mohamed Salah gave Liverpool the lead in the 23rd minute with a header from Andrew Robertson's cross.\n\n"
    "Cole Palmer equalised from the penalty spot after 55 minutes for Chelsea.\n\n"
    "Darwin Nunez then fired home the winner in the third minute of stoppage time, set up by Luis Diaz."
)


@pytest.mark.parametrize(
    ("scorer", "fields"),
    [
        (
            "Mohamed Salah",
            {
                "team": "Liverpool",
                "minute": 23,
                "added": None,
                "period": "first_half",
                "kind": "header",
                "assist": "Andrew Robertson",
            },
        ),
        (
            "Cole Palmer",
            {"team": "Chelsea", "minute": 55, "period": "second_half", "kind": "penalty", "assist": None},
        ),
        (
            "Darwin Nunez",
            {"team": "Liverpool", "minute": 90, "added": 3, "period": "second_half", "assist": "Luis Diaz"},
        ),
    ],
)
def test_report_goals(scorer: str, fields: dict[str, Any]) -> None:
    goal = one(goals_of(REPORT), scorer)
    for key, value in fields.items():
        assert getattr(goal, key) == value, key
    assert goal.evidence and all(REPORT[e.start : e.end] == e.text for e in goal.evidence)


def test_own_goal_counts_for_the_other_side() -> None:
    text = (
        "Leeds beat Chelsea 1-0 at Elland Road on Saturday.\n\n"
        "The only goal came in the 67th minute when Chelsea defender Marc Cucurella turned the ball into his own net."
    )
    goal = one(goals_of(text), "Marc Cucurella")
    assert (goal.kind, goal.team, goal.minute) == ("own_goal", "Leeds United", 67)


def test_minutes_left_and_teams_from_the_score() -> None:
    text = (
        "Everton drew 1-1 with Fulham at Goodison Park on Sunday.\n\n"
        "Raul Jimenez scored for Fulham after 12 minutes.\n\n"
        "Dwight McNeil levelled with 10 minutes left, curling a free-kick into the top corner."
    )
    goals = goals_of(text)
    mcneil = one(goals, "Dwight McNeil")
    assert (mcneil.team, mcneil.minute, mcneil.kind) == ("Everton", 80, "free_kick")
    assert one(goals, "Raul Jimenez").minute == 12


def test_first_half_goals_listed_together() -> None:
    text = (
        "Southampton went out of the Carabao Cup after a 2-1 defeat against Liverpool.\n\n"
        "First-half goals from Darwin Nunez and Harvey Elliott put the visitors in control at St Mary's, "
        "but a fine Cameron Archer goal halved the deficit."
    )
    goals = goals_of(text, "2024-12-18")
    assert {g.scorer: (g.team, g.period) for g in goals} == {
        "Darwin Nunez": ("Liverpool", "first_half"),
        "Harvey Elliott": ("Liverpool", "first_half"),
        "Cameron Archer": ("Southampton", "second_half"),
    }


def test_brace_gives_two_goals() -> None:
    text = "Manchester City beat Brentford 2-0 at the Etihad.\n\nErling Haaland scored twice in the second half for City."
    goals = goals_of(text)
    assert [g.scorer for g in goals] == ["Erling Haaland", "Erling Haaland"]
    assert all(g.team == "Manchester City" and g.period == "second_half" for g in goals)


def test_added_time_in_brackets() -> None:
    text = "Arsenal beat Everton 1-0 at the Emirates.\n\nBukayo Saka's strike (45+1) was the difference."
    goal = one(goals_of(text), "Bukayo Saka")
    assert (goal.minute, goal.added, goal.period, goal.team) == (45, 1, "first_half", "Arsenal")


def test_missed_chances_are_not_goals() -> None:
    text = (
        "Fulham beat Leeds 1-0 at Craven Cottage.\n\n"
        "Raul Jimenez fired wide early on and Joe Rodon headed over the bar.\n\n"
        "Alex Iwobi scored the winner after 70 minutes."
    )
    goals = goals_of(text)
    assert [g.scorer for g in goals] == ["Alex Iwobi"]
    assert goals[0].team == "Fulham"


def test_goals_that_do_not_fit_the_score_are_flagged() -> None:
    text = (
        "Chelsea beat Fulham 1-0 at Stamford Bridge.\n\n"
        "Cole Palmer scored for Chelsea after 20 minutes and Nicolas Jackson scored for Chelsea after 60 minutes."
    )
    (match,) = run_matches(text, "2025-03-01")
    assert match.warnings


def test_scorers_get_their_team_in_people() -> None:
    text = "Arsenal beat Everton 1-0 at the Emirates.\n\nBukayo Saka scored for Arsenal after 30 minutes."
    from touchline.nlp.components import matches

    ctx = build_context(text, "2025-03-01")
    matches.run(ctx)
    assert ctx.people.team.get("Bukayo Saka") == "Arsenal"


def test_quoted_goal_talk_is_not_a_goal() -> None:
    text = (
        "Arsenal beat Everton 1-0 at the Emirates.\n\n"
        "Declan Rice scored after 30 minutes.\n\n"
        '"I told him Bukayo Saka scored a header like that last year," said Mikel Arteta.'
    )
    assert [g.scorer for g in goals_of(text)] == ["Declan Rice"]
