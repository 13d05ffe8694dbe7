"""Match fields, fixtures, cards, referees and people that the hold-out articles (eval/HOLDOUT.md) missed.

Original short texts with invented people; each case checks one general rule and would fail without it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest

from touchline.models import Article
from touchline.nlp.pipeline import Extractor, default_extractor


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    return default_extractor()


def run(text: str, published: str) -> dict[str, Any]:
    out: dict[str, Any] = _extractor().extract(Article("t", "test", published, text)).to_dict()
    return out


def the_match(out: dict[str, Any], home: str, away: str) -> dict[str, Any]:
    found = [m for m in out["matches"] if {m["home"], m["away"]} == {home, away}]
    assert len(found) == 1, [(m["home"], m["away"]) for m in out["matches"]]
    return found[0]


FIELD_CASES: list[tuple[str, str, str, tuple[str, str], dict[str, Any]]] = [
    (
        "venue_in_sentence_naming_next_opponent",
        "OXFORD 0 BRISTOL CITY 1\n\nBristol City finally got the better of Oxford United at the second attempt "
        "last night, winning a tight replay at the Kassam Stadium to earn a home draw with Everton.",
        "2004-01-14",
        ("Oxford United", "Bristol City"),
        {"venue": "Kassam Stadium", "date": "2004-01-13"},
    ),
    (
        "competition_a_club_is_heading_for",
        "Luton Town are one win from the Premier League after beating Coventry City 2-1 in the Championship "
        "play-off semi-final second leg at Kenilworth Road last night.",
        "2022-05-17",
        ("Luton Town", "Coventry City"),
        {"competition": "Championship", "round": "play-off semi-final"},
    ),
    (
        "replay_round",
        "Exeter City beat Walsall 2-0 in an FA Cup second round replay at St James Park on Tuesday.",
        "2016-12-15",
        ("Exeter City", "Walsall"),
        {"round": "second round replay", "competition": "FA Cup"},
    ),
    (
        "fixture_line_with_kick_off_time",
        "Bristol City v Bristol Rovers, Ashton Gate, Saturday 3pm\n\nNigel Pearce has no new injuries.",
        "2019-11-07",
        ("Bristol City", "Bristol Rovers"),
        {"status": "scheduled", "date": "2019-11-09"},
    ),
    (
        "days_after_a_result",
        "Burnley dismissed Alan Crowe on Tuesday, three days after a 3-0 home defeat by Watford at Turf Moor.",
        "2018-10-17",
        ("Burnley", "Watford"),
        {"date": "2018-10-13", "home_score": 0, "away_score": 3},
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "published", "teams", "want"), FIELD_CASES, ids=[c[0] for c in FIELD_CASES]
)
def test_holdout_match_fields(
    name: str, text: str, published: str, teams: tuple[str, str], want: dict[str, Any]
) -> None:
    match = the_match(run(text, published), *teams)
    for key, value in want.items():
        assert match[key] == value, (name, key, match[key])


def test_two_fixtures_venue_and_play_off_final() -> None:
    out = run(
        "Sunderland reach play-off final\n\nSunderland 1 Sheffield Wednesday 1 (agg 2-1)\n\nSunderland held on "
        "in the second leg last night. Wednesday pressed hard at the Stadium of Light after the break.\n\n"
        "Sunderland will meet Charlton Athletic in the final at Wembley on May 29.",
        "2022-05-10",
    )
    assert the_match(out, "Sunderland", "Sheffield Wednesday")["venue"] == "Stadium of Light"
    assert the_match(out, "Sunderland", "Charlton Athletic")["round"] == "play-off final"


def test_cup_final_stays_final() -> None:
    out = run(
        "Liverpool will face Chelsea in the Carabao Cup final at Wembley on Sunday. Their play-off days are "
        "long gone.",
        "2024-01-25",
    )
    assert the_match(out, "Liverpool", "Chelsea")["round"] == "final"


def test_last_four_attempts_is_not_a_round() -> None:
    out = run(
        "Leeds United beat Hull City 2-0 at Elland Road on Saturday, and Hull have now lost their last four "
        "attempts at the ground.",
        "2017-09-25",
    )
    assert the_match(out, "Leeds United", "Hull City")["round"] is None


def test_that_meeting_is_history_in_a_preview() -> None:
    out = run(
        "Portsmouth v Southampton, Fratton Park, Sunday 1pm\n\nSouthampton won that meeting 4-1 in March, "
        "and Portsmouth have not forgotten it.",
        "2019-09-20",
    )
    match = the_match(out, "Portsmouth", "Southampton")
    assert match["status"] == "scheduled" and match["home_score"] is None


def test_scoreline_closing_a_quotation_is_not_a_result() -> None:
    out = run(
        "Norwich City beat Luton Town 2-1 at Carrow Road on Saturday.\n\nThe away end had been chanting "
        '"we will beat you 3-0" before kick-off.',
        "2021-02-22",
    )
    assert [(m["home_score"], m["away_score"]) for m in out["matches"]] == [(2, 1)]
    assert any(q["text"].startswith("we will beat you") for q in out["quotes"])


def test_cards_and_referee_told_in_prose() -> None:
    out = run(
        "Ajax beat Celtic 2-0 at the Johan Cruyff Arena on Wednesday night.\n\nThe Italian referee Paolo "
        "Cerretti booked Declan Moore, Jens Visser and Celtic's Ryan Tait.",
        "2021-10-21",
    )
    match = the_match(out, "Ajax", "Celtic")
    assert match["referee"] == "Paolo Cerretti"
    assert {c["person"] for c in match["cards"]} == {"Declan Moore", "Jens Visser", "Ryan Tait"}
    assert all(c["colour"] == "yellow" for c in match["cards"])


def test_sending_off_with_two_results() -> None:
    out = run(
        "Fulham beat Brentford 2-1 at Craven Cottage on Saturday. Brentford defender Ivan Kos was sent off "
        "(64) for a late tackle.\n\nElsewhere, Burnley and Watford drew 1-1 at Turf Moor.",
        "2020-02-10",
    )
    cards = the_match(out, "Fulham", "Brentford")["cards"]
    assert [(c["person"], c["team"], c["minute"], c["colour"]) for c in cards] == [
        ("Ivan Kos", "Brentford", 64, "red")
    ]
    assert not the_match(out, "Burnley", "Watford").get("cards")


def test_former_referee_is_not_the_match_official() -> None:
    out = run(
        "Leeds United beat Hull City 2-0 at Elland Road on Saturday. Former referee Dennis Pyle said the "
        "penalty was soft.",
        "2017-09-25",
    )
    assert the_match(out, "Leeds United", "Hull City").get("referee") is None


@pytest.mark.parametrize(
    ("text", "want", "not_want"),
    [
        (
            "Wigan Athletic 2-0 Hull City: Latics climb off bottom with Boxing Day win\n\nWigan Athletic beat "
            "Hull City 2-0 at the DW Stadium.",
            set(),
            {"Boxing Day"},
        ),
        (
            'Substitute Danny "The Cat" Rowe scored twice as Wigan Athletic beat Hull City 2-0 on Saturday.',
            {"Danny Rowe"},
            set(),
        ),
    ],
)
def test_holdout_people(text: str, want: set[str], not_want: set[str]) -> None:
    names = {p["name"] for p in run(text, "2019-12-27")["people"]}
    assert want <= names and not (not_want & names), names
