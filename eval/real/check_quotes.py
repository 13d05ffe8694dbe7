"""List quoted segments of real articles that no gold quote entry covers (a completeness check of the gold).

    python eval/real/check_quotes.py [eval/real/FOLDER/NNN.gold.json ...]

Reads each article from ../shared/corpus, finds every opening quote mark (a curly opening quote, or a
straight one after a space or at a paragraph start) and prints the segments longer than 12 characters whose
first words match no gold `starts`. Narration after a lost closing mark shows up too, so read each line
against the text before adding a quote. Articles about other sports (empty gold) are skipped.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from touchline.eval.names import text_norm
from touchline.ingest import iter_articles
from touchline.models import Article

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "shared" / "corpus"


def segments(paragraph: str) -> list[str]:
    out = []
    for i, ch in enumerate(paragraph):
        prev = paragraph[i - 1] if i else " "
        nxt = paragraph[i + 1] if i + 1 < len(paragraph) else " "
        if ch == "“" or (ch == '"' and prev in " (\t" and nxt not in " ,.;:"):
            seg = paragraph[i + 1 :].lstrip("'")
            ends = [x for x in (seg.find("”"), seg.find('"'), seg.find("''")) if x >= 0]
            out.append(seg[: min(ends, default=len(seg))])
    return out


def uncovered(gold_path: Path) -> list[str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if gold.get("sport", "football") != "football":
        return []
    items = list(
        iter_articles([CORPUS / gold_path.parent.name / (gold_path.name.removesuffix(".gold.json") + ".txt")])
    )
    if not items or not isinstance(items[0], Article):
        return [f"article not readable: {items}"]
    starts = [text_norm(q["starts"]) for q in gold["quotes"]]
    missing = []
    for paragraph in items[0].body.split("\n"):
        for seg in segments(paragraph):
            head = text_norm(seg)[:25]
            if len(text_norm(seg)) > 12 and not any(
                head.startswith(s[:25]) or s.startswith(head[: len(s)]) for s in starts
            ):
                missing.append(seg[:70])
    return missing


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted(HERE.glob("*/*.gold.json"))
    for path in paths:
        missing = uncovered(path)
        if missing:
            print(f"{path}: {len(missing)}")
            print("\n".join(f"    {m}" for m in missing))


if __name__ == "__main__":
    main()
