"""``touchline ingest feed.xml export.csv``: each item its own article, with its date and title;
progress with a total (a plain log line every N items off a terminal) and ``--quiet``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from touchline.cli.main import main
from touchline.ingest.count import count_items
from touchline.store.sqlite import SQLiteStore

FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>t</title>
<item><title>Late winner at Harbour Park</title><pubDate>Sat, 14 Dec 2024 19:05:00 +0000</pubDate>
<description>&lt;p&gt;Harbour Town beat Westport 2-1.&lt;/p&gt;</description></item>
<item><title>Broken item</title></item>
<item><title>Manager leaves Lakeside</title><pubDate>Mon, 16 Dec 2024 09:00:00 +0000</pubDate>
<description>Lakeside parted company with their manager on Monday.</description></item>
</channel></rss>
"""
CSV = """headline,content,date,link
Cup draw made,The third round draw paired Northbridge with Eastfield.,2024-12-02,https://e.org/draw
Empty row,,2024-12-03,https://e.org/empty
"Ticket news, again",Eastfield raised ticket prices for the replay.,2024-12-04T08:00:00Z,https://e.org/tickets
"""


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    feed, export = tmp_path / "feed.xml", tmp_path / "export.csv"
    feed.write_text(FEED, encoding="utf-8")
    export.write_text(CSV, encoding="utf-8")
    return feed, export


@pytest.mark.usefixtures("fake_extractor")
def test_feed_and_csv_items_are_stored_as_articles_with_date_and_title(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, inputs: tuple[Path, Path]
) -> None:
    db = str(tmp_path / "kb.db")
    assert main(["ingest", *map(str, inputs), "--db", db]) == 0
    out, err = capsys.readouterr()
    assert "read 4 article(s): stored 4" in out and "failed 2" in out
    err_lines = [ln for ln in err.splitlines() if ln.startswith("touchline: ")]
    assert len(err_lines) == 2
    assert any("feed.xml item 2" in ln and "no text" in ln for ln in err_lines)
    assert any("export.csv:3" in ln and "no text" in ln for ln in err_lines)
    store = SQLiteStore(db)
    arts = sorted((store.article(i) for i in store.find_article_ids("")), key=lambda a: a.published or "")
    store.close()
    assert [(a.published, a.title) for a in arts] == [
        ("2024-12-02", "Cup draw made"),
        ("2024-12-04", "Ticket news, again"),
        ("2024-12-14", "Late winner at Harbour Park"),
        ("2024-12-16", "Manager leaves Lakeside"),
    ]
    assert arts[2].body == "Harbour Town beat Westport 2-1."


@pytest.mark.usefixtures("fake_extractor")
def test_off_a_terminal_progress_is_a_plain_log_with_a_total(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, inputs: tuple[Path, Path]
) -> None:
    assert count_items(inputs) == 6  # three feed items, three CSV rows (bad ones count: they are work)
    db = str(tmp_path / "kb.db")
    assert main(["ingest", *map(str, inputs), "--db", db, "--log-every", "2", "--batch-size", "1"]) == 0
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if ln.startswith("ingest: ")]
    assert re.match(r"ingest: [2-5]/6 items \(\d+%\) · [\d.]+/s · ETA \d:\d\d:\d\d · read", lines[0])
    assert lines[-1].startswith("ingest: 6/6 items (100%)") and "done in" in lines[-1]


@pytest.mark.usefixtures("fake_extractor")
def test_quiet_prints_only_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, inputs: tuple[Path, Path]
) -> None:
    assert main(["ingest", *map(str, inputs), "--db", str(tmp_path / "kb.db"), "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert [ln for ln in err.splitlines() if ln.strip()] and all(
        ln.startswith("touchline: ") for ln in err.splitlines() if ln.strip()
    )


def test_bad_columns_option_is_one_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["ingest", str(tmp_path), "--db", str(tmp_path / "kb.db"), "--columns", "words=body"]) == 2
    assert "--columns: unknown field 'words'" in capsys.readouterr().err
