"""Item-level parsing of team sheets: names, minutes, players with inline substitutions, goal and card items.

Everything works on absolute offsets into the article body, so every name comes back as a ``Span``
with ``body[start:end] == text``. Nothing here guesses: an item that does not read as a name (plus
the markers in ``data/teamsheet/marks.tsv``) is rejected and the caller decides what that means.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from touchline.config import DATA_DIR

_MINUTE = re.compile(r"(\d{1,3})(?:\s*\+\s*(\d{1,2}))?\s*(?:'|’|mins?\b\.?|min\.)?")
_SHIRT = re.compile(r"\d{1,2}\s+(?=\D)")
_DOTS = re.compile(r"[.\s]+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass
class SheetPlayer:
    name: Span
    starter: bool = True
    subbed_on: int | None = None
    subbed_off: int | None = None
    captain: bool = False
    cards: list[tuple[str, int | None, Span]] = field(default_factory=list)  # (colour, minute, evidence)
    replaces: Span | None = None  # "Bakke (for Batty 70)": the player this substitute replaced


@dataclass
class SheetEvent:
    """A goal or a card read from a match-facts line."""

    name: Span
    evidence: Span
    minute: int | None = None
    added: int | None = None
    kind: str | None = None  # goals: penalty | own_goal; cards: yellow | red
    team_label: Span | None = None  # a club named beside the item ("Leeds: Bowyer 35", "Bowyer (Leeds)")
    team_index: int | None = None  # the team section the line sits in, when it is certain


@lru_cache(maxsize=1)
def marks() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for line in (DATA_DIR / "teamsheet" / "marks.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, forms = line.partition("\t")
        out[kind.strip()] = frozenset(mark_key(f) for f in forms.split("|") if f.strip())
    return out


def mark_key(text: str) -> str:
    return _DOTS.sub(" ", text.casefold()).strip(" :,;")


def is_mark(text: str, kind: str) -> bool:
    return mark_key(text) in marks()[kind]


# ---- small text helpers over absolute offsets ---------------------------------------------------
def strip_span(body: str, start: int, end: int, chars: str = " \t\n") -> tuple[int, int]:
    while start < end and body[start] in chars:
        start += 1
    while end > start and body[end - 1] in chars:
        end -= 1
    return start, end


def split_depth0(body: str, start: int, end: int, seps: str = ",;") -> list[tuple[int, int]]:
    """Split body[start:end] at separators outside parentheses; pieces are stripped of spaces."""
    pieces: list[tuple[int, int]] = []
    depth = 0
    cur = start
    for i in range(start, end):
        ch = body[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            pieces.append((cur, i))
            cur = i + 1
    pieces.append((cur, end))
    out = []
    for s, e in pieces:
        s, e = strip_span(body, s, e)
        if e > s:
            out.append((s, e))
    return out


def paren_groups(body: str, start: int, end: int) -> tuple[int, list[tuple[int, int]], int] | None:
    """Split 'Head (a) (b) tail' into head end, inner spans of top-level parens, and where the tail starts.

    Returns None when the parentheses are unbalanced.
    """
    groups: list[tuple[int, int]] = []
    head_end = end
    depth = 0
    open_at = -1
    tail = start
    for i in range(start, end):
        ch = body[i]
        if ch == "(":
            if depth == 0:
                open_at = i
                if not groups:
                    head_end = i
            depth += 1
        elif ch == ")":
            if depth == 0:
                return None
            depth -= 1
            if depth == 0:
                groups.append((open_at + 1, i))
                tail = i + 1
    if depth:
        return None
    if not groups:
        return end, [], end
    return head_end, groups, tail


def _is_name_token(tok: str, first: bool) -> bool:
    core = tok.rstrip(".")
    if not core:
        return False
    if core.casefold() in marks()["particles"]:
        return True
    if not core[0].isupper():
        return False
    return all(c.isalpha() or c in "'’-." for c in core)


def name_span(body: str, start: int, end: int, max_tokens: int = 5) -> Span | None:
    """The whole of body[start:end] as a person's name, or None if it does not read as one."""
    start, end = strip_span(body, start, end, " \t\n.,;:")
    text = body[start:end]
    tokens = text.split()
    if not tokens or len(tokens) > max_tokens:
        return None
    if not all(_is_name_token(t, i == 0) for i, t in enumerate(tokens)):
        return None
    if not any(len(t.rstrip(".")) >= 2 and t[0].isupper() for t in tokens):
        return None
    if not any(c.islower() for c in text) and len(text) <= 2:
        return None
    return Span(start, end, text)


