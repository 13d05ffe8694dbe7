"""Re-pin eval/floors.json from a fresh run: each floor = measured F1 minus a small margin.

    python eval/set_floors.py [--margin 0.01] [--sets real]

``--sets`` re-pins only the named sets and keeps the other floors as they are (e.g. after adding gold
files to eval/real). The sealed split (``sealed``) is never pinned.

Run it only after a deliberate improvement (or an agreed, explained trade-off), and commit the new
floors together with the change. The seeds floors are pinned at 1.0 (the contract's acceptance bar).
"""

from __future__ import annotations

import argparse
import json
import math

from touchline.eval.runner import FLOORS_FILE, default_sets, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--margin", type=float, default=0.01)
    parser.add_argument("--sets", default="", help="comma-separated sets to re-pin (default: all)")
    args = parser.parse_args()
    only = {s.strip() for s in args.sets.split(",") if s.strip()}
    if "sealed" in only:
        raise SystemExit("the sealed split is never pinned")
    floors: dict[str, object] = {
        "_comment": "Per-category F1 floors per eval set, pinned by eval/set_floors.py (measured minus a margin). "
        "tests/eval/test_floors.py fails when a category drops under its floor."
    }
    if only:
        floors.update(json.loads(FLOORS_FILE.read_text(encoding="utf-8")))
    for result in run(default_sets()):
        if result.name == "overall" or result.name == "sealed" or (only and result.name not in only):
            continue
        f1s = result.f1s()
        if result.name == "seeds":
            floors[result.name] = {c: 1.0 for c in f1s}
        else:
            floors[result.name] = {
                c: max(0.0, math.floor((f - args.margin) * 1000) / 1000) for c, f in f1s.items()
            }
    FLOORS_FILE.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {FLOORS_FILE}")


if __name__ == "__main__":
    main()
