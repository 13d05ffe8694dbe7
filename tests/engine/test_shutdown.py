"""Clean shutdown of ``touchline ingest --workers 2``: SIGTERM, Ctrl-C (SIGINT to the process group) and
kill -9 of the main process leave no process behind (forkserver, resource tracker, workers), and the
caller's stdout/stderr are released, so a pipeline ``touchline ingest … | cat`` ends.

The ingest runs the real CLI in a new session (its own process group) with a slow extractor double
(``slow_worker.py``); what is left is found by scanning /proc for that process group.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from touchline.store.sqlite import SQLiteStore

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


def group_members(pgid: int) -> list[int]:
    """Pids whose process group is ``pgid`` (zombies included: they still hold a /proc entry)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_bytes()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        if int(fields[2]) == pgid:  # state, ppid, pgrp
            found.append(int(entry))
    return found


def wait_until(condition, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return bool(condition())


def start_ingest(tmp_path: Path, method: str) -> subprocess.Popen[bytes]:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(80):
        (folder / f"a{i:03d}.txt").write_text(
            f"date 2025-03-01\nReport {i}: Marco Silva praised Raul Jimenez.\n"
        )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), str(HERE)]),
        "TOUCHLINE_START_METHOD": method,
    }
    return subprocess.Popen(
        [sys.executable, str(HERE / "slow_worker.py"), str(tmp_path / "kb.db"), str(folder), "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its own process group, like a job started from a shell
    )


def drain(proc: subprocess.Popen[bytes], into: list[bytes]) -> threading.Thread:
    """Read stdout and stderr to EOF in the background (EOF means every holder has closed them)."""

    def run() -> None:
        assert proc.stdout is not None and proc.stderr is not None
        into.append(proc.stdout.read())
        into.append(proc.stderr.read())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize(
    ("method", "how", "status"),
    [
        ("forkserver", "SIGTERM", 143),
        ("forkserver", "SIGINT to the group", 130),
        ("forkserver", "kill -9", -9),
        ("spawn", "kill -9", -9),
    ],
)
def test_no_process_is_left_behind(tmp_path: Path, method: str, how: str, status: int) -> None:
    proc = start_ingest(tmp_path, method)
    output: list[bytes] = []
    reader = drain(proc, output)
    pgid = proc.pid
    try:
        # main, resource tracker, two workers (and the forkserver): the workers are extracting
        assert wait_until(lambda: len(group_members(pgid)) >= 4, 90), "the workers never started"
        assert wait_until(lambda: (tmp_path / "kb.db").exists(), 30)
        time.sleep(1.0)
        if how == "SIGTERM":
            os.kill(proc.pid, signal.SIGTERM)
        elif how == "kill -9":
            os.kill(proc.pid, signal.SIGKILL)
        else:
            os.killpg(pgid, signal.SIGINT)  # what Ctrl-C in a terminal does
        assert proc.wait(timeout=30) == status
        assert wait_until(lambda: not group_members(pgid), 10), f"left behind: {group_members(pgid)}"
        reader.join(10)
        assert not reader.is_alive(), "stdout/stderr still held open by a left-over process"
    finally:
        if group_members(pgid):
            os.killpg(pgid, signal.SIGKILL)
        proc.wait(timeout=10)
    if status > 0:
        err = output[1].decode()
        assert "Traceback" not in err
        assert ("terminated" if status == 143 else "interrupted") in err
    with SQLiteStore(tmp_path / "kb.db") as store:  # whole batches only, and the store opens
        stored = store.counts()["articles"]
        assert stored % 2 == 0 and stored < 80
