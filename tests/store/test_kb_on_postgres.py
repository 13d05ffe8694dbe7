"""The knowledge-base tests of tests/query, run unchanged on a PostgreSQL-backed KnowledgeBase.

The test functions are imported from tests/query (so they stay one copy) and pick up the ``kb``,
``make_kb`` and ``seeds_kb`` fixtures defined here, which build the same knowledge bases on a fresh
PostgreSQL database instead of a SQLite file. Skipped when no PostgreSQL server is available.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

QUERY_TESTS = Path(__file__).resolve().parents[1] / "query"
if str(QUERY_TESTS) not in sys.path:
    sys.path.insert(0, str(QUERY_TESTS))

from kb_corpus import corpus  # noqa: E402

from touchline.models import ArticleFacts  # noqa: E402
from touchline.query.kb import KnowledgeBase  # noqa: E402
from touchline.store import open_store  # noqa: E402
from touchline.store.loader import ingest  # noqa: E402
from touchline.store.postgres import PostgresStore  # noqa: E402

pytestmark = pytest.mark.postgres

# Modules of tests/query whose knowledge bases come from the kb / make_kb / seeds_kb fixtures.
BORROWED_MODULES = (
    "test_ask_and_search",
    "test_merge_and_tenures",
    "test_standings_checks",
    "test_match_details",
    "test_kb_seeds",
    "test_search_pages",
    "test_ledger_links",
)
OURS = {"kb", "make_kb", "seeds_kb"}  # provided below, on PostgreSQL
BUILTIN = {"tmp_path", "tmp_path_factory", "monkeypatch", "request", "capsys"}
_FIXTURE_TYPE = type(pytest.fixture(lambda: None))


def _param_names(fn: Callable[..., object]) -> set[str]:
    names: set[str] = set()
    for mark in getattr(fn, "pytestmark", []):
        if mark.name == "parametrize":
            given = mark.args[0]
            names |= {n.strip() for n in (given.split(",") if isinstance(given, str) else given)}
    return names


def _borrow() -> list[str]:
    """Import every test that builds its knowledge base from our fixtures (and the helper fixtures
    those tests use), so one copy of each test runs on both backends."""
    taken: list[str] = []
    for module_name in BORROWED_MODULES:
        module = importlib.import_module(module_name)
        helpers = {
            name: obj
            for name, obj in vars(module).items()
            if isinstance(obj, _FIXTURE_TYPE) and name not in OURS
        }
        usable = OURS | BUILTIN | set(helpers) | {"seeds_dir"}
        for name, obj in vars(module).items():
            if not name.startswith("test_") or not inspect.isfunction(obj):
                continue
            needs = set(inspect.signature(obj).parameters) - _param_names(obj)
            if needs <= usable and needs & (OURS | set(helpers)):
                globals()[name] = obj
                taken.append(name)
        for name, obj in helpers.items():
            globals()[name] = obj
    return taken


BORROWED = _borrow()
EXTRA: dict[str, str] = getattr(importlib.import_module("test_kb_seeds"), "EXTRA", {})


def _fresh(postgres_server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres_server.rsplit('/', 1)[0]}/{name}"


@pytest.fixture
def kb(postgres_db: str) -> Iterator[KnowledgeBase]:
    store = open_store(postgres_db)
    assert isinstance(store, PostgresStore)
    knowledge = KnowledgeBase(store)
    knowledge.add(corpus())
    yield knowledge
    knowledge.close()


@pytest.fixture
def make_kb(postgres_server: str) -> Iterator[Callable[[list[ArticleFacts]], KnowledgeBase]]:
    made: list[KnowledgeBase] = []

    def make(items: list[ArticleFacts]) -> KnowledgeBase:
        url = _fresh(postgres_server, f"make_kb_{len(made)}")
        knowledge = KnowledgeBase(open_store(url))
        knowledge.add(items)
        made.append(knowledge)
        return knowledge

    yield make
    for k in made:
        k.close()


@pytest.fixture(scope="module")
def seeds_kb(
    tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, postgres_server: str
) -> Iterator[KnowledgeBase]:
    """The seeds plus two original articles, extracted by the real pipeline and ingested into PostgreSQL."""
    folder = tmp_path_factory.mktemp("extra_pg")
    for name, text in EXTRA.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = open_store(_fresh(postgres_server, "seeds_kb"))
    report = ingest(store, [seeds_dir, folder])
    assert report.stored == report.read >= 3 + len(EXTRA)
    knowledge = KnowledgeBase(store)
    yield knowledge
    knowledge.close()


def test_the_query_tests_were_borrowed() -> None:
    """Guards against an empty borrow list (e.g. after a rename in tests/query) passing silently."""
    assert len(BORROWED) >= 15, BORROWED
    assert "test_questions_are_answered_with_evidence" in BORROWED
