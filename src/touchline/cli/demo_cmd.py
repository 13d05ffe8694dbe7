"""``touchline demo``: ingest the built-in sample corpus into a temporary store and show what it knows."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from touchline.config import SAMPLE_DIR
from touchline.errors import TouchlineError, printable
from touchline.query.kb import KnowledgeBase
from touchline.query.types import Cite
from touchline.store import open_store
from touchline.store.loader import ingest


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="ingest the built-in sample articles and print a short summary")
    p.add_argument(
        "--db",
        default=None,
        help="keep the store in this file (default: a temporary file), e.g. --db demo.db",
    )
    p.set_defaults(func=run)


def sample_files(folder: Path = SAMPLE_DIR) -> list[Path]:
    return sorted(p for p in folder.glob("*.txt") if p.is_file()) if folder.is_dir() else []


def run(args: argparse.Namespace) -> int:
    files = sample_files()
    if not files:
        raise TouchlineError(f"the built-in sample corpus is empty: no .txt articles in {SAMPLE_DIR}")
    with tempfile.TemporaryDirectory(prefix="touchline-demo-") as tmp:
        db = args.db or str(Path(tmp) / "demo.db")
        with open_store(db) as store:
            report = ingest(store, files)
            for source, problem in report.failed:
                print(f"touchline: {printable(source)}: {printable(problem)}", file=sys.stderr)
            print_summary(KnowledgeBase(store), db if args.db else None)
    return 0 if report.read else 1


def sentence_of(kb: KnowledgeBase, cite: Cite) -> str:
    """The whole sentence around a piece of evidence (evidence is often a phrase)."""
    from touchline.nlp.segment import sentences

    art = kb.store.article(cite.article_id)
    if art is None:
        return cite.text
    for s in sentences(art.body):
        if s.start <= cite.start < s.end:
            return art.body[s.start : max(s.end, cite.end)]
    return cite.text


def print_summary(kb: KnowledgeBase, kept: str | None) -> None:
    counts = kb.summary()
    print(
        f"Ingested {counts['articles']} sample articles"
        + (f" into {kept}" if kept else " into a temporary store (use --db FILE to keep it)")
        + "."
    )
    print(
        f"  {counts['merged_matches']} matches, {counts['distinct_people']} people, {counts['quotes']} quotes, "
        f"{counts['roles']} role facts, {counts['claims']} claims, {counts['evidence']} evidence spans\n"
    )
    if kb.matches:
        print("Matches")
        for m in kb.matches[:12]:
            extra = f" [{m.competition}]" if m.competition else ""
            srcs = f"  ({len(m.sources)} reports)" if len(m.sources) > 1 else ""
            print(f"  {m.label()}{extra} {m.status}{srcs}")
            for g in m.goals[:6]:
                minute = f" {g.minute}'" if g.minute else ""
                print(f"      goal: {g.scorer}{minute}" + (f" ({g.team})" if g.team else ""))
        print()
    if kb.people:
        print("People (most mentioned)")
        for p in kb.people[:8]:
            print(
                f"  {p.name}"
                + (f" — {', '.join(p.clubs[:2])}" if p.clubs else "")
                + f" · {p.mentions} mention(s)"
            )
        print()
    quotes = kb.store.quotes()
    if quotes:
        print("Quotes")
        for q in quotes[:4]:
            text = q.fact.text if len(q.fact.text) <= 110 else q.fact.text[:107] + "…"
            print(f"  {q.fact.speaker or 'unattributed'}: “{text}”")
        print()
    facts: list[tuple[str, Cite]] = []
    for t in kb.tenures[:3]:
        if t.evidence:
            facts.append((t.describe(), t.evidence[0]))
    for m in kb.matches:
        if m.score and m.evidence:
            facts.append((f"{m.label()}", m.evidence[0]))
        if len(facts) >= 5:
            break
    if facts:
        print("Facts with their evidence")
        for label, cite in facts[:5]:
            print(
                f"  {label}\n      “{sentence_of(kb, cite)}” — article {cite.article_id[:12]} ({cite.published or 'undated'})"
            )
    else:
        print("No facts were extracted from the sample yet.")
