"""Record and streak claims (claim_records): tallies, streaks, runs and droughts the text asserts, with
the holder found from the determiner; match events, prospects, hedges and quotes give none."""

from __future__ import annotations

import pytest

from touchline.models import Article
from touchline.nlp.pipeline import default_extractor


def records(text: str) -> set[tuple[str, str]]:
    facts = default_extractor().extract(Article("t", "test", None, text))
    return {(c.subject, c.value) for c in facts.claims if c.kind == "record"}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Wayne Rooney marked his 400th Manchester United appearance with a goal against Stoke City.",
            ("Wayne Rooney", "400th Manchester United appearance"),
        ),
        (
            "Harry Kane headed in his 25th goal of the season as Tottenham Hotspur beat Burnley.",
            ("Harry Kane", "25th goal of the season"),
        ),
        (
            "Leeds United slumped to their fourth successive home defeat against Watford.",
            ("Leeds United", "fourth successive home defeat against Watford"),
        ),
        (
            "Stoke City have won only three of their last 12 league games.",
            ("Stoke City", "have won only three of their last 12 league games"),
        ),
        (
            "Brentford, who are now unbeaten in nine Premier League matches, host Fulham next.",
            ("Brentford", "unbeaten in nine Premier League matches"),
        ),
        ("Everton have not won the FA Cup since 1995.", ("Everton", "not won the FA Cup since 1995")),
        (
            "Norwich City saw their winless run extended to 11 games.",
            ("Norwich City", "winless run extended to 11 games"),
        ),
        (
            "It was Leicester City's biggest Premier League win in their history.",
            ("Leicester City", "biggest Premier League win in their history"),
        ),
    ],
)
def test_records_found(text: str, wanted: tuple[str, str]) -> None:
    assert wanted in records(text)


@pytest.mark.parametrize(
    "text",
    [
        # a goal of this match, not a tally
        "Jamie Vardy scored his second goal as Leicester City beat Watford 3-1.",
        "Mohamed Salah scored the first goal after ten minutes at Anfield.",
        # prospects and hedges
        "Arsenal are chasing a fifth successive away win when they visit Fulham on Saturday.",
        "Harry Kane could make his 300th appearance for Tottenham Hotspur against Chelsea.",
        "If they win, Chelsea would be unbeaten in 12 Premier League matches.",
        # a question and a quotation
        "Can Liverpool make it a sixth successive win at Old Trafford?",
        '"We have won only two of our last ten games," said Sean Dyche.',
    ],
)
def test_no_record(text: str) -> None:
    assert records(text) == set()


def claims(text: str) -> set[tuple[str, str, str]]:
    facts = default_extractor().extract(Article("t", "test", None, text))
    return {(c.kind, c.subject, c.value) for c in facts.claims}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the standing a result leads to is the winner's, not the opponent's
        (
            "Liverpool beat Burnley 2-0 at Anfield to move up to fourth place in the table.",
            ("position", "Liverpool", "4"),
        ),
        (
            "Norwich City lost 2-1 at home to Everton to remain bottom of the Premier League.",
            ("position", "Norwich City", "bottom"),
        ),
        ("The defeat cut pace-setters Chelsea's advantage.", ("position", "Chelsea", "1")),
        ("The draw trimmed Liverpool's lead at the top to five points.", ("position", "Liverpool", "1")),
        ("Celtic are top of Group F with seven points.", ("position", "Celtic", "1")),
        (
            "Chelsea were beaten 3-0 at Real Madrid in the Champions League quarter-final, exiting the "
            "competition 5-1 on aggregate.",
            ("eliminated", "Chelsea", "Champions League"),
        ),
        (
            "Brighton have lost their last four games in all competitions.",
            ("record", "Brighton & Hove Albion", "lost their last four games"),
        ),
        ("Fulham's revival went on with a fourth win in a row.", ("record", "Fulham", "fourth win in a row")),
        (
            "Chelsea have had a difficult season. They are still only 10th in the table.",
            ("position", "Chelsea", "10"),
        ),
        (
            "Southampton were superb. A 2-0 win over Fulham propelled them to third in the Premier League.",
            ("position", "Southampton", "3"),
        ),
    ],
)
def test_standings_and_streaks(text: str, wanted: tuple[str, str, str]) -> None:
    assert wanted in claims(text)


def test_result_standing_not_the_opponents() -> None:
    found = claims("Liverpool beat Burnley 2-0 at Anfield to move up to fourth place in the table.")
    assert ("position", "Burnley", "4") not in found
