"""Paragraph and sentence segmentation that keeps exact character offsets into the body.

Rule-based on purpose: it is fast, needs no model, and never moves an offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str


_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "sr",
    "jr",
    "vs",
    "v",
    "no",
    "nos",
    "sgt",
    "capt",
    "prof",
    "rev",
    "gen",
    "col",
    "lt",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "etc",
    "approx",
    "inc",
    "ltd",
    "co",
    "fc",
    "mt",
    "ft",
    "ed",
}
_CLOSERS = "\"'”’)]"
_OPENERS = "\"'“‘(["
_SENT_END = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s+)")


def paragraphs(body: str) -> list[Segment]:
    out: list[Segment] = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", body):
        text = m.group(0)
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        if trail > lead:
            out.append(Segment(m.start() + lead, m.start() + trail, text[lead:trail]))
    return out


def sentences(body: str) -> list[Segment]:
    out: list[Segment] = []
    for para in paragraphs(body):
        out.extend(_split_paragraph(body, para))
    return out


_SPACE = re.compile(r"\s*")
_LOOKBACK = 100  # characters before a full stop searched for the word it ends
# A "sentence" longer than this (no full stop in thousands of characters: a list, a table, a pasted
# blob) is cut at the last space before the limit. Real sentences stay far below it (the longest in
# the eval sets and corpus is about 2,000 characters); the cap bounds every per-sentence scan.
MAX_SENTENCE_CHARS = 3000


def _word_before(text: str, end: int) -> str | None:
    r"""The last word of ``text[:end]`` followed only by non-word characters: what
    ``re.search(r"([\w'’]+)\W*$", text[:end])`` finds, looking back at most ``_LOOKBACK`` characters."""
    lo = max(0, end - _LOOKBACK)
    t = end
    while t > lo and not (text[t - 1].isalnum() or text[t - 1] == "_"):
        t -= 1
    if t > lo:
        p = t - 1
        while p > lo and (text[p - 1].isalnum() or text[p - 1] in "_'’"):
            p -= 1
        r = t
        while r < end and text[r] in "'’":
            r += 1
        return text[p:r]
    q = next((i for i in range(lo, end) if text[i] in "'’"), None)  # only quote marks and punctuation
    if q is None:
        return None
    r = q
    while r < end and text[r] in "'’":
        r += 1
    return text[q:r]


def _split_paragraph(body: str, para: Segment) -> list[Segment]:
    result: list[Segment] = []
    start = para.start
    text = para.text
    for m in _SENT_END.finditer(text):
        end = m.end()
        rest = _SPACE.match(text, end).end()  # type: ignore[union-attr]
        if rest >= len(text):
            continue
        nxt = text[rest]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or nxt in "-–—"):
            continue
        word = _word_before(text, m.start() + 1)
        if (
            m.group(0).startswith(".")
            and word
            and (word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()))
        ):
            continue
        abs_end = para.start + end
        if abs_end > start:
            result.extend(_capped(body, start, abs_end))
        start = para.start + rest
    if start < para.end:
        result.extend(_capped(body, start, para.end))
    return result


def capped_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) as one span, or several of at most MAX_SENTENCE_CHARS, each cut after a space."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = body.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut + 1 if cut > start else start + MAX_SENTENCE_CHARS
        piece_end = len(body[start:cut].rstrip()) + start
        out.append((start, piece_end))
        start = cut
        while start < end and body[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))
    return out


def _capped(body: str, start: int, end: int) -> list[Segment]:
    return [Segment(s, e, body[s:e]) for s, e in capped_spans(body, start, end)]
