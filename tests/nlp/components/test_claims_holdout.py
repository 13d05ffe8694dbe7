"""Claims in styles the hold-out set exposed: positions after "now"/"sitting"/"go into the game",
"in third" after a gap in points, totals in words or bare after a place, relegation shared by several
clubs, "both sides", and no claims from futures or conditions. Sentences written for these tests."""

from __future__ import annotations

import pytest

from touchline.models import Article
from touchline.nlp.pipeline import default_extractor

Row = tuple[str, str, str]


def claims(text: str, published: str = "2019-04-13") -> set[Row]:
    facts = default_extractor().extract(Article("t", "test", published, text))
    return {(c.kind, c.subject, c.value) for c in facts.claims}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # tabloid
        (
            "Woeful Watford go down with Norwich City and Burnley after another limp afternoon.",
            {
                ("relegated", "Watford", "true"),
                ("relegated", "Norwich City", "true"),
                ("relegated", "Burnley", "true"),
            },
        ),
        (
            "Bolton Wanderers are top with 52, while Wigan Athletic are bottom on nine.",
            {
                ("position", "Bolton Wanderers", "1"),
                ("points", "Bolton Wanderers", "52"),
                ("position", "Wigan Athletic", "bottom"),
                ("points", "Wigan Athletic", "9"),
            },
        ),
        (
            "Hapless Ross County slip to the bottom after a fourth straight defeat.",
            {("position", "Ross County", "bottom")},
        ),
        # agency
        (
            "Ipswich Town are now 21st on thirty-two points after a goalless draw.",
            {("position", "Ipswich Town", "21"), ("points", "Ipswich Town", "32")},
        ),
        (
            "Leeds United drew 1-1 with Middlesbrough at Elland Road. Both teams are on 41 points.",
            {("points", "Leeds United", "41"), ("points", "Middlesbrough", "41")},
        ),
        (
            "Charlton Athletic have parted company with their manager, with the club sitting 20th in League One.",
            {("position", "Charlton Athletic", "20")},
        ),
        ("Burnley go into the game bottom of the table.", {("position", "Burnley", "bottom")}),
        ("Luton Town went down on goal difference.", {("relegated", "Luton Town", "true")}),
        # 1990s
        (
            "Sheffield Wednesday go into Saturday's game at Highbury sitting fifth in the Premiership.",
            {("position", "Sheffield Wednesday", "5")},
        ),
        (
            "Coventry City are on one point after six games, and the natives are restless.",
            {("points", "Coventry City", "1")},
        ),
        (
            "Oldham Athletic were relegated alongside Crystal Palace and Middlesbrough.",
            {
                ("relegated", "Oldham Athletic", "true"),
                ("relegated", "Crystal Palace", "true"),
                ("relegated", "Middlesbrough", "true"),
            },
        ),
        # Scottish
        (
            "St Mirren lie sixth, with Kilmarnock a further three points back in eighth.",
            {("position", "St Mirren", "6"), ("position", "Kilmarnock", "8")},
        ),
        (
            "Hearts are now third, a point above Hibernian, who drop to the bottom of the pile of grievances.",
            {("position", "Heart of Midlothian", "3")},
        ),
    ],
)
def test_claims_in_other_styles(text: str, wanted: set[Row]) -> None:
    assert wanted <= claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Everton will go down with Leicester City if they lose on Sunday.",
        "Burnley could go into the weekend 15th with a win at Goodison.",
        "If they win, Fulham go top with 40.",
        "Leeds United went down 2-1 at Stoke City on Tuesday night.",
        "Aston Villa went down to ten men when their captain was sent off.",
        "Motherwell would drop to the bottom if Dundee win at Ibrox.",
        # a promotion in a past season is not this table's news
        "Norwich City, who went up as champions last season, were beaten again.",
    ],
)
def test_no_claims_from_futures_conditions_or_scores(text: str) -> None:
    found = claims(text)
    assert not {c for c in found if c[0] in ("relegated", "position", "points")}, found


def test_possessive_club_is_not_the_subject_of_they() -> None:
    text = (
        "Crawley Town had to better Colchester United's result but could only draw at home to Walsall, "
        "and they go down with Yeovil Town."
    )
    found = claims(text)
    assert {("relegated", "Crawley Town", "true"), ("relegated", "Yeovil Town", "true")} <= found
    assert ("relegated", "Colchester United", "true") not in found
    assert ("relegated", "Walsall", "true") not in found
