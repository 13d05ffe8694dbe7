"""PeopleIndex: canonical names, partial mentions, teams and job holders inside one article."""

from __future__ import annotations

import pytest

from touchline.linking.people import PeopleIndex, clean_name


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Sir Alex Ferguson", "Alex Ferguson"),
        ("Darwin Núñez's", "Darwin Núñez"),
        ("Dr. Jo Bonner", "Jo Bonner"),
        ("Stephens’", "Stephens"),
        ("  Kenny\nDalglish, ", "Kenny Dalglish"),
    ],
)
def test_clean_name(surface: str, expected: str) -> None:
    assert clean_name(surface) == expected


def test_partial_mentions_resolve_onto_full_names() -> None:
    idx = PeopleIndex()
    assert idx.add("Simon Rusk") == "Simon Rusk"
    assert idx.add("Emile Smith Rowe") == "Emile Smith Rowe"
    assert idx.resolve("Rusk") == "Simon Rusk"
    assert idx.resolve("Smith Rowe") == "Emile Smith Rowe"
    assert idx.resolve("Rowe") == "Emile Smith Rowe"
    assert idx.resolve("Nunez") is None


def test_ambiguous_surname_is_unresolved() -> None:
    idx = PeopleIndex()
    idx.add("Marco Silva")
    idx.add("Bernardo Silva")
    assert idx.resolve("Silva") is None
    assert idx.resolve("Bernardo Silva") == "Bernardo Silva"


def test_accents_are_kept_and_folded_for_lookup() -> None:
    idx = PeopleIndex()
    idx.add("Darwin Núñez")
    assert idx.resolve("Nunez") == "Darwin Núñez"


def test_single_words_need_permission() -> None:
    idx = PeopleIndex()
    assert idx.add("Rodri") is None
    assert idx.add("Rodri", allow_single=True) == "Rodri"
    assert idx.resolve("Rodri") == "Rodri"


def test_longer_form_replaces_shorter_and_keeps_team_and_roles() -> None:
    idx = PeopleIndex()
    idx.add("Smith Rowe")
    idx.set_team("Smith Rowe", "Fulham")
    idx.note_role("Smith Rowe", "captain", "Fulham")
    assert idx.add("Emile Smith Rowe") == "Emile Smith Rowe"
    assert idx.team["Emile Smith Rowe"] == "Fulham"
    assert idx.roles_of("Emile Smith Rowe") == [("captain", "Fulham")]


def test_first_team_set_wins() -> None:
    idx = PeopleIndex()
    idx.set_team("Jack Stephens", "Southampton")
    idx.set_team("Jack Stephens", "Fulham")
    assert idx.team["Jack Stephens"] == "Southampton"


@pytest.mark.parametrize(
    ("roles", "club", "expected"),
    [
        ({"manager", "interim_manager"}, None, "Steven Davis"),
        ({"manager", "interim_manager"}, "Rangers", "Steven Davis"),
        ({"manager", "interim_manager"}, "Celtic", "Brendan Rodgers"),
        ({"executive"}, None, "John Bennett"),
        ({"referee"}, None, None),
        ({"owner"}, "Celtic", None),
    ],
)
def test_holder_is_the_last_compatible_job(roles: set[str], club: str | None, expected: str | None) -> None:
    idx = PeopleIndex()
    idx.note_role("Brendan Rodgers", "manager", "Celtic")
    idx.note_role("John Bennett", "executive", "Rangers")
    idx.note_role("Steven Davis", "interim_manager", "Rangers")
    assert idx.holder(roles, club) == expected


def test_former_job_does_not_set_team() -> None:
    idx = PeopleIndex()
    idx.note_role("Ralph Hasenhüttl", "manager", "Southampton", current=False)
    assert idx.team.get("Ralph Hasenhüttl") is None
    assert idx.roles_of("Ralph Hasenhüttl") == [("manager", "Southampton")]
