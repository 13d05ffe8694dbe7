"""Turn the people, clubs and matches a piece of text names into links to their pages.

Used for answers on the ask page: the text is escaped and every known club, person (canonical name or a
stored full-name variant) and match label (``Home 2-1 Away (date)``: the clubs link to the clubs, the score
and date to the match) becomes a link. Names are matched whole (word boundaries), longest first, and
never inside another link; a name the knowledge base does not know stays plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from touchline.query.kb import KnowledgeBase
from touchline.query.types import MergedMatch, Table, Tenure
from touchline.web.views import club_url, match_url, person_url

_cache: dict[str, Any] = {}


@dataclass
class Named:
    """The pages a text leads to, in order of first mention."""

    matches: list[MergedMatch] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    clubs: list[str] = field(default_factory=list)


def _names(kb: KnowledgeBase) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, str]]]:
    """A pattern of every known name and name → (kind, canonical name); rebuilt when the store changes."""
    key = id(kb.matches)  # the merged views are rebuilt (a new list) after every write
    if _cache.get("key") == key and _cache.get("kb") is kb:
        return _cache["pattern"], _cache["lookup"]
    lookup: dict[str, tuple[str, str]] = {}
    for p in kb.people:
        lookup[p.name] = ("person", p.name)
    for t in kb.tenures:
        lookup.setdefault(t.person, ("person", t.person))
    for raw, canon in kb.name_map.items():
        if len(raw.split()) > 1:
            lookup.setdefault(raw, ("person", canon))
    for club in kb.known_clubs:
        lookup[club] = ("club", club)  # a club wins over a person of the same name
    names = sorted((n for n in lookup if len(n) > 2), key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)") if names else None
    _cache.update(key=key, kb=kb, pattern=pattern, lookup=lookup)
    return pattern, lookup


def data_matches(data: Any) -> list[MergedMatch]:
    """The merged matches an answer's data holds (a match, or a list of them)."""
    items = data if isinstance(data, list | tuple) else [data]
    return [x for x in items if isinstance(x, MergedMatch)]


def _data_names(data: Any) -> Named:
    out = Named()
    items = data if isinstance(data, list | tuple) else [data]
    for x in items:
        tenure = getattr(x, "tenure", x)  # an InPost wraps its tenure
        if isinstance(tenure, Tenure):
            out.people.append(tenure.person)
            out.clubs.append(tenure.club)
        if isinstance(x, Table):
            out.clubs += [r.club for r in x.rows]
    return out


def linkify(kb: KnowledgeBase, text: str, data: Any = None) -> tuple[Markup, Named]:
    """``text`` escaped, with the people, clubs and matches it names as links, and the list of them."""
    spans: list[tuple[int, int, str]] = []
    named = Named()

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e, _ in spans)

    for m in data_matches(data):
        label = m.label()
        for found in re.finditer(re.escape(label), text):
            at = found.start()
            parts = [(m.home, club_url(m.home)), (f" {m.score} " if m.score else " v ", match_url(m.id))]
            parts += [(m.away, club_url(m.away))]
            if m.date:
                parts.append((f" ({m.date})", match_url(m.id)))
            for piece, url in parts:
                lo, hi = at + len(piece) - len(piece.lstrip()), at + len(piece.rstrip())
                if free(lo, hi):
                    spans.append((lo, hi, url))
                at += len(piece)
            if m not in named.matches:
                named.matches.append(m)
    pattern, lookup = _names(kb)
    if pattern is not None:
        for found in pattern.finditer(text):
            if not free(found.start(), found.end()):
                continue
            kind, canon = lookup[found.group()]
            spans.append(
                (found.start(), found.end(), person_url(canon) if kind == "person" else club_url(canon))
            )
            (named.people if kind == "person" else named.clubs).append(canon)
    extra = _data_names(data)
    for m in named.matches:
        named.clubs += [m.home, m.away]
    named.people = list(dict.fromkeys(named.people + extra.people))
    named.clubs = [c for c in dict.fromkeys(named.clubs + extra.clubs) if c in kb.known_clubs]
    out, pos = [], 0
    for start, end, url in sorted(spans):
        out.append(escape(text[pos:start]))
        out.append(Markup('<a class="named" href="{}">{}</a>').format(url, text[start:end]))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out), named
