"""Storage of articles and their facts. ``open_store(url)`` picks the backend (SQLite by default)."""

from __future__ import annotations

from pathlib import Path

from touchline.store.base import BatchResult, FactRecord, ResultRecord, SearchHit, SourceRef, Store

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(url: str | Path) -> bool:
    return str(url).startswith(POSTGRES_SCHEMES)


def open_store(url: str | Path) -> Store:
    """A ``postgresql://`` (or ``postgres://``) URL opens the PostgreSQL backend; anything else is a
    SQLite file path. Either is created and migrated on open."""
    text = str(url)
    if is_postgres_url(text):
        from touchline.store.postgres import PostgresStore

        return PostgresStore(text)
    from touchline.store.sqlite import SQLiteStore

    return SQLiteStore(text)


__all__ = [
    "BatchResult",
    "FactRecord",
    "ResultRecord",
    "SearchHit",
    "SourceRef",
    "Store",
    "is_postgres_url",
    "open_store",
]
