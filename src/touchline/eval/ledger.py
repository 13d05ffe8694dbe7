"""Ledger agreement: how far the results extracted from real articles agree with the official results.

``touchline ledger-eval CORPUS... --results FOOTBALL.TXT...`` imports the reference results and
ingests the corpus folders into a store (a temporary one unless ``--db`` is given), links every
extracted played match to the ledger (``linking/ledger.py``) and prints per folder and in total:

* the share of extracted played results (clubs, home side, score) that **agree** with a ledger fixture
  (linked, or fitting several fixtures), and the share that **contradict** the fixtures in their window;
  the rest have no fixture of those clubs in their window (cup ties, Scottish or foreign football,
  seasons the ledger lacks);
* of the results that match some ledger fixture exactly (any season), the share that are linked,
  dated and confirmed by ``touchline check``;
* the share of articles whose **own match was found**: the first played result the article states
  (earliest evidence) is linked to its fixture. For a folder of match reports (the PA reports) every
  article counts; the share among articles with at least one extracted result is printed too.

Nothing here is tuned per article: it measures the extractor and the linker on text they never saw.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from touchline.models import ArticleFacts, Match


@dataclass
class Agreement:
    """Counts for one folder (or the total)."""

    name: str
    articles: int = 0
    articles_with_results: int = 0
    played: int = 0  # extracted played results with two clubs and a score
    agree: int = 0  # linked or ambiguous: the result is a ledger fixture's
    linked: int = 0
    contradicted: int = 0
    no_fixture: int = 0  # no fixture of these clubs in the window
    exact: int = 0  # results equal to some ledger fixture (clubs, home side, score), any season
    exact_linked: int = 0
    exact_confirmed_dated: int = 0  # linked, confirmed by `check`, and the merged match has a date
    own_found: int = 0
    contradictions: list[str] = field(default_factory=list)

    def share(self, part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    def row(self) -> dict[str, Any]:
        with_fixture = self.agree + self.contradicted
        return {
            "folder": self.name,
            "articles": self.articles,
            "played results": self.played,
            "agree": self.share(self.agree, self.played),
            "contradict": self.share(self.contradicted, self.played),
            "no fixture in window": self.share(self.no_fixture, self.played),
            "agree (of those with a fixture)": self.share(self.agree, with_fixture),
            "contradict (of those with a fixture)": self.share(self.contradicted, with_fixture),
            "exact matches linked": self.share(self.exact_linked, self.exact),
            "exact matches linked+confirmed+dated": self.share(self.exact_confirmed_dated, self.exact),
            "own match found": self.share(self.own_found, self.articles),
            "own match found (articles with a result)": self.share(
                self.own_found, self.articles_with_results
            ),
        }


def _played(m: Match) -> bool:
    return (
        m.status == "played"
        and m.home_score is not None
        and m.away_score is not None
        and bool(m.home)
        and bool(m.away)
        and m.home != m.away
    )


def _first_result(facts: ArticleFacts) -> int | None:
    """Position of the played result stated earliest in the article."""
    best: tuple[int, int] | None = None
    for i, m in enumerate(facts.matches):
        if _played(m):
            start = min((e.start for e in m.evidence), default=10**9)
            if best is None or start < best[0]:
                best = (start, i)
    return best[1] if best else None


def measure(kb: Any, folders: Sequence[Path]) -> list[Agreement]:
    """Agreement per folder (articles whose source lies under it) and a total row."""
    from touchline.linking.ledger import FixtureIndex, _fits
    from touchline.query.checks import check_match

    fixtures = FixtureIndex(kb.store.results())
    links = {(link.article_id, link.position): link for link in kb.ledger_links}
    merged = {fid: mm for mm in kb.matches for fid in mm.fact_ids}
    status: dict[str, str] = {}
    roots = [f.resolve() for f in folders]
    rows = [Agreement(str(f)) for f in folders]
    total = Agreement("total")
    for facts in kb.store.iter_facts():
        src = Path(facts.article.source).resolve()
        owner = next((rows[i] for i, root in enumerate(roots) if src.is_relative_to(root)), None)
        if owner is None:
            continue
        first = _first_result(facts)
        for acc in (owner, total):
            acc.articles += 1
            acc.articles_with_results += first is not None
            found = (
                first is not None and getattr(links.get((facts.article.id, first)), "status", "") == "linked"
            )
            acc.own_found += found
        for pos, m in enumerate(facts.matches):
            if not _played(m):
                continue
            link = links.get((facts.article.id, pos))
            exact = any(_fits(m, r) for r in fixtures.of(m.home or "", m.away or ""))
            confirmed = False
            if link is not None and link.status == "linked" and link.match_id in merged:
                mm = merged[link.match_id]
                if mm.id not in status:
                    checks = [c for c in check_match(kb, mm) if c.kind == "match"]
                    status[mm.id] = checks[0].status if checks else "none"
                confirmed = status[mm.id] == "confirmed" and bool(mm.date)
            for acc in (owner, total):
                acc.played += 1
                acc.exact += exact
                if link is None:
                    acc.no_fixture += 1
                    continue
                acc.agree += link.status in ("linked", "ambiguous")
                acc.linked += link.status == "linked"
                acc.contradicted += link.status == "contradicted"
                acc.exact_linked += exact and link.status == "linked"
                acc.exact_confirmed_dated += exact and confirmed
                if link.status == "contradicted":
                    acc.contradictions.append(f"{Path(facts.article.source).name}: {link.reason}")
    return [*rows, total]


def build_store(
    db: str, corpus: Sequence[Path], results: Sequence[Path], workers: int = 1, quiet: bool = False
) -> None:
    """Import ``results`` and ingest ``corpus`` into the store at ``db`` (linking as it goes)."""
    from touchline.errors import InputError
    from touchline.linking.ledger import relink
    from touchline.query.openfootball import read_path
    from touchline.store import open_store
    from touchline.store.loader import ingest

    records = []
    for path in results:
        for item in read_path(path):
            if isinstance(item, InputError):
                print(f"touchline: {item}", file=sys.stderr)
            else:
                records.append(item)
    with open_store(db) as store:
        store.add_results(records)
        relink(store)  # articles already in a reused store
        from touchline.engine import make_engine

        engine = make_engine("local", workers) if workers > 1 else None
        report = ingest(store, corpus, engine=engine)
        if not quiet:
            print(f"{len(records)} reference results; {report.summary()}", file=sys.stderr)


def print_table(rows: list[Agreement]) -> None:
    keys = [k for k in rows[0].row() if k != "folder"]
    names = [Path(r.name).name or r.name for r in rows]
    width = max(len(k) for k in keys) + 2
    print(" " * width + "".join(f"{n[:22]:>24}" for n in names))
    for k in keys:
        cells = []
        for r in rows:
            v = r.row()[k]
            cells.append(f"{v:>24.1%}" if isinstance(v, float) else f"{v:>24}")
        print(f"{k:<{width}}" + "".join(cells))
    total = rows[-1]
    print(
        f"\ntotal: {total.played} played results, {total.agree} agree ({total.linked} linked), "
        f"{total.contradicted} contradict, {total.no_fixture} without a fixture in their window; "
        f"{total.exact_linked} of {total.exact} exact matches linked; "
        f"own match found in {total.own_found} of {total.articles} articles"
    )


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "corpus",
        nargs="+",
        type=Path,
        help="folders of articles (one row per folder), e.g. ../shared/corpus/pa-premier-league-2012",
    )
    p.add_argument(
        "--results",
        nargs="+",
        type=Path,
        required=True,
        help="openfootball Football.TXT files or folders, e.g. --results ../shared/data/openfootball/england/2012-13",
    )
    p.add_argument(
        "--db",
        default=None,
        help="store to build and reuse (default: a temporary SQLite file), e.g. --db ledger.db",
    )
    p.add_argument("--workers", type=int, default=1, help="extraction processes, e.g. --workers 2")
    p.add_argument(
        "--contradictions", action="store_true", help="list every contradicted result, e.g. --contradictions"
    )
    p.add_argument("--json", action="store_true", help="print the numbers as JSON, e.g. --json")


def run_cli(args: argparse.Namespace) -> int:
    from touchline.query.kb import KnowledgeBase

    for path in [*args.corpus, *args.results]:
        if not path.exists():
            print(f"touchline: {path}: no such file or directory", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="touchline-ledger-") as tmp:
        db = args.db or str(Path(tmp) / "ledger.db")
        build_store(db, args.corpus, args.results, args.workers, quiet=args.json)
        with KnowledgeBase.open(db) as kb:
            rows = measure(kb, args.corpus)
    if args.json:
        print(json.dumps([{**r.row(), "counts": asdict(r)} for r in rows], indent=2))
        return 0
    print_table(rows)
    if args.contradictions:
        for line in rows[-1].contradictions:
            print(f"  contradicted: {line}")
    return 0
