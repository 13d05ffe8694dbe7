"""The goal modules import each other one way only (no circle, not even a lazy one) and stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import touchline.nlp.components as components

FOLDER = Path(components.__file__).parent
GOAL_MODULES = ("goal_mention", "goal_time", "goal_verbs", "goal_details", "goals", "goal_attach")


def _imports(name: str) -> set[str]:
    tree = ast.parse((FOLDER / f"{name}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):  # module level, inside functions and under TYPE_CHECKING alike
        if isinstance(node, ast.ImportFrom) and node.module:
            leaf = node.module.rsplit(".", 1)[-1]
            if node.module.startswith("touchline.nlp.components.") and leaf in GOAL_MODULES:
                found.add(leaf)
    return found


def test_goal_module_imports_have_no_cycle() -> None:
    graph = {name: _imports(name) for name in GOAL_MODULES}
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, f"import cycle: {' -> '.join((*path, name))}"
        if name in done:
            return
        for dep in graph[name]:
            visit(dep, (*path, name))
        done.add(name)

    for name in GOAL_MODULES:
        visit(name, ())
    assert graph["goal_mention"] == set()  # the base layer


def test_goal_modules_are_under_600_lines() -> None:
    for name in GOAL_MODULES:
        lines = (FOLDER / f"{name}.py").read_text(encoding="utf-8").count("\n")
        assert lines < 600, f"{name}.py has {lines} lines"
