"""Fuzz the extractor with generated football-ish text: it never raises, every evidence offset is
exact, and no case runs long (hypothesis ``deadline`` per case: a generous bound, so a loaded 2-core
machine does not flake, that a quadratic path on these sizes would still blow)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from touchline.errors import InputError
from touchline.ingest.readers import make_article
from touchline.models import Article
from touchline.nlp.budget import Budget
from touchline.nlp.pipeline import Extractor
from touchline.testing.hostile_text import PATTERNS, hostile_text

WORDS = [
    "Arsenal",
    "Chelsea",
    "Liverpool",
    "Everton",
    "Palace",
    "Wolves",
    "Brighton",
    "Villa",
    "Southampton",
    "Leeds",
    "United",
    "City",
    "Tom",
    "Hollis",
    "Jack",
    "Smith",
    "Sean",
    "Dyche",
    "Mikel",
    "Arteta",
    "Marco",
    "Silva",
    "he",
    "she",
    "they",
    "the",
    "boss",
    "manager",
    "striker",
    "said",
    "added",
    "told",
    "BBC",
    "Sport",
    "scored",
    "beat",
    "drew",
    "lost",
    "won",
    "against",
    "at",
    "the",
    "Emirates",
    "Anfield",
    "minute",
    "penalty",
    "header",
    "equaliser",
    "winner",
    "goal",
    "draw",
    "half-time",
    "Premier",
    "League",
    "FA",
    "Cup",
    "final",
    "sacked",
    "appointed",
    "a",
    "an",
    "of",
    "in",
    "on",
    "for",
    "with",
    "and",
    "but",
    "1-0",
    "2-1",
    "3-3",
    "0-0",
    "(45)",
    "90+2",
    "45+1",
    "23'",
    "67",
    "2024",
    "Saturday",
]
PUNCT = [".", ",", ";", ":", "!", "?", " -", " –", " —", "(", ")", "[", "]", "'", "’", "\n", "\n\n"]
QUOTES = ['"', "“", "”", "‘", "’"]

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCT), st.sampled_from(QUOTES))
quote = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(lambda ws: "“" + " ".join(ws) + ",” ")
score = st.tuples(st.integers(0, 12), st.integers(0, 12), st.sampled_from(["-", "–", " - "])).map(
    lambda t: f"{t[0]}{t[2]}{t[1]}"
)
piece = st.one_of(token, token, token, quote, score)
texts = st.lists(piece, min_size=1, max_size=400).map(lambda ps: " ".join(ps))


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(budget=Budget())  # no budget: a slow case must fail the deadline, not be skipped


def evidence(obj: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key == "evidence" and isinstance(value, list):
                out += [e for e in value if isinstance(e, dict)]
            else:
                out += evidence(value)
    elif isinstance(obj, list):
        for value in obj:
            out += evidence(value)
    return out


def check(extractor: Extractor, article: Article) -> None:
    facts = extractor.extract(article)
    assert facts.status is None
    body = article.body
    for ev in evidence(facts.to_dict()):
        assert 0 <= ev["start"] <= ev["end"] <= len(body)
        assert body[ev["start"] : ev["end"]] == ev["text"]


@settings(
    max_examples=60,
    deadline=timedelta(seconds=30),
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
@given(texts)
def test_generated_text_extracts_with_exact_offsets(extractor: Extractor, text: str) -> None:
    try:
        article = make_article(text, "fuzz")
    except Exception:  # empty after normalisation: nothing to extract
        return
    check(extractor, article)


@settings(
    max_examples=len(PATTERNS) * 2,
    deadline=timedelta(seconds=30),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.sampled_from(sorted(PATTERNS)), st.integers(500, 6_000))
def test_hostile_patterns_extract_quickly(extractor: Extractor, pattern: str, size: int) -> None:
    try:
        article = make_article(hostile_text(pattern, size), f"hostile:{pattern}")
    except InputError:  # no letter or digit (e.g. only dashes): not an article, nothing to extract
        return
    check(extractor, article)
