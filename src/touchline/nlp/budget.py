"""The per-article extraction budget: a size limit checked before any work, and a deadline the
extractor checks between components, between model pieces and inside the long loops.

An article over budget is not an error: the extractor returns its facts empty with
``ArticleFacts.status`` set to ``too complex, not extracted (...)``; the loader stores the article
row with that status (``articles.extraction``) and prints one line, so the run goes on and the article
can be re-extracted later (see README, "Extraction budget"). Defaults live in ``touchline.config``:
``TOUCHLINE_EXTRACT_SECONDS`` (10 CPU seconds) and ``TOUCHLINE_EXTRACT_MAX_CHARS`` (200000), 0 meaning no limit;
``touchline ingest --extract-seconds/--extract-max-chars`` override them for one run.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from touchline.config import settings

TOO_COMPLEX = "too complex, not extracted"


class TooComplex(Exception):
    """Raised inside extraction when the article's budget is spent; never escapes the extractor."""


@dataclass(frozen=True)
class Budget:
    seconds: float = 0.0  # 0: no time limit
    max_chars: int = 0  # 0: no size limit

    @classmethod
    def from_settings(cls) -> Budget:
        s = settings()
        return cls(max(0.0, s.extract_seconds), max(0, s.extract_max_chars))

    def size_problem(self, body: str) -> str | None:
        if self.max_chars and len(body) > self.max_chars:
            return f"{TOO_COMPLEX} ({len(body):,} characters, limit {self.max_chars:,})"
        return None

    def deadline(self) -> float | None:
        return time.thread_time() + self.seconds if self.seconds else None

    def time_problem(self) -> str:
        return f"{TOO_COMPLEX} (extraction took over {self.seconds:g} CPU seconds)"


def check(deadline: float | None) -> None:
    """Raise TooComplex when ``deadline`` (a ``time.thread_time()`` value) has passed. The clock is the
    CPU time of the extracting thread, so a busy machine (or a thread waiting for a lock) does not
    push an ordinary article over its budget; only the work the article itself costs counts."""
    if deadline is not None and time.thread_time() > deadline:
        raise TooComplex
