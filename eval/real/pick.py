"""Print the order in which real corpus articles are picked for annotation (fixed seed, reproducible).

    python eval/real/pick.py [--corpus ../shared/corpus] [--n 30]

Each folder is shuffled with random.Random(SEED); the three queues are interleaved BBC 2004-05 : PA
2012-14 : web 2023 = 4 : 1 : 1 (the first 44 files were taken 2 : 1 : 1; only the interleaving changed,
each folder is still taken as a prefix of its own queue). A BBC file about another sport is skipped
(listed in SKIPPED.txt) while other-sport gold already makes up more than 1/8 of all gold, the issue's
target mix (20 of 160). The next annotator continues from the first printed name.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SEED = 13
RATIO = (("bbc-sport-2004", 4), ("pa-premier-league-2012", 1), ("web-2023", 1))
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
    skipped = (
        {w for w in (HERE / "SKIPPED.txt").read_text(encoding="utf-8").split() if "/" in w}
        if (HERE / "SKIPPED.txt").is_file()
        else set()
    )
    todo = [n for n in order(args.corpus) if not (HERE / f"{n}.gold.json").is_file() and n not in skipped]
    print("\n".join(todo[: args.n]))


if __name__ == "__main__":
    main()
