"""The final people list: one entry per person, with the team the text states or implies."""

from __future__ import annotations

import pytest
from rules_support import extract, make_gazetteer

from touchline.config import settings
from touchline.linking.gazetteer import Gazetteer
from touchline.models import Article, ArticleFacts, Goal, Match
from touchline.nlp.components import claims, entities, people, roles
from touchline.nlp.context import ArticleContext
from touchline.nlp.pipeline import load_spacy


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return make_gazetteer()


def _teams(facts: ArticleFacts) -> dict[str, str | None]:
    return {p.name: p.team for p in facts.people}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Liverpool's Darwin Núñez was lively throughout.", {"Darwin Núñez": "Liverpool"}),
        ("Fulham manager Marco Silva was pleased.", {"Marco Silva": "Fulham"}),
        ("Kyogo Furuhashi (Celtic) and Lawrence Shankland (Hearts) were nominated.",
         {"Kyogo Furuhashi": "Celtic", "Lawrence Shankland": "Heart of Midlothian"}),
        ("Emile Smith Rowe levelled for Fulham, then Southampton pushed on.", {"Emile Smith Rowe": "Fulham"}),
        ("Simon Rusk acknowledged his Southampton players were gutted after losing to Fulham.",
         {"Simon Rusk": "Southampton"}),
        ("Fulham responded well but Raul Jimenez missed two chances.", {"Raul Jimenez": "Fulham"}),
        ("Saints felt hard done by when Jarell Quansah brought down Mateus Fernandes.",
         {"Jarell Quansah": None, "Mateus Fernandes": None}),
        ("Alan Shearer watched from the gantry.", {"Alan Shearer": None}),
        ("Aberdeen winger Jack MacKenzie impressed against Celtic.", {"Jack MacKenzie": "Aberdeen"}),
    ],
)  # fmt: skip
def test_stated_teams(gaz: Gazetteer, text: str, expected: dict[str, str | None]) -> None:
    assert _teams(extract(gaz, text)) == expected


def _with_goals(gaz: Gazetteer, text: str, match: Match) -> ArticleFacts:
    """As the pipeline does: entities, then matches (simulated: goal scorers' teams), then the rest."""
    ctx = ArticleContext(Article("t", "test", "2025-04-26", text), gaz, load_spacy(settings().spacy_model))
    entities.run(ctx)
    ctx.facts.matches = [match]
    for goal in match.goals:
        ctx.people.set_team(goal.scorer, goal.team)
    for component in (roles, claims, people):
        component.run(ctx)
    return ctx.facts


@pytest.mark.parametrize(
    ("text", "scorer", "team", "expected"),
    [
        ("The leveller came when Emile Smith Rowe controlled Alex Iwobi's pass and fired in.",
         "Emile Smith Rowe", "Fulham", {"Alex Iwobi": "Fulham"}),
        ("Jack Stephens headed home a superb delivery by Ryan Manning.", "Jack Stephens", "Southampton",
         {"Ryan Manning": "Southampton"}),
        ("Late on, Adama Traore crossed in for Ryan Sessegnon to head in a winner.", "Ryan Sessegnon", "Fulham",
         {"Adama Traore": "Fulham"}),
        ("Ryan Sessegnon had a shot deflected over Aaron Ramsdale in the second half.", "Ryan Sessegnon", "Fulham",
         {"Aaron Ramsdale": "Southampton"}),
    ],
)  # fmt: skip
def test_links_to_goal_scorers(
    gaz: Gazetteer, text: str, scorer: str, team: str, expected: dict[str, str]
) -> None:
    match = Match("Southampton", "Fulham", 1, 2, status="played", goals=[Goal(scorer, team)])
    teams = _teams(_with_goals(gaz, text, match))
    assert teams[scorer] == team
    for name, club in expected.items():
        assert teams[name] == club


def test_one_entry_per_person_with_all_mentions(gaz: Gazetteer) -> None:
    text = "Interim boss Simon Rusk was proud. Rusk said Saints were unlucky, and the Southampton coach Rusk smiled."
    facts = extract(gaz, text)
    assert [p.name for p in facts.people] == ["Simon Rusk"]
    assert [m.text for m in facts.people[0].mentions] == ["Simon Rusk", "Rusk", "Rusk"]
    assert facts.people[0].team == "Southampton"


def test_referee_has_no_team(gaz: Gazetteer) -> None:
    facts = extract(gaz, "Referee Michael Oliver sent off a Celtic player at Parkhead.")
    assert _teams(facts) == {"Michael Oliver": None}
