"""Conventions a command-line user relies on: NO_COLOR, TERM=dumb and --color; -q for check."""

from __future__ import annotations

import pytest

from pipeline.cli import colour_wanted


@pytest.mark.parametrize("choice,tty,env,expected", [
    ("auto", True, {}, True),
    ("auto", False, {}, False),
    ("auto", True, {"NO_COLOR": "1"}, False),
    ("auto", True, {"TERM": "dumb"}, False),
    ("always", False, {"NO_COLOR": "1"}, True),  # asked for out loud
    ("never", True, {}, False),
])
def test_colour_follows_the_terminal_and_the_user(choice, tty, env, expected):
    assert colour_wanted(choice, tty, env) is expected


@pytest.mark.parametrize("args,ansi", [
    (("--color", "always", "check"), True),
    (("--color", "never", "check"), False),
    (("check",), False),  # not a terminal
])
def test_check_colours_only_when_asked(run, args, ansi):
    result = run(*args)
    assert ("\033[" in result.output) is ansi


def test_quiet_check_prints_only_the_summary_line(run):
    full, quiet = run("check"), run("-q", "check")
    assert full.output.count("\n") > 1 and quiet.exit_code == full.exit_code
    assert quiet.output == full.output.splitlines(keepends=True)[-1]
