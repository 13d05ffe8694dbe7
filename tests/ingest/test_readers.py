from __future__ import annotations

import json
from pathlib import Path

import pytest

from touchline.errors import InputError
from touchline.ingest import iter_articles, make_article
from touchline.ingest.boilerplate import strip_boilerplate


def test_date_header_sets_published_and_is_not_in_body() -> None:
    art = make_article(" date 2024-12-18 Saints lost.\n\nThey were unlucky.", "x.txt")
    assert art.published == "2024-12-18"
    assert art.body == "Saints lost.\n\nThey were unlucky."


def test_plain_text_has_null_published_unless_given() -> None:
    assert make_article("Saints lost.", "x.txt").published is None
    assert make_article("Saints lost.", "x.txt", "2020-01-02").published == "2020-01-02"


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Advertisement Advertisement",
        "- Get breaking football news faster with the new Example app! Download now on iOS and Android.",
        "Share this article",
        "Sign up to our free football newsletter for updates",
    ],
)
def test_boilerplate_paragraphs_are_removed(line: str) -> None:
    assert strip_boilerplate(f"Real text.\n\n{line}\n\nMore text.") == "Real text.\n\nMore text."


def test_content_mentioning_an_app_is_kept() -> None:
    text = "The striker said the club's new app had nothing to do with his form."
    assert strip_boilerplate(text) == text


def test_same_article_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2024-01-01 Fulham won.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("date 2024-01-01 Fulham   won.\n", encoding="utf-8")
    arts = [a for a in iter_articles([tmp_path]) if not isinstance(a, InputError)]
    assert len(arts) == 1


def test_latin1_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "l.txt").write_bytes(
        "date 2004-05-01 Thierry Henry scored at Highbury for 'les Bleus' – café.".encode("cp1252")
    )
    (art,) = list(iter_articles([tmp_path]))
    assert not isinstance(art, InputError)
    assert "café" in art.body and "–" in art.body


def test_jsonl_reads_each_line_and_reports_bad_ones(tmp_path: Path) -> None:
    f = tmp_path / "dump.jsonl"
    f.write_text(
        json.dumps({"text": "Fulham won 2-1.", "published": "2025-01-01", "source": "u1"})
        + "\n{not json}\n"
        + json.dumps({"nope": 1})
        + "\n",
        encoding="utf-8",
    )
    items = list(iter_articles([f]))
    arts = [i for i in items if not isinstance(i, InputError)]
    errs = [i for i in items if isinstance(i, InputError)]
    assert [a.source for a in arts] == ["u1"] and arts[0].published == "2025-01-01"
    assert [e.source for e in errs] == [f"{f}:2", f"{f}:3"]
    assert "malformed JSON" in errs[0].problem


def test_html_page_is_reduced_to_article_text(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Report</title><meta property='article:published_time' content='2023-03-04T10:00'></head>"
        "<body><nav>Home | Sport</nav><article><p>Fulham beat Brentford 2-0 at Craven Cottage on Saturday.</p>"
        '<p>Marco Silva said: "We were strong."</p></article><footer>Cookie policy</footer></body></html>'
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    (art,) = list(iter_articles([tmp_path]))
    assert not isinstance(art, InputError)
    assert "Fulham beat Brentford 2-0" in art.body and "Cookie policy" not in art.body
    assert art.published == "2023-03-04"
