"""Benchmark corpus: the project's own articles (sample corpus, eval set, seeds when present), cycled.

Each copy gets a distinct closing sentence so no two texts are identical.
"""

from __future__ import annotations

from pathlib import Path

from touchline.ingest.readers import make_article
from touchline.models import Article

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "src" / "touchline" / "sample",
    ROOT / "eval" / "articles",
    ROOT.parent / "shared" / "spec" / "seeds",
]


def base_articles() -> list[Article]:
    out: list[Article] = []
    for folder in SOURCES:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
            out.append(make_article(text, str(path)))
    if not out:
        raise SystemExit("no benchmark articles found (sample corpus, eval/articles or ../shared/spec/seeds)")
    return out


def corpus(n: int) -> list[Article]:
    base = base_articles()
    arts = []
    for i in range(n):
        a = base[i % len(base)]
        body = f"{a.body}\n\nReport number {i} in this benchmark run."
        arts.append(Article(f"{a.id[:48]}{i:016d}", a.source, a.published, body))
    return arts


def words(arts: list[Article]) -> int:
    return sum(len(a.body.split()) for a in arts)
