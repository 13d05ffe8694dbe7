"""HTML page → (article text, title, publication date), via trafilatura with a plain fallback."""

from __future__ import annotations

import html as html_lib
import re


def html_to_text(page: str) -> tuple[str, str | None, str | None]:
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception:  # trafilatura can fail on odd markup; fall back to the plain reduction below
        doc = None
    if doc is not None:
        data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        text = data.get("text") or ""
        date = data.get("date")
        if text.strip():
            # trafilatura separates paragraphs by single newlines; the body uses blank lines
            text = re.sub(r"\n+", "\n\n", text)
            return text, data.get("title"), (date[:10] if isinstance(date, str) else None)
    return _plain_text(page), _title(page), _meta_date(page)


def _title(page: str) -> str | None:
    m = re.search(r"<title[^>]*>(.*?)</title>", page, re.IGNORECASE | re.DOTALL)
    return html_lib.unescape(m.group(1)).strip() if m else None


def _meta_date(page: str) -> str | None:
    m = re.search(
        r'(?:datePublished|article:published_time|pubdate|date)["\']?\s*(?:content=|:)\s*["\'](\d{4}-\d{2}-\d{2})',
        page,
    )
    return m.group(1) if m else None


def _plain_text(page: str) -> str:
    page = re.sub(r"(?is)<(script|style|nav|header|footer|aside)[^>]*>.*?</\1>", " ", page)
    paragraphs = re.findall(r"(?is)<p[^>]*>(.*?)</p>", page)
    if not paragraphs:
        paragraphs = [re.sub(r"(?s)<[^>]+>", " ", page)]
    cleaned = [
        re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"(?s)<[^>]+>", "", p))).strip() for p in paragraphs
    ]
    return "\n\n".join(p for p in cleaned if p)
