"""Merging matches across articles, and role tenures with as-of queries across dated articles."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from kb_corpus import article, ev

from touchline.models import ArticleFacts, Goal, Match
from touchline.query.kb import KnowledgeBase


def test_preview_and_two_reports_are_one_match(kb: KnowledgeBase) -> None:
    [m] = kb.find_matches("Southampton", "Liverpool")
    assert (m.home, m.away, m.home_score, m.away_score, m.status) == (
        "Southampton",
        "Liverpool",
        1,
        2,
        "played",
    )
    assert m.date == "2024-12-18" and m.competition == "EFL Cup"
    assert [s.source for s in m.sources] == ["a3.txt", "a4.txt", "a5.txt"]  # preview, report, next-day report
    assert not m.conflicts  # the reversed "Liverpool beat Southampton 2-1" report agrees once re-oriented
    elliott = next(g for g in m.goals if g.scorer == "Harvey Elliott")
    assert elliott.minute == 42 and len(elliott.sources) == 2


def report(
    body: str,
    published: str,
    home: str,
    away: str,
    hs: int | None,
    as_: int | None,
    status: str,
    date: str | None,
    scorer: str | None = None,
    minute: int | None = None,
) -> ArticleFacts:
    goals = [Goal(scorer, home, minute, evidence=ev(body, scorer))] if scorer else []
    m = Match(
        home,
        away,
        hs,
        as_,
        status,
        None,
        date,
        "Premier League",
        goals=goals,
        evidence=ev(body, body.split(".")[0]),
    )
    return ArticleFacts(article(body, published, f"{published}-{home}.txt"), matches=[m])


def test_conflicting_scores_are_kept_and_post_match_report_wins(
    make_kb: Callable[..., KnowledgeBase],
) -> None:
    preview = report(
        "Everton expect to beat Brentford 2-0 on Saturday, their manager predicted.",
        "2025-03-20",
        "Everton",
        "Brentford",
        2,
        0,
        "scheduled",
        "2025-03-22",
    )
    post = report(
        "Everton drew 1-1 with Brentford at Goodison Park. Beto scored.",
        "2025-03-22",
        "Everton",
        "Brentford",
        1,
        1,
        "played",
        "2025-03-22",
        "Beto",
        30,
    )
    other = report(
        "Everton and Brentford shared the points after a 1-1 draw. Iliman Ndiaye scored.",
        "2025-03-23",
        "Everton",
        "Brentford",
        1,
        1,
        "played",
        "2025-03-22",
        "Iliman Ndiaye",
        30,
    )
    kb = make_kb([preview, post, other])
    [m] = kb.matches
    assert m.score == "1-1" and m.status == "played" and len(m.sources) == 3
    score = next(c for c in m.conflicts if c.field == "score")
    assert score.chosen == (1, 1) and score.rule == "played report preferred over preview"
    assert {v.value: len(v.sources) for v in score.values} == {(1, 1): 2, (2, 0): 1}
    scorer = next(c for c in m.conflicts if c.field.startswith("scorer at 30"))
    assert {v.value for v in scorer.values} == {"Beto", "Iliman Ndiaye"}
    kb.close()


def test_same_clubs_weeks_apart_are_two_matches(make_kb: Callable[..., KnowledgeBase]) -> None:
    a = report(
        "Arsenal beat Chelsea 1-0 in the league.",
        "2024-11-10",
        "Arsenal",
        "Chelsea",
        1,
        0,
        "played",
        "2024-11-10",
    )
    b = report(
        "Chelsea beat Arsenal 2-1 in the return fixture.",
        "2025-03-16",
        "Chelsea",
        "Arsenal",
        2,
        1,
        "played",
        "2025-03-16",
    )
    kb = make_kb([a, b])
    assert sorted(m.label() for m in kb.matches) == [
        "Arsenal 1-0 Chelsea (2024-11-10)",
        "Chelsea 2-1 Arsenal (2025-03-16)",
    ]
    kb.close()


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2024-11-30", [("Russell Martin", "manager")]),  # before the interim spell
        ("2024-12-16", [("Simon Rusk", "interim_manager")]),  # first day of the interim spell
        ("2024-12-18", [("Simon Rusk", "interim_manager")]),  # during
        ("2024-12-21", [("Ivan Jurić", "manager")]),  # the new manager's first day ends the interim spell
        ("2025-02-01", [("Ivan Jurić", "manager")]),  # after
        ("2025-04-20", [("Simon Rusk", "interim_manager")]),  # second interim spell
    ],
)
def test_as_of_across_an_interim_spell(kb: KnowledgeBase, date: str, expected: list[tuple[str, str]]) -> None:
    found = kb.in_post("Southampton", date)
    assert [(f.tenure.person, f.tenure.role) for f in found] == expected


def test_tenures_are_intervals(kb: KnowledgeBase) -> None:
    spells = [(t.person, t.start, t.end) for t in kb.tenures if t.club == "Southampton"]
    assert ("Simon Rusk", "2024-12-16", "2024-12-21") in spells
    assert ("Simon Rusk", "2025-04-07", None) in spells
    assert ("Ivan Jurić", "2024-12-21", "2025-04-07") in spells
    martin = next(t for t in kb.tenures if t.person == "Russell Martin")
    assert (martin.start, martin.start_exact, martin.end, martin.end_exact) == (
        None,
        False,
        "2024-12-15",
        True,
    )


def test_nothing_known_before_any_report(kb: KnowledgeBase) -> None:
    assert kb.in_post("Southampton", "2024-11-21")[0].certain is False  # possible, not certain
    assert kb.in_post("Fulham", "2024-12-18") == []
