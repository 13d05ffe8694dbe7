"""Interval look-ups in logarithmic time, so a check per mention never scans every other mention.

``SpanIndex`` answers the questions the components used to answer with ``any(...)`` over a whole
list (which made an article with thousands of names or quotes quadratic):

* ``overlaps(s, e)``: does any span ``(a, b)`` have ``a < e and s < b``;
* ``covers(s, e)``: does any span have ``a <= s and e <= b``;
* ``contains_point(p)``: does any span have ``a <= p < b``;
* ``within(s, e)``: the items whose span lies inside ``[s, e]``, in the order they were given.

Each is exact (the same answer as the linear scan), for any spans, overlapping or not.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    def __init__(self, items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> None:
        self.items: list[T] = list(items)
        spans = [span(x) for x in self.items]
        order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._order = order
        self._starts = [spans[i][0] for i in order]
        self._ends = [spans[i][1] for i in order]
        self._longest = max((b - a for a, b in spans), default=0)
        self._max_end: list[int] = []
        best = -(10**18)
        for e in self._ends:
            best = max(best, e)
            self._max_end.append(best)

    def __len__(self) -> int:
        return len(self.items)

    def _max_end_before(self, k: int) -> int:
        """The largest end among the first ``k`` spans by start (``-inf`` when ``k`` is 0)."""
        return self._max_end[k - 1] if k > 0 else -(10**18)

    def overlaps(self, s: int, e: int) -> bool:
        return self._max_end_before(bisect.bisect_left(self._starts, e)) > s

    def covers(self, s: int, e: int) -> bool:
        return self._max_end_before(bisect.bisect_right(self._starts, s)) >= e

    def contains_point(self, p: int) -> bool:
        return self._max_end_before(bisect.bisect_right(self._starts, p)) > p

    def first_covering(self, s: int, e: int) -> T | None:
        """The first item (in the given order) whose span covers ``[s, e]``. Only spans starting at
        most the longest span's length before ``e`` can cover it, so only those are looked at."""
        if not self.covers(s, e):
            return None
        lo = bisect.bisect_left(self._starts, e - self._longest)
        hi = bisect.bisect_right(self._starts, s)
        best = min((self._order[k] for k in range(lo, hi) if self._ends[k] >= e), default=None)
        return None if best is None else self.items[best]

    def within(self, s: int, e: int) -> list[T]:
        lo = bisect.bisect_left(self._starts, s)
        hi = bisect.bisect_right(self._starts, e)
        picked = sorted(self._order[k] for k in range(lo, hi) if self._ends[k] <= e)
        return [self.items[i] for i in picked]


def pair_index(spans: Sequence[tuple[int, int]]) -> SpanIndex[tuple[int, int]]:
    return SpanIndex(spans, lambda x: x)
