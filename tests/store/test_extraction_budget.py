"""An article over its extraction budget is stored without facts, with its reason, and reported at
once with one line; the other articles of the batch are extracted and stored as usual."""

from __future__ import annotations

import pytest

from touchline.ingest.readers import make_article
from touchline.nlp.budget import TOO_COMPLEX, Budget
from touchline.nlp.pipeline import Extractor
from touchline.store import Store
from touchline.store.loader import ingest

GOOD = "Arsenal beat Chelsea 2-1 at the Emirates on Saturday. Tom Hollis scored twice."


@pytest.fixture(scope="module")
def small_budget_extractor() -> Extractor:
    return Extractor(budget=Budget(seconds=0, max_chars=2_000))


def test_too_long_article_is_stored_with_its_reason(store: Store, small_budget_extractor: Extractor) -> None:
    long = make_article("Tom Hollis scored again. " * 200, "long.txt")
    good = make_article(GOOD, "good.txt")
    lines: list[str] = []
    report = ingest(
        store,
        articles=[good, long],
        extractor=small_budget_extractor,
        on_problem=lambda source, problem: lines.append(f"touchline: {source}: {problem}"),
    )
    assert report.stored == 2 and not report.failed
    assert lines == [
        f"touchline: long.txt: {TOO_COMPLEX} (4,999 characters, limit 2,000); stored for later re-extraction"
    ]
    assert "1 stored but not extracted" in report.summary()
    assert store.unextracted() == [(long.id, "long.txt", f"{TOO_COMPLEX} (4,999 characters, limit 2,000)")]  # type: ignore[attr-defined]
    assert store.article(long.id) is not None
    facts = store.facts(long.id)
    assert facts is not None and not facts.matches and not facts.people
    good_facts = store.facts(good.id)
    assert good_facts is not None and good_facts.matches


def test_time_budget_stops_one_article_and_not_the_batch() -> None:
    ex = Extractor(budget=Budget(seconds=1e-9, max_chars=0))  # every article is past its deadline at once
    arts = [make_article(GOOD, "a.txt"), make_article(GOOD + " Again.", "b.txt")]
    got = list(ex.extract_many(arts))
    assert [f.status for f in got] == [f"{TOO_COMPLEX} (extraction took over 1e-09 CPU seconds)"] * 2
    assert [f.article.source for f in got] == ["a.txt", "b.txt"]
    assert ex.extract(arts[0]).status is not None


def test_no_budget_extracts_everything() -> None:
    ex = Extractor(budget=Budget())
    facts = ex.extract(make_article(GOOD, "a.txt"))
    assert facts.status is None and facts.matches


def test_budget_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOUCHLINE_EXTRACT_SECONDS", "2.5")
    monkeypatch.setenv("TOUCHLINE_EXTRACT_MAX_CHARS", "1234")
    assert Budget.from_settings() == Budget(2.5, 1234)
    monkeypatch.setenv("TOUCHLINE_EXTRACT_SECONDS", "not a number")
    assert Budget.from_settings().seconds == 10.0


def test_a_version_1_sqlite_store_gains_the_extraction_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from touchline.store import open_store
    from touchline.store.migrations import V1, apply, current_version

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    current_version(conn)
    conn.execute("BEGIN")
    apply(conn, V1, "INSERT INTO schema_version (version, applied_at) VALUES (?, 'then')", 1)
    conn.execute(
        "INSERT INTO articles (id, source, published, title, body) VALUES ('a', 'old.txt', NULL, NULL, 'x')"
    )
    conn.execute("COMMIT")
    conn.close()
    with open_store(str(path)) as store:
        assert store.schema_version() == 3  # v2 ledger links, v3 the extraction column
        assert store.unextracted() == []  # type: ignore[attr-defined]
