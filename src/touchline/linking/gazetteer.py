"""Canonical clubs, competitions and stadiums with their aliases.

Data files live in ``touchline/data/gazetteer/*.tsv`` (facts only), plus an optional user overlay
directory (``touchline gazetteer import``) with files of the same shape; the header comment of
``clubs.tsv`` documents the columns and the alias flags (``=`` case-sensitive, ``~`` ordinary word,
``?`` context-only).

``lookup`` resolves one name: exact (normalised) keys first, then, on request, RapidFuzz for
misspellings. ``scan`` finds every alias in a text with one compiled trie regex over a
length-preserving folded copy (accents and case folded), so offsets are exact.

Rules that keep ``scan`` precise (documented here because they decide what counts as a name):

* a match whose first letter is lowercase where the alias is capitalised is not a name ("derby",
  "the city", "forest fire"); a leading "the" is ignored for this test ("the Saints");
* ordinary-word aliases (``~``: "Reading", "Derby", "Bury", "Forest", country names) must be written
  exactly as in the data and: at a sentence start need a football word or a score right after
  ("Reading beat", "Derby have", "Bury 2"); mid-sentence are refused when glued to another
  capitalised word ("Epping Forest", "Bobby Charlton", "Derby Day") or a hyphen ("Derby-born"),
  after a determiner unless a football word follows ("the Derby" vs "the Derby manager"), and after a
  place preposition unless "'s" follows ("born in Reading"), after a time word ("on Wednesday") and
  before "night"/"evening" ("Wednesday night");
* a one-word club name glued to a capitalised word that is neither a club suffix ("Women", "FC") nor
  another name is part of a longer name ("Liverpool Echo", "Everton Soares", "Antonio Valencia");
* context-only aliases (``?``) and aliases shared by several entries ("United", "City", "the Reds")
  resolve to the one candidate the same text names unambiguously (or the caller passes in
  ``context_clubs``); when several are named, to the only one named earlier in the same paragraph,
  else earlier in the text; when none is named, to the single candidate listed without ``?``;
  otherwise they are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from touchline.config import DATA_DIR, settings
from touchline.errors import GazetteerError

KINDS = ("club", "competition", "stadium")
FILES = (("club", "clubs.tsv"), ("competition", "competitions.tsv"), ("stadium", "stadiums.tsv"))
FLAGS = "=~?"
_DROP = frozenset({"fc", "afc", "the"})
_TOKEN_MAP = {"st": "saint", "utd": "united"}
_SENTENCE_END = ".!?:;\n•*|"
_OPENERS = " \t\"“‘'(["


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ").replace("’", "'").replace("'", "")
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return [_TOKEN_MAP.get(t, t) for t in text.split()]


def norm_key(text: str) -> str:
    """Loose lookup key: accents and case folded, punctuation and 'FC'/'AFC'/'the' dropped, St = Saint."""
    return " ".join(t for t in _tokens(text) if t not in _DROP)


def full_key(text: str) -> str:
    """Strict lookup key: like ``norm_key`` but keeps 'FC'/'AFC' ("AFC Wimbledon" is not "Wimbledon")."""
    return " ".join(t for t in _tokens(text) if t != "the")


# ---- length-preserving folding for scanning ----------------------------------------------------
_FOLD: dict[int, str] = {}
_SPECIAL = {"’": "'", "‘": "'", "`": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "‐": "-", "‑": "-"}


def _fold_char(c: str) -> str:
    if c in _SPECIAL:
        return _SPECIAL[c]
    base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    c2 = base if len(base) == 1 else c
    low = c2.lower()
    return low if len(low) == 1 else c2


def fold(text: str) -> str:
    """Accent- and case-folded copy of ``text`` with exactly the same length (offsets stay valid)."""
    missing = {c for c in set(text) if ord(c) not in _FOLD}
    for c in missing:
        _FOLD[ord(c)] = _fold_char(c)
    return text.translate(_FOLD)


def _variants(surface: str) -> set[str]:
    """Spelling variants scanned for one alias: St/St./Saint, &/and, hyphen/space."""
    out = {surface}
    for pattern, options in (
        (r"\bSt\.? |\bSaint ", ("St ", "St. ", "Saint ")),
        (r"\bSt\.?-|\bSaint-", ("St-", "St.-", "Saint-")),
        (r" & | and ", (" & ", " and ")),
    ):
        for s in list(out):
            if re.search(pattern, s):
                out.update(re.sub(pattern, o, s) for o in options)
    for s in list(out):
        if "-" in s:
            out.add(s.replace("-", " "))
    return out


def _trie_pattern(words: Iterable[str]) -> str:
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=1)
def _scan_rules() -> dict[str, frozenset[str]]:
    lists: dict[str, set[str]] = {
        k: set() for k in ("after", "place", "det", "time", "never", "opener", "suffix", "sentence_verb")
    }
    path = DATA_DIR / "gazetteer" / "scan_rules.tsv"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 2 or cols[0] not in lists:
            raise GazetteerError(f"{path}:{number}: expected '<list><TAB>word', list one of {sorted(lists)}")
        lists[cols[0]].add(cols[1].strip().lower())
    return {k: frozenset(v) for k, v in lists.items()}


@dataclass(frozen=True)
class GazMention:
    start: int
    end: int
    text: str
    kind: str  # club | competition | stadium
    canonical: str


@dataclass(frozen=True)
class _Form:
    surface: str  # as written in the data (one spelling variant)
    kind: str
    canonical: str
    case_sensitive: bool
    weak: bool
    context: bool


def _parse_alias(raw: str) -> tuple[str, set[str]]:
    alias = raw.strip()
    flags: set[str] = set()
    while alias and alias[0] in FLAGS:
        flags.add(alias[0])
        alias = alias[1:]
    return alias.strip(), flags


# key -> {canonical: (priority, context_only)}; lower priority wins
_Cands = dict[str, tuple[int, bool]]


class Gazetteer:
    def __init__(self) -> None:
        self._full: dict[str, dict[str, _Cands]] = {k: {} for k in KINDS}
        self._loose: dict[str, dict[str, _Cands]] = {k: {} for k in KINDS}
        self._case_sensitive: dict[str, dict[str, _Cands]] = {k: {} for k in KINDS}
        self._canonicals: dict[str, dict[str, None]] = {k: {} for k in KINDS}
        self._forms: dict[str, list[_Form]] = {}  # folded surface -> forms
        self.stadium_club: dict[str, str] = {}
        self.club_stadium: dict[str, str] = {}
        self.club_country: dict[str, str] = {}
        self.national_teams: set[str] = set()
        self._scan_re: re.Pattern[str] | None = None
        self._fuzzy_choices: dict[str, dict[str, str]] = {}

    # ---- loading -------------------------------------------------------------------------
    @classmethod
    def from_dirs(cls, dirs: Iterable[Path]) -> Gazetteer:
        gaz = cls()
        for d in dirs:
            gaz.load_dir(d)
        return gaz

    def load_dir(self, directory: Path) -> None:
        for kind, name in FILES:
            path = directory / name
            if path.exists():
                self._load_file(kind, path)

    def _load_file(self, kind: str, path: Path) -> None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise GazetteerError(f"{path}: cannot read gazetteer file ({exc})") from exc
        for number, line in enumerate(lines, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if not cols[0]:
                raise GazetteerError(f"{path}:{number}: empty canonical name")
            canonical = cols[0]
            try:
                if kind == "club":
                    self.add(kind, canonical, (cols[2] if len(cols) > 2 else "").split("|"))
                    if len(cols) > 1 and cols[1]:
                        self.club_country[canonical] = cols[1]
                    if len(cols) > 3 and cols[3]:
                        self.club_stadium.setdefault(canonical, cols[3])
                        self.stadium_club.setdefault(cols[3], canonical)
                        self.add("stadium", cols[3], [])
                    if len(cols) > 4 and cols[4] == "national":
                        self.national_teams.add(canonical)
                elif kind == "stadium":
                    self.add(kind, canonical, (cols[2] if len(cols) > 2 else "").split("|"))
                    if len(cols) > 1 and cols[1]:
                        self.stadium_club[canonical] = cols[1]
                        self.club_stadium.setdefault(cols[1], canonical)
                else:
                    self.add(kind, canonical, (cols[1] if len(cols) > 1 else "").split("|"))
            except GazetteerError as exc:
                raise GazetteerError(f"{path}:{number}: {exc}") from None

    def add(self, kind: str, canonical: str, aliases: Iterable[str]) -> None:
        """Add (or extend) an entry. Aliases may carry the flags ``=``, ``~`` and ``?``."""
        if kind not in KINDS:
            raise GazetteerError(f"unknown gazetteer kind {kind!r}")
        self._scan_re = None
        self._fuzzy_choices.pop(kind, None)
        self._canonicals[kind][canonical] = None
        forms: dict[str, set[str]] = {canonical: set()}
        for raw in aliases:
            if not raw.strip():
                continue
            alias, flags = _parse_alias(raw)
            if not alias:
                raise GazetteerError(f"alias {raw.strip()!r} of {canonical!r} has flags but no name")
            if alias in forms and not flags:
                continue
            forms[alias] = flags
        for alias, flags in forms.items():
            is_canonical = alias == canonical
            context = "?" in flags
            case_sensitive = "=" in flags or "~" in flags
            if case_sensitive:
                self._register(self._case_sensitive[kind], alias, canonical, 0 if not context else 1, context)
            rank = 0 if is_canonical else (4 if "=" in flags else 1)
            fkey, lkey = full_key(alias), norm_key(alias)
            if fkey:
                self._register(self._full[kind], fkey, canonical, rank, context)
            if lkey:
                self._register(self._loose[kind], lkey, canonical, rank + (0 if lkey == fkey else 2), context)
            for variant in _variants(alias):
                form = _Form(variant, kind, canonical, case_sensitive, "~" in flags, context)
                bucket = self._forms.setdefault(fold(variant), [])
                if not flags and any(f.canonical == canonical and f.kind == kind for f in bucket):
                    continue  # re-adding an entry (overlay) keeps the flags its name already has
                if form not in bucket:
                    bucket.append(form)

    @staticmethod
    def _register(table: dict[str, _Cands], key: str, canonical: str, rank: int, context: bool) -> None:
        cands = table.setdefault(key, {})
        old = cands.get(canonical)
        if old is None or (rank, context) < old:
            cands[canonical] = (rank, context)

    # ---- lookups -------------------------------------------------------------------------
    def _pick(self, kind: str, cands: _Cands | None, context: set[str]) -> str | None:
        if not cands:
            return None
        if context:
            hits = {c for c in cands if c in context or self.stadium_club.get(c) in context}
            if len(hits) == 1:
                return hits.pop()
        plain = {c: rank for c, (rank, ctx) in cands.items() if not ctx}
        if not plain:
            return None
        best = min(plain.values())
        winners = [c for c, rank in plain.items() if rank == best]
        return winners[0] if len(winners) == 1 else None

    def _context_set(self, context: Iterable[str] | None) -> set[str]:
        out: set[str] = set()
        for name in context or ():
            if name in self._canonicals["club"]:
                out.add(name)
            else:
                hit = self.lookup("club", name)
                if hit:
                    out.add(hit)
        return out

    def lookup(
        self, kind: str, text: str | None, fuzzy: bool = False, context: Iterable[str] | None = None
    ) -> str | None:
        """Canonical name for ``text`` or None. ``context``: clubs known to be involved (for "United")."""
        if not text or not text.strip():
            return None
        text = " ".join(text.replace("’", "'").split())
        ctx = self._context_set(context) if context else set()
        if text in ctx and text in self._canonicals[kind]:
            return text  # "Rangers" when Rangers itself is involved, though QPR is too
        if text in self._case_sensitive[kind]:
            hit = self._pick(kind, self._case_sensitive[kind][text], ctx)
            if hit:  # else a plain alias may still name one club ("Rangers" beside QPR's "?=Rangers")
                return hit
        for table, key in ((self._full[kind], full_key(text)), (self._loose[kind], norm_key(text))):
            if key in table:
                return self._pick(kind, table[key], ctx)
        return self._fuzzy(kind, norm_key(text)) if fuzzy else None

    def _fuzzy(self, kind: str, key: str) -> str | None:
        """RapidFuzz over unambiguous keys, guarded against short strings and near ties."""
        if len(key) < 6:
            return None
        from rapidfuzz import fuzz, process

        choices = self._fuzzy_choices.get(kind)
        if choices is None:
            choices = {}
            for k, cands in self._loose[kind].items():
                hit = self._pick(kind, cands, set())
                if hit and len(k) >= 4 and not any(ctx for _, ctx in cands.values()):
                    choices[k] = hit
            self._fuzzy_choices[kind] = choices
        cutoff = 85.0 if len(key) < 9 else 80.0
        best: tuple[float, str] | None = None
        runner_up = 0.0
        for k, score, _ in process.extract(key, choices.keys(), scorer=fuzz.ratio, limit=8, score_cutoff=70):
            if abs(len(k) - len(key)) > max(2, len(key) // 6) or k[0] != key[0]:
                continue
            if best is None:
                best = (score, choices[k])
            elif choices[k] != best[1]:
                runner_up = max(runner_up, score)
        if best is None or best[0] < cutoff or best[0] - runner_up < 5:
            return None
        return best[1]

    def club(self, text: str | None, fuzzy: bool = False, context: Iterable[str] | None = None) -> str | None:
        return self.lookup("club", text, fuzzy, context)

    def competition(self, text: str | None, fuzzy: bool = False) -> str | None:
        return self.lookup("competition", text, fuzzy)

    def stadium(self, text: str | None, fuzzy: bool = False) -> str | None:
        return self.lookup("stadium", text, fuzzy)

    def home_stadium(self, club: str) -> str | None:
        return self.club_stadium.get(club)

    def club_of_stadium(self, stadium: str) -> str | None:
        return self.stadium_club.get(stadium)

    def all_clubs(self) -> list[str]:
        return sorted(self._canonicals["club"])

    def all_names(self, kind: str) -> list[str]:
        return sorted(self._canonicals[kind])

    def is_national_team(self, club: str) -> bool:
        return club in self.national_teams

    def known_keys(self, kind: str, canonical: str) -> set[str]:
        """Every loose key that already points at ``canonical`` (used by the importer)."""
        return {k for k, cands in self._loose[kind].items() if canonical in cands}

    # ---- scanning ------------------------------------------------------------------------
    def _scanner(self) -> re.Pattern[str]:
        if self._scan_re is None:
            pattern = _trie_pattern(f for f in self._forms if f.strip())
            self._scan_re = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")
        return self._scan_re

    def scan(self, text: str, context_clubs: Iterable[str] | None = None) -> list[GazMention]:
        """Every club/competition/stadium mention in ``text``: longest match, non-overlapping,
        ambiguous aliases resolved against the clubs the text names (see the module docstring)."""
        folded = fold(text)
        rule_text = _decapitalise_caps_lines(text)  # neighbour tests ignore ALL-CAPS headlines' case
        definite: list[GazMention] = []
        deferred: list[GazMention] = []
        pending: list[tuple[int, int, str, dict[tuple[str, str], bool]]] = []
        scanner = self._scanner()
        prev_end = -2
        for m in scanner.finditer(folded):
            start, end = m.start(), m.end()
            surface = text[start:end]
            after_name = text[prev_end:start] == " "
            prev_end = end
            cands: dict[tuple[str, str], bool] = {}
            for form in self._forms.get(m.group(0), ()):
                if self._form_ok(form, rule_text, start, end, surface, after_name) and (
                    form.weak
                    or form.kind != "club"
                    or " " in form.surface
                    or _single_word_ok(
                        rule_text, folded, start, end, after_name, scanner, self._has_plain_form
                    )
                ):
                    key = (form.kind, form.canonical)
                    cands[key] = cands.get(key, True) and form.context
            if not cands:
                deferred += [
                    GazMention(start, end, surface, form.kind, form.canonical)
                    for form in self._forms.get(m.group(0), ())
                    if form.weak and not form.context and _opens_sentence_plainly(rule_text, start, end)
                ]
            if len(cands) == 1 and not next(iter(cands.values())):
                (kind, canonical), _ = cands.popitem()
                definite.append(GazMention(start, end, surface, kind, canonical))
            elif cands:
                pending.append((start, end, surface, cands))
        # "Carlisle twice led": an ordinary-word alias opening a sentence is the club when the text
        # names that club where it is unambiguous ("Carlisle United", "Wales manager")
        full_names = {g.canonical for g in definite if g.kind == "club"}
        taken = {g.start for g in definite}
        definite += [g for g in deferred if g.canonical in full_names and g.start not in taken]
        definite.sort(key=lambda g: g.start)
        if not pending:
            return definite
        given = self._context_set(context_clubs)
        named = {m.canonical for m in definite if m.kind == "club"} | given
        last_seen: list[tuple[int, str]] = [(m.start, m.canonical) for m in definite if m.kind == "club"]
        for start, end, surface, cands in pending:
            hits = {
                key
                for key in cands
                if key[1] in named or (key[0] == "stadium" and self.stadium_club.get(key[1]) in named)
            }
            if not hits:  # no candidate named: the single owner listed without "?", if any
                hits = {key for key, ctx in cands.items() if not ctx}
            elif len(hits) > 1:
                hits = self._nearest(text, start, hits, last_seen, given)
            if len(hits) == 1:
                kind, canonical = hits.pop()
                definite.append(GazMention(start, end, surface, kind, canonical))
        definite.sort(key=lambda g: g.start)
        return definite

    def _nearest(
        self,
        text: str,
        start: int,
        hits: set[tuple[str, str]],
        seen: list[tuple[int, str]],
        given: set[str],
    ) -> set[tuple[str, str]]:
        """Several named clubs fit ("United" after Sheffield United and Leeds United): keep the one
        named earlier in the same paragraph, else the one named earlier in the text, if only one was."""
        para_start = max(text.rfind("\n", 0, start), 0)

        def club_of(key: tuple[str, str]) -> str:
            return key[1] if key[0] == "club" else self.stadium_club.get(key[1], "")

        for lo in (para_start, 0):
            before = {name for pos, name in seen if lo <= pos < start}
            found = {k for k in hits if club_of(k) in before}
            if len(found) == 1:
                return found
            if found:
                return set()
        found = {k for k in hits if club_of(k) in given}
        return found if len(found) == 1 else set()

    def _has_plain_form(self, folded_surface: str) -> bool:
        return any(not f.context and not f.weak for f in self._forms.get(folded_surface, ()))

    def _form_ok(self, form: _Form, text: str, start: int, end: int, surface: str, after_name: bool) -> bool:
        caps_line = text[start:end] != surface  # ``text`` has ALL-CAPS lines in lower case
        if form.case_sensitive:
            if surface.replace("’", "'") != form.surface and not (
                caps_line and surface.replace("’", "'") == form.surface.upper()
            ):
                return False
        else:
            s, f = surface, form.surface
            if f[:4].lower() == "the " and s[:4].lower() == "the ":
                s, f = s[4:], f[4:]
            if s[:1].islower() and not f[:1].islower():
                return False
        return not form.weak or _weak_ok(text, start, end, after_name)


def _decapitalise_caps_lines(text: str) -> str:
    """``text`` with every ALL-CAPS line ("HEARTS 2 DUNDEE UNITED 1", "SOCCER - QPR LOSE") in lower
    case, same length: in such a line a capital says nothing about names, so the context rules
    for one-word and ordinary-word aliases read it as lower case."""
    if not any(line.isupper() for line in text.split("\n")):
        return text
    out = []
    for line in text.split("\n"):
        if line.isupper() and sum(c.isalpha() for c in line) >= 4:
            line = "".join(c.lower() if len(c.lower()) == 1 else c for c in line)
        out.append(line)
    return "\n".join(out)


def _single_word_ok(
    text: str,
    folded: str,
    start: int,
    end: int,
    after_name: bool,
    scanner: re.Pattern[str],
    plain_form: Callable[[str], bool],
) -> bool:
    """A one-word club name glued to a capitalised neighbour is part of a longer name
    ("Liverpool Echo", "Leicester Tigers", "Everton Soares", "Antonio Valencia", "United Nations"),
    unless the neighbour is a club suffix ("Arsenal Women") or another gazetteer name ("Premier League Chelsea")."""
    nxt = re.match(r"[ \t]+(\w+)", text[end : end + 40])
    if nxt and nxt.group(1)[:1].isupper() and nxt.group(1).lower() not in _scan_rules()["suffix"]:
        follow = scanner.match(folded, end + nxt.start(1))
        if follow is None or not plain_form(follow.group(0)):
            return False
    before = re.search(r"(\w+)[ \t]+$", text[max(0, start - 40) : start])
    if before is None or not before.group(1)[:1].isupper() or after_name:
        return True
    k = start - len(before.group(0)) - 1
    while k >= 0 and text[k] in _OPENERS:
        k -= 1
    return k < 0 or text[k] in _SENTENCE_END


def _opens_sentence_plainly(text: str, start: int, end: int) -> bool:
    """An ordinary-word alias that opens a sentence and is followed by a lower-case word ("Carlisle
    twice led"), not by a name, a hyphen or a time word ("Reading-based", "Wednesday night")."""
    j = start - 1
    while j >= 0 and text[j] in _OPENERS:
        j -= 1
    if j >= 0 and text[j] not in _SENTENCE_END:
        return False
    after = re.match(r"[ \t]+([a-z]\w*)", text[end : end + 40])
    if not after or text[end : end + 1] == "-" or after.group(1) in _scan_rules()["never"]:
        return False
    word = after.group(1)  # a verb in the past, or an adverb or auxiliary that goes before one
    return word.endswith("ed") or word in _scan_rules()["after"] or word in _scan_rules()["sentence_verb"]


def _weak_ok(text: str, start: int, end: int, after_name: bool = False) -> bool:
    """Context test for ordinary-word aliases ("Reading", "Derby", "Forest"); see module docstring."""
    rules = _scan_rules()
    after = re.match(r"[ \t]*(['’]s\b|\w+)", text[end : end + 40])
    nxt = after.group(1).lower() if after else ""
    football_next = nxt in rules["after"] or nxt[:1].isdigit()
    if nxt in rules["never"]:
        return False  # "Wednesday night"
    if text[end : end + 1] == "-" and not text[end + 1 : end + 2].isdigit():
        return False  # "Derby-born", "Reading-based"
    if after and after.group(1)[:1].isupper() and nxt not in rules["after"]:
        return False  # glued to a following capitalised word: "Derby Day", "Bury St Edmunds"
    j = start - 1
    while j >= 0 and text[j] in _OPENERS:
        j -= 1
    if j < 0 or text[j] in _SENTENCE_END:
        return football_next
    before = re.search(r"(\w+)([ \t]+)$", text[max(0, start - 40) : start])
    if before is None:
        return True
    prev = before.group(1)
    if prev[:1].isupper() and not after_name:
        k = start - len(before.group(0)) - 1
        while k >= 0 and text[k] in _OPENERS:
            k -= 1
        if (k < 0 or text[k] in _SENTENCE_END) and prev.lower() in rules["opener"]:
            return football_next  # "When Villa scored"
        return False  # "Epping Forest", "Bobby Charlton", "David Villa"
    if prev.lower() in rules["time"]:
        return False  # "on Wednesday", "last Wednesday"
    if prev.lower() in rules["det"]:
        return football_next
    if prev.lower() in rules["place"]:
        return nxt in ("'s", "’s")
    return True


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The package gazetteer plus the user's overlay (if any); loaded once per process."""
    dirs = [DATA_DIR / "gazetteer"]
    overlay = settings().user_gazetteer_dir
    if overlay.is_dir():
        dirs.append(overlay)
    return Gazetteer.from_dirs(dirs)
