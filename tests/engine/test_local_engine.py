"""``touchline ingest --workers N``: worker processes give the same facts as one process, re-runs send
nothing to the workers, and one bad input (or article, or worker) does not stop the run."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from touchline.config import SAMPLE_DIR
from touchline.engine import make_engine
from touchline.engine.local import LocalEngine
from touchline.models import Article, ArticleFacts, Evidence, Person
from touchline.store.loader import IngestReport, ingest
from touchline.store.sqlite import SQLiteStore

POISON = "POISON-PILL"  # an article body with this makes the test extractor raise
FATAL = "FATAL-CRASH"  # ... and with this, kills the worker process outright


class NamesOnly:
    """Extractor double for the worker tests: capitalised word pairs are people."""

    def extract(self, article: Article) -> ArticleFacts:
        if POISON in article.body:
            raise ValueError("cannot parse this one")
        if FATAL in article.body:
            os._exit(3)  # what a segfault in native code looks like to the parent
        people = [
            Person(m.group(0), None, [Evidence(m.start(), m.end(), m.group(0))])
            for m in re.finditer(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", article.body)
        ]
        return ArticleFacts(article, people=people)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleFacts]:
        for a in list(articles):
            yield self.extract(a)


def names_only() -> NamesOnly:
    return NamesOnly()


class Counting:
    """Wraps an engine and counts the articles it was asked to extract."""

    def __init__(self, inner: LocalEngine) -> None:
        self.inner = inner
        self.sent = 0

    def extract_batches(
        self, batches: Iterable[list[Article]], report: IngestReport
    ) -> Iterator[list[ArticleFacts]]:
        def counted() -> Iterator[list[Article]]:
            for b in batches:
                self.sent += len(b)
                yield b

        return self.inner.extract_batches(counted(), report)


def stored_dicts(path: Path) -> dict[str, dict[str, object]]:
    with SQLiteStore(path) as store:
        return {f.article.id: f.to_dict() for f in store.iter_facts()}


def write_articles(folder: Path, bodies: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, body in enumerate(bodies):
        (folder / f"a{i:03d}.txt").write_text(f"date 2025-03-{i % 28 + 1:02d}\n{body}\n", encoding="utf-8")


def test_two_workers_store_the_same_facts_as_one_process(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "one.db") as store:
        one = ingest(store, [SAMPLE_DIR], batch_size=4)
    with SQLiteStore(tmp_path / "two.db") as store:
        two = ingest(store, [SAMPLE_DIR], batch_size=3, engine=LocalEngine(2))
    assert one.stored == two.stored == len(list(SAMPLE_DIR.glob("*.txt")))
    assert two.failed == []
    assert two.batches == 4  # 12 articles in batches of 3, one transaction each
    serial, parallel = stored_dicts(tmp_path / "one.db"), stored_dicts(tmp_path / "two.db")
    assert parallel == serial
    assert any(d["matches"] for d in parallel.values())  # real facts, not empty shells


def test_rerun_sends_nothing_to_the_workers(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", [f"Report {i}: Marco Silva praised Raul Jimenez." for i in range(9)])
    with SQLiteStore(tmp_path / "kb.db") as store:
        first = Counting(LocalEngine(2, factory=names_only))
        r1 = ingest(store, [tmp_path / "in"], batch_size=2, engine=first)
        again = Counting(LocalEngine(2, factory=names_only))
        r2 = ingest(store, [tmp_path / "in"], batch_size=2, engine=again)
        assert store.counts()["articles"] == 9
    assert (r1.stored, first.sent) == (9, 9)
    assert (r2.stored, r2.already_stored, again.sent) == (0, 9, 0)


def test_bad_file_and_bad_article_are_reported_and_the_rest_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    bodies = [f"Match {i}: Eddie Howe watched Anthony Gordon score." for i in range(6)]
    bodies[2] = f"Match 2: {POISON} for Bruno Guimaraes."
    write_articles(folder, bodies)
    (folder / "zz_binary.txt").write_bytes(bytes(range(256)) * 40)
    with SQLiteStore(tmp_path / "kb.db") as store:
        report = ingest(store, [folder], batch_size=2, engine=LocalEngine(2, factory=names_only))
        stored = {f.article.body for f in store.iter_facts()}
    assert report.stored == 5
    problems = dict(report.failed)
    assert any("zz_binary.txt" in source for source in problems)
    assert any("cannot parse this one" in p and "a002.txt" in s for s, p in report.failed)
    assert not any(POISON in body for body in stored)


def test_a_dead_worker_loses_only_its_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    bodies = [f"Game {i}: Thomas Frank praised Dejan Kulusevski." for i in range(8)]
    bodies[3] = f"Game 3: {FATAL} for Pedro Porro."
    write_articles(folder, bodies)
    with SQLiteStore(tmp_path / "kb.db") as store:
        report = ingest(store, [folder], batch_size=2, engine=LocalEngine(2, factory=names_only))
    assert report.stored == 6  # the batch holding a002 and a003 is lost, nothing else
    failed = sorted(Path(s).name for s, _ in report.failed)
    assert failed == ["a002.txt", "a003.txt"]
    assert all("worker process died" in p for _, p in report.failed)


@pytest.mark.parametrize(
    ("engine", "workers", "kind"),
    [(None, None, None), (None, 0, None), ("local", 3, LocalEngine), ("local", None, LocalEngine)],
)
def test_make_engine(engine: str | None, workers: int | None, kind: type | None) -> None:
    made = make_engine(engine, workers)
    assert (made is None) if kind is None else isinstance(made, kind)


def test_cli_ingest_with_workers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from touchline.cli.main import main

    db = tmp_path / "kb.db"
    assert main(["ingest", str(SAMPLE_DIR), "--db", str(db), "--workers", "2", "--batch-size", "5"]) == 0
    assert "stored 12" in capsys.readouterr().out
    assert main(["ingest", str(SAMPLE_DIR), "--db", str(db), "--workers", "2"]) == 0
    assert "stored 0, skipped 12 (12 already stored" in capsys.readouterr().out
