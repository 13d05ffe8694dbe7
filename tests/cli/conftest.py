"""CLI fixtures: a store built from the hand-made corpus of tests/query/kb_corpus.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "query"))

from details_corpus import details_corpus
from kb_corpus import corpus

from touchline.models import ArticleFacts
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
