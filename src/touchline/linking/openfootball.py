"""Import openfootball club lists (Football.TXT ``*.clubs.txt``) into the user's gazetteer overlay.

The format, as used by the openfootball ``clubs`` repository:

* ``= England`` starts a country, ``== Bayern ==`` a region; lines made only of ``=`` are decoration;
* ``#`` starts a comment, anywhere on a line;
* an unindented line names a club: ``Name[, founded][, @ Stadium][, City (district) › region]``; a name
  may carry the years of a defunct club, ``Darwen FC (1870-2009)``;
* indented ``| alt | alt`` lines give alternative names for the club above (``[en]``/``[de]`` tags mark
  the language of a name); other indented lines are addresses (``street // postcode city``) or, without
  ``//``, one more alternative name;
* ``ii) Name`` introduces the reserve team of the club above (alternative names may follow).

``import_openfootball`` merges these clubs into the gazetteer: a club whose name (or alternative
names, unanimously) already resolves to a canonical club adds its new aliases to that club; others
become new clubs. The result is written as ``clubs.tsv``/``stadiums.tsv`` in the overlay directory,
in the package's own file format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from touchline.config import DATA_DIR, settings
from touchline.errors import GazetteerError
from touchline.linking.gazetteer import Gazetteer, full_key, norm_key

COUNTRY_CODES = {
    "england": "ENG", "scotland": "SCO", "wales": "WAL", "northern ireland": "NIR", "ireland": "IRL",
    "germany": "GER", "deutschland": "GER", "spain": "ESP", "españa": "ESP", "france": "FRA",
    "italy": "ITA", "italia": "ITA", "netherlands": "NED", "portugal": "POR", "belgium": "BEL",
    "turkey": "TUR", "greece": "GRE", "austria": "AUT", "switzerland": "SUI", "denmark": "DEN",
    "sweden": "SWE", "norway": "NOR", "finland": "FIN", "ukraine": "UKR", "russia": "RUS",
    "croatia": "CRO", "serbia": "SRB", "czech republic": "CZE", "poland": "POL", "romania": "ROU",
    "bulgaria": "BUL", "hungary": "HUN", "slovakia": "SVK", "slovenia": "SVN", "cyprus": "CYP",
    "israel": "ISR", "united states": "USA", "brazil": "BRA", "argentina": "ARG", "mexico": "MEX",
}  # fmt: skip
_DEFUNCT = re.compile(r"\s*\(\s*(?:\d{4})?\s*-\s*(?:\d{4})?\s*\)")
_LANG_TAG = re.compile(r"\s*\[([a-z]{2})\]\s*$")
_RESERVE = re.compile(r"^(?:ii|iii|iv)\)\s*(.*)$")
_HEADER = {
    "clubs.tsv": "# canonical\tcountry\taliases (| separated)\thome stadium\ttype  -- written by touchline gazetteer import\n",
    "stadiums.tsv": "# canonical\tclub\taliases (| separated)  -- written by touchline gazetteer import\n",
}


@dataclass
class OFClub:
    name: str
    source: str  # "file:line"
    alt_names: list[str] = field(default_factory=list)
    english_names: list[str] = field(default_factory=list)  # alternative names tagged [en]
    city: str | None = None
    stadium: str | None = None
    founded: int | None = None
    country: str | None = None
    reserve_of: str | None = None


@dataclass
class ImportSummary:
    files: int = 0
    clubs_read: int = 0
    new_clubs: int = 0
    matched_clubs: int = 0
    merged_aliases: int = 0  # new aliases added to clubs the gazetteer already had
    new_aliases: int = 0  # alternative names of the new clubs
    skipped_aliases: int = 0  # alias names another entry, or several imported clubs, or a shared city
    new_stadiums: int = 0
    overlay_dir: Path | None = None

    def lines(self) -> list[str]:
        return [
            f"files read:        {self.files}",
            f"clubs read:        {self.clubs_read}",
            f"matched existing:  {self.matched_clubs}",
            f"new clubs:         {self.new_clubs}",
            f"merged aliases:    {self.merged_aliases}",
            f"new clubs' aliases:{self.new_aliases:>5}",
            f"skipped aliases:   {self.skipped_aliases} (ambiguous: another club, shared name or city)",
            f"new stadiums:      {self.new_stadiums}",
            f"overlay written:   {self.overlay_dir}",
        ]


def _country_code(heading: str) -> str:
    name = heading.split("•")[0].strip().lower()
    return COUNTRY_CODES.get(name, name[:3].upper())


def _check_name(name: str, where: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise GazetteerError(f"{where}: empty club name")
    if name.count("(") != name.count(")") or name.count("[") != name.count("]"):
        raise GazetteerError(f"{where}: unbalanced brackets in name {name!r}")
    if "\t" in name or "|" in name:
        raise GazetteerError(f"{where}: name {name!r} contains '|' or a tab")
    return name


def parse_clubs_text(text: str, source: str) -> list[OFClub]:
    """Clubs of one Football.TXT club list. Raises GazetteerError naming ``source:line``."""
    clubs: list[OFClub] = []
    main: OFClub | None = None  # the last unindented club (owner of reserve teams)
    current: OFClub | None = None  # the club that following alternative names belong to
    country: str | None = None
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        where = f"{source}:{number}"
        line = raw.replace("\t", " ").rstrip()
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("="):
            if stripped.strip("=").strip() and not stripped.startswith("=="):
                country = _country_code(stripped.strip("=").strip())
            continue
        if line[0].isspace() or stripped.startswith("|"):
            if current is None:
                raise GazetteerError(f"{where}: alternative name or address line before any club line")
            if "//" in stripped:
                continue  # address
            for part in stripped.strip("|").split("|") if stripped.startswith("|") else [stripped]:
                tag = _LANG_TAG.search(part)
                alt = _check_name(_LANG_TAG.sub("", part), where) if part.strip() else ""
                if not alt:
                    continue
                current.alt_names.append(alt)
                if tag and tag.group(1) == "en":
                    current.english_names.append(alt)
            continue
        reserve = _RESERVE.match(stripped)
        if reserve:
            if main is None:
                raise GazetteerError(f"{where}: reserve team line before any club line")
            current = OFClub(
                _check_name(reserve.group(1), where), where, country=country, reserve_of=main.name
            )
            clubs.append(current)
            continue
        parts = [p.strip() for p in stripped.split(",")]
        club = OFClub(_check_name(_DEFUNCT.sub("", parts[0]), where), where, country=country)
        for part in parts[1:]:
            if part.startswith("@"):
                club.stadium = _check_name(part[1:].replace("$", ""), where) if part[1:].strip() else None
                if club.stadium is None:
                    raise GazetteerError(f"{where}: '@' without a stadium name")
            elif re.fullmatch(r"\d{4}", part):
                club.founded = int(part)
            elif part and club.city is None:
                club.city = re.sub(r"\s*\(.*?\)|\s*›.*", "", part).strip() or None
        clubs.append(club)
        main = current = club
    return clubs


def club_files(path: Path) -> list[Path]:
    """``*.clubs.txt`` files under ``path`` (or ``path`` itself when it is a file)."""
    if not path.exists():
        raise GazetteerError(f"{path}: no such file or directory")
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*.txt") if p.name.endswith(".clubs.txt"))


def parse_clubs_file(path: Path) -> list[OFClub]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read ({exc.strerror})") from exc
    return parse_clubs_text(text, str(path))


# ---- overlay files ----------------------------------------------------------------------------
def _read_rows(path: Path, width: int) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    if not path.exists():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * width)[:width]
        rows[cols[0].strip()] = [c.strip() for c in cols]
    return rows


def _write_rows(path: Path, rows: Iterable[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join("\t".join(r).rstrip("\t") + "\n" for r in rows)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(_HEADER[path.name] + body, encoding="utf-8")
    tmp.replace(path)


def _canonical_for_new(club: OFClub, cities: dict[str, int]) -> str:
    """The [en] name when given, else the name without a trailing FC unless that leaves a city ("Paris")."""
    if club.english_names:
        return club.english_names[0]
    trimmed = re.sub(r"\s+A?FC$", "", club.name)
    return trimmed if trimmed and norm_key(trimmed) not in cities else club.name


def _match(gaz: Gazetteer, club: OFClub, unusable: set[str]) -> str | None:
    """Existing canonical club for ``club``: its main name, or its distinctive alternative names
    (not shared with another imported club, not a city name) when they all agree."""

    def ok(hit: str | None) -> bool:
        known = gaz.club_country.get(hit or "")
        return bool(hit) and (not known or not club.country or known == club.country)

    hit = gaz.club(club.name)
    if ok(hit):
        return hit
    hits = {gaz.club(n) for n in club.alt_names if norm_key(n) not in unusable}
    hits.discard(None)
    if len(hits) == 1:
        only = hits.pop()
        return only if ok(only) else None
    return None


def _counts(keys: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for k in keys:
        if k:
            out[k] = out.get(k, 0) + 1
    return out


def import_openfootball(
    path: Path, overlay_dir: Path | None = None, base: Gazetteer | None = None
) -> ImportSummary:
    """Read every ``*.clubs.txt`` under ``path`` and merge it into the overlay at ``overlay_dir``."""
    overlay = overlay_dir or settings().user_gazetteer_dir
    files = club_files(path)
    if not files:
        raise GazetteerError(f"{path}: no *.clubs.txt files found (expected an openfootball clubs folder)")
    clubs = [c for f in files for c in parse_clubs_file(f)]  # parse everything before writing anything
    gaz = base or Gazetteer.from_dirs([DATA_DIR / "gazetteer", *([overlay] if overlay.is_dir() else [])])
    club_rows = _read_rows(overlay / "clubs.tsv", 5)
    stadium_rows = _read_rows(overlay / "stadiums.tsv", 3)
    summary = ImportSummary(files=len(files), clubs_read=len(clubs), overlay_dir=overlay)
    keep = set(club_rows)
    # names that several imported clubs share ("Vitória") or that are a club's city ("Paris", "Leipzig")
    shared = _counts(k for c in clubs for k in {norm_key(n) for n in [c.name, *c.alt_names]})
    cities = _counts(norm_key(c.city) for c in clubs if c.city and not c.reserve_of)
    unusable = {k for k, n in shared.items() if n > 1} | set(cities)

    for club in clubs:
        canonical = _match(gaz, club, unusable)
        is_new = canonical is None
        if canonical is None:
            canonical = _canonical_for_new(club, cities)
            summary.new_clubs += 1
            keep.add(canonical)
            weak = "~" + canonical if " " not in full_key(canonical) and not canonical.isupper() else ""
            row = club_rows.setdefault(
                canonical, [canonical, club.country or "", weak, club.stadium or "", ""]
            )
            gaz.add("club", canonical, [weak])
            if club.country:
                gaz.club_country[canonical] = club.country
        else:
            summary.matched_clubs += 1
            row = club_rows.setdefault(canonical, [canonical, "", "", "", ""])
        known = gaz.known_keys("club", canonical)
        aliases = [a for a in row[2].split("|") if a]
        for name in dict.fromkeys([club.name, *club.alt_names]):
            key = norm_key(name)
            if not key or key in known or name == canonical:
                continue
            if gaz.club(name) not in (None, canonical) or shared.get(key, 0) > 1 or cities.get(key, 0) > 1:
                summary.skipped_aliases += 1
                continue
            # one-word names and city names are ordinary words too: scan() treats them with care
            flagged = "~" + name if (" " not in key or key in cities) and not name.isupper() else name
            aliases.append(flagged)
            known.add(key)
            gaz.add("club", canonical, [flagged])
            if is_new:
                summary.new_aliases += 1
            else:
                summary.merged_aliases += 1
        row[2] = "|".join(aliases)
        if club.stadium and gaz.stadium(club.stadium) is None:
            stadium_rows.setdefault(club.stadium, [club.stadium, canonical, ""])
            gaz.add("stadium", club.stadium, [])
            gaz.stadium_club.setdefault(club.stadium, canonical)
            summary.new_stadiums += 1

    _write_rows(overlay / "clubs.tsv", (r for r in club_rows.values() if r[0] in keep or r[2]))
    _write_rows(overlay / "stadiums.tsv", stadium_rows.values())
    return summary
