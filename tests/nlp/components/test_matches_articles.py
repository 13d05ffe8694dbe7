"""Whole short articles: previews, round-ups, match facts, dates and not-results in context."""

from __future__ import annotations

import pytest
from test_matches_ctx import run_matches


def test_preview_tonight_is_scheduled_on_publication_day() -> None:
    text = (
        "Southampton's interim coach spoke about the Carabao Cup quarter-final tonight.\n\n"
        "The Saints take on Liverpool at St Mary's as they chase a semi-final place."
    )
    (match,) = run_matches(text, "2024-12-18")
    assert (match.status, match.date, match.competition, match.round) == (
        "scheduled",
        "2024-12-18",
        "EFL Cup",
        "quarter-final",
    )
    assert (match.home, match.away, match.home_score) == ("Southampton", "Liverpool", None)


@pytest.mark.parametrize(
    ("text", "published", "home", "date"),
    [
        (
            "Liverpool host Chelsea on Saturday in the Premier League.",
            "2025-03-06",
            "Liverpool",
            "2025-03-08",
        ),
        (
            "Fulham travel to Everton on Sunday looking for a first away win.",
            "2025-03-06",
            "Everton",
            "2025-03-09",
        ),
        ("Arsenal will face Newcastle tomorrow night.", "2025-03-06", None, "2025-03-07"),
        (
            "Leeds manager Daniel Farke was upbeat ahead of Tuesday's home game against Brentford.",
            "2025-03-06",
            "Leeds United",
            "2025-03-11",
        ),
        ("Celtic prepare for the visit of Rangers on Sunday.", "2025-03-06", "Celtic", "2025-03-09"),
    ],
)
def test_previews(text: str, published: str, home: str | None, date: str) -> None:
    (match,) = run_matches(text, published)
    assert match.status == "scheduled" and match.date == date
    if home is None:
        assert "order_as_given" in match.flags
    else:
        assert match.home == home and match.flags == []


def test_report_on_saturday_published_monday() -> None:
    text = "Leeds beat Everton 2-0 at Elland Road on Saturday.\n\nIt was their third straight win."
    (match,) = run_matches(text, "2025-03-03")
    assert match.date == "2025-03-01"


def test_report_yesterday() -> None:
    (match,) = run_matches("Chelsea drew 1-1 with Fulham at Stamford Bridge yesterday.", "2025-03-03")
    assert match.date == "2025-03-02"


def test_month_precision_when_only_the_month_is_known() -> None:
    text = "Chelsea beat Leeds 3-1 in December, and face Arsenal next.\n\nLeeds host Fulham on Saturday."
    matches = run_matches(text, "2025-04-26")
    played = [m for m in matches if m.status == "played"]
    assert [m.date for m in played] == ["2024-12"]


def test_round_up_with_scorer_lists() -> None:
    text = (
        "MIDWEEK ROUND-UP\n\n"
        "Aston Villa beat Everton 2-0 at Villa Park last night (Watkins 12, Bailey 40).\n\n"
        "Elsewhere: Fulham (1) Brentford (1) – Iwobi 30; Wissa 75."
    )
    matches = run_matches(text, "2025-03-06")
    villa = next(m for m in matches if m.home == "Aston Villa")
    assert (villa.away, villa.home_score, villa.away_score, villa.date) == ("Everton", 2, 0, "2025-03-05")
    assert [(g.scorer, g.minute, g.team) for g in villa.goals] == [
        ("Watkins", 12, "Aston Villa"),
        ("Bailey", 40, "Aston Villa"),
    ]
    fulham = next(m for m in matches if m.home == "Fulham")
    assert (fulham.away, fulham.home_score, fulham.away_score) == ("Brentford", 1, 1)


def test_match_facts_scorer_line() -> None:
    text = (
        "Arsenal beat Chelsea 2-1 at the Emirates on Saturday.\n\n"
        "Bukayo Saka curled home the opener and Declan Rice headed in the second.\n\n"
        "Scorers: Arsenal: Saka 17, Rice 58; Chelsea: Palmer 80 pen"
    )
    # the "Scorers:" block is the teamsheet component's (goals.py leaves block spans to it): run both
    from touchline.ingest.readers import make_article
    from touchline.nlp.pipeline import default_extractor

    facts = default_extractor().extract(make_article(f"date 2025-03-03\n{text}\n", "t.txt"))
    (match,) = facts.matches
    got = {g.scorer: (g.team, g.minute, g.kind) for g in match.goals}
    assert got["Bukayo Saka"] == ("Arsenal", 17, None)
    assert got["Declan Rice"] == ("Arsenal", 58, "header")
    assert got["Palmer"] == ("Chelsea", 80, "penalty")
    assert not match.warnings


def test_capitals_and_curly_apostrophes_still_name_clubs() -> None:
    text = "LIVERPOOL 3 EVERTON 0\n\nThe Reds were rampant at Anfield."
    (match,) = run_matches(text, "2025-03-03")
    assert (match.home, match.away, match.home_score, match.away_score) == ("Liverpool", "Everton", 3, 0)


