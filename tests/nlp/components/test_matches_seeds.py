"""The shared seed articles: every match field and goal field their gold files give (package gazetteer)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_matches_ctx import build_context

from touchline.ingest.readers import iter_articles
from touchline.linking.gazetteer import default_gazetteer
from touchline.models import Article, Match
from touchline.nlp.components import matches as matches_component

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "spec" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []


def _extract(path: Path) -> list[Match]:
    (article,) = list(iter_articles([str(path)], None))
    assert isinstance(article, Article), article
    ctx = build_context(article.body, article.published, default_gazetteer())
    matches_component.run(ctx)
    return ctx.facts.matches


def _find(gold: dict[str, Any], got: list[Match]) -> Match | None:
    pair = {gold["home"], gold["away"]}
    return next((m for m in got if {m.home, m.away} == pair), None)


@pytest.mark.skipif(not SEED_FILES, reason="../shared/spec/seeds is not here")
@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_seed_matches(path: Path) -> None:
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    got = _extract(path)
    required = [g for g in gold["matches"] if not g.get("optional")]
    assert len(got) >= len(required)
    for gm in required:
        match = _find(gm, got)
        assert match is not None, gm
        for key in (
            "home",
            "away",
            "home_score",
            "away_score",
            "status",
            "date",
            "competition",
            "round",
            "venue",
        ):
            if gm.get(key) is not None:
                value = getattr(match, key)
                assert str(value).replace("-", " ").lower() == str(gm[key]).replace("-", " ").lower(), key
        assert len(match.goals) == len(gm.get("goals", []))
        for gg in gm.get("goals", []):
            goal = next(g for g in match.goals if g.scorer == gg["scorer"])
            for key in ("team", "minute", "added", "period", "kind", "assist"):
                if gg.get(key) is not None:
                    assert getattr(goal, key) == gg[key], (gg["scorer"], key)
        assert all(path.read_text(encoding="utf-8").find(e.text) >= 0 for e in match.evidence)
