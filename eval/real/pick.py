"""Print the order in which real corpus articles are picked for annotation (fixed seed, reproducible).

    python eval/real/pick.py [--corpus ../shared/corpus] [--n 30]

Each folder is shuffled with random.Random(SEED); the three queues are interleaved in the ratio of the
target mix (BBC 2004-05 : PA 2012-14 : web 2023 = 2 : 1 : 1, BBC carrying most of the other sports), so
the annotated files stay a random sample of each folder whatever the count reached. The next annotator
continues from the first file of the printed order that has no gold file yet (see README.md).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SEED = 13
RATIO = (("bbc-sport-2004", 2), ("pa-premier-league-2012", 1), ("web-2023", 1))
HERE = Path(__file__).resolve().parent


def order(corpus: Path) -> list[str]:
    queues = {}
    for folder, _ in RATIO:
        names = sorted(p.stem for p in (corpus / folder).glob("*.txt"))
        random.Random(f"{SEED}:{folder}").shuffle(names)
        queues[folder] = names
    out: list[str] = []
    while any(queues.values()):
        for folder, weight in RATIO:
            for _ in range(weight):
                if queues[folder]:
                    out.append(f"{folder}/{queues[folder].pop(0)}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE.parents[2] / "shared" / "corpus")
    parser.add_argument("--n", type=int, default=30, help="how many of the next unannotated names to print")
    args = parser.parse_args()
    todo = [n for n in order(args.corpus) if not (HERE / f"{n}.gold.json").is_file()]
    print("\n".join(todo[: args.n]))


if __name__ == "__main__":
    main()
