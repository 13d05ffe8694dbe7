"""Full-text search (FTS5, BM25) over article bodies and quotes, filtered by club, person, competition and date.

Every hit carries an evidence sentence: for a quote its stored evidence, for an article the first
sentence of the body that contains the most query words (exact offsets into the body).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from touchline.linking.people import fold
from touchline.nlp.segment import sentences
from touchline.query.types import Cite, Hit, cites

if TYPE_CHECKING:
    from touchline.query.kb import KnowledgeBase

_WORD = re.compile(r"\w+", re.UNICODE)


def best_sentence(body: str, query: str) -> tuple[int, int] | None:
    words = {fold(w) for w in _WORD.findall(query)}
    if not words:
        return None
    best: tuple[int, int, int] | None = None  # (-score, start, end)
    for s in sentences(body):
        tokens = {fold(w) for w in _WORD.findall(s.text)}
        score = sum(1 for w in words if w in tokens or any(t.startswith(w) for t in tokens))
        if score and (best is None or -score < best[0]):
            best = (-score, s.start, s.end)
    return (best[1], best[2]) if best else None


def search(
    kb: KnowledgeBase,
    text: str,
    *,
    club: str | None = None,
    person: str | None = None,
    competition: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    kinds: Sequence[str] = ("article", "quote"),
    limit: int = 20,
) -> list[Hit]:
    """The ``limit`` best hits for ``text`` among ``kinds``, in articles about the club, person and
    competition given (names resolved as ``club_name`` etc. do) and published in the date range."""
    ids = None
    if club or person or competition:
        c = kb.club_name(club) if club else None
        p = kb.person_name(person) if person else None
        comp = kb.competition_name(competition) if competition else None
        ids = kb.store.article_ids_about(club=c, person=p, competition=comp)
    hits = kb.store.search(
        text, kinds=kinds, date_from=date_from, date_to=date_to, article_ids=ids, limit=limit
    )
    out: list[Hit] = []
    for h in hits:
        evidence: list[Cite] = cites(h.ref, h.evidence)
        if h.kind == "article":
            art = kb.store.article(h.ref.article_id)
            span = best_sentence(art.body, text) if art else None
            if art and span:
                evidence = [
                    Cite(
                        h.ref.article_id,
                        h.ref.published,
                        h.ref.source,
                        span[0],
                        span[1],
                        art.body[span[0] : span[1]],
                    )
                ]
        out.append(Hit(h.kind, h.ref.article_id, h.ref.published, h.ref.source, h.rank, h.snippet, evidence))
    return out
