"""One writing command at a time per content root.

Every command that writes (extract, init, update, build, report, review approve/reject/import,
glossary import) holds an advisory lock (flock) on `.pipeline-cache/lock` from before it reads
what it will write until it is done, so that `review approve` and `update` never read the same
catalog and each write back its own copy, losing the other's work. The kernel releases the lock
when its holder exits or is killed, so a killed run never leaves the repository locked.

A command that finds the lock taken waits a little (PIPELINE_LOCK_WAIT seconds, default 30):
writing commands take seconds, and a script or a Makefile that starts two of them should see
them run one after the other rather than fail. A holder that keeps the lock longer is reported
by pid, and the command exits 2 without having written anything.

Holding the lock also means no other run is writing: the temporary files a killed run left are
removed then, and only then.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .config import RECORD_DIR
from .errors import InputError
from .fsutil import destination, naming, remove_temp_files

LOCK_FILE = ".pipeline-cache/lock"
WAIT_VARIABLE = "PIPELINE_LOCK_WAIT"
DEFAULT_WAIT = 30.0
_POLL = 0.05

_held: dict[Path, int] = {}  # content root -> nesting depth in this process


def _wait_limit() -> float:
    raw = os.environ.get(WAIT_VARIABLE, "")
    try:
        return max(0.0, float(raw)) if raw else DEFAULT_WAIT
    except ValueError:
        raise InputError(f"{WAIT_VARIABLE}={raw!r}: give the seconds to wait for another command, "
                         "e.g. 30") from None


def _holder(fd: int) -> str:
    try:
        return os.pread(fd, 32, 0).decode("ascii").strip() or "unknown"
    except (OSError, UnicodeDecodeError):
        return "unknown"


def _acquire(fd: int, path: Path) -> None:
    deadline = time.monotonic() + _wait_limit()
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise InputError(f"another pipeline command is running in this repository (pid {_holder(fd)}): "
                                 "wait for it to finish, then run this command again", str(path)) from None
            time.sleep(_POLL)


@contextmanager
def exclusive(root: Path) -> Iterator[None]:
    """Hold the content root's lock for the block (re-entrant within one process)."""
    key = root.resolve()
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    path = key / LOCK_FILE
    with naming(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        _acquire(fd, path)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        remove_leftovers(key)
        _held[key] = 1
        yield
    finally:
        _held.pop(key, None)
        os.close(fd)  # releases the lock


def _content_folders(root: Path) -> list[Path]:
    locales = root / "locales"
    return [root, root / "source", root / "source/procedures", locales, locales / "templates",
            root / RECORD_DIR, *sorted(locales.glob("*/LC_MESSAGES")),
            *sorted(locales.glob("*/memory"))]  # the memories `tm import` keeps


def remove_leftovers(root: Path) -> None:
    """Remove the temporary files of killed writes in the content, and beside the targets of
    symlinked files (where a write through the link puts its temporary file)."""
    for folder in _content_folders(root):
        if not folder.is_dir():
            continue
        remove_temp_files(folder)
        for entry in folder.iterdir():
            if entry.is_symlink() and entry.is_file():
                target = destination(entry)
                remove_temp_files(target.parent, target.name)
