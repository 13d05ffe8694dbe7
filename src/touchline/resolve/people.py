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
from functools import lru_cache

from touchline.linking.people import fold
from touchline.models import Person
from touchline.query.types import PersonEntity, cites
from touchline.store.base import FactRecord

_PARTICLES = frozenset({"di", "de", "da", "del", "della", "van", "von", "der", "den", "le", "la", "dos", "das",
                        "du", "ter", "ten", "lo", "st"})  # fmt: skip


def surname(name: str) -> str:
    """The folded surname, with its particles ("Robin van Persie" → "van persie")."""
    toks = fold(name).split()
    if not toks:
        return ""
    for i, tok in enumerate(toks[:-1]):
        if tok in _PARTICLES:
            return " ".join(toks[i:])
    return toks[-1]


def is_full(name: str) -> bool:
    """A given name and a surname; "Di Canio" or "van Persie" alone is a bare surname."""
    toks = fold(name).split()
    return len(toks) > 1 and toks[0] not in _PARTICLES


def _given(name: str) -> str:
    toks = fold(name).split()
    sur = surname(name).split()
    return " ".join(toks[: len(toks) - len(sur)])


@lru_cache(maxsize=1)
def _familiar() -> dict[str, frozenset[str]]:
    """Given name → the given names it can stand for (itself included), from ``data/people``."""
    from touchline.config import DATA_DIR

    out: dict[str, set[str]] = {}
    path = DATA_DIR / "people" / "given_names.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        short, full = line.split("\t")[:2]
        for name in full.split("|"):
            out.setdefault(fold(short), {fold(short)}).add(fold(name))
            out.setdefault(fold(name), {fold(name)}).add(fold(short))
    return {k: frozenset(v) for k, v in out.items()}


def same_given(a: str, b: str) -> bool:
    """ "Rafa" and "Rafael", "Andy" and "Andrew", an initial and a name it starts ("A" and "Anthony")."""
    a, b = fold(a).strip("."), fold(b).strip(".")
    if a == b:
        return True
    if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    return b in _familiar().get(a, frozenset()) or bool(_familiar().get(a, set()) & _familiar().get(b, set()))


def _variants(records: Sequence[FactRecord[Person]]) -> dict[str, str]:
    """Full name → the one spelling used for the person: variants in case and accents ("van Persie",
    "Van Persie"; "Núñez", "Nunez") are one person; familiar given names ("Rafa"/"Rafael") are one person
    unless each is known at clubs the other never is."""
    count: Counter[str] = Counter()
    teams: dict[str, set[str]] = {}
    for rec in records:
        if is_full(rec.fact.name):
            count[rec.fact.name] += 1
            if rec.fact.team:
                teams.setdefault(rec.fact.name, set()).add(rec.fact.team)
    by_surname: dict[str, list[str]] = {}
    for name in count:
        by_surname.setdefault(surname(name), []).append(name)
    parent = {n: n for n in count}

    def root(n: str) -> str:
        while parent[n] != n:
            n = parent[n]
        return n

    for names in by_surname.values():
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                folded = fold(a) == fold(b)
                ta, tb = teams.get(a, set()), teams.get(b, set())
                apart = bool(ta and tb and not ta & tb)
                if folded or (same_given(_given(a), _given(b)) and not apart):
                    parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for n in count:
        groups.setdefault(root(n), []).append(n)
    out: dict[str, str] = {}
    for members in groups.values():
        # the most reported spelling; on a tie the longer given name, then accents kept
        best = max(members, key=lambda n: (count[n], len(_given(n)), n != fold(n), n))
        for n in members:
            out[n] = best
    return out


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
    variant = _variants(records)
    full: dict[str, list[str]] = {}
    teams: dict[str, Counter[str]] = {}
    seen: dict[str, list[str]] = {}
    for rec in records:
        p = rec.fact
        if is_full(p.name):
            name = variant[p.name]
            full.setdefault(surname(name), [])
            if name not in full[surname(name)]:
                full[surname(name)].append(name)
            if p.team:
                teams.setdefault(name, Counter())[p.team] += 1
            if rec.ref.published:
                seen.setdefault(name, []).append(rec.ref.published)
    mapping: dict[tuple[str, str | None], str] = {}
    votes: dict[tuple[str, str | None], set[str]] = {}
    for rec in records:
        p = rec.fact
        key = (p.name, p.team)
        if is_full(p.name):
            mapping[key] = variant[p.name]
            continue
        candidates = full.get(surname(p.name), [])
        if p.team and not (len(candidates) == 1 and " " in surname(p.name)):  # "van Persie" is distinctive
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
