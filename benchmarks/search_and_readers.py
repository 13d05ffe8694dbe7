"""Search with true totals and near-duplicate grouping, and the CSV / feed readers, timed.

    python benchmarks/search_and_readers.py [--copies 3]

Articles: the real corpus in ../shared/corpus (else the project's own articles), stored without
extraction (only bodies are searched here), ``--copies`` times each (copies 2+ get one edited
sentence, so they are near-duplicates of the first). Prints one table: per query the total, the hits
folded, and the time of the first (signatures not cached) and a second search; then reader throughput
on a CSV export and an RSS feed written from the same bodies.
"""

from __future__ import annotations

import argparse
import csv
import html
import tempfile
import time
from pathlib import Path

from touchline.ingest import iter_articles
from touchline.ingest.readers import make_article
from touchline.models import Article, ArticleFacts
from touchline.query import near_dups
from touchline.query.kb import KnowledgeBase
from touchline.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
QUERIES = ("the", "penalty", "Chelsea", "own goal", '"own goal"', '"said the manager"', "zzzqqq")


def _articles(copies: int) -> list[Article]:
    files = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []
    if not files:
        files = sorted((ROOT / "eval" / "articles").glob("*.txt"))
    out: list[Article] = []
    for n in range(copies):
        for f in files:
            text = f.read_bytes().decode("utf-8", "replace")
            if n:
                text += f"\n\nThis version was republished as copy {n}."
            try:
                out.append(make_article(text, f"{f}#{n}"))
            except Exception:  # an empty file: not an article
                continue
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--copies", type=int, default=2, help="copies of each article (default 2), e.g. --copies 3"
    )
    args = parser.parse_args()
    arts = _articles(args.copies)
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(SQLiteStore(Path(tmp) / "bench.db"))
        kb.store.add_batch([ArticleFacts(a) for a in arts])
        t = time.perf_counter()
        for a in arts[:500]:
            near_dups.signature(a.body)
        sign_ms = (time.perf_counter() - t) * 1000 / min(500, len(arts))
        print(f"{len(arts)} articles stored; MinHash signature {sign_ms:.2f} ms per article\n")
        print(f"{'query':22} {'rows':>6} {'total':>6} {'folded':>7} {'cold ms':>8} {'warm ms':>8}")
        for q in QUERIES:
            rows = len(kb.store.search_all(q))
            from touchline.query import search as search_module

            search_module._SIGNATURES.clear()
            t0 = time.perf_counter()
            page = kb.search_page(q, limit=20)
            t1 = time.perf_counter()
            kb.search_page(q, limit=20, offset=20)
            t2 = time.perf_counter()
            folded = sum(len(h.also_in) for h in kb.search_page(q, limit=100_000).hits)
            print(
                f"{q:22} {rows:>6} {page.total:>6} {folded:>7} {(t1 - t0) * 1000:>8.0f} {(t2 - t1) * 1000:>8.0f}"
            )
        kb.close()
        csv_path, feed_path = Path(tmp) / "export.csv", Path(tmp) / "feed.xml"
        with csv_path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["headline", "body", "date"])
            for i, a in enumerate(arts):
                w.writerow([f"Article {i}", a.body, "2024-12-18"])
        items = "".join(
            f"<item><title>Article {i}</title><pubDate>Wed, 18 Dec 2024 10:00:00 GMT</pubDate>"
            f"<description>{html.escape('<p>' + a.body.replace(chr(10) * 2, '</p><p>') + '</p>')}</description></item>"
            for i, a in enumerate(arts)
        )
        feed_path.write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>', "utf-8"
        )
        print(f"\n{'reader':8} {'items':>6} {'MB':>6} {'items/s':>9}")
        for name, path in (("csv", csv_path), ("rss", feed_path)):
            t = time.perf_counter()
            n = sum(1 for x in iter_articles([path]) if isinstance(x, Article))
            dt = time.perf_counter() - t
            print(f"{name:8} {n:>6} {path.stat().st_size / 1e6:>6.1f} {n / dt:>9.0f}")


if __name__ == "__main__":
    main()
