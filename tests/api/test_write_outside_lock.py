"""``POST /api/articles`` extracts outside the write lock: while one request's (slow) extraction runs,
another request is extracted, stored and answered."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from fastapi.testclient import TestClient

from touchline.models import Article, ArticleFacts

SLOW = "Slowcoach"


class Gate:
    """Extractor double around the real one: an article naming ``SLOW`` waits until released."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.started = threading.Event()
        self.release = threading.Event()

    def extract(self, article: Article) -> ArticleFacts:
        if SLOW in article.body:
            self.started.set()
            self.release.wait(60)
        return self.inner.extract(article)  # type: ignore[attr-defined,no-any-return]

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleFacts]:
        for a in list(articles):
            yield self.extract(a)


def test_a_second_write_proceeds_while_a_slow_extraction_runs(
    writer: TestClient, auth: dict[str, str]
) -> None:
    from touchline.nlp.pipeline import default_extractor

    gate = Gate(default_extractor())
    writer.app.state.extractor = gate  # type: ignore[attr-defined]
    slow: dict[str, int] = {}

    def post_slow() -> None:
        text = f"date 2024-06-02\n\nRiverside drew 0-0 with {SLOW} Town in a long, dull afternoon."
        slow["status"] = writer.post("/api/articles", json={"text": text}, headers=auth).status_code

    before = writer.get("/healthz").json()["articles"]
    thread = threading.Thread(target=post_slow)
    thread.start()
    try:
        assert gate.started.wait(60), "the slow extraction never started"
        text = "date 2024-06-03\n\nHillcrest beat Lakeside 3-1 with two goals from Tom Baxter."
        r = writer.post("/api/articles", json={"text": text}, headers=auth)
        assert r.status_code == 201, r.text
        assert r.json()["stored"] == 1
        assert "status" not in slow and thread.is_alive()  # stored while the slow one still extracts
        assert writer.get("/healthz").json()["articles"] == before + 1
    finally:
        gate.release.set()
        thread.join(60)
    assert slow["status"] == 201
    assert writer.get("/healthz").json()["articles"] == before + 2
