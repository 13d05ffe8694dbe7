"""Line-ups, cards, referee and attendance merged across reports of one match, and shown by the views."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from details_corpus import details_corpus

from touchline.config import SAMPLE_DIR
from touchline.ingest.readers import article_id
from touchline.models import Article, ArticleFacts, Evidence, Person
from touchline.query.kb import KnowledgeBase
from touchline.query.types import MergedMatch, to_jsonable
from touchline.store.loader import ingest
from touchline.store.sqlite import SQLiteStore


@pytest.fixture
def merged(make_kb: Callable[..., KnowledgeBase]) -> MergedMatch:
    kb = make_kb(details_corpus())
    [m] = kb.find_matches("Everton", "Brentford")
    return m


def test_three_reports_are_one_match_oriented_on_the_report(merged: MergedMatch) -> None:
    assert (merged.home, merged.away, merged.score) == ("Everton", "Brentford", "1-1")
    assert len(merged.sources) == 3


def test_fullest_post_match_sheet_is_chosen_per_side(merged: MergedMatch) -> None:
    home = merged.lineup("Everton")
    assert merged.lineup("home") == home
    assert [e.name for e in home if e.starter][:3] == ["Pickford", "O'Brien", "James Tarkowski"]
    assert len([e for e in home if e.starter]) == 11 and len(home) == 15
    assert merged.lineup_sources["home"].source == "d2.txt"
    away = merged.lineup("Brentford")
    assert [e.name for e in away if e.captain] == ["Norgaard"]


def test_missing_details_are_filled_from_the_other_report(merged: MergedMatch) -> None:
    home = {e.name: e for e in merged.lineup("Everton")}
    assert home["James Tarkowski"].captain  # the captain mark comes from the flipped next-day report
    assert home["Beto"].subbed_off == 81  # the chosen sheet's minute stays
    assert home["Harrison"].subbed_on == 70 and not home["Harrison"].starter
    assert home["Virginia"].subbed_on is None and not home["Virginia"].starter


def test_preview_side_is_a_conflict_lost_to_the_report(merged: MergedMatch) -> None:
    [c] = [c for c in merged.conflicts if c.field == "lineup home"]
    assert c.rule == "played report preferred over preview"
    assert [v.sources[0].source for v in c.values] == ["d2.txt", "d1.txt"]
    assert "Keane" in c.values[1].value and "Keane" not in c.chosen


def test_cards_merge_by_player_and_flag_a_different_minute(merged: MergedMatch) -> None:
    cards = {(c.person, c.minute, c.colour): c for c in merged.cards}
    assert set(cards) == {("Idrissa Gueye", 33, "yellow"), ("Janelt", 58, "yellow")}
    assert len(cards[("Janelt", 58, "yellow")].sources) == 2
    [c] = [c for c in merged.conflicts if c.field.startswith("yellow card minute")]
    assert c.chosen == 33 and {v.value for v in c.values} == {33, 35}
    assert all(ev.text for card in merged.cards for ev in card.evidence)


def test_referee_surname_agrees_and_attendance_conflict_is_kept(merged: MergedMatch) -> None:
    assert merged.referee == "Darren England"
    assert not [c for c in merged.conflicts if c.field == "referee"]
    [c] = [c for c in merged.conflicts if c.field == "attendance"]
    assert merged.attendance == c.chosen == 39021
    assert c.rule == "dated fact preferred over vague one"
    assert {(v.value, v.sources[0].source) for v in c.values} == {(39021, "d2.txt"), (39200, "d3.txt")}


def test_match_without_sheet_has_no_lineups(make_kb: Callable[..., KnowledgeBase]) -> None:
    kb = make_kb(details_corpus()[:1])
    [m] = kb.matches
    assert m.lineup("Brentford") == [] and m.cards == [] and m.attendance is None


def test_latest_lineup_of_a_club(make_kb: Callable[..., KnowledgeBase]) -> None:
    kb = make_kb(details_corpus())
    found = kb.latest_lineup("Brentford")
    assert found is not None and found[0].home == "Everton"
    assert kb.latest_lineup("Brentford", before="2025-03-01") is None
    assert kb.latest_lineup("Fulham") is None


def test_json_view_carries_lineups(merged: MergedMatch) -> None:
    data = to_jsonable(merged)
    assert data["lineups"]["away"][0] == {
        "name": "Flekken",
        "starter": True,
        "subbed_on": None,
        "subbed_off": None,
        "captain": False,
    }
    assert data["attendance"] == 39021 and data["cards"][0]["person"] == "Idrissa Gueye"


@pytest.mark.slow
def test_sample_report_team_sheet_reaches_the_merged_match(tmp_path: Path) -> None:
    """Through the real extractor and store: the Villa v Palace sample prints a full team sheet."""
    store = SQLiteStore(tmp_path / "s.db")
    ingest(store, sorted(SAMPLE_DIR.glob("s09_*.txt")) + sorted(SAMPLE_DIR.glob("s10_*.txt")))
    kb = KnowledgeBase(store)
    [m] = [x for x in kb.find_matches("Aston Villa", "Crystal Palace") if x.status == "played"]
    assert len(m.sources) == 2
    assert m.referee == "Stephen Maitland" and m.attendance == 41902
    palace = {e.name: e for e in m.lineup("Crystal Palace")}
    assert palace["Danny Pruett"].captain and palace["Kwame Asante"].subbed_on == 71
    assert len([e for e in palace.values() if e.starter]) == 11
    assert any(c.colour == "red" and c.person.endswith("Fofana") for c in m.cards)
    kb.close()


def _person(body: str, published: str, source: str, name: str, team: str) -> ArticleFacts:
    start = body.index(name)
    return ArticleFacts(
        Article(article_id(body), source, published, body),
        people=[Person(name, team, [Evidence(start, start + len(name), name)])],
    )


def test_appearances_match_surname_and_club(make_kb: Callable[..., KnowledgeBase]) -> None:
    kb = make_kb(
        [
            *details_corpus(),
            _person(
                "Jack Harrison came off the Everton bench.",
                "2025-03-22",
                "h1.txt",
                "Jack Harrison",
                "Everton",
            ),
            _person(
                "Ben Harrison scored twice for Fulham's youth side.",
                "2025-03-20",
                "h2.txt",
                "Ben Harrison",
                "Fulham",
            ),
        ]
    )
    [(m, club, entry)] = kb.appearances("Jack Harrison")
    assert club == "Everton" and entry.subbed_on == 70 and m.home == "Everton"
    assert kb.appearances("Ben Harrison") == []  # same surname, other club: not his sheet
    [(_, _, tarkowski)] = kb.appearances("James Tarkowski")
    assert tarkowski.captain and tarkowski.starter
