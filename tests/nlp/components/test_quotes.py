"""Quotations and their speakers: original cases for each attribution rule and each non-quote.

The context is built by hand (people named in the case, a small gazetteer), so these tests
exercise the quotes component alone, without spaCy or the entities component.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import lru_cache

import pytest

from touchline.linking.gazetteer import Gazetteer
from touchline.models import Article
from touchline.nlp.components import quotes
from touchline.nlp.context import ArticleContext, PersonMention

PEOPLE = [
    "Sam Allardyce",
    "Marco Silva",
    "Simon Rusk",
    "Jack Stephens",
    "Gary Neville",
    "Emma Hayes",
    "Sean Dyche",
    "Eddie Howe",
    "Unai Emery",
    "Ange Postecoglou",
    "Kieran Trippier",
]
CLUBS = [
    ("Southampton", ["=Saints", "the Saints"]),
    ("Fulham", ["the Cottagers"]),
    ("Everton", ["the Toffees"]),
    ("Bolton Wanderers", ["Bolton"]),
    ("Chelsea", []),
    ("Newcastle United", ["Newcastle", "the Magpies"]),
    ("Aston Villa", ["=Villa"]),
    ("Tottenham Hotspur", ["Tottenham", "Spurs"]),
    ("Liverpool", []),
    ("Crewe Alexandra", ["Crewe"]),
]


@lru_cache(maxsize=1)
def small_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    for name, aliases in CLUBS:
        gaz.add("club", name, aliases)
    return gaz


def make_ctx(body: str, names: list[str] | None = None, surnames: bool = True) -> ArticleContext:
    """A context as ``entities`` would leave it: club mentions, and each full name and surname."""
    ctx = ArticleContext(Article("test", "test", None, body), small_gazetteer())
    ctx.gaz = ctx.gazetteer.scan(body)
    names = PEOPLE if names is None else names
    for n in names:
        ctx.people.add(n)
    mentions: list[PersonMention] = []
    for n in names:
        for form in (n, n.split()[-1]) if surnames else (n,):
            for m in re.finditer(r"\b" + re.escape(form) + r"\b", body):
                if not any(x.start <= m.start() < x.end for x in mentions):
                    mentions.append(PersonMention(m.start(), m.end(), form, n))
    ctx.person_mentions = sorted(mentions, key=lambda m: m.start)
    return ctx


def extract(body: str, names: list[str] | None = None) -> list[tuple[str | None, str]]:
    ctx = make_ctx(body, names)
    quotes.run(ctx)
    for q in ctx.facts.quotes:
        (ev,) = q.evidence
        assert body[ev.start : ev.end] == ev.text == q.text
        assert any(s <= ev.start and ev.end <= e for s, e in ctx.quote_spans)
    return [(q.speaker, q.text) for q in ctx.facts.quotes]


ATTRIBUTION = [
    pytest.param('"We were robbed," said Allardyce.', [("Sam Allardyce", "We were robbed")], id="said-X"),
    pytest.param('"We were robbed," Allardyce said.', [("Sam Allardyce", "We were robbed")], id="X-said"),
    pytest.param(
        'Allardyce told BBC Sport: "We were robbed tonight by the officials."',
        [("Sam Allardyce", "We were robbed tonight by the officials.")],
        id="told-outlet-colon",
    ),
    pytest.param(
        'According to Silva, "the referee had a shocker all afternoon".',
        [("Marco Silva", "the referee had a shocker all afternoon")],
        id="according-to",
    ),
    pytest.param(
        "Silva told reporters: “I am happy.”\n\nHe added: “The team was brilliant today, really.”",
        [("Marco Silva", "I am happy."), ("Marco Silva", "The team was brilliant today, really.")],
        id="he-added",
    ),
    pytest.param(
        '"We were poor," admitted Gary Neville, "and we deserved nothing from the game."',
        [("Gary Neville", "We were poor"), ("Gary Neville", "and we deserved nothing from the game.")],
        id="interrupted",
    ),
    pytest.param(
        "Hayes was delighted. “She told me ‘keep going’ and I did,” she said of her captain.",
        [("Emma Hayes", "She told me ‘keep going’ and I did")],
        id="nested-single-in-double",
    ),
    pytest.param(
        "'It's the fans' day and the players' day,' Howe told Sky Sports.",
        [("Eddie Howe", "It's the fans' day and the players' day")],
        id="british-single-apostrophes",
    ),
    pytest.param(
        "‘We were poor,’ said Dyche. ‘The lads know that.\n\n‘We go again on Saturday and we will be ready.’",
        [
            ("Sean Dyche", "We were poor"),
            ("Sean Dyche", "The lads know that."),
            ("Sean Dyche", "We go again on Saturday and we will be ready."),
        ],
        id="curly-single-multi-paragraph",
    ),
    pytest.param(
        'Round-up:\n\n- Bolton boss Sam Allardyce: "We deserved a point at least today."\n\n'
        '- Fulham manager Marco Silva: "A great win for the club."',
        [
            ("Sam Allardyce", "We deserved a point at least today."),
            ("Marco Silva", "A great win for the club."),
        ],
        id="dash-credits",
    ),
    pytest.param(
        "Chelsea boss Emma Hayes\n\n“We controlled the game from start to finish and deserved it.”",
        [("Emma Hayes", "We controlled the game from start to finish and deserved it.")],
        id="credit-line-before",
    ),
    pytest.param(
        "Fulham boss Marco Silva and interim Southampton manager Simon Rusk met before the game.\n\n"
        "“It was cruel on us today,” the Saints boss said.\n\n“We had the better chances,” said the Fulham manager.",
        [("Simon Rusk", "It was cruel on us today"), ("Marco Silva", "We had the better chances")],
        id="two-managers-descriptions",
    ),
    pytest.param(
        "Everton boss Sean Dyche and Fulham boss Marco Silva both spoke.\n\n“We were poor in the first half,” the boss said.",
        [(None, "We were poor in the first half")],
        id="ambiguous-description-null",
    ),
    pytest.param(
        "Asked about replacing Eddie Howe, Emery said: “No, I am focused on my own team and nothing else.”",
        [("Unai Emery", "No, I am focused on my own team and nothing else.")],
        id="object-name-not-speaker",
    ),
    pytest.param(
        "Villa boss Unai Emery was asked about Eddie Howe's future.\n\nAsked if he would replace Howe, he stated: "
        "“I am happy here, this is my club and I will stay.”",
        [("Unai Emery", "I am happy here, this is my club and I will stay.")],
        id="pronoun-skips-object",
    ),
    pytest.param(
        'Dyche watched on. "It was a 2-1 game we should have won," he said.',
        [("Sean Dyche", "It was a 2-1 game we should have won")],
        id="pronoun-same-paragraph",
    ),
    pytest.param(
        "Stephens was the hero, heading in the winner.\n\n“I just attacked the ball and it went in,” he said.",
        [("Jack Stephens", "I just attacked the ball and it went in")],
        id="pronoun-previous-paragraph",
    ),
    pytest.param(
        "Dyche, 52, was in no mood to celebrate.\n\n“The first half was unacceptable from us,” the 52-year-old said.",
        [("Sean Dyche", "The first half was unacceptable from us")],
        id="age-description",
    ),
    pytest.param(
        "On the title race, Postecoglou gave a frank answer.\n\n“We are not in it, and we know that.\n\n"
        "“Our job is to win games and see where we end up.”",
        [
            ("Ange Postecoglou", "We are not in it, and we know that."),
            ("Ange Postecoglou", "Our job is to win games and see where we end up."),
        ],
        id="speaker-in-sentence-before",
    ),
    pytest.param(
        "“The first half was unacceptable from us.”\n\nThat was the verdict of Dyche after the game.",
        [("Sean Dyche", "The first half was unacceptable from us.")],
        id="speaker-in-sentence-after",
    ),
    pytest.param(
        '"I was pleased with the effort from the lads," Rusk said. "But we have to learn from it.\n\n'
        '"It is a long season and we will be fine."\n\nSilva, meanwhile, was upbeat.\n\n"We go again next week," he added.',
        [
            ("Simon Rusk", "I was pleased with the effort from the lads"),
            ("Simon Rusk", "But we have to learn from it."),
            ("Simon Rusk", "It is a long season and we will be fine."),
            ("Marco Silva", "We go again next week"),
        ],
        id="two-speakers-runs",
    ),
    pytest.param(
        'Silva spoke after the game. "We played well and deserved it." Rusk was less happy.\n\n'
        '"It hurts a lot today, we were unlucky."',
        [
            ("Marco Silva", "We played well and deserved it."),
            ("Simon Rusk", "It hurts a lot today, we were unlucky."),
        ],
        id="new-subject-after-quote",
    ),
    pytest.param(
        "“We kept going until the very end.\n\n“The players never stopped running,” said Trippier.",
        [
            ("Kieran Trippier", "We kept going until the very end."),
            ("Kieran Trippier", "The players never stopped running"),
        ],
        id="credit-at-end-of-run",
    ),
    pytest.param(
        "The Newcastle captain Kieran Trippier scored twice.\n\n“It was a proud night for me,” said the Magpies skipper.",
        [("Kieran Trippier", "It was a proud night for me")],
        id="player-description",
    ),
    pytest.param(
        '"It was a tough afternoon for everyone," said a club spokesman.',
        [(None, "It was a tough afternoon for everyone")],
        id="unnamed-spokesman-null",
    ),
    pytest.param(
        "The ground fell silent.\n\n“It is a sad day for all of us at the club.”",
        [(None, "It is a sad day for all of us at the club.")],
        id="no-speaker-null",
    ),
    pytest.param(
        "Hayes said: “We were brilliant.” Then Howe replied: “They were lucky, in my view.”",
        [("Emma Hayes", "We were brilliant."), ("Eddie Howe", "They were lucky, in my view.")],
        id="two-in-one-paragraph",
    ),
    pytest.param(
        'Rusk said his side were "really unlucky to lose the game" after the final whistle.',
        [("Simon Rusk", "really unlucky to lose the game")],
        id="partial-quote",
    ),
    pytest.param(
        "Trippier hit the bar late on.\n\n“We were on top for most of the game,” said a smiling Howe.\n\n"
        "“It is a point and we move on,” he added.",
        [
            ("Eddie Howe", "We were on top for most of the game"),
            ("Eddie Howe", "It is a point and we move on"),
        ],
        id="pronoun-after-inverted-credit",
    ),
    pytest.param(
        "Emery kept it brief. “We go again,” he said.\n\n“We let them back in far too easily.” That was the "
        "verdict of Fulham boss Marco Silva, whose side had led.",
        [("Unai Emery", "We go again"), ("Marco Silva", "We let them back in far too easily.")],
        id="credit-sentence-after-beats-previous-speaker",
    ),
    pytest.param(
        "Asked whether Villa could win the league, he smiled: “It is March. Nobody here counts anything yet.”",
        [(None, "It is March. Nobody here counts anything yet.")],
        id="colon-credit-unresolved-pronoun",
    ),
    pytest.param(
        "Emery was in good spirits.\n\nAsked about the title, he smiled: “It is March. Nobody here counts anything.”",
        [("Unai Emery", "It is March. Nobody here counts anything.")],
        id="colon-credit-pronoun",
    ),
    pytest.param(
        '"We showed real spirit and deserved the points," said the Everton manager, Sean Dyche.',
        [("Sean Dyche", "We showed real spirit and deserved the points")],
        id="description-then-name",
    ),
    pytest.param(
        'Howe said his team had played with authority. "Trippier was superb all night," the Newcastle manager said.',
        [("Eddie Howe", "Trippier was superb all night")],
        id="description-is-the-subject-just-named",
    ),
    pytest.param(
        'Stephens was booked. "We showed real spirit in the second half," Pruett said.',
        [("Pruett", "We showed real spirit in the second half")],
        id="surname-only-speaker",
    ),
    pytest.param(
        "'We were robbed by the officials' - Allardyce\n\nBolton lost 1-0 at Fulham.",
        [("Sam Allardyce", "We were robbed by the officials")],
        id="headline-dash-credit",
    ),
    pytest.param(
        '"We were robbed by the officials" - Bolton Wanderers fans\n\nBolton lost 1-0.',
        [(None, "We were robbed by the officials")],
        id="dash-credit-not-a-person",
    ),
    pytest.param(
        "‘The referee told me “no chance” when I asked,’ said Rusk.",
        [("Simon Rusk", "The referee told me “no chance” when I asked")],
        id="nested-double-in-single",
    ),
    pytest.param(
        "“We nearly got a result, so the lads are gutted,” interim boss Rusk reflected.",
        [("Simon Rusk", "We nearly got a result, so the lads are gutted")],
        id="descriptor-name-verb",
    ),
    pytest.param(
        "“In the end it is cruel on the players,” Rusk insisted.\n\nSilva disagreed.\n\nHe said: “We were the "
        "only team trying to win.\n\n“They sat back all afternoon.”",
        [
            ("Simon Rusk", "In the end it is cruel on the players"),
            ("Marco Silva", "We were the only team trying to win."),
            ("Marco Silva", "They sat back all afternoon."),
        ],
        id="second-manager-by-pronoun",
    ),
    pytest.param(
        "Southampton won 2-1 at home to Chelsea.\n\nRusk's team led early. Stephens pulled one back for Chelsea "
        "late on.\n\n“We rode our luck at times today,” the Saints boss said. “But good teams find a way.”\n\n"
        "“Stephens has been superb for us,” the 41-year-old added.",
        [
            ("Simon Rusk", "We rode our luck at times today"),
            ("Simon Rusk", "But good teams find a way."),
            ("Simon Rusk", "Stephens has been superb for us"),
        ],
        id="description-via-possessive-team-not-rival-scorer",
    ),
    pytest.param(
        "Everton boss Sean Dyche felt his side deserved more.\n\n“We created the better chances,” the Englishman said.",
        [("Sean Dyche", "We created the better chances")],
        id="epithet-speaker",
    ),
    pytest.param(
        '"He is a fine manager," Howe said of Dyche. "We speak often."',
        [("Eddie Howe", "He is a fine manager"), ("Eddie Howe", "We speak often.")],
        id="short-full-sentence-is-speech",
    ),
    pytest.param(
        "Trippier has not played for months, but Howe said his form in training was superb.\n\n"
        "“Kieran has been the best player at the club since Christmas.”",
        [("Eddie Howe", "Kieran has been the best player at the club since Christmas.")],
        id="sayer-in-sentence-before",
    ),
    pytest.param(
        "- Newcastle United, in a statement on Kieran Trippier's injury:\n\n“He will be assessed by the medical "
        "team on Monday.”",
        [(None, "He will be assessed by the medical team on Monday.")],
        id="club-statement-credit",
    ),
    pytest.param(
        '"Brilliant," said Emery.',
        [("Unai Emery", "Brilliant")],
        id="one-word-with-credit",
    ),
]


@pytest.mark.parametrize(("body", "expected"), ATTRIBUTION)
def test_attribution(body: str, expected: list[tuple[str | None, str]]) -> None:
    assert extract(body) == expected


NOT_QUOTES = [
    pytest.param("Rusk said his players were “gutted” after the defeat.", id="scare-quote"),
    pytest.param('The fans sang "You\'ll Never Walk Alone" all night long before kick-off.', id="song-title"),
    pytest.param("He wrote a book called 'Big Sam: My Autobiography' in retirement.", id="book-title"),
    pytest.param('Critics called it the "Rusk revolution" in the papers.', id="short-phrase"),
    pytest.param('Jack "The Rock" Stephens scored again for the club.', id="nickname"),
    pytest.param("He grew up in the '90s and watched the side in the ’80s too.", id="decade-elision"),
    pytest.param(
        "The players' wives and the fans' groups met the owners' representatives.", id="possessives"
    ),
    pytest.param('It finished 2-1 with the 6ft 2" striker scoring twice.', id="inch-mark"),
    pytest.param("Advertisement\n\nStephens scored.", id="boilerplate"),
]


@pytest.mark.parametrize("body", NOT_QUOTES)
def test_not_quotes(body: str) -> None:
    assert extract(body) == []


UNBALANCED = [
    pytest.param(
        'He said: "We will fight on until the end\n\nStephens scored twice in the second half.',
        [(None, "We will fight on until the end")],
        "Stephens scored twice",
        id="unclosed-opener",
    ),
    pytest.param(
        "We were unlucky today and we know it,” said Dyche after the defeat.\n\nEverton lost 2-0.",
        [("Sean Dyche", "We were unlucky today and we know it")],
        "Everton lost",
        id="missing-opener",
    ),
    pytest.param(
        'Stephens scored "twice in the first half and Saints led 2-0.\n\nRusk was pleased.',
        [],
        "twice in the first half",
        id="stray-opener-in-narrative",
    ),
    pytest.param(
        "Saints won 2-0” at home.\n\n“It was a great day for us,” said Rusk.",
        [("Simon Rusk", "It was a great day for us")],
        "Saints won",
        id="stray-closer-in-narrative",
    ),
]


@pytest.mark.parametrize(("body", "expected", "outside"), UNBALANCED)
def test_unbalanced_marks(body: str, expected: list[tuple[str | None, str]], outside: str) -> None:
    assert extract(body) == expected
    ctx = make_ctx(body)
    quotes.run(ctx)
    pos = body.index(outside)
    assert not ctx.in_quote(pos, pos + len(outside))


def test_quote_spans_cover_scorelines_inside_quotes() -> None:
    body = 'Rusk said: "If we can get to 30 minutes and it\'s 0-0, it would be different." Saints lost 2-1.'
    ctx = make_ctx(body)
    quotes.run(ctx)
    zero = body.index("0-0")
    assert ctx.in_quote(zero, zero + 3)
    final = body.index("2-1")
    assert not ctx.in_quote(final, final + 3)


def test_hard_wrapped_paragraph_keeps_quote_whole() -> None:
    body = 'Silva said: "We were the better side for\nmost of the game and deserved the win."'
    assert extract(body) == [
        ("Marco Silva", "We were the better side for\nmost of the game and deserved the win.")
    ]


def test_speaker_missed_by_name_finder_is_added_to_people() -> None:
    body = '"We go again on Saturday and we will be ready," said Mikel Arteta.'
    ctx = make_ctx(body, names=[])
    quotes.run(ctx)
    assert [q.speaker for q in ctx.facts.quotes] == ["Mikel Arteta"]
    assert [m.canonical for m in ctx.person_mentions] == ["Mikel Arteta"]


def test_surname_the_name_finder_took_for_a_club() -> None:
    body = "Nigel Crewe resigned on Sunday.\n\nIn a statement, Crewe said: “It has been a privilege to manage this club.”"
    ctx = make_ctx(body, names=["Nigel Crewe"], surnames=False)
    ctx.gaz = [g for g in ctx.gaz if g.start > 20]  # the second "Crewe" was read as the club
    quotes.run(ctx)
    assert [(q.speaker, q.text) for q in ctx.facts.quotes] == [
        ("Nigel Crewe", "It has been a privilege to manage this club.")
    ]


def test_seeds_score_full_marks(seeds_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    score = seeds_dir.parent / "score.py"
    out = tmp_path / "q.jsonl"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "touchline.cli.main",
            "extract",
            *sorted(map(str, seeds_dir.glob("*.txt"))),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out.write_text(run.stdout, encoding="utf-8")
    res = subprocess.run(
        [
            sys.executable,
            str(score),
            str(seeds_dir),
            str(out),
            "--only",
            "quotes",
            "--min-f1",
            "1.0",
            "--verbose",
        ],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    for line in run.stdout.splitlines():
        body = json.loads(line)["article"]["body"]
        for q in json.loads(line)["quotes"]:
            assert all(body[e["start"] : e["end"]] == e["text"] for e in q["evidence"])
