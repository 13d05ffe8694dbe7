"""Finding quotations by scanning quotation marks, one paragraph at a time.

A character scanner, not a parser: every mark is classified from its neighbours (opening,
closing, apostrophe, inch mark, elision such as "’90s"), then openers are paired with closers
of the same kind. Marks of the other kind inside a quotation are nested quotes and stay part
of it. A quotation never runs past its paragraph: an opener with no closer ends at the end of
the paragraph (the newsroom convention for quotations running over several paragraphs), so
unbalanced marks can neither crash the scan nor swallow the rest of an article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from touchline.nlp.segment import Segment

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"
_BEFORE_OPEN = "([{—–-/" + ALL_MARKS
_AFTER_CLOSE = ".,;:!?)]}—–-…/" + ALL_MARKS
_WORD_FOLLOWS = ".,;:!?)]}—–-…/" + DOUBLE_CLOSE + '"'  # after a possessive "players' " more words follow
_ELISION = re.compile(r"(?:\d\ds\b|(?:em|n|til|cos|cause|tis|twas)\b)", re.IGNORECASE)
_YEAR_ELISION = re.compile(r"\d\d\b")
_YEAR_CONTEXT = re.compile(
    r"\b(?:the|in|of|since|from|late|early|mid|summer|class|until|to)\s*$", re.IGNORECASE
)
_INCHES = re.compile(r"\d\s*(?:ft|feet|foot|'|’)\s*\d{1,2}$")
_LEADING_DASH = re.compile(r"[\s\-–—•*]*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s+(?=[A-Z0-9\"'“‘])")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)]*\s*$")


@dataclass(frozen=True)
class Mark:
    pos: int
    kind: str  # "d" double | "s" single
    role: str  # "open" | "close" | "either"
    weak: bool = False  # a closer that may be a plural possessive ("players' ")


@dataclass(frozen=True)
class RawQuote:
    open_pos: int | None  # offset of the opening mark (None: recovered from a stray closer)
    start: int  # first character inside the marks (whitespace trimmed)
    end: int  # end of the quoted words
    close_pos: int | None  # offset of the closing mark, None when the paragraph ends it
    kind: str
    unit: int  # index of the paragraph unit

    @property
    def closed(self) -> bool:
        return self.close_pos is not None

    @property
    def outer_start(self) -> int:
        return self.start if self.open_pos is None else self.open_pos

    @property
    def outer_end(self) -> int:
        return self.end if self.close_pos is None else self.close_pos + 1


def paragraph_units(body: str, paras: list[Segment]) -> list[tuple[int, int]]:
    """Paragraphs as quotation scopes. A block of lines counts as several paragraphs when each
    line ends a sentence (one paragraph per line); otherwise it is one hard-wrapped paragraph."""
    units: list[tuple[int, int]] = []
    for p in paras:
        lines = [m for m in re.finditer(r"[^\n]+", body[p.start : p.end]) if m.group(0).strip()]
        ends_ok = all(re.search(r"[.!?:\"”’'…]\s*$", m.group(0)) for m in lines[:-1])
        if len(lines) > 1 and ends_ok:
            for m in lines:
                text = m.group(0)
                lead = len(text) - len(text.lstrip())
                units.append((p.start + m.start() + lead, p.start + m.start() + len(text.rstrip())))
        else:
            units.append((p.start, p.end))
    return units


def _is_elision(body: str, i: int, unit_start: int) -> bool:
    rest = body[i + 1 : i + 6]
    if _ELISION.match(rest):
        return True
    return bool(_YEAR_ELISION.match(rest) and _YEAR_CONTEXT.search(body[max(unit_start, i - 12) : i]))


def classify(body: str, start: int, end: int) -> list[Mark]:
    marks: list[Mark] = []
    for i in range(start, end):
        c = body[i]
        if c not in ALL_MARKS:
            continue
        prev = body[i - 1] if i > start else None
        nxt = body[i + 1] if i + 1 < end else None
        b_before = prev is None or prev.isspace() or prev in _BEFORE_OPEN
        b_after = nxt is None or nxt.isspace() or nxt in _AFTER_CLOSE
        if c in DOUBLE_OPEN:
            marks.append(Mark(i, "d", "open"))
        elif c in DOUBLE_CLOSE:
            marks.append(Mark(i, "d", "open" if b_before and not b_after else "close"))
        elif c == '"':
            if (
                prev is not None
                and prev.isdigit()
                and b_after
                and _INCHES.search(body, max(start, i - 10), i)
            ):
                continue  # inch mark: 6ft 2" (but "we're gonna win 4-0" closes a quotation)
            if b_before and not b_after:
                marks.append(Mark(i, "d", "open"))
            elif b_after and not b_before:
                marks.append(Mark(i, "d", "close"))
            else:
                marks.append(Mark(i, "d", "either"))
        else:  # single marks: opening, closing, apostrophe or elision
            if prev is not None and nxt is not None and prev.isalnum() and nxt.isalnum():
                continue  # don't, it’s, O'Neill
            if b_before and not b_after and c not in SINGLE_CLOSE[1:]:
                if _is_elision(body, i, start):
                    continue
                marks.append(Mark(i, "s", "open"))
            elif b_after and not b_before and c not in SINGLE_OPEN:
                after = body[i + 1 : min(end, i + 4)].lstrip()
                weak = prev is not None and prev in "sS" and bool(after) and after[0] not in _WORD_FOLLOWS
                marks.append(Mark(i, "s", "close", weak))
    return marks


def _pick_closer(marks: list[Mark], i: int, looks_attributed: Callable[[int], bool]) -> int | None:
    """Index of the mark that closes the opener marks[i], or None (unclosed)."""
    kind = marks[i].kind
    weak: list[int] = []
    for j in range(i + 1, len(marks)):
        m = marks[j]
        if m.kind != kind:
            continue
        if m.role == "open":
            break
        if kind == "d":
            return j
        if not m.weak:
            return j
        weak.append(j)
    for j in reversed(weak):
        if looks_attributed(marks[j].pos + 1):
            return j
    return None


def _next_open(marks: list[Mark], i: int) -> int | None:
    for j in range(i + 1, len(marks)):
        if marks[j].kind == marks[i].kind and marks[j].role == "open":
            return j
    return None


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(
    body: str,
    units: list[tuple[int, int]],
    opens_speech: Callable[[int, int], bool],
    looks_attributed: Callable[[int], bool],
) -> list[RawQuote]:
    """Every top-level quotation, in order. ``opens_speech(unit_start, pos)`` says whether an
    unclosed opener at ``pos`` is introduced as speech (colon, speech verb); ``looks_attributed(pos)``
    whether the text from ``pos`` credits a speaker (``, he said``)."""
    out: list[RawQuote] = []
    for u, (us, ue) in enumerate(units):
        marks = classify(body, us, ue)
        lead = us + len(_LEADING_DASH.match(body, us, ue).group(0))  # type: ignore[union-attr]
        i = 0
        while i < len(marks):
            m = marks[i]
            if m.role == "close":
                if m.kind == "d" and not any(q.unit == u for q in out) and looks_attributed(m.pos + 1):
                    s, e = _trimmed(body, lead, m.pos)
                    if e > s:
                        out.append(RawQuote(None, s, e, m.pos, m.kind, u))
                i += 1
                continue
            j = _pick_closer(marks, i, looks_attributed)
            if j is not None:
                s, e = _trimmed(body, m.pos + 1, marks[j].pos)
                if e > s:
                    out.append(RawQuote(m.pos, s, e, marks[j].pos, m.kind, u))
                i = j + 1
                continue
            nxt = _next_open(marks, i)
            stop = ue if nxt is None else marks[nxt].pos
            after_quote = any(q.unit == u for q in out) and bool(_ENDS_SENTENCE.search(body, us, m.pos))
            if m.pos <= lead or after_quote or opens_speech(us, m.pos):
                s, e = _trimmed(body, m.pos + 1, stop)
                if e > s:
                    out.append(RawQuote(m.pos, s, e, None, m.kind, u))
                i = len(marks) if nxt is None else nxt
            else:
                i += 1
    return out


def sentence_start_before(body: str, lo: int, pos: int) -> int:
    """Start of the sentence that ``pos`` is in, never before ``lo``."""
    start = lo
    for m in _SENTENCE_END.finditer(body, lo, pos):
        start = m.end()
    return start
