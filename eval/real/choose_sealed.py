"""Choose the sealed split once: a seeded random sample of the gold files present, stratified by folder
and by football / other sport so that every stratum is represented in proportion.

    python eval/real/choose_sealed.py --size 40     # writes eval/real/SEALED.txt (refuses to overwrite)

The sealed split is chosen once and never extended or re-drawn (README.md, "Sealed split").
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = "touchline-13-sealed"


def strata() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in sorted(HERE.glob("*/*.gold.json")):
        name = f"{path.parent.name}/{path.name.removesuffix('.gold.json')}"
        sport = json.loads(path.read_text(encoding="utf-8")).get("sport", "football")
        out.setdefault(f"{path.parent.name}:{'football' if sport == 'football' else 'other'}", []).append(
            name
        )
    return out


def choose(size: int) -> list[str]:
    groups = strata()
    total = sum(len(v) for v in groups.values())
    rng = random.Random(SEED)
    quotas = {k: round(len(v) * size / total) for k, v in groups.items()}
    # fix rounding so the quotas add up to size: adjust the largest strata first
    for k in sorted(groups, key=lambda k: -len(groups[k])):
        diff = size - sum(quotas.values())
        if not diff:
            break
        quotas[k] += 1 if diff > 0 else -1
    chosen: list[str] = []
    for k in sorted(groups):
        chosen += rng.sample(groups[k], max(1, quotas[k]))
    return sorted(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=40)
    args = parser.parse_args()
    target = HERE / "SEALED.txt"
    if target.exists():
        raise SystemExit(f"{target} exists: the sealed split is chosen once and never re-drawn")
    names = choose(args.size)
    header = (
        f"# Sealed split: {len(names)} gold files chosen once by eval/real/choose_sealed.py (seed {SEED!r}),\n"
        "# stratified by folder and football/other sport. Scored only before and after a change\n"
        "# (touchline eval --sets sealed); never run with --verbose, never pinned in floors.json.\n"
    )
    target.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"wrote {target}: {len(names)} names")


if __name__ == "__main__":
    main()
