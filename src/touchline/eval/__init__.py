"""Evaluation harness: score the extractor against the project's gold files (``python -m touchline.eval``)."""

from touchline.eval.runner import EvalSet, SetResult, default_sets, floor_failures, load_floors, run
from touchline.eval.scorer import CATEGORIES, Tally, score_article

__all__ = [
    "CATEGORIES",
    "EvalSet",
    "SetResult",
    "Tally",
    "default_sets",
    "floor_failures",
    "load_floors",
    "run",
    "score_article",
]
