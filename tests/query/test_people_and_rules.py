"""Merge rules: people by surname + club + time, conflicts that say which rule chose, partial dates."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from kb_corpus import article, ev
from test_merge_and_tenures import report

from touchline.models import ArticleFacts, Person, Role
from touchline.query.kb import KnowledgeBase


def people_article(body: str, published: str, source: str, *people: tuple[str, str | None]) -> ArticleFacts:
    found = [Person(name, team, ev(body, name)) for name, team in people]
    return ArticleFacts(article(body, published, source), people=found)


SMITHS = [
    people_article(
        "Adam Smith signed a new deal at Everton on Monday.",
        "2024-09-02",
        "p1.txt",
        ("Adam Smith", "Everton"),
    ),
    people_article(
        "Fulham winger John Smith is fit again after a knee injury.",
        "2024-09-05",
        "p2.txt",
        ("John Smith", "Fulham"),
    ),
    people_article(
        "Smith was outstanding for Everton at the back.", "2024-09-20", "p3.txt", ("Smith", "Everton")
    ),
    people_article("Smith crossed for the Fulham winner.", "2024-09-21", "p4.txt", ("Smith", "Fulham")),
    people_article("Smith was booked late on.", "2024-09-22", "p5.txt", ("Smith", None)),
]


@pytest.fixture
def smiths(make_kb: Callable[..., KnowledgeBase]) -> KnowledgeBase:
    return make_kb(SMITHS)


def test_two_smiths_at_different_clubs_stay_apart(smiths: KnowledgeBase) -> None:
    by_name = {p.name: p for p in smiths.people}
    assert by_name["Adam Smith"].clubs == ["Everton"] and by_name["John Smith"].clubs == ["Fulham"]
    assert len(by_name["Adam Smith"].article_ids) == 2 and len(by_name["John Smith"].article_ids) == 2


def test_bare_surname_joins_the_full_name_at_its_club(smiths: KnowledgeBase) -> None:
    by_name = {p.name: p for p in smiths.people}
    assert "Smith" in by_name["Adam Smith"].aliases and "Smith" in by_name["John Smith"].aliases


def test_bare_surname_without_club_stays_apart_when_two_people_share_it(smiths: KnowledgeBase) -> None:
    by_name = {p.name: p for p in smiths.people}
    assert "Smith" in by_name and by_name["Smith"].article_ids == [SMITHS[4].article.id]


def test_same_surname_at_same_club_decades_apart_is_not_merged(make_kb: Callable[..., KnowledgeBase]) -> None:
    kb = make_kb(
        [
            people_article(
                "Adam Smith signed a new deal at Everton on Monday.",
                "2024-09-02",
                "q1.txt",
                ("Adam Smith", "Everton"),
            ),
            people_article("Smith headed Everton's winner.", "1995-05-20", "q2.txt", ("Smith", "Everton")),
        ]
    )
    assert sorted(p.name for p in kb.people) == ["Adam Smith", "Smith"]


def test_dated_report_beats_a_vague_one_and_says_so(make_kb: Callable[..., KnowledgeBase]) -> None:
    dated = report(
        "Leeds beat Hull 2-1 at Elland Road on Saturday.",
        "2024-10-05",
        "Leeds United",
        "Hull City",
        2,
        1,
        "played",
        "2024-10-05",
    )
    vague = report(
        "Leeds saw off Hull 2-0 recently, a columnist recalled.",
        "2024-10-09",
        "Leeds United",
        "Hull City",
        2,
        0,
        "played",
        None,
    )
    kb = make_kb([dated, vague])
    [m] = kb.matches
    [c] = [c for c in m.conflicts if c.field == "score"]
    assert m.score == "2-1" and c.chosen == (2, 1) and c.rule == "dated fact preferred over vague one"
    assert m.score_rule == c.rule
    assert {(v.value, v.sources[0].source) for v in c.values} == {
        ((2, 1), dated.article.source),
        ((2, 0), vague.article.source),
    }


def test_month_of_a_sacking_does_not_open_a_second_spell(make_kb: Callable[..., KnowledgeBase]) -> None:
    """Also: a later article misdating the sacking (after the day it was first reported) does not move it."""
    b1 = "Palace manager Graham Tilley was upbeat. Crystal Palace have sacked manager Graham Tilley."
    b2 = "Luis Arteaga replaces Graham Tilley, who was dismissed last month."
    b3 = "Owen Marsh took the reins after Graham Tilley's dismissal and spoke on Friday."
    kb = make_kb(
        [
            ArticleFacts(
                article(b3, "2023-10-27", "t3.txt"),
                roles=[
                    Role(
                        "Graham Tilley",
                        "manager",
                        "Crystal Palace",
                        "sacked",
                        "2023-10-27",
                        None,
                        "2023-10-27",
                        ev(b3, "Graham Tilley's dismissal"),
                    )
                ],
            ),
            ArticleFacts(
                article(b1, "2023-10-23", "t1.txt"),
                roles=[
                    Role(
                        "Graham Tilley",
                        "manager",
                        "Crystal Palace",
                        "holds",
                        "2023-10-23",
                        "2022-05",
                        None,
                        ev(b1, "Palace manager Graham Tilley"),
                    ),
                    Role(
                        "Graham Tilley",
                        "manager",
                        "Crystal Palace",
                        "sacked",
                        "2023-10-23",
                        None,
                        None,
                        ev(b1, "have sacked manager Graham Tilley"),
                    ),
                ],
            ),
            ArticleFacts(
                article(b2, "2023-11-08", "t2.txt"),
                roles=[
                    Role(
                        "Graham Tilley",
                        "manager",
                        "Crystal Palace",
                        "sacked",
                        "2023-11-08",
                        None,
                        "2023-10",
                        ev(b2, "who was dismissed last month"),
                    )
                ],
            ),
        ]
    )
    [t] = [t for t in kb.tenures if t.person == "Graham Tilley"]
    assert (t.start, t.end, t.end_exact) == ("2022-05", "2023-10-23", False)
    assert len(t.evidence) == 4
    answer = kb.ask("when did Graham Tilley leave Palace?")
    assert answer.known and "on or before 2023-10-23" in answer.text


def test_post_match_report_beats_one_written_before_kick_off(make_kb: Callable[..., KnowledgeBase]) -> None:
    early = report(
        "Leeds beat Hull 1-0 with a Joel Piroe goal, the early edition claimed before kick-off.",
        "2024-10-04",
        "Leeds United",
        "Hull City",
        1,
        0,
        "played",
        "2024-10-05",
        "Joel Piroe",
        30,
    )
    late = report(
        "Leeds beat Hull 2-1 at Elland Road. Willy Gnonto scored first.",
        "2024-10-05",
        "Leeds United",
        "Hull City",
        2,
        1,
        "played",
        "2024-10-05",
        "Willy Gnonto",
        30,
    )
    kb = make_kb([early, late])
    [m] = kb.matches
    assert m.score == "2-1" and m.score_rule == "post-match report preferred over preview"
    [c] = [c for c in m.conflicts if c.field == "scorer at 30'"]
    assert c.chosen == "Willy Gnonto" and c.rule == "post-match report preferred over preview"
    assert [v.value for v in c.values] == ["Willy Gnonto", "Joel Piroe"]
    assert [v.sources[0].source for v in c.values] == [late.article.source, early.article.source]


def test_two_managers_on_one_day_give_one_answer_and_the_other_as_also_reported(
    make_kb: Callable[..., KnowledgeBase],
) -> None:
    bodies = [
        ("Everton manager Sean Dyche was pleased.", "2024-03-01", "Sean Dyche"),
        ("Sean Dyche, the Everton manager, named his side.", "2024-03-02", "Sean Dyche"),
        ("Everton manager Leighton Baines praised the crowd.", "2024-03-02", "Leighton Baines"),
    ]
    items = [
        ArticleFacts(
            article(b, day, f"x{i}.txt"),
            roles=[Role(who, "manager", "Everton", "holds", day, None, None, ev(b, who))],
        )
        for i, (b, day, who) in enumerate(bodies)
    ]
    kb = make_kb(items)
    answer = kb.ask("who managed Everton on 2024-03-02?")
    main, also = answer.text.split(". Also reported: ")
    assert main.startswith("Everton on 2024-03-02: Sean Dyche (manager)") and "Baines" not in main
    assert also.startswith("Leighton Baines (manager; ") and "fewer reports (1 against 2)" in also
    assert [t.person for t in answer.data] == ["Sean Dyche", "Leighton Baines"]
    one = kb.ask("who managed Everton on 2024-03-01?")
    assert one.text == "Everton on 2024-03-01: Sean Dyche (manager)"


def test_scorer_named_only_in_the_first_sentence_is_given_not_i_dont_know(
    make_kb: Callable[..., KnowledgeBase],
) -> None:
    from touchline.models import Match

    body = (
        "Cisse wins it late\n"
        "Papiss Cisse dragged Newcastle clear with a dramatic injury-time winner to see off Stoke 2-1. "
        "Manager Alan Pardew was delighted."
    )
    match = Match("Newcastle United", "Stoke City", 2, 1, "played", evidence=ev(body, "see off Stoke 2-1"))
    people = [
        Person("Papiss Cisse", None, ev(body, "Papiss Cisse")),
        Person("Alan Pardew", "Newcastle United", ev(body, "Alan Pardew")),
    ]
    roles = [
        Role("Alan Pardew", "manager", "Newcastle United", "holds", None, None, None, ev(body, "Manager"))
    ]
    kb = make_kb([ArticleFacts(article(body, "", "r.txt"), matches=[match], people=people, roles=roles)])
    answer = kb.ask("who scored for Newcastle against Stoke?")
    assert answer.known and "Papiss Cisse" in answer.text and "Pardew" not in answer.text, answer.text
    assert "I don't know" not in answer.text
    [cite] = answer.evidence
    assert cite.text.startswith("Papiss Cisse dragged") and cite.text.endswith("2-1.")
