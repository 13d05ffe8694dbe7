"""The Store contract, run on every backend: round trip, batches, re-runs, interruption, search, results."""

from __future__ import annotations

from typing import Any

import pytest
from store_samples import plain, sample

from touchline.errors import StoreError
from touchline.models import Quote
from touchline.store import Store
from touchline.store.base import FactRecord, ResultRecord


def test_schema_is_at_the_latest_version_and_reopening_keeps_it(store: Store, open_more: Any) -> None:
    version = store.schema_version()
    assert version >= 1
    store.add_batch([sample(1)])
    again = open_more()
    assert again.schema_version() == version
    assert again.counts()["articles"] == 1


def test_round_trip_is_lossless(store: Store) -> None:
    facts = sample(1)
    assert store.add_batch([facts]).stored == 1
    assert store.facts(facts.article.id).to_dict() == facts.to_dict()  # type: ignore[union-attr]
    assert store.article(facts.article.id) == facts.article
    assert store.article("0" * 64) is None and store.facts("0" * 64) is None
    [m] = store.matches("Fulham")
    assert (m.fact.home, m.fact.away, m.fact.home_score, m.fact.away_score, m.fact.half_time) == (
        "Fulham",
        "Chelsea",
        2,
        1,
        (1, 0),
    )
    assert (m.fact.referee, m.fact.attendance, m.fact.flags) == ("Anthony Taylor", 24000, ["x"])
    assert m.fact.goals[0].scorer == "Raúl Jiménez" and m.fact.goals[0].kind == "penalty"
    body = facts.article.body
    records: list[FactRecord[Any]] = [*store.matches(), *store.roles(), *store.quotes(), *store.claims()]
    for rec in [*records, *store.people()]:
        evs = getattr(rec.fact, "evidence", None) or getattr(rec.fact, "mentions", [])
        assert evs and all(body[e.start : e.end] == e.text for e in evs)
        assert rec.ref.article_id == facts.article.id and rec.ref.source == "a1.txt"
    assert store.roles(club="Fulham")[0].fact.person == "Marco Silva"
    assert store.roles(club="Fulham", person="Someone Else") == []
    assert store.quotes("Marco Silva")[0].ref.article_id == facts.article.id
    assert store.people("Marco Silva")[0].fact.team == "Fulham"
    assert store.matches("Arsenal") == []
    counts = store.counts()
    assert counts["articles"] == 1 and counts["goals"] == 1 and counts["evidence"] == 6


def test_reads_are_ordered_by_publication_with_undated_first(store: Store) -> None:
    store.add_batch([sample(1, "2025-03-01"), sample(2, None), sample(3, "2025-01-01")])
    assert [r.ref.published for r in store.matches()] == [None, "2025-01-01", "2025-03-01"]
    assert [f.article.published for f in store.iter_facts()] == ["2025-01-01", "2025-03-01", None]


def test_same_article_twice_is_stored_once(store: Store) -> None:
    a = sample(1)
    first = store.add_batch([a, sample(2)])
    second = store.add_batch([a, sample(2), sample(3)])
    assert (first.stored, first.skipped, second.stored, second.skipped) == (2, 0, 1, 2)
    assert store.stored_ids([a.article.id, "nope"]) == {a.article.id}
    assert store.stored_ids([]) == set()
    assert store.counts()["articles"] == 3
    within = store.add_batch([sample(4), sample(4)])  # the same article twice inside one batch
    assert (within.stored, within.skipped) == (1, 1)


def test_failed_batch_leaves_no_half_written_article(store: Store) -> None:
    """SQLite refuses the bad article alone (a savepoint per article) and stores the good one;
    PostgreSQL rolls the whole batch back. Either way no article is half written."""
    good, bad = sample(1), sample(2)
    bad.quotes.append(Quote("X", None))  # type: ignore[arg-type]  # NOT NULL violation after rows were written
    try:
        result = store.add_batch([good, bad])
    except StoreError as exc:
        assert "rolled back" in str(exc)
        assert store.counts() == dict.fromkeys(store.counts(), 0)
        assert store.search("brilliant") == []
        assert store.add_batch([good]).stored == 1
        return
    assert (result.stored, [s for s, _ in result.failed]) == (1, [bad.article.source])
    assert store.stored_ids([good.article.id, bad.article.id]) == {good.article.id}
    assert store.counts()["quotes"] == len(good.quotes)  # nothing of the bad article was kept


