"""Shared request helpers: the knowledge base under its lock, and pagination parameters."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Query, Request

from touchline.query.kb import KnowledgeBase

T = TypeVar("T")

MAX_LIMIT = 200
DEFAULT_LIMIT = 50


@contextmanager
def kb_of(request: Request) -> Iterator[KnowledgeBase]:
    """The app's knowledge base, held under its lock for the duration of the block."""
    app = request.app
    with app.state.kb_lock:
        yield app.state.kb


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int

    def slice(self, items: Sequence[T]) -> list[T]:
        return list(items[self.offset : self.offset + self.limit])


def page_params(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"page size (1–{MAX_LIMIT})")
    ] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")] = 0,
) -> Page:
    return Page(limit, offset)


DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DateFrom = Annotated[
    str | None, Query(pattern=DATE_PATTERN, description="on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
]
DateTo = Annotated[
    str | None,
    Query(pattern=DATE_PATTERN, description="on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)"),
]


def in_range(date: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Whether ``date`` lies in the (inclusive, possibly partial) range; undated items only match no range."""
    if not date_from and not date_to:
        return True
    if not date:
        return False
    if date_from and date[: len(date_from)] < date_from:
        return False
    return not (date_to and date[: len(date_to)] > date_to)


def cached(request: Request, key: str, build: Callable[[], T]) -> T:
    """A value kept until the next write (the write endpoint clears ``app.state.cache``)."""
    cache: dict[str, object] = request.app.state.cache
    if key not in cache:
        cache[key] = build()
    return cache[key]  # type: ignore[return-value]