def leading_name(body: str, start: int, end: int, max_tokens: int = 5) -> tuple[Span, int] | None:
    """The run of name tokens at the start of body[start:end] ("S. Dunn (Herts)" → "S. Dunn"), and its end."""
    last_end = start
    count = 0
    for m in re.finditer(r"[^\s(),;]+", body[start:end]):
        if body[last_end : start + m.start()].strip():
            break  # a bracket or separator came between
        tok = m.group(0)
        if not _is_name_token(tok.rstrip(":"), count == 0) or count >= max_tokens:
            break
        count += 1
        last_end = start + m.end()
    if count == 0:
        return None
    span = name_span(body, start, last_end, max_tokens)
    return (span, span.end) if span is not None else None


def minutes_in(body: str, start: int, end: int) -> Iterator[tuple[int, int | None, int, int]]:
    """(minute, added, span start, span end) for each minute written in body[start:end]."""
    for m in _MINUTE.finditer(body, start, end):
        before = body[m.start() - 1] if m.start() > start else " "
        if before.isalnum():
            continue
        minute = int(m.group(1))
        if not 0 < minute <= 130:
            continue
        yield minute, (int(m.group(2)) if m.group(2) else None), m.start(), m.end()


def single_minute(body: str, start: int, end: int) -> int | None:
    start, end = strip_span(body, start, end, " \t,;.")
    m = _MINUTE.fullmatch(body, start, end)
    if not m:
        return None
    return int(m.group(1))


# ---- players ----------------------------------------------------------------------------------
def parse_player(body: str, start: int, end: int, starter: bool = True) -> list[SheetPlayer] | None:
    """One list item: 'Batty (Bakke 70)', 'Jenas (sub Butt, 80)', 'Smith (capt)', 'Bakke (for Batty 70)'.

    Returns the player followed by the substitutes who replaced them, or None if the item is not a name.
    """
    start, end = strip_span(body, start, end, " \t\n.")
    shirt = _SHIRT.match(body, start, end)
    if shirt:
        start = shirt.end()
    split = paren_groups(body, start, end)
    if split is None:
        return None
    head_end, groups, tail = split
    name = name_span(body, start, head_end)
    if name is None:
        return None
    tail_text = body[tail:end].strip(" .*")
    if tail_text and not _read_marks(tail_text):
        return None
    player = SheetPlayer(name, starter=starter)
    if tail_text and _read_marks(tail_text) == "captain":
        player.captain = True
    out = [player]
    for gs, ge in groups:
        out.extend(_read_group(body, gs, ge, player))
    return out


def _read_marks(text: str) -> str | None:
    for kind in ("captain", "keeper"):
        if is_mark(text, kind):
            return kind
    return None


def _read_group(body: str, gs: int, ge: int, player: SheetPlayer) -> list[SheetPlayer]:
    """Interpret one '( ... )' after a player's name; returns substitutes who came on for them."""
    inner = body[gs:ge].strip()
    kind = _read_marks(inner)
    if kind == "captain":
        player.captain = True
        return []
    if kind == "keeper":
        return []
    card = _card_in_group(body, gs, ge)
    if card is not None:
        player.cards.append(card)
        return []
    minute = single_minute(body, gs, ge)
    if minute is not None:
        # "Subs: Martyn, Bakke (70)": a substitute's minute on; a starter's bare minute says too little
        if not player.starter and minute > 10:  # "(6)" beside a name is a rating, not a minute
            player.subbed_on = minute
        return []
    # "for Batty 70": this player came on for someone else
    m = re.match(r"\s*(?:on\s+)?(?:for|replacing)\s+", body[gs:ge], re.IGNORECASE)
    if m:
        ref = _name_and_minute(body, gs + m.end(), ge)
        if ref is not None:
            player.starter = False
            player.subbed_on = ref[1]
            player.replaces = ref[0]
        return []
    subs: list[SheetPlayer] = []
    previous = player
    for ps, pe in _replacement_pieces(body, gs, ge):
        got = _name_and_minute(body, ps, pe)
        if got is None:
            continue
        span, minute, nested = got
        sub = SheetPlayer(span, starter=False, subbed_on=minute)
        previous.subbed_off = minute
        subs.append(sub)
        previous = sub
        if nested is not None:
            deeper = _read_group(body, nested[0], nested[1], sub)
            subs.extend(deeper)
            if deeper:
                previous = deeper[-1]
    return subs


