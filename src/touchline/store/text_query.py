"""What a user types into search → terms: words, and exact phrases in double quotes.

``own goal`` is two words that must both occur (the last may be the start of a word, so ``own goa``
finds "own goal" while typing); ``"own goal"`` is one phrase: the two words next to each other, in
that order, each a whole word, so it never matches "goalkeeper". Straight and curly quotes both work;
an unclosed quote runs to the end. Words are ``\\w+`` runs, as the FTS5 ``unicode61`` tokenizer and
PostgreSQL's ``simple`` parser split them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTED = re.compile(r"[\"“”„]([^\"“”„]*)(?:[\"“”„]|$)")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    phrase: bool = False  # typed in quotes: adjacent, in order, whole words
    prefix: bool = False  # the last bare word: may be the start of a longer word


def parse_terms(text: str) -> list[Term]:
    terms: list[Term] = []
    pos = 0
    for m in _QUOTED.finditer(text):
        terms += [Term((w,)) for w in _WORD.findall(text[pos : m.start()])]
        words = tuple(_WORD.findall(m.group(1)))
        if words:
            terms.append(Term(words, phrase=True))
        pos = m.end()
    terms += [Term((w,)) for w in _WORD.findall(text[pos:])]
    if terms and not terms[-1].phrase:
        terms[-1] = Term(terms[-1].words, prefix=True)
    return terms


def fts_query(text: str) -> str:
    """User words → a safe FTS5 query: every term must occur; a quoted phrase as an FTS5 phrase."""
    parts = []
    for t in parse_terms(text):
        part = '"' + " ".join(t.words) + '"'  # \w never contains a double quote
        parts.append(part + "*" if t.prefix else part)
    return " ".join(parts)


def ts_query(text: str) -> str:
    """User words → a safe ``to_tsquery`` input: every term must occur; a phrase with ``<->``."""
    parts = []
    for t in parse_terms(text):
        lexemes = [f"'{w}'" for w in t.words]  # \w never contains a quote or a backslash
        if t.prefix:
            lexemes[-1] += ":*"
        parts.append(lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")")
    return " & ".join(parts)
