"""Streaming ingest on every store backend (see conftest.py): batches, re-runs skip stored articles,
interruptions keep only whole batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from touchline.models import Article, ArticleFacts, Person
from touchline.store import Store
from touchline.store.loader import ingest


class NamesOnly:
    """A tiny extractor double: every capitalised pair of words is a person (enough to create rows)."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.fail_on = fail_on

    def extract(self, article: Article) -> ArticleFacts:
        if self.fail_on and self.fail_on in article.body:
            raise ValueError("cannot parse")
        import re

        from touchline.models import Evidence

        people = [
            Person(m.group(0), None, [Evidence(m.start(), m.end(), m.group(0))])
            for m in re.finditer(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", article.body)
        ]
        return ArticleFacts(article, people=people)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleFacts]:
        for a in articles:
            yield self.extract(a)


def write_corpus(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"article{i:02d}.txt"
        p.write_text(
            f"date 2025-01-{i + 1:02d} Report number {i}: Marco Silva praised Raul Jimenez.\n",
            encoding="utf-8",
        )
        paths.append(p)
    return paths


def test_ingest_then_rerun_skips_everything(tmp_path: Path, store: Store) -> None:
    write_corpus(tmp_path / "in", 7)
    first = ingest(store, [tmp_path / "in"], batch_size=3, extractor=NamesOnly())  # type: ignore[arg-type]
    assert (first.read, first.stored, first.skipped, first.batches) == (7, 7, 0, 3)
    again = ingest(
        store,
        [tmp_path / "in", tmp_path / "in" / "article00.txt"],
        batch_size=3,
        extractor=NamesOnly(),  # type: ignore[arg-type]
    )
    assert (again.read, again.stored, again.already_stored, again.duplicates, again.batches) == (
        8,
        0,
        7,
        1,
        0,
    )
    assert store.counts()["people"] == 14


def test_bad_inputs_are_reported_and_others_stored(tmp_path: Path, store: Store) -> None:
    write_corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "broken.txt").write_text(
        "date 2025-02-02 this one breaks the extractor", encoding="utf-8"
    )
    report = ingest(store, [tmp_path / "in", tmp_path / "missing"], extractor=NamesOnly(fail_on="breaks"))  # type: ignore[arg-type]
    problems = dict(report.failed)
    assert report.stored == 2
    assert "empty" in problems[str(tmp_path / "in" / "empty.txt")]
    assert "no such file" in problems[str(tmp_path / "missing")]
    assert "extraction failed" in problems[str(tmp_path / "in" / "broken.txt")]


def test_interrupted_run_keeps_whole_batches_and_resumes(tmp_path: Path, store: Store) -> None:
    write_corpus(tmp_path / "in", 5)

    def stop_after_first_batch(report) -> None:  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest(store, [tmp_path / "in"], batch_size=2, extractor=NamesOnly(), progress=stop_after_first_batch)  # type: ignore[arg-type]
    assert store.counts()["articles"] == 2
    assert store.counts()["people"] == 4  # no half-written article: each has both its people
    resumed = ingest(store, [tmp_path / "in"], batch_size=2, extractor=NamesOnly())  # type: ignore[arg-type]
    assert (resumed.stored, resumed.already_stored) == (3, 2)
    assert store.counts()["articles"] == 5
