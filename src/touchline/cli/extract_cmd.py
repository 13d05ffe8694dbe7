"""``touchline extract PATH... --json``: print one contract object per article (no database)."""

from __future__ import annotations

import argparse
import itertools
import json
import sys

from touchline.cli.ingest_cmd import (
    add_budget_options,
    add_reading_options,
    apply_budget_options,
    columns_option,
)
from touchline.errors import InputError, InputWarning
from touchline.ingest import iter_articles
from touchline.models import Article


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("extract", help="extract facts from articles and print them (JSON Lines with --json)")
    p.add_argument(
        "paths",
        nargs="+",
        help="files, folders, JSON Lines, CSV or feeds ('-' reads standard input), e.g. report.txt ~/articles/",
    )
    p.add_argument(
        "--json", action="store_true", help="print one JSON object per article (the contract), e.g. --json"
    )
    add_reading_options(p)
    p.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symbolic links that point outside a folder (skipped by default, one line each), "
        "e.g. --follow-links",
    )
    add_budget_options(p)
    p.set_defaults(func=run)


def read_stdin(published: str | None) -> Article | InputError:
    from touchline.ingest.readers import read_text_article

    try:
        return read_text_article(sys.stdin.buffer.read(), "<stdin>", published)
    except InputError as exc:
        return exc


def run(args: argparse.Namespace) -> int:
    from touchline.nlp.pipeline import Extractor

    columns = columns_option(args)
    apply_budget_options(args)
    extractor = Extractor()
    ok = failed = 0

    def articles():  # type: ignore[no-untyped-def]
        nonlocal failed
        paths = [p for p in args.paths if p != "-"]
        if "-" in args.paths:
            items = [read_stdin(args.published)]
        else:
            items = []
        for item in itertools.chain(
            items, iter_articles(paths, args.published, columns, follow_links=args.follow_links)
        ):
            if isinstance(item, InputError):  # InputWarning too: its article comes next
                failed += not isinstance(item, InputWarning)
                print(f"touchline: {item}", file=sys.stderr, flush=True)
                continue
            yield item

    for facts in extractor.extract_many(articles()):
        ok += 1
        if facts.status is not None:
            print(f"touchline: {facts.article.source}: {facts.status}", file=sys.stderr, flush=True)
        if args.json:
            sys.stdout.write(json.dumps(facts.to_dict(), ensure_ascii=False) + "\n")
        else:
            _print_summary(facts)
    sys.stdout.flush()
    if ok == 0:
        print(f"touchline: nothing could be read ({failed} input(s) failed)", file=sys.stderr)
        return 1
    return 0


def _print_summary(facts) -> None:  # type: ignore[no-untyped-def]
    a = facts.article
    print(f"# {a.source} (published {a.published or 'unknown'}, id {a.id[:12]})")
    for m in facts.matches:
        score = f"{m.home_score}-{m.away_score}" if m.home_score is not None else "v"
        print(f"  match: {m.home} {score} {m.away} [{m.status}] {m.competition or ''} {m.date or ''}")
        for g in m.goals:
            print(
                f"    goal: {g.scorer} ({g.team}) {g.minute or ''}{'+' + str(g.added) if g.added else ''} {g.kind or ''}"
            )
    for p in facts.people:
        print(f"  person: {p.name} ({p.team or '?'})")
    for r in facts.roles:
        print(f"  role: {r.person} {r.role} {r.club} {r.event}")
    for q in facts.quotes:
        print(f"  quote: {q.speaker or '?'}: {q.text[:70]}")
    for c in facts.claims:
        print(f"  claim: {c.kind} {c.subject} = {c.value}")
