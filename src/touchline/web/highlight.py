"""Article text with spans highlighted, built only from escaped pieces.

The body is cut at every span boundary; each piece is escaped on its own and, when one or more spans
cover it, wrapped in a ``<mark>`` whose classes and tooltip name those spans. Nothing from the article
ever reaches the page unescaped, so an article containing ``<script>`` shows the tag as text.
Overlapping and nested spans are fine: a piece simply carries the classes of every span over it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from markupsafe import Markup, escape

_CLASS_OK = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Span:
    """``body[start:end]`` marked with a CSS class (``kind``) and a short description for the tooltip."""

    start: int
    end: int
    kind: str
    label: str = ""
    anchor: str | None = None  # id given to the first piece of the span (a link target)


def clip(spans: Iterable[Span], length: int) -> list[Span]:
    """Spans inside ``[0, length)`` with a positive width; offsets out of range are trimmed or dropped."""
    out = []
    for s in spans:
        start, end = max(0, s.start), min(length, s.end)
        if end > start:
            out.append(Span(start, end, s.kind, s.label, s.anchor))
    return out


def highlight(body: str, spans: Sequence[Span]) -> Markup:
    """``body`` as safe HTML with every span wrapped in ``<mark>`` (text escaped piece by piece)."""
    spans = clip(spans, len(body))
    cuts = sorted({0, len(body), *(s.start for s in spans), *(s.end for s in spans)})
    anchored: set[str] = set()
    parts: list[str] = []
    for a, b in pairwise(cuts):
        piece = escape(body[a:b])
        over = [s for s in spans if s.start <= a and b <= s.end]
        if not over:
            parts.append(str(piece))
            continue
        classes = " ".join(dict.fromkeys(f"hl-{s.kind}" for s in over if _CLASS_OK.match(s.kind)))
        labels = "; ".join(dict.fromkeys(s.label for s in over if s.label))
        attrs = f' class="{classes}"' if classes else ""
        if labels:
            attrs += f' title="{escape(labels)}"'
        for s in over:
            if s.anchor and s.anchor not in anchored and s.start == a:
                anchored.add(s.anchor)
                attrs += f' id="{escape(s.anchor)}"'
                break
        parts.append(f"<mark{attrs}>{piece}</mark>")
    return Markup("".join(parts))


@lru_cache(maxsize=256)
def _sentence_bounds(body: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every sentence of an article, kept for the articles shown most recently (a page
    of top scorers cites the same report for several goals)."""
    from touchline.nlp.segment import sentences

    return tuple((s.start, s.end) for s in sentences(body))


def sentence_span(body: str, start: int, end: int) -> tuple[int, int]:
    """The whole sentence(s) around ``body[start:end]`` (evidence is often only a phrase)."""
    lo, hi = start, end
    for s_start, s_end in _sentence_bounds(body):
        if s_start <= start < s_end:
            lo = min(lo, s_start)
        if s_start < end <= s_end:
            hi = max(hi, s_end)
    return lo, hi


def excerpt(body: str, start: int, end: int, spans: Sequence[Span], context: int = 1) -> Markup:
    """The paragraph(s) around ``body[start:end]`` (plus ``context`` neighbours each side), highlighted.

    Spans are shifted into the excerpt; an ellipsis marks text left out before or after.
    """
    from touchline.nlp.segment import paragraphs

    paras = list(paragraphs(body))
    if not paras:
        return highlight(body, spans)
    idx = [i for i, p in enumerate(paras) if p.start < end and start < p.end] or [0]
    first, last = max(0, idx[0] - context), min(len(paras) - 1, idx[-1] + context)
    lo, hi = paras[first].start, paras[last].end
    shifted = [Span(s.start - lo, s.end - lo, s.kind, s.label, s.anchor) for s in spans]
    text = highlight(body[lo:hi], shifted)
    before = Markup("… ") if lo > 0 else Markup("")
    after = Markup(" …") if hi < len(body.rstrip()) else Markup("")
    return before + text + after
