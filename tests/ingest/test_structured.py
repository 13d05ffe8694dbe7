"""CSV exports and RSS/Atom feeds written here: one article per item, bad items reported, sniffed by content."""

from __future__ import annotations

from pathlib import Path

import pytest

from touchline.errors import InputError
from touchline.ingest import iter_articles
from touchline.ingest.csv_reader import parse_columns
from touchline.ingest.item_fields import html_fragment_text, item_date
from touchline.models import Article

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Sport</title><link>https://example.org/</link>
<item>
  <title>Rovers &amp; the late show</title>
  <link>https://example.org/rovers-late-show</link>
  <pubDate>Sat, 14 Dec 2024 19:05:00 +0000</pubDate>
  <description>Short summary only.</description>
  <content:encoded><![CDATA[<p>Northbridge Rovers beat Eastfield 2-1 on Saturday.</p><p>The winner came in the 90th minute.</p>]]></content:encoded>
</item>
<item>
  <title>Summary only</title>
  <link>https://example.org/summary</link>
  <pubDate>Sun, 15 Dec 2024 08:00:00 GMT</pubDate>
  <description>&lt;p&gt;Westport drew 0-0 with &lt;b&gt;Lakeside&lt;/b&gt;.&lt;/p&gt;</description>
</item>
<item>
  <title>Link only, nothing to read</title>
  <link>https://example.org/nothing</link>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom</title>
  <entry>
    <title type="html">Cup &lt;em&gt;shock&lt;/em&gt; at Harbour Park</title>
    <link rel="alternate" href="https://example.org/cup-shock"/>
    <id>tag:example.org,2024:1</id>
    <updated>2024-11-03T10:00:00Z</updated>
    <published>2024-11-02T21:30:00+01:00</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Harbour Town knocked out the holders.</p><p>It finished 3-2.</p></div></content>
  </entry>
  <entry>
    <title>Only a summary</title>
    <link href="https://example.org/summary-entry"/>
    <updated>2024-11-04T09:00:00Z</updated>
    <summary>The manager left by mutual consent.</summary>
  </entry>
