"""A command imports only its own module: ``workbook build`` does not wait for what ``check`` needs."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from workbook.cli import build_parser, main


def subcommands(parser: argparse.ArgumentParser) -> set[str]:
    """The names of the parser's sub-commands."""
    return {
        name for action in parser._actions if isinstance(action, argparse._SubParsersAction) for name in action.choices
    }


def test_a_named_command_registers_only_its_own_module():
    assert subcommands(build_parser("build")) == {"build"}
    assert subcommands(build_parser("mark")) == {"history", "restore", "mark"}
    assert subcommands(build_parser("workshop")) == {"lab", "workshop"}


def test_no_command_or_an_unknown_one_registers_every_command():
    everything = subcommands(build_parser())
    assert {"new", "location", "build", "check", "import", "history", "workshop"} <= everything
    assert subcommands(build_parser("bouw")) == everything


def test_an_unknown_command_is_answered_with_every_command_there_is(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "nl", "bouw", "map"])
    assert exit_.value.code == 2
    error = capsys.readouterr().err
    assert "bouw" in error and "build" in error and "check" in error and "history" in error


def test_the_language_option_before_the_command_is_not_taken_for_the_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "en", "build", "--help"])
    assert exit_.value.code == 0
    assert "usage: workbook build" in capsys.readouterr().out


def test_the_build_command_starts_without_matplotlib_or_the_plan_checks():
    code = (
        "import sys\n"
        "from workbook.cli import build_parser\n"
        "build_parser('build').parse_args(['build', 'werkboek', '--force'])\n"
        "print(sorted(m for m in ('matplotlib', 'workbook.cli.check', 'workbook.analysis.completeness') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
