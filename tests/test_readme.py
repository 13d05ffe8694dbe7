"""The README stays true: two set-up commands first, every CLI command documented, the API example runs."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from touchline.cli.main import build_parser

README = Path(__file__).resolve().parents[1] / "README.md"
TEXT = README.read_text(encoding="utf-8")


def _code_blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", TEXT, flags=re.S)


def test_readme_starts_with_exactly_two_setup_commands() -> None:
    first = TEXT.split("```", 2)
    assert first[0].strip() == "# touchline", "the README must open with the set-up commands"
    block = _code_blocks("bash")[0]
    commands = [line for line in block.splitlines() if line.strip()]
    assert commands == ["python3 -m pip install -e . && touchline demo", "bash scripts/test.sh"]
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in ci


def _subcommands() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(actions[0].choices)


def test_every_cli_command_is_documented() -> None:
    names = _subcommands()
    assert {"extract", "ingest", "demo", "ask", "search"} <= set(names)
    missing = [n for n in names if f"`touchline {n}" not in TEXT]
    assert not missing, f"commands missing from the README's Commands table: {missing}"


def test_python_api_example_runs(tmp_path: Path) -> None:
    code = _code_blocks("python")[0]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Southampton 1 2 2024-12-15"
    assert "Russell Martin" in lines[1]
