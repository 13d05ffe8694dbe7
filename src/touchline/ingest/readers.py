"""Read articles from seed-format text, plain text, JSON Lines, HTML, CSV, RSS/Atom feeds and folders.

Every reader yields ``ReadResult`` items: an Article, or an InputError naming the file and the
problem. Nothing here raises on bad input, so one bad file never stops the others.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from touchline.config import settings
from touchline.errors import InputError
from touchline.ingest.boilerplate import strip_boilerplate
from touchline.ingest.decode import decode_bytes
from touchline.ingest.structured import read_structured
from touchline.models import Article

ReadResult = Article | InputError

_DATE_HEADER = re.compile(r"\A\s*date:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?[ \t]*", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_SKIP_SUFFIXES = {".json"}  # gold files and other JSON documents beside articles are not articles


def normalise_body(text: str) -> str:
    """Unicode NFC, Unix newlines, no trailing spaces, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def article_id(body: str) -> str:
    """Stable id: sha256 of the body with whitespace folded, so re-wrapped copies are duplicates."""
    folded = re.sub(r"\s+", " ", body).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def valid_date(value: str | None) -> str | None:
    if value and _ISO_DATE.match(value):
        return value
    return None


def make_article(text: str, source: str, published: str | None = None, title: str | None = None) -> Article:
    """Build an Article from raw text: date header, boilerplate removal, normalisation, id."""
    header = _DATE_HEADER.match(text)
    if header:
        published = header.group(1)
        text = text[header.end() :]
    body = strip_boilerplate(normalise_body(text))
    if not body.strip():
        raise InputError(source, "empty article (no text after removing the header and boilerplate)")
    return Article(article_id(body), source, valid_date(published), body, title)


def read_text_article(data: bytes, source: str, published: str | None = None) -> Article:
    limit = settings().max_file_bytes
    if len(data) > limit:
        raise InputError(source, f"file too large ({len(data) / 1e6:.1f} MB, limit {limit / 1e6:.0f} MB)")
    if not data.strip():
        raise InputError(source, "empty file")
    text = decode_bytes(data, source)
    if _looks_like_html(text):
        return read_html_article(text, source, published)
    return make_article(text, source, published)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def read_html_article(html: str, source: str, published: str | None = None) -> Article:
    from touchline.ingest.html import html_to_text

    text, title, page_date = html_to_text(html)
    if not text.strip():
        raise InputError(source, "HTML page has no article text")
    return make_article(text, source, published or page_date, title)


def iter_jsonl(path: Path, published: str | None = None) -> Iterator[ReadResult]:
    """One article per line: {"text": ..., "published": ..., "source": ...}. Streams line by line."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot open: {exc.strerror}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                line = decode_bytes(raw, where)
                obj = json.loads(line)
            except InputError as exc:
                yield exc
                continue
            except json.JSONDecodeError as exc:
                yield InputError(where, f"malformed JSON line ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text") or obj.get("body"), str):
                yield InputError(where, 'JSON line has no "text" string')
                continue
            text = obj.get("text") or obj.get("body")
            source = str(obj.get("source") or obj.get("url") or where)
            try:
                pub = valid_date(str(obj.get("published") or obj.get("date") or "")[:10] or None) or published
                if obj.get("html") or _looks_like_html(text):
                    yield read_html_article(text, source, pub)
                else:
                    yield make_article(text, source, pub, obj.get("title"))
            except InputError as exc:
                yield InputError(where, exc.problem)


def iter_path(
    path: Path, published: str | None = None, columns: Mapping[str, str] | None = None
) -> Iterator[ReadResult]:
    if not path.exists():
        yield InputError(str(path), "no such file or directory")
        return
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            if child.suffix.lower() in _SKIP_SUFFIXES or child.name.endswith(".gold.json"):
                continue
            yield from iter_path(child, published, columns)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from iter_jsonl(path, published)
        return
    structured = read_structured(path, published, columns)  # CSV exports and RSS/Atom feeds
    if structured is not None:
        yield from structured
        return
    try:
        size = path.stat().st_size
        if size > settings().max_file_bytes:
            yield InputError(
                str(path),
                f"file too large ({size / 1e6:.1f} MB, limit {settings().max_file_bytes / 1e6:.0f} MB)",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror}")
        return
    try:
        if suffix in HTML_SUFFIXES:
            if not data.strip():
                raise InputError(str(path), "empty file")
            yield read_html_article(decode_bytes(data, str(path)), str(path), published)
        else:
            yield read_text_article(data, str(path), published)
    except InputError as exc:
        yield exc


def iter_articles(
    paths: Iterable[str | Path], published: str | None = None, columns: Mapping[str, str] | None = None
) -> Iterator[ReadResult]:
    """Every article under ``paths`` (files, folders, JSON Lines), with duplicates removed."""
    seen: set[str] = set()
    for p in paths:
        for item in iter_path(Path(p), published, columns):
            if isinstance(item, Article):
                if item.id in seen:
                    continue
                seen.add(item.id)
            yield item
