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
