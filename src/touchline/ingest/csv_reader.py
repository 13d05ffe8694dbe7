"""CSV (and TSV) exports: one article per row, columns found by their header names.

The header row names the columns. The article text comes from a column called text, body, content
(and a few common variants), the date from published/date/pubDate…, the title from title/headline, the
source from url/link. ``--columns text=body,published=date`` names them explicitly. A row with no
text gives one error naming the file and its line; the other rows are still read.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from touchline.config import settings
from touchline.errors import InputError
from touchline.ingest.item_fields import html_fragment_text, item_date, looks_like_html, plain_title
from touchline.models import Article

FIELDS = ("text", "published", "title", "url")
# Header names per field, compared after lower-casing and dropping spaces, "_" and "-"; first found wins.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "body", "content", "articlebody", "articletext", "bodytext", "fulltext", "contenttext",
        "story", "article", "contentencoded", "html", "bodyhtml", "description",
    ),
    "published": (
        "published", "date", "pubdate", "publishdate", "publisheddate", "publishedat", "publicationdate",
        "datepublished", "datetime", "created", "createdat", "timestamp", "time",
    ),
    "title": ("title", "headline", "heading", "subject"),
    "url": ("url", "link", "permalink", "href", "uri", "source", "canonicalurl"),
}  # fmt: skip
DELIMITERS = ",\t;|"
CSV_SUFFIXES = {".csv", ".tsv"}
MakeArticle = Callable[[str, str, str | None, str | None], Article]


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.strip().lower())


def parse_columns(spec: str) -> dict[str, str]:
    """``text=body,published=date`` → {"text": "body", "published": "date"}; raises ValueError."""
    out: dict[str, str] = {}
    for part in (p for p in spec.split(",") if p.strip()):
        field, sep, column = part.partition("=")
        field = field.strip().lower()
        if not sep or not column.strip():
            raise ValueError(f"{part.strip()!r} is not FIELD=COLUMN (e.g. text=body)")
        if field not in FIELDS:
            raise ValueError(f"unknown field {field!r} (known: {', '.join(FIELDS)})")
        out[field] = column.strip()
    return out


def find_columns(header: list[str], given: Mapping[str, str] | None = None) -> dict[str, int]:
    """Field → column index. Columns named in ``given`` must exist (InputError problem text via
    ValueError); the others are found by their common names."""
    keys = [_key(h) for h in header]
    found: dict[str, int] = {}
    for field, column in (given or {}).items():
        if column in header:
            found[field] = header.index(column)
        elif _key(column) in keys:
            found[field] = keys.index(_key(column))
        else:
            raise ValueError(f"no column {column!r} for {field} (columns: {', '.join(header)})")
    taken = set(found.values())
    for field in FIELDS:
        if field in found:
            continue
        for name in COLUMN_NAMES[field]:
            if name in keys and keys.index(name) not in taken:
                found[field] = keys.index(name)
                taken.add(found[field])
                break
    return found


_UNDECODABLE = re.compile("[\udc80-\udcff]")
_NAME_LIKE = re.compile(r"^[\w .:/()#\-]{1,40}$")


def header_delimiter(first_line: str, strict: bool = False) -> str | None:
    """The delimiter of a CSV header line whose cells include a known column name, else None.
    ``strict``: every cell must also look like a column name (short, no sentence punctuation)."""
    known = {n for names in COLUMN_NAMES.values() for n in names}
    best: tuple[int, str] | None = None
    for delim in DELIMITERS:
        cells = next(csv.reader([first_line], delimiter=delim), [])
        if len(cells) < 2 or any(len(c) > 60 for c in cells):
            continue
        if strict and not all(_NAME_LIKE.match(c.strip()) and len(c.split()) <= 4 for c in cells):
            continue
        hits = sum(1 for c in cells if _key(c) in known)
        if hits and (best is None or hits > best[0]):
            best = (hits, delim)
    return best[1] if best else None


def sniff_csv(head: str, suffix: str) -> str | None:
    """The delimiter when ``head`` (the start of a file) is a CSV export: for a ``.csv``/``.tsv`` file
    always (the delimiter of its header line); for any other file when its first line is a header of
    column names including a known one and the next record has as many cells."""
    lines = head.lstrip("\ufeff").split("\n")
    first = lines[0].rstrip("\r")
    if suffix in CSV_SUFFIXES:
        return header_delimiter(first) or ("\t" if suffix == ".tsv" or "\t" in first else ",")
    delim = header_delimiter(first, strict=True)
    if delim is None:
        return None
    width = len(next(csv.reader([first], delimiter=delim)))
    try:
        records = csv.reader(
            io.StringIO("\n".join(lines[1:-1] if len(lines) > 2 else lines[1:])), delimiter=delim
        )
        second = next((r for r in records if any(c.strip() for c in r)), None)
    except csv.Error:
        return None
    return delim if second is not None and len(second) == width else None


def open_text(path: Path) -> io.TextIOWrapper:
    """The file as text: UTF-16/32 by their byte-order mark (Excel's "Unicode text" export is UTF-16),
    UTF-8 (BOM dropped) when its start decodes as UTF-8, else Windows-1252."""
    raw = path.open("rb")
    head = raw.read(65536)
    raw.seek(0)
    encoding = "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding = "utf-32"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        except UnicodeDecodeError:
            encoding = "cp1252"
    # undecodable bytes further on become lone surrogates, reported per row (see _row_article)
    return io.TextIOWrapper(raw, encoding=encoding, errors="surrogateescape", newline="")


def iter_csv(
    path: Path, delimiter: str, published: str | None = None, columns: Mapping[str, str] | None = None
) -> Iterator[Article | InputError]:
    """One Article per data row (or an InputError naming ``path:line``), streamed row by row."""
    from touchline.ingest.readers import make_article

    limit = settings().max_file_bytes
    csv.field_size_limit(min(sys.maxsize, limit + 1))
    try:
        handle = open_text(path)
    except OSError as exc:
        yield InputError(str(path), f"cannot open: {exc.strerror}")
        return
    with handle:
        reader = csv.reader(handle, delimiter=delimiter, strict=True)
        line = 1
        try:
            header = next(reader, None)
            if not header or not any(c.strip() for c in header):
                yield InputError(str(path), "CSV file has no header row")
                return
            try:
                cols = find_columns([c.strip() for c in header], columns)
            except ValueError as exc:
                yield InputError(str(path), f"CSV: {exc}")
                return
            if "text" not in cols:
                yield InputError(
                    str(path),
                    f"CSV has no text column (columns: {', '.join(c.strip() for c in header)}); "
                    "name it with --columns text=COLUMN",
                )
                return
            line = reader.line_num + 1
            rows = 0
            for row in reader:
                where = f"{path}:{line}"
                line = reader.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue
                rows += 1
                yield _row_article(row, cols, where, published, make_article)
            if rows == 0:
                yield InputError(str(path), "CSV file has a header but no rows")
        except csv.Error as exc:
            yield InputError(f"{path}:{line}", f"malformed CSV ({exc}); the rows before it were read")
        except UnicodeDecodeError as exc:
            yield InputError(
                f"{path}:{line}", f"undecodable bytes ({exc.reason}); the rows before it were read"
            )


def _row_article(
    row: list[str], cols: dict[str, int], where: str, published: str | None, make: MakeArticle
) -> Article | InputError:
    def cell(field: str) -> str:
        i = cols.get(field)
        return row[i].strip() if i is not None and i < len(row) else ""

    if any(_UNDECODABLE.search(c) for c in row):
        return InputError(
            where, "undecodable bytes in this row (the file's encoding is not UTF-8 throughout)"
        )
    text = cell("text")
    if not text:
        return InputError(where, "row has no text" + ("" if len(row) > cols["text"] else " (too few cells)"))
    if len(text.encode("utf-8", "surrogatepass")) > settings().max_file_bytes:
        return InputError(where, "row text too large")
    if looks_like_html(text):
        text = html_fragment_text(text)
    source = cell("url") or where
    try:
        return make(text, source, item_date(cell("published")) or published, plain_title(cell("title")))
    except InputError as exc:
        return InputError(where, exc.problem)
