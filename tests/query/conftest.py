"""Fixtures over the hand-built dated corpus in kb_corpus.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from kb_corpus import corpus

from touchline.models import ArticleFacts
from touchline.query.kb import KnowledgeBase
from touchline.store.sqlite import SQLiteStore


@pytest.fixture
def facts() -> list[ArticleFacts]:
    return corpus()


@pytest.fixture
def kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    knowledge = KnowledgeBase(SQLiteStore(tmp_path / "kb.db"))
    knowledge.add(corpus())
    yield knowledge
    knowledge.close()


@pytest.fixture
def make_kb(tmp_path: Path) -> Callable[[list[ArticleFacts]], KnowledgeBase]:
    def make(items: list[ArticleFacts]) -> KnowledgeBase:
        knowledge = KnowledgeBase(SQLiteStore(tmp_path / f"kb{len(list(tmp_path.iterdir()))}.db"))
        knowledge.add(items)
        return knowledge

    return make
