"""Ledger links: extracted played matches tied to the reference result they report, match identity by
fixture, ledger dates, inferred publication windows and the check of linked matches.

Runs on SQLite here and on PostgreSQL through tests/store/test_kb_on_postgres.py (``make_kb``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from kb_corpus import article, ev

from touchline.models import ArticleFacts, Goal, Match, Role
from touchline.query.kb import KnowledgeBase
from touchline.store.base import ResultRecord

PL = "Premier League"
LEDGER = [
    # three Manchester derbies at the Etihad/Maine Road, in three seasons
    ResultRecord(PL, "2004-05", "2005-02-13", "Manchester City", "Manchester United", 0, 2, half_time=(0, 0)),
    ResultRecord(PL, "2012-13", "2012-12-09", "Manchester City", "Manchester United", 2, 3, half_time=(0, 2)),
    ResultRecord(PL, "2013-14", "2013-09-22", "Manchester City", "Manchester United", 4, 1, half_time=(2, 0)),
    ResultRecord(PL, "2012-13", "2013-04-08", "Manchester United", "Manchester City", 1, 2),
    # Stoke v Norwich in two seasons, with the same score
    ResultRecord(PL, "2012-13", "2012-10-06", "Stoke City", "Norwich City", 1, 0, half_time=(1, 0)),
    ResultRecord(PL, "2013-14", "2013-10-05", "Stoke City", "Norwich City", 1, 0, half_time=(0, 0)),
    ResultRecord(PL, "2013-14", "2013-12-14", "Newcastle United", "Southampton", 1, 1),
    ResultRecord(PL, "2004-05", "2005-01-22", "Newcastle United", "Bolton Wanderers", 2, 1),
]


def undated_report(
    body: str,
    home: str,
    away: str,
    hs: int,
    as_: int,
    *,
    flags: list[str] | None = None,
    goals: list[tuple[str, str, int]] | None = None,
    date: str | None = None,
    competition: str | None = PL,
    published: str | None = None,
    roles: list[Role] | None = None,
) -> ArticleFacts:
    first = body.split(".")[0]
    m = Match(home, away, hs, as_, "played", None, date, competition, evidence=ev(body, first))
    m.flags = list(flags or [])
    m.goals = [Goal(s, team, minute, evidence=ev(body, s)) for s, team, minute in goals or []]
    art = article(body, published, f"{abs(hash(body))}.txt")  # type: ignore[arg-type]
    art.published = published
    return ArticleFacts(art, matches=[m], roles=roles or [])


def derby(year_words: str, hs: int, as_: int) -> ArticleFacts:
    body = f"Manchester City {hs}-{as_} Manchester United. A derby to remember {year_words}."
    return undated_report(body, "Manchester City", "Manchester United", hs, as_)


def test_results_imported_after_ingest_link_each_report_to_its_fixture(
    make_kb: Callable[..., KnowledgeBase],
) -> None:
    kb = make_kb([derby("for City fans", 4, 1), derby("for the visitors", 2, 3), derby("at last", 0, 2)])
    assert kb.ledger_links == []  # no reference results yet
    kb.add_results(LEDGER)
    linked = sorted((link.fixture.season, link.status) for link in kb.ledger_links)
    assert linked == [("2004-05", "linked"), ("2012-13", "linked"), ("2013-14", "linked")]
    for link in kb.ledger_links:
        body = kb.store.article(link.article_id).body  # type: ignore[union-attr]
        assert link.evidence and all(body[e.start : e.end] == e.text for e in link.evidence)
        assert "same clubs and score" in link.reason and link.fixture.season in link.reason


def test_results_imported_before_ingest_link_too(make_kb: Callable[..., KnowledgeBase]) -> None:
    kb = make_kb([])
    kb.add_results(LEDGER)
    kb.add([derby("for City fans", 4, 1)])
    assert [(link.status, link.fixture.date) for link in kb.ledger_links] == [("linked", "2013-09-22")]


def test_different_meetings_never_merge_and_get_ledger_dates(make_kb: Callable[..., KnowledgeBase]) -> None:
    kb = make_kb([derby("for City fans", 4, 1), derby("for the visitors", 2, 3), derby("at last", 0, 2)])
    kb.add_results(LEDGER)
    derbies = kb.find_matches("Manchester City", "Manchester United")
    assert sorted(m.date for m in derbies) == ["2005-02-13", "2012-12-09", "2013-09-22"]  # type: ignore[type-var]
    assert {m.date_source for m in derbies} == {"ledger"}
    assert len({m.id for m in derbies}) == 3 and not any(m.conflicts for m in derbies)


def test_undated_unlinked_reports_of_the_same_clubs_stay_apart(make_kb: Callable[..., KnowledgeBase]) -> None:
    a = undated_report("Stoke City 2-2 Norwich City. A draw.", "Stoke City", "Norwich City", 2, 2)
    b = undated_report("Stoke City 3-1 Norwich City. A win.", "Stoke City", "Norwich City", 3, 1)
    kb = make_kb([a, b])
    kb.add_results(LEDGER)
    found = kb.find_matches("Stoke City", "Norwich City")
    assert len(found) == 2 and len({m.id for m in found}) == 2
    assert all(m.date is None for m in found)


def test_same_score_in_two_seasons_is_ambiguous_until_the_half_time_score_decides(
    make_kb: Callable[..., KnowledgeBase],
) -> None:
    plain = undated_report("Stoke City 1-0 Norwich City. Tight.", "Stoke City", "Norwich City", 1, 0)
    timed = undated_report(
        "Stoke City 1-0 Norwich City. Crouch scored late on.",
        "Stoke City",
        "Norwich City",
        1,
        0,
        goals=[("Crouch", "Stoke City", 80)],
    )
    kb = make_kb([plain, timed])
    kb.add_results(LEDGER)
    by_article = {link.article_id: link for link in kb.ledger_links}
    assert by_article[plain.article.id].status == "ambiguous"
    assert "fits 2 fixtures" in by_article[plain.article.id].reason
    decided = by_article[timed.article.id]
    assert (decided.status, decided.fixture.season) == ("linked", "2013-14")
    assert "half-time 0-0" in decided.reason
    # the ambiguous report is not merged into the linked one
    assert len(kb.find_matches("Stoke City", "Norwich City")) == 2


def test_contradicted_result_names_the_fixture(make_kb: Callable[..., KnowledgeBase]) -> None:
    wrong = undated_report(
        "Newcastle United 3-1 Bolton Wanderers. Shearer again.", "Newcastle United", "Bolton Wanderers", 3, 1
    )
    reversed_ = undated_report(
        "Southampton 1-1 Newcastle United. Honours even.", "Southampton", "Newcastle United", 1, 1
    )
    kb = make_kb([wrong, reversed_])
    kb.add_results(LEDGER)
    links = {link.article_id: link for link in kb.ledger_links}
    assert links[wrong.article.id].status == "contradicted"
    assert "Newcastle United 2-1 Bolton Wanderers" in links[wrong.article.id].reason
    assert links[reversed_.article.id].status == "contradicted"
    assert "other way round" in links[reversed_.article.id].reason
    checks = {c.statement: c for c in kb.check() if c.kind == "match"}
    bolton = checks["Newcastle United 3-1 Bolton Wanderers"]
    assert bolton.status == "contradicted" and "2005-01-22" in (bolton.contradicting_source or "")


def test_check_confirms_linked_matches_and_names_the_fixture(make_kb: Callable[..., KnowledgeBase]) -> None:
    kb = make_kb([derby("for City fans", 4, 1)])
    kb.add_results(LEDGER)
    (c,) = [c for c in kb.check() if c.kind == "match"]
    assert c.status == "confirmed"
    assert "Manchester City 4-1 Manchester United (Premier League 2013-14, 2013-09-22)" in c.reason


def test_order_unknown_report_takes_the_home_side_from_the_ledger(
    make_kb: Callable[..., KnowledgeBase],
) -> None:
    body = "United beat City 3-2 at Maine Road. Rooney scored twice."
    r = undated_report(body, "Manchester United", "Manchester City", 3, 2, flags=["order_as_given"])
    kb = make_kb([r])
    kb.add_results(LEDGER)
    (link,) = kb.ledger_links
    assert (link.status, link.fixture.date) == ("linked", "2012-12-09")
    (m,) = kb.find_matches("Manchester City")
    assert (m.home, m.home_score, m.away_score, m.date) == ("Manchester City", 2, 3, "2012-12-09")


def test_stated_date_wins_over_the_ledger_date(make_kb: Callable[..., KnowledgeBase]) -> None:
    body = "Manchester City 4-1 Manchester United on 23 September 2013. Or so the report says."
    r = undated_report(body, "Manchester City", "Manchester United", 4, 1, date="2013-09-23")
    kb = make_kb([r])
    kb.add_results(LEDGER)
    (m,) = kb.find_matches("Manchester City")
    assert (m.date, m.date_source) == ("2013-09-23", "text")
    assert kb.ledger_links[0].status == "linked"  # within three days of the fixture


def test_dated_article_links_within_days_before_publication(make_kb: Callable[..., KnowledgeBase]) -> None:
    body = "Newcastle United 2-1 Bolton Wanderers. Shearer scored."
    fresh = undated_report(body, "Newcastle United", "Bolton Wanderers", 2, 1, published="2005-01-24")
    stale = undated_report(
        body + " Later.", "Newcastle United", "Bolton Wanderers", 2, 1, published="2005-03-24"
    )
    kb = make_kb([fresh, stale])
    kb.add_results(LEDGER)
    assert [link.article_id for link in kb.ledger_links] == [fresh.article.id]


def test_a_cup_the_ledger_lacks_links_only_an_exact_fit_and_contradicts_nothing(
    make_kb: Callable[..., KnowledgeBase],
) -> None:
    fits = undated_report(
        "Newcastle United 2-1 Bolton Wanderers. In the FA Cup mood.",
        "Newcastle United",
        "Bolton Wanderers",
        2,
        1,
        competition="FA Cup",
    )
    other = undated_report(
        "Newcastle United 0-0 Bolton Wanderers. A cup replay beckons.",
        "Newcastle United",
        "Bolton Wanderers",
        0,
        0,
        competition="FA Cup",
    )
    kb = make_kb([fits, other])
    kb.add_results(LEDGER)
    assert [(link.article_id, link.status) for link in kb.ledger_links] == [(fits.article.id, "linked")]
    assert "no fixture of these clubs" in kb.ledger_links[0].reason


def test_undated_article_gets_an_inferred_window_and_role_dates(
    make_kb: Callable[..., KnowledgeBase],
) -> None:
    body = "Manchester City 4-1 Manchester United. Pellegrini, the City manager, was delighted."
    r = undated_report(
        body,
        "Manchester City",
        "Manchester United",
        4,
        1,
        roles=[
            Role(
                "Manuel Pellegrini",
                "manager",
                "Manchester City",
                "holds",
                None,
                None,
                None,
                ev(body, "Pellegrini"),
            )
        ],
    )
    kb = make_kb([r])
    assert kb.inferred_published(r.article.id) is None
    kb.add_results(LEDGER)
    day, why = kb.inferred_published(r.article.id)  # type: ignore[misc]
    assert day == "2013-09-22" and why.startswith("inferred from the ledger") and "4-1" in why
    (tenure,) = [t for t in kb.tenures if t.person == "Manuel Pellegrini"]
    assert tenure.first_seen == "2013-09-22"


def test_relinking_replaces_links_and_their_evidence(make_kb: Callable[..., KnowledgeBase]) -> None:
    kb = make_kb([derby("for City fans", 4, 1)])
    kb.add_results(LEDGER)
    kb.add_results(LEDGER)  # importing again relinks: same links, no duplicates
    assert len(kb.ledger_links) == 1 and len(kb.ledger_links[0].evidence) == 1


def test_match_ids_cannot_collide(make_kb: Callable[..., KnowledgeBase], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Ids hash distinct keys (fixture, or clubs + date + first report). Even when every truncated hash
    is forced to collide, the guard gives each match the full hash of its own key: ids stay unique."""
    import hashlib

    from touchline.resolve import matches as merging

    reports = [derby("for City fans", 4, 1), derby("for the visitors", 2, 3)]
    reports.append(undated_report("Stoke City 2-2 Norwich City. A draw.", "Stoke City", "Norwich City", 2, 2))
    reports.append(undated_report("Stoke City 3-3 Norwich City. Wild.", "Stoke City", "Norwich City", 3, 3))
    kb = make_kb(reports)
    kb.add_results(LEDGER)
    keys = [m.id_key for m in kb.matches]
    assert len(set(keys)) == len(keys) == 4 and len({m.id for m in kb.matches}) == 4

    real = hashlib.sha1

    class SamePrefix:
        def __init__(self, data: bytes) -> None:
            self.data = data

        def hexdigest(self) -> str:
            return "0" * 12 + real(self.data).hexdigest()[12:]

    monkeypatch.setattr(merging.hashlib, "sha1", SamePrefix)
    links = {link.match_id: link for link in kb.ledger_links if link.match_id is not None}
    merged = merging.merge_matches(kb.store.matches(), links)
    assert len({m.id for m in merged}) == 4 and all(len(m.id) == 40 for m in merged)


