"""Shared fixtures. The seeds and reference data are read from ../shared (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "spec" / "seeds"
SCORE_PY = SHARED / "spec" / "score.py"
SHARED_DATA = SHARED / "data"


def require_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not found: this test reads ../shared, which this clone does not have")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return require_shared(SEEDS)


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    from touchline.nlp.pipeline import default_extractor

    return default_extractor()


# ---- PostgreSQL (store backend tests) ----------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server():  # type: ignore[no-untyped-def]
    """URL of a throwaway PostgreSQL server for the whole session (initdb into a temp dir, free port).

    Skips with the reason when psycopg or the server binaries (Debian package ``postgresql``) are missing.
    """
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL tests skipped: psycopg is not installed (pip install 'touchline[postgres]')")
    from touchline.testing.pgserver import PostgresUnavailable, temporary_postgres

    try:
        server = temporary_postgres()
        url = server.__enter__()
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    try:
        yield url
    finally:
        server.__exit__(None, None, None)


@pytest.fixture
def postgres_db(postgres_server: str):  # type: ignore[no-untyped-def]
    """URL of a fresh, empty database on the session server (dropped after the test)."""
    import uuid

    import psycopg

    name = f"t_{uuid.uuid4().hex[:16]}"
    base = postgres_server.rsplit("/", 1)[0]
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
