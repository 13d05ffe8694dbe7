"""``ask`` never fails on what a user may type: 300+ phrasings (present tense, misspelt clubs and people,
odd dates, nonsense) over the sample corpus and over a store whose articles carry no date (the case that
raised ValueError). Every answer is an ``Answer`` whose text never shows "None"; a question it does not
understand gets the short list of questions it does."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product
from pathlib import Path

import pytest

from touchline.config import SAMPLE_DIR
from touchline.query.ask import UNDERSTOOD
from touchline.query.kb import KnowledgeBase
from touchline.store.loader import ingest
from touchline.store.sqlite import SQLiteStore

KINDS = {"manager", "score", "scorers", "quote", "tenure", "table", "unknown"}


@pytest.fixture(scope="module")
def sample_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    store = SQLiteStore(tmp_path_factory.mktemp("robust") / "kb.db")
    ingest(store, sorted(SAMPLE_DIR.glob("*.txt")))
    kb = KnowledgeBase(store)
    yield kb
    kb.close()


@pytest.fixture(scope="module")
def undated_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    """The sample articles without their ``date`` line: nothing in the store is dated."""
    folder = tmp_path_factory.mktemp("undated")
    for path in sorted(SAMPLE_DIR.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        (folder / path.name).write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    store = SQLiteStore(folder / "kb.db")
    ingest(store, [folder])
    kb = KnowledgeBase(store)
    yield kb
    kb.close()


CLUBS = [
    "Crystal Palace",
    "Palace",
    "palace",
    "Crystl Palace",
    "Crystal Palce",
    "the Eagles",
    "Spurs",
    "Arsenal",
]
PRESENT = [
    "who is the {club} manager?",
    "who's in charge at {club}?",
    "who is {club}'s boss",
    "who manages {club}?",
    "who is the current {club} manager",
    "who coaches {club} now?",
    "who is in charge of {club} today?",
    "Who's the gaffer at {club}",
]
PAST = [
    "who managed {club} on {date}?",
    "who was in charge of {club} on {date}",
    "who was {club} boss in {date}?",
]
DATES = ["2023-10-30", "30 October 2023", "October 2023", "2023-24", "2023", "31 February 2023", "9999-99-99"]
PEOPLE = [
    "Luis Arteaga",
    "Arteaga",
    "Luis Arteg",
    "Artega",
    "owen marsh",
    "Owen Marh",
    "Graham Tilly",
    "Nobody Atall",
]
PERSON_TEMPLATES = [
    "what did {person} say about the penalty?",
    "what did {person} say?",
    "when did {person} join {club}?",
    "when did {person} leave {club}?",
    "when was {person} sacked?",
    "what was {person}'s view on the referee?",
]
MATCH_TEMPLATES = [
    "what was the score of {club} v Wolves?",
    "who scored for {club} against Brighton?",
    "how did {club} get on against Villa",
    "where is {club} in the table?",
    "where were {club} in the table on {date}?",
]
ODD = [
    "",
    "?",
    "who",
    "who managed?",
    "who managed on 2023-10-30?",
    "who managed Nowhere Rovers on 2023-10-30?",
    "what was the score?",
    "who scored?",
    "what did say?",
    "when did leave?",
    "what is the capital of France?",
    "tell me a joke",
    "asdf qwerty",
    "who managed Palace between 2023-10-30 and 2023-01-01?",
    "who managed Palace on 0000-00-00?",
    "who managed Palace when they played Palace?",
    "who was in charge of Palace when they played Wolves?",
    "score of v",
    "who scored for for against against?",
    "' OR 1=1 --",
    "<script>alert(1)</script> who managed Palace?",
    "who managed " + "Palace " * 50,
]


def _questions() -> list[str]:
    out = [t.format(club=c) for t, c in product(PRESENT, CLUBS)]
    out += [t.format(club=c, date=d) for t, c, d in product(PAST, CLUBS[:6], DATES)]
    out += [t.format(person=p, club=c) for t, p, c in product(PERSON_TEMPLATES, PEOPLE, CLUBS[:2])]
    out += [t.format(club=c, date=d) for t, c, d in product(MATCH_TEMPLATES, CLUBS, DATES[:3])]
    return list(dict.fromkeys(out + ODD))


QUESTIONS = _questions()


def test_there_are_more_than_300_phrasings() -> None:
    assert len(QUESTIONS) >= 300


@pytest.mark.slow
@pytest.mark.parametrize("store", ["sample_kb", "undated_kb"])
def test_every_phrasing_gets_an_answer_without_none(store: str, request: pytest.FixtureRequest) -> None:
    kb: KnowledgeBase = request.getfixturevalue(store)
    for q in QUESTIONS:
        answer = kb.ask(q)  # must not raise
        assert answer.kind in KINDS, (q, answer.kind)
        assert "None" not in answer.text, (q, answer.text)
        assert answer.text.strip(), q
        if answer.kind == "unknown":
            assert UNDERSTOOD in answer.text, (q, answer.text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("who is the Palace manager?", "Luis Arteaga"),
        ("who's in charge at Palace?", "Luis Arteaga"),
        ("who is the current Crystl Palace boss", "Luis Arteaga"),
        ("who manages the Eagles?", "Luis Arteaga"),
    ],
)
def test_present_tense_names_the_latest_manager(sample_kb: KnowledgeBase, question: str, who: str) -> None:
    answer = sample_kb.ask(question)
    assert answer.known and answer.kind == "manager", answer.text
    main = answer.text.split(". Also reported:")[0]
    assert who in main and "Owen Marsh" not in main and "Graham Tilley" not in main, answer.text


@pytest.mark.slow
def test_undated_store_answers_the_present_tense_from_the_reports(undated_kb: KnowledgeBase) -> None:
    answer = undated_kb.ask("who is the Arsenal manager?")
    assert answer.kind == "manager" and "None" not in answer.text
    palace = undated_kb.ask("who is the Crystal Palace manager?")
    assert palace.known and "no stored report is dated" in palace.text, palace.text
    assert palace.evidence and all(c.published is None for c in palace.evidence)


@pytest.mark.slow
def test_misspelt_person_is_read_as_the_known_one(sample_kb: KnowledgeBase) -> None:
    answer = sample_kb.ask("when did Luis Arteg join Crystal Palace?")
    assert answer.kind == "tenure" and "Luis Arteaga" in answer.text, answer.text


def test_sample_dir_is_there() -> None:
    assert Path(SAMPLE_DIR).is_dir()
