"""CLI fixtures: a store built from the hand-made corpus of tests/query/kb_corpus.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "query"))

from kb_corpus import corpus

from touchline.query.kb import KnowledgeBase
from touchline.store.sqlite import SQLiteStore


@pytest.fixture
def kb_file(tmp_path: Path) -> str:
    path = tmp_path / "kb.db"
    kb = KnowledgeBase(SQLiteStore(path))
    kb.add(corpus())
    kb.close()
    return str(path)
