"""The scorer's rules, on small hand-made gold/output pairs, and agreement with spec/score.py."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from touchline.eval.scorer import REFERENCE_CATEGORIES, Tally, new_tallies, score_article

BODY = 'Fulham beat Southampton 2-1 at Craven Cottage. "We were brilliant today," said Marco Silva.'
GOLD: dict[str, Any] = {
    "published": "2025-04-26",
    "matches": [
        {
            "home": "Fulham", "away": "Southampton", "home_score": 2, "away_score": 1, "status": "played",
            "venue": "Craven Cottage",
            "goals": [{"scorer": "Emile Smith Rowe", "team": "Fulham", "minute": 72}],
            "lineups": {"home": [{"name": "Leno", "starter": True, "subbed_on": None, "subbed_off": None, "captain": True}], "away": []},
            "cards": [{"person": "Leno", "team": "Fulham", "minute": 50, "colour": "yellow"}],
            "referee": "Anthony Taylor", "attendance": 24000,
        }
    ],
    "not_matches": [{"home_score": 0, "away_score": 0}],
    "roles": [{"person": "Marco Silva", "role": "manager", "club": "Fulham", "as_of": "2025-04-26"}],
    "people": [{"name": "Marco Silva", "team": "Fulham"}, {"name": "Emile Smith Rowe", "team": "Fulham"}],
    "quotes": [{"speaker": "Marco Silva", "starts": "We were brilliant"}],
    "claims": [{"kind": "position", "subject": "Fulham", "value": "8"}],
}  # fmt: skip


def _ev(text: str) -> list[dict[str, Any]]:
    start = BODY.index(text)
    return [{"start": start, "end": start + len(text), "text": text}]


def perfect() -> dict[str, Any]:
    m = copy.deepcopy(GOLD["matches"][0])
    m["evidence"] = _ev("Fulham beat Southampton 2-1")
    return {
        "article": {"source": "x/a.txt", "published": "2025-04-26", "body": BODY},
        "matches": [m],
        "people": [{"name": p["name"], "team": p["team"]} for p in GOLD["people"]],
        "roles": [dict(GOLD["roles"][0], event="holds", evidence=_ev("Marco Silva"))],
        "quotes": [
            {
                "speaker": "Marco Silva",
                "text": "We were brilliant today,",
                "evidence": _ev("We were brilliant today,"),
            }
        ],
        "claims": [{"kind": "position", "subject": "Fulham", "value": "8", "evidence": _ev("Fulham")}],
    }


def score(out: dict[str, Any] | None) -> dict[str, Tally]:
    T = new_tallies()
    score_article("a", GOLD, out, T)
    return T


def test_perfect_output_scores_one_everywhere() -> None:
    T = score(perfect())
    for k, t in T.items():
        if t.total:
            assert t.prf()[2] == 1.0, (k, t)
    assert T["lineups"].tp == 2 and T["cards"].tp == 1 and T["traps"].tp == 1


def test_no_output_misses_everything() -> None:
    T = score(None)
    assert all(T[k].fn == 1 and T[k].tp == 0 for k in REFERENCE_CATEGORIES)
    assert T["cards"].fn == 1 and T["referee"].fn == 1 and T["lineups"].fn == 2


@pytest.mark.parametrize(
    ("change", "category", "tp", "fp", "fn"),
    [
        (lambda o: o["matches"][0].update(home_score=1), "scores", 0, 1, 0),
        (
            lambda o: o["matches"][0].update(home="Southampton", away="Fulham", home_score=1, away_score=2),
            "match_fields",
            2,
            0,
            1,
        ),
        (
            lambda o: o["matches"].append(
                {"home": "Leeds United", "away": "Everton", "home_score": 0, "away_score": 0}
            ),
            "traps",
            0,
            1,
            0,
        ),
        (
            lambda o: o["matches"].append(
                {"home": "Leeds United", "away": "Everton", "home_score": 0, "away_score": 0}
            ),
            "matches",
            1,
            1,
            0,
        ),
        (lambda o: o["matches"][0]["goals"].clear(), "goals", 0, 0, 1),
        (lambda o: o["matches"][0]["goals"][0].update(minute=70), "goal_fields", 1, 0, 1),
        (lambda o: o["quotes"][0].update(speaker="Scott Parker"), "quotes", 0, 1, 1),
        (
            lambda o: o["quotes"].append(
                {"speaker": None, "text": "an invented long quotation", "evidence": []}
            ),
            "quotes",
            1,
            1,
            0,
        ),
        (
            lambda o: o["quotes"].append({"speaker": None, "text": "gutted", "evidence": []}),
            "quotes",
            1,
            0,
            0,
        ),
        (lambda o: o["people"].append({"name": "Advertisement"}), "people", 2, 1, 0),
        (
            lambda o: o["roles"].append({"person": "Craven Cottage", "role": "manager", "club": "Fulham"}),
            "roles",
            1,
            1,
            0,
        ),
        (lambda o: o["roles"][0].update(club="Southampton"), "roles", 0, 0, 1),
        (lambda o: o["claims"][0].update(value="9"), "claims", 0, 0, 1),
        (lambda o: o["matches"][0]["evidence"][0].update(start=1), "evidence", 3, 1, 0),
        (lambda o: o["matches"][0]["lineups"]["home"][0].update(captain=False), "lineups", 1, 0, 1),
        (lambda o: o["matches"][0]["lineups"]["home"][0].update(subbed_off=80), "substitutions", 0, 1, 0),
        (
            lambda o: o["matches"][0]["lineups"]["away"].append({"name": "Ramsdale", "starter": True}),
            "lineups",
            2,
            1,
            0,
        ),
        (lambda o: o["matches"][0]["cards"][0].update(colour="red"), "cards", 0, 0, 1),
        (lambda o: o["matches"][0].update(referee="Michael Oliver"), "referee", 0, 1, 1),
        (lambda o: o["matches"][0].pop("attendance"), "attendance", 0, 0, 1),
    ],
)
def test_each_rule_counts(change: Any, category: str, tp: int, fp: int, fn: int) -> None:
    out = perfect()
    change(out)
    t = score(out)[category]
    assert (t.tp, t.fp, t.fn) == (tp, fp, fn), t.misses


def test_optional_gold_match_is_neither_missed_nor_extra() -> None:
    gold = copy.deepcopy(GOLD)
    gold["matches"].append(
        {
            "home": "Fulham",
            "away": "Chelsea",
            "home_score": None,
            "away_score": None,
            "status": "played",
            "optional": True,
        }
    )
    out = perfect()
    T = new_tallies()
    score_article("a", gold, out, T)
    assert (T["matches"].tp, T["matches"].fp, T["matches"].fn) == (1, 0, 0)
    out["matches"].append({"home": "Chelsea", "away": "Fulham"})
    T = new_tallies()
    score_article("a", gold, out, T)
    assert (T["matches"].tp, T["matches"].fp, T["matches"].fn) == (2, 0, 0)


SHARED_SCORE = Path(__file__).resolve().parents[2].parent / "shared" / "spec" / "score.py"
SEEDS = SHARED_SCORE.parent / "seeds"


def test_agrees_with_reference_scorer(tmp_path: Path) -> None:
    """On the seeds and a perturbed copy of their gold as output, our counts equal spec/score.py's."""
    if not SHARED_SCORE.exists():
        pytest.skip(
            f"{SHARED_SCORE} not found: the reference scorer lives in ../shared, which this clone does not have"
        )
    lines, T = [], new_tallies()
    for i, gold_path in enumerate(sorted(SEEDS.glob("*.gold.json"))):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = gold_path.name[: -len(".gold.json")]
        body = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
        out = {
            "article": {"source": f"{name}.txt", "published": gold["published"] if i else None, "body": body},
            "matches": [
                dict(m, evidence=[{"start": 0, "end": 4, "text": body[:4]}])
                for m in gold["matches"][: 1 + i % 2]
            ],
            "people": [{"name": p["name"]} for p in gold["people"][1:]] + [{"name": "Saints"}],
            "roles": [dict(r, event="holds", evidence=[]) for r in gold["roles"][:1]],
            "quotes": [
                {
                    "speaker": q["speaker"] if j % 3 else None,
                    "text": q["starts"] + " and more",
                    "evidence": [],
                }
                for j, q in enumerate(gold["quotes"])
            ],
            "claims": gold["claims"][:1],
        }
        if out["matches"] and out["matches"][0].get("home_score") is not None:
            out["matches"][0] = dict(out["matches"][0], home_score=9, goals=out["matches"][0]["goals"][1:])
        lines.append(json.dumps(out, ensure_ascii=False))
        score_article(name, gold, out, T)
    out_path = tmp_path / "out.jsonl"
    out_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(SHARED_SCORE), str(SEEDS), str(out_path), "--min-f1", "0"],
        capture_output=True,
        text=True,
        check=False,
    )
    theirs = {
        m[0]: tuple(map(int, m[1:]))
        for m in re.findall(r"^(\w+)\s+p=.*tp=(\d+) fp=(\d+) fn=(\d+)", proc.stdout, re.M)
    }
    ours = {k: (T[k].tp, T[k].fp, T[k].fn) for k in REFERENCE_CATEGORIES if T[k].total}
    assert theirs == ours
