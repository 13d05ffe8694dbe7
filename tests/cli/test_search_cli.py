"""``touchline search``: titles, "hits X–Y of N" with a true N, --page/--limit, phrases."""

from __future__ import annotations

import json
import re

import pytest

from touchline.cli.main import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_pages_reach_every_hit_and_the_total_is_true(
    capsys: pytest.CaptureFixture[str], kb_file: str
) -> None:
    data = json.loads(_run(capsys, "search", "Southampton", "--json", "--limit", "100", "--db", kb_file))
    total = data["total"]
    assert total >= 3 and len(data["hits"]) == total
    seen = []
    for page in range(1, total + 1):
        out = _run(capsys, "search", "Southampton", "--limit", "1", "--page", str(page), "--db", kb_file)
        assert f"hits {page}–{page} of {total} for “Southampton”" in out
        seen.append(re.findall(r"\[([0-9a-f]{12})\]", out)[0])
        assert ("next: --page" in out) == (page < total)
    assert seen == [h["article_id"][:12] for h in data["hits"]]
    out = _run(capsys, "search", "Southampton", "--page", str(total + 1), "--db", kb_file)
    assert f"no hits on page {total + 1}: {total} in all" in out


def test_hits_show_titles_not_ids(capsys: pytest.CaptureFixture[str], kb_file: str) -> None:
    data = json.loads(_run(capsys, "search", "Southampton", "--json", "--db", kb_file))
    out = _run(capsys, "search", "Southampton", "--db", kb_file)
    for h in data["hits"]:
        assert h["title"] and h["title"] in out


def test_phrase_search(capsys: pytest.CaptureFixture[str], kb_file: str) -> None:
    words = json.loads(_run(capsys, "search", "the", "fightback", "--json", "--db", kb_file))["total"]
    assert words >= 1
    assert json.loads(_run(capsys, "search", '"the fightback"', "--json", "--db", kb_file))["total"] == words
    assert "no matches" in _run(capsys, "search", '"fightback the"', "--db", kb_file)
