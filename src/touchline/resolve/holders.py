"""One answer to "who managed CLUB on DATE": rank everyone the reports put in the job, best first.

``in_post`` (``resolve.tenures``) says which tenures *may* cover a day; several often do, because
reports disagree, an article gave a role the wrong club, or the reports carry no dates. ``rank_holders``
turns them into one answer and the rest "also reported", each with the reason it ranks lower:

1. how well the person's dated evidence brackets the date: reported in post on both sides of it
   (``certain``), then only on one side (nearest evidence first), then reports with no date at all;
2. whether the person is reported as manager of another club more often than of this one (a
   manager holds one job at a time, so the weaker attachment is probably a mis-read sentence);
3. how many articles support it;
4. a permanent manager before an interim one.

A person's tenures at the club (manager and interim spells) count as one candidate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from touchline.query.types import Tenure
from touchline.resolve.tenures import MANAGER_ROLES, SPELL_GAP_DAYS, in_post

CERTAIN, NEAR, UNDATED = 0, 1, 2
ERA_WEIGHT = {0: 3.0, 1: 1.0, 2: 1 / 3}


@dataclass
class Holder:
    """A person reported in a manager's job at the club around the date, with why they rank where."""

    person: str
    tenures: list[Tenure]
    grade: int  # CERTAIN, NEAR or UNDATED
    distance: int  # days from the date to the nearest report (0 when bracketed, large when undated)
    support: int  # distinct articles naming the person in the job at this club
    elsewhere: tuple[str, int] | None = None  # another club they are reported managing in more articles
    notes: list[str] = field(default_factory=list)
    departed_only: bool = False  # its only dated reports say the person had left ("former boss")
    era: int = 1  # undated: 0 when the person's dated reports at the club are near the date, 2 when far

    @property
    def role(self) -> str:
        roles = {t.role for t in self.tenures}
        return "interim manager" if roles == {"interim_manager"} else "manager"

    def key(self) -> tuple[int, bool, int, float, bool, int, int, bool]:
        return (
            self.grade,
            self.departed_only,
            self.distance if self.grade == NEAR else 0,
            -self.weight() if self.grade == UNDATED else 0,
            self.elsewhere is not None,
            -self.support,
            self.distance,
            self.role != "manager",
        )

    def weight(self) -> float:
        """Undated reports, weighed by when the same person is dated at the club: near the date they
        count three times, all years away a third (``ERA_WEIGHT``)."""
        return self.support * ERA_WEIGHT[self.era]

    def how(self) -> str:
        """How the evidence stands, in words with no empty values."""
        reports = f"{self.support} report{'s' if self.support != 1 else ''}"
        if self.grade == CERTAIN:
            return f"reported in post on or around that date; {reports}"
        if self.grade == NEAR:
            note = self.notes[0] if self.notes else "reported near that date"
            return f"{note}; {reports}"
        return f"{reports}, none of them dated"

    def why_lower(self, best: Holder) -> str:
        """Why this holder ranks below ``best``."""
        if self.grade > best.grade:
            if self.grade == UNDATED:
                return "its reports carry no date"
            return "its reports do not bracket the date (" + (self.notes[0] if self.notes else "") + ")"
        if self.departed_only and not best.departed_only:
            return "its only dated report says the person had already left, not since when"
        if self.grade == UNDATED and self.era > best.era and self.weight() < best.weight():
            return "the person's dated reports at this club are further from the date"
        if self.grade == NEAR and best.grade == NEAR and self.distance > best.distance:
            return f"its nearest report is {self.distance} days from the date, against {best.distance}"
        if self.elsewhere is not None and best.elsewhere is None:
            club, n = self.elsewhere
            return f"{self.person} is reported as manager of {club} in {n} article{'s' if n != 1 else ''}"
        if self.support < best.support:
            return f"fewer reports ({self.support} against {best.support})"
        if self.role != best.role:
            return f"an {self.role} ranks after a permanent manager"
        return "the reports disagree and this one is no better supported"


def _articles(tenures: Sequence[Tenure]) -> set[str]:
    return {c.article_id for t in tenures for c in t.evidence}


def _days(a: str, b: str) -> int:
    def parse(text: str) -> dt.date | None:
        parts = [*text.split("-"), "01", "01"][:3]
        try:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            return None

    x, y = parse(a), parse(b)
    return abs((y - x).days) if x and y else 1 << 20


