"""200 generated articles with random unbalanced or stray quotation marks.

Each article mixes narrative paragraphs (some with one stray mark dropped into them), well-formed
quotes, quotes whose closing mark is missing, quotes whose opening mark is missing and quotations
running over several paragraphs. The extractor must not crash, must never put narrative text
inside a quotation, must find the quoted words, and every evidence span must be exact.
"""

from __future__ import annotations

import random

import pytest
from test_quotes import make_ctx

from touchline.nlp.components import quotes

# words with no speech verbs and no colons: narrative a stray mark must not turn into speech
SUBJECTS = ["Saints", "The visitors", "Fulham", "The home side", "Stephens", "The crowd", "Everton"]
VERBS = ["pressed forward", "held firm", "struggled badly", "went ahead", "dropped deep", "looked tired"]
TAILS = [
    "in the rain",
    "after the break",
    "before half-time",
    "near the end",
    "at St Mary's",
    "for long spells",
]
QUOTE_WORDS = [
    "we",
    "worked",
    "hard",
    "today",
    "and",
    "the",
    "lads",
    "deserve",
    "credit",
    "for",
    "that",
    "effort",
    "it",
    "was",
    "not",
    "easy",
    "but",
    "don't",
    "players'",
    "’90s",
    "we'll",
    "go",
    "again",
]
MARKS = [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'")]
STRAY = ['"', "“", "”", "'", "‘", "’"]


def narrative(rng: random.Random, tag: str) -> tuple[str, list[str]]:
    sentences, sentinels = [], []
    for k in range(rng.randint(1, 3)):
        sentinel = f"zq{tag}x{k}"
        sentinels.append(sentinel)
        sentences.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {sentinel} {rng.choice(TAILS)}.")
    return " ".join(sentences), sentinels


def quote_words(rng: random.Random) -> str:
    """Quoted words with apostrophes inside; first and last words plain (a quote ending in a
    plural possessive right before a closing single mark is ambiguous even to a reader)."""
    plain = [w for w in QUOTE_WORDS if w.isalpha()]
    middle = [rng.choice(QUOTE_WORDS) for _ in range(rng.randint(3, 12))]
    return " ".join([rng.choice(plain).capitalize(), *middle, rng.choice(plain)]) + "."


def article(rng: random.Random) -> tuple[str, list[str], list[str], list[str]]:
    """Body, sentinels that must stay outside quotes, quoted texts that must be found, and
    texts of well-formed quotes credited to Rusk."""
    paras: list[str] = ["Interim manager Simon Rusk spoke after the game."]
    outside: list[str] = []
    expected: list[str] = []
    credited: list[str] = []
    for i in range(rng.randint(3, 9)):
        kind = rng.choice(["narrative", "stray", "quote", "unclosed", "no-opener", "run"])
        op, cl = rng.choice(MARKS)
        if kind in ("narrative", "stray"):
            text, sentinels = narrative(rng, f"{i}")
            if kind == "stray":
                pos = rng.randint(1, len(text) - 1)
                text = text[:pos] + rng.choice(STRAY) + text[pos:]
                sentinels = [s for s in sentinels if s in text]  # the mark may split a sentinel
            outside.extend(sentinels)
            paras.append(text)
        elif kind == "quote":
            q = quote_words(rng)
            paras.append(f"{op}{q[:-1]},{cl} said Rusk.")
            expected.append(q[:-1])
            credited.append(q[:-1])
        elif kind == "unclosed":
            q = quote_words(rng)
            paras.append(f"Rusk added: {op}{q}")
            expected.append(q)
        elif kind == "no-opener":
            q = quote_words(rng)
            paras.append(f"{q[:-1]},{cl} said Rusk.")
        else:
            run = [quote_words(rng) for _ in range(rng.randint(2, 4))]
            paras.extend(f"{op}{q}" for q in run[:-1])
            paras.append(f"{op}{run[-1]}{cl}")
            expected.extend(run)
    return "\n\n".join(paras), outside, expected, credited


@pytest.mark.parametrize("seed", range(200))
def test_random_marks_never_crash_nor_swallow_text(seed: int) -> None:
    rng = random.Random(6000 + seed)
    body, outside, expected, credited = article(rng)
    ctx = make_ctx(body, ["Simon Rusk"])
    quotes.run(ctx)
    found = {q.text: q for q in ctx.facts.quotes}
    for q in ctx.facts.quotes:
        (ev,) = q.evidence
        assert body[ev.start : ev.end] == ev.text == q.text and q.text
        assert "\n\n" not in q.text, "a quotation ran past its paragraph"
    for start, end in ctx.quote_spans:
        assert "\n\n" not in body[start:end]
    for sentinel in outside:
        pos = body.index(sentinel)
        assert not ctx.in_quote(pos, pos + len(sentinel)), f"narrative {sentinel!r} swallowed by a quote"
    for text in expected:
        assert text in found, f"quote {text!r} not found"
    for text in credited:
        assert found[text].speaker == "Simon Rusk"
