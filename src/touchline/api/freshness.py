"""A running server answers from current data even when another process writes to the store.

The knowledge base caches merged views (matches, people, tenures) and the API caches derived lists
(``app.state.cache``). Before each request, :func:`sync` asks the store for its data version (SQLite:
``PRAGMA data_version``, one cheap call; PostgreSQL: the transaction snapshot, plus a row count when it
moved, see ``PostgresStore.data_version``) and drops both caches when it changed since they were built.
The server's own writes refresh the caches themselves and record the new version (:func:`mark_current`).
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("touchline.api")

_UNSET = object()


def sync(state: Any) -> bool:
    """Drop the cached views when the store changed under us; True when they were dropped."""
    kb = state.kb
    with state.kb_lock:
        try:
            version = kb.store.data_version()
        except Exception:  # a store that cannot answer fails the request itself, with its own message
            log.debug("data version check failed", exc_info=True)
            return False
        seen = getattr(state, "data_version", _UNSET)
        if seen is _UNSET:
            state.data_version = version
            return False
        if version == seen:
            return False
        kb.refresh()
        state.cache.clear()
        state.data_version = version
        return True


def mark_current(state: Any) -> None:
    """After the server's own write (caches already refreshed): remember the store's new version.
    Call with ``state.kb_lock`` held."""
    try:
        state.data_version = state.kb.store.data_version()
    except Exception:
        log.debug("data version check failed", exc_info=True)


__all__ = ["mark_current", "sync"]
