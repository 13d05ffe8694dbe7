"""Word lists for match, scoreline and goal extraction, loaded once from ``touchline/data/matches``.

The extractors mask the text so that every gazetteer club, stadium and competition and every
person mention is replaced by a same-length placeholder (``Ⓒ____`` …): offsets in the masked text
are offsets in the body, and the rules can be plain regular expressions over the masked sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from touchline.config import DATA_DIR

MATCH_DATA = DATA_DIR / "matches"

CLUB, STADIUM, COMP, PERSON, FILL = "Ⓒ", "Ⓢ", "Ⓚ", "Ⓟ", "\u2007"
CLUB_RE = rf"{CLUB}{FILL}*"
STADIUM_RE = rf"{STADIUM}{FILL}*"
PERSON_RE = rf"{PERSON}{FILL}*"
POSS_RE = r"(?:['’]s?)"
# digits of a scoreline: not part of dates, formations, ranges of minutes, decimals or times
SCORE_RE = re.compile(r"(?<![\w.,/+:–—-])(\d{1,2}) ?[-–—] ?(\d{1,2})(?![\w/+:%]|[-–—]\d|[.,]\d)")


def _lines(name: str) -> list[str]:
    path = MATCH_DATA / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.rstrip("\n"))
    return out


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted({w for w in words}, key=len, reverse=True))


@dataclass(frozen=True)
class ResultWord:
    text: str
    outcome: str  # win | loss | draw (for the subject)
    form: str  # verb | noun | passive


@dataclass(frozen=True)
class Lexicon:
    result_words: dict[str, ResultWord]
    verb_re: str
    passive_re: str
    noun_re: str
    numbers: dict[str, int]
    number_re: str
    ordinals: dict[str, int]
    not_before: list[re.Pattern[str]]
    not_after: list[re.Pattern[str]]
    historical: list[re.Pattern[str]]
    half_time: list[re.Pattern[str]]
    venue_cues: list[tuple[re.Pattern[str], str]]
    preview_re: str
    rounds: list[tuple[re.Pattern[str], str]]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words: dict[str, ResultWord] = {}
    for line in _lines("result_words.tsv"):
        text, outcome, form = (c.strip() for c in line.split("\t"))
        key = text if form != "noun" else f"n:{text}"
        words[key] = ResultWord(text, outcome, form)
    verbs = [w.text for w in words.values() if w.form == "verb"]
    passives = [w.text for w in words.values() if w.form == "passive"]
    nouns = [w.text for w in words.values() if w.form == "noun"]
    numbers = {a: int(b) for a, b in (line.split("\t") for line in _lines("number_words.tsv"))}
    ordinals = {a: int(b) for a, b in (line.split("\t") for line in _lines("ordinal_words.tsv"))}
    venue = []
    for line in _lines("venue_words.tsv"):
        pattern, who = line.split("\t")
        venue.append((re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), who.strip()))
    rounds = []
    for line in _lines("rounds.tsv"):
        pattern, canonical = line.split("\t")
        rounds.append((re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE), canonical.strip()))

    def compiled(name: str) -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in _lines(name)]

    return Lexicon(
        result_words=words,
        verb_re=_alternation(re.escape(v).replace(r"\ ", r"\s+") for v in verbs),
        passive_re=_alternation(re.escape(v).replace(r"\ ", r"\s+") for v in passives),
        noun_re=_alternation(re.escape(v) for v in nouns),
        numbers=numbers,
        number_re=_alternation(numbers),
        ordinals=ordinals,
        not_before=compiled("not_result_before.txt"),
        not_after=compiled("not_result_after.txt"),
        historical=compiled("historical_markers.txt"),
        half_time=compiled("half_time_markers.txt"),
        venue_cues=venue,
        preview_re=_alternation(re.escape(v).replace(r"\ ", r"\s+") for v in _lines("preview_verbs.txt")),
        rounds=rounds,
    )


def result_word(text: str, form: str) -> ResultWord | None:
    lex = lexicon()
    key = " ".join(text.lower().split())
    return lex.result_words.get(f"n:{key}" if form == "noun" else key)


def data_path(name: str) -> Path:
    return MATCH_DATA / name


def _nationalities() -> dict[str, str]:
    """Nationality adjective (lower case) -> country code, from data/matches/nationality_sides.tsv."""
    out: dict[str, str] = {}
    for line in data_path("nationality_sides.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, code = line.split("\t")
            out[word.strip().lower()] = code.strip()
    return out


_NATIONALITY = _nationalities()
# "the Scottish side", "the Portuguese champions": a club named by its country
NATION_SIDE_RE = (
    r"(?:the\s+)?(?:" + "|".join(re.escape(w) for w in sorted(_NATIONALITY, key=len, reverse=True)) + r")\s+"
    r"(?:side|team|club|champions|outfit|giants|visitors|hosts|leaders|title-holders|holders)"
)


def nation_side(club_country: dict[str, str], text: str, teams: list[str]) -> str | None:
    """ "the Scottish side": the one club of the match from that country (``club_country`` maps a club
    to its country code), else None."""
    low = " ".join(text.lower().split())
    code = next((c for w, c in _NATIONALITY.items() if re.search(rf"\b{re.escape(w)}\b", low)), None)
    if code is None:
        return None
    hits = [t for t in teams if club_country.get(t) == code]
    return hits[0] if len(hits) == 1 else None


def required_parts(regex: str) -> list[str]:
    """The sources of the parenthesised parts every match of ``regex`` must contain: the groups at its
    top level (inside no other parentheses, not quantified) when it has no top-level alternation.
    A text none of whose positions a part matches cannot match the whole pattern."""
    depth, i, opened, parts = 0, 0, -1, []
    while i < len(regex):
        c = regex[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a character class: "(", ")" and "|" inside it are literal
            i += 2 if regex[i + 1 : i + 2] == "^" else 1
            i += 1 if regex[i : i + 1] == "]" else 0
            while i < len(regex) and regex[i] != "]":
                i += 2 if regex[i] == "\\" else 1
        elif c == "(":
            opened = i if depth == 0 else opened
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0 and regex[i + 1 : i + 2] not in ("?", "*", "+", "{"):
                parts.append(regex[opened : i + 1])
        elif c == "|" and depth == 0:
            return []
        i += 1
    if any(re.fullmatch(r"\(\?[aiLmsux]+\)", p) for p in parts):
        return []  # flags for the whole pattern: a part alone would lose them
    # a part that refers to another group cannot stand alone
    return [p for p in parts if not re.search(r"\\[1-9]|\(\?P=|\(\?\(", p)]


@lru_cache(maxsize=1)
def dated_history() -> re.Pattern[str]:
    """Words for an earlier meeting of the clubs ("the reverse fixture"): history unless dated."""
    lines = data_path("dated_history_markers.txt").read_text(encoding="utf-8").splitlines()
    words = [re.escape(w.strip()) for w in lines if w.strip() and not w.startswith("#")]
    return re.compile(rf"\b(?:{'|'.join(words)})\b")
