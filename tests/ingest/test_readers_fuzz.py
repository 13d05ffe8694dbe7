"""Fuzzing the readers: whatever the bytes, a reader never raises; it gives articles or clean error
lines (one line, naming the input, no control characters). The deadline is a hang guard per case
(generous, so a loaded machine does not fail it), not a speed measurement."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from touchline.errors import InputError
from touchline.ingest.decode import decode_bytes
from touchline.ingest.jsonl import parse_line
from touchline.ingest.readers import make_article, read_file, read_html_article, read_text_article
from touchline.models import Article

FUZZ = settings(
    max_examples=150,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def check(items: list[Article | InputError], where: str) -> None:
    assert items, "a reader gave nothing: neither an article nor an error"
    for item in items:
        if isinstance(item, InputError):
            line = f"touchline: {item}"
            assert "\n" not in line and "\x1b" not in line and "\r" not in line
            assert line.startswith(f"touchline: {where}")
        else:
            assert isinstance(item, Article) and item.body.strip()
            item.body.encode("utf-8")  # storable: no lone surrogate
            item.source.encode("utf-8")
            assert item.title is None or isinstance(item.title, str)
            assert item.published is None or len(item.published) == 10


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELDS = ("text", "body", "title", "source", "url", "published", "date", "html")
objects = st.dictionaries(st.sampled_from(FIELDS), json_values | st.text(min_size=1), max_size=6)

# the shapes that crashed readers before: lone surrogates, deep nesting, huge integers
shapes = st.sampled_from(
    [
        b'{"text": "\\ud800"}',
        b'{"text": "ok", "title": "\\udfff"}',
        b"[" * 5000 + b"]" * 5000,
        b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"text": "x", "published": ' + b"9" * 5000 + b"}",
        b'{"text": "x", "title": {"a": 1}}',
        b'{"text": NaN}',
        b"\xef\xbb\xbf{}",
        b'{"text": "\\u0000\\u0000"}',
    ]
)


@FUZZ
@given(st.one_of(st.binary(max_size=400), shapes, objects.map(lambda o: json.dumps(o).encode())))
def test_a_json_line_gives_an_article_or_one_clean_error(raw: bytes) -> None:
    if not raw.strip():
        return  # blank lines are skipped by the file reader
    items = list(parse_line(raw, "feed.jsonl:7"))
    check(items, "feed.jsonl:7")
    assert sum(isinstance(i, Article) for i in items) <= 1
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) <= 1  # one line per line, warnings included


@FUZZ
@given(objects)
def test_any_object_with_a_string_text_is_read_or_cleanly_refused(obj: dict[str, object]) -> None:
    items = list(parse_line(json.dumps(obj).encode(), "f.jsonl:1"))
    check(items, "f.jsonl:1")


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_as_a_text_file(data: bytes) -> None:
    try:
        items: list[Article | InputError] = [read_text_article(data, "in.txt")]
    except InputError as exc:
        items = [exc]
    check(items, "in.txt")


boms = st.sampled_from(
    [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]
)
codecs = {
    b"": "utf-8",
    b"\xef\xbb\xbf": "utf-8",
    b"\xff\xfe": "utf-16-le",
    b"\xfe\xff": "utf-16-be",
    b"\xff\xfe\x00\x00": "utf-32-le",
    b"\x00\x00\xfe\xff": "utf-32-be",
}


@FUZZ
@given(boms, st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200))
def test_text_with_any_byte_order_mark_decodes_to_the_same_text(bom: bytes, text: str) -> None:
    data = bom + text.encode(codecs[bom])
    if bom == b"\xff\xfe" and text.encode("utf-16-le").startswith(b"\x00\x00"):
        return  # that is a UTF-32 LE byte-order mark
    assert decode_bytes(data, "x.txt") == text


tags = st.sampled_from(["p", "div", "span", "article", "b", "table", "td", "script", "style", "h1", "!--"])
html_parts = st.lists(
    st.one_of(
        tags.map(lambda t: f"<{t}>"),
        tags.map(lambda t: f"</{t}>"),
        st.text(max_size=40),
        st.sampled_from(
            ["&amp;", "&#x1F600;", "&#0;", "&bogus;", "<![CDATA[", "]]>", "<?xml?>", "<!DOCTYPE x>"]
        ),
    ),
    max_size=60,
)


@FUZZ
@given(html_parts, st.integers(min_value=0, max_value=3000))
def test_any_html_page_is_read_or_cleanly_refused(parts: list[str], depth: int) -> None:
    page = "<html><body>" + "<div>" * depth + "".join(parts) + "</div>" * depth + "</body></html>"
    try:
        items: list[Article | InputError] = [read_html_article(page, "p.html")]
    except InputError as exc:
        items = [exc]
    check(items, "p.html")


@FUZZ
@given(st.text(max_size=500), st.one_of(st.none(), st.text(max_size=12)))
def test_make_article_from_any_text(text: str, published: str | None) -> None:
    try:
        items: list[Article | InputError] = [make_article(text, "t.txt", published)]
    except InputError as exc:
        items = [exc]
    check(items, "t.txt")


@settings(
    max_examples=40,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(st.one_of(st.binary(max_size=200), shapes), min_size=1, max_size=8),
    st.sampled_from([".jsonl", ".txt", ".html", ""]),
)
def test_any_file_on_disk(tmp_path_factory, lines: list[bytes], suffix: str) -> None:  # type: ignore[no-untyped-def]
    path: Path = tmp_path_factory.mktemp("fuzz") / f"in{suffix}"
    path.write_bytes(b"\n".join(lines))
    items = list(read_file(path))
    check(items, str(path))
