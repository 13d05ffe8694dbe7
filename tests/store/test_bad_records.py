"""A record the store refuses costs only itself; a full disk is one clear line; another application's
SQLite file is refused and left unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from store_samples import sample
from test_loader import NamesOnly, write_corpus

from touchline.cli.main import main
from touchline.errors import StoreError
from touchline.models import Article, ArticleFacts
from touchline.store import Store, open_store
from touchline.store.loader import ingest
from touchline.store.sqlite import SQLiteStore


def with_title(facts: ArticleFacts, title: Any) -> ArticleFacts:
    a = facts.article
    return ArticleFacts(Article(a.id, a.source, a.published, a.body, title), people=facts.people)


@pytest.mark.parametrize("bad_title", [{"an": "object"}, "lone \ud800 surrogate", 10**30])
def test_one_refused_record_is_reported_and_the_rest_of_the_batch_commits(
    store: Store, bad_title: Any
) -> None:
    if not isinstance(store, SQLiteStore):
        pytest.skip("read-time checks keep such values away from PostgreSQL; the savepoints are SQLite's")
    batch = [sample(1), with_title(sample(2), bad_title), sample(3)]
    result = store.add_batch(batch)
    assert (result.stored, len(result.failed)) == (2, 1)
    assert result.failed[0][0] == batch[1].article.source and "not stored" in result.failed[0][1]
    assert store.stored_ids(f.article.id for f in batch) == {batch[0].article.id, batch[2].article.id}
    assert store.counts()["evidence"] == 12  # the refused article left no rows behind


def test_problems_are_reported_as_they_happen_not_at_the_end(tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "in", 6)
    (tmp_path / "in" / "article00.txt").write_bytes(b"")  # the first file read is bad
    events: list[str] = []
    with open_store(tmp_path / "t.db") as store:
        real_add = store.add_batch

        def add_batch(batch: Any) -> Any:
            events.append("batch stored")
            return real_add(batch)

        store.add_batch = add_batch  # type: ignore[method-assign]
        report = ingest(
            store,
            [tmp_path / "in"],
            extractor=NamesOnly(),  # type: ignore[arg-type]
            batch_size=2,
            on_problem=lambda source, problem: events.append(f"{Path(source).name}: {problem}"),
        )
    assert report.stored == len(files) - 1
    assert events[0] == "article00.txt: empty file" and events[1:] == ["batch stored"] * 3


def test_a_full_disk_is_one_line_and_leaves_a_consistent_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, 40)
    (folder / "aaa_empty.txt").write_bytes(b"")
    db = tmp_path / "full.db"
    real_init = SQLiteStore.__init__

    def small(self: SQLiteStore, path: str | Path) -> None:  # a store that can grow only a little
        real_init(self, path)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages + 3}")

    monkeypatch.setattr(SQLiteStore, "__init__", small)
    monkeypatch.setattr("touchline.nlp.pipeline.default_extractor", NamesOnly)
    status = main(["ingest", str(folder), "--db", str(db), "--batch-size", "5"])
    err = capsys.readouterr().err
    assert status == 2
    lines = err.splitlines()
    assert lines[0].startswith("touchline: ") and "aaa_empty.txt: empty file" in lines[0]  # printed first
    assert len(lines) == 2 and "the disk is full" in lines[1] and "database or disk is full" in lines[1]
    assert "Traceback" not in err and "cannot rollback" not in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        articles, facts = conn.execute(
            "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM article_facts)"
        ).fetchone()
    assert articles == facts and articles % 5 == 0 and articles < 40  # whole batches only


def foreign_db(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer INTEGER)")
        conn.execute("INSERT INTO customers (name) VALUES ('Ada')")
    conn.close()


def test_another_applications_sqlite_file_is_refused_and_left_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "app.db"
    foreign_db(db)
    before = db.read_bytes()
    with pytest.raises(StoreError, match="another application"):
        open_store(db)
    write_corpus(tmp_path / "in", 1)
    status = main(["ingest", str(tmp_path / "in"), "--db", str(db)])
    err = capsys.readouterr().err.splitlines()
    assert status == 2 and len(err) == 1
    assert "another application (tables: customers, orders)" in err[0] and "not a touchline store" in err[0]
    assert db.read_bytes() == before
    assert not Path(str(db) + "-wal").exists()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert names == ["customers", "orders"]


def test_a_new_or_touchline_file_still_opens(tmp_path: Path) -> None:
    (tmp_path / "empty.db").write_bytes(b"")
    for path in (tmp_path / "new.db", tmp_path / "empty.db"):
        with open_store(path) as store:
            assert store.schema_version() >= 1
        with open_store(path) as store:  # reopening its own store
            assert store.schema_version() >= 1
