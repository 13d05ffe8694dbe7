"""``ask`` over the built-in sample corpus (src/touchline/sample, true answers in eval/sample), asked
in many phrasings: formal, casual, lowercase, with nicknames and with every date style. Each case names
what the answer must contain and what it must not; unknowns must say "I don't know", never guess."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path

import pytest

from touchline.config import SAMPLE_DIR
from touchline.query.kb import KnowledgeBase
from touchline.store.loader import ingest
from touchline.store.sqlite import SQLiteStore

Case = tuple[str, str, list[str], list[str]]  # question, kind, must contain, must not contain


@pytest.fixture(scope="module")
def sample_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    store = SQLiteStore(tmp_path_factory.mktemp("sample") / "kb.db")
    report = ingest(store, sorted(SAMPLE_DIR.glob("*.txt")))
    assert report.read == 12
    kb = KnowledgeBase(store)
    yield kb
    kb.close()


def _mix(templates: list[str], fills: list[dict[str, str]], n: int) -> list[str]:
    """``n`` questions: every template used, paired in turn with every fill."""
    pairs = zip(cycle(templates), cycle(fills), strict=False)
    return [t.format(**f) for t, f in islice(pairs, n)]


PALACE = ["Crystal Palace", "Palace", "crystal palace", "palace", "the Eagles", "Crystal Palace's"]
MANAGER_TEMPLATES = [
    "who managed {club} on {date}?",
    "Who was the manager of {club} on {date}?",
    "who was {club} manager on {date}",
    "who coached {club} on {date}?",
    "who was coaching {club} on {date}",
    "Who was in charge of {club} on {date}?",
    "who was the boss of {club} on {date}?",
    "who was {club} boss on {date}",
    "who was the head coach of {club} on {date}?",
    "who was managing {club} on {date}?",
    "which manager was in charge at {club} on {date}?",
    "who was the gaffer at {club} on {date}",
    "on {date}, who managed {club}?",
]
MANAGER_FACTS = [  # (date phrasings, who, who not)
    (
        ["2023-10-01", "1 October 2023", "October 1st 2023", "Oct 1 2023", "1st Oct, 2023"],
        "Graham Tilley",
        "Owen Marsh",
    ),
    (["2023-10-28", "28 October 2023", "Oct 28th 2023", "October 28, 2023"], "Owen Marsh", "Luis Arteaga"),
    (["2023-11-20", "20 November 2023", "Nov 20th 2023", "20th November 2023"], "Luis Arteaga", "Owen Marsh"),
    (["December 2023", "Dec 2023", "2023-12-19"], "Luis Arteaga", "Graham Tilley"),
]


def manager_cases() -> list[Case]:
    out: list[Case] = []
    for dates, who, not_who in MANAGER_FACTS:
        fills = [{"club": c, "date": d} for d in dates for c in PALACE]
        for q in _mix(MANAGER_TEMPLATES, fills, 10):
            out.append((q, "manager", [who], [not_who, "I don't know"]))
    out.append(("who managed wolves on 30 September 2023?", "manager", ["Rui Carvalho"], []))
    out.append(("Who was Brighton's manager on 2023-10-22?", "manager", ["Sven Mikkelsen"], []))
    return out


SCORE_TEMPLATES = [
    "what was the score of {a} v {b}?",
    "What was the result of {a} vs {b}?",
    "score of {a} against {b}",
    "what was the final score in {a} v. {b}",
    "{a} v {b} score?",
    "what was the score when {a} played {b}?",
    "when {a} played {b}, what was the result?",
    "how did {a} get on against {b}?",
    "result of {a} versus {b}",
    "what was the score between {a} and {b}?",
]
SCORE_FACTS = [  # (pairs as asked, score as the merged match reads)
    (
        [("Palace", "Everton"), ("crystal palace", "everton"), ("Everton", "Crystal Palace")],
        "Crystal Palace 2-1 Everton",
    ),
    (
        [("Wolves", "Palace"), ("wolverhampton wanderers", "palace"), ("Palace", "Wolves")],
        "Wolverhampton Wanderers 3-1 Crystal Palace",
    ),
    (
        [("Palace", "Brighton"), ("the Seagulls", "Palace"), ("crystal palace", "brighton and hove albion")],
        "Crystal Palace 0-2 Brighton & Hove Albion",
    ),
    (
        [("Aston Villa", "Palace"), ("villa", "crystal palace"), ("Palace", "Villa")],
        "Aston Villa 1-2 Crystal Palace",
    ),
]


def score_cases() -> list[Case]:
    out: list[Case] = []
    for pairs, label in SCORE_FACTS:
        fills = [{"a": a, "b": b} for a, b in pairs]
        out += [(q, "score", [label], ["I don't know"]) for q in _mix(SCORE_TEMPLATES, fills, 10)]
    return out


SCORER_TEMPLATES = [
    "who scored for {a} against {b}?",
    "Who scored for {a} v {b}?",
    "who scored for {a} vs {b}",
    "who got {a}'s goals against {b}?",
    "who were {a}'s scorers against {b}?",
    "who scored {a}'s goal against {b}",
    "which players scored for {a} against {b}?",
    "who found the net for {a} against {b}?",
]
SCORER_FACTS = [  # (scoring club phrasings, opponent phrasings, a scorer, a scorer of the other side)
    (["Palace", "crystal palace"], ["Wolves", "wolverhampton"], "Jonah Ferreira", "Hugo Lindqvist"),
    (["Wolves", "wolves"], ["Palace", "Crystal Palace"], "Hugo Lindqvist", "Jonah Ferreira"),
    (
        ["Brighton", "the Seagulls", "brighton"],
        ["Palace", "crystal palace"],
        "Leon Castellano",
        "Jonah Ferreira",
    ),
    (["Palace", "Crystal Palace"], ["Brentford", "brentford"], "Kieran Mabbott", "I don't know"),
    (["Villa", "aston villa"], ["Palace", "crystal palace"], "Reuben Castle", "Jonah Ferreira"),
]


def scorer_cases() -> list[Case]:
    out: list[Case] = []
    for clubs, others, who, not_who in SCORER_FACTS:
        fills = [{"a": a, "b": b} for a in clubs for b in others]
        out += [(q, "scorers", [who], [not_who]) for q in _mix(SCORER_TEMPLATES, fills, 8)]
    return out


QUOTE_TEMPLATES = [
    "what did {p} say about {t}?",
    "What has {p} said about {t}?",
    "what did {p} say on {t}",
    "what did {p} think of {t}?",
    "What did {p} say regarding {t}?",
    "what was {p}'s view on {t}?",
    "what did {p} have to say about {t}?",
    "what did {p} tell reporters about {t}?",
]
QUOTE_FACTS = [  # (speaker phrasings, topics, words of the quote)
    (["Owen Marsh", "Marsh", "owen marsh"], ["the job", "the job?"], "conversation for the chairman"),
    (["Luis Arteaga", "Arteaga", "luis arteaga"], ["penalties", "Penalties"], "Penalties are cruel"),
    (["Richard Osei", "Osei", "the chairman Richard Osei"], ["Luis", "Owen"], "Osei"),
    (["Rui Carvalho", "Carvalho"], ["Tobi"], "Tobi has worked for this chance"),
    (["Danny Pruett", "Pruett"], ["Wembley", "the new gaffer"], "Danny Pruett"),
]


def quote_cases() -> list[Case]:
    out: list[Case] = []
    for people, topics, words in QUOTE_FACTS:
        fills = [{"p": p, "t": t} for t in topics for p in people]
        out += [(q, "quote", [words], ["I don't know"]) for q in _mix(QUOTE_TEMPLATES, fills, 8)]
    return out


TENURE_CASES: list[Case] = (
    [
        (q, "tenure", ["2023-10-23"], ["I don't know"])
        for q in (
            "when did Graham Tilley leave Crystal Palace?",
            "When did Tilley leave Palace?",
            "when did graham tilley leave palace",
            "when was Tilley sacked by Palace?",
            "When was Graham Tilley sacked?",
            "when did Tilley get sacked by crystal palace?",
            "when was tilley fired?",
            "When was Graham Tilley dismissed by the Eagles?",
            "when did Tilley depart Palace",
            "when did Tilley get the sack at Palace?",
            "When did Graham Tilley stop being Palace manager?",
            "when did Tilley's spell at Palace end?",
        )
    ]
    + [
        (q, "tenure", ["2023-11-08"], ["I don't know"])
        for q in (
            "when did Luis Arteaga join Crystal Palace?",
            "When did Arteaga join Palace?",
            "when did luis arteaga join palace",
            "when was Arteaga appointed by Palace?",
            "When was Luis Arteaga appointed?",
            "when was arteaga named palace manager",
            "when did Arteaga take charge of Palace?",
            "When did Arteaga take over at Crystal Palace?",
            "when was Luis Arteaga hired by the Eagles?",
            "when did Arteaga become Palace manager?",
            "When did Arteaga arrive at Palace?",
            "when did Arteaga start at palace?",
        )
    ]
    + [
        (q, "tenure", ["Owen Marsh", "2023-11-08"], ["I don't know"])
        for q in (
            "when did Owen Marsh leave his interim role at Palace?",
            "When did Marsh's interim spell at Palace end?",
            "when did owen marsh stop being interim manager of palace",
        )
    ]
    + [
        (q, "tenure", ["Owen Marsh", "2023-10-23"], ["I don't know"])
        for q in (
            "when was Owen Marsh appointed interim manager of Palace?",
            "When did Marsh take charge of Crystal Palace?",
            "when did owen marsh take over at palace",
        )
    ]
)

TABLE_TEMPLATES = [
    "where were {club} in the table on {date}?",
    "Where was {club} in the league on {date}?",
    "what position were {club} in on {date}?",
    "which position were {club} in the table on {date}?",
    "where did {club} stand in the table on {date}",
    "where are {club} in the table?",
    "what position are {club} in the league?",
    "where were {club} placed in the standings on {date}?",
]


def table_cases() -> list[Case]:
    fills = [
        {"club": c, "date": d}
        for d in ("2023-11-11", "11 November 2023", "Nov 11th 2023")
        for c in PALACE[:4]
    ]
    # the sample has no reference results, so the table is never "known": it must say so and why
    return [(q, "table", ["Crystal Palace", "I don't know"], []) for q in _mix(TABLE_TEMPLATES, fills, 12)]


PERIOD_CASES: list[Case] = [
    (
        "who managed Palace in October 2023?",
        "manager",
        ["Graham Tilley", "Owen Marsh", "between 2023-10-01 and 2023-10-31"],
        ["Arteaga"],
    ),
    ("who was in charge of palace during 2023-10", "manager", ["Graham Tilley", "Owen Marsh"], ["Arteaga"]),
    ("who were Palace's managers in 2023?", "manager", ["Graham Tilley", "Owen Marsh", "Luis Arteaga"], []),
    (
        "who managed Crystal Palace in 2023-24?",
        "manager",
        ["Graham Tilley", "Luis Arteaga", "2023-07-01"],
        [],
    ),
    ("who managed Palace on 23/10/2023?", "manager", ["Owen Marsh"], ["Arteaga"]),
    ("what was the score of Palace v Everton in August 2023?", "score", ["Crystal Palace 2-1 Everton"], []),
    ("who scored for Palace against Wolves in September 2023?", "scorers", ["Jonah Ferreira"], ["Lindqvist"]),
]

OTHER_CASES: list[Case] = [  # misspelt clubs (the answer says how it read them), both sides' scorers
    (
        "who managed Crystal Palce on 2023-10-01?",
        "manager",
        ["'Crystal Palce' as Crystal Palace", "Graham Tilley"],
        [],
    ),
    ("who was the Wolverhamton boss on 30 September 2023?", "manager", ["Rui Carvalho"], []),
    ("who scored for Wolverhamton against Palace", "scorers", ["Hugo Lindqvist"], ["Jonah Ferreira"]),
    ("who scored for Brightn against Palace?", "scorers", ["Leon Castellano"], ["Ferreira"]),
    ("what was the score of Palace v Evertonn?", "score", ["Crystal Palace 2-1 Everton"], []),
    ("who scored in Palace v Wolves?", "scorers", ["Hugo Lindqvist", "Jonah Ferreira"], []),
    ("who scored when wolves played palace?", "scorers", ["Hugo Lindqvist", "Jonah Ferreira"], []),
    (
        "what did Tilley say after the Brighton defeat?",
        "quote",
        ["That is not a question for me"],
        ["two faces"],
    ),
    ("what did Owen Marsh say before the Bournemouth game?", "quote", ["gone in a blur"], ["front foot"]),
    ("what did Marsh say after the Bournemouth game?", "quote", ["front foot"], ["gone in a blur"]),
    ("what did Arteaga say after the win at Villa?", "quote", ["brave"], ["Seven games", "Penalties"]),
    ("what did Luis Arteaga say following the Fulham cup tie?", "quote", ["Penalties are cruel"], ["brave"]),
    (
        "who was the Palace boss when they played Bournemouth?",
        "manager",
        ["Owen Marsh", "2023-10-28"],
        ["Arteaga"],
    ),
    ("who managed Palace against Brighton?", "manager", ["Graham Tilley", "the day of"], ["Arteaga"]),
    ("who was in charge of Palace v Fulham", "manager", ["Luis Arteaga", "2023-12-19"], ["Tilley"]),
]

NEGATIVE_CASES: list[Case] = [
    ("who managed Palace on 05/10/2023?", "manager", ["I don't know", "two ways"], ["Tilley"]),
    ("who managed Palace on 2023-02-30?", "manager", ["I don't know", "not a valid date"], ["Arteaga"]),
    ("who managed palace on 31 February 2023", "manager", ["I don't know", "not a valid date"], ["Arteaga"]),
    ("who managed Palace in 2019?", "manager", ["I don't know"], ["Tilley", "Arteaga"]),
    ("what was the score of Palace v Everton in 2022?", "score", ["I don't know"], ["2-1"]),
    ("who managed Arsenal on 2023-10-01?", "manager", ["I don't know"], ["Tilley", "Arteaga"]),
    ("who was in charge of Real Madrid in October 2023?", "manager", ["I don't know"], ["Tilley"]),
    ("who managed Crystal Palace on 1 January 2019?", "manager", ["I don't know"], ["Tilley", "Arteaga"]),
    ("who managed palace on 2030-06-01?", "manager", ["I don't know"], ["Arteaga"]),
    ("who managed Narnia Rovers on 2023-10-01?", "manager", ["I don't know"], ["Tilley"]),
    (
        "who managed Palace when they played Arsenal?",
        "manager",
        ["I don't know", "no dated match"],
        ["Arteaga"],
    ),
    ("who managed on 2023-10-01?", "manager", ["I don't know"], ["Tilley"]),
    ("what was the score of Palace v Arsenal?", "score", ["I don't know"], ["2-1", "3-1"]),
    ("what was the score of Palace v Everton on 2020-01-01?", "score", ["I don't know"], ["2-1"]),
    ("what was the result of Narnia Rovers v Palace?", "score", ["I don't know"], ["2-1"]),
    ("who scored for Palace against Real Madrid?", "scorers", ["I don't know"], ["Ferreira"]),
    ("who scored for Arsenal against Palace?", "scorers", ["I don't know"], ["Ferreira"]),
    ("what did Pep Guardiola say about Palace?", "quote", ["I don't know"], ["“"]),
    ("what did Owen Marsh say about quantum physics?", "quote", ["I don't know"], ["“"]),
    ("what did Tilley say after the Arsenal game?", "quote", ["I don't know"], ["“"]),
    ("when did Zinedine Zidane join Palace?", "tenure", ["I don't know"], ["2023"]),
    ("when did Luis Arteaga leave Palace?", "tenure", ["no departure"], ["2023-11-08 left"]),
    ("where were Arsenal in the table on 2023-11-11?", "table", ["I don't know"], []),
    ("what is the capital of France?", "unknown", ["I don't understand"], []),
    ("asdf qwerty", "unknown", ["I don't understand"], []),
    ("", "unknown", ["I don't understand"], []),
    ("tell me a joke about Palace", "unknown", ["I don't understand"], []),
]

ALL_CASES = (
    manager_cases()
    + score_cases()
    + scorer_cases()
    + quote_cases()
    + TENURE_CASES
    + table_cases()
    + PERIOD_CASES
    + OTHER_CASES
    + NEGATIVE_CASES
)


def test_enough_phrasings_per_kind() -> None:
    kinds = [k for _, k, _, _ in ALL_CASES]
    assert min(kinds.count(k) for k in ("manager", "score", "scorers", "quote", "tenure")) >= 30
    assert kinds.count("unknown") >= 4 and len({q for q, *_ in ALL_CASES}) == len(ALL_CASES)


@pytest.mark.slow
@pytest.mark.parametrize(("question", "kind", "wanted", "unwanted"), ALL_CASES)
def test_ask_phrasing(
    sample_kb: KnowledgeBase, question: str, kind: str, wanted: list[str], unwanted: list[str]
) -> None:
    answer = sample_kb.ask(question)
    assert answer.kind == kind, answer.text
    for text in wanted:
        assert text in answer.text, answer.text
    for text in unwanted:
        assert text not in answer.text, answer.text
    known = "I don't" not in answer.text and "no departure" not in answer.text
    assert answer.known == known, answer.text
    if answer.known:
        assert answer.evidence and answer.article_ids
        for c in answer.evidence:
            art = sample_kb.store.article(c.article_id)
            assert art is not None and art.body[c.start : c.end] == c.text


def test_sample_dir_is_shipped() -> None:
    assert Path(SAMPLE_DIR).is_dir()
