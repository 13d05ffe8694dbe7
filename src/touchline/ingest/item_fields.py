"""Fields of one item of a CSV export or a feed: HTML fragments reduced to text, dates to YYYY-MM-DD.

Shared by ``csv_reader.py`` and ``feeds.py``. A date that cannot be read unambiguously is ``None``
(unknown, never a guess): ``03/04/2024`` could be March or April, so it is not read.
"""

from __future__ import annotations

import html as html_lib
import re
from datetime import date
from email.utils import parsedate_tz
from html.parser import HTMLParser

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table",
    "section", "article", "figure", "figcaption", "pre", "hr", "dd", "dt",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "svg"}
_TAG_HINT = re.compile(r"<(?:/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|!--.*?--)>", re.DOTALL)


class _TextParser(HTMLParser):
    """Collects the text of an HTML fragment; block elements become paragraph breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` contains HTML markup (a tag or a comment), not just a stray ``<``."""
    return bool(_TAG_HINT.search(text[:20000]))


def html_fragment_text(fragment: str) -> str:
    """An HTML fragment (a feed item's content, a CSV cell) as plain text, one paragraph per block."""
    if not looks_like_html(fragment):
        return html_lib.unescape(fragment) if "&" in fragment else fragment
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = [re.sub(r"[ \t\r\n\f\v]+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def plain_title(value: str | None) -> str | None:
    """A title cell or element as one clean line (markup and entities removed), or None when empty."""
    if not value:
        return None
    text = " ".join(html_fragment_text(value).split())
    return text[:500] or None


_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_YMD_SLASH = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\b")
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}  # fmt: skip
_DAY_MONTH_YEAR = re.compile(
    r"^\s*(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})\b"
)
_MONTH_DAY_YEAR = re.compile(
    r"^\s*(?:[A-Za-z]+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"
)


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def item_date(value: str | None) -> str | None:
    """An item's publication date as YYYY-MM-DD: ISO 8601, RFC 822 (RSS ``pubDate``), ``18 December
    2024``, ``December 18, 2024``, ``2024/12/18``, or ``18/12/2024`` when the day is over 12. The date
    is the one written (its own time zone), never shifted."""
    if not value or not value.strip():
        return None
    value = value.strip()
    for pattern in (_ISO, _COMPACT, _YMD_SLASH):
        m = pattern.match(value)
        if m:
            return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _NUMERIC.match(value)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a > 12 >= b:
            return _ymd(y, b, a)  # day first
        if b > 12 >= a:
            return _ymd(y, a, b)  # month first
        return _ymd(y, a, b) if a == b else None  # 03/04/2024: ambiguous, unknown
    parsed = parsedate_tz(value)
    if parsed and parsed[0] > 1000:
        return _ymd(parsed[0], parsed[1], parsed[2])
    m = _DAY_MONTH_YEAR.match(value)
    if m and m.group(2).lower() in _MONTHS:
        return _ymd(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    m = _MONTH_DAY_YEAR.match(value)
    if m and m.group(1).lower() in _MONTHS:
        return _ymd(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    return None
