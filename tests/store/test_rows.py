"""The row ↔ record mapping and the schema both SQL stores share (store/rows.py, store/migrations.py)."""

from __future__ import annotations

import re

import pytest
from store_samples import sample

from touchline.store.base import ResultRecord
from touchline.store.migrations import MIGRATIONS, SQLITE_TYPES, TABLES_V1, render, statements
from touchline.store.postgres_migrations import POSTGRES_TYPES
from touchline.store.rows import COLUMNS, FACT_TABLES, Row, fact_rows, result_from_row, result_row

RESULTS = [
    ResultRecord("Premier League", "2024/25", "2025-01-04", "Fulham", "Chelsea", 2, 1),
    ResultRecord(
        "FA Cup",
        "2024/25",
        None,
        "Fulham",
        "Chelsea",
        3,
        3,
        round="Final",
        stage="playoffs",
        half_time=(1, 2),
        full_time=(2, 2),
        extra_time=True,
        penalties=(5, 4),
        source="openfootball",
    ),
]


@pytest.mark.parametrize("record", RESULTS)
def test_result_round_trips_through_its_row(record: ResultRecord) -> None:
    row = result_row(record)
    assert len(row) == len(COLUMNS["results"])
    assert result_from_row(row) == record


def test_fact_rows_fit_the_columns_and_link_ids() -> None:
    facts = sample(1)
    written: dict[str, list[Row]] = {}
    next_id = iter(range(100, 200))

    def add(table: str, rows: list[Row]) -> int:
        written.setdefault(table, []).extend(rows)
        return next(next_id) if table in FACT_TABLES else 0

    fact_rows(facts, add)
    for table, rows in written.items():
        width = len(COLUMNS[table]) - (1 if table in FACT_TABLES else 0)  # fact ids are assigned by add
        assert all(len(r) == width for r in rows), table
    assert {t: len(r) for t, r in written.items() if t in FACT_TABLES} == dict.fromkeys(FACT_TABLES, 1)
    assert written["goals"][0][0] == 100  # the goal points at its match (ids: match 100 … quote 104)
    assert len(written["evidence"]) == 6 and {e[1] for e in written["evidence"]} == set(FACT_TABLES)
    assert written["search_index"] == [("quote", facts.article.id, 104, "2025-01-04", "We were brilliant,")]


@pytest.mark.parametrize("types", [SQLITE_TYPES, POSTGRES_TYPES], ids=["sqlite", "postgres"])
def test_both_schemas_have_the_columns_the_rows_use(types: dict[str, str]) -> None:
    script = render(TABLES_V1, types)
    assert "{" not in script
    tables = {}
    for statement in statements(script):
        found = re.match(r"CREATE TABLE (\w+) \((.*)\)$", statement, re.S)
        if found:
            tables[found[1]] = set(re.findall(r"^\s*(\w+) ", found[2], re.M)) | set(
                re.findall(r", (\w+) ", found[2])
            )
    for later in MIGRATIONS[1:]:  # columns added by later migrations
        for table, col in re.findall(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", later):
            tables[table].add(col)
    for table, cols in COLUMNS.items():
        if table != "search_index":  # the FTS / tsvector table is each backend's own
            assert set(cols) <= tables[table], table
