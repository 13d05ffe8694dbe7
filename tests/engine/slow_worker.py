"""Helpers for the shutdown tests: a slow extractor for worker processes, and a driver that runs the
real ``touchline ingest`` command with it (``python slow_worker.py DB FOLDER WORKERS``)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator

from touchline.models import Article, ArticleFacts


class Slow:
    """Extractor double: half a second per article, no facts."""

    def extract(self, article: Article) -> ArticleFacts:
        time.sleep(0.5)
        return ArticleFacts(article)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleFacts]:
        for a in list(articles):
            yield self.extract(a)


def slow() -> Slow:
    return Slow()


def main(argv: list[str]) -> int:
    from touchline.cli import ingest_cmd
    from touchline.cli.main import main as cli
    from touchline.engine.local import LocalEngine

    db, folder, workers = argv
    ingest_cmd.make_engine = lambda name, n: LocalEngine(int(workers), factory=slow)  # type: ignore[assignment]
    return cli(["ingest", folder, "--db", db, "--workers", workers, "--batch-size", "2"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
