"""Forms of names and attributions that other outlets use: one original case per rule.

Runs the whole extractor (spaCy included) on short invented texts, since each rule depends on
what the entities component hands to the quotes component.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest

from touchline.linking.people import PeopleIndex
from touchline.models import Article
from touchline.nlp.components.entities import name_case
from touchline.nlp.pipeline import Extractor, default_extractor


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    return default_extractor()


def run(text: str, published: str = "2023-02-12") -> dict[str, Any]:
    facts = _extractor().extract(Article("t", "test", published, text))
    out: dict[str, Any] = facts.to_dict()
    return out


def people(out: dict[str, Any]) -> set[str]:
    return {p["name"] for p in out["people"]}


def speakers(out: dict[str, Any]) -> dict[str, str | None]:
    return {q["text"][:20]: q["speaker"] for q in out["quotes"]}


@pytest.mark.parametrize(
    ("text", "want", "not_want"),
    [
        # a quoted nickname inside a name
        (
            'Stephen "Stevie" Corrigan was the hero with two goals, and Corrigan was mobbed at the end.',
            {"Stephen Corrigan"},
            set(),
        ),
        # a name printed in capitals, Latin Extended-A letters kept
        (
            "ŁUKASZ WRONSKI scored twice as Brentford beat Southampton. The Pole was outstanding.",
            {"Łukasz Wronski"},
            {"UKASZ WRONSKI"},
        ),
        # a place named after a saint is not a person
        (
            "Exeter boss Colin Vickery will leave St James Park after the game on Saturday.",
            {"Colin Vickery"},
            {"James Park"},
        ),
        # a double-barrelled surname the model splits at the hyphen
        (
            "Everton majority shareholder Farhad Moshiri-Khan said the board had been unanimous.",
            {"Farhad Moshiri-Khan"},
            {"Khan", "Farhad Moshiri"},
        ),
    ],
)
def test_name_forms(text: str, want: set[str], not_want: set[str]) -> None:
    found = people(run(text))
    assert want <= found
    assert not (not_want & found)


@pytest.mark.parametrize(
    ("caps", "name"),
    [
        ("ŁUKASZ NOWICKI", "Łukasz Nowicki"),
        ("ALAN MCGUIRE", "Alan McGuire"),
        ("PAT O'DOWD-BYRNE", "Pat O'Dowd-Byrne"),
    ],
)
def test_name_case(caps: str, name: str) -> None:
    assert name_case(caps) == name


def test_shared_surname_is_the_person_last_named() -> None:
    text = (
        "Tom Keller scored the winner for Millwall.\n\n"
        "Millwall manager Rob Keller, Tom's father, watched from the touchline.\n\n"
        '"I am his manager first and his dad second," the elder Keller said.\n\n'
        '"Dad just nodded at me afterwards," Tom Keller said.'
    )
    out = run(text, "2018-08-19")
    assert "Keller" not in people(out)
    got = speakers(out)
    assert got["I am his manager fir"] == "Rob Keller"
    assert got["Dad just nodded at m"] == "Tom Keller"


def test_people_index_sharing() -> None:
    idx = PeopleIndex()
    idx.add("Rob Keller")
    assert idx.sharing("Keller") == []
    idx.add("Tom Keller")
    assert sorted(idx.sharing("Keller")) == ["Rob Keller", "Tom Keller"]
    assert idx.sharing("Tom Keller") == []


def test_trailing_dash_credit_with_job() -> None:
    text = (
        "WHAT THEY SAID\n\n"
        '"Three points and a clean sheet, I will take that every week." – Sean Dowling, Burnley manager\n\n'
        '"We had enough of the ball to win two games today." – Aitor Lasarte, Middlesbrough head coach'
    )
    got = speakers(run(text, "2016-12-27"))
    assert got["Three points and a c"] == "Sean Dowling"
    assert got["We had enough of the"] == "Aitor Lasarte"


def test_written_words_have_no_speaker() -> None:
    text = (
        "Brentford manager Thomas Frankson was happy.\n\n"
        '"NOWICKI IS A MACHINE," read the banner in the home end, and Frankson agreed afterwards.'
    )
    got = speakers(run(text))
    assert got["NOWICKI IS A MACHINE"] is None


def test_pronoun_takes_the_nearest_clause_subject() -> None:
    text = (
        '"He told me to run, so I ran," Tariq Mensah said of his first day at Brentford.\n\n'
        "That manager, Thomas Frankson, is still in charge, and Mensah is now the leading scorer.\n\n"
        "'People keep asking me whether I am surprised by any of it,' he said."
    )
    got = speakers(run(text, "2021-09-14"))
    assert got["People keep asking m"] == "Tariq Mensah"


def test_added_means_someone_who_has_spoken() -> None:
    text = (
        'Leeds manager Paul Harker said: "We were poor in the first half and much better after it."\n\n'
        "Harker confirmed that two players were injured. Chief executive Angus Kinnear-Bell watched the "
        "session from the stand.\n\n"
        '"We will see tomorrow how the injured players are feeling," he added.'
    )
    got = speakers(run(text, "2019-11-08"))
    assert got["We will see tomorrow"] == "Paul Harker"


def test_epithet_and_former_club_description() -> None:
    text = (
        "Everton have appointed Rui Macedo as manager, five days after Carlo Andreotti was sacked.\n\n"
        "The Portuguese left Wolverhampton Wanderers in May after four seasons at Molineux.\n\n"
        '"This is a club with a huge history and I wanted this challenge," the former Wolves boss said.'
    )
    got = speakers(run(text, "2020-10-05"))
    assert got["This is a club with "] == "Rui Macedo"
