"""Fixtures for the engine tests: one local Ray instance per session, and a store URL that is a real
PostgreSQL server when one can be started here (else a SQLite file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def local_ray() -> Iterator[object]:
    ray = pytest.importorskip(
        "ray", reason="Ray engine tests skipped: ray is not installed (pip install 'touchline[ray]')"
    )
    pytest.importorskip("ray.data", reason="Ray engine tests skipped: ray[data] is not installed")
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    if started:
        ray.shutdown()


@pytest.fixture
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh PostgreSQL database when the backend and server binaries are available, else SQLite."""
    try:
        import touchline.store.postgres  # noqa: F401

        return str(request.getfixturevalue("postgres_db"))
    except (ImportError, pytest.skip.Exception):
        return str(tmp_path / "kb.db")
