"""Person-name resolution inside one article: "Rusk" → "Simon Rusk" once the article named him.

Names keep their accents. Honorifics ("Sir", "Dr") are dropped from the canonical name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_HONORIFICS = re.compile(r"^(?:sir|dame|dr|mr|mrs|ms|lord|prof)\.?\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    from touchline.config import DATA_DIR

    path = DATA_DIR / "roles" / "places.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return frozenset(fold(" ".join(w.split())) for w in lines if w.strip() and not w.startswith("#"))


def is_place(text: str) -> bool:
    """A county, region, nation or country ("Staffordshire", "South Wales"): never a person's name."""
    name = fold(" ".join(clean_name(text).split()))
    return name in _places() or (name.startswith("the ") and name[4:] in _places())


@lru_cache(maxsize=1)
def _lead_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words never opening a name, given names that keep a word: "Scot" in "Scot Gemmill")."""
    from touchline.config import DATA_DIR

    def read(*parts: str) -> set[str]:
        path = DATA_DIR.joinpath(*parts)
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        return {fold(w.strip()) for w in lines if w.strip() and not w.startswith("#")}

    words = read("roles", "name_lead_words.txt") | read("quotes", "demonyms.txt")
    words |= read("roles", "player_words.txt")
    return frozenset(words), frozenset(read("roles", "first_names.txt"))


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    from touchline.config import DATA_DIR

    path = DATA_DIR / "quotes" / "demonyms.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return frozenset(fold(w.strip()) for w in lines if w.strip() and not w.startswith("#"))


def _adverb(word: str) -> bool:
    """ "Inevitably van Persie": a long -ly word opening a sentence, not a given name."""
    return len(word) >= 8 and fold(word).endswith("ly") and fold(word) not in _lead_words()[1]


def strip_lead_words(name: str) -> str:
    """ "And Mourinho" → "Mourinho", "Frenchman Arsene Wenger" → "Arsene Wenger": a conjunction,
    demonym or job word opening a name is not part of it (a given name such as "Scot" stays)."""
    words, given = _lead_words()
    toks = name.split()

    def cut(word: str) -> bool:
        key = fold(word)
        if len(toks) > 2:  # "Scot Nick Smith": a word before a full name is never part of it
            return key in words or _adverb(word)
        # before a lone surname a given name or a short demonym may be the given name ("Dane Holloway")
        return (key in words and key not in given and not (key in _demonyms() and len(key) <= 5)) or _adverb(
            word
        )

    while len(toks) > 1 and cut(toks[0]):
        toks.pop(0)
    if len(toks) == 1 and fold(toks[0]) in words and fold(toks[0]) not in given:
        return ""  # "Frenchman": a description, no name
    return " ".join(toks)


def clean_name(text: str) -> str:
    """Strip honorifics, possessives, stray punctuation and lead words (``strip_lead_words``) from a
    person's surface form."""
    text = " ".join(text.replace("\n", " ").split())
    text = _HONORIFICS.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = text.strip(" ,.;:-–—\"'“”‘’()")
    return strip_lead_words(text).strip(" ,.;:-–—\"'“”‘’()")


class PeopleIndex:
    """Full names seen in an article, and the resolution of partial mentions onto them."""

    def __init__(self) -> None:
        self.full_names: list[str] = []
        self.team: dict[str, str | None] = {}
        # (name, role, club) in the order the article gives them; see note_role / holder
        self.roles: list[tuple[str, str, str | None]] = []
        self.singles: list[
            str
        ] = []  # one-word names accepted on their own ("Rodri", or a surname never given in full)

    def add(self, surface: str, allow_single: bool = False) -> str | None:
        """Register a surface form; return its canonical name (None if it is not a usable name).

        One-word forms are only registered when ``allow_single`` (a mononym or a bare surname the
        caller has checked); otherwise they must resolve onto a known full name.
        """
        name = clean_name(surface)
        if not name or not any(c.isalpha() for c in name):
            return None
        existing = self.resolve(name)
        if existing is None and is_place(name):
            return None  # "Staffordshire": a place, not a person
        if existing is not None:
            # a longer form of a known name ("Smith Rowe" known, "Emile Smith Rowe" seen) replaces it
            if len(name.split()) > len(existing.split()) and fold(name).endswith(fold(existing)):
                self._rename(existing, name)
                return name
            return existing
        if len(name.split()) >= 2:
            shorter = [n for n in self.full_names if fold(name).endswith(" " + fold(n))]
            if len(shorter) == 1:  # "Smith Rowe" known, "Emile Smith Rowe" seen: the longer form wins
                self._rename(shorter[0], name)
                return name
            self.full_names.append(name)
            return name
        if allow_single:
            self.full_names.append(name)
            self.singles.append(name)
            return name
        return None

    def _rename(self, old: str, new: str) -> None:
        self.full_names = [new if n == old else n for n in self.full_names]
        self.singles = [n for n in self.singles if n != old]
        if old in self.team:
            self.team[new] = self.team.pop(old)
        self.roles = [(new if n == old else n, r, c) for n, r, c in self.roles]

    def resolve(self, surface: str) -> str | None:
        """Canonical full name for a full or partial mention, or None when unknown or ambiguous."""
        name = clean_name(surface)
        if not name:
            return None
        key = fold(name)
        for full in self.full_names:
            if fold(full) == key:
                return full
        tokens = key.split()
        candidates = []
        for full in self.full_names:
            ftoks = fold(full).split()
            n = len(tokens)
            if n < len(ftoks) and (ftoks[-n:] == tokens or (n == 1 and ftoks[0] == tokens[0])):
                candidates.append(full)
        surname_hits = [c for c in candidates if fold(c).split()[-len(tokens) :] == tokens]
        if len(surname_hits) == 1:
            return surname_hits[0]
        if len(candidates) == 1:
            return candidates[0]
        return None

    def sharing(self, surface: str) -> list[str]:
        """The full names a one-word form is the surname of, when two or more share it ("Harrow"
        with Neil Harrow and Jake Harrow); empty otherwise."""
        key = fold(clean_name(surface))
        if not key or len(key.split()) != 1:
            return []
        hits = [n for n in self.full_names if len(n.split()) > 1 and fold(n).split()[-1] == key]
        return hits if len(hits) > 1 else []

    def set_team(self, name: str, team: str | None) -> None:
        if team and not self.team.get(name):
            self.team[name] = team

    # ---- roles: who is "the Saints boss" ---------------------------------------------------
    def note_role(self, name: str, role: str, club: str | None, current: bool = True) -> None:
        """Record that the article gives ``name`` the job ``role`` (at ``club`` when known).

        A job the person no longer holds (``current=False``: "former Celtic boss") does not make
        ``club`` their team.
        """
        entry = (name, role, club)
        if entry not in self.roles:
            self.roles.append(entry)
        if club and role != "referee" and current:
            self.set_team(name, club)

    def roles_of(self, name: str) -> list[tuple[str, str | None]]:
        return [(r, c) for n, r, c in self.roles if n == name]

    def holder(self, roles: Iterable[str] | None = None, club: str | None = None) -> str | None:
        """The person the article last gave one of ``roles`` (at ``club`` when given), or None.

        A club that does not match excludes a holder; a holder with no club known is kept.
        """
        wanted = set(roles) if roles is not None else None
        for name, role, held_at in reversed(self.roles):
            if wanted is not None and role not in wanted:
                continue
            if club and (held_at or self.team.get(name)) not in (None, club):
                continue
            return name
        return None
