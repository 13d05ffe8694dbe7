"""touchline: football news articles in, a grounded, queryable knowledge base out.

Public API::

    import touchline
    facts = touchline.extract_text("date 2024-12-18 Saints lost 2-1 to Liverpool ...")
    for facts in touchline.extract(["articles/"]):
        ...
    kb = touchline.open_kb("touchline.db")
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from touchline.errors import GazetteerError, InputError, QueryError, StoreError, TouchlineError
from touchline.models import Article, ArticleFacts

if TYPE_CHECKING:
    from touchline.query.kb import KnowledgeBase

__version__ = "0.1.0"


def extract(
    paths: Iterable[str | Path], published: str | None = None, strict: bool = False
) -> Iterator[ArticleFacts]:
    """Extract facts from files/folders. Bad inputs are skipped (or raised with ``strict=True``)."""
    from touchline.ingest import iter_articles
    from touchline.nlp.pipeline import default_extractor

    def good() -> Iterator[Article]:
        for item in iter_articles(paths, published):
            if isinstance(item, InputError):
                if strict:
                    raise item
                continue
            yield item

    yield from default_extractor().extract_many(good())


def extract_text(text: str, published: str | None = None, source: str = "<text>") -> ArticleFacts:
    """Extract facts from one article given as a string (a ``date YYYY-MM-DD`` header is honoured)."""
    from touchline.ingest import make_article
    from touchline.nlp.pipeline import default_extractor

    return default_extractor().extract(make_article(text, source, published))


def extract_dict(text: str, published: str | None = None) -> dict[str, Any]:
    """Like :func:`extract_text`, as the contract's JSON-ready dict."""
    return extract_text(text, published).to_dict()


def open_kb(path: str | Path = "touchline.db") -> KnowledgeBase:
    """Open (or create) a knowledge base: a SQLite file path or a ``postgresql://`` URL."""
    from touchline.query.kb import KnowledgeBase

    return KnowledgeBase.open(str(path))


__all__ = [
    "Article",
    "ArticleFacts",
    "GazetteerError",
    "InputError",
    "KnowledgeBase",
    "QueryError",
    "StoreError",
    "TouchlineError",
    "__version__",
    "extract",
    "extract_dict",
    "extract_text",
    "open_kb",
]
