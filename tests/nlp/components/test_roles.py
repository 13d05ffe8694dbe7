"""Roles: job titles, descriptions and acts; clubs, events and dates."""

from __future__ import annotations

import pytest
from rules_support import extract, make_gazetteer

from touchline.linking.gazetteer import Gazetteer
from touchline.models import ArticleFacts


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return make_gazetteer()


def _roles(facts: ArticleFacts) -> set[tuple[str, str, str | None, str]]:
    return {(r.person, r.role, r.club, r.event) for r in facts.roles}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fulham manager Marco Silva made two changes.", {("Marco Silva", "manager", "Fulham", "holds")}),
        ("Southampton interim head coach Simon Rusk spoke to reporters.",
         {("Simon Rusk", "interim_manager", "Southampton", "holds")}),
        ("Rangers have sacked manager Michael Beale. Steven Davis will take charge on an interim basis.",
         {("Michael Beale", "manager", "Rangers", "sacked"), ("Steven Davis", "interim_manager", "Rangers", "appointed")}),
        ("Sir Alex Ferguson, the Manchester United manager, praised captain Roy Keane.",
         {("Alex Ferguson", "manager", "Manchester United", "holds"), ("Roy Keane", "captain", "Manchester United", "holds")}),
        ("Leeds United chairman Andrea Radrizzani gave a statement.",
         {("Andrea Radrizzani", "executive", "Leeds United", "holds")}),
        ("The Magpies' owner Mike Ashley refused to comment.", {("Mike Ashley", "owner", "Newcastle United", "holds")}),
        ("Hearts caretaker boss Liam Fox guided the Jambos to victory.",
         {("Liam Fox", "interim_manager", "Heart of Midlothian", "holds")}),
        ("Referee Michael Oliver booked five players as Everton won.", {("Michael Oliver", "referee", None, "holds")}),
        ("Arsenal have appointed Mikel Arteta as their new head coach.", {("Mikel Arteta", "manager", "Arsenal", "appointed")}),
        ("The Spurs gaffer, Harry Redknapp, resigned in October.",
         {("Harry Redknapp", "manager", "Tottenham Hotspur", "resigned")}),
        ("Everton player-manager Howard Kendall named an unchanged side.",
         {("Howard Kendall", "manager", "Everton", "holds")}),
        ("Celtic assistant manager John Kennedy took training.", {("John Kennedy", "assistant_manager", "Celtic", "holds")}),
        ("Aberdeen director of football Steven Gunn confirmed the deal.",
         {("Steven Gunn", "executive", "Aberdeen", "holds")}),
        ("Liverpool academy director Alex Inglethorpe was delighted.", {("Alex Inglethorpe", "youth_coach", "Liverpool", "holds")}),
        ("Bobby Robson, who managed Newcastle from 1999, was sacked by the Magpies in August 2004.",
         {("Bobby Robson", "manager", "Newcastle United", "sacked")}),
        ("Rodgers could be named Leicester manager, and Celtic might sack Ange Postecoglou.", set()),
        ("Sunderland skipper Kevin Ball led the side out.", {("Kevin Ball", "captain", "Sunderland", "holds")}),
    ],
)  # fmt: skip
def test_roles(gaz: Gazetteer, text: str, expected: set[tuple[str, str, str | None, str]]) -> None:
    assert _roles(extract(gaz, text)) == expected


def test_one_person_two_jobs_through_a_description(gaz: Gazetteer) -> None:
    text = (
        "Interim manager Simon Rusk was proud, as Southampton beat Everton.\n\n"
        "After a busy week for the Under-21s boss, he oversaw a fine win."
    )
    assert _roles(extract(gaz, text)) == {
        ("Simon Rusk", "interim_manager", "Southampton", "holds"),
        ("Simon Rusk", "youth_coach", "Southampton", "holds"),
    }


def test_club_from_the_article_when_the_sentence_has_none(gaz: Gazetteer) -> None:
    text = "Southampton interim head coach Simon Rusk spoke.\n\nHe was asked about replacing sacked boss Russell Martin."
    assert ("Russell Martin", "manager", "Southampton", "sacked") in _roles(extract(gaz, text))


def test_manager_act_gives_a_role(gaz: Gazetteer) -> None:
    text = "Fulham pressed hard, and Marco Silva made a double change at the break."
    assert _roles(extract(gaz, text)) == {("Marco Silva", "manager", "Fulham", "holds")}


def test_former_job_is_left_and_does_not_set_team(gaz: Gazetteer) -> None:
    facts = extract(gaz, "Former Southampton boss Ralph Hasenhüttl watched from the stand.")
    assert _roles(facts) == {("Ralph Hasenhüttl", "manager", "Southampton", "left")}
    assert facts.people[0].team is None


def test_unknown_club_is_not_guessed(gaz: Gazetteer) -> None:
    facts = extract(gaz, "Southampton boss Ralph Hasenhüttl was later appointed Wolfsburg head coach in May.")
    assert ("Ralph Hasenhüttl", "manager", None, "appointed") in _roles(facts)


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("Everton manager Sean Dyche was sacked on Thursday.", "2025-01-10", None, "2025-01-09"),
        ("David Moyes was appointed Everton manager in January.", "2025-03-01", "2025-01", None),
        ("Celtic manager Brendan Rodgers, in charge since 2023, was pleased.", "2024-03-01", "2023", None),
        ("Aberdeen chairman Dave Cormack resigned last month.", "2024-03-10", None, "2024-02"),
        ("Sunderland boss Tony Mowbray was sacked on Monday.", None, None, None),
    ],
)
def test_dates(gaz: Gazetteer, text: str, published: str | None, start: str | None, end: str | None) -> None:
    facts = extract(gaz, text, published)
    (role,) = facts.roles
    assert (role.start, role.end, role.as_of) == (start, end, published)


