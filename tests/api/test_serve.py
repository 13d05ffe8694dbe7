"""`touchline serve` as a real process: it starts, answers /healthz and /openapi.json, and stops."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(url: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            pytest.fail(f"touchline serve exited with {proc.returncode}:\n{out}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    pytest.fail(f"touchline serve did not answer at {url} within {seconds}s")


def test_serve_subprocess(write_db: Path) -> None:
    port = free_port()
    env = {**os.environ, "TOUCHLINE_TOKEN": "serve-token"}
    cmd = [sys.executable, "-m", "touchline.cli.main", "serve", "--db", str(write_db), "--port", str(port)]
    proc = subprocess.Popen(
        [*cmd, "--log-level", "warning"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(f"{base}/healthz", proc)
        health = httpx.get(f"{base}/healthz").json()
        assert health["status"] == "ok" and health["articles"] > 0 and health["writes_enabled"]
        spec = httpx.get(f"{base}/openapi.json").json()
        assert "/api/matches" in spec["paths"] and "/api/articles" in spec["paths"]
        denied = httpx.post(
            f"{base}/api/articles", content=b"Rovers won 1-0.", headers={"Content-Type": "text/plain"}
        )
        assert denied.status_code == 401
        big = httpx.post(
            f"{base}/api/articles",
            content=iter([b"x" * 1_048_576] * 10),
            headers={"Content-Type": "text/plain", "Authorization": "Bearer serve-token"},
        )
        assert big.status_code == 413
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_serve_refuses_missing_store(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    r = subprocess.run(
        [sys.executable, "-m", "touchline.cli.main", "serve", "--db", str(missing), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2 and "no store" in r.stderr
    assert not missing.exists()


@pytest.mark.parametrize("argv", [["--port", "70000"], ["--port", "-1"]])
def test_serve_rejects_bad_ports(write_db: Path, argv: list[str]) -> None:
    from touchline.cli.main import main

    assert main(["serve", "--db", str(write_db), *argv]) == 2