def _replacement_pieces(body: str, gs: int, ge: int) -> list[tuple[int, int]]:
    """'Bakke 70, Kelly 85' → two pieces; 'sub Butt, 80' → one piece (the comma sits before a minute)."""
    pieces = split_depth0(body, gs, ge, ",;")
    merged: list[tuple[int, int]] = []
    for s, e in pieces:
        if merged and single_minute(body, s, e) is not None and single_minute(body, *merged[-1]) is None:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _name_and_minute(
    body: str, start: int, end: int
) -> tuple[Span, int | None, tuple[int, int] | None] | None:
    """'Bakke 70', 'sub Butt, 80', "Jones 67'", '70 Bakke', 'Bakke 70 (Kelly 85)'."""
    start, end = strip_span(body, start, end)
    m = re.match(
        r"(?:sub(?:bed)?|rep(?:laced)?(?:\s+by)?|on|substituted\s+by)\s*:?\s+", body[start:end], re.IGNORECASE
    )
    if m:
        start += m.end()
    split = paren_groups(body, start, end)
    if split is None:
        return None
    head_end, groups, _tail = split
    nested = groups[0] if groups else None
    # a shirt number before a name that is followed by its minute: "17 Thomas 62"
    shirt = re.match(r"\d{1,2}\s+(?=\D.*\d\s*(?:'|’|mins?\.?)?\s*$)", body[start:head_end])
    if shirt:
        start += shirt.end()
    head = body[start:head_end]
    # minute after the name
    mm = re.search(r"[\s,]*(\d{1,3})(?:\s*\+\s*\d{1,2})?\s*(?:'|’|mins?\b\.?|min\.)?\s*$", head)
    if mm:
        span = name_span(body, start, start + mm.start())
        if span is not None:
            return span, int(mm.group(1)), nested
    # minute before the name
    mm = re.match(r"\s*(\d{1,3})\s*(?:'|’|mins?\b\.?|min\.)?[\s,]+", head)
    if mm:
        span = name_span(body, start + mm.end(), head_end)
        if span is not None:
            return span, int(mm.group(1)), nested
    span = name_span(body, start, head_end)
    if span is not None and (nested is None or single_minute(body, *nested) is not None):
        minute = single_minute(body, *nested) if nested else None
        return span, minute, None
    return None


def _card_in_group(body: str, gs: int, ge: int) -> tuple[str, int | None, Span] | None:
    text = body[gs:ge]
    m = re.match(r"\s*([A-Za-z][A-Za-z .]*?)\s*,?\s*(\d{1,3})?\s*(?:'|’|mins?)?\s*$", text)
    if not m:
        return None
    word = m.group(1)
    colour = "yellow" if is_mark(word, "booked") else "red" if is_mark(word, "sent_off") else None
    if colour is None:
        return None
    s, e = strip_span(body, gs, ge)
    return colour, (int(m.group(2)) if m.group(2) else None), Span(s, e, body[s:e])


def parse_player_list(
    body: str, start: int, end: int, starter: bool = True, tolerance: float = 0.0
) -> tuple[list[SheetPlayer], int] | None:
    """A comma/semicolon list of players. Returns (players, number of items read) or None.

    With ``tolerance`` > 0 (a list under a club label, so surely a team sheet) up to that share of
    broken items (a truncated line, an unclosed bracket) is skipped instead of rejecting the list.
    """
    items = split_depth0(body, start, end, ",;—")  # an em dash divides the lines of a formation
    if not items:
        return None
    players: list[SheetPlayer] = []
    bad = 0
    for s, e in items:
        got = parse_player(body, s, e, starter)
        if got is None:
            bad += 1
            if bad > tolerance * len(items):
                return None
            continue
        players.extend(got)
    return players, len(items) - bad


