"""Shared by the rule-component tests: a small hand-built gazetteer and a runner for
entities → roles → claims → people on one original text (no other components)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from touchline.config import settings
from touchline.linking.gazetteer import Gazetteer
from touchline.models import Article, ArticleFacts
from touchline.nlp.components import claims, entities, people, roles
from touchline.nlp.context import ArticleContext
from touchline.nlp.pipeline import Extractor, default_extractor, load_spacy

CLUBS = [
    ("Celtic", ["the Hoops", "=Bhoys"]), ("Rangers", ["=Gers", "the Light Blues"]),
    ("Heart of Midlothian", ["=Hearts", "Jambos"]), ("Aberdeen", ["the Dons"]), ("Southampton", ["=Saints"]),
    ("Fulham", ["the Cottagers"]), ("Liverpool", ["=Reds"]), ("Arsenal", ["=Gunners"]), ("Everton", ["the Toffees"]),
    ("Manchester United", ["Man Utd", "=United"]), ("Leeds United", ["Leeds"]), ("Aston Villa", ["=Villa"]),
    ("Newcastle United", ["Newcastle", "the Magpies"]), ("Derby County", ["Derby"]), ("Sunderland", ["the Black Cats"]),
    ("Wigan Athletic", ["Wigan"]), ("Tottenham Hotspur", ["Spurs", "Tottenham"]), ("Nottingham Forest", ["=Forest"]),
]  # fmt: skip


def make_gazetteer() -> Gazetteer:
    g = Gazetteer()
    for canonical, aliases in CLUBS:
        g.add("club", canonical, aliases)
    g.add("competition", "EFL Cup", ["Carabao Cup", "League Cup", "Coca-Cola Cup"])
    g.add("competition", "FA Cup", [])
    g.add("competition", "Premier League", ["Premiership"])
    g.add("competition", "Scottish Cup", [])
    g.add("stadium", "Celtic Park", ["Parkhead"])
    g.add("stadium", "St Mary's Stadium", ["St Mary's"])
    return g


def extract(gaz: Gazetteer, text: str, published: str | None = "2024-03-10") -> ArticleFacts:
    """entities → roles → claims → people on one original text (no other components)."""
    ctx = ArticleContext(Article("t", "test", published, text), gaz, load_spacy(settings().spacy_model))
    for component in (entities, roles, claims, people):
        component.run(ctx)
    return ctx.facts


@lru_cache(maxsize=1)
def full_extractor() -> Extractor:
    """The whole default pipeline, loaded once per test process."""
    return default_extractor()


def goals_in(text: str, published: str) -> list[dict[str, Any]]:
    """Every goal (contract dicts) the full pipeline extracts from one text."""
    facts = full_extractor().extract(Article("t", "test", published, text)).to_dict()
    return [g for m in facts["matches"] for g in m["goals"]]


def assert_goals_found(name: str, goals: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    """Each expected goal is present (same scorer, and minute when given) with every listed field."""
    scorers = [g["scorer"] for g in goals]
    for want in expected:
        got = [
            g
            for g in goals
            if g["scorer"] == want["scorer"] and g["minute"] == want.get("minute", g["minute"])
        ]
        assert got, (name, want, scorers)
        for key, value in want.items():
            assert got[0][key] == value, (name, key, got[0])