</feed>
"""


def _read(*paths: Path, **kw: object) -> tuple[list[Article], list[InputError]]:
    items = list(iter_articles(paths, **kw))  # type: ignore[arg-type]
    return [a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, InputError)]


def test_rss_items_become_articles_with_title_date_and_text(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS, encoding="utf-8")
    arts, errors = _read(feed)
    assert [a.title for a in arts] == ["Rovers & the late show", "Summary only"]
    assert [a.published for a in arts] == ["2024-12-14", "2024-12-15"]
    assert (
        arts[0].body
        == "Northbridge Rovers beat Eastfield 2-1 on Saturday.\n\nThe winner came in the 90th minute."
    )
    assert arts[1].body == "Westport drew 0-0 with Lakeside."
    assert arts[0].source == "https://example.org/rovers-late-show"
    assert len(errors) == 1 and "item 3" in errors[0].source and "no text" in errors[0].problem


def test_atom_entries_use_published_then_updated_and_xhtml_content(tmp_path: Path) -> None:
    feed = tmp_path / "news.atom"
    feed.write_text(ATOM, encoding="utf-8")
    arts, errors = _read(feed)
    assert not errors
    assert [a.title for a in arts] == ["Cup shock at Harbour Park", "Only a summary"]
    assert [a.published for a in arts] == ["2024-11-02", "2024-11-04"]
    assert arts[0].body == "Harbour Town knocked out the holders.\n\nIt finished 3-2."
    assert arts[1].source == "https://example.org/summary-entry"


def test_a_feed_saved_as_txt_is_still_read_as_a_feed(tmp_path: Path) -> None:
    feed = tmp_path / "saved.txt"
    feed.write_text(RSS, encoding="utf-8")
    arts, _ = _read(feed)
    assert len(arts) == 2 and "<" not in arts[0].body


def test_malformed_feed_keeps_the_items_before_the_break(tmp_path: Path) -> None:
    feed = tmp_path / "broken.rss"
    cut = RSS.index("<item>", RSS.index("</item>"))
    feed.write_text(RSS[:cut] + "<item><title>half", encoding="utf-8")
    arts, errors = _read(feed)
    assert [a.title for a in arts] == ["Rovers & the late show"]
    assert len(errors) == 1 and "malformed XML" in errors[0].problem and "broken.rss" in errors[0].source


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("empty.rss", '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "no items"),
        (
            "sitemap.xml",
            '<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>',
            "not an RSS or Atom",
        ),
        (
            "bomb.xml",
            '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel><item>'
            "<description>&a;</description></item></channel></rss>",
            "entities",
        ),
    ],
)
def test_bad_feeds_give_one_error_naming_the_file(tmp_path: Path, name: str, text: str, problem: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    arts, errors = _read(tmp_path / name)
    assert not arts
    assert len(errors) == 1 and name in errors[0].source and problem in errors[0].problem


CSV = (
    "id,Headline,Body,pubDate,URL\n"
    '1,Rovers win,"Northbridge Rovers beat Eastfield 2-1.\n\nIt was late.",2024-12-14T19:00:00Z,https://e.org/1\n'
    "2,No text here,,2024-12-15,https://e.org/2\n"
    '3,"Quoted, title",<p>Westport drew 0-0 with <b>Lakeside</b>.</p>,"15 December 2024",\n'
)


def test_csv_rows_become_articles_by_common_column_names(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(CSV, encoding="utf-8")
    arts, errors = _read(export)
    assert [a.title for a in arts] == ["Rovers win", "Quoted, title"]
    assert [a.published for a in arts] == ["2024-12-14", "2024-12-15"]
    assert arts[0].body == "Northbridge Rovers beat Eastfield 2-1.\n\nIt was late."
    assert arts[1].body == "Westport drew 0-0 with Lakeside."
    assert arts[0].source == "https://e.org/1"
    assert arts[1].source == f"{export}:6"  # no url: the file and the line the row starts on
    assert len(errors) == 1 and errors[0].source == f"{export}:5" and "no text" in errors[0].problem


def test_csv_columns_can_be_named(tmp_path: Path) -> None:
    export = tmp_path / "cms.tsv"
    export.write_text("story_id\tcopy\twhen\nA\tFulham won 1-0.\t2023-05-01\n", encoding="utf-8")
    arts, errors = _read(export)
    assert not arts and "no text column" in errors[0].problem and "--columns" in errors[0].problem
    arts, errors = _read(export, columns=parse_columns("text=copy,published=when"))
    assert not errors and arts[0].body == "Fulham won 1-0." and arts[0].published == "2023-05-01"
    arts, errors = _read(export, columns={"text": "missing"})
    assert not arts and "no column 'missing'" in errors[0].problem


def test_a_csv_export_saved_as_txt_is_not_read_as_plain_text(tmp_path: Path) -> None:
    f = tmp_path / "export.txt"
    f.write_text(CSV, encoding="utf-8")
    arts, _ = _read(f)
    assert [a.title for a in arts] == ["Rovers win", "Quoted, title"]


def test_prose_with_commas_stays_plain_text(tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text("Title, date and body were all wrong, said the manager.\nHe was angry.\n", encoding="utf-8")
    arts, errors = _read(f)
    assert not errors and len(arts) == 1 and arts[0].body.startswith("Title, date")


def test_malformed_csv_reports_the_line_and_keeps_earlier_rows(tmp_path: Path) -> None:
    f = tmp_path / "bad.csv"
    good = "".join(f"Row {i},Fulham won {i}-0 at Craven Cottage on a cold night.\n" for i in range(2000))
    f.write_bytes(
        b"title,text\n" + good.encode() + b"Bad,Caf\xe9 in Latin-1\nLast,Still read.\n"
        b'Open,"quote never closed\nMore,text\n'
    )
    arts, errors = _read(f)
    assert len(arts) == 2001 and arts[-1].title == "Last"
    assert [e.source for e in errors] == [f"{f}:2002", f"{f}:2004"]
    assert "undecodable" in errors[0].problem and "malformed CSV" in errors[1].problem


def test_csv_without_header_cells_and_bad_columns_spec(tmp_path: Path) -> None:
    f = tmp_path / "blank.csv"
    f.write_text(",,\nx,y,z\n", encoding="utf-8")
    _, errors = _read(f)
    assert len(errors) == 1 and "no header" in errors[0].problem
    with pytest.raises(ValueError, match="FIELD=COLUMN"):
        parse_columns("text")
    with pytest.raises(ValueError, match="unknown field"):
        parse_columns("words=body")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-12-18T10:00:00Z", "2024-12-18"),
        ("Wed, 18 Dec 2024 10:00:00 +0000", "2024-12-18"),
        ("18 December 2024", "2024-12-18"),
        ("December 18, 2024", "2024-12-18"),
        ("18/12/2024", "2024-12-18"),
        ("12/18/2024", "2024-12-18"),
        ("03/04/2024", None),  # March or April: unknown
        ("2024-02-30", None),
        ("soon", None),
        ("", None),
    ],
)
def test_item_dates(value: str, expected: str | None) -> None:
    assert item_date(value) == expected


def test_html_fragment_text_drops_scripts_and_keeps_paragraphs() -> None:
    html = "<p>One &amp; two.</p><script>alert(1)</script><div>Three<br>four</div>"
    assert html_fragment_text(html) == "One & two.\n\nThree\n\nfour"
    assert html_fragment_text("3 < 4 &amp; fine") == "3 < 4 & fine"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig", "cp1252"])
def test_csv_in_other_encodings_excel_unicode_text_included(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "excel.txt"  # Excel "Unicode text": UTF-16, tab-separated, saved as .txt
    f.write_bytes("Headline\tBody\tDate\nCafé win\tCafé United won 1-0.\t2024-12-01\n".encode(encoding))
    arts, errors = _read(f)
    assert not errors
    assert [(a.title, a.body, a.published) for a in arts] == [
        ("Café win", "Café United won 1-0.", "2024-12-01")
    ]


def test_utf16_feed(tmp_path: Path) -> None:
    f = tmp_path / "feed.xml"
    f.write_bytes(ATOM.replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16"))
    arts, errors = _read(f)
    assert not errors and [a.title for a in arts] == ["Cup shock at Harbour Park", "Only a summary"]


def test_media_rss_elements_are_not_taken_for_the_text(tmp_path: Path) -> None:
    f = tmp_path / "media.rss"
    f.write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><title>Photo story</title>'
        '<media:content url="https://e.org/p.jpg"><media:title>A photo caption</media:title></media:content>'
        "<dc:date>2024-10-05T12:00:00Z</dc:date><description>Lakeside won the derby 3-0.</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    arts, errors = _read(f)
    assert not errors and arts[0].body == "Lakeside won the derby 3-0." and arts[0].published == "2024-10-05"


def test_csv_with_a_header_and_no_rows(tmp_path: Path) -> None:
    f = tmp_path / "empty.csv"
    f.write_text("title,text,date\n\n", encoding="utf-8")
    arts, errors = _read(f)
    assert not arts and len(errors) == 1 and "no rows" in errors[0].problem


def test_a_fifo_is_never_opened_by_the_sniffer(tmp_path: Path) -> None:
    import os

    from touchline.ingest.structured import classify

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert classify(fifo) is None  # returns at once instead of blocking on open()
