"""Documentation: every command has help with an example; the README's commands are CI's."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from dakg.cli import cli

from .conftest import ROOT


def commands() -> list[str]:
    assert isinstance(cli, click.Group)
    return sorted(cli.commands)


@pytest.mark.parametrize("command", commands())
def test_every_command_has_help_ending_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert cli.commands[command].help


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## On a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_the_readme_gives_two_commands_for_a_fresh_machine() -> None:
    build, tests = readme_commands()
    assert "pip install ." in build and "dakg build" in build
    assert "pip install -e '.[test]'" in tests and "pytest" in tests


def test_ci_runs_the_readmes_test_command_verbatim() -> None:
    _, tests = readme_commands()
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in lines


def test_the_readme_lists_every_canned_query() -> None:
    from dakg.queries.library import library

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [q.name for q in library() if f"`{q.name}`" not in text]
    assert not missing
