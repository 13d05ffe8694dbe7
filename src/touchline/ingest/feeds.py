"""RSS (0.9x, 1.0, 2.0) and Atom feeds saved as files: one article per item or entry.

Each item gives its title, its date (RSS ``pubDate``/``dc:date``, Atom ``published`` else ``updated``),
its link as the source, and its text from the full content (``content:encoded``, Atom ``content``)
or else the summary (``description``, Atom ``summary``), with HTML reduced to text. Nothing is fetched
from the network: a feed that only links to its articles gives an error per item without text.
The file is parsed as a stream (items are dropped once read); a document that declares XML entities
is refused before parsing. Malformed XML stops the file at that point with one error naming the line;
the items before it are kept.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from touchline.config import settings
from touchline.errors import InputError
from touchline.ingest.item_fields import _BLOCK_TAGS, html_fragment_text, item_date, plain_title
from touchline.models import Article

FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
_ROOTS = {"rss": "RSS", "feed": "Atom", "RDF": "RSS 1.0"}
_FIRST_TAG = re.compile(r"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_PROLOGUE = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*", re.DOTALL)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def decode_head(head: bytes) -> str:
    """The start of a file as text, good enough to look at its first tags."""
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
        (b"\xef\xbb\xbf", "utf-8"),
    ):
        if head.startswith(bom):
            cut = head[len(bom) :]
            width = 4 if "32" in codec else 2 if "16" in codec else 1
            return cut[: len(cut) - len(cut) % width].decode(codec, "replace")
    return head.decode("latin-1")


def root_name(head: str) -> str | None:
    """The local name of the first element of an XML document (after its prologue), if any."""
    text = head.lstrip("\ufeff")
    rest = text[_PROLOGUE.match(text).end() :]  # type: ignore[union-attr]
    if not rest.startswith("<"):
        return None
    m = _FIRST_TAG.match(rest)
    return m.group(2) if m else None


def sniff_feed(head: str) -> str | None:
    """ "RSS", "RSS 1.0" or "Atom" when the file starts like a feed, else None."""
    return _ROOTS.get(root_name(head) or "")


def iter_feed(path: Path, published: str | None = None) -> Iterator[Article | InputError]:
    from touchline.ingest.readers import make_article

    try:
        with path.open("rb") as fh:
            head = fh.read(65536)
    except OSError as exc:
        yield InputError(str(path), f"cannot open: {exc.strerror}")
        return
    if b"<!ENTITY" in head or "<!ENTITY" in decode_head(head):
        yield InputError(str(path), "feed declares XML entities; refused (not expanded for safety)")
        return
    count = 0
    try:
        events = ET.iterparse(str(path), events=("start", "end"))
        root: ET.Element | None = None
        for event, elem in events:
            if root is None:
                root = elem
            if event != "end" or _local(elem.tag) not in ("item", "entry"):
                continue
            count += 1
            yield _item_article(elem, f"{path} item {count}", published, make_article)
            elem.clear()
            if root is not None:
                for child in list(root):  # drop items already read (RSS 2.0 nests them in <channel>)
                    if _local(child.tag) in ("item", "entry"):
                        root.remove(child)
                    elif _local(child.tag) == "channel":
                        for sub in [s for s in child if _local(s.tag) == "item" and not len(s)]:
                            child.remove(sub)
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else 0
        problem = f"malformed XML ({_reason(exc)})"
        yield InputError(f"{path}:{line}", problem + ("; the items before it were read" if count else ""))
        return
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror}")
        return
    if count == 0:
        yield InputError(str(path), "feed has no items")


def _reason(exc: ET.ParseError) -> str:
    return re.sub(r":\s*line \d+, column \d+$", "", str(exc))


_PLAIN_NS = {
    "",
    "http://www.w3.org/2005/Atom",
    "http://purl.org/atom/ns#",  # Atom 0.3
    "http://purl.org/rss/1.0/",
    "http://purl.org/rss/1.0/modules/content/",  # content:encoded
    "http://backend.userland.com/rss2",
}
_DC = "http://purl.org/dc/elements/1.1/"


def _children(item: ET.Element) -> dict[str, list[ET.Element]]:
    """An item's children by name: Atom/RSS names plain, Dublin Core as ``dc:NAME``, any other
    namespace (Media RSS ``media:content``, iTunes…) as ``x:NAME`` so it is never taken for the text."""
    out: dict[str, list[ET.Element]] = {}
    for child in item:
        tag = child.tag if isinstance(child.tag, str) else ""
        ns = tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
        name = _local(tag)
        key = name if ns in _PLAIN_NS else ("dc:" if ns == _DC else "x:") + name
        out.setdefault(key, []).append(child)
    return out


def _text(elem: ET.Element | None) -> str:
    """An element's content as text; escaped HTML (RSS description, Atom type="html") reduced to text."""
    if elem is None:
        return ""
    if elem.get("type") == "xhtml" or len(elem):
        return _markup_text(elem)
    raw = elem.text or ""
    if elem.get("type") == "text":
        return raw
    return html_fragment_text(raw)


def _markup_text(elem: ET.Element) -> str:
    """Inline XHTML (Atom type="xhtml") as text, one paragraph per block element."""
    parts: list[str] = []

    def walk(e: ET.Element) -> None:
        block = _local(e.tag) in _BLOCK_TAGS
        if block:
            parts.append("\n\n")
        parts.append(e.text or "")
        for c in e:
            walk(c)
            parts.append(c.tail or "")
        if block:
            parts.append("\n\n")

    walk(elem)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", "".join(parts))]
    return "\n\n".join(p for p in paragraphs if p)


def _link(kids: dict[str, list[ET.Element]]) -> str | None:
    for link in kids.get("link", []):
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":
            return href.strip()
        if link.text and link.text.strip():
            return link.text.strip()
    for guid in kids.get("guid", []) + kids.get("id", []):
        value = (guid.text or "").strip()
        if value.startswith(("http://", "https://")):
            return value
    return None


def _first(kids: dict[str, list[ET.Element]], *names: str) -> ET.Element | None:
    for name in names:
        for elem in kids.get(name, []):
            if (elem.text and elem.text.strip()) or len(elem):
                return elem
    return None


def _item_article(item: ET.Element, where: str, published: str | None, make) -> Article | InputError:  # type: ignore[no-untyped-def]
    kids = _children(item)
    text = _text(_first(kids, "encoded", "content")) or _text(_first(kids, "description", "summary"))
    if not text.strip():
        return InputError(where, "item has no text (no content or description; links are not fetched)")
    if len(text.encode("utf-8", "surrogatepass")) > settings().max_file_bytes:
        return InputError(where, "item text too large")
    date_elem = _first(kids, "pubDate", "published", "dc:date", "date", "issued", "updated", "modified")
    date = item_date(date_elem.text if date_elem is not None else None)
    title_elem = _first(kids, "title")
    title = plain_title(_text(title_elem)) if title_elem is not None else None
    try:
        return make(text, _link(kids) or where, date or published, title)
    except InputError as exc:
        return InputError(where, exc.problem)
