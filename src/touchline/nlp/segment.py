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


def _split_paragraph(body: str, para: Segment) -> list[Segment]:
    result: list[Segment] = []
    start = para.start
    text = para.text
    for m in _SENT_END.finditer(text):
        end = m.end()
        rest = text[end:].lstrip()
        if not rest:
            continue
        nxt = rest[0]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or nxt in "-–—"):
            continue
        word = re.search(r"([\w'’]+)\W*$", text[: m.start() + 1])
        if (
            m.group(0).startswith(".")
            and word
            and (
                word.group(1).lower() in _ABBREVIATIONS
                or (len(word.group(1)) == 1 and word.group(1).isalpha())
            )
        ):
            continue
        abs_end = para.start + end
        if abs_end > start:
            result.append(Segment(start, abs_end, body[start:abs_end]))
        start = para.start + end + (len(text[end:]) - len(rest))
    if start < para.end:
        result.append(Segment(start, para.end, body[start : para.end]))
    return result
