"""The exit codes of every `pipeline` command: a contract CI and scripts rely on.

- SUCCESS (0): done, nothing blocks.
- FAILED (1): the command ran, and what it found must stop a release: error findings (or, with
  --strict, warnings), stale files with --check, a blocked build, refused review decisions or
  glossary conflicts, or a reader that closed the output early.
- BAD_INPUT (2): bad input or usage: a file, a value or an option that cannot be used, reported
  as one line naming the file, line and column and what to do.
- INTERRUPTED (130): stopped by Ctrl-C (SIGINT), as shells report it; never taken for stale
  files or findings.
"""

from __future__ import annotations

from enum import IntEnum

from .catalog.wrap import WrapUnavailable
from .errors import InputError


class ExitCode(IntEnum):
    SUCCESS = 0
    FAILED = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


# Each exception the core may raise for a user's input, and the code it ends a command with.
# Checked in order: the first class that matches wins.
FOR_EXCEPTION: tuple[tuple[type[BaseException], ExitCode], ...] = (
    (InputError, ExitCode.BAD_INPUT),
    (WrapUnavailable, ExitCode.BAD_INPUT),
    (BrokenPipeError, ExitCode.FAILED),
    (OSError, ExitCode.BAD_INPUT),
)


def exit_code_for(exc: BaseException) -> ExitCode | None:
    """The exit code for an exception, or None when it is a bug (and should show as one)."""
    for kind, code in FOR_EXCEPTION:
        if isinstance(exc, kind):
            return code
    return None
