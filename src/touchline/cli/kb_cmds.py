"""Knowledge-base commands: ask, search, match, person, club, check, standings, export.

Each opens the store given by ``--db`` (default ``$TOUCHLINE_DB`` or ``touchline.db``), calls one
``KnowledgeBase`` query and prints it readably, or as JSON with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from touchline.config import settings
from touchline.errors import QueryError, StoreError
from touchline.query.kb import KnowledgeBase
from touchline.query.types import Cite, MergedLineupEntry, MergedMatch, to_jsonable

Handler = Callable[[KnowledgeBase, argparse.Namespace], int]


def _common(p: argparse.ArgumentParser, json_flag: bool = True) -> None:
    p.add_argument(
        "--db",
        default=None,
        help=f"store file or postgresql:// URL (default: $TOUCHLINE_DB or {settings().default_db}), "
        "e.g. --db my.db",
    )
    if json_flag:
        p.add_argument("--json", action="store_true", help="print JSON instead of text, e.g. --json")


def _wrap(handler: Handler) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        db = args.db or settings().default_db
        if db != ":memory:" and "://" not in db and not Path(db).exists():
            raise StoreError(f"{db}: no such store; create it with `touchline ingest PATH --db {db}`")
        with KnowledgeBase.open(db) as kb:
            return handler(kb, args)

    return run


_LINK_WORDS = {"linked": "linked to", "contradicted": "contradicted by", "ambiguous": "fits several, e.g."}


def _json(obj: Any) -> None:
    print(json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2, default=str))


def _cite_lines(cites: list[Cite], limit: int = 3) -> None:
    seen: set[tuple[str, int]] = set()
    for c in cites:
        if (c.article_id, c.start) in seen:
            continue
        seen.add((c.article_id, c.start))
        print(f"    evidence: “{c.text}” — article {c.article_id[:12]} ({c.published or 'undated'})")
        if len(seen) >= limit:
            break


def ask(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    answer = kb.ask(" ".join(args.question))
    if args.json:
        d = {
            "question": answer.question,
            "kind": answer.kind,
            "known": answer.known,
            "answer": answer.text,
            "article_ids": answer.article_ids,
            "evidence": to_jsonable(answer.evidence),
        }
        _json(d)
    else:
        print(answer.text)
        _cite_lines(answer.evidence, 5)
    return 0


def search(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    if args.limit < 1 or args.page < 1:
        raise QueryError("--limit and --page must be at least 1")
    kinds = (args.kind,) if args.kind else ("article", "quote")
    query = " ".join(args.query)
    found = kb.search_page(
        query,
        club=args.club,
        person=args.person,
        competition=args.competition,
        date_from=args.date_from,
        date_to=args.date_to,
        kinds=kinds,
        limit=args.limit,
        offset=(args.page - 1) * args.limit,
    )
    if args.json:
        _json(found)
        return 0
    if not found.hits:
        print("no matches" if found.total == 0 else f"no hits on page {args.page}: {found.total} in all")
        return 0
    first, last = found.offset + 1, found.offset + len(found.hits)
    more = "+" if found.capped else ""
    print(f"hits {first}–{last} of {found.total}{more} for “{query}”")
    for h in found.hits:
        also = (
            f"  (also in {len(h.also_in)} article{'s' if len(h.also_in) != 1 else ''})" if h.also_in else ""
        )
        print(f"{h.kind:7} {h.published or 'undated':10}  {h.title or h.article_id[:12]}{also}")
        print(f"    {' '.join(h.snippet.split())}  [{h.article_id[:12]}]")
        _cite_lines(h.evidence, 1)
    if last < found.total:
        print(f"next: --page {args.page + 1}")
    return 0


def match(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    by_id = kb.match(args.terms[0]) if len(args.terms) == 1 else None
    if by_id is not None:
        found = [by_id]
    else:
        clubs = [kb.club_name(t) for t in _club_terms(args.terms)]
        found = kb.find_matches(clubs[0] if clubs else None, clubs[1] if len(clubs) > 1 else None, args.date)
    if args.json:
        _json(found)
        return 0
    if not found:
        print("no stored match")
        return 0
    for m in found:
        print(f"{m.id}  {m.label()}  {m.status}" + (f"  [{m.competition}]" if m.competition else ""))
        for g in m.goals:
            print(
                f"    goal: {g.scorer}"
                + (f" {g.minute}'" if g.minute else "")
                + (f" ({g.team})" if g.team else "")
            )
        _print_details(m)
        if m.ledger is not None:
            f = m.ledger.fixture
            print(
                f"    ledger: {_LINK_WORDS.get(m.ledger.status, m.ledger.status)} {f.home} {f.home_score}-{f.away_score} {f.away}"
                f" ({f.competition} {f.season}, {f.date or 'undated'}): {m.ledger.reason}"
            )
        if m.date and m.date_source == "ledger":
            print(f"    date {m.date}: from the ledger (no report states it)")
        elif m.date and m.date_source == "inferred":
            print(f"    date {m.date}: inferred from the report's date phrase and the ledger-dated article")
        print(f"    sources: {', '.join(s.article_id[:12] + ' ' + kb.source_date(s) for s in m.sources)}")
        for c in m.conflicts:
            values = "; ".join(
                f"{v.value} ({', '.join(s.article_id[:8] for s in v.sources)})" for v in c.values
            )
            print(f"    conflict on {c.field}: {values} → chose {c.chosen} ({c.rule})")
        _cite_lines(m.evidence, 2)
    return 0


def _print_details(m: MergedMatch) -> None:
    """Referee, attendance, both team sheets (starters, substitutes with minutes, captain) and cards."""
    facts = [
        f"referee: {m.referee}" if m.referee else "",
        f"attendance: {m.attendance:,}" if m.attendance else "",
    ]
    if any(facts):
        print("    " + "; ".join(f for f in facts if f))
    for side, club_name in (("home", m.home), ("away", m.away)):
        sheet = m.lineup(side)
        if sheet:
            print(f"    line-up {club_name}:")
            print_lineup(sheet, indent="      ")
    for c in m.cards:
        print(
            f"    {c.colour} card: {c.person}"
            + (f" {c.minute}'" if c.minute is not None else "")
            + (f" ({c.team})" if c.team else "")
        )


def print_lineup(sheet: list[MergedLineupEntry], indent: str = "    ") -> None:
    starters = [e for e in sheet if e.starter]
    used = [e for e in sheet if not e.starter and e.subbed_on is not None]
    unused = [e for e in sheet if not e.starter and e.subbed_on is None]
    print(f"{indent}starters: " + ", ".join(e.describe() for e in starters))
    if used:
        print(f"{indent}subs used: " + ", ".join(e.describe() for e in used))
    if unused:
        print(f"{indent}subs not used: " + ", ".join(e.describe() for e in unused))


def _club_terms(terms: list[str]) -> list[str]:
    text = " ".join(terms)
    for sep in (" v ", " vs ", " against ", ","):
        if sep in text:
            return [t.strip() for t in text.split(sep) if t.strip()]
    return [text] if len(terms) != 2 else terms


def person(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    ent = kb.person(" ".join(args.name))
    assert ent is not None
    tenures = [t for t in kb.tenures if t.person == ent.name]
    quotes = kb.quotes_by(ent.name)
    if args.json:
        sheets = [
            {"match_id": m.id, "match": m.label(), "team": team, "entry": e}
            for m, team, e in kb.appearances(ent.name)
        ]
        _json(
            {
                "person": ent,
                "tenures": tenures,
                "quotes": [to_jsonable(q.fact) for q in quotes],
                "appearances": sheets,
            }
        )
        return 0
    print(f"{ent.name}" + (f" — {', '.join(ent.clubs)}" if ent.clubs else ""))
    print(
        f"  {ent.mentions} mention(s) in {len(ent.article_ids)} article(s), {ent.first_seen} … {ent.last_seen}"
    )
    for t in tenures:
        print(f"  role: {t.describe()}")
    played = kb.appearances(ent.name)
    if played:
        starts = sum(e.starter for _, _, e in played)
        print(f"  on {len(played)} team sheet(s), {starts} start(s); latest:")
        for m, team, e in played[-5:]:
            print(f"    {m.date or 'undated':10}  {m.label()}  for {team}: {e.describe()}")
    for q in quotes[:5]:
        print(f"  quote ({q.ref.published or 'undated'}): “{q.fact.text[:120]}”")
    return 0


def club(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    name = kb.club_name(" ".join(args.name))
    matches = kb.find_matches(name)
    tenures = kb.club_tenures(name)
    people = [p for p in kb.people if name in p.clubs]
    latest = kb.latest_lineup(name)
    if args.json:
        lineup = (
            {"match_id": latest[0].id, "match": latest[0].label(), "players": latest[1]} if latest else None
        )
        _json(
            {"club": name, "matches": matches, "tenures": tenures, "people": people, "latest_lineup": lineup}
        )
        return 0
    print(name)
    if latest:
        print(f"  latest line-up: {latest[0].label()} [{latest[0].id}]")
        print_lineup(latest[1])
    events: list[tuple[str, str]] = [(m.date or "", f"match   {m.label()}") for m in matches]
    events += [(t.start or t.first_seen or "", f"role    {t.describe()}") for t in tenures]
    for date, text in sorted(events):
        print(f"  {date or 'undated':10}  {text}")
    for q in [q for p in people for q in kb.quotes_by(p.name)][:5]:
        print(f"  quote   {q.fact.speaker}: “{q.fact.text[:100]}”")
    return 0


def check(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    results = [r for r in kb.check() if not args.status or r.status == args.status]
    if args.json:
        _json(results)
        return 0
    for r in results:
        print(f"{r.status.upper():12} {r.kind:6} {r.statement}")
        print(
            f"    {r.reason}"
            + (f" [contradicted by {r.contradicting_source}]" if r.contradicting_source else "")
        )
        _cite_lines(r.evidence, 1)
    totals = {
        s: sum(1 for r in results if r.status == s) for s in ("confirmed", "contradicted", "unverifiable")
    }
    print(", ".join(f"{n} {s}" for s, n in totals.items()), file=sys.stderr)
    return 0


def standings(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    table = kb.standings(" ".join(args.competition), args.season, args.as_of)
    if args.json:
        _json(table)
        return 0
    print(
        f"{table.competition} {table.season}"
        + (f" as of {table.as_of}" if table.as_of else "")
        + f" — {table.matches} matches from {table.ledger_source}; order: {', '.join(table.tiebreakers)}"
    )
    print(f"{'':>3} {'club':28} {'P':>3} {'W':>3} {'D':>3} {'L':>3} {'GF':>4} {'GA':>4} {'GD':>4} {'Pts':>4}")
    for r in table.rows:
        print(
            f"{r.position:>3} {r.club:28} {r.played:>3} {r.won:>3} {r.drawn:>3} {r.lost:>3} {r.goals_for:>4} "
            f"{r.goals_against:>4} {r.goal_difference:>+4} {r.points:>4}"
        )
    return 0


def export(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    from touchline.query.export import export as run_export

    table = args.table or ("articles" if args.format == "jsonl" else "matches")
    n = run_export(kb, args.format, table, args.out)
    if args.out:
        print(f"wrote {n} row(s) of {table} to {args.out}", file=sys.stderr)
    return 0


Arg = tuple[tuple[str, ...], dict[str, Any]]


def _arg(*flags: str, **options: Any) -> Arg:
    return flags, options


_SEARCH_ARGS = (
    _arg(
        "query",
        nargs="+",
        metavar="WORDS",
        help='words that must all occur (the last may be the start of a word); "..." for an exact '
        """phrase, e.g. penalty save, or '"own goal"'""",
    ),
    _arg("--club", help="only articles about this club (any name or nickname), e.g. --club Palace"),
    _arg("--person", help='only articles naming this person, e.g. --person "Tom Arteaga"'),
    _arg("--competition", help='only articles about matches in it, e.g. --competition "FA Cup"'),
    _arg(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="published on or after this date, e.g. --from 2024-12-01",
    ),
    _arg(
        "--to", dest="date_to", metavar="DATE", help="published on or before this date, e.g. --to 2024-12-31"
    ),
    _arg("--kind", choices=("article", "quote"), help="only articles or only quotes, e.g. --kind quote"),
    _arg("--limit", type=int, default=10, metavar="N", help="hits per page (default 10), e.g. --limit 20"),
    _arg("--page", type=int, default=1, metavar="N", help="which page of hits (default 1), e.g. --page 2"),
)
_EXPORT_ARGS = (
    _arg(
        "--format",
        choices=("jsonl", "csv", "parquet"),
        default="jsonl",
        help="output format (default jsonl), e.g. --format csv",
    ),
    _arg(
        "--table",
        default=None,
        help="articles (jsonl only; default for jsonl), matches (default otherwise), goals, lineups, cards, "
        "people, tenures, quotes, claims, results, checks, ledger_links; e.g. --table tenures",
    ),
    _arg(
        "--out",
        metavar="FILE",
        help="output file (default: standard output; required for parquet), e.g. --out matches.parquet",
    ),
)
# every command: name, help, handler, its own arguments (then --db, and --json unless it writes files)
COMMANDS: tuple[tuple[str, str, Handler, tuple[Arg, ...]], ...] = (
    (
        "ask",
        'answer a question, e.g. "who managed Southampton on 2024-12-18?"',
        ask,
        (
            _arg(
                "question",
                nargs="+",
                help='the question in plain English (see the list below), e.g. "who managed Palace on 2024-12-18?"',
            ),
        ),
    ),
    ("search", "full-text search over articles and quotes (BM25)", search, _SEARCH_ARGS),
    (
        "match",
        "matches merged across articles: by id, or by clubs and date",
        match,
        (
            _arg(
                "terms",
                nargs="*",
                help='a match id, or one or two clubs, e.g. Southampton Liverpool or "Wolves v Palace"',
            ),
            _arg("--date", help="played within three days of this date, e.g. --date 2024-12-18"),
        ),
    ),
    (
        "person",
        "a person across articles: clubs, roles, quotes",
        person,
        (_arg("name", nargs="+", help="a full name or a surname the store knows, e.g. Arteaga"),),
    ),
    (
        "club",
        "a club's timeline: matches, managers, quotes",
        club,
        (_arg("name", nargs="+", help='a club by any name or nickname, e.g. "Crystal Palace" or Eagles'),),
    ),
    (
        "check",
        "check claims and matches against the ledger and reference results",
        check,
        (
            _arg(
                "--status",
                choices=("confirmed", "contradicted", "unverifiable"),
                help="only this status, e.g. --status contradicted",
            ),
        ),
    ),
    (
        "standings",
        'league table, e.g. standings "Premier League" --season 2024-25',
        standings,
        (
            _arg("competition", nargs="+", help='the competition, e.g. "Premier League"'),
            _arg("--season", required=True, help="the season, e.g. --season 2024-25"),
            _arg("--as-of", dest="as_of", help="count matches up to this date, e.g. --as-of 2024-12-31"),
        ),
    ),
    ("export", "export the knowledge base as jsonl, csv or parquet", export, _EXPORT_ARGS),
)


def ask_epilog() -> str:
    """The questions ``ask`` understands, as listed by the ask module (its docstring)."""
    from touchline.query import ask as ask_module

    lines = [
        "  " + line.strip()[2:].split("→")[0].strip()
        for line in (ask_module.__doc__ or "").splitlines()
        if line.strip().startswith("* ")
    ]
    return (
        "questions it understands:\n" + "\n".join(lines) + "\n"
        "(clubs by any name or nickname; dates as 2024-12-18, 18 December 2024, December 2024,\n"
        "a season or a year; many phrasings of each: coached, was in charge of, vs, against ...)\n\n"
        "examples:\n"
        '  touchline ask "who managed Crystal Palace on 2023-10-30?"\n'
        '  touchline ask "what was the score of Wolves v Palace?"\n'
        '  touchline ask "what did Arteaga say about the referee?"'
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for name, help_text, handler, arguments in COMMANDS:
        extra: dict[str, Any] = {}
        if name == "ask":
            extra = {"epilog": ask_epilog(), "formatter_class": argparse.RawDescriptionHelpFormatter}
        p = sub.add_parser(name, help=help_text, description=help_text, **extra)
        for flags, options in arguments:
            p.add_argument(*flags, **options)
        _common(p, json_flag=handler is not export)
        p.set_defaults(func=_wrap(handler))
