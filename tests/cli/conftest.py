"""CLI fixtures: a store built from the hand-made corpus of tests/query/kb_corpus.py."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "query"))

from details_corpus import details_corpus
from kb_corpus import corpus

from touchline.models import Article, ArticleFacts, Evidence, Person
from touchline.query.kb import KnowledgeBase
from touchline.store.sqlite import SQLiteStore


def store_file(path: Path, facts: list[ArticleFacts]) -> str:
    """A store file at ``path`` holding ``facts``; its path as a string, for ``--db``."""
    kb = KnowledgeBase(SQLiteStore(path))
    kb.add(facts)
    kb.close()
    return str(path)


@pytest.fixture
def kb_file(tmp_path: Path) -> str:
    return store_file(tmp_path / "kb.db", corpus())


@pytest.fixture
def details_file(tmp_path: Path) -> str:
    """A store of the match-details corpus (team sheets, cards, referee, attendance)."""
    return store_file(tmp_path / "details.db", details_corpus())


class Capitalised:
    """Extractor double for CLI wiring tests: capitalised word pairs become people."""

    def extract(self, article: Article) -> ArticleFacts:
        people = [
            Person(m.group(0), None, [Evidence(m.start(), m.end(), m.group(0))])
            for m in re.finditer(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", article.body)
        ]
        return ArticleFacts(article, people=people)

    def extract_many(self, articles, batch_size: int = 32):  # type: ignore[no-untyped-def]
        return (self.extract(a) for a in articles)


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    import touchline.nlp.pipeline as pipeline

    monkeypatch.setattr(pipeline, "default_extractor", lambda: Capitalised())
