"""A store that cannot be written (a read-only file, or a file in a read-only folder where SQLite cannot
create its -wal/-shm files) is readable by every read command and by ``serve``; a write says so in one
line and changes nothing.

The commands run in a subprocess. As root, permission bits do not stop anyone, so the subprocess runs
without the capabilities that bypass them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER), which is
what an ordinary user (or a read-only mount) gets.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from touchline.cli.demo_cmd import sample_files
from touchline.store import open_store
from touchline.store.loader import ingest
from touchline.testing.pgserver import free_port

SRC = Path(__file__).resolve().parents[2] / "src"
CLI = "import sys; from touchline.cli.main import main; sys.exit(main(sys.argv[1:]))"
PR_CAPBSET_DROP = 24
BYPASS_CAPS = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="permission test for Linux")


def _ordinary() -> None:
    """preexec_fn: as root, give up the capabilities that ignore file permissions."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    for cap in BYPASS_CAPS:
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop capability")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "TOUCHLINE_DB": ""}
    return subprocess.run(
        [sys.executable, "-c", CLI, *args],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=_ordinary,
        timeout=300,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, extractor) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("ro") / "sample.db"
    with open_store(path) as store:
        ingest(store, sample_files(), extractor=extractor)
    return path


@pytest.fixture(params=["read-only file", "read-only folder"])
def read_only_db(request: pytest.FixtureRequest, built: Path, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "store"
    folder.mkdir()
    db = folder / "kb.db"
    shutil.copy(built, db)
    if request.param == "read-only file":
        db.chmod(0o444)
    else:
        folder.chmod(0o555)
    try:
        yield db
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


READS = [
    ["search", "penalty"],
    ["ask", "who managed Crystal Palace on 2023-10-30?"],
    ["person", "Arteaga"],
    ["club", "Crystal Palace"],
    ["check"],
    ["export", "--format", "jsonl", "--table", "articles"],
]


def test_every_read_command_works_and_writes_say_so(read_only_db: Path) -> None:
    before = digest(read_only_db)
    in_folder = stat.S_IMODE(read_only_db.parent.stat().st_mode) == 0o555
    for args in READS if in_folder else READS[:1]:  # the folder case is the harder one: all commands
        done = run(*args, "--db", str(read_only_db))
        assert done.returncode == 0, (args, done.stderr)
        assert done.stdout.strip(), args
        if args[0] == "person":
            assert "Luis Arteaga" in done.stdout
    new = read_only_db.parent.parent / "new.txt"
    new.write_text("date 2025-01-01\nFulham beat Everton 2-0 at Craven Cottage.\n")
    done = run("ingest", str(new), "--db", str(read_only_db))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "read-only" in lines[0] and "Traceback" not in done.stderr
    assert digest(read_only_db) == before
    if (
        not os.access(read_only_db.parent, os.W_OK)
        or stat.S_IMODE(read_only_db.parent.stat().st_mode) == 0o555
    ):
        assert sorted(p.name for p in read_only_db.parent.iterdir()) == ["kb.db"]  # no -wal/-shm


def test_serve_reads_a_read_only_store(read_only_db: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(SRC), "TOUCHLINE_TOKEN": "t0ken"}
    proc = subprocess.Popen(
        [sys.executable, "-c", CLI, "serve", "--db", str(read_only_db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        preexec_fn=_ordinary,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        health = None
        for _ in range(300):
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=5) as r:
                    health = json.load(r)
                break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.1)
        assert health is not None, proc.stdout.read() if proc.stdout and proc.poll() is not None else ""
        assert health["articles"] == 12
        assert health["writes_enabled"] is False  # the store cannot take writes, whatever the token
        with urllib.request.urlopen(base + "/api/articles?limit=5", timeout=10) as r:
            assert len(json.load(r)["items"]) == 5
        with urllib.request.urlopen(base + "/search?q=penalty", timeout=10) as r:
            assert r.status == 200
        request = urllib.request.Request(
            base + "/api/articles",
            data=b"date 2025-01-01\nFulham beat Everton 2-0.",
            headers={"Authorization": "Bearer t0ken", "Content-Type": "text/plain"},
            method="POST",
        )
        try:
            urllib.request.urlopen(request, timeout=10)
            raise AssertionError("a write to a read-only store succeeded")
        except urllib.error.HTTPError as exc:
            assert exc.code == 403
            assert "read-only" in json.load(exc)["detail"]
    finally:
        proc.terminate()
        proc.wait(timeout=20)
