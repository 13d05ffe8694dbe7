"""Two ingests starting at the same moment on a store that does not exist yet both store everything
(creating the tables, switching to WAL and migrating are safe under concurrency)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from touchline.store.migrations import LATEST
from touchline.store.sqlite import SQLiteStore

SRC = Path(__file__).resolve().parents[2] / "src"

# Each process waits for the "go" file, then opens the (new) store and ingests its own 5 articles
# through the loader, with an extractor double so the race is not hidden behind model loading.
WRITER = textwrap.dedent(
    """
    import hashlib, os, sys, time
    from touchline.models import Article, ArticleFacts
    from touchline.store import open_store
    from touchline.store.loader import ingest

    class Plain:
        def extract(self, a): return ArticleFacts(a)
        def extract_many(self, arts, batch_size=32): return [ArticleFacts(a) for a in arts]

    db, go, name = sys.argv[1:]
    arts = []
    for i in range(5):
        body = f"{name} report {i}: a plain article."
        arts.append(Article(hashlib.sha256(body.encode()).hexdigest(), f"{name}-{i}", "2025-01-01", body))
    while not os.path.exists(go):
        time.sleep(0.001)
    with open_store(db) as store:
        report = ingest(store, articles=arts, extractor=Plain(), batch_size=2)
    print(report.stored)
    """
)


def start(db: Path, go: Path, name: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(go), name],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.parametrize("repetition", range(20))
def test_two_ingests_create_one_new_store(tmp_path: Path, repetition: int) -> None:
    db, go = tmp_path / "new" / "kb.db", tmp_path / "go"
    procs = [start(db, go, "alpha"), start(db, go, "beta")]
    time.sleep(0.8)  # both interpreters are up and polling for the go file
    go.touch()
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert out.strip() == "5"
    with SQLiteStore(db) as store:
        assert store.counts()["articles"] == 10
        assert store.schema_version() == LATEST
        versions = store.conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0]
        assert versions == LATEST  # each migration applied exactly once
