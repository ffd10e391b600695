"""One map from the core's exceptions to exit codes."""

from __future__ import annotations

import pytest

from pipeline.catalog.wrap import WrapUnavailable
from pipeline.errors import InputError
from pipeline.exit_codes import ExitCode, exit_code_for


@pytest.mark.parametrize(("exc", "code"), [
    (InputError("bad", "f.po", 3), ExitCode.BAD_INPUT),
    (WrapUnavailable("no libunistring"), ExitCode.BAD_INPUT),
    (FileNotFoundError(2, "No such file", "x.po"), ExitCode.BAD_INPUT),
    (OSError(28, "No space left on device", "x.po"), ExitCode.BAD_INPUT),
    (BrokenPipeError(32, "Broken pipe"), ExitCode.FAILED),
    (ValueError("a bug"), None),
    (KeyError("a bug"), None),
])
def test_exit_code_for(exc, code):
    assert exit_code_for(exc) == code


def test_a_bug_is_not_dressed_up_as_bad_input(run, monkeypatch):
    from pipeline.catalog import commands

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(commands, "status", broken)
    with pytest.raises(ValueError):
        run("status")


@pytest.mark.parametrize(("command", "code"), [
    ("status", ExitCode.INTERRUPTED),   # Ctrl-C is neither "stale" (1) nor bad input (2)
    ("update", ExitCode.INTERRUPTED),
])
def test_ctrl_c_is_reported_as_an_interruption(run, monkeypatch, command, code):
    from pipeline.catalog import commands

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, command, interrupted)
    result = run(command)
    assert (result.exit_code, result.output.count("\n"), "interrupted" in result.output) == (code, 1, True)
