"""Readers for every input format; each yields Articles or InputErrors, never crashes on a bad file."""

from touchline.ingest.readers import ReadResult, iter_articles, make_article, read_text_article

__all__ = ["ReadResult", "iter_articles", "make_article", "read_text_article"]
