"""Role facts from many dated articles → tenures (intervals per person, role and club) and as-of queries.

Each role fact is an event on a day: ``appointed``/``joined`` open a tenure (on its ``start`` date when the
article gives one, else on the article's date), ``holds`` observes it, ``sacked``/``resigned``/``left``
close it (on its ``end`` date, else "on or before" the article's date). A tenure seen only through
``holds`` reports has an unknown start: it began on or before its first report.

``in_post(tenures, date)`` answers "who held the role on DATE": a tenure *covers* the date when the
date lies between what is known of its start and its end; it *may cover* it when the date lies before
the first report of a tenure whose start is unknown, or after the last report of one with no known end
(up to ``UNSURE_DAYS`` either way: beyond that the answer is "unknown", not a guess).
A possible tenure is dropped when another tenure at the club ended (by departure) before this one was
first reported and the date is before that departure, since the later one succeeded it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from touchline.models import Role
from touchline.query.types import Tenure, cites
from touchline.store.base import FactRecord

OPENING = {"appointed", "joined"}
CLOSING = {"sacked", "resigned", "left"}
MANAGER_ROLES = ("manager", "interim_manager")
# how far before its first report (or after its last) a tenure is still offered as a possible answer
UNSURE_DAYS = 90
INTERIM_UNSURE_DAYS = 14  # interim spells are short and reported from their first days
# reports of one person in one job at one club this far apart, with none in between, are two spells
# (Mourinho at Chelsea in 2005 and in 2013), not one spell known to cover everything between them
SPELL_GAP_DAYS = 2 * 365


def _day(text: str | None) -> str | None:
    """Dates are compared as ISO strings; partial dates (YYYY-MM, YYYY) compare by their prefix."""
    return text or None


def _event_day(rec: FactRecord[Role]) -> tuple[str | None, bool]:
    r = rec.fact
    if r.event in OPENING and r.start:
        return r.start, True
    if r.event in CLOSING and r.end:
        return r.end, True
    return r.as_of or rec.ref.published, False


def _undated(rec: FactRecord[Role]) -> bool:
    r = rec.fact
    return not (r.as_of or rec.ref.published or r.start or r.end)


def _sort_day(rec: FactRecord[Role]) -> str:
    """The event day for ordering: a partial date (``2023-10``) orders at the start of its period for an
    opening and at its end for a closing, so "dismissed last month" follows the exact sacking date."""
    day, _ = _event_day(rec)
    if not day:
        return "9999"
    if len(day) < 10 and rec.fact.event in CLOSING:
        return day + "-99"
    return day


def _sharper(new: str | None, old: str | None) -> bool:
    """A stated date replaces an inferred one unless it is coarser and agrees with it
    ("dismissed last month" = ``2023-10`` does not replace the report day ``2023-10-23``)."""
    if not new or not old:
        return True
    return not (len(new) < len(old) and old.startswith(new))


def _within(day: str | None, t: Tenure) -> bool:
    """A stated end date may sharpen "on or before" a reported sacking or resignation, not move past it:
    once a dated article has reported the spell over, a later article's date for it is an error."""
    immediate = any(e.startswith(("sacked", "resigned")) for e in t.events)
    return not (immediate and day and t.end and day[: len(t.end)] > t.end)


