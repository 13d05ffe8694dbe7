"""Roles after the second hold-out batch: a parting "by mutual consent" is a departure, not a sacking;
the club of a job comes from the sentence's subject ("X have parted company with manager Y"), not from
a former club named later; "spent four years as Z manager" is a past job. Sentences written for these
tests in several styles (club statement, 1990s agency copy, tabloid, Scottish report)."""

from __future__ import annotations

import pytest

from touchline.models import Article
from touchline.nlp.pipeline import default_extractor

Row = tuple[str, str, str | None, str]


def roles(text: str, published: str = "2024-10-02") -> set[Row]:
    facts = default_extractor().extract(Article("t", "test", published, text))
    return {(r.person, r.role, r.club, r.event) for r in facts.roles}


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # club statement: agreed exit, then a stand-in who takes the club of the story
        (
            "Bristol Rovers have parted company with head coach Ian Tolland by mutual consent. Assistant "
            "coach Wes Carney will take charge of the side for Saturday's visit to Wigan Athletic.",
            {
                ("Ian Tolland", "manager", "Bristol Rovers", "left"),
                ("Wes Carney", "interim_manager", "Bristol Rovers", "appointed"),
            },
            {("Ian Tolland", "manager", "Bristol Rovers", "sacked")},
        ),
        # Scottish report: the agreement is told after a relative clause naming a former club
        (
            "Kilmarnock have parted company with manager Derek Robbins, who had arrived from Ayr United "
            "in 2019, by mutual consent.",
            {("Derek Robbins", "manager", "Kilmarnock", "left")},
            {
                ("Derek Robbins", "manager", "Kilmarnock", "sacked"),
                ("Derek Robbins", "manager", "Ayr United", "left"),
            },
        ),
        # without an agreement a parting stays a sacking
        (
            "Kilmarnock have parted company with manager Derek Robbins after a run of six defeats.",
            {("Derek Robbins", "manager", "Kilmarnock", "sacked")},
            set(),
        ),
        # 1990s agency copy: an adverb between the club and its verb
        (
            "Portsmouth yesterday sacked manager Alan Hebden, just eight months after luring him from Brentford.",
            {("Alan Hebden", "manager", "Portsmouth", "sacked")},
            {("Alan Hebden", "manager", "Brentford", "sacked")},
        ),
        # a former job told with "spent ... as" does not become the club of the new one or of the staff
        (
            "Oldham Athletic have appointed Neil Harkin as manager. Harkin, who spent four years as Morecambe "
            'manager before moving to Lancashire, said he was "proud to be given the chance". Under-23 coach '
            "Tom Rudd will assist him.",
            {
                ("Neil Harkin", "manager", "Oldham Athletic", "appointed"),
                ("Neil Harkin", "manager", "Morecambe", "left"),
                ("Tom Rudd", "youth_coach", "Oldham Athletic", "holds"),
            },
            {
                ("Neil Harkin", "manager", "Morecambe", "appointed"),
                ("Tom Rudd", "youth_coach", "Morecambe", "holds"),
            },
        ),
        # the same wording in the present perfect is a job still held
        (
            "Celtic captain Callum Reid has spent six seasons as club captain and wants another.",
            {("Callum Reid", "captain", "Celtic", "holds")},
            {("Callum Reid", "captain", "Celtic", "left")},
        ),
        # tabloid: the subject club of an appointment, with the old club named as a possessive later
        (
            "Hartlepool United have appointed manager Kev Nolan on a two-year deal, and his old side Bury "
            "wished him well.",
            {("Kev Nolan", "manager", "Hartlepool United", "appointed")},
            {("Kev Nolan", "manager", "Bury", "appointed")},
        ),
        # "the club … their captain": the story's club, not one named in the sentence before
        (
            "Everton have signed Owen Pike from Stoke City. Pike told Celtic TV he had never wanted to leave "
            "Scotland. Director of football Jurgen Vos said the club had rejected two bids for their captain, "
            "Séamus Coyle.",
            {("Séamus Coyle", "captain", "Everton", "holds")},
            {("Séamus Coyle", "captain", "Celtic", "holds")},
        ),
        # a long stay ended by a move: left the club of the story, joined the new one
        (
            "Everton confirmed several departures on Friday. Midfielder Liam Connolly ended a 12-year "
            "association with the club by joining Celtic.",
            {("Liam Connolly", "player", "Everton", "left"), ("Liam Connolly", "player", "Celtic", "joined")},
            set(),
        ),
        (
            "Winger Gary Lennon ended his long spell at Hearts by signing for Hibernian.",
            {
                ("Gary Lennon", "player", "Heart of Midlothian", "left"),
                ("Gary Lennon", "player", "Hibernian", "joined"),
            },
            set(),
        ),
    ],
)
def test_roles_follow_the_subject_club(text: str, wanted: set[Row], unwanted: set[Row]) -> None:
    found = roles(text)
    assert wanted <= found, found
    assert not (unwanted & found), found


def test_mutual_consent_role_keeps_its_start_date() -> None:
    text = (
        "Exeter City have parted company with manager Paul Tisdale by mutual consent. Tisdale, 52, was "
        "appointed in June 2006 and had been the longest-serving manager in the league."
    )
    facts = default_extractor().extract(Article("t", "test", "2018-06-01", text))
    job = next(r for r in facts.roles if r.person == "Paul Tisdale" and r.club == "Exeter City")
    assert (job.event, job.start) == ("left", "2006-06")
