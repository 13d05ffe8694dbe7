"""Person mentions: spaCy labels checked against the gazetteer and context."""

from __future__ import annotations

import pytest
from rules_support import extract, make_gazetteer

from touchline.config import settings
from touchline.linking.gazetteer import Gazetteer
from touchline.models import Article
from touchline.nlp.components import entities
from touchline.nlp.context import ArticleContext
from touchline.nlp.pipeline import load_spacy


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return make_gazetteer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Emile Smith Rowe levelled for Fulham after 72 minutes, and substitute Smith Rowe later hit the bar.",
         {"Emile Smith Rowe"}),
        ("Sir Alex Ferguson watched from the stand as Ferguson's old side struggled.", {"Alex Ferguson"}),
        ("Liverpool's Darwin Núñez scored twice. Núñez now has 11 goals.", {"Darwin Núñez"}),
        ("Arsenal have appointed Mikel Arteta as their new head coach.", {"Mikel Arteta"}),
        ("Advertisement\n\nKyogo Furuhashi netted the winner at Parkhead.", {"Kyogo Furuhashi"}),
        ("Saints took the lead at St Mary's through Cameron Archer.", {"Cameron Archer"}),
        ("Villa striker Ollie Watkins was rested. Watkins will return on Saturday.", {"Ollie Watkins"}),
        ("Harvey said nothing. Harvey Elliott, however, was delighted.", {"Harvey Elliott"}),
        ("Virgil van Dijk headed in. Van Dijk then cleared off the line.", {"Virgil van Dijk"}),
    ],
)  # fmt: skip
def test_people_named(gaz: Gazetteer, text: str, expected: set[str]) -> None:
    assert {p.name for p in extract(gaz, text).people} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Advertisement Advertisement. Download now on the App Store.",
        "Southampton and Fulham drew at St Mary's.",
        "He said they were unlucky, and she agreed with him.",
        "Aston Villa beat Nottingham Forest in the FA Cup.",
    ],
)
def test_no_false_people(gaz: Gazetteer, text: str) -> None:
    assert extract(gaz, text).people == []


def test_mentions_point_into_the_body(gaz: Gazetteer) -> None:
    text = "Jack Stephens’ header put Saints ahead. Stephens then limped off, and Stephens' replacement struggled."
    facts = extract(gaz, text)
    (person,) = facts.people
    assert person.name == "Jack Stephens"
    assert [m.text for m in person.mentions] == ["Jack Stephens", "Stephens", "Stephens"]
    assert all(text[m.start : m.end] == m.text for m in person.mentions)


def test_club_alias_inside_a_name_is_not_a_club(gaz: Gazetteer) -> None:
    text = "David Villa scored a hat-trick in the friendly."
    ctx = ArticleContext(Article("t", "test", None, text), gaz, load_spacy(settings().spacy_model))
    entities.run(ctx)
    assert [m.canonical for m in ctx.person_mentions] == ["David Villa"]
    assert not [g for g in ctx.gaz if g.kind == "club"]


@pytest.mark.parametrize(
    ("text", "description", "expected"),
    [
        ("Southampton interim head coach Simon Rusk spoke on Tuesday.", "the Saints boss", "Simon Rusk"),
        ("Southampton interim head coach Simon Rusk spoke on Tuesday.", "the Under-21s coach", "Simon Rusk"),
        ("Celtic manager Brendan Rodgers and Rangers boss Philippe Clement spoke.", "the Gers boss", "Philippe Clement"),
        ("Celtic manager Brendan Rodgers and Rangers boss Philippe Clement spoke.", "the Hoops manager", "Brendan Rodgers"),
        ("Celtic manager Brendan Rodgers spoke.", "the Aberdeen boss", None),
        ("Celtic manager Brendan Rodgers spoke.", "the referee", None),
    ],
)  # fmt: skip
def test_resolve_description(gaz: Gazetteer, text: str, description: str, expected: str | None) -> None:
    ctx = ArticleContext(Article("t", "test", None, text), gaz, load_spacy(settings().spacy_model))
    entities.run(ctx)
    assert entities.resolve_description(ctx, description) == expected
