"""Save or compare the extractor's output on the real article sets, to prove a speed change kept it.

Extracts every eval article, the sample corpus, the seeds and a fixed selection of the shared corpus
(``--corpus N`` files per corpus folder, evenly spaced) and writes one JSON object per article, keyed
by its path relative to the set, with the ``source`` path left out. ``--compare`` reports every article
whose output differs from a saved snapshot (and which categories differ):

    python benchmarks/extract_snapshot.py --save /tmp/before.jsonl
    python benchmarks/extract_snapshot.py --compare /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from touchline.ingest import iter_articles
from touchline.models import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = [
    ROOT / "eval" / "articles",
    ROOT / "src" / "touchline" / "sample",
    SHARED / "spec" / "seeds",
]


def inputs(per_corpus: int) -> list[tuple[str, Path]]:
    out: list[tuple[str, Path]] = []
    for folder in SETS:
        if folder.is_dir():
            out += [(f"{folder.name}/{p.name}", p) for p in sorted(folder.glob("*.txt"))]
    corpus = SHARED / "corpus"
    if corpus.is_dir() and per_corpus > 0:
        for sub in sorted(p for p in corpus.iterdir() if p.is_dir()):
            files = sorted(p for p in sub.rglob("*") if p.is_file())
            step = max(1, len(files) // per_corpus)
            out += [(f"corpus/{sub.name}/{p.relative_to(sub)}", p) for p in files[::step][:per_corpus]]
    return out


def extract_all(per_corpus: int) -> tuple[dict[str, Any], float]:
    from touchline.nlp.budget import Budget
    from touchline.nlp.pipeline import Extractor

    ex = Extractor(budget=Budget())  # no budget: every article is extracted however long it takes
    out: dict[str, Any] = {}
    spent = 0.0
    slowest = (0.0, "")
    for key, path in inputs(per_corpus):
        for item in iter_articles([path]):
            if not isinstance(item, Article):
                out[key] = {"error": str(item).replace(str(path), "")}
                continue
            t0 = time.perf_counter()
            facts = ex.extract(item).to_dict()
            took = time.perf_counter() - t0
            spent += took
            slowest = max(slowest, (took, key))
            facts["article"].pop("source", None)
            out[key] = facts
    print(f"slowest: {slowest[1]} {slowest[0]:.2f} s")
    return out, spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path)
    g.add_argument("--compare", type=Path)
    ap.add_argument("--corpus", type=int, default=70, help="files per shared corpus folder (default 70)")
    args = ap.parse_args()
    got, spent = extract_all(args.corpus)
    print(f"{len(got)} articles extracted in {spent:.1f} s (extraction only)")
    if args.save:
        with args.save.open("w", encoding="utf-8") as fh:
            for key in sorted(got):
                fh.write(
                    json.dumps({"key": key, "facts": got[key]}, ensure_ascii=False, sort_keys=True) + "\n"
                )
        return
    before = {}
    for line in args.compare.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        before[row["key"]] = row["facts"]
    diffs = 0
    for key in sorted(set(before) | set(got)):
        a, b = before.get(key), got.get(key)
        if json.dumps(a, sort_keys=True) != json.dumps(b, sort_keys=True):
            diffs += 1
            cats = (
                sorted(k for k in set(a or {}) | set(b or {}) if (a or {}).get(k) != (b or {}).get(k))
                if isinstance(a, dict) and isinstance(b, dict)
                else ["missing"]
            )
            print(f"DIFF {key}: {', '.join(cats)}")
    print(f"{diffs} of {len(got)} articles differ")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
