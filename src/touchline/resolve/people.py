"""The same person across articles: canonical full name, with surname-only mentions attached by club.

Articles name people canonically within themselves ("Rusk" → "Simon Rusk"), but an article that only
ever says "Rusk" yields the bare surname. A bare surname joins a full name only when exactly one known
full name has that surname and (when the article gives a club) plays or works for the same club;
otherwise it stays on its own: surname alone is not identity.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from touchline.linking.people import fold
from touchline.models import Person
from touchline.query.types import PersonEntity, cites
from touchline.store.base import FactRecord


def surname(name: str) -> str:
    return fold(name.split()[-1]) if name.split() else ""


# a bare surname joins a full name only when that full name was reported within this many days of it
SAME_PERSON_DAYS = 3 * 365


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return abs((dt.date.fromisoformat(a or "") - dt.date.fromisoformat(b or "")).days)
    except ValueError:
        return None


def canonical_names(records: Sequence[FactRecord[Person]]) -> dict[tuple[str, str | None], str]:
    """(name as stored, team) → canonical name, for every stored person record.

    A bare surname joins a full name when exactly one full name with that surname is known at the same
    club (when the mention gives one) and reported within ``SAME_PERSON_DAYS`` of the mention (when
    both are dated): surname + club + time, never surname alone.
    """
    full: dict[str, list[str]] = {}
    teams: dict[str, Counter[str]] = {}
    seen: dict[str, list[str]] = {}
    for rec in records:
        p = rec.fact
        if len(p.name.split()) > 1:
            full.setdefault(surname(p.name), [])
            if p.name not in full[surname(p.name)]:
                full[surname(p.name)].append(p.name)
            if p.team:
                teams.setdefault(p.name, Counter())[p.team] += 1
            if rec.ref.published:
                seen.setdefault(p.name, []).append(rec.ref.published)
    mapping: dict[tuple[str, str | None], str] = {}
    votes: dict[tuple[str, str | None], set[str]] = {}
    for rec in records:
        p = rec.fact
        key = (p.name, p.team)
        if len(p.name.split()) > 1:
            mapping[key] = p.name
            continue
        candidates = full.get(surname(p.name), [])
        if p.team:
            candidates = [c for c in candidates if p.team in teams.get(c, Counter())]
        pub = rec.ref.published
        if pub:
            candidates = [
                c
                for c in candidates
                if not seen.get(c)
                or any((d := _days(pub, day)) is None or d <= SAME_PERSON_DAYS for day in seen[c])
            ]
        votes.setdefault(key, set()).add(candidates[0] if len(candidates) == 1 else p.name)
    for key, names in votes.items():
        mapping[key] = names.pop() if len(names) == 1 else key[0]
    return mapping


def merge_people(records: Sequence[FactRecord[Person]]) -> list[PersonEntity]:
    mapping = canonical_names(records)
    out: dict[str, PersonEntity] = {}
    clubs: dict[str, Counter[str]] = {}
    seen_articles: dict[str, set[str]] = {}
    for rec in records:
        p = rec.fact
        name = mapping[(p.name, p.team)]
        ent = out.get(name)
        if ent is None:
            ent = out[name] = PersonEntity(name, [], [], 0, rec.ref.published, rec.ref.published)
        if p.name != name and p.name not in ent.aliases:
            ent.aliases.append(p.name)
        articles = seen_articles.setdefault(name, set())
        if rec.ref.article_id not in articles:
            articles.add(rec.ref.article_id)
            ent.article_ids.append(rec.ref.article_id)
        ent.mentions += max(1, len(p.mentions))
        if p.team:
            clubs.setdefault(name, Counter())[p.team] += 1
        pub = rec.ref.published
        if pub:
            ent.first_seen = min(ent.first_seen or pub, pub)
            ent.last_seen = max(ent.last_seen or pub, pub)
        if len(ent.evidence) < 5:
            ent.evidence += cites(rec.ref, p.mentions[:1])
    for name, ent in out.items():
        ent.clubs = [c for c, _ in clubs.get(name, Counter()).most_common()]
    return sorted(out.values(), key=lambda e: (-e.mentions, e.name))