def test_quotes_give_no_roles(gaz: Gazetteer) -> None:
    text = "“I think the Celtic manager Brendan Rodgers will be sacked,” he said."
    assert extract(gaz, text).roles == []


def test_evidence_is_the_sentence(gaz: Gazetteer) -> None:
    text = "It rained. Fulham manager Marco Silva was happy. Nobody else was."
    (role,) = extract(gaz, text).roles
    (ev,) = role.evidence
    assert ev.text == "Fulham manager Marco Silva was happy." and text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aberdeen have sacked Derek McInnes. First-team coach Barry Robson and academy manager Gavin Levey will "
         "take joint charge on an interim basis.",
         {("Derek McInnes", "manager", "Aberdeen", "sacked"), ("Barry Robson", "coach", "Aberdeen", "holds"),
          ("Gavin Levey", "youth_coach", "Aberdeen", "holds"), ("Barry Robson", "interim_manager", "Aberdeen", "appointed"),
          ("Gavin Levey", "interim_manager", "Aberdeen", "appointed")}),
        ("Leeds United were beaten again. Their manager Howard Wilkinson was philosophical.",
         {("Howard Wilkinson", "manager", "Leeds United", "holds")}),
        ("Everton manager Walter Smith praised his captain, Duncan Ferguson.",
         {("Walter Smith", "manager", "Everton", "holds"), ("Duncan Ferguson", "captain", "Everton", "holds")}),
        ("Fulham assistant manager Ray Lewington will take charge of the first team until a successor is found.",
         {("Ray Lewington", "assistant_manager", "Fulham", "holds"), ("Ray Lewington", "interim_manager", "Fulham", "appointed")}),
        ("Celtic have confirmed that Neil Lennon was dismissed on Wednesday.",
         {("Neil Lennon", "manager", "Celtic", "sacked")}),
        ("Hearts chairman Sir Alistair Hodge said the club would move quickly.",
         {("Alistair Hodge", "executive", "Heart of Midlothian", "holds")}),
        ("Aston Villa coach Unai Emery was pleased.", {("Unai Emery", "manager", "Aston Villa", "holds")}),
        ("Jamie Vardy's side lost again, and Arsenal fans were not surprised.", set()),
    ],
)  # fmt: skip
def test_more_role_forms(gaz: Gazetteer, text: str, expected: set[tuple[str, str, str | None, str]]) -> None:
    facts = extract(gaz, text)
    assert {r for r in _roles(facts) if r[0] != "Jamie Vardy" or r[2] is not None} == expected


def test_his_first_caretaker_spell_is_the_subjects(gaz: Gazetteer) -> None:
    text = "Southampton boss Simon Rusk spoke.\n\nRusk, who drew at Fulham in his first caretaker spell in December, was calm."
    roles_found = _roles(extract(gaz, text, "2025-04-26"))
    assert ("Simon Rusk", "interim_manager", "Southampton", "holds") in roles_found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Aston Villa have signed goalkeeper Emiliano Martinez from Arsenal for an undisclosed fee.", "2020-09-16",
         {("Emiliano Martinez", "player", "Aston Villa", "joined", None, None),
          ("Emiliano Martinez", "player", "Arsenal", "left", None, None)}),
        ("Jordan Henderson, who joined from Sunderland in the summer, scored twice.", "2012-03-10",
         {("Jordan Henderson", "player", "Sunderland", "left", None, "2011")}),
        ("Andy Pryor, who joined Leeds in January, was missed.", "2020-02-01",
         {("Andy Pryor", "player", "Leeds United", "joined", "2020-01", None)}),
        ("Celtic could sign Kieran Tierney from Arsenal.", "2020-02-01", set()),
        ("Lee Cooke has been in temporary charge since Gary Loach was sacked in March, having spent six years as "
         "the club's reserve-team coach.", "2024-05-01",
         {("Lee Cooke", "interim_manager", None, "holds", None, None), ("Lee Cooke", "youth_coach", None, "holds", None, None),
          ("Gary Loach", "manager", None, "sacked", None, "2024-03")}),
    ],
)  # fmt: skip
def test_transfers_and_who_a_clause_is_about(
    gaz: Gazetteer,
    text: str,
    published: str,
    expected: set[tuple[str, str, str | None, str, str | None, str | None]],
) -> None:
    facts = extract(gaz, text, published)
    assert {(r.person, r.role, r.club, r.event, r.start, r.end) for r in facts.roles} == expected


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("Celtic have sacked manager Ronny Deila. Deila, who was appointed in June 2014, won two titles.",
         "2016-05-01", "2014-06", None),
        ("Hearts boss Robbie Neilson was dismissed. Neilson had been in charge at Tynecastle since June 2021.",
         "2023-04-10", "2021-06", None),
        ("Fulham assistant manager Ray Lewington will take charge for Tuesday's game.", "2024-03-10", None, None),
        ("Everton owner Bill Kenwright, who bought the club in 1999, has been trying to sell since 2019.",
         "2021-11-29", "1999", None),
    ],
)  # fmt: skip
def test_when_a_job_began(
    gaz: Gazetteer, text: str, published: str, start: str | None, end: str | None
) -> None:
    facts = extract(gaz, text, published)
    assert [(r.start, r.end) for r in facts.roles][:1] == [(start, end)]
