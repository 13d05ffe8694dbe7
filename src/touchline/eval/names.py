"""Name and text comparison used by the scorer: the same normalisation as spec/score.py.

Names are compared after folding accents, case, punctuation and the words "fc", "afc", "the";
a few alias groups (sponsor names of competitions, short club names) count as the same name.
"""

from __future__ import annotations

import re
import unicodedata

ALIAS_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(group)
    for group in (
        {
            "efl cup",
            "league cup",
            "carabao cup",
            "english football league cup",
            "efl carabao cup",
            "football league cup",
            "carling cup",
            "worthington cup",
            "capital one cup",
            "coca cola cup",
            "milk cup",
            "littlewoods cup",
            "rumbelows cup",
        },
        {
            "premier league",
            "english premier league",
            "epl",
            "barclays premier league",
            "premiership",
            "fa premier league",
            "fa premiership",
            "barclays premiership",
        },
        {
            "football league trophy",
            "efl trophy",
            "ldv vans trophy",
            "johnstones paint trophy",
            "papa johns trophy",
            "vertu trophy",
        },
        {"scottish premiership", "scottish premier league", "spl", "bank of scotland premier league"},
        {"uefa cup", "europa league", "uefa europa league"},
        {"champions league", "uefa champions league"},
        {"st marys stadium", "st marys"},
        {"fa cup", "emirates fa cup", "the fa cup"},
        {"manchester united", "man utd", "man united"},
        {"manchester city", "man city"},
        {"tottenham hotspur", "tottenham", "spurs"},
        {"wolverhampton wanderers", "wolves"},
        {"west ham united", "west ham"},
        {"newcastle united", "newcastle"},
        {"brighton and hove albion", "brighton", "brighton hove albion"},
        {"leicester city", "leicester"},
        {"ipswich town", "ipswich"},
        {"derby county", "derby"},
        {"nottingham forest", "nottm forest", "forest"},
    )
)

_DROP = frozenset({"fc", "afc", "the"})
_QUOTE_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def norm(value: object) -> str | None:
    """Fold a name for comparison: no accents, case, punctuation, 'fc'/'afc'/'the'."""
    if value is None:
        return None
    s = unicodedata.normalize("NFKD", str(value))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("&", " and ").replace("’", "'")
    s = re.sub(r"[^a-z0-9 ]+", " ", s.replace("'", ""))
    return " ".join(t for t in s.split() if t not in _DROP)


def same(a: object, b: object) -> bool:
    """True when two names denote the same thing (after ``norm`` and the alias groups)."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return na == nb
    if na == nb:
        return True
    return any(na in group and nb in group for group in ALIAS_GROUPS)


def text_norm(value: str | None) -> str:
    """Fold quote text for containment tests: NFKC, straight quotes, single spaces, casefold."""
    s = unicodedata.normalize("NFKC", value or "").translate(_QUOTE_FOLD)
    return re.sub(r"\s+", " ", s).strip().casefold()


def surname(name: str | None) -> str:
    """Last word of a folded name ('' when there is none)."""
    folded = norm(name) or ""
    return folded.split()[-1] if folded else ""


def player_ok(gold: str | None, got: str | None) -> bool:
    """Team-sheet names: the same name, or one side gives only the surname the other ends with."""
    if same(gold, got):
        return True
    ng, no = norm(gold) or "", norm(got) or ""
    if not ng or not no:
        return False
    if len(ng.split()) == 1 or len(no.split()) == 1:
        return surname(gold) == surname(got)
    return False
