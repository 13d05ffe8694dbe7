"""Timeouts for the PostgreSQL store, so a server that stops answering gives one clear error instead of a
hang.

Server side (sent as connection options): ``statement_timeout`` and
``idle_in_transaction_session_timeout``. Network side: ``connect_timeout``, TCP keepalives and
``tcp_user_timeout`` (a peer that vanished). None of these helps when the server is alive at the TCP
level but frozen (stopped, swapped out, a hung disk): the kernel keeps acknowledging packets and the
server never enforces its own timeouts. So every store operation also runs under a client-side deadline
(:class:`Watchdog`, the statement timeout plus a grace period): when it passes, the connection's socket
is shut down, the blocked call returns, and the store raises ``StoreError`` saying the server did not
answer in time.

Every value comes from the environment (seconds) and a parameter already in the URL wins
(``postgresql://…/db?connect_timeout=5``, ``?options=-c%20statement_timeout%3D5000``):

=====================================  =======  ==============================================
variable                               default  what
=====================================  =======  ==============================================
``TOUCHLINE_PG_CONNECT_TIMEOUT``       10       connecting (libpq ``connect_timeout``)
``TOUCHLINE_PG_STATEMENT_TIMEOUT``     120      one statement on the server
``TOUCHLINE_PG_IDLE_TX_TIMEOUT``       60       a transaction left open by a stalled client
``TOUCHLINE_PG_KEEPALIVE_IDLE``        30       idle seconds before TCP keepalive probes
``TOUCHLINE_PG_GRACE``                 10       added to the statement timeout for the client deadline
=====================================  =======  ==============================================
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit


def _seconds(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    try:
        number = float(value)
    except ValueError:
        return default
    return number if number > 0 else default


@dataclass(frozen=True)
class PgTimeouts:
    connect: float = field(default_factory=lambda: _seconds("TOUCHLINE_PG_CONNECT_TIMEOUT", 10))
    statement: float = field(default_factory=lambda: _seconds("TOUCHLINE_PG_STATEMENT_TIMEOUT", 120))
    idle_in_transaction: float = field(default_factory=lambda: _seconds("TOUCHLINE_PG_IDLE_TX_TIMEOUT", 60))
    keepalive_idle: float = field(default_factory=lambda: _seconds("TOUCHLINE_PG_KEEPALIVE_IDLE", 30))
    grace: float = field(default_factory=lambda: _seconds("TOUCHLINE_PG_GRACE", 10))

    @property
    def deadline(self) -> float:
        """How long one store operation may wait for the server before the client gives up."""
        return self.statement + self.grace

    def connect_kwargs(self, dsn: str) -> dict[str, Any]:
        """libpq parameters for ``psycopg.connect``, leaving out any the URL already sets."""
        given = {k for k, _ in parse_qsl(urlsplit(dsn).query, keep_blank_values=True)}
        params: dict[str, Any] = {
            "connect_timeout": max(1, round(self.connect)),
            "keepalives": 1,
            "keepalives_idle": max(1, round(self.keepalive_idle)),
            "keepalives_interval": max(1, round(self.keepalive_idle / 3)),
            "keepalives_count": 3,
            "tcp_user_timeout": int(self.deadline * 1000),
        }
        out = {k: v for k, v in params.items() if k not in given}
        if "options" not in given:
            out["options"] = (
                f"-c statement_timeout={int(self.statement * 1000)}"
                f" -c idle_in_transaction_session_timeout={int(self.idle_in_transaction * 1000)}"
            )
        return out


class Watchdog:
    """Client-side deadlines for blocking calls on psycopg connections (one checker thread per store).

    ``with watchdog.guard(conn):`` — if the block is still waiting on the server after ``seconds``, the
    connection's socket is shut down (the blocked call then fails at once) and :meth:`fired` is true
    for it. Nested guards on the same connection keep the outer deadline.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._deadlines: dict[int, tuple[float, Any]] = {}
        self._fired: set[int] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @contextmanager
    def guard(self, conn: Any) -> Iterator[None]:
        key = id(conn)
        with self._lock:
            outer = key in self._deadlines
            if not outer:
                self._deadlines[key] = (time.monotonic() + self.seconds, conn)
                self._fired.discard(key)
                self._start()
        try:
            yield
        finally:
            if not outer:
                with self._lock:
                    self._deadlines.pop(key, None)

    def fired(self, conn: Any) -> bool:
        with self._lock:
            return id(conn) in self._fired

    def _start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="touchline-pg-watchdog", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            time.sleep(min(0.25, self.seconds / 4))
            now = time.monotonic()
            with self._lock:
                if not self._deadlines:
                    self._thread = None
                    return
                late = [(k, c) for k, (when, c) in self._deadlines.items() if when <= now]
                for key, _ in late:
                    self._deadlines.pop(key, None)
                    self._fired.add(key)
            for _, conn in late:
                _cut(conn)


def _cut(conn: Any) -> None:
    """Shut the connection's socket down so a call blocked on it returns with an error."""
    try:
        fd = conn.pgconn.socket
    except Exception:
        return
    try:
        dup = socket.socket(fileno=os.dup(fd))
    except OSError:
        return
    try:
        dup.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        dup.close()


__all__ = ["PgTimeouts", "Watchdog"]
