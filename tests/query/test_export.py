"""``export``: every flat table in every format, read back; ``articles`` only as JSON Lines."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from details_corpus import details_corpus
from kb_corpus import corpus

from touchline.errors import QueryError
from touchline.query.export import COLUMNS, FORMATS, TABLES, export
from touchline.query.kb import KnowledgeBase
from touchline.store.base import ResultRecord

FLAT = [t for t in TABLES if t != "articles"]


@pytest.fixture
def full_kb(make_kb: Callable[..., KnowledgeBase]) -> KnowledgeBase:
    kb = make_kb(corpus() + details_corpus())
    kb.add_results([ResultRecord("Premier League", "2024-25", "2025-04-26", "Southampton", "Fulham", 1, 2)])
    return kb


def read_back(path: Path, fmt: str) -> list[dict[str, object]]:
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    import pandas as pd

    return list(pd.read_parquet(path).to_dict("records"))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("table", FLAT)
def test_every_table_in_every_format(full_kb: KnowledgeBase, tmp_path: Path, fmt: str, table: str) -> None:
    out = tmp_path / f"{table}.{fmt}"
    n = export(full_kb, fmt, table, str(out))
    rows = read_back(out, fmt)
    assert n == len(rows) > 0, table
    assert list(rows[0]) == list(COLUMNS[table])


@pytest.mark.parametrize("fmt", FORMATS)
def test_lineups_and_cards_rows(full_kb: KnowledgeBase, tmp_path: Path, fmt: str) -> None:
    export(full_kb, fmt, "lineups", str(tmp_path / f"l.{fmt}"))
    rows = read_back(tmp_path / f"l.{fmt}", fmt)
    captains = [r for r in rows if str(r["captain"]) in ("True", "true")]
    assert {(r["team"], r["name"]) for r in captains} == {
        ("Everton", "James Tarkowski"),
        ("Brentford", "Norgaard"),
    }
    harrison = next(r for r in rows if r["name"] == "Harrison")
    assert str(harrison["subbed_on"]) in ("70", "70.0") and str(harrison["starter"]) in ("False", "false")
    export(full_kb, fmt, "matches", str(tmp_path / f"m.{fmt}"))
    everton = next(r for r in read_back(tmp_path / f"m.{fmt}", fmt) if r["home"] == "Everton")
    assert str(everton["attendance"]).startswith("39021") and everton["referee"] == "Darren England"
    assert "attendance: chose 39021" in str(everton["conflicts"])


def test_articles_export_as_contract_objects(full_kb: KnowledgeBase, tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    n = export(full_kb, "jsonl", "articles", str(out))
    rows = read_back(out, "jsonl")
    assert n == len(rows) == len(corpus()) + len(details_corpus())
    assert any(m.get("lineups") for r in rows for m in r["matches"])


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_articles_are_jsonl_only(full_kb: KnowledgeBase, tmp_path: Path, fmt: str) -> None:
    with pytest.raises(QueryError, match="jsonl"):
        export(full_kb, fmt, "articles", str(tmp_path / f"a.{fmt}"))


@pytest.mark.parametrize(("fmt", "table"), [("xml", "matches"), ("csv", "fixtures")])
def test_unknown_format_or_table(full_kb: KnowledgeBase, tmp_path: Path, fmt: str, table: str) -> None:
    with pytest.raises(QueryError, match="unknown"):
        export(full_kb, fmt, table, str(tmp_path / "x"))


def test_empty_table_keeps_its_header(make_kb: Callable[..., KnowledgeBase], tmp_path: Path) -> None:
    kb = make_kb(corpus())
    export(kb, "csv", "cards", str(tmp_path / "c.csv"))
    assert (tmp_path / "c.csv").read_text(encoding="utf-8").strip() == ",".join(COLUMNS["cards"])
    export(kb, "parquet", "cards", str(tmp_path / "c.parquet"))
    import pandas as pd

    frame = pd.read_parquet(tmp_path / "c.parquet")
    assert len(frame) == 0 and list(frame.columns) == list(COLUMNS["cards"])


def test_parquet_needs_a_file(full_kb: KnowledgeBase) -> None:
    with pytest.raises(QueryError, match="--out"):
        export(full_kb, "parquet", "matches", None)
