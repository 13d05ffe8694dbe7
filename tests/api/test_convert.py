"""Records → response models: every shared field is carried over and evidence names its article."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from touchline.api import convert
from touchline.api import schemas as s
from touchline.api.deps import Page
from touchline.models import Article, ArticleFacts, Claim, Evidence, Goal, Match, Person, Quote, Role

BODY = (
    "Saints beat Fulham 2-1. Adam Armstrong scored twice. Ivan Juric said: “We deserved it.” Saints are 19th."
)


def _ev(text: str) -> list[Evidence]:
    start = BODY.index(text)
    return [Evidence.of(BODY, start, start + len(text))]


ARTICLE = Article("ab12cd34ef56", "example.org", "2024-12-18", BODY, "A win")
FACTS = ArticleFacts(
    ARTICLE,
    matches=[
        Match(
            "Southampton",
            "Fulham",
            2,
            1,
            "played",
            date="2024-12-17",
            competition="Premier League",
            venue="St Mary's",
            goals=[
                Goal("Adam Armstrong", "Southampton", 12, 2, kind="header", evidence=_ev("Adam Armstrong"))
            ],
            evidence=_ev("Saints beat Fulham 2-1"),
        )
    ],
    people=[Person("Adam Armstrong", "Southampton", _ev("Adam Armstrong"))],
    roles=[
        Role("Ivan Juric", "manager", "Southampton", "holds", "2024-12-18", None, None, _ev("Ivan Juric"))
    ],
    quotes=[Quote("Ivan Juric", "We deserved it.", _ev("We deserved it."))],
    claims=[Claim("position", "Southampton", "19th", _ev("Saints are 19th"))],
)


@pytest.fixture(scope="module")
def detail() -> dict[str, Any]:
    return convert.article_detail(ARTICLE, FACTS).model_dump()


@pytest.mark.parametrize(
    ("key", "model", "records"),
    [
        ("matches", s.MatchFact, FACTS.matches),
        ("roles", s.RoleFact, FACTS.roles),
        ("claims", s.ClaimFact, FACTS.claims),
        ("people", s.PersonFact, FACTS.people),
        ("quotes", s.QuoteOut, FACTS.quotes),
    ],
)
def test_fields_are_copied_from_the_record(
    detail: dict[str, Any], key: str, model: type[BaseModel], records: list[Any]
) -> None:
    (out,) = detail[key]
    assert list(out) == list(model.model_fields)
    for name, value in out.items():
        if hasattr(records[0], name) and name not in ("evidence", "goals"):
            assert value == getattr(records[0], name), name
    for ev in out["evidence"]:
        assert ev["article_id"] == ARTICLE.id and ev["published"] == ARTICLE.published
        assert BODY[ev["start"] : ev["end"]] == ev["text"]


def test_nested_goals_person_mentions_and_quote_source(detail: dict[str, Any]) -> None:
    (goal,) = detail["matches"][0]["goals"]
    assert (goal["scorer"], goal["minute"], goal["added"], goal["kind"]) == (
        "Adam Armstrong",
        12,
        2,
        "header",
    )
    assert goal["evidence"][0]["text"] == "Adam Armstrong"
    assert detail["people"][0]["evidence"][0]["text"] == "Adam Armstrong"  # from Person.mentions
    quote = detail["quotes"][0]
    assert (quote["article_id"], quote["published"], quote["source"]) == (
        ARTICLE.id,
        "2024-12-18",
        "example.org",
    )


def test_article_without_facts_has_empty_lists() -> None:
    out = convert.article_detail(ARTICLE, None)
    assert out.body == BODY and out.matches == [] and out.quotes == [] and out.length == len(BODY)


@pytest.mark.parametrize(("offset", "limit", "expected"), [(0, 2, [0, 1]), (3, 5, [3, 4]), (9, 1, [])])
def test_paged_converts_only_the_page(offset: int, limit: int, expected: list[int]) -> None:
    seen: list[int] = []

    def to_model(x: int) -> s.ClubSummary:
        seen.append(x)
        return s.ClubSummary(name=str(x), matches=x)

    body = convert.paged(list(range(5)), Page(limit, offset), to_model)
    assert body["total"] == 5 and body["limit"] == limit and body["offset"] == offset
    assert seen == expected