def _barriers(records: list[FactRecord[Role]], name_map: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Per club, the days someone was appointed to a manager role: (day, person), oldest first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for rec in records:
        r = rec.fact
        if r.club and r.role in MANAGER_ROLES and r.event in OPENING:
            day, _ = _event_day(rec)
            if day:
                out.setdefault(r.club, []).append((day, name_map.get(r.person, r.person)))
    for days in out.values():
        days.sort()
    return out


def _barrier(
    barriers: list[tuple[str, str]], person: str, after: str | None, until: str | None
) -> str | None:
    """The first day after ``after`` (and up to ``until``) on which someone else was appointed."""
    if not after:
        return None
    return next(
        (d for d, who in barriers if who != person and after < d and (until is None or d <= until)), None
    )


def build_tenures(
    records: Iterable[FactRecord[Role]], name_map: dict[str, str] | None = None
) -> list[Tenure]:
    """Role facts → tenures. A manager's spell also ends (on or before) the day someone else is appointed."""
    names = name_map or {}
    records = list(records)
    barriers = _barriers(records, names)
    groups: dict[tuple[str, str, str, bool], list[FactRecord[Role]]] = {}
    for rec in records:
        r = rec.fact
        if not r.club:
            continue
        person = names.get(r.person, r.person)
        # an undated report may belong to any spell: it never joins (or stretches) a dated one
        groups.setdefault((person, r.club, r.role, _undated(rec)), []).append(rec)
    out: list[Tenure] = []
    for (person, club, role, _), recs in groups.items():
        recs.sort(key=lambda x: (_sort_day(x), x.fact.event not in OPENING))
        current: Tenure | None = None
        club_barriers = barriers.get(club, []) if role in MANAGER_ROLES else []
        for rec in recs:
            r = rec.fact
            day, exact = _event_day(rec)
            seen = r.as_of or rec.ref.published
            if current is not None and current.end is None and club_barriers and r.event not in CLOSING:
                cut = _barrier(club_barriers, person, current.last_seen, day)
                if cut is not None:
                    current.end, current.end_exact = cut, False
                    current.events.append(f"succeeded ({cut})")
                    current = None
            if current is not None and current.end is None and _gap(current.last_seen, seen) > SPELL_GAP_DAYS:
                current = None  # a report long after the last one, with nothing in between: a new spell
            if r.event in OPENING:
                if current is not None and current.end is None and current.start is None:
                    current.start, current.start_exact = (
                        day,
                        exact,
                    )  # first report turns out to be the appointment
                elif current is None or current.end is not None:
                    current = Tenure(person, club, role, day, exact, None, False, seen, seen)
                    out.append(current)
                elif current.start is None or (
                    exact and not current.start_exact and _sharper(day, current.start)
                ):
                    current.start, current.start_exact = day, exact
            elif current is None or (
                current.end is not None and seen and current.end < seen and r.event not in CLOSING
            ):
                start = r.start if r.start else None
                current = Tenure(person, club, role, start, bool(start), None, False, seen, seen)
                out.append(current)
            if r.event in CLOSING:
                if current.end is None or (
                    exact and not current.end_exact and _sharper(day, current.end) and _within(day, current)
                ):
                    current.end, current.end_exact = day, exact
            elif r.end and current.end is None:
                current.end, current.end_exact = r.end, True
            if r.start and r.event not in OPENING and not current.start_exact:
                current.start, current.start_exact = r.start, True
            if seen:
                current.first_seen = min(current.first_seen or seen, seen)
                current.last_seen = max(current.last_seen or seen, seen)
            current.events.append(f"{r.event} ({day or 'undated'})")
            current.evidence += cites(rec.ref, r.evidence)
        if current is not None and current.end is None and club_barriers:
            cut = _barrier(club_barriers, person, current.last_seen, None)
            if cut is not None:
                current.end, current.end_exact = cut, False
                current.events.append(f"succeeded ({cut})")
    out.sort(key=lambda t: (t.club, t.start or t.first_seen or "", t.person))
    return out


@dataclass
class InPost:
    tenure: Tenure
    certain: bool
    note: str


def _covers(t: Tenure, date: str) -> tuple[bool, bool, str]:
    """(possible, certain, note) for tenure ``t`` on ``date``."""
    if t.start and t.start_exact and date < t.start:
        return False, False, ""
    if t.end and ((t.end_exact and date > t.end) or (not t.end_exact and date >= t.end)):
        return False, False, ""
    lower_ok = (t.start is not None and t.start <= date) or (
        t.first_seen is not None and t.first_seen <= date
    )
    upper_ok = (t.end is not None and t.end_exact and date <= t.end) or (
        t.last_seen is not None and date <= t.last_seen
    )
    if lower_ok and upper_ok:
        return True, True, "reported in post on or around that date"
    if not lower_ok:
        horizon = INTERIM_UNSURE_DAYS if t.role.startswith("interim") else UNSURE_DAYS
        if _gap(date, t.first_seen) > horizon:
            return False, False, ""
        if not t.first_seen:
            return True, False, "no dated report; start date unknown"
        return True, False, f"first reported in this role on {t.first_seen}; start date unknown"
    if t.end:
        return True, False, f"left on or before {t.end}"
    if _gap(t.last_seen, date) > UNSURE_DAYS:
        return False, False, ""
    if not t.last_seen:
        return True, False, "no dated report"
    return True, False, f"last reported in this role on {t.last_seen}"


def _gap(earlier: str | None, later: str | None) -> int:
    """Days from ``earlier`` to ``later`` (partial dates count from their first day)."""
    import datetime as dt

    def parse(text: str | None) -> dt.date | None:
        if not text:
            return None
        parts = [*text.split("-"), "01", "01"][:3]
        try:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            return None

    a, b = parse(earlier), parse(later)
    return (b - a).days if a and b else 0


def in_post(
    tenures: Sequence[Tenure], club: str, date: str, roles: Sequence[str] = MANAGER_ROLES
) -> list[InPost]:
    """Who held one of ``roles`` at ``club`` on ``date``: certain answers first, then possible ones."""
    pool = [t for t in tenures if t.club == club and t.role in roles]
    found: list[InPost] = []
    for t in pool:
        possible, certain, note = _covers(t, date)
        if possible:
            found.append(InPost(t, certain, note))
    if any(f.certain for f in found):
        found = [f for f in found if f.certain]
    else:
        succeeded = set()
        for later in found:
            if later.tenure.start_exact:
                continue
            for earlier in found:
                e = earlier.tenure
                if (
                    e is later.tenure
                    or not e.end
                    or not any(ev.startswith(("holds", *OPENING)) for ev in e.events)
                ):
                    continue  # known only from its departure ("former boss"): not when it was held
                if later.tenure.first_seen and e.end <= later.tenure.first_seen and date < e.end:
                    succeeded.add(id(later.tenure))
        found = [f for f in found if id(f.tenure) not in succeeded]
    found.sort(key=lambda f: (not f.certain, f.tenure.role != "manager", f.tenure.first_seen or ""))
    return found


def tenures_of(tenures: Sequence[Tenure], person: str, club: str | None = None) -> list[Tenure]:
    return [t for t in tenures if t.person == person and (club is None or t.club == club)]
