"""The ``real`` and ``sealed`` sets: gold for real corpus articles in eval/real/FOLDER/NNN.gold.json.

The articles live in ../shared/corpus (never in the repository); the sealed split listed in
eval/real/SEALED.txt is left out of ``real`` and scored only when asked for by name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from touchline.eval.runner import (
    CORPUS_DIR,
    REAL_DIR,
    default_sets,
    read_sealed,
    run,
    unavailable_sets,
)

GOLD = {
    "published": None,
    "matches": [],
    "roles": [],
    "people": [{"name": "Jo Bloggs", "team": None}],
    "quotes": [],
    "claims": [],
}


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    eval_dir, corpus = tmp_path / "eval", tmp_path / "corpus"
    for folder in ("alpha", "beta"):
        (eval_dir / "real" / folder).mkdir(parents=True)
        (corpus / folder).mkdir(parents=True)
        for stem in ("001", "002"):
            # the same file name in two folders: keys must not collide
            (corpus / folder / f"{stem}.txt").write_text(
                f"Headline {folder}\n\nJo Bloggs spoke about {folder} {stem}.\n", encoding="utf-8"
            )
            (eval_dir / "real" / folder / f"{stem}.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (eval_dir / "real" / "SEALED.txt").write_text("# sealed\nbeta/002\n\n", encoding="utf-8")
    return eval_dir, corpus


def test_real_excludes_the_sealed_split_and_sealed_holds_only_it(tmp_path: Path) -> None:
    eval_dir, corpus = _tree(tmp_path)
    sets = {s.name: s for s in default_sets(eval_dir, tmp_path / "none", corpus, include_sealed=True)}
    assert sorted(sets["real"].gold_files()) == ["alpha/001", "alpha/002", "beta/001"]
    assert sorted(sets["sealed"].gold_files()) == ["beta/002"]
    assert sets["real"].article_files()["beta/001"] == corpus / "beta" / "001.txt"
    assert "sealed" not in {s.name for s in default_sets(eval_dir, tmp_path / "none", corpus)}


def test_real_outputs_keyed_by_folder_and_name(tmp_path: Path) -> None:
    eval_dir, corpus = _tree(tmp_path)
    results = {r.name: r for r in run(default_sets(eval_dir, tmp_path / "none", corpus))}
    real = results["real"]
    assert real.articles == 3 and not real.errors
    # each article was scored against its own output: the published date is right for all three
    assert real.tallies["published"].tp == 3


def test_missing_corpus_is_reported_not_crashed(tmp_path: Path) -> None:
    eval_dir, _ = _tree(tmp_path)
    names = {
        s.name for s in default_sets(eval_dir, tmp_path / "none", tmp_path / "absent", include_sealed=True)
    }
    assert not names & {"real", "sealed"}
    lines = unavailable_sets(["real", "sealed"], eval_dir, tmp_path / "none", tmp_path / "absent")
    assert len(lines) == 2 and all("skipped" in line and "absent" in line for line in lines)


def test_cli_sealed_only_when_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from touchline.cli.main import main

    eval_dir, corpus = _tree(tmp_path)
    args = ["eval", "--eval-dir", str(eval_dir), "--corpus-dir", str(corpus), "--json"]
    assert main([*args, "--sets", "real"]) == 0
    assert [s["set"] for s in json.loads(capsys.readouterr().out)["sets"]] == ["real"]
    assert main([*args, "--sets", "sealed"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [(s["set"], s["articles"]) for s in payload["sets"]] == [("sealed", 1)]


@pytest.mark.skipif(
    not CORPUS_DIR.is_dir(), reason=f"{CORPUS_DIR} not found: the real articles live in ../shared"
)
def test_sealed_split_is_a_listed_subset_of_the_gold() -> None:
    sealed = read_sealed(REAL_DIR)
    if not sealed:
        pytest.skip("no sealed split chosen yet")
    gold = {f"{p.parent.name}/{p.name.removesuffix('.gold.json')}" for p in REAL_DIR.glob("*/*.gold.json")}
    assert sealed <= gold, f"sealed names without gold: {sorted(sealed - gold)}"
    assert len(sealed) >= 40
    assert {n.split("/")[0] for n in sealed} == {p.name for p in REAL_DIR.iterdir() if p.is_dir()}
