"""API fixtures: one store built from the built-in sample corpus per session (extraction takes seconds).

Read tests share one app over that store; write tests get their own copy of the file so that posting
articles never changes what the read tests see.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from touchline.api.app import create_app
from touchline.cli.demo_cmd import sample_files
from touchline.store import open_store
from touchline.store.loader import ingest

TOKEN = "test-token-123"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = sample_files()
    assert files, "the built-in sample corpus is empty"
    path = tmp_path_factory.mktemp("api") / "sample.db"
    with open_store(path) as store:
        report = ingest(store, files)
    assert report.stored == len(files)
    return path


@pytest.fixture(scope="session")
def client(sample_db: Path) -> Iterator[TestClient]:
    """Read-only use: an app over the shared sample store (with a token, but tests here must not write)."""
    with TestClient(create_app(str(sample_db), token=TOKEN)) as c:
        yield c


@pytest.fixture
def write_db(sample_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "writable.db"
    shutil.copy(sample_db, path)
    return path


@pytest.fixture
def writer(write_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(write_db), token=TOKEN)) as c:
        yield c


@pytest.fixture(scope="session")
def token() -> str:
    return TOKEN


@pytest.fixture(scope="session")
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
