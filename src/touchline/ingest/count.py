"""How many items ``touchline ingest`` will read, counted cheaply before it starts (for a progress
bar with a total and an ETA).

A plain, HTML or seed file counts 1; a JSON Lines file one per non-blank line; a feed one per
``<item>``/``<entry>`` tag; a CSV export one per data record. Anything that is not a regular file
(a FIFO, a device) counts 1 and is never opened here. The count is an estimate of the work, not a
promise: a bad line is still one item (it gives one error).
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Iterable
from pathlib import Path

from touchline.ingest.csv_reader import open_text
from touchline.ingest.structured import classify

_FEED_ITEM = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?(?:item|entry)[\s>/]")
_CHUNK = 1 << 20


def count_items(paths: Iterable[str | Path], budget_seconds: float = 10.0) -> int | None:
    """The number of items under ``paths``, or None when counting would take longer than the budget."""
    from touchline.ingest.readers import JSONL_SUFFIXES

    deadline = time.monotonic() + budget_seconds
    total = 0
    for p in paths:
        path = Path(p)
        files = (
            sorted(c for c in path.rglob("*") if c.is_file() and not c.name.startswith("."))
            if path.is_dir()
            else [path]
        )
        for f in files:
            if time.monotonic() > deadline:
                return None
            if path.is_dir() and (f.suffix.lower() == ".json" or f.name.endswith(".gold.json")):
                continue
            total += _count_file(f, f.suffix.lower() in JSONL_SUFFIXES)
    return total


def _count_file(path: Path, jsonl: bool) -> int:
    try:
        if not path.is_file():
            return 1
        if jsonl:
            return max(1, _count_lines(path))
        kind = classify(path)
        if kind == "feed":
            return max(1, _count_bytes(path, _FEED_ITEM))
        if kind is not None and kind.startswith("csv:"):
            with open_text(path) as handle:
                rows = csv.reader(handle, delimiter=kind[4:])
                return max(1, sum(1 for r in rows if any(c.strip() for c in r)) - 1)
    except (OSError, csv.Error):
        return 1
    return 1


def _count_lines(path: Path) -> int:
    n = 0
    with path.open("rb") as fh:
        for line in fh:
            if line.strip():
                n += 1
    return n


def _count_bytes(path: Path, pattern: re.Pattern[bytes]) -> int:
    n = 0
    tail = b""
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            data = tail + chunk
            n += len(pattern.findall(data))
            tail = data[-64:]
            n -= len(pattern.findall(tail))  # matches in the tail are counted again with the next chunk
    return n + len(pattern.findall(tail)) if tail else n
