"""Two readings of one meeting with the score the other way round: the one whose narrated goals add up
is kept; without goals to decide, nothing is dropped."""

from __future__ import annotations

from test_matches_ctx import run_matches

from touchline.models import Goal, Match
from touchline.nlp.components.matches import _drop_contradicted


def _match(home_score: int, away_score: int, goals: list[Goal]) -> Match:
    m = Match(home="Arsenal", away="Chelsea", home_score=home_score, away_score=away_score, status="played")
    m.goals = goals
    return m


def test_reading_whose_goals_add_up_is_kept() -> None:
    right = _match(
        2, 0, [Goal(scorer="Rhys Dalton", team="Arsenal"), Goal(scorer="Jon Hale", team="Arsenal")]
    )
    wrong = _match(0, 2, [])
    assert _drop_contradicted([wrong, right]) == [right]


def test_without_goals_both_readings_stay() -> None:
    a, b = _match(2, 0, []), _match(0, 2, [])
    assert _drop_contradicted([a, b]) == [a, b]


def test_report_with_a_defeat_told_from_the_loser() -> None:
    text = (
        "Rhys Dalton scored on his debut to push Chelsea to a 2-0 defeat at Arsenal. Chelsea lost 2-0 at "
        "the Emirates Stadium. Rhys Dalton struck after 20 minutes and Jon Hale added a second late on."
    )
    played = [m for m in run_matches(text) if m.status == "played"]
    assert [(m.home, m.away, m.home_score, m.away_score) for m in played] == [("Arsenal", "Chelsea", 2, 0)]
