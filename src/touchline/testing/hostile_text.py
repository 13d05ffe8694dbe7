"""Pathological article bodies for the extractor: each pattern makes a text of a requested size.

Used by ``benchmarks/hostile.py`` (time per pattern at two sizes, growth exponent) and by the
extractor fuzz tests. Every pattern repeats one shape that once cost more than linear time (or is
a plausible way to): repeated quotes and speakers, scorelines, names, capitalised words, one huge
paragraph, thousands of paragraphs, long runs of one character, nested brackets.
"""

from __future__ import annotations

import random
from collections.abc import Callable

_PROSE = (
    "The home side pressed high from the first whistle and the visitors struggled to play out from "
    "the back, with the midfield overrun for long spells of the opening half. "
)
_CAPS = [
    "Alpha",
    "Bravo",
    "Charlie",
    "Delta",
    "Echo",
    "Foxtrot",
    "Golf",
    "Hotel",
    "India",
    "Juliet",
    "Kilo",
    "Lima",
    "Mike",
    "November",
    "Oscar",
    "Papa",
    "Quebec",
    "Romeo",
    "Sierra",
    "Tango",
    "Uniform",
    "Victor",
    "Whiskey",
    "Xray",
    "Yankee",
    "Zulu",
    "Arsenal",
    "Chelsea",
    "United",
    "City",
    "Rovers",
    "Athletic",
    "Wanderers",
    "Albion",
    "Palace",
    "Villa",
    "Town",
    "County",
]
_MIXED_WORDS = [
    "Arsenal",
    "Chelsea",
    "Liverpool",
    "Everton",
    "Palace",
    "Wolves",
    "Brighton",
    "Villa",
    "said",
    "goal",
    "scored",
    "penalty",
    "minute",
    "manager",
    "coach",
    "striker",
    "keeper",
    "header",
    "equaliser",
    "winner",
    "draw",
    "beat",
    "lost",
    "won",
    "1-0",
    "2-1",
    "3-3",
    "(45)",
    "90+2",
    '"We"',
    "“great”",
    "performance",
    "Tom",
    "Hollis",
    "Jack",
    "Smith",
    "Premier",
    "League",
    "Cup",
    "final",
    "match",
    ".",
    ",",
    ";",
    ":",
    "-",
    "–",
    "—",
    "(",
    ")",
    "[",
    "]",
    "'",
    "’",
    "!",
    "?",
    "\n",
    "\n\n",
]


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _random_caps(size: int) -> str:
    rng = random.Random(7)
    out: list[str] = []
    n = 0
    while n < size:
        w = rng.choice(_CAPS)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)


def _word_salad(size: int) -> str:
    rng = random.Random(11)
    out: list[str] = []
    n = 0
    while n < size:
        w = rng.choice(_MIXED_WORDS)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)


def _nested(size: int) -> str:
    half = max(1, size // 4)
    return ("(" * half + "x" + ")" * half + " ") * 2


PATTERNS: dict[str, Callable[[int], str]] = {
    "quotes_said": lambda n: _repeat('"Hi," he said ', n),
    "quotes_curly_named": lambda n: _repeat("\u201cWe were good,\u201d said Tom Hollis. ", n),
    "quote_unclosed": lambda n: "\u201c" + _repeat("we kept going and ", n),
    "scorelines": lambda n: _repeat("1-1 ", n),
    "scorelines_clubs": lambda n: _repeat("Arsenal 2-1 Chelsea ", n),
    "score_sentence": lambda n: _repeat("Arsenal beat Chelsea 2-1 at the Emirates. ", n),
    "names": lambda n: _repeat("Tom Hollis ", n),
    "capitalised_words": _random_caps,
    "clubs": lambda n: _repeat("Arsenal Chelsea Liverpool ", n),
    "goal_minutes": lambda n: _repeat("Smith 23, Jones 45+2 (pen), ", n),
    "teamsheet": lambda n: _repeat("Arsenal: Raya, White, Saliba (Kiwior 67), Gabriel, Rice. ", n),
    "prose_one_paragraph": lambda n: _repeat(_PROSE, n),
    "sentence_no_punctuation": lambda n: _repeat("the ball went wide and ", n),
    "many_paragraphs": lambda n: _repeat("Arsenal won.\n\n", n),
    "many_lines": lambda n: _repeat("Tom Hollis scored\n", n),
    "digits": lambda n: "7" * n,
    "dashes": lambda n: "-" * n,
    "quote_marks": lambda n: '"' * n,
    "dots": lambda n: ". " * (n // 2),
    "nested_brackets": _nested,
    "word_salad": _word_salad,
}


def hostile_text(pattern: str, size: int) -> str:
    return PATTERNS[pattern](size)