def test_interrupt_inside_a_batch_rolls_it_back(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_batch([sample(1)])
    calls = {"n": 0}
    backend = type(store)
    original = backend._insert  # type: ignore[attr-defined]

    def interrupted(self: Store, *args: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        original(self, *args)

    monkeypatch.setattr(backend, "_insert", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.add_batch([sample(2), sample(3)])
    monkeypatch.undo()
    assert store.counts()["articles"] == 1  # the committed batch stays, the interrupted one is gone entirely
    assert store.counts()["matches"] == 1
    assert len(store.search("Fulham", kinds=("article",))) == 1
    result = store.add_batch([sample(1), sample(2), sample(3)])
    assert (result.stored, result.skipped) == (2, 1)


@pytest.mark.parametrize(
    ("query", "kinds", "expected"),
    [
        ("brilliant", ("quote",), {"quote"}),
        ("Craven Cottage", ("article",), {"article"}),
        ("brilliant", ("article", "quote"), {"article", "quote"}),
        ("jimenez", ("article",), {"article"}),  # accents folded
        ("JIMÉNEZ scored", ("article",), {"article"}),  # case folded, every word
        ("brill", ("quote",), {"quote"}),  # prefix match on the last word
        ("brill were", ("quote",), set()),  # ...but only on the last one
        ("Fulham Arsenal", ("article",), set()),  # every word must occur
        ("nonexistentword", ("article", "quote"), set()),
        ("'\" * AND OR ( -", ("article", "quote"), set()),  # operators and quotes are not syntax
    ],
)
def test_full_text_search(store: Store, query: str, kinds: tuple[str, ...], expected: set[str]) -> None:
    store.add_batch([sample(1)])
    hits = store.search(query, kinds=kinds)
    assert {h.kind for h in hits} == expected
    for h in hits:
        assert h.snippet
        if h.kind == "quote":
            assert h.evidence and h.evidence[0].text == "We were brilliant,"


def test_better_matches_rank_first(store: Store) -> None:
    once = plain(
        "Fulham drew at home while the rain fell on a quiet afternoon in west London.", "2025-01-01", "o"
    )
    often = plain("Fulham, Fulham, Fulham: the crowd sang for Fulham all afternoon long.", "2025-01-02", "f")
    store.add_batch([once, often])
    hits = store.search("fulham", kinds=("article",))
    assert [h.ref.source for h in hits] == ["f", "o"]
    assert hits[0].rank < hits[1].rank  # lower rank = better, on every backend
    assert len(store.search("fulham", kinds=("article",), limit=1)) == 1


def test_search_filters_by_date_and_articles(store: Store) -> None:
    a, b = sample(1, "2025-01-04"), sample(2, "2025-03-01")
    store.add_batch([a, b])
    assert {h.ref.article_id for h in store.search("Fulham", kinds=("article",), date_from="2025-02-01")} == {
        b.article.id
    }
    assert {h.ref.article_id for h in store.search("Fulham", kinds=("article",), date_to="2025-02-01")} == {
        a.article.id
    }
    assert {
        h.ref.article_id for h in store.search("Fulham", kinds=("article",), article_ids={a.article.id})
    } == {a.article.id}
    assert store.search("Fulham", article_ids=set()) == []
    assert store.article_ids_about(club="Chelsea") == {a.article.id, b.article.id}
    assert store.article_ids_about(person="Marco Silva", competition="Premier League") == {
        a.article.id,
        b.article.id,
    }
    assert store.article_ids_about(person="Raúl Jiménez") == {a.article.id, b.article.id}  # as a scorer
    assert store.article_ids_about(club="Arsenal") == set()
    assert store.article_ids_about() == {a.article.id, b.article.id}


def test_search_with_a_large_article_filter(store: Store) -> None:
    a = sample(1)
    store.add_batch([a])
    many = {f"{i:064x}" for i in range(2000)} | {a.article.id}
    assert [h.ref.article_id for h in store.search("Fulham", kinds=("article",), article_ids=many)] == [
        a.article.id
    ]


def test_find_article_ids_by_prefix(store: Store) -> None:
    a, b = sample(1), sample(2)
    store.add_batch([a, b])
    assert store.find_article_ids(a.article.id[:6].upper()) == [a.article.id]
    assert store.find_article_ids("") == sorted([a.article.id, b.article.id])
    assert store.find_article_ids("zz") == []


def test_reference_results_replace_on_reimport(store: Store) -> None:
    r = ResultRecord(
        "Premier League", "2024-25", "2024-08-16", "Manchester United", "Fulham", 1, 0, half_time=(0, 0)
    )
    store.add_results([r])
    store.add_results([r])
    [back] = store.results("Premier League", "2024-25", club="Fulham")
    assert back == r
    corrected = ResultRecord(
        "Premier League",
        "2024-25",
        "2024-08-16",
        "Manchester United",
        "Fulham",
        2,
        1,
        stage="regular",
        full_time=(1, 1),
        extra_time=True,
        penalties=(4, 3),
        source="fixed.txt",
    )
    assert store.add_results([corrected]) == 1
    assert store.results(club="Manchester United") == [corrected]
    assert store.counts()["results"] == 1
    assert store.results("Serie A") == [] and store.results(season="2023-24") == []


def test_readers_query_while_one_writer_ingests(store: Store, open_more: Any) -> None:
    """Four reader threads search and count while a writer commits batches: no errors, no partial batch.

    The PostgreSQL store is shared by every thread (it keeps a connection per thread) and its counts
    come from one snapshot, so they always equal whole batches. A SQLite store holds one connection, so
    each reader opens its own on the same file, as another process would; its counts are checked for
    never going backwards.
    """
    import threading

    from touchline.store.postgres import PostgresStore

    shared = isinstance(store, PostgresStore)
    batches, size = 12, 10
    done = threading.Event()
    errors: list[BaseException] = []
    seen: list[dict[str, int]] = []

    def reader() -> None:
        mine = store if shared else open_more()
        last = 0
        try:
            while not done.is_set():
                counts = mine.counts()
                seen.append(counts)
                assert counts["articles"] >= last
                last = counts["articles"]
                if shared:  # one snapshot: only whole batches, every article with all its rows
                    assert counts["articles"] % size == 0
                    assert counts["matches"] == counts["quotes"] == counts["articles"]
                    assert counts["evidence"] == 6 * counts["articles"]
                for hit in mine.search("brilliant", kinds=("quote",), limit=5):
                    assert hit.evidence and hit.evidence[0].text == "We were brilliant,"
                    assert mine.article(hit.ref.article_id) is not None
                for rec in mine.matches("Chelsea")[:5]:
                    assert rec.fact.evidence and rec.fact.goals
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        for b in range(batches):
            result = store.add_batch([sample(b * size + i) for i in range(size)])
            assert result.stored == size
    finally:
        done.set()
        for t in threads:
            t.join(timeout=60)
    assert not errors, errors[0]
    assert len(seen) >= 4
    final = store.counts()
    assert final["articles"] == batches * size and final["evidence"] == 6 * batches * size


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"own goal"', {"og"}),  # a phrase: adjacent whole words, never "goalkeeper"
        ("own goal", {"og", "keeper"}),  # bare words: every word, the last may be a prefix
        ('"goal own"', set()),  # a phrase keeps its order
        ("“own goal” Rovers", {"og"}),  # curly quotes, a phrase and a word
        ('"own goal', {"og"}),  # an unclosed quote runs to the end
        ('"own" goalkeeper', {"keeper"}),
    ],
)
def test_phrase_search(store: Store, query: str, expected: set[str]) -> None:
    store.add_batch(
        [
            plain("Rovers won after an own goal in the second half.", "2025-01-01", "og"),
            plain("Rovers' own goalkeeper saved twice; the goal came late.", "2025-01-02", "keeper"),
        ]
    )
    assert {h.ref.source for h in store.search(query, kinds=("article",))} == expected


def test_search_all_counts_every_hit_and_snippets_come_later(store: Store) -> None:
    bodies = [f"Report {i}: Fulham won again at Craven Cottage, match number {i}." for i in range(30)]
    store.add_batch([plain(b, f"2025-01-{i + 1:02d}", f"s{i}") for i, b in enumerate(bodies)])
    every = store.search_all("fulham", kinds=("article",))
    assert len(every) == 30 and all(h.snippet == "" and h.row_id is not None for h in every)
    assert [h.rank for h in every] == sorted(h.rank for h in every)
    assert len(store.search_all("fulham", kinds=("article",), cap=7)) == 7
    page = every[10:15]
    store.fill_snippets("fulham", page)
    assert all("[Fulham]" in h.snippet for h in page)
    arts = store.articles([h.ref.article_id for h in page] + ["0" * 64])
    assert set(arts) == {h.ref.article_id for h in page}
    assert all(arts[h.ref.article_id].source == h.ref.source for h in page)
