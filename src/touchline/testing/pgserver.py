"""Start a throwaway PostgreSQL server from the Debian ``postgresql`` package.

Used by the test suite and benchmarks: ``initdb`` into a temporary directory, start on a free
loopback port, yield a ``postgresql://`` URL, stop and delete everything at the end. PostgreSQL
refuses to run as root, so when we are root the server runs as the ``postgres`` system user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries here (install the Debian package ``postgresql``)."""


def find_bindir() -> Path:
    override = os.environ.get("TOUCHLINE_PG_BINDIR")
    candidates = [override] if override else sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent  # /usr/local/bin may hold only symlinks to some tools
    raise PostgresUnavailable("PostgreSQL server binaries not found: apt-get install postgresql")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _runner() -> tuple[list[str], int | None, int | None]:
    """Command prefix to run server binaries, and the uid/gid that must own the data dir."""
    if os.geteuid() != 0:
        return [], None, None
    try:
        pw = pwd.getpwnam("postgres")
    except KeyError as exc:
        raise PostgresUnavailable(
            "running as root and there is no 'postgres' user to run the server"
        ) from exc
    runuser = shutil.which("runuser")
    prefix = [runuser, "-u", "postgres", "--"] if runuser else ["su", "postgres", "-s", "/bin/sh", "-c"]
    return prefix, pw.pw_uid, pw.pw_gid


@contextmanager
def temporary_postgres(dbname: str = "touchline") -> Iterator[str]:
    bindir = find_bindir()
    prefix, uid, gid = _runner()
    if prefix and prefix[0] == "su":  # pragma: no cover - only without runuser
        raise PostgresUnavailable("runuser not found")
    root = Path(tempfile.mkdtemp(prefix="touchline-pg-"))
    data = root / "data"
    sock = root / "sock"
    data.mkdir()
    sock.mkdir()
    if uid is not None and gid is not None:
        for p in (root, data, sock):
            os.chown(p, uid, gid)
    port = free_port()

    def run(*cmd: str) -> None:
        subprocess.run([*prefix, *cmd], check=True, capture_output=True, timeout=120)

    try:
        run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-instructions",
        )
        run(
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(root / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=100",
            "start",
        )
        run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", dbname)
        yield f"postgresql://postgres@127.0.0.1:{port}/{dbname}"
    finally:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        time.sleep(0.1)
        shutil.rmtree(root, ignore_errors=True)
