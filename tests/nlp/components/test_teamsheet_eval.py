"""Team-sheet eval: line-ups, substitutions, cards, referee and attendance on eval/articles/ts_*.

Gold files are hand-written from the article texts (same format as the seeds, plus the match keys
``lineups``, ``cards``, ``referee``, ``attendance``). Run as a script to print the table:

    python tests/nlp/components/test_teamsheet_eval.py
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
ARTICLES = ROOT / "eval" / "articles"
FLOORS = {"lineup_names": 0.95, "substitutions": 0.90, "cards": 0.90, "referee": 0.95, "attendance": 0.95}


def norm(name: str | None) -> str:
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")
    s = re.sub(r"[^a-z0-9 ]+", " ", s.replace("'", ""))
    return " ".join(t for t in s.split() if t not in ("fc", "afc", "the"))


def same_club(a: str | None, b: str | None) -> bool:
    """Clubs as the gold names them vs. the output; a shorter form of the same name counts ("Wigan")."""
    x, y = set(norm(a).split()), set(norm(b).split())
    return bool(x) and bool(y) and (x <= y or y <= x)


def person_key(name: str | None) -> str:
    """Line-ups and cards may name a player as printed ("Bowyer") or in full ("Lee Bowyer"): compare surnames."""
    toks = norm(name).split()
    return toks[-1] if toks else ""


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, gold: Counter[Any], got: Counter[Any]) -> None:
        hit = sum((gold & got).values())
        self.tp += hit
        self.fn += sum(gold.values()) - hit
        self.fp += sum(got.values()) - hit

    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _pair(gm: dict[str, Any], matches: list[dict[str, Any]]) -> tuple[dict[str, Any] | None, bool]:
    for m in matches:
        if same_club(gm["home"], m.get("home")) and same_club(gm["away"], m.get("away")):
            return m, False
    for m in matches:
        if same_club(gm["home"], m.get("away")) and same_club(gm["away"], m.get("home")):
            return m, True
    return None, False


def score(outputs: dict[str, dict[str, Any]]) -> dict[str, Tally]:
    tallies = {k: Tally() for k in FLOORS}
    for gold_path in sorted(ARTICLES.glob("ts_*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out = outputs.get(name, {"matches": []})
        for gm in gold["matches"]:
            m, swapped = _pair(gm, out["matches"])
            m = m or {}
            sides = {"home": "away", "away": "home"} if swapped else {"home": "home", "away": "away"}
            if "lineups" in gm:
                for side in ("home", "away"):
                    want = gm["lineups"][side]
                    got = (m.get("lineups") or {}).get(sides[side], [])
                    tallies["lineup_names"].add(
                        Counter(norm(e["name"]) for e in want), Counter(norm(e["name"]) for e in got)
                    )
                    tallies["substitutions"].add(_subs(want), _subs(got))
            if "cards" in gm or m.get("cards"):
                tallies["cards"].add(_cards(gm.get("cards") or []), _cards(m.get("cards") or []))
            for key in ("referee", "attendance"):
                if gm.get(key) is not None:
                    ok = norm(str(gm[key])) == norm(str(m.get(key)))
                    tallies[key].tp += ok
                    tallies[key].fn += not ok
                elif m.get(key) is not None:
                    tallies[key].fp += 1
    return tallies


def _subs(entries: list[dict[str, Any]]) -> Counter[tuple[str, str, int]]:
    out: Counter[tuple[str, str, int]] = Counter()
    for e in entries:
        if e.get("subbed_on") is not None:
            out[(person_key(e["name"]), "on", e["subbed_on"])] += 1
        if e.get("subbed_off") is not None:
            out[(person_key(e["name"]), "off", e["subbed_off"])] += 1
    return out


def _cards(cards: list[dict[str, Any]]) -> Counter[tuple[str, str, int | None]]:
    return Counter((person_key(c["person"]), c["colour"], c.get("minute")) for c in cards)


def run_extractor() -> dict[str, dict[str, Any]]:
    from touchline.ingest.readers import read_text_article
    from touchline.nlp.pipeline import default_extractor

    extractor = default_extractor()
    outputs = {}
    for path in sorted(ARTICLES.glob("ts_*.txt")):
        article = read_text_article(path.read_bytes(), str(path))
        outputs[path.stem] = extractor.extract(article).to_dict()
    return outputs


def run_isolated() -> dict[str, dict[str, Any]]:
    """entities → (gold matches: teams and score only) → teamsheet → people.

    Measures the team-sheet component alone: the matches it is handed are what a correct
    ``matches`` component would find (clubs, score, evidence at the club's first mention), so
    gaps elsewhere (gazetteer, match detection) do not show up here; ``run_extractor`` is end to end.
    """
    from touchline.ingest.readers import read_text_article
    from touchline.models import Match
    from touchline.nlp.components import entities, people, teamsheet
    from touchline.nlp.context import ArticleContext
    from touchline.nlp.pipeline import default_extractor

    extractor = default_extractor()
    outputs = {}
    for path in sorted(ARTICLES.glob("ts_*.txt")):
        article = read_text_article(path.read_bytes(), str(path))
        gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
        ctx = ArticleContext(article, extractor.gazetteer, extractor.nlp)
        entities.run(ctx)
        for gm in gold["matches"]:
            m = Match(
                gm["home"], gm["away"], gm.get("home_score"), gm.get("away_score"), gm.get("status", "played")
            )
            first = article.body.find(gm["home"].split()[0])
            m.evidence = [ctx.evidence(max(first, 0), max(first, 0) + 1)]
            ctx.facts.matches.append(m)
        teamsheet.run(ctx)
        people.run(ctx)
        outputs[path.stem] = ctx.facts.to_dict()
    return outputs


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    return score(run_isolated())


def test_eval_set_is_large_enough() -> None:
    texts = list(ARTICLES.glob("ts_*.txt"))
    assert len(texts) >= 20
    for path in texts:
        assert path.with_name(path.stem + ".gold.json").exists(), path


@pytest.mark.slow
@pytest.mark.parametrize("category", sorted(FLOORS))
def test_floor(tallies: dict[str, Tally], category: str) -> None:
    t = tallies[category]
    assert t.f1() >= FLOORS[category], f"{category}: f1={t.f1():.3f} (tp={t.tp} fp={t.fp} fn={t.fn})"


def test_scorer_counts_errors() -> None:
    """The scorer itself: a missing substitute and a wrong card minute are both errors."""
    gold = [{"name": "Lee Bowyer", "starter": True, "subbed_off": 70, "subbed_on": None}]
    got = [{"name": "Lee Bowyer", "starter": True, "subbed_off": None, "subbed_on": None}]
    t = Tally()
    t.add(_subs(gold), _subs(got))
    assert (t.tp, t.fn) == (0, 1)
    c = Tally()
    c.add(
        _cards([{"person": "Speed", "colour": "yellow", "minute": 30}]),
        _cards([{"person": "Speed", "colour": "yellow", "minute": 31}]),
    )
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)


if __name__ == "__main__":  # pragma: no cover - prints the eval table
    isolated = score(run_isolated())
    end_to_end = score(run_extractor()) if "--e2e" in sys.argv else None
    print(f"{'category':14s} {'isolated':>30s}" + (f" {'end to end':>30s}" if end_to_end else "") + "  floor")
    for key, t in isolated.items():
        row = f"{key:14s} f1={t.f1():.3f} (tp={t.tp} fp={t.fp} fn={t.fn})".ljust(45)
        if end_to_end:
            e = end_to_end[key]
            row += f" f1={e.f1():.3f} (tp={e.tp} fp={e.fp} fn={e.fn})".ljust(32)
        print(row + f" {FLOORS[key]}")
    sys.exit(0 if all(t.f1() >= FLOORS[k] for k, t in isolated.items()) else 1)
