"""Sport recognition: other sports yield no football facts (article and paragraph level)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import SHARED, require_shared

from touchline.models import Article
from touchline.nlp.segment import paragraphs
from touchline.nlp.sport import FOOTBALL, read_sport

# Original texts written for these tests.
RUGBY = (
    "Leicester 27-13 Newcastle\n\n"
    "Leicester scored three tries to beat Newcastle at Welford Road. The fly-half kicked two conversions "
    "and two penalty goals, and the visitors lost a lineout on their own line before the hosts' second try.\n\n"
    '"Our scrum was outstanding," said the Leicester coach.'
)
TENNIS = (
    "Murray through in Dubai\n\n"
    "Andy Murray beat the eighth seed 6-4 3-6 7-6 (7-5) to reach the quarter-finals, saving two break "
    'points in the final set. "I served well when it mattered," he said.'
)
ATHLETICS = (
    "Holmes wins in Birmingham\n\n"
    "Kelly Holmes won the 800m at the indoor meeting in a personal best, ahead of two sprinters who had "
    "dropped down in distance. The hurdles final was won by a Swede."
)
CRICKET = (
    "England collapse in Cape Town\n\n"
    "England lost six wickets for 40 runs as the bowlers exploited the new ball; the first innings closed "
    "on 198 and the Test match is slipping away."
)
GAELIC = (
    "Kerry reach All-Ireland final\n\n"
    "Kerry beat Derry 1-17 to 1-15 at Croke Park to reach the All-Ireland final, the GAA confirmed the "
    "date of the decider on Monday."
)
MATCH_REPORT = (
    "Southampton 1-2 Liverpool\n\n"
    "Liverpool beat Southampton 2-1 at St Mary's. Darwin Núñez scored a header before the break and the "
    "goalkeeper made a fine save from a free-kick late on."
)
ROUNDUP = (
    "Weekend round-up\n\n"
    "Celtic beat Hibernian 3-0 at Celtic Park, with two goals from the striker and a penalty.\n\n"
    "In the Premier League, Arsenal drew 1-1 with Everton: the midfielder's free-kick was cancelled out by "
    "a header from a corner, and the goalkeeper kept out a late volley.\n\n"
    "In rugby, Edinburgh ran in four tries against Ulster: the scrum-half converted two and the fly-half "
    "landed a drop goal as Edinburgh won 31-17 in the Celtic League."
)


def _reading(text: str):  # type: ignore[no-untyped-def]
    return read_sport(text, [(p.start, p.end) for p in paragraphs(text)])


@pytest.mark.parametrize(
    ("text", "sport"),
    [(RUGBY, "rugby"), (TENNIS, "tennis"), (ATHLETICS, "athletics"), (CRICKET, "cricket"),
     (GAELIC, "gaelic"), (MATCH_REPORT, FOOTBALL), (ROUNDUP, FOOTBALL), ("Wenger signs a new deal.", FOOTBALL)],
)  # fmt: skip
def test_article_sport(text: str, sport: str) -> None:
    assert _reading(text).sport == sport


def test_roundup_paragraph_of_another_sport() -> None:
    reading = _reading(ROUNDUP)
    rugby_at = ROUNDUP.index("In rugby")
    assert reading.sport_at(rugby_at) == "rugby"
    assert reading.sport_at(ROUNDUP.index("Celtic beat")) == FOOTBALL


def test_one_stray_word_does_not_make_a_paragraph_another_sport() -> None:
    text = (
        "Arsenal 2-0 Chelsea\n\nArsenal won 2-0 at Highbury.\n\nWe were in pole position, the manager said."
    )
    assert _reading(text).exceptions == []


@pytest.mark.parametrize("text", [RUGBY, TENNIS, ATHLETICS, CRICKET, GAELIC])
def test_other_sports_yield_no_football_facts(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    facts = extractor.extract(Article("x", "t", "2005-02-01", text))
    assert facts.sport != FOOTBALL
    assert not (facts.matches or facts.roles or facts.claims or facts.people or facts.quotes)
    assert facts.to_dict()["sport"] == facts.sport


def test_roundup_keeps_football_and_drops_the_rugby_result(extractor) -> None:  # type: ignore[no-untyped-def]
    facts = extractor.extract(Article("x", "t", "2005-02-01", ROUNDUP))
    assert facts.sport == FOOTBALL
    scores = {(m.home_score, m.away_score) for m in facts.matches} | {
        (m.away_score, m.home_score) for m in facts.matches
    }
    assert (3, 0) in scores
    assert (31, 17) not in scores


# Real BBC Sport 2004-05 articles (read from ../shared, never copied), labelled by reading them.
BBC_LABELS = {
    "0001": "tennis", "0027": "tennis", "0028": "tennis", "0030": "tennis", "0033": "tennis",
    "0039": "tennis", "0196": "tennis", "0002": "rugby", "0006": "rugby", "0009": "rugby",
    "0014": "rugby", "0026": "rugby", "0046": "rugby", "0007": "athletics", "0013": "athletics",
    "0016": "athletics", "0035": "athletics", "0037": "athletics", "0095": "athletics",
    "0004": FOOTBALL, "0008": FOOTBALL, "0011": FOOTBALL, "0012": FOOTBALL, "0017": FOOTBALL,
    "0020": FOOTBALL, "0029": FOOTBALL, "0101": FOOTBALL, "0262": FOOTBALL, "0306": FOOTBALL,
    "0346": FOOTBALL, "0192": FOOTBALL, "0204": FOOTBALL, "0276": FOOTBALL, "0096": FOOTBALL,
}  # fmt: skip


def _bbc(name: str) -> str:
    folder = require_shared(SHARED / "corpus" / "bbc-sport-2004")
    return Path(folder / f"{name}.txt").read_text(encoding="latin-1")


@pytest.mark.parametrize(("name", "sport"), sorted(BBC_LABELS.items()))
def test_real_bbc_articles(name: str, sport: str) -> None:
    reading = _reading(_bbc(name))
    # a football article is "football" throughout; another sport is the right one, football nowhere
    assert (reading.sport, reading.has_football) == (sport, sport == FOOTBALL)
