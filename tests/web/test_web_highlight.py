"""Highlighting, charts and small view helpers: markup is built only from escaped pieces."""

from __future__ import annotations

import re

import pytest

from touchline.web.charts import Bar, PositionPoint, position_chart, timeline_chart
from touchline.web.highlight import Span, clip, excerpt, highlight, sentence_span
from touchline.web.views import article_url, mark_words, parse_hl, source_label


def _text(html: str) -> str:
    """The visible text of generated markup (tags dropped, the few entities we emit decoded)."""
    text = re.sub(r"<[^>]+>", "", html)
    for ent, ch in (("&lt;", "<"), ("&gt;", ">"), ("&#34;", '"'), ("&#39;", "'"), ("&amp;", "&")):
        text = text.replace(ent, ch)
    return text


@pytest.mark.parametrize(
    "body",
    [
        "plain words only",
        "<script>alert(1)</script> in the text",
        'a "quoted" <b>bold</b> & ampersand',
        "<img src=x onerror=alert(2)>",
        "",
    ],
)
def test_highlight_escapes_everything_and_keeps_the_text(body: str) -> None:
    spans = [Span(0, min(8, len(body)), "quote", 'label with "quotes" <i>'), Span(3, len(body), "goal")]
    html = str(highlight(body, spans))
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert _text(html) == body


def test_overlapping_spans_carry_every_class() -> None:
    body = "Ferreira scored in the 11th minute."
    html = str(highlight(body, [Span(0, 8, "person", "person: Jonah Ferreira"), Span(0, 34, "goal")]))
    assert '<mark class="hl-person hl-goal" title="person: Jonah Ferreira">Ferreira</mark>' in html
    assert '<mark class="hl-goal"> scored in the 11th minute</mark>.' in html


def test_anchor_goes_on_the_first_piece_only() -> None:
    body = "one two three"
    html = str(highlight(body, [Span(0, 13, "focus", anchor="focus"), Span(4, 7, "term")]))
    assert html.count('id="focus"') == 1
    assert html.startswith('<mark class="hl-focus" id="focus">one </mark>')


def test_bad_class_names_and_offsets_are_dropped() -> None:
    body = "abc"
    html = str(highlight(body, [Span(0, 2, 'x" onclick="y'), Span(-5, 1, "ok"), Span(2, 99, "ok")]))
    assert "onclick" not in html
    assert _text(html) == body
    assert clip([Span(5, 9, "a"), Span(2, 2, "b")], 3) == []


def test_sentence_span_and_excerpt() -> None:
    body = "First sentence here. The evidence phrase sits in this one. Third.\n\nNext paragraph <b>x</b>."
    start = body.index("evidence phrase")
    lo, hi = sentence_span(body, start, start + len("evidence phrase"))
    assert body[lo:hi] == "The evidence phrase sits in this one."
    html = str(excerpt(body, lo, hi, [Span(lo, hi, "sentence")], context=0))
    assert "<mark" in html and html.endswith(" …") and "<b>" not in html


def test_mark_words_prefix_matches_and_escapes() -> None:
    html = str(mark_words("Penalties & a <penalty> call", "penalt"))
    assert html.count("<mark") == 2 and "&lt;" in html and "&amp;" in html


@pytest.mark.parametrize(
    ("value", "expected"),
    [("10-40", (10, 40)), ("40-10", None), ("x", None), ("", None), (None, None), ("1-2-3", None)],
)
def test_parse_hl(value: str | None, expected: tuple[int, int] | None) -> None:
    assert parse_hl(value) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("/srv/data/s01_report.txt", "s01_report.txt"),
        ("https://example.org/a/b", "https://example.org/a/b"),
        ("C:\\news\\x.html", "x.html"),
    ],
)
def test_source_label(source: str, expected: str) -> None:
    assert source_label(source) == expected


def test_article_url_quotes_ids() -> None:
    assert article_url("ab/c", 1, 5) == "/articles/ab%2Fc?hl=1-5#focus"


def test_position_chart_draws_every_point_and_escapes_labels() -> None:
    points = [
        PositionPoint("2023-08-12", 3, "v <Everton>"),
        PositionPoint("2023-08-19", 1),
        PositionPoint("2023-08-26", 20),
    ]
    svg = str(position_chart(points, 20, "Club <x>: position"))
    assert svg.startswith("<svg") and svg.count("<circle") == 3
    assert "<Everton>" not in svg and "&lt;Everton&gt;" in svg and "&lt;x&gt;" in svg
    ys = [float(y) for y in re.findall(r'cy="([\d.]+)"', svg)]
    assert ys[1] < ys[0] < ys[2]  # first place is drawn at the top
    assert str(position_chart([], 20, "empty")) == ""


def test_timeline_chart_orders_bars_on_a_shared_axis() -> None:
    bars = [
        Bar("manager, <A>", "2020-01-01", "2021-01-01", True, True, "manager"),
        Bar("coach, B", "2021-01-01", None, False, False),
        Bar("no dates", None, None, False, False),
    ]
    svg = str(timeline_chart(bars, "Roles", today="2022-01-01"))
    xs = [float(x) for x in re.findall(r'<rect x="([\d.]+)"', svg)]
    assert len(xs) == 2 and xs[0] < xs[1]  # the undated bar is left out
    assert "&lt;A&gt;" in svg and "bar-open" in svg
    assert str(timeline_chart([], "none")) == ""
