"""Claims: positions, points, relegation/promotion, knock-outs and records; hedges dropped."""

from __future__ import annotations

import pytest
from rules_support import extract, make_gazetteer

from touchline.linking.gazetteer import Gazetteer
from touchline.models import ArticleFacts


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return make_gazetteer()


def _claims(facts: ArticleFacts) -> set[tuple[str, str, str]]:
    return {(c.kind, c.subject, c.value) for c in facts.claims}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Southampton exited the Carabao Cup after a 2-1 defeat against Liverpool.",
         {("eliminated", "Southampton", "EFL Cup")}),
        ("Aberdeen crashed out of the Scottish Cup at the first hurdle.", {("eliminated", "Aberdeen", "Scottish Cup")}),
        ("Wigan knocked Everton out of the FA Cup.", {("eliminated", "Everton", "FA Cup")}),
        ("Leeds were dumped out of the Coca-Cola Cup by lower-league opposition.", {("eliminated", "Leeds United", "EFL Cup")}),
        ("The already-relegated Saints lost again.", {("relegated", "Southampton", "true")}),
        ("Wigan were relegated on Saturday.", {("relegated", "Wigan Athletic", "true")}),
        ("Sunderland, who were promoted last season, moved up to fifth after beating Everton.",
         {("promoted", "Sunderland", "true"), ("position", "Sunderland", "5")}),
        ("Newly-promoted Leeds drew at Villa.", {("promoted", "Leeds United", "true")}),
        ("Fulham's dramatic win moved them up to eighth.", {("position", "Fulham", "8")}),
        ("Celtic went top of the table with a 2-0 win.", {("position", "Celtic", "1")}),
        ("Hearts are second in the table, while Rangers sit third.",
         {("position", "Heart of Midlothian", "2"), ("position", "Rangers", "3")}),
        ("Newcastle are bottom of the table on 11 points.",
         {("position", "Newcastle United", "bottom"), ("points", "Newcastle United", "11")}),
        ("Everton, on 11 points, are nineteenth in the Premiership.",
         {("points", "Everton", "11"), ("position", "Everton", "19")}),
        ("Derby's record low of 11 points in 2007-08 still stands.", {("record", "Derby County", "11")}),
        ("Sunderland's unwanted lowest-ever Premier League points total of 15 was set in 2005-06.",
         {("record", "Sunderland", "15")}),
        ("Fulham beat Everton in the third round of the FA Cup.", set()),
        ("Spurs scored in the first minute and led for the second time.", set()),
    ],
)  # fmt: skip
def test_claims(gaz: Gazetteer, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _claims(extract(gaz, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A draw would have helped Southampton move onto 12 points.",
        "A win would have taken Hearts top of the table.",
        "Celtic could go top with victory on Sunday.",
        "Wigan will be relegated if they lose at Derby.",
        "Leeds are fighting to avoid being relegated.",
        "Aston Villa are set to move up to sixth.",
        "“We are bottom of the table and Rangers were relegated,” he said.",
        "Forest hope to secure promotion next month.",
    ],
)
def test_hypotheticals_and_quotes_are_not_facts(gaz: Gazetteer, text: str) -> None:
    assert extract(gaz, text).claims == []


def test_claim_evidence_and_merging(gaz: Gazetteer) -> None:
    text = "Relegated Wigan lost again. Wigan were relegated last week."
    facts = extract(gaz, text)
    (claim,) = facts.claims
    assert (claim.kind, claim.subject, claim.value) == ("relegated", "Wigan Athletic", "true")
    assert [e.text for e in claim.evidence] == [
        "Relegated Wigan lost again.",
        "Wigan were relegated last week.",
    ]
    assert all(text[e.start : e.end] == e.text for e in claim.evidence)


def test_pronoun_without_a_club_gives_nothing(gaz: Gazetteer) -> None:
    assert extract(gaz, "The win moved them up to eighth.").claims == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Everton, Wigan and Derby were relegated from the Premier League.",
         {("relegated", "Everton", "true"), ("relegated", "Wigan Athletic", "true"), ("relegated", "Derby County", "true")}),
        ("Wigan Athletic's eight-year stay in the Premier League is over. They finished 18th on 36 points.",
         {("relegated", "Wigan Athletic", "true"), ("position", "Wigan Athletic", "18"), ("points", "Wigan Athletic", "36")}),
        ("Sunderland remain bottom, but move on to nine points.",
         {("position", "Sunderland", "bottom"), ("points", "Sunderland", "9")}),
        ("Celtic were crowned champions with 87 points.", {("position", "Celtic", "1"), ("points", "Celtic", "87")}),
        ("Aston Villa, 15th, stayed up.", {("position", "Aston Villa", "15")}),
        ("Leeds were relegated despite a 3-1 win at Everton, finishing on 51 points.",
         {("relegated", "Leeds United", "true"), ("points", "Leeds United", "51")}),
        ("A 2-0 win over Aberdeen lifted them up to ninth.", set()),
        ("Fulham thrashed Arsenal 4-0 to go top of the table.", {("position", "Fulham", "1")}),
        ("Defeat by Everton left Derby bottom of the Premiership.", {("position", "Derby County", "bottom")}),
        ("Hartlepool knocked out Everton in the FA Cup third round, and Celtic are out of the Scottish Cup.",
         {("eliminated", "Everton", "FA Cup"), ("eliminated", "Celtic", "Scottish Cup")}),
    ],
)  # fmt: skip
def test_more_claim_forms(gaz: Gazetteer, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _claims(extract(gaz, text)) == expected


def test_a_managers_side(gaz: Gazetteer) -> None:
    text = "Celtic manager Brendan Rodgers, whose side are nine points clear at the top, was calm."
    assert ("position", "Celtic", "1") in _claims(extract(gaz, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Newcastle are back in the Premier League at the first attempt.", {("promoted", "Newcastle United", "true")}),
        ("Sunderland ran away with the title, finishing on 105 points.",
         {("position", "Sunderland", "1"), ("points", "Sunderland", "105")}),
        ("Arsenal appointed a new manager on Sunday, with Spurs bottom of the Premiership on two points.",
         {("position", "Tottenham Hotspur", "bottom"), ("points", "Tottenham Hotspur", "2")}),
        ("The draw leaves Aberdeen fourth, two points ahead of fifth-placed Hearts.",
         {("position", "Aberdeen", "4"), ("position", "Heart of Midlothian", "5")}),
        ("“We were brilliant,” said Celtic manager Brendan Rodgers, whose side are nine points clear at the top.",
         {("position", "Celtic", "1")}),
        ("“Leeds will be relegated,” he said.", set()),
    ],
)  # fmt: skip
def test_claims_next_to_quotes_and_table_phrases(
    gaz: Gazetteer, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _claims(extract(gaz, text)) == expected
