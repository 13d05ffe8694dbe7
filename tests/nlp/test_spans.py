"""SpanIndex answers exactly what the linear scans it replaced answered."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from touchline.nlp.spans import SpanIndex, pair_index

spans_st = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1])), max_size=25
)


@given(spans_st, st.integers(0, 80), st.integers(0, 30))
def test_span_index_matches_linear_scans(spans: list[tuple[int, int]], s: int, width: int) -> None:
    e = s + width
    index = pair_index(spans)
    assert index.overlaps(s, e) == any(a < e and s < b for a, b in spans)
    assert index.covers(s, e) == any(a <= s and e <= b for a, b in spans)
    assert index.contains_point(s) == any(a <= s < b for a, b in spans)
    assert index.within(s, e) == [x for x in spans if x[0] >= s and x[1] <= e]
    first = next((x for x in spans if x[0] <= s and e <= x[1]), None)
    got = index.first_covering(s, e)
    assert got == first and (got is None or spans.index(got) == spans.index(first))  # type: ignore[arg-type]


def test_within_keeps_the_given_order() -> None:
    items = [("b", 10, 12), ("a", 1, 3), ("c", 5, 6)]
    index = SpanIndex(items, lambda x: (x[1], x[2]))
    assert [x[0] for x in index.within(0, 20)] == ["b", "a", "c"]
    assert len(index) == 3
