"""Goal precision on real-journalism classes: a save, a miss, a counterfactual, a season statistic or a
player named with a word in front of his surname is not a (wrong) goal. Original sentences, invented names."""

from __future__ import annotations

import pytest
from test_matches_ctx import run_matches

LEAD = "Arsenal beat Chelsea 1-0 at the Emirates Stadium on Saturday. Rhys Dalton scored the winner after 50 minutes."

# (case, the sentence after LEAD, a name that must not come out as a scorer)
NOT_GOALS: list[tuple[str, str, str]] = [
    (
        "keeper_holds_the_shot",
        "Tom Kerr was rarely called into action before holding Sam Beaty's long-range strike.",
        "Sam Beaty",
    ),
    (
        "handled_a_header",
        "Chelsea were denied a penalty when Joe Mott had handled a Wes Pryor header.",
        "Wes Pryor",
    ),
    (
        "counterfactual_had",
        "It might have been different had Lee Amis converted a seventh-minute penalty.",
        "Lee Amis",
    ),
    ("penalty_miss_noun", "Chelsea never recovered from a Dan Voss penalty miss early on.", "Dan Voss"),
    ("volley_headed_away", "Kai Brent's powerful volley was headed away by a defender.", "Kai Brent"),
    ("shot_went_well_wide", "Ola Fenn's acrobatic volley from a deep cross went well wide.", "Ola Fenn"),
    (
        "for_x_to_fire_over",
        "Chelsea roused themselves only for Ian Rook to fire over from 20 yards.",
        "Ian Rook",
    ),
    ("season_statistic", "Only Jon Hale and Pat Ives have scored more in the league.", "Pat Ives"),
    (
        "his_third_successive_start",
        "Rhys Dalton, making his third successive start, was outstanding.",
        "-",
    ),
]


@pytest.mark.parametrize(("case", "sentence", "name"), NOT_GOALS, ids=[c[0] for c in NOT_GOALS])
def test_not_a_goal(case: str, sentence: str, name: str) -> None:
    matches = run_matches(f"{LEAD} {sentence}")
    played = [m for m in matches if m.status == "played"]
    assert played, case
    scorers = [g.scorer for m in played for g in m.goals]
    assert name not in scorers, (case, scorers)
    assert scorers.count("Rhys Dalton") == 1, (case, scorers)


@pytest.mark.parametrize(
    ("sentence", "scorer"),
    [
        (
            "Although Dalton had scored, Arsenal were nervous. Although Milo Vance headed in, it was ruled out.",
            None,
        ),
        ("Ivorian Dalton struck after 50 minutes to win it.", "Rhys Dalton"),
        ("Midfielder Edu reduced the deficit after the break.", None),
    ],
)
def test_word_before_surname_is_not_part_of_the_name(sentence: str, scorer: str | None) -> None:
    matches = run_matches(f"Arsenal beat Chelsea 1-0 on Saturday. Rhys Dalton played well. {sentence}")
    scorers = [g.scorer for m in matches for g in m.goals]
    assert not any(s.startswith(("Although", "Ivorian", "Midfielder")) for s in scorers), scorers
    if scorer:
        assert scorer in scorers


def test_missed_chance_after_a_goal_in_the_same_sentence_keeps_the_goal() -> None:
    text = (
        "Southampton drew 1-1 with Fulham on Saturday. Ed Lark scored the equaliser and was almost "
        "involved in another goal after five minutes."
    )
    scorers = [g.scorer for m in run_matches(text) for g in m.goals]
    assert scorers == ["Ed Lark"]


# goals told by what they did to the result, not how the ball went in (invented names)
RESULT_GOALS: list[tuple[str, str, list[str]]] = [
    (
        "made_them_pay",
        "Rhys Dalton made Chelsea pay with a fine finish from inside the area.",
        ["Rhys Dalton"],
    ),
    (
        "gave_the_visitors_the_advantage",
        "Chelsea won 2-0 at Arsenal. Jon Hale and Pat Ives gave the visitors the half-time advantage.",
        ["Jon Hale", "Pat Ives"],
    ),
    ("who_netted", "The ball broke for Rhys Dalton, who netted from close range.", ["Rhys Dalton"]),
    (
        "goal_then_should_have",
        "Rhys Dalton's second goal should have ensured a quiet finish, but Chelsea kept coming.",
        ["Rhys Dalton"],
    ),
]


@pytest.mark.parametrize(("case", "text", "scorers"), RESULT_GOALS, ids=[c[0] for c in RESULT_GOALS])
def test_goal_told_by_its_effect(case: str, text: str, scorers: list[str]) -> None:
    if not text.startswith("Chelsea won"):
        text = f"Arsenal beat Chelsea 1-0 at the Emirates Stadium on Saturday. {text}"
    found = {g.scorer for m in run_matches(text) for g in m.goals}
    assert set(scorers) <= found, (case, found)


def test_surname_after_a_particle_is_not_a_subject() -> None:
    text = (
        "Arsenal beat Chelsea 1-0 on Saturday. Rhys Dalton hit back at Marco di Vanni with a debut goal "
        "for Arsenal."
    )
    scorers = [g.scorer for m in run_matches(text) for g in m.goals]
    assert "Vanni" not in " ".join(scorers)
