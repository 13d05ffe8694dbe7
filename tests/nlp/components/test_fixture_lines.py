"""Fixture lists: "A v B" alone on its line (a cup draw), or after a day and a 24-hour kick-off time, is a
scheduled match; a headline "A v B" is not taken as a fixture on that ground alone."""

from __future__ import annotations

from test_matches_ctx import run_matches


def test_draw_lines_are_scheduled_fixtures() -> None:
    text = (
        "Cup draw pairs Arsenal with Wigan\n\n"
        "Arsenal were handed a home tie in the third round of the FA Cup.\n\n"
        "Arsenal v Wigan\n\nEverton v Fulham\n\nCeltic v Rangers\n"
    )
    pairs = {(m.home, m.away, m.status) for m in run_matches(text, published=None)}
    assert ("Everton", "Fulham", "scheduled") in pairs
    assert ("Celtic", "Rangers", "scheduled") in pairs


def test_day_and_24_hour_time_make_a_listing() -> None:
    text = "Radio commentaries this weekend: Sat 1500 Everton v Fulham, Sun 1630 Celtic v Rangers."
    pairs = {(m.home, m.away, m.status) for m in run_matches(text, published=None)}
    assert ("Everton", "Fulham", "scheduled") in pairs
    assert ("Celtic", "Rangers", "scheduled") in pairs


def test_headline_pair_alone_is_not_a_fixture() -> None:
    text = "Everton v Fulham\n\nThe two clubs have a long history of close games at Goodison Park."
    assert not run_matches(text, published=None)
