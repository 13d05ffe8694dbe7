"""Canonical clubs, competitions and stadiums with their aliases.

Data files live in ``touchline/data/gazetteer/*.tsv`` (facts only), plus an optional user overlay
directory (``touchline gazetteer import``) with files of the same shape. ``scan`` finds every
alias in a text (longest match first) and returns canonical names with exact offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from touchline.config import DATA_DIR, settings
from touchline.errors import GazetteerError

KINDS = ("club", "competition", "stadium")


def norm_key(text: str) -> str:
    """Lookup key: accents folded, case folded, punctuation and 'FC'/'AFC'/'the' dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ").replace("’", "'").replace("'", "")
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return " ".join(t for t in text.split() if t not in ("fc", "afc", "the"))


@dataclass(frozen=True)
class GazMention:
    start: int
    end: int
    text: str
    kind: str  # club | competition | stadium
    canonical: str


@dataclass
class _Entry:
    canonical: str
    kind: str
    aliases: list[tuple[str, bool]]  # (alias, case_sensitive)


class Gazetteer:
    def __init__(self) -> None:
        self._lookup: dict[str, dict[str, str]] = {k: {} for k in KINDS}
        self._case_sensitive: dict[str, dict[str, str]] = {k: {} for k in KINDS}
        self.stadium_club: dict[str, str] = {}
        self.club_stadium: dict[str, str] = {}
        self.club_country: dict[str, str] = {}
        self._scan_re: re.Pattern[str] | None = None
        self._surface: dict[str, tuple[str, str]] = {}  # surface form (casefolded) -> (kind, canonical)
        self._surface_cs: dict[str, tuple[str, str]] = {}

    # ---- loading -------------------------------------------------------------------------
    @classmethod
    def from_dirs(cls, dirs: Iterable[Path]) -> Gazetteer:
        gaz = cls()
        for d in dirs:
            gaz.load_dir(d)
        return gaz

    def load_dir(self, directory: Path) -> None:
        for kind, name in (("club", "clubs.tsv"), ("competition", "competitions.tsv"), ("stadium", "stadiums.tsv")):
            path = directory / name
            if path.exists():
                self._load_file(kind, path)

    def _load_file(self, kind: str, path: Path) -> None:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not cols[0].strip():
                raise GazetteerError(f"{path}:{number}: empty canonical name")
            canonical = cols[0].strip()
            if kind == "club":
                country = cols[1].strip() if len(cols) > 1 else ""
                aliases = cols[2] if len(cols) > 2 else ""
                stadium = cols[3].strip() if len(cols) > 3 else ""
                self.add(kind, canonical, aliases.split("|"))
                if country:
                    self.club_country[canonical] = country
                if stadium:
                    self.club_stadium.setdefault(canonical, stadium)
                    self.stadium_club.setdefault(stadium, canonical)
                    self.add("stadium", stadium, [])
            elif kind == "stadium":
                club = cols[1].strip() if len(cols) > 1 else ""
                aliases = cols[2] if len(cols) > 2 else ""
                self.add(kind, canonical, aliases.split("|"))
                if club:
                    self.stadium_club[canonical] = club
                    self.club_stadium.setdefault(club, canonical)
            else:
                self.add(kind, canonical, (cols[1] if len(cols) > 1 else "").split("|"))

    def add(self, kind: str, canonical: str, aliases: Iterable[str]) -> None:
        self._scan_re = None
        self._lookup[kind][norm_key(canonical)] = canonical
        self._surface.setdefault(canonical.casefold(), (kind, canonical))
        for raw in aliases:
            alias = raw.strip()
            if not alias:
                continue
            if alias.startswith("="):
                self._case_sensitive[kind][alias[1:]] = canonical
                self._surface_cs.setdefault(alias[1:], (kind, canonical))
            else:
                self._lookup[kind].setdefault(norm_key(alias), canonical)
                self._surface.setdefault(alias.casefold(), (kind, canonical))

    # ---- lookups -------------------------------------------------------------------------
    def lookup(self, kind: str, text: str | None, fuzzy: bool = False) -> str | None:
        if not text:
            return None
        text = text.strip()
        if text in self._case_sensitive[kind]:
            return self._case_sensitive[kind][text]
        key = norm_key(text)
        hit = self._lookup[kind].get(key)
        if hit is None and key.startswith("st "):
            hit = self._lookup[kind].get("saint " + key[3:])
        if hit is None and fuzzy and len(key) >= 5:
            from rapidfuzz import fuzz, process

            best = process.extractOne(key, self._lookup[kind].keys(), scorer=fuzz.ratio, score_cutoff=85)
            if best is not None:
                hit = self._lookup[kind][best[0]]
        return hit

    def club(self, text: str | None, fuzzy: bool = False) -> str | None:
        return self.lookup("club", text, fuzzy)

    def competition(self, text: str | None, fuzzy: bool = False) -> str | None:
        return self.lookup("competition", text, fuzzy)

    def stadium(self, text: str | None, fuzzy: bool = False) -> str | None:
        return self.lookup("stadium", text, fuzzy)

    def home_stadium(self, club: str) -> str | None:
        return self.club_stadium.get(club)

    def club_of_stadium(self, stadium: str) -> str | None:
        return self.stadium_club.get(stadium)

    def all_clubs(self) -> list[str]:
        return sorted(set(self._lookup["club"].values()) | set(self._case_sensitive["club"].values()))

    # ---- scanning ------------------------------------------------------------------------
    def _scanner(self) -> re.Pattern[str]:
        if self._scan_re is None:
            forms = sorted(set(self._surface) | set(self._surface_cs), key=len, reverse=True)
            alternation = "|".join(re.escape(f) for f in forms if f)
            # (?i) for the case-insensitive forms; case-sensitive ones are re-checked in scan()
            self._scan_re = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", re.IGNORECASE)
        return self._scan_re

    def scan(self, text: str) -> list[GazMention]:
        """Every club/competition/stadium alias in ``text``, longest first, non-overlapping."""
        found: list[GazMention] = []
        for m in self._scanner().finditer(text):
            surface = m.group(0)
            hit = self._surface_cs.get(surface) or self._surface.get(surface.casefold())
            if hit is None:
                continue
            if surface not in self._surface_cs and surface.casefold() not in self._surface:
                continue
            if surface.casefold() in self._surface and surface not in self._surface_cs:
                # case-insensitive aliases must still look like names in running text (not "derby" the word)
                if surface[0].islower() and not surface.lower().startswith("the "):
                    continue
            kind, canonical = hit
            found.append(GazMention(m.start(), m.end(), surface, kind, canonical))
        return found


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The package gazetteer plus the user's overlay (if any); loaded once per process."""
    dirs = [DATA_DIR / "gazetteer"]
    overlay = settings().user_gazetteer_dir
    if overlay.is_dir():
        dirs.append(overlay)
    return Gazetteer.from_dirs(dirs)