def _undated(t: Tenure) -> bool:
    return not (t.start or t.end or t.first_seen or t.last_seen)


def _distance(t: Tenure, first: str, last: str) -> int:
    """Days from the span [first, last] to the nearest of the tenure's known dates (0 inside them)."""
    low = t.start or t.first_seen
    high = t.end if t.end_exact and t.end else t.last_seen or t.end
    if low and high and low <= last and first <= high:
        return 0
    days = [_days(d, x) for d in (low, high) if d for x in (first, last)]
    return min(days) if days else 1 << 20


def rank_holders(tenures: Sequence[Tenure], club: str, first: str, last: str | None = None) -> list[Holder]:
    """Everyone reported as manager (or interim) of ``club`` on a day of [first, last], best first.

    With no date (``first == ""``) every holder is ranked on support alone.
    """
    last = last or first
    pool = [t for t in tenures if t.club == club and t.role in MANAGER_ROLES]
    grades: dict[int, tuple[int, str]] = {id(t): (UNDATED, "") for t in pool if _undated(t) or not first}
    if first:
        dated = [t for t in pool if not _undated(t)]
        for day in _days_between(first, last):
            for f in in_post(dated, club, day):  # with someone certain in post, only the certain
                grade = CERTAIN if f.certain else NEAR
                have = grades.get(id(f.tenure))
                if have is None or grade < have[0]:
                    grades[id(f.tenure)] = (grade, f.note)
    by_person: dict[str, list[Tenure]] = {}
    for t in pool:
        if id(t) in grades:
            by_person.setdefault(t.person, []).append(t)
    out = []
    for person, mine in by_person.items():
        grade = min(grades[id(t)][0] for t in mine)
        notes = [grades[id(t)][1] for t in mine if grades[id(t)][0] == grade and grades[id(t)][1]]
        distance = 0 if not first else min(_distance(t, first, last) for t in mine)
        if grade == UNDATED:
            distance = 1 << 20
        support = len(_articles(mine))
        holder = Holder(
            person, mine, grade, distance, support, _elsewhere(tenures, person, club, support), notes
        )
        graded = [t for t in mine if grades[id(t)][0] == grade]
        holder.departed_only = grade == NEAR and all(_departed_only(t) for t in graded)
        if grade == UNDATED and first:
            holder.era = _era(pool, person, first, last)
        out.append(holder)
    out.sort(key=Holder.key)
    return out


def _departed_only(t: Tenure) -> bool:
    """Known only from reports of the person having left ("former boss X", "X left"): no in-post report."""
    dated = [e for e in t.events if not e.endswith("(undated)")]
    return bool(dated) and all(e.startswith(("left", "sacked", "resigned", "succeeded")) for e in dated)


def _era(pool: Sequence[Tenure], person: str, first: str, last: str) -> int:
    """For undated reports: 0 when the person's dated spells at the club lie near [first, last] (within
    ``SPELL_GAP_DAYS``), 2 when they all lie further away, 1 when none is dated."""
    spans = [t for t in pool if t.person == person and not _undated(t)]
    if not spans:
        return 1
    return 0 if any(_distance(t, first, last) <= SPELL_GAP_DAYS for t in spans) else 2


def _elsewhere(tenures: Sequence[Tenure], person: str, club: str, support: int) -> tuple[str, int] | None:
    """The club ``person`` is reported managing in more articles than ``club`` (a manager has one job)."""
    counts: dict[str, set[str]] = {}
    for t in tenures:
        if t.person == person and t.club != club and t.role in MANAGER_ROLES:
            counts.setdefault(t.club, set()).update(c.article_id for c in t.evidence)
    best = max(counts.items(), key=lambda kv: len(kv[1]), default=None)
    if best is None or len(best[1]) <= support:
        return None
    return best[0], len(best[1])


def _days_between(first: str, last: str) -> list[str]:
    """``first``, then weekly to ``last`` (inclusive)."""
    try:
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    except ValueError:
        return [first]
    days = [start + dt.timedelta(days=i) for i in range(0, max(0, (end - start).days) + 1, 7)]
    if not days or days[-1] != end:
        days.append(end)
    return [d.isoformat() for d in days]
