"""The ``store`` fixture runs each store test on every backend: SQLite always, PostgreSQL when the
server binaries are installed (skipped with the reason otherwise, see ``postgres_server``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from touchline.store import Store, open_store

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "t.db")
    return str(request.getfixturevalue("postgres_db"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    yield s
    s.close()


@pytest.fixture
def open_more(store_url: str) -> Iterator[Callable[[], Store]]:
    """Opens further stores on the same database (another process would do the same)."""
    opened: list[Store] = []

    def more() -> Store:
        s = open_store(store_url)
        opened.append(s)
        return s

    yield more
    for s in opened:
        s.close()
