"""Throughput of `touchline extract` against bare `nlp.pipe` of the same spaCy model on the same texts.

Each side runs in its own subprocess so peak RSS is measured separately. Prints a table:

    python benchmarks/throughput.py [--articles 400] [--batch 32]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import corpus, words


def run_mode(mode: str, n: int, batch: int) -> dict[str, float]:
    arts = corpus(n)
    total_words = words(arts)
    if mode == "bare":
        import spacy

        from touchline.config import settings

        nlp = spacy.load(settings().spacy_model)
        t0 = time.perf_counter()
        for _ in nlp.pipe((a.body for a in arts), batch_size=batch):
            pass
    else:
        from touchline.nlp.pipeline import Extractor

        ex = Extractor()
        t0 = time.perf_counter()
        for _ in ex.extract_many(arts, batch_size=batch):
            pass
    elapsed = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": n, "words": total_words, "seconds": elapsed, "rss_mb": rss_mb}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--mode", choices=["bare", "touchline"], help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.mode:
        print(json.dumps(run_mode(a.mode, a.articles, a.batch)))
        return
    rows = {}
    for mode in ("bare", "touchline"):
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--mode",
                mode,
                "--articles",
                str(a.articles),
                "--batch",
                str(a.batch),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        rows[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    print(
        f"{'pipeline':<22}{'articles':>9}{'words':>10}{'seconds':>9}{'words/s':>10}{'articles/s':>11}{'peak RSS MB':>13}"
    )
    for mode, label in (("bare", "bare spaCy nlp.pipe"), ("touchline", "touchline extract")):
        r = rows[mode]
        print(
            f"{label:<22}{r['articles']:>9}{r['words']:>10}{r['seconds']:>9.2f}{r['words'] / r['seconds']:>10.0f}"
            f"{r['articles'] / r['seconds']:>11.1f}{r['rss_mb']:>13.0f}"
        )
    ratio = (rows["touchline"]["words"] / rows["touchline"]["seconds"]) / (
        rows["bare"]["words"] / rows["bare"]["seconds"]
    )
    print(f"throughput ratio touchline/bare = {ratio:.2f}x")


if __name__ == "__main__":
    main()
