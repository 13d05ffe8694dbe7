"""``ask`` about league positions and departures/arrivals, in many phrasings, over the hand-built corpus
plus the real 2024-25 Premier League results (../shared/data; skipped when absent)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from kb_corpus import corpus
from test_standings_checks import pl_results

from touchline.query.kb import KnowledgeBase

TABLE_TEMPLATES = [
    "where were {club} in the table on {date}?",
    "Where was {club} in the league on {date}?",
    "what position were {club} in on {date}?",
    "which position were {club} in the table on {date}?",
    "where did {club} stand in the table on {date}",
    "where were {club} placed in the standings on {date}?",
    "what place were {club} in the league on {date}?",
    "where did {club} sit in the table on {date}?",
    "where were {club} in the Premier League table on {date}?",
    "what was {club}'s league position on {date}?",
]
TABLE_FACTS = [  # (club phrasings, position, a wrong position)
    (["Southampton", "the Saints", "southampton", "saints"], "20th of 20", "19th"),
    (["Tottenham", "Spurs", "tottenham hotspur", "spurs"], "17th of 20", "16th"),
    (["Crystal Palace", "Palace", "the Eagles", "crystal palace"], "12th of 20", "11th"),
    (["Arsenal", "the Gunners", "arsenal", "gunners"], "2nd of 20", "1st"),
]
DATES = ["2025-05-25", "25 May 2025", "May 25th 2025", "25/05/2025"]


def table_cases() -> list[tuple[str, list[str], list[str]]]:
    out = []
    for clubs, position, wrong in TABLE_FACTS:
        for i, template in enumerate(TABLE_TEMPLATES):
            q = template.format(club=clubs[i % len(clubs)], date=DATES[i % len(DATES)])
            out.append((q, [position, "2025-05-25"], [wrong, "I don't know"]))
    out += [
        ("where did Spurs finish in the league in 2024-25?", ["17th of 20"], []),
        ("where were Saints in the table in December 2024?", ["20th of 20", "2024-12-31"], []),
        ("where was Liverpool at the end of 2024-25 in the table?", ["1st of 20"], []),
        ("where were Southampton in the table on 2019-01-01?", ["I don't know"], ["20th"]),
        ("where were Narnia Rovers in the table on 2025-05-25?", ["I don't know"], ["of 20"]),
    ]
    return out


TENURE_CASES = [
    (q, [when], ["I don't know"])
    for when, questions in (
        (
            "2024-12-15",
            [
                "when did Russell Martin leave Southampton?",
                "When was Martin sacked by the Saints?",
                "when did russell martin get the sack",
                "When was Russell Martin dismissed?",
                "when did Martin's spell at Southampton end?",
                "when did Russell Martin stop being Saints manager?",
            ],
        ),
        (
            "2024-12-21",
            [
                "when did Ivan Jurić join Southampton?",
                "When did Ivan Juric take over at the Saints?",
                "when was Jurić appointed by Southampton?",
                "when did juric become southampton manager",
                "When was Ivan Juric named Saints boss?",
            ],
        ),
        (
            "2024-12-16",
            [
                "when was Simon Rusk appointed interim manager?",
                "when did Rusk take charge of Southampton?",
            ],
        ),
        ("2025-04-07", ["when did Jurić leave Saints?", "When was Ivan Juric sacked?"]),
    )
    for q in questions
]


@pytest.fixture(scope="module")
def table_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    from touchline.store.sqlite import SQLiteStore

    kb = KnowledgeBase(SQLiteStore(tmp_path_factory.mktemp("table") / "kb.db"))
    kb.add(corpus())
    kb.add_results(pl_results())
    yield kb
    kb.close()


@pytest.mark.parametrize(("question", "wanted", "unwanted"), table_cases())
def test_table_phrasing(
    table_kb: KnowledgeBase, question: str, wanted: list[str], unwanted: list[str]
) -> None:
    answer = table_kb.ask(question)
    assert answer.kind == "table", answer.text
    assert all(w in answer.text for w in wanted) and not any(u in answer.text for u in unwanted), answer.text
    assert answer.known == ("I don't know" not in answer.text)


@pytest.mark.parametrize(("question", "wanted", "unwanted"), TENURE_CASES)
def test_tenure_phrasing(
    make_kb: Callable[..., KnowledgeBase], question: str, wanted: list[str], unwanted: list[str]
) -> None:
    kb = make_kb(corpus())
    answer = kb.ask(question)
    assert answer.kind == "tenure" and answer.known, answer.text
    assert all(w in answer.text for w in wanted) and not any(u in answer.text for u in unwanted), answer.text
    assert answer.evidence
    kb.close()
