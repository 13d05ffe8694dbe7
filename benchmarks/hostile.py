"""Extraction time of pathological article bodies at two sizes, and the growth exponent between them.

For each pattern of ``touchline.testing.hostile_text`` the body is made at ``--small`` and ``--large``
characters (20 KB and 80 KB by default) and extracted in a fresh subprocess (the spaCy model loaded
and warmed up first, not timed; fast cases take the best of three runs). The exponent is
``log(t_large / t_small) / log(large / small)``: 1.0 is linear, 2.0 quadratic. A run over
``--timeout`` seconds is killed and shown as ``>timeout`` (the exponent is then a lower bound).
The per-article budget is switched off for the measurement. Peak RSS is the child's.

    python benchmarks/hostile.py [--small 20000] [--large 80000] [--timeout 120] [--only names,scorelines]

Exit status 1 when any exponent is over ``--max-exponent`` (1.2).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import time

MIN_SECONDS = 0.05  # below this the exponent is timer noise: both sizes are "instant"


def child(pattern: str, size: int) -> None:
    from touchline.ingest.readers import make_article
    from touchline.nlp.pipeline import Extractor
    from touchline.testing.hostile_text import hostile_text

    ex = Extractor()
    ex.extract(make_article("Arsenal beat Chelsea 2-1. \u201cGood,\u201d said Tom Hollis.", "warmup"))
    art = make_article(hostile_text(pattern, size), f"hostile:{pattern}")
    best = math.inf
    for _ in range(3):
        t0 = time.perf_counter()
        ex.extract(art)
        best = min(best, time.perf_counter() - t0)
        if best > 1.0:
            break
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": best, "rss_mb": rss, "chars": len(art.body)}))


def measure(pattern: str, size: int, timeout: float) -> dict[str, float] | None:
    env = dict(os.environ, TOUCHLINE_EXTRACT_SECONDS="0", TOUCHLINE_EXTRACT_MAX_CHARS="0")
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", pattern, str(size)],
            capture_output=True,
            text=True,
            timeout=timeout + 30,  # the model load is not part of the budget
            env=env,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"{pattern} at {size}: {exc.stderr.strip().splitlines()[-1:]}") from exc
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from touchline.testing.hostile_text import PATTERNS

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=20_000)
    ap.add_argument("--large", type=int, default=80_000)
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--max-exponent", type=float, default=1.2)
    ap.add_argument("--only", default="", help="comma-separated pattern names")
    ap.add_argument("--child", nargs=2, metavar=("PATTERN", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    names = [n for n in args.only.split(",") if n] or list(PATTERNS)
    print(
        f"{'pattern':<26} {'t@' + str(args.small):>10} {'t@' + str(args.large):>10} {'exponent':>9} {'rss MB':>7}"
    )
    bad = []
    for name in names:
        small = measure(name, args.small, args.timeout)
        large = measure(name, args.large, args.timeout) if small is not None else None
        ts = f"{small['seconds']:.3f}" if small else f">{args.timeout:.0f}"
        tl = f"{large['seconds']:.3f}" if large else f">{args.timeout:.0f}"
        rss = max((r["rss_mb"] for r in (small, large) if r), default=float("nan"))
        if small and large:
            a, b = max(small["seconds"], MIN_SECONDS), max(large["seconds"], MIN_SECONDS)
            exp = math.log(b / a) / math.log(args.large / args.small)
            shown = f"{exp:.2f}"
        elif small:
            exp = math.log(args.timeout / max(small["seconds"], MIN_SECONDS)) / math.log(
                args.large / args.small
            )
            shown = f">{exp:.2f}"
        else:
            exp, shown = math.inf, "?"
        if exp > args.max_exponent:
            bad.append(name)
        print(f"{name:<26} {ts:>10} {tl:>10} {shown:>9} {rss:>7.0f}", flush=True)
    if bad:
        print(f"over {args.max_exponent}: {', '.join(bad)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
