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


def test_root_is_accepted_after_the_command_name(content_root, monkeypatch, tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    monkeypatch.chdir(tmp_path)
    for args in (["status", "--root", str(content_root)], ["review", "pending", "--root", str(content_root)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output


def test_the_content_root_is_found_from_a_folder_below_it(content_root, monkeypatch):
    from click.testing import CliRunner

    from pipeline.cli import main

    monkeypatch.delenv("PIPELINE_ROOT", raising=False)
    monkeypatch.chdir(content_root / "source" / "procedures")
    result = CliRunner().invoke(main, ["status"])
    assert result.exit_code == 0 and "endoscopic-discectomy" in result.output, result.output


def test_without_a_content_root_above_the_error_says_what_to_do(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    monkeypatch.delenv("PIPELINE_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["status"])
    assert result.exit_code == 2 and "pipeline.yaml: file not found" in result.output
