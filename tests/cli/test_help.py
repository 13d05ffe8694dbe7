"""The CLI explains itself: every option of every command has help; each
one that takes a value shows an example ("e.g. ...")."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from touchline.cli.main import build_parser, main


def _options(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, argparse.Action]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _options(sub, (*path, name))
        elif not isinstance(action, argparse._HelpAction):
            yield " ".join((*path, *(action.option_strings[:1] or [action.dest]))), action


OPTIONS = list(_options(build_parser()))


def test_every_command_has_options_listed() -> None:
    commands = {name.split()[0] for name, _ in OPTIONS}
    assert {"ingest", "search", "ask", "extract", "serve", "export"} <= commands


@pytest.mark.parametrize(("name", "action"), OPTIONS, ids=[n for n, _ in OPTIONS])
def test_every_option_has_help_with_an_example(name: str, action: argparse.Action) -> None:
    assert action.help and action.help.strip(), f"{name} has no help"
    if action.nargs != 0:  # an option that takes a value shows one (a bare flag is its own example)
        assert "e.g." in action.help, f"{name}: help has no example: {action.help!r}"


def test_ask_help_lists_the_questions_it_understands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ask", "--help"])
    out = capsys.readouterr().out
    for question in ("who managed", "what was the score", "who scored for", "what did PERSON say", "table"):
        assert question in out


def test_ingest_help_does_not_contradict_itself_about_workers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "runs in this process" in out and "one per core" in out
    assert "(default: in this process)" not in out
