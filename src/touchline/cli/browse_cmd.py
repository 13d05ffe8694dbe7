"""``touchline h2h A B`` (every meeting of two clubs, from the reports and the results ledger) and
``touchline scorers`` (top scorers per competition and season, from the goals the articles report)."""

from __future__ import annotations

import argparse

from touchline.cli.kb_cmds import _common, _json, _wrap
from touchline.query.h2h import head_to_head
from touchline.query.kb import KnowledgeBase
from touchline.query.listings import listing
from touchline.query.scorers import LABEL


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "h2h",
        help="every meeting of two clubs, from the article reports and the results ledger",
        description="Every meeting of two clubs: the matches the articles report and the results imported "
        "with `touchline results import`, with score, date, competition and sources. "
        "Example: touchline h2h Palace Brighton",
    )
    p.add_argument("club_a", metavar="A", help="a club (any name the store knows), e.g. Palace")
    p.add_argument("club_b", metavar="B", help="the other club, e.g. 'Brighton & Hove Albion'")
    _common(p)
    p.set_defaults(func=_wrap(h2h))

    s = sub.add_parser(
        "scorers",
        help="top scorers per competition and season, from the goals reported in the articles",
        description="Top scorers counted from the goals the articles report (not official statistics), "
        "each goal with the sentence that reports it. Example: touchline scorers --competition 'Premier "
        "League' --season 2023-24",
    )
    s.add_argument("--competition", help="only this competition, e.g. 'Premier League'")
    s.add_argument("--season", help="only this season, e.g. 2023-24")
    s.add_argument("--club", help="only goals for this club, e.g. Palace")
    s.add_argument("--limit", type=int, default=20, help="how many scorers to print (default 20), e.g. 50")
    s.add_argument("--evidence", action="store_true", help="print each goal with its evidence sentence")
    _common(s)
    s.set_defaults(func=_wrap(scorers))


def h2h(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    h = head_to_head(kb, args.club_a, args.club_b)
    rec = h.record()
    if args.json:
        _json(
            {
                "a": h.a,
                "b": h.b,
                "record": rec,
                "meetings": [
                    {
                        "date": m.date,
                        "competition": m.competition,
                        "season": m.season,
                        "home": m.home,
                        "away": m.away,
                        "home_score": m.home_score,
                        "away_score": m.away_score,
                        "status": m.status,
                        "match_id": m.match_id,
                        "article_ids": [a.article_id for a in m.articles],
                        "results_ledger": m.ledger is not None,
                        "reported_score": m.reported_score,
                    }
                    for m in h.meetings
                ],
            }
        )
        return 0
    print(f"{h.a} v {h.b}: {len(h.meetings)} meeting(s)")
    print(
        f"  with a result: {rec['played']} · {h.a} won {rec['a_wins']}, {rec['draws']} drawn, "
        f"{h.b} won {rec['b_wins']} · goals {rec['a_goals']}-{rec['b_goals']}"
    )
    for m in h.meetings:
        score = m.score or "v"
        comp = f" [{m.competition}]" if m.competition else ""
        status = f" ({m.status})" if m.status != "played" else ""
        print(f"  {m.date or 'undated'}  {m.home} {score} {m.away}{comp}{status}")
        print(f"      sources: {', '.join(m.sources)}")
        if m.reported_score:
            print(f"      note: the articles report {m.reported_score}")
    return 0


def scorers(kb: KnowledgeBase, args: argparse.Namespace) -> int:
    filters = {"competition": args.competition, "season": args.season, "club": args.club}
    result = listing(kb, "scorers", filters, limit=max(1, min(args.limit, 500)))
    if args.json:
        rows = [{k: v for k, v in r.items() if not k.startswith("_")} for r in result.rows]
        for row, r in zip(rows, result.rows, strict=True):
            row["goals_evidence"] = [
                {
                    "match_id": g.match_id,
                    "match": g.match,
                    "date": g.date,
                    "minute": g.minute,
                    "evidence": g.evidence,
                }
                for g in r["_goals"]
            ]
        _json({"label": LABEL, "total": result.total, "scorers": rows})
        return 0
    print(f"Top scorers: {LABEL}")
    if not result.rows:
        print("  no goals reported" + (" for these filters" if any(filters.values()) else ""))
        return 0
    for i, r in enumerate(result.rows, start=1):
        where = f"{r['competition'] or 'competition not reported'} {r['season'] or 'season unknown'}"
        pens = f" ({r['penalties']} pen)" if r["penalties"] else ""
        print(f"  {i:>3}. {r['scorer']} ({r['team'] or 'club unknown'}) {r['goals']}{pens} · {where}")
        if args.evidence:
            for g in r["_goals"]:
                minute = f" {g.minute}'" if g.minute is not None else ""
                print(f"        {g.date or 'undated'} {g.match}{minute}")
                if g.evidence:
                    print(f"          evidence: “{g.evidence.text}” — article {g.evidence.article_id[:12]}")
    if result.total > len(result.rows):
        print(f"  … {result.total - len(result.rows)} more (use --limit)")
    return 0
