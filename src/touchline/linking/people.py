"""Person-name resolution inside one article: "Rusk" → "Simon Rusk" once the article named him.

Names keep their accents. Honorifics ("Sir", "Dr") are dropped from the canonical name.
"""

from __future__ import annotations

import re
import unicodedata

_HONORIFICS = re.compile(r"^(?:sir|dame|dr|mr|mrs|ms|lord|prof)\.?\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def clean_name(text: str) -> str:
    """Strip honorifics, possessives and stray punctuation from a person's surface form."""
    text = " ".join(text.replace("\n", " ").split())
    text = _HONORIFICS.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return text.strip(" ,.;:-–—\"'“”‘’()")


class PeopleIndex:
    """Full names seen in an article, and the resolution of partial mentions onto them."""

    def __init__(self) -> None:
        self.full_names: list[str] = []
        self.team: dict[str, str | None] = {}

    def add(self, surface: str) -> str | None:
        """Register a surface form; return its canonical name (None if it is not a usable name)."""
        name = clean_name(surface)
        if not name or not any(c.isalpha() for c in name):
            return None
        existing = self.resolve(name)
        if existing is not None:
            # a longer form of a known name ("Smith Rowe" known, "Emile Smith Rowe" seen) replaces it
            if len(name.split()) > len(existing.split()) and fold(name).endswith(fold(existing)):
                self._rename(existing, name)
                return name
            return existing
        if len(name.split()) >= 2:
            self.full_names.append(name)
            return name
        return None

    def _rename(self, old: str, new: str) -> None:
        self.full_names = [new if n == old else n for n in self.full_names]
        if old in self.team:
            self.team[new] = self.team.pop(old)

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
        surname_hits = [c for c in candidates if fold(c).split()[-len(tokens):] == tokens]
        if len(surname_hits) == 1:
            return surname_hits[0]
        if len(candidates) == 1:
            return candidates[0]
        return None

    def set_team(self, name: str, team: str | None) -> None:
        if team and not self.team.get(name):
            self.team[name] = team
