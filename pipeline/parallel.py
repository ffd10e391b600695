"""Spreading independent jobs over a pool of forked worker processes, for large runs only.

Workers are forked so that they inherit the parent's prepared state (the project, compiled
patterns, the termbase's indexes) instead of pickling it; `fork_state` is where a command puts
that state before the pool starts. A worker dies with its parent, so killing a command never
leaves workers behind writing to a closed pipe.
"""

from __future__ import annotations

import ctypes
import fcntl
import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

THRESHOLD = 64  # jobs; below this a worker pool costs more than it saves
_PR_SET_PDEATHSIG = 1
_PIPE_BYTES = 1 << 20  # the default /proc/sys/fs/pipe-max-size


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


class WorkerDied(RuntimeError):
    """A worker process ended without finishing its work (killed, out of memory)."""


def spread_size(count: int, jobs: int | None = None, chunk: int = 8) -> int:
    """How many workers `spread` shares ``count`` items among: 1 when it runs them in this process
    (a small run, or a system that cannot fork)."""
    size = min(workers(jobs), max(1, count // chunk))
    if size < 2 or count < THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return size


@contextmanager
def spread(function: Callable[[In], Out], items: Sequence[In], jobs: int | None = None,
           chunk: int = 8) -> Iterator[Iterator[tuple[int, Out]]]:
    """``(index, function(item))`` for every item, in the order they finish: over forked workers
    when the run is large enough and the system can fork, else in this process, in order.

    Worker w walks its own stretch of the list (the w-th of as many as there are workers) in
    order, so neighbouring items share a worker and whatever it learned from them; a worker done
    with its stretch takes chunks from the far end of the stretch with the most left (`spread_size`
    says how many workers there are). A failure in a worker is raised here; the workers end with
    the block."""
    size = spread_size(len(items), jobs, chunk)
    if size < 2:
        yield ((index, function(item)) for index, item in enumerate(items))
        return
    context = multiprocessing.get_context("fork")
    bounds = context.Array("q", [edge for w in range(size) for edge in (len(items) * w // size,
                                                                          len(items) * (w + 1) // size)])
    processes, readers = [], []
    try:
        for w in range(size):
            reader, writer = context.Pipe(duplex=False)
            _widen(writer)
            process = context.Process(target=_walk, args=(function, items, bounds, w, chunk, writer), daemon=True)
            process.start()
            writer.close()
            processes.append(process)
            readers.append(reader)
        yield _gather(readers, processes)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.join()


def _widen(connection: Connection) -> None:
    """Let the pipe hold many messages (Linux: up to /proc/sys/fs/pipe-max-size), so that a worker
    goes on with its next chunk while the parent is busy with earlier results instead of waiting
    for it to read. Elsewhere, or when refused, the pipe keeps its size."""
    try:
        fcntl.fcntl(connection.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_BYTES)
    except OSError:
        pass


def _claim(bounds: Any, w: int, chunk: int) -> tuple[int, int] | None:
    """The next chunk for worker ``w``: from its own stretch, else from the far end of the
    stretch with the most left; None when every stretch is done."""
    with bounds.get_lock():
        if bounds[2 * w] < bounds[2 * w + 1]:
            start = bounds[2 * w]
            bounds[2 * w] = stop = min(start + chunk, bounds[2 * w + 1])
            return start, stop
        other = max(range(len(bounds) // 2), key=lambda v: bounds[2 * v + 1] - bounds[2 * v])
        if bounds[2 * other] >= bounds[2 * other + 1]:
            return None
        stop = bounds[2 * other + 1]
        bounds[2 * other + 1] = start = max(bounds[2 * other], stop - chunk)
        return start, stop


def _walk(function: Callable[[In], Out], items: Sequence[In], bounds: Any, w: int, chunk: int,
          writer: Connection) -> None:
    """A worker: claim chunks until none is left, sending each chunk's results together (one
    message instead of one per item), then None."""
    _die_with_parent()
    # A check worker allocates millions of small objects that live to its end (its memos) or die
    # at once, freed by their reference counts: it makes no reference cycles for the collector to
    # find (tests/checks/test_runner.py holds the checks to that), so the collector, which would
    # walk the objects it keeps again and again, is off.
    gc.disable()
    try:
        while (claim := _claim(bounds, w, chunk)) is not None:
            writer.send([(index, function(items[index])) for index in range(*claim)])
        writer.send(None)
    except BaseException as exc:  # raised again in the parent, which stops the run
        try:
            writer.send(_Failure(exc))
        except Exception:  # an exception that cannot be pickled: its text still tells what happened
            writer.send(_Failure(RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        writer.close()


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def _gather(readers: list[Connection], processes: Sequence[multiprocessing.process.BaseProcess]
            ) -> Iterator[tuple[int, Any]]:
    left = dict(zip(readers, processes, strict=True))
    while left:
        for reader in wait(list(left)):
            assert isinstance(reader, Connection)
            try:
                message = reader.recv()
            except EOFError:
                raise WorkerDied(f"a worker process ended early (exit code {left[reader].exitcode}): "
                                 "run again, with --jobs 1 to stay in one process") from None
            if message is None:
                del left[reader]
            elif isinstance(message, _Failure):
                raise message.error
            else:
                yield from message
