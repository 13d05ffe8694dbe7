"""Read articles from seed-format text, plain text, JSON Lines, HTML, CSV, RSS/Atom feeds and folders.

Every reader yields ``ReadResult`` items: an Article, or an InputError naming the file and the
problem. Nothing here raises on bad input, so one bad file never stops the others.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path

from touchline.config import settings
from touchline.errors import InputError, safe_source
from touchline.ingest.boilerplate import strip_boilerplate
from touchline.ingest.decode import decode_bytes
from touchline.ingest.files import SKIP_SUFFIXES, read_regular, too_large, walk
from touchline.ingest.structured import read_structured
from touchline.models import Article

ReadResult = Article | InputError

_DATE_HEADER = re.compile(r"\A\s*date:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?[ \t]*", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]")  # a letter or a digit: a body without one is empty
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_SKIP_SUFFIXES = SKIP_SUFFIXES


def normalise_body(text: str) -> str:
    """Unicode NFC, Unix newlines, no trailing spaces, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\x00", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def article_id(body: str) -> str:
    """Stable id: sha256 of the body with whitespace folded, so re-wrapped copies are duplicates."""
    folded = re.sub(r"\s+", " ", body).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def valid_date(value: str | None) -> str | None:
    """``value`` when it is a real calendar date written YYYY-MM-DD, else None."""
    if value and _ISO_DATE.match(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            return None
        return value
    return None


def make_article(text: str, source: str, published: str | None = None, title: str | None = None) -> Article:
    """Build an Article from raw text: date header, boilerplate removal, normalisation, id."""
    header = _DATE_HEADER.match(text)
    if header:
        published = header.group(1)
        text = text[header.end() :]
    body = strip_boilerplate(normalise_body(text))
    if not _WORD.search(body):
        raise InputError(source, "empty article (no text after removing the header and boilerplate)")
    return Article(article_id(body), source, valid_date(published), body, title)


def read_text_article(data: bytes, source: str, published: str | None = None) -> Article:
    limit = settings().max_file_bytes
    if len(data) > limit:
        raise InputError(source, too_large(len(data), limit))
    if not data.strip():
        raise InputError(source, "empty file")
    text = decode_bytes(data, source)
    if looks_like_html(text):
        return read_html_article(text, source, published)
    return make_article(text, source, published)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def read_html_article(html: str, source: str, published: str | None = None) -> Article:
    from touchline.ingest.html import html_to_text

    text, title, page_date = html_to_text(html)
    if not text.strip():
        raise InputError(source, "HTML page has no article text")
    return make_article(text, source, published or page_date, title)


def iter_jsonl(path: Path, published: str | None = None) -> Iterator[ReadResult]:
    """One article per line (see :mod:`touchline.ingest.jsonl`)."""
    from touchline.ingest.jsonl import iter_jsonl as read_lines

    return read_lines(path, published)


def iter_path(
    path: Path,
    published: str | None = None,
    columns: Mapping[str, str] | None = None,
    *,
    follow_links: bool = False,
) -> Iterator[ReadResult]:
    """Every article under ``path`` (a file or a folder, read recursively), and one InputError per
    entry that could not be read or was skipped (see :func:`touchline.ingest.files.walk`)."""
    for item in walk(path, follow_links=follow_links):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item, published, columns)


def read_file(
    path: Path, published: str | None = None, columns: Mapping[str, str] | None = None
) -> Iterator[ReadResult]:
    """The article(s) of one regular file: JSON Lines by suffix, CSV exports and RSS/Atom feeds by
    their content, else HTML or text."""
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from iter_jsonl(path, published)
            return
        structured = read_structured(path, published, columns)  # CSV exports and RSS/Atom feeds
        if structured is not None:
            yield from structured
            return
        data = read_regular(path, settings().max_file_bytes)
        if path.suffix.lower() in HTML_SUFFIXES:
            if not data.strip():
                raise InputError(str(path), "empty file")
            yield read_html_article(decode_bytes(data, str(path)), safe_source(str(path)), published)
        else:
            yield read_text_article(data, safe_source(str(path)), published)
    except InputError as exc:
        yield InputError(str(path), exc.problem)
    except Exception as exc:  # a last guard: one line naming the file, never a traceback
        yield InputError(str(path), f"unreadable ({type(exc).__name__}: {str(exc)[:200]})")


def iter_articles(
    paths: Iterable[str | Path],
    published: str | None = None,
    columns: Mapping[str, str] | None = None,
    *,
    follow_links: bool = False,
) -> Iterator[ReadResult]:
    """Every article under ``paths`` (files, folders, JSON Lines), with duplicates removed."""
    seen: set[str] = set()
    for p in paths:
        for item in iter_path(Path(p), published, columns, follow_links=follow_links):
            if isinstance(item, Article):
                if item.id in seen:
                    continue
                seen.add(item.id)
            yield item
