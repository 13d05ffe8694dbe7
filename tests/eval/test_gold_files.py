"""Every gold file is well formed and agrees with its article text.

Checks the schema (keys and enumerations of spec/CONTRACT.md), that each quote's "starts" occurs in
the article body, that every gold person (and team-sheet name, card, referee) is named in the text,
and that "published" is what the reader finds in the file's date header.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from touchline.eval.names import norm, player_ok, text_norm
from touchline.eval.runner import EvalSet, default_sets
from touchline.ingest import iter_articles
from touchline.models import Article

STATUSES = {"played", "scheduled", "unknown"}
RESULTS = {"home_win", "away_win", "draw", None}
PERIODS = {"first_half", "second_half", "extra_time", None}
KINDS = {"header", "penalty", "own_goal", "free_kick", None}
ROLES = {
    "manager", "interim_manager", "assistant_manager", "youth_coach", "coach", "player", "captain",
    "executive", "owner", "referee", "other",
}  # fmt: skip
EVENTS = {"holds", "appointed", "sacked", "resigned", "left", "joined", None}
CLAIM_KINDS = {"position", "points", "relegated", "promoted", "eliminated", "record", "other"}
TOP_KEYS = {
    "published",
    "matches",
    "not_matches",
    "roles",
    "people",
    "quotes",
    "claims",
    "boilerplate",
    "notes",
    "sport",
}
MATCH_KEYS = {
    "home", "away", "home_score", "away_score", "status", "result", "date", "competition", "round", "venue",
    "goals", "optional", "lineups", "cards", "referee", "attendance", "half_time", "notes",
}  # fmt: skip
GOAL_KEYS = {"scorer", "team", "minute", "added", "period", "kind", "assist"}
LINEUP_KEYS = {"name", "starter", "subbed_on", "subbed_off", "captain"}
_POSSESSIVE = re.compile(r"['’]s\b")
CARD_KEYS = {"person", "team", "minute", "colour"}


def _cases() -> list[tuple[str, Path, Path]]:
    # the sealed split's gold is checked for validity too (that reads no extractor output)
    sets: list[EvalSet] = [s for s in default_sets(include_sealed=True) if s.name != "seeds"]
    out = []
    for s in sets:
        articles = s.article_files()
        for stem, gold in s.gold_files().items():
            out.append((f"{s.name}/{stem}", gold, articles.get(stem, s.articles / f"{stem}.txt")))
    return out


CASES = _cases()


def _article(path: Path) -> Article:
    items = list(iter_articles([path]))
    assert len(items) == 1 and isinstance(items[0], Article), f"{path}: not readable: {items}"
    return items[0]


def _named(name: str, body: str) -> bool:
    """The full name, or its last word, occurs in the body (accent- and case-insensitive)."""
    folded = " " + (norm(_POSSESSIVE.sub(" ", body)) or "") + " "
    full = norm(name) or ""
    return bool(full) and (f" {full} " in folded or f" {full.split()[-1]} " in folded)


def _schema_errors(g: dict[str, Any]) -> list[str]:
    errs = [f"unknown top-level key {k!r}" for k in g if k not in TOP_KEYS]
    sport = g.get("sport")
    if sport is not None and (not isinstance(sport, str) or not sport):
        errs.append(f"sport {sport!r} is not a name")
    if sport and sport != "football":
        errs += [f"{sport} article with football {k}" for k in ("matches", "roles", "claims") if g.get(k)]
    for k in ("published", "matches", "roles", "people", "quotes", "claims"):
        if k not in g:
            errs.append(f"missing key {k!r}")
    pub = g.get("published")
    if pub is not None and not (isinstance(pub, str) and len(pub) == 10):
        errs.append(f"published {pub!r} is not YYYY-MM-DD or null")
    for m in g.get("matches", []):
        label = f"match {m.get('home')} v {m.get('away')}"
        errs += [f"{label}: unknown key {k!r}" for k in m if k not in MATCH_KEYS]
        errs += [
            f"{label}: missing {k!r}"
            for k in ("home", "away", "home_score", "away_score", "status")
            if k not in m
        ]
        if m.get("status") not in STATUSES:
            errs.append(f"{label}: status {m.get('status')!r}")
        if m.get("result") not in RESULTS:
            errs.append(f"{label}: result {m.get('result')!r}")
        if (m.get("home_score") is None) != (m.get("away_score") is None):
            errs.append(f"{label}: only one score given")
        if m.get("status") == "scheduled" and m.get("home_score") is not None:
            errs.append(f"{label}: scheduled match with a score")
        for goal in m.get("goals", []):
            errs += [f"{label}: goal key {k!r}" for k in goal if k not in GOAL_KEYS]
            if not goal.get("scorer") or goal.get("period") not in PERIODS or goal.get("kind") not in KINDS:
                errs.append(f"{label}: bad goal {goal}")
        if (
            m.get("goals")
            and m.get("home_score") is not None
            and len(m["goals"]) > m["home_score"] + m["away_score"]
        ):
            errs.append(f"{label}: more goals listed than the score allows")
        for side in (m.get("lineups") or {}).values():
            for p in side:
                if set(p) - LINEUP_KEYS or "name" not in p:
                    errs.append(f"{label}: bad lineup entry {p}")
        for c in m.get("cards") or []:
            if set(c) - CARD_KEYS or c.get("colour") not in ("yellow", "red") or not c.get("person"):
                errs.append(f"{label}: bad card {c}")
        if m.get("attendance") is not None and not isinstance(m["attendance"], int):
            errs.append(f"{label}: attendance must be an int")
    for r in g.get("roles", []):
        if (
            not r.get("person")
            or r.get("role") not in ROLES
            or r.get("event") not in EVENTS
            or "as_of" not in r
        ):
            errs.append(f"bad role {r}")
    for p in g.get("people", []):
        if not p.get("name") or "team" not in p:
            errs.append(f"bad person {p}")
    for q in g.get("quotes", []):
        if "speaker" not in q or not q.get("starts"):
            errs.append(f"bad quote {q}")
    for c in g.get("claims", []):
        if c.get("kind") not in CLAIM_KINDS or not c.get("subject") or not isinstance(c.get("value"), str):
            errs.append(f"bad claim {c}")
    for t in g.get("not_matches", []):
        if "home_score" not in t or "away_score" not in t:
            errs.append(f"bad not_match {t}")
    return errs


def test_there_are_gold_files() -> None:
    names = [c[0] for c in CASES]
    assert sum(n.startswith("sample/") for n in names) >= 12
    assert sum(n.startswith("articles/") for n in names) >= 28


@pytest.mark.parametrize(("name", "gold_path", "article_path"), CASES, ids=[c[0] for c in CASES])
def test_gold_file_is_valid(name: str, gold_path: Path, article_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert isinstance(gold, dict)
    assert not _schema_errors(gold), _schema_errors(gold)
    assert article_path.is_file(), f"{name}: no article beside the gold file"
    art = _article(article_path)
    assert art.published == gold["published"], (
        f"{name}: header date {art.published} != gold {gold['published']}"
    )
    body = art.body
    missing_quotes = [q["starts"] for q in gold["quotes"] if text_norm(q["starts"]) not in text_norm(body)]
    assert not missing_quotes, f"{name}: quote starts not in the text: {missing_quotes}"
    names = [p["name"] for p in gold["people"]] + [q["speaker"] for q in gold["quotes"] if q["speaker"]]
    names += [r["person"] for r in gold["roles"]]
    for m in gold["matches"]:
        names += [g["scorer"] for g in m.get("goals", [])] + [
            g["assist"] for g in m.get("goals", []) if g.get("assist")
        ]
        names += [p["name"] for side in (m.get("lineups") or {}).values() for p in side]
        names += [c["person"] for c in m.get("cards") or []] + ([m["referee"]] if m.get("referee") else [])
    unnamed = sorted({n for n in names if not _named(n, body)})
    assert not unnamed, f"{name}: gold names not found in the text: {unnamed}"
    listed = [p["name"] for p in gold["people"]]
    not_in_people = sorted({n for n in names if not any(player_ok(n, p) for p in listed)})
    assert not not_in_people, (
        f"{name}: named in roles/goals/quotes/team sheets but not in people: {not_in_people}"
    )
