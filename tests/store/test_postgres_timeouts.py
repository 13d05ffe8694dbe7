"""PostgreSQL connections have timeouts: a frozen server (every server process stopped with SIGSTOP, so
the kernel still answers TCP but nothing else does) gives one clear error within the configured time,
for an open store and for a new command; a slow statement is cancelled by the server; the store works
again once the server resumes."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from touchline.errors import StoreError
from touchline.store import open_store
from touchline.store.pg_timeouts import PgTimeouts

SRC = Path(__file__).resolve().parents[2] / "src"
CLI = "import sys; from touchline.cli.main import main; sys.exit(main(sys.argv[1:]))"
FAST = {
    "TOUCHLINE_PG_CONNECT_TIMEOUT": "3",
    "TOUCHLINE_PG_STATEMENT_TIMEOUT": "2",
    "TOUCHLINE_PG_GRACE": "2",
}


def server_pids(port: int) -> list[int]:
    """The postmaster listening on ``port`` and all of its children (backends, background workers)."""
    parents: dict[int, int] = {}
    postmaster = None
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")
            stat = Path(f"/proc/{entry}/stat").read_bytes()
        except OSError:
            continue
        parents[int(entry)] = int(stat[stat.rfind(b")") + 2 :].split()[1])
        if b"-p" in cmd and str(port).encode() in cmd and any(c.endswith(b"postgres") for c in cmd[:1]):
            postmaster = int(entry)
    if postmaster is None:
        return []
    return [postmaster, *(pid for pid, ppid in parents.items() if ppid == postmaster)]


@pytest.fixture
def frozen_later(postgres_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, list[int]]]:
    """The database URL and the server's pids; whatever happens, the server is resumed afterwards."""
    for key, value in FAST.items():
        monkeypatch.setenv(key, value)
    port = urlsplit(postgres_db).port
    assert port is not None
    pids = server_pids(port)
    if not pids:
        pytest.skip("cannot find the throwaway server's processes in /proc")
    try:
        yield postgres_db, pids
    finally:
        for pid in server_pids(port) or pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)


def freeze(pids: list[int], port: int) -> list[int]:
    stopped = []
    for pid in [*pids, *server_pids(port)]:  # backends started since
        if pid not in stopped:
            try:
                os.kill(pid, signal.SIGSTOP)
                stopped.append(pid)
            except ProcessLookupError:
                pass
    return stopped


def test_frozen_server_gives_one_clear_line_within_the_timeout(frozen_later: tuple[str, list[int]]) -> None:
    url, pids = frozen_later
    port = urlsplit(url).port or 0
    store = open_store(url)
    try:
        assert store.counts()["articles"] == 0
        stopped = freeze(pids, port)
        try:
            start = time.monotonic()
            with pytest.raises(StoreError, match="did not answer within 4 s") as err:
                store.counts()
            assert time.monotonic() - start < 15
            assert "\n" not in str(err.value)

            start = time.monotonic()
            done = subprocess.run(
                [sys.executable, "-c", CLI, "search", "penalty", "--db", url],
                capture_output=True,
                text=True,
                env={**os.environ, **FAST, "PYTHONPATH": str(SRC)},
                timeout=60,
            )
            assert time.monotonic() - start < 30
            assert done.returncode == 2
            lines = done.stderr.strip().splitlines()
            assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
            assert "PostgreSQL" in lines[0] and ("timeout" in lines[0] or "did not answer" in lines[0])
        finally:
            for pid in stopped:
                os.kill(pid, signal.SIGCONT)
        assert store.counts()["articles"] == 0  # a fresh connection once the server is back
    finally:
        store.close()


def test_slow_statement_is_cancelled_by_the_server(postgres_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOUCHLINE_PG_STATEMENT_TIMEOUT", "1")
    with open_store(postgres_db) as store:
        start = time.monotonic()
        with pytest.raises(StoreError, match="statement timeout"):
            store._rows("SELECT pg_sleep(10)")  # type: ignore[attr-defined]
        assert time.monotonic() - start < 8
        assert store.counts()["articles"] == 0


def test_timeouts_are_configurable_and_the_url_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOUCHLINE_PG_STATEMENT_TIMEOUT", "30")
    monkeypatch.setenv("TOUCHLINE_PG_KEEPALIVE_IDLE", "12")
    kw = PgTimeouts().connect_kwargs("postgresql://u@h/db")
    assert (
        "statement_timeout=30000" in kw["options"] and "idle_in_transaction_session_timeout" in kw["options"]
    )
    assert kw["keepalives"] == 1 and kw["keepalives_idle"] == 12 and kw["connect_timeout"] == 10
    kw = PgTimeouts().connect_kwargs("postgresql://u@h/db?connect_timeout=4&options=-c%20work_mem%3D64MB")
    assert "connect_timeout" not in kw and "options" not in kw
    monkeypatch.setenv("TOUCHLINE_PG_STATEMENT_TIMEOUT", "nonsense")
    assert PgTimeouts().statement == 120
