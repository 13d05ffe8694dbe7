"""Storage of articles and their facts. ``open_store(url)`` picks the backend (SQLite by default)."""

from __future__ import annotations

from pathlib import Path

from touchline.errors import StoreError
from touchline.store.base import BatchResult, FactRecord, ResultRecord, SearchHit, SourceRef, Store


def open_store(url: str | Path) -> Store:
    """A SQLite file path (created and migrated on open). ``postgresql://`` URLs are reserved for a later backend."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        raise StoreError("the PostgreSQL backend is not available yet; use a SQLite file path")
    from touchline.store.sqlite import SQLiteStore

    return SQLiteStore(text)


__all__ = ["BatchResult", "FactRecord", "ResultRecord", "SearchHit", "SourceRef", "Store", "open_store"]
