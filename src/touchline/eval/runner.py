"""Run the extractor over the eval sets and score each against its gold files.

Sets (each a folder of articles and a folder of NAME.gold.json, matched by file name):

- ``articles``: eval/articles (NAME.txt beside NAME.gold.json), the project's own test articles;
- ``sample``: the demo corpus shipped in touchline/sample, gold in eval/sample;
- ``seeds``: ../shared/spec/seeds, when that folder exists;
- ``real``: gold for real articles in eval/real/FOLDER/NNN.gold.json, the articles read from
  ../shared/corpus/FOLDER/NNN.txt (skipped when that folder is absent), without the sealed split;
- ``sealed``: only the gold files listed in eval/real/SEALED.txt; never run unless asked for by name.

``project`` sums ``articles`` and ``sample`` (always available); ``overall`` sums the sets run except
``real`` and ``sealed`` (so its floors keep meaning "our own writing").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from touchline.config import SAMPLE_DIR
from touchline.eval.scorer import CATEGORIES, Tally, new_tallies, score_article

REPO_ROOT = Path(__file__).resolve().parents[3]
EVAL_DIR = REPO_ROOT / "eval"
FLOORS_FILE = EVAL_DIR / "floors.json"
SEEDS_DIR = REPO_ROOT.parent / "shared" / "spec" / "seeds"
CORPUS_DIR = REPO_ROOT.parent / "shared" / "corpus"
REAL_DIR = EVAL_DIR / "real"
SEALED_LIST = "SEALED.txt"
REAL_SETS = ("real", "sealed")
GOLD_SUFFIX = ".gold.json"
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True)
class EvalSet:
    """Articles and gold matched by name. ``nested`` sets name files FOLDER/NNN (gold in sub-folders);
    ``only`` keeps just those names, ``exclude`` drops those names."""

    name: str
    articles: Path
    gold: Path
    nested: bool = False
    only: frozenset[str] | None = None
    exclude: frozenset[str] = frozenset()

    def gold_files(self) -> dict[str, Path]:
        if not self.gold.is_dir():
            return {}
        pattern = "*/*" + GOLD_SUFFIX if self.nested else "*" + GOLD_SUFFIX
        out: dict[str, Path] = {}
        for p in sorted(self.gold.glob(pattern)):
            stem = p.name[: -len(GOLD_SUFFIX)]
            key = f"{p.parent.name}/{stem}" if self.nested else stem
            if key in self.exclude or (self.only is not None and key not in self.only):
                continue
            out[key] = p
        return out

    def article_files(self) -> dict[str, Path]:
        """Article file per gold name (only those with gold)."""
        out: dict[str, Path] = {}
        for stem in self.gold_files():
            for suffix in ARTICLE_SUFFIXES:
                candidate = self.articles / (stem + suffix)
                if candidate.is_file():
                    out[stem] = candidate
                    break
        return out


@dataclass
class SetResult:
    name: str
    tallies: dict[str, Tally] = field(default_factory=new_tallies)
    articles: int = 0
    errors: list[str] = field(default_factory=list)

    def f1s(self) -> dict[str, float]:
        """F1 per category that had anything to judge."""
        return {k: t.prf()[2] for k, t in self.tallies.items() if t.total}

    def mean_f1(self) -> float:
        values = list(self.f1s().values())
        return sum(values) / len(values) if values else 0.0

    def to_dict(self) -> dict[str, Any]:
        cats: dict[str, Any] = {}
        for k, t in self.tallies.items():
            if not t.total:
                continue
            p, r, f = t.prf()
            cats[k] = {
                "p": round(p, 4),
                "r": round(r, 4),
                "f1": round(f, 4),
                "tp": t.tp,
                "fp": t.fp,
                "fn": t.fn,
                "misses": t.misses,
            }
        return {
            "set": self.name,
            "articles": self.articles,
            "errors": self.errors,
            "mean_f1": round(self.mean_f1(), 4),
            "categories": cats,
        }


def read_sealed(real_dir: Path) -> frozenset[str]:
    """Names (FOLDER/NNN) listed in real_dir/SEALED.txt; blank lines and # comments ignored."""
    path = real_dir / SEALED_LIST
    if not path.is_file():
        return frozenset()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line.removesuffix(GOLD_SUFFIX) for line in lines if line)


def default_sets(
    eval_dir: Path = EVAL_DIR,
    seeds_dir: Path = SEEDS_DIR,
    corpus_dir: Path = CORPUS_DIR,
    include_sealed: bool = False,
) -> list[EvalSet]:
    """The sets present on this clone; ``sealed`` only when ``include_sealed``."""
    sets = [
        EvalSet("articles", eval_dir / "articles", eval_dir / "articles"),
        EvalSet("sample", SAMPLE_DIR, eval_dir / "sample"),
    ]
    if seeds_dir.is_dir():
        sets.append(EvalSet("seeds", seeds_dir, seeds_dir))
    real_dir = eval_dir / "real"
    if corpus_dir.is_dir() and real_dir.is_dir():
        sealed = read_sealed(real_dir)
        sets.append(EvalSet("real", corpus_dir, real_dir, nested=True, exclude=sealed))
        if include_sealed:
            sets.append(EvalSet("sealed", corpus_dir, real_dir, nested=True, only=sealed))
    return sets