def test_shootout_after_a_draw() -> None:
    text = (
        "Rangers beat Celtic on penalties in the Scottish Cup final at Hampden.\n\n"
        "The match finished 1-1 after extra time, and Rangers won the shoot-out 5-4."
    )
    (match,) = run_matches(text, "2025-05-25")
    assert (match.home_score, match.away_score, match.result) == (1, 1, "draw")
    assert match.penalties is not None and sorted(match.penalties) == [4, 5]
    assert (match.competition, match.round, match.venue) == ("Scottish Cup", "final", "Hampden Park")


def test_interview_with_only_historical_and_quoted_scores_has_no_match() -> None:
    text = (
        "Leeds striker Joel Piroe remembers the 4-0 win over Chelsea in 2023 fondly.\n\n"
        '"If we are 1-0 up at half-time against Arsenal, we can win," he said.\n\n'
        "Leeds have 71 points from 38 games and sit top, two points clear of Everton."
    )
    assert run_matches(text, "2025-03-03") == []


def test_pronoun_and_through_goals() -> None:
    text = (
        "Liverpool 2 Southampton 1\n\n"
        "Southampton led through Adam Armstrong after 20 minutes.\n\n"
        "Mohamed Salah's first, in the 70th minute, was a header. His second, in the 85th minute, was a tap-in."
    )
    (match,) = run_matches(text, "2025-03-03")
    got = sorted((g.scorer, g.minute, g.team) for g in match.goals)
    assert got == [
        ("Adam Armstrong", 20, "Southampton"),
        ("Mohamed Salah", 70, "Liverpool"),
        ("Mohamed Salah", 85, "Liverpool"),
    ]


def test_fixture_named_by_its_clubs_with_a_bare_score() -> None:
    text = "Police made 14 arrests after Saturday's derby between Cardiff City and Swansea City, which ended 2-2."
    (match,) = run_matches(text, "2025-03-03")
    assert (match.home, match.away, match.home_score, match.away_score) == (
        "Cardiff City",
        "Swansea City",
        2,
        2,
    )
    assert match.date == "2025-03-01"


def test_they_refers_to_the_club_of_the_sentence_before() -> None:
    text = (
        "Fulham's stay in the top flight ended on the final day.\n\n"
        "They finished bottom, a point behind Everton, after a 0-0 draw at Anfield."
    )
    (match,) = run_matches(text, "2025-05-26")
    assert (match.home, match.away, match.home_score, match.away_score) == ("Liverpool", "Fulham", 0, 0)


def test_a_managers_surname_is_not_a_club() -> None:
    text = "Nigel Crewe resigned as Everton manager on Sunday, the day after a 4-0 defeat at Chelsea."
    (match,) = run_matches(text, "2025-03-03")
    assert (match.home, match.away, match.home_score, match.away_score) == ("Chelsea", "Everton", 4, 0)


def test_preview_trip_to_a_stadium() -> None:
    text = "Manchester City's manager says Sunday's trip to Anfield will not decide the title."
    (match,) = run_matches(text, "2025-03-06")
    assert (match.home, match.away, match.status, match.date) == (
        "Liverpool",
        "Manchester City",
        "scheduled",
        "2025-03-09",
    )


@pytest.mark.parametrize(
    ("goal_text", "expected"),
    [
        ("Erling Haaland scored in each half.", [("Erling Haaland", None), ("Erling Haaland", None)]),
        (
            "Erling Haaland struck in the 12th and 64th minutes.",
            [("Erling Haaland", 12), ("Erling Haaland", 64)],
        ),
        (
            "Erling Haaland's double settled it, on 30 and 70 minutes.",
            [("Erling Haaland", 30), ("Erling Haaland", 70)],
        ),
    ],
)
def test_two_goals_for_one_scorer(goal_text: str, expected: list[tuple[str, int | None]]) -> None:
    text = f"Manchester City beat Brentford 2-0 at the Etihad on Saturday.\n\n{goal_text}"
    (match,) = run_matches(text, "2025-03-03")
    assert sorted((g.scorer, g.minute) for g in match.goals) == sorted(
        expected, key=lambda x: (x[0], x[1] or 0)
    )
    assert all(g.team == "Manchester City" for g in match.goals)


def test_a_saved_penalty_is_not_a_goal() -> None:
    text = (
        "Arsenal beat Chelsea 1-0 at the Emirates on Saturday.\n\n"
        "Bukayo Saka scored after 20 minutes. David Raya then saved a late penalty from Cole Palmer."
    )
    (match,) = run_matches(text, "2025-03-03")
    assert [g.scorer for g in match.goals] == ["Bukayo Saka"]


def test_scorer_lists_after_each_club() -> None:
    (match,) = run_matches("Arsenal 2 (Saka 12, Havertz 70) Chelsea 1 (Palmer 45+2)", "2025-03-03")
    got = [(g.scorer, g.minute, g.added, g.team, g.period) for g in match.goals]
    assert got == [
        ("Saka", 12, None, "Arsenal", "first_half"),
        ("Havertz", 70, None, "Arsenal", "second_half"),
        ("Palmer", 45, 2, "Chelsea", "first_half"),
    ]


def test_dates_follow_their_own_clause() -> None:
    matches = run_matches(
        "Everton, who beat Leeds 1-0 last week, drew 0-0 with Chelsea on Saturday.", "2025-03-03"
    )
    dates = {m.away: m.date for m in matches}
    assert dates == {"Leeds United": None, "Chelsea": "2025-03-01"}
