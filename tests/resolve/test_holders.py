"""Ranking who held a club's manager job on a date (``resolve.holders``) and the spells it ranks
(``resolve.tenures``): one answer, the rest "also reported" with the reason."""

from __future__ import annotations

from itertools import count

from touchline.models import Evidence, Role
from touchline.resolve.holders import CERTAIN, NEAR, UNDATED, rank_holders
from touchline.resolve.tenures import build_tenures
from touchline.store.base import FactRecord, SourceRef

_ids = count(1)


def rec(
    person: str, club: str, day: str | None, event: str = "holds", role: str = "manager"
) -> FactRecord[Role]:
    n = next(_ids)
    text = f"{club} manager {person}."
    return FactRecord(
        n,
        SourceRef(f"a{n}", day, f"a{n}.txt"),
        Role(person, role, club, event, day, None, None, [Evidence(0, len(text), text)]),
    )


def test_undated_reports_never_stretch_a_dated_spell() -> None:
    tenures = build_tenures(
        [rec("Alex Ferguson", "Man Utd", "2013-04-01"), rec("Alex Ferguson", "Man Utd", None)]
    )
    assert sorted((t.first_seen or "") for t in tenures) == ["", "2013-04-01"]


def test_reports_years_apart_are_two_spells() -> None:
    tenures = build_tenures(
        [rec("Jose Mourinho", "Chelsea", "2005-02-01"), rec("Jose Mourinho", "Chelsea", "2013-11-01")]
    )
    assert [(t.first_seen, t.last_seen) for t in tenures] == [
        ("2005-02-01", "2005-02-01"),
        ("2013-11-01", "2013-11-01"),
    ]
    assert [h.person for h in rank_holders(tenures, "Chelsea", "2009-06-01")] == []


def test_the_bracketing_holder_first_and_others_also_reported() -> None:
    tenures = build_tenures(
        [
            rec("Sean Dyche", "Everton", "2024-03-01"),
            rec("Sean Dyche", "Everton", "2024-03-20"),
            rec("Leighton Baines", "Everton", "2024-04-25"),
            rec("Someone Else", "Everton", None),
        ]
    )
    ranked = rank_holders(tenures, "Everton", "2024-03-10")
    assert [(h.person, h.grade) for h in ranked] == [("Sean Dyche", CERTAIN), ("Someone Else", UNDATED)]
    assert ranked[1].why_lower(ranked[0]) == "its reports carry no date"
    later = rank_holders(tenures, "Everton", "2024-04-10")
    assert [(h.person, h.grade) for h in later] == [
        ("Leighton Baines", NEAR),
        ("Sean Dyche", NEAR),
        ("Someone Else", UNDATED),
    ]
    assert later[1].why_lower(later[0]) == "its nearest report is 21 days from the date, against 15"


def test_a_manager_reported_more_often_elsewhere_ranks_lower() -> None:
    tenures = build_tenures(
        [
            rec("Martin Jol", "Fulham", None),
            rec("Martin Jol", "Fulham", None),
            rec("Martin Jol", "West Brom", None),
            rec("Steve Clarke", "West Brom", None),
        ]
    )
    ranked = rank_holders(tenures, "West Brom", "2013-01-01")
    assert [h.person for h in ranked] == ["Steve Clarke", "Martin Jol"]
    assert ranked[1].why_lower(ranked[0]) == "Martin Jol is reported as manager of Fulham in 2 articles"


def test_undated_reports_weigh_more_when_the_person_is_dated_at_the_club_near_the_date() -> None:
    tenures = build_tenures(
        [rec("Alan Pardew", "Newcastle", "2013-10-05")]
        + [rec("Alan Pardew", "Newcastle", None)] * 1
        + [rec("Graeme Souness", "Newcastle", None), rec("Graeme Souness", "Newcastle", None)]
    )
    # 2012-06-01 is too far before Pardew's first dated report to be "near"; his undated one counts thrice
    ranked = rank_holders(tenures, "Newcastle", "2012-06-01")
    assert [h.person for h in ranked] == ["Alan Pardew", "Graeme Souness"]
    assert [h.person for h in rank_holders(tenures, "Newcastle", "2005-01-01")] == [
        "Graeme Souness",
        "Alan Pardew",
    ]


def test_a_spell_known_only_from_its_departure_ranks_after_one_reported_in_post() -> None:
    tenures = build_tenures(
        [
            rec("David Moyes", "Everton", "2013-08-31", "left"),
            rec("Roberto Martinez", "Everton", "2013-10-19"),
        ]
    )
    ranked = rank_holders(tenures, "Everton", "2013-08-24")
    assert [h.person for h in ranked] == ["Roberto Martinez", "David Moyes"]
    assert "already left" in ranked[1].why_lower(ranked[0])
