"""JSON Lines: one article per line, ``{"text": ..., "published": ..., "source": ..., "title": ...}``.

Every line is read on its own, so a bad line costs only itself: it gives one ``InputError`` naming
``FILE:LINE`` and the problem (malformed JSON, a lone surrogate escape, nesting too deep, a number
too long to read, a line over the size limit, a ``text`` that is not a string) and the next line is
read. Optional fields of the wrong type (a ``title`` that is an object, a ``published`` that is not a
date) are dropped with one ``InputWarning`` and the article is still read. Lines are streamed: a line
longer than the limit is skipped without being held in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from touchline.config import settings
from touchline.errors import InputError, InputWarning, safe_source
from touchline.ingest.decode import MAGIC, decode_bytes, wide_bom
from touchline.ingest.files import bounded_lines, mib, open_regular
from touchline.ingest.readers import ReadResult, looks_like_html, make_article, read_html_article


def iter_jsonl(path: Path, published: str | None = None) -> Iterator[ReadResult]:
    """One article (or one error line) per non-blank line of the file."""
    limit = settings().max_file_bytes
    name = str(path)
    try:
        handle = open_regular(path, 0)
    except InputError as exc:
        yield exc
        return
    with handle:
        try:
            head = handle.peek(8192)[:8192] if hasattr(handle, "peek") else b""
        except OSError as exc:
            yield InputError(name, f"cannot read: {exc.strerror}")
            return
        wide = wide_bom(head)
        if wide:
            yield InputError(name, f"JSON Lines must be UTF-8, this file is {wide[1]}")
            return
        if head.startswith(MAGIC) or _controls(head) > 2 + len(head) // 50:
            yield InputError(name, "binary file, not JSON Lines")
            return
        seen = False
        try:
            for number, raw in enumerate(bounded_lines(handle, limit), start=1):
                if isinstance(raw, bytes) and not raw.strip():
                    continue
                seen = True
                where = f"{name}:{number}"
                if isinstance(raw, int):
                    yield InputError(where, f"line too long ({mib(raw)}, limit {mib(limit)}): skipped")
                    continue
                yield from parse_line(raw, where, published)
        except OSError as exc:
            yield InputError(name, f"cannot read: {exc.strerror}")
            return
        if not seen:
            yield InputError(name, "empty file (no JSON lines)")


def _controls(head: bytes) -> int:
    """Control bytes other than tab and line ends: JSON text has none outside a bad line."""
    return sum(1 for b in head if b < 32 and b not in (9, 10, 13))


def parse_line(raw: bytes, where: str, published: str | None = None) -> Iterator[ReadResult]:
    """The article of one JSON line (after any warning about its fields), or one InputError."""
    try:
        obj = _load(raw, where)
        text, fields, warnings = _fields(obj, where, published)
        source = fields["source"] or safe_source(where)
        if fields["html"] or looks_like_html(text):
            article = read_html_article(text, source, fields["published"])
        else:
            article = make_article(text, source, fields["published"], fields["title"])
        if warnings:  # only for a line that is read: a refused line gets its one error line
            yield InputWarning(where, "; ".join(warnings) + ": ignored, the article is still read")
        yield article
    except InputError as exc:
        yield InputError(where, exc.problem) if exc.source != where else exc
    except Exception as exc:  # a last guard: one line, never a traceback, the next line is read
        yield InputError(where, f"unreadable JSON line ({type(exc).__name__}: {str(exc)[:200]})")


def _load(raw: bytes, where: str) -> Any:
    if b"\x00" in raw:
        raise InputError(where, "NUL bytes in the line: not text")
    line = decode_bytes(raw, where, wide_boms=False).lstrip("\ufeff")
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"malformed JSON line ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise InputError(where, "JSON nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise InputError(where, f"unreadable JSON value ({str(exc).split(';')[0]})") from None


def type_name(value: object) -> str:
    """How a JSON value is described in a message: an object, an array, a number…"""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "null"
    return "a string"


def valid_text(value: str) -> bool:
    """True unless ``value`` holds a lone surrogate (``"\\ud800"`` in JSON), which is not Unicode."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _fields(obj: Any, where: str, published: str | None) -> tuple[str, dict[str, Any], list[str]]:
    if not isinstance(obj, dict):
        raise InputError(where, f'JSON line is {type_name(obj)}, not an object with a "text"')
    key = "text" if "text" in obj else "body"
    text = obj.get(key)
    if not isinstance(text, str):
        shown = "no" if text is None else type_name(text)
        raise InputError(where, f'JSON line has {shown} "{key}"' + ("" if text is None else ", not a string"))
    if not valid_text(text):
        raise InputError(where, f'"{key}" holds a lone surrogate escape (such as \\ud800): not valid Unicode')
    warnings: list[str] = []

    def optional(*names: str) -> str | None:
        for field_name in names:
            value = obj.get(field_name)
            if value is None or value == "":
                continue
            if not isinstance(value, str):
                warnings.append(f'"{field_name}" is {type_name(value)}, not a string')
            elif not valid_text(value):
                warnings.append(f'"{field_name}" holds a lone surrogate escape')
            else:
                return value
            return None
        return None

    title = optional("title")
    source = optional("source", "url")
    pub_text = optional("published", "date")
    pub = None
    if pub_text is not None:
        pub = iso_date(pub_text[:10])
        if pub is None:
            warnings.append(f'"published" {pub_text[:40]!r} is not a date (YYYY-MM-DD)')
    fields = {"title": title, "source": source, "published": pub or published, "html": bool(obj.get("html"))}
    return text, fields, warnings


def iso_date(value: str) -> str | None:
    """``value`` when it is a real calendar date written YYYY-MM-DD, else None."""
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return None
    return value
