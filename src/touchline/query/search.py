"""Full-text search (FTS5 / tsvector, BM25-style ranking) over article bodies and quotes, filtered by
club, person, competition and date, with true totals, pages and near-duplicates collapsed.

Words must all occur (the last may be the start of a word); ``"own goal"`` in quotes is an exact
phrase (``store/text_query.py``). Every matching row is read without snippets (ids and ranks only),
then grouped: articles that are near-duplicates of each other (``near_dups.py``: MinHash estimate
of word 5-shingle Jaccard ≥ 0.7) become one hit, the best-ranked, with the others in ``also_in``;
quote hits with the same words (the same quote reported by several articles) likewise. ``total``
is the number of grouped hits. Only the page shown gets snippets, titles and an evidence sentence:
for a quote its stored evidence, for an article the first sentence with the most query terms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from touchline.linking.people import fold
from touchline.models import Article
from touchline.nlp.segment import paragraphs, sentences
from touchline.query import near_dups
from touchline.query.types import Cite, Hit, SearchPage, cites
from touchline.store.base import SearchHit
from touchline.store.sql import SEARCH_CAP
from touchline.store.text_query import Term, parse_terms

if TYPE_CHECKING:
    from touchline.query.kb import KnowledgeBase

_WORD = re.compile(r"\w+", re.UNICODE)
NEAR_DUP_LIMIT = 5_000  # distinct matching articles compared for near-duplicates per search
_SIGNATURES: dict[str, near_dups.Signature] = {}  # by article id (a content hash: never stale)
_SIGNATURES_KEPT = 100_000  # ~60 MB; the cache starts again when full


def article_title(article: Article, limit: int = 90) -> str:
    """The stored title (HTML <title>, feed or CSV title), else the first line of the body, shortened."""
    if article.title and article.title.strip():
        return " ".join(article.title.split())
    first = article.body.strip().split("\n", 1)[0].strip()
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def _term_in(term: Term, tokens: list[str], token_set: set[str]) -> bool:
    words = [fold(w) for w in term.words]
    if len(words) == 1:
        w = words[0]
        return w in token_set or (term.prefix and any(t.startswith(w) for t in token_set))
    n = len(words)
    return any(tokens[i : i + n] == words for i in range(len(tokens) - n + 1))


def best_sentence(body: str, query: str) -> tuple[int, int] | None:
    """The first sentence of ``body`` with the most query terms (a phrase counts only when whole).
    Only paragraphs that contain a term's first word are split into sentences."""
    terms = parse_terms(query)
    if not terms:
        return None
    firsts = {fold(t.words[0]) for t in terms}
    best: tuple[int, int, int] | None = None  # (-score, start, end)
    for para in paragraphs(body):
        if not any(w in fold(para.text) for w in firsts):
            continue
        for s in sentences(para.text):
            tokens = [fold(w) for w in _WORD.findall(s.text)]
            token_set = set(tokens)
            score = sum(1 for t in terms if _term_in(t, tokens, token_set))
            if score and (best is None or -score < best[0]):
                best = (-score, para.start + s.start, para.start + s.end)
    return (best[1], best[2]) if best else None


def _quote_key(text: str | None, fallback: str) -> str:
    words = _WORD.findall(fold(text)) if text else []
    return " ".join(words) or fallback


def _groups(kb: KnowledgeBase, rows: list[SearchHit]) -> list[tuple[SearchHit, list[str]]]:
    """Rows grouped into hits, best first: (the best row, the other articles of its group)."""
    article_order = list(dict.fromkeys(r.ref.article_id for r in rows if r.kind == "article"))
    compared = article_order[:NEAR_DUP_LIMIT]
    missing = [i for i in compared if i not in _SIGNATURES]
    if missing:
        if len(_SIGNATURES) + len(missing) > _SIGNATURES_KEPT:
            _SIGNATURES.clear()
        for aid, art in kb.store.articles(missing).items():
            _SIGNATURES[aid] = near_dups.signature(art.body)
    root = near_dups.groups({i: _SIGNATURES[i] for i in compared if i in _SIGNATURES}, compared)
    grouped: dict[tuple[str, str], tuple[SearchHit, list[str]]] = {}
    for r in rows:
        aid = r.ref.article_id
        if r.kind == "article":
            key = ("article", root.get(aid, aid))
        else:
            key = ("quote", _quote_key(r.text, f"{aid}:{r.fact_id}"))
        if key not in grouped:
            grouped[key] = (r, [])
        else:
            first, others = grouped[key]
            if aid != first.ref.article_id and aid not in others:
                others.append(aid)
    return list(grouped.values())


def search_page(
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
    offset: int = 0,
) -> SearchPage:
    """Hits ``offset`` to ``offset + limit`` of the grouped hits for ``text`` among ``kinds``, in
    articles about the club, person and competition given (names resolved as ``club_name`` etc. do)
    and published in the date range, with the true ``total``."""
    ids = None
    if club or person or competition:
        c = kb.club_name(club) if club else None
        p = kb.person_name(person) if person else None
        comp = kb.competition_name(competition) if competition else None
        ids = kb.store.article_ids_about(club=c, person=p, competition=comp)
    rows = kb.store.search_all(
        text, kinds=kinds, date_from=date_from, date_to=date_to, article_ids=ids, cap=SEARCH_CAP
    )
    grouped = _groups(kb, rows)
    page = grouped[offset : offset + max(0, limit)]
    shown = [r for r, _ in page]
    kb.store.fill_snippets(text, shown)
    arts = kb.store.articles([r.ref.article_id for r in shown])
    hits = [_hit(r, others, arts.get(r.ref.article_id), text) for r, others in page]
    return SearchPage(text, len(grouped), offset, limit, hits, capped=len(rows) >= SEARCH_CAP)


def _hit(h: SearchHit, others: list[str], art: Article | None, text: str) -> Hit:
    evidence: list[Cite] = cites(h.ref, h.evidence)
    if h.kind == "article" and art:
        span = best_sentence(art.body, text)
        if span:
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
    title = article_title(art) if art else None
    return Hit(
        h.kind, h.ref.article_id, h.ref.published, h.ref.source, h.rank, h.snippet, evidence, title, others
    )


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
    offset: int = 0,
) -> list[Hit]:
    """The hits of ``search_page`` alone (the ``limit`` best, near-duplicates collapsed)."""
    return search_page(
        kb,
        text,
        club=club,
        person=person,
        competition=competition,
        date_from=date_from,
        date_to=date_to,
        kinds=kinds,
        limit=limit,
        offset=offset,
    ).hits
