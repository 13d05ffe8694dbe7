"""Team-sheet coverage on the real corpus: of the reports that print a football team sheet, for how many
does ``touchline extract`` return a match with line-ups for both sides?

A report "prints a team sheet" when one of its paragraphs is a line-up: 10 to 12 comma-separated
player items at bracket depth 0 (a football XI; brackets only for substitutions, "Smith (Jones 65)"),
optionally followed by "Subs ...", and there are two of them (one XI alone is a preview's probable
team; rugby's 15, squad lists "Name (Club)" and player ratings "De Gea 7" do not count), or one with a
paragraph that starts with "Subs".
The sealed split (eval/real/SEALED.txt) is never read. Prints a table and the misses:

    python benchmarks/teamsheet_coverage.py [--folders bbc-sport-2004,pa-premier-league-2012] [--misses]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
SEALED = REPO / "eval" / "real" / "SEALED.txt"

_ITEM = re.compile(r"^[A-Z][\w'’.\-]*(?: [A-Za-z][\w'’.\-]*){0,4}(?: \([^()]*\d[^()]*\))?\.?$")
_SUBS = re.compile(r"^\s*Subs\b", re.I)


def sealed() -> frozenset[str]:
    if not SEALED.is_file():
        return frozenset()
    rows = (ln.split("#", 1)[0].strip() for ln in SEALED.read_text(encoding="utf-8").splitlines())
    return frozenset(r for r in rows if r)


def _depth0_items(text: str) -> list[str]:
    items, depth, cur = [], 0, []
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            items.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    items.append("".join(cur).strip())
    return items


def is_lineup_paragraph(par: str) -> bool:
    """10-12 player items before any "Subs" part: a football XI."""
    head = re.split(r"\.?\s*Subs\b", par, maxsplit=1, flags=re.I)[0].strip()
    if ":" in head:  # "Chelsea: Cech, ..." labelled sheets
        label, head = head.split(":", 1)
        if re.search(r"\d", label):  # "Sunderland 0-1 Liverpool (February 11): ...": one side's XI per match
            return False
        head = head.strip()
    items = [i for i in _depth0_items(head) if i]
    return 10 <= len(items) <= 12 and all(_ITEM.match(i) for i in items)


def prints_sheet(body: str) -> bool:
    pars = [p.strip() for p in body.splitlines() if p.strip()]
    lineups = sum(is_lineup_paragraph(p) for p in pars)
    return lineups >= 2 or (lineups == 1 and any(_SUBS.match(p) for p in pars))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folders", default="bbc-sport-2004,pa-premier-league-2012")
    ap.add_argument("--misses", action="store_true", help="list the reports without both line-ups")
    a = ap.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"skipped: {CORPUS} not found (the real articles live in ../shared/corpus)")
    from touchline.ingest import iter_articles
    from touchline.models import Article
    from touchline.nlp.pipeline import default_extractor

    skip = sealed()
    extractor = default_extractor()
    rows: list[tuple[str, int, int]] = []
    misses: list[str] = []
    for folder in a.folders.split(","):
        paths = [p for p in sorted((CORPUS / folder).glob("*.txt")) if f"{folder}/{p.stem}" not in skip]
        articles = [a for a in iter_articles(paths) if isinstance(a, Article) and prints_sheet(a.body)]
        found = len(articles)
        covered = 0
        for article, facts in zip(articles, extractor.extract_many(articles), strict=True):
            name = f"{folder}/{Path(article.source).stem}"
            both = any(m.lineups and m.lineups.get("home") and m.lineups.get("away") for m in facts.matches)
            covered += both
            if not both:
                misses.append(name)
        rows.append((folder, found, covered))
    print(f"{'folder':<26} {'with sheet':>10} {'both line-ups':>14} {'share':>7}")
    for folder, found, covered in rows:
        share = covered / found if found else 0.0
        print(f"{folder:<26} {found:>10} {covered:>14} {share:>7.1%}")
    total, got = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"{'total':<26} {total:>10} {got:>14} {(got / total if total else 0):>7.1%}")
    if a.misses and misses:
        print("misses: " + " ".join(misses))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