def parse_substitutions(body: str, start: int, end: int) -> list[tuple[Span, Span, int | None]] | None:
    """'Adingra for Mitoma (70'), Doyle for Sarabia 74' → (on, off, minute) triples; None if not that shape."""
    out: list[tuple[Span, Span, int | None]] = []
    for s, e in split_depth0(body, start, end, ",;"):
        m = re.match(r"(.+?)\s+(?:for|on for|replaces|replacing)\s+(.+)", body[s:e])
        if not m:
            return None
        on = name_span(body, s, s + m.end(1))
        rest = _name_and_minute(body, s + m.start(2), e)
        if on is None or rest is None:
            return None
        out.append((on, rest[0], rest[1]))
    return out


# ---- goals and cards --------------------------------------------------------------------------
def parse_events(body: str, start: int, end: int, kind: str) -> list[SheetEvent] | None:
    """'Bowyer 35, 60 pen; Dyer 69', 'Leeds: Bowyer 35; Newcastle: Dyer 69', 'Carr, Hierro', 'X (55)'.

    ``kind`` is "goal", "yellow" or "red". Returns None when an item does not start with a name or a minute.
    """
    events: list[SheetEvent] = []
    label: Span | None = None
    for ps, pe in split_depth0(body, start, end, ";"):
        # "Leeds: Bowyer 35", "Cardiff - Whitfield 12 (pen)": a club label before the items
        m = re.match(r"([A-Z][\w'’.&\- ]{1,40}?)(?:\s*:\s*|\s+[-–—]\s+)", body[ps:pe])
        if m:
            ls, le = strip_span(body, ps, ps + m.end(1))
            label = Span(ls, le, body[ls:le])
            ps += m.end()
        last: SheetEvent | None = None
        for s, e in split_depth0(body, ps, pe, ","):
            s, e = strip_span(body, s, e, " \t.")
            if e <= s or body[s:e].casefold() in ("none", "no", "-", "nil", "n/a"):
                continue
            got = _event_item(body, s, e, kind, label, last)
            if got is None:
                return None
            events.extend(got)
            if got:
                last = got[-1]
    return events


def _event_item(
    body: str, s: int, e: int, kind: str, label: Span | None, last: SheetEvent | None
) -> list[SheetEvent] | None:
    found = leading_name(body, s, e)
    if found is None:
        if last is None or not re.match(r"\(?\d", body[s:e]):
            return None
        name, rest_start, team_label = last.name, s, last.team_label
    else:
        name, rest_start = found
        team_label = label
    outside = re.sub(r"\([^()]*\)", " ", body[rest_start:e])
    for word in re.findall(r"[A-Za-z][A-Za-z.\-]*", outside):
        if not (_goal_marker(word) or mark_key(word) in ("min", "mins", "minutes")):
            return None  # prose, not a facts item
    out: list[SheetEvent] = []
    mins = list(minutes_in(body, rest_start, e))
    # a club named in brackets: "Dabizas (Newcastle)"
    split = paren_groups(body, rest_start, e)
    if split is not None:
        for gs, ge in split[1]:
            club = name_span(body, gs, ge)
            if club is not None and not re.search(r"\d", body[gs:ge]) and _read_marks(club.text) is None:
                team_label = club
    ev_kind = None if kind == "goal" else kind
    if not mins:
        out.append(SheetEvent(name, Span(s, e, body[s:e]), None, None, ev_kind, team_label))
        return out
    for i, (minute, added, ms, me) in enumerate(mins):
        seg_end = mins[i + 1][2] if i + 1 < len(mins) else e
        this_kind = ev_kind
        if kind == "goal":
            this_kind = _goal_marker(body[me:seg_end]) or (
                _goal_marker(body[rest_start:ms]) if i == 0 else None
            )
        out.append(SheetEvent(name, Span(s, e, body[s:e]), minute, added, this_kind, team_label))
    return out


def _goal_marker(text: str) -> str | None:
    for word in re.findall(r"[A-Za-z][A-Za-z.\- ]*[A-Za-z.]|[A-Za-z]", text):
        w = word.strip()
        if is_mark(w, "penalty"):
            return "penalty"
        if is_mark(w, "own_goal"):
            return "own_goal"
    return None
