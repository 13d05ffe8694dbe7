"""Claims through the whole pipeline: knock-outs told from the winner's side, relegation as a noun,
records counted in times, positions in apposition, the subject of "to stay eighth", and no claims
about what might happen."""

from __future__ import annotations

import pytest

from touchline.models import Article
from touchline.nlp.pipeline import default_extractor

Row = tuple[str, str, str]


def claims(text: str, published: str = "2024-03-08") -> set[Row]:
    facts = default_extractor().extract(Article("t", "test", published, text))
    return {(c.kind, c.subject, c.value) for c in facts.claims}


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("Rangers are into the Scottish Cup semi-finals after beating second-placed Kilmarnock at Ibrox.",
         {("eliminated", "Kilmarnock", "Scottish Cup")}, {("eliminated", "Rangers", "Scottish Cup")}),
        ("Arsenal are into the Champions League quarter-finals despite losing 2-1 to Benfica last night.",
         {("eliminated", "Benfica", "Champions League")}, set()),
        ("Chelsea's Under-18s reached the final of the FA Youth Cup with a 2-0 win over Everton.",
         {("eliminated", "Everton", "FA Youth Cup")}, set()),
        ("Aston Villa's Europa League adventure is over.", {("eliminated", "Aston Villa", "Europa League")}, set()),
        ("Everton's hopes of a first FA Cup final in years were ended by a late goal.",
         {("eliminated", "Everton", "FA Cup")}, set()),
        # a cup run towards the next opponent is not an elimination
        ("Hearts are through to the Scottish Cup final to face Celtic.", set(),
         {("eliminated", "Celtic", "Scottish Cup")}),
        ("Fenwick left Turf Moor after the Clarets' relegation from the Premier League.",
         {("relegated", "Burnley", "true")}, set()),
        ("Sunderland went down, joining Watford and Wigan Athletic, who had already gone down.",
         {("relegated", "Watford", "true"), ("relegated", "Wigan Athletic", "true")}, set()),
        ("It is the fifth time Norwich have been relegated from the Premier League, a record for the division.",
         {("record", "Norwich City", "5")}, set()),
        ("Everton, in 17th, could pull clear with a win at Brighton.", {("position", "Everton", "17")}, set()),
        ("Forty points is the usual target; Fulham, 14th, stayed up with 42.",
         {("points", "Fulham", "42"), ("position", "Fulham", "14")}, set()),
        ("Liverpool pipped Chelsea to second place, finishing on 75 to Chelsea's 74.",
         {("points", "Liverpool", "75")}, set()),
        ("Wolves travel to Anfield for the lunchtime kick-off sitting 11th in the Premier League on nine points.",
         {("points", "Wolverhampton Wanderers", "9"), ("position", "Wolverhampton Wanderers", "11")}, set()),
        # the object of "brushed X aside" is not who stays eighth
        ("Ivan Mrak scored twice as Brentford brushed Wolverhampton Wanderers aside to stay eighth in the table.",
         {("position", "Brentford", "8")}, {("position", "Wolverhampton Wanderers", "8")}),
        # champions of a lower league go up; champions of the top flight do not
        ("Sheffield United, who won the Championship with 91 points, return to the top flight.",
         {("promoted", "Sheffield United", "true")}, set()),
        ("Wrexham were crowned League Two champions on Saturday.", {("promoted", "Wrexham", "true")}, set()),
        ("Manchester City won the Premier League title again.", set(), {("promoted", "Manchester City", "true")}),
        ("Port Vale, who knocked out Accrington Stanley 1-0 in the second round of the FA Cup, host Fulham.",
         {("eliminated", "Accrington Stanley", "FA Cup")}, set()),
        # a hedge inside a relative clause does not touch the main clause, and the other way round
        ("Ipswich, who could be relegated on Saturday, are 19th on 21 points.",
         {("position", "Ipswich Town", "19"), ("points", "Ipswich Town", "21")}, {("relegated", "Ipswich Town", "true")}),
        ("Burnley, who have 20 points, will go down if they lose.", {("points", "Burnley", "20")},
         {("relegated", "Burnley", "true")}),
        # attributive positions are facts even in a hedged sentence
        ("His side could fall ten points behind leaders Arsenal with defeat.", {("position", "Arsenal", "1")}, set()),
    ],
)  # fmt: skip
def test_claims_found(text: str, wanted: set[Row], unwanted: set[Row]) -> None:
    got = claims(text)
    assert wanted <= got, got
    assert not (unwanted & got), got


@pytest.mark.parametrize(
    "text",
    [
        "Burnley will be relegated if they lose at Brentford.",
        "If they lose on Saturday, Burnley are relegated.",
        "Unless results go their way, Everton are down.",
        "Leeds could be relegated on Sunday.",
        "Southampton would go top with a win.",
        "A defeat would have relegated Luton Town.",
        "Should they win, Fulham are promoted.",
    ],
)
def test_future_and_conditional_claims_are_not_stored(text: str) -> None:
    assert claims(text) == set()