def test_date_phrases_of_an_undated_article_resolve_within_its_window(
    make_kb: Callable[..., KnowledgeBase],
) -> None:
    body = "Manchester City 4-1 Manchester United. United host Arsenal next Saturday."
    r = undated_report(body, "Manchester City", "Manchester United", 4, 1)
    preview = Match(
        "Manchester United",
        "Arsenal",
        status="scheduled",
        evidence=ev(body, "United host Arsenal next Saturday"),
    )
    r.matches.append(preview)
    kb = make_kb([r])
    (m,) = kb.find_matches("Manchester United", "Arsenal")
    assert m.date is None  # no window before the ledger dates the article
    kb.add_results(LEDGER)
    (m,) = kb.find_matches("Manchester United", "Arsenal")
    assert (m.date, m.date_source) == ("2013-09-28", "inferred")  # the Saturday after 2013-09-22


@pytest.mark.parametrize("results_first", [False, True])
def test_a_date_the_article_states_as_past_rules_out_earlier_fixtures(
    make_kb: Callable[..., KnowledgeBase], results_first: bool
) -> None:
    """The floor comes from a dated played match, or from a role's start: either way the outcome is
    the same whether the results are imported before or after the article."""
    body = "Stoke City 1-0 Norwich City. Norwich had lost 1-3 to Everton, with Hughton appointed."
    r = undated_report(body, "Stoke City", "Norwich City", 1, 0)
    if not results_first:  # the floor from a role's start date (kept by the full relink of an import)
        hughton = Role("Chris Hughton", "manager", "Norwich City", "appointed", None, "2013-08-17")
        hughton.evidence = ev(body, "Hughton")
        r.roles.append(hughton)
    else:  # the floor from a dated played match (linked on ingest)
        aside = Match("Norwich City", "Everton", 1, 3, "played", None, "2013-08-17", PL)
        aside.evidence = ev(body, "lost 1-3")
        r.matches.append(aside)
    if results_first:
        kb = make_kb([])
        kb.add_results(LEDGER)
        kb.add([r])
    else:
        kb = make_kb([r])
        kb.add_results(LEDGER)
    (link,) = [x for x in kb.ledger_links if x.position == 0]
    assert (link.status, link.fixture.season) == ("linked", "2013-14")
    assert "2013-08-17" in link.reason
