"""The CSV and feed readers never raise: any bytes give Articles or InputErrors naming the file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from touchline.errors import InputError
from touchline.ingest import iter_articles
from touchline.models import Article

_PIECES = st.sampled_from(
    [
        "title,text,date\n", "headline;body\n", '"', ",", "\n", "\r\n", "\t", "<rss>", "<channel>", "<item>",
        "</item>", "<title>x</title>", "<description>", "</description>", "&lt;p&gt;", "<![CDATA[<p>",
        "]]>", "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "<content type='xhtml'>", "<div>",
        "</entry>", "<?xml version='1.0'?>", "Fulham won 2-1.", "2024-12-18", "\x00", "\xff", "é", "&amp;",
        "<!DOCTYPE x>", "<pubDate>Wed, 18 Dec 2024</pubDate>",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40), st.sampled_from([".csv", ".xml", ".txt", ".rss", ".tsv"]))
def test_any_input_gives_articles_or_errors_naming_the_file(pieces: list[str], suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes("".join(pieces).encode("utf-8", "surrogatepass"))
        for item in iter_articles([path]):
            assert isinstance(item, Article | InputError)
            if isinstance(item, InputError):
                assert str(path) in item.source and item.problem
            else:
                assert item.body.strip()