def unavailable_sets(
    wanted: Iterable[str],
    eval_dir: Path = EVAL_DIR,
    seeds_dir: Path = SEEDS_DIR,
    corpus_dir: Path = CORPUS_DIR,
) -> list[str]:
    """One line per requested set that cannot run here, with the reason."""
    lines: list[str] = []
    for name in wanted:
        if name == "seeds" and not seeds_dir.is_dir():
            lines.append(f"seeds: skipped: {seeds_dir} not found")
        elif name in REAL_SETS and not corpus_dir.is_dir():
            lines.append(
                f"{name}: skipped: {corpus_dir} not found (the real articles live in ../shared/corpus)"
            )
        elif name in REAL_SETS and not (eval_dir / "real").is_dir():
            lines.append(f"{name}: skipped: {eval_dir / 'real'} not found")
        elif name not in ("articles", "sample", "seeds", *REAL_SETS):
            lines.append(f"{name}: unknown set (articles, sample, seeds, real, sealed)")
    return lines


def load_gold(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: gold is not a JSON object")
    return data


def extract_outputs(
    paths: Sequence[Path] | dict[str, Path], errors: list[str] | None = None
) -> dict[str, dict[str, Any]]:
    """Contract dicts keyed by file stem (or by the given key, when ``paths`` maps keys to files).

    Batched with ``extract_many``; when a batch raises, its articles are retried one by one and an
    article whose extraction crashes gets no output (scored as missed) and a line in ``errors``.
    """
    from touchline.ingest import iter_articles
    from touchline.models import Article
    from touchline.nlp.pipeline import default_extractor

    keyed = paths if isinstance(paths, dict) else {p.stem: p for p in paths}
    key_of = {str(p): k for k, p in keyed.items()} | {str(p.resolve()): k for k, p in keyed.items()}
    extractor = default_extractor()
    articles = []
    for item in iter_articles(list(keyed.values())):
        if isinstance(item, Article):
            articles.append(item)
        elif errors is not None:
            errors.append(f"read error: {item}")
    out: dict[str, dict[str, Any]] = {}
    try:
        facts_list = list(extractor.extract_many(articles))
    except Exception:  # a component under development crashed: isolate the article
        facts_list = []
        for art in articles:
            try:
                facts_list.append(extractor.extract(art))
            except Exception as exc:
                if errors is not None:
                    errors.append(f"{Path(art.source).name}: extractor crashed: {type(exc).__name__}: {exc}")
    for facts in facts_list:
        d = facts.to_dict()
        source = str(d["article"]["source"])
        out[key_of.get(source, key_of.get(str(Path(source).resolve()), Path(source).stem))] = d
    return out


def score_set(eval_set: EvalSet, outputs: dict[str, dict[str, Any]] | None = None) -> SetResult:
    """Score one set; ``outputs`` (stem → contract dict) is extracted when not given."""
    gold = eval_set.gold_files()
    result = SetResult(eval_set.name, articles=len(gold))
    if outputs is None:
        outputs = extract_outputs(eval_set.article_files(), result.errors)
    for stem, path in gold.items():
        score_article(stem, load_gold(path), outputs.get(stem), result.tallies)
    return result


def combine(name: str, parts: Iterable[SetResult]) -> SetResult:
    total = SetResult(name)
    for part in parts:
        total.articles += part.articles
        total.errors.extend(part.errors)
        for k, t in part.tallies.items():
            total.tallies[k].add(t)
    return total


def run(sets: Sequence[EvalSet] | None = None, only_sets: Iterable[str] | None = None) -> list[SetResult]:
    """Score each set, then ``project`` (articles + sample) and ``overall`` (all sets run)."""
    chosen = [
        s for s in (sets if sets is not None else default_sets()) if not only_sets or s.name in set(only_sets)
    ]
    results = [score_set(s) for s in chosen]
    own = [r for r in results if r.name in ("articles", "sample")]
    if len(own) > 1:
        results.append(combine("project", own))
    summed = [r for r in results if r.name in {s.name for s in chosen} and r.name not in REAL_SETS]
    if len(summed) > 1:
        results.append(combine("overall", summed))
    return results


def load_floors(path: Path = FLOORS_FILE) -> dict[str, dict[str, float]]:
    """Floors: {set name: {category: minimum F1}}."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: {c: float(v) for c, v in cats.items()} for k, cats in data.items() if not k.startswith("_")}


def floor_failures(results: Sequence[SetResult], floors: dict[str, dict[str, float]]) -> list[str]:
    """One line per category whose F1 fell under its floor (categories with nothing judged pass)."""
    failures: list[str] = []
    by_name = {r.name: r for r in results}
    for set_name, cats in floors.items():
        result = by_name.get(set_name)
        if result is None:
            continue
        f1s = result.f1s()
        for cat, floor in cats.items():
            if cat in f1s and f1s[cat] < floor:
                failures.append(f"{set_name}/{cat}: f1 {f1s[cat]:.3f} < floor {floor:.3f}")
    return failures


def format_table(
    result: SetResult, only: Iterable[str] | None = None, verbose: bool = False, max_misses: int = 40
) -> str:
    keep = set(only) if only else None
    lines = [f"== {result.name} ({result.articles} articles)"]
    lines.extend(f"!! {e}" for e in result.errors[:max_misses])
    f1s = []
    for k in CATEGORIES:
        t = result.tallies[k]
        if (keep and k not in keep) or not t.total:
            continue
        p, r, f = t.prf()
        f1s.append(f)
        lines.append(f"{k:14s} p={p:.3f} r={r:.3f} f1={f:.3f} (tp={t.tp} fp={t.fp} fn={t.fn})")
        if verbose:
            lines.extend(f"   - {m}" for m in t.misses[:max_misses])
            if len(t.misses) > max_misses:
                lines.append(f"   … {len(t.misses) - max_misses} more")
    mean = sum(f1s) / len(f1s) if f1s else 0.0
    lines.append(f"{'mean-f1':14s} {mean:.3f}  worst-f1 {min(f1s, default=0.0):.3f}")
    return "\n".join(lines)


# ---- command line (python -m touchline.eval, touchline eval) ----------------------------------


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--verbose", "-v", action="store_true", help="list the misses under each category, e.g. -v"
    )
    p.add_argument(
        "--only",
        default="",
        help=f"comma-separated categories to show ({', '.join(CATEGORIES)}), e.g. --only goals,quotes",
    )
    p.add_argument(
        "--sets",
        default="",
        help="comma-separated sets to run: articles, sample, seeds, real, sealed "
        "(default: all present except sealed, the hold-out split scored only when named), e.g. --sets real",
    )
    p.add_argument("--json", action="store_true", help="print the results as one JSON object, e.g. --json")
    p.add_argument(
        "--eval-dir",
        type=Path,
        default=EVAL_DIR,
        help="folder with articles/ and sample/ gold (default: %(default)s), e.g. --eval-dir eval",
    )
    p.add_argument(
        "--seeds-dir",
        type=Path,
        default=SEEDS_DIR,
        help="seed articles and gold (skipped when absent), e.g. --seeds-dir ../shared/spec/seeds",
    )
    p.add_argument(
        "--corpus-dir",
        type=Path,
        default=CORPUS_DIR,
        help="real articles for eval/real gold (set real skipped when absent; default: %(default)s), "
        "e.g. --corpus-dir ../shared/corpus",
    )
    p.add_argument(
        "--check-floors",
        nargs="?",
        const=FLOORS_FILE,
        type=Path,
        metavar="FLOORS.json",
        help="exit 1 when a category falls under its floor (default file: %(const)s), e.g. --check-floors",
    )


def run_cli(args: argparse.Namespace) -> int:
    only = [c.strip() for c in args.only.split(",") if c.strip()]
    unknown = [c for c in only if c not in CATEGORIES]
    if unknown:
        print(f"touchline eval: unknown categories {', '.join(unknown)}", file=sys.stderr)
        return 2
    only_sets = [s.strip() for s in args.sets.split(",") if s.strip()] or None
    wanted = only_sets or ["seeds", "real"]
    for line in unavailable_sets(wanted, args.eval_dir, args.seeds_dir, args.corpus_dir):
        if only_sets or "skipped" in line:
            print(f"touchline eval: {line}", file=sys.stderr)
    sets = default_sets(
        args.eval_dir, args.seeds_dir, args.corpus_dir, include_sealed="sealed" in (only_sets or [])
    )
    results = run(sets, only_sets)
    failures = floor_failures(results, load_floors(args.check_floors)) if args.check_floors else []
    if args.json:
        sets_out: list[dict[str, Any]] = [r.to_dict() for r in results]
        for s in sets_out:
            if only:
                s["categories"] = {k: v for k, v in s["categories"].items() if k in only}
            if not args.verbose:
                for c in s["categories"].values():
                    c.pop("misses")
        payload = {"sets": sets_out, "floor_failures": failures}
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        print("\n\n".join(format_table(r, only, args.verbose) for r in results))
        for line in failures:
            print(f"FLOOR {line}")
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m touchline.eval", description="Score the extractor against the gold files."
    )
    add_arguments(parser)
    return run_cli(parser.parse_args(argv))
