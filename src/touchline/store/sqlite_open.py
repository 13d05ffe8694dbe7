"""Opening a SQLite store: safe when several processes create the same new store at once, and readable
when the file or its folder is read-only.

* **Writable** (the usual case): the busy handler is set before anything else (``timeout``), switching
  to WAL is retried while another process holds the lock, and migrations run inside
  ``BEGIN IMMEDIATE`` after re-reading the schema version, so two processes creating one new store
  never both try to create the tables (``store/migrations.py``).
* **Read-only**: when the file or its folder cannot be written (a read-only mount, a folder without
  write permission, a file without it), the store is opened with ``mode=ro``; when even that fails
  because the WAL index (``-shm``) cannot be created next to the file, with ``immutable=1`` (SQLite
  then reads the main file only and assumes nobody changes it). Writes on such a store raise one
  clear ``StoreError``.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

from touchline.errors import StoreError
from touchline.store.migrations import LATEST, foreign_tables, migrate, stored_version

BUSY_MS = 30_000  # wait this long for another writer (or another process creating the store)
_READ_ONLY_ERRORS = ("readonly", "read-only", "unable to open")


def connect(path: str) -> tuple[sqlite3.Connection, str | None]:
    """A migrated connection to the store at ``path`` and, when it could only be opened read-only,
    the reason (else None)."""
    if path == ":memory:":
        return _writable(path), None
    file = Path(path)
    if file.is_dir():
        raise StoreError(f"{path}: is a folder, not a store file")
    reason = _read_only_reason(file)
    if reason is None:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"{path}: cannot create the store's folder ({exc.strerror or type(exc).__name__})"
            ) from exc
        try:
            return _writable(path), None
        except sqlite3.OperationalError as exc:
            if not file.exists() or not any(word in str(exc).lower() for word in _READ_ONLY_ERRORS):
                raise
            reason = f"it cannot be written ({exc})"
    return _read_only(file, reason), reason


def _read_only_reason(file: Path) -> str | None:
    """Why an existing store can only be read, or None when it can be written (or does not exist)."""
    if not file.exists():
        return None
    if not os.access(file, os.W_OK):
        return "the file is read-only"
    folder = file.parent if str(file.parent) else Path(".")
    if not os.access(folder, os.W_OK):  # SQLite must create its journal (-wal, -shm) next to the file
        return "its folder is read-only"
    return None


def refuse_foreign(conn: sqlite3.Connection, url: str) -> None:
    """StoreError (and the connection closed, the file untouched) when ``url`` is another
    application's SQLite file: no tables are added and the journal mode is not changed."""
    tables = foreign_tables(conn)
    if tables:
        conn.close()
        shown = ", ".join(tables[:5]) + (f" and {len(tables) - 5} more" if len(tables) > 5 else "")
        raise StoreError(
            f"{url}: an SQLite database of another application (tables: {shown}), not a touchline store;"
            " left unchanged, choose another --db file"
        )


def _writable(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=BUSY_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        refuse_foreign(conn, path)
        if path != ":memory:":
            _use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. The switch needs a moment of exclusive access, and SQLite answers "database is
    locked" at once (without the busy handler) while another process creates the store: retry."""
    deadline = time.monotonic() + BUSY_MS / 1000
    while True:
        try:
            mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
            if mode == "wal":
                return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
                raise
        if time.monotonic() > deadline:
            raise sqlite3.OperationalError("could not switch the store to WAL mode: database is locked")
        time.sleep(0.05)


def _read_only(file: Path, reason: str) -> sqlite3.Connection:
    uri = f"file:{quote(str(file.resolve()))}?mode=ro"
    conn: sqlite3.Connection | None = None
    problem: Exception | None = None
    for suffix in ("", "&immutable=1"):  # immutable: when the WAL index cannot be created
        try:
            conn = sqlite3.connect(uri + suffix, uri=True, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            version = stored_version(conn) or 0
            break
        except sqlite3.DatabaseError as exc:
            problem = exc
            if conn is not None:
                conn.close()
            conn = None
    if conn is None:
        raise StoreError(f"{file}: cannot open the read-only store ({problem})")
    if version != LATEST:
        conn.close()
        if version == 0:
            raise StoreError(f"{file}: not a touchline store (and it is read-only: {reason})")
        raise StoreError(
            f"{file}: the store has schema version {version} and this touchline needs {LATEST}, but it is"
            f" read-only ({reason}): open it once where it can be written to upgrade it"
        )
    return conn


__all__ = ["BUSY_MS", "connect", "refuse_foreign"]
