"""Spreading independent jobs over a pool of forked worker processes, for large runs only.

Workers are forked so that they inherit the parent's prepared state (the project, compiled
patterns, the termbase's indexes) instead of pickling it; `fork_state` is where a command puts
that state before the pool starts. A worker dies with its parent, so killing a command never
leaves workers behind writing to a closed pipe.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

THRESHOLD = 64  # jobs; below this a worker pool costs more than it saves
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Runs in each worker: ask the kernel to kill it when the parent dies (Linux), and let an
    interrupt stop the parent, which then ends the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the worker notices the closed pipe instead
    if os.getppid() == 1:  # the parent is already gone
        os._exit(1)


def workers(jobs: int | None) -> int:
    return jobs or os.cpu_count() or 1


@contextmanager
def mapper(function: Callable[[In], Out], count: int, jobs: int | None = None,
           chunksize: int = 8) -> Iterator[Callable[[Iterable[In]], Iterator[Out]]]:
    """A `map` for ``count`` jobs: in order, over forked workers when the run is large enough and
    the system can fork, else in this process. The pool ends when the block does."""
    size = workers(jobs)
    if size < 2 or count < THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
        yield lambda items: map(function, items)
        return
    pool = multiprocessing.get_context("fork").Pool(size, initializer=_die_with_parent)
    try:
        yield lambda items: pool.imap(function, items, chunksize=chunksize)
    finally:
        pool.terminate()
        pool.join()
