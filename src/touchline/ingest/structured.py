"""Which files hold many articles in a structured format (CSV export, RSS/Atom feed), sniffed from
their content as well as their name, so that such a file is never read as one plain-text article.

``read_structured(path, ...)`` returns the file's items (Articles or InputErrors) when it is a CSV
export or a feed, and None otherwise (the caller reads it as text or HTML).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from touchline.errors import InputError
from touchline.ingest.csv_reader import CSV_SUFFIXES, iter_csv, sniff_csv
from touchline.ingest.decode import looks_binary
from touchline.ingest.feeds import FEED_SUFFIXES, decode_head, iter_feed, root_name, sniff_feed
from touchline.models import Article

_HEAD_BYTES = 65536


def _has_unicode_bom(raw: bytes) -> bool:
    """UTF-16/32 text has NUL bytes but a byte-order mark says it is text."""
    return raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"))


def classify(path: Path) -> str | None:
    """``"feed"``, ``"csv:<delimiter>"``, ``"xml:<root>"`` (XML that is not a feed, in a feed-named
    file) or None (not structured, or not readable: the ordinary reader reports that)."""
    try:
        if not path.is_file():  # FIFOs, devices, sockets are never opened here (a FIFO would block)
            return None
        with path.open("rb") as fh:
            raw = fh.read(_HEAD_BYTES)
    except OSError:
        return None
    suffix = path.suffix.lower()
    head = decode_head(raw)
    if sniff_feed(head):
        return "feed"
    if suffix in FEED_SUFFIXES and raw.strip():
        root = root_name(head)
        if root and root.lower() not in ("html", "xhtml"):
            return f"xml:{root}"
    if not raw.strip() or (looks_binary(raw) and not _has_unicode_bom(raw)):
        return None  # binary or empty: the ordinary reader says so
    if suffix not in CSV_SUFFIXES and _starts_like_markup(head):
        return None
    delimiter = sniff_csv(head, suffix)
    return f"csv:{delimiter}" if delimiter is not None else None


def read_structured(
    path: Path, published: str | None = None, columns: Mapping[str, str] | None = None
) -> Iterator[Article | InputError] | None:
    """The items of a CSV or feed file, or None when ``path`` is neither."""
    kind = classify(path)
    if kind is None:
        return None
    if kind == "feed":
        return iter_feed(path, published)
    if kind.startswith("xml:"):
        return iter([InputError(str(path), f"XML document <{kind[4:]}> is not an RSS or Atom feed")])
    return iter_csv(path, kind[4:], published, columns)


def _starts_like_markup(head: str) -> bool:
    return head.lstrip("\ufeff \t\r\n").startswith("<")
