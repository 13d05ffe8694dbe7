"""Roles from headline-style nicknames and slang titles ("Toffees gaffer", "Jags skipper", "Hammers
chief") and from "his counterpart" in a two-club report. Sentences written for these tests."""

from __future__ import annotations

import pytest

from touchline.models import Article
from touchline.nlp.pipeline import default_extractor

Row = tuple[str, str, str | None]


def roles(text: str, published: str = "2006-11-13") -> set[Row]:
    facts = default_extractor().extract(Article("t", "test", published, text))
    return {(r.person, r.role, r.club) for r in facts.roles}


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # tabloid: a bare nickname before a slang title
        (
            "Southampton crashed 2-0 at Fulham. Saints gaffer Terry Pollard was fuming at the ref.",
            {("Terry Pollard", "manager", "Southampton")},
            set(),
        ),
        (
            "West Ham grabbed a late winner. Hammers chief Dean Harcourt hailed his heroes.",
            {("Dean Harcourt", "manager", "West Ham United")},
            set(),
        ),
        (
            "Everton romped home. Toffees supremo Alan Hale purred about his strikers.",
            {("Alan Hale", "manager", "Everton")},
            set(),
        ),
        # a title after another noun, or a chief of something else, is not a manager
        (
            "Everton chief scout Neville Osgood watched from the stand.",
            set(),
            {("Neville Osgood", "manager", "Everton")},
        ),
        # 1990s: the other manager of a two-club report
        (
            "Norwich City won 2-1 at Filbert Street. Norwich City manager Bernard Hollins was delighted. "
            "His Leicester City counterpart Reg Toomey was not.",
            {("Reg Toomey", "manager", "Leicester City"), ("Bernard Hollins", "manager", "Norwich City")},
            set(),
        ),
        # Scottish: a captain's counterpart captains the other side
        (
            "Rangers beat Hibernian 2-1 at Hampden. Rangers captain Colin Baird lifted the cup. "
            "His Hibernian counterpart Stuart Ness was in tears.",
            {("Stuart Ness", "captain", "Hibernian")},
            {("Stuart Ness", "manager", "Hibernian")},
        ),
        (
            "Partick Thistle drew 0-0 with Ayr United. Jags skipper Ross Dunlop was booked for dissent.",
            {("Ross Dunlop", "captain", "Partick Thistle")},
            set(),
        ),
        # agency
        (
            "Luton Town beat Stockport County 1-0. Hatters boss Gary Pennock said the result was deserved.",
            {("Gary Pennock", "manager", "Luton Town")},
            set(),
        ),
    ],
)
def test_roles_from_nicknames_and_counterparts(text: str, wanted: set[Row], unwanted: set[Row]) -> None:
    found = roles(text)
    assert wanted <= found
    assert not (unwanted & found)
