"""The fork pool: workers die with their parent, so a killed command leaves nothing behind."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from pipeline import parallel

SCRIPT = textwrap.dedent("""
    import os, signal, sys, time
    from pipeline import parallel

    def slow(x):
        time.sleep(0.05)
        return x

    parallel.THRESHOLD = 1
    with parallel.mapper(slow, 400, jobs=2, chunksize=1) as run_all:
        for index, _ in enumerate(run_all(range(400))):
            if index == 5:
                sys.stderr.flush()
                os.kill(os.getpid(), signal.SIGKILL)
""")


SPREAD = SCRIPT.replace("with parallel.mapper(slow, 400, jobs=2, chunksize=1) as run_all:",
                        "with parallel.spread(slow, list(range(400)), jobs=2, chunk=1) as run_all:").replace(
    "enumerate(run_all(range(400)))", "enumerate(run_all)")


@pytest.mark.parametrize("script", [SCRIPT, SPREAD], ids=["mapper", "spread"])
def test_killing_the_parent_ends_its_workers_quietly(script):
    assert "parallel.THRESHOLD = 1" in script and ("parallel.spread" in script) == (script is SPREAD)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    # stderr reaches its end only when every process holding it (the workers too) has exited
    assert proc.returncode == -9
    assert "Traceback" not in proc.stderr and "BrokenPipeError" not in proc.stderr, proc.stderr


def test_small_runs_stay_in_this_process():
    with parallel.mapper(str, 3) as run_all:
        assert list(run_all([1, 2, 3])) == ["1", "2", "3"]


def _pid_after(x):
    import os
    import time

    time.sleep(0.002)
    return os.getpid()


def _fail_at_50(x):
    from pipeline.errors import InputError

    if x == 50:
        raise InputError("unterminated string: close it with a double quote", "a.po", 7)
    return x * x


def _die_at_50(x):
    import os

    if x == 50:
        os._exit(3)
    return x


@pytest.mark.parametrize("count,jobs,chunk", [(1, 2, 8), (63, 2, 8), (64, 2, 8), (65, 3, 1), (400, 2, 8), (1001, 4, 7)])
def test_spread_gives_every_result_once(monkeypatch, count, jobs, chunk):
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    with parallel.spread(str, list(range(count)), jobs=jobs, chunk=chunk) as results:
        got = list(results)
    assert sorted(got) == sorted((i, str(i)) for i in range(count))


def test_spread_keeps_neighbouring_items_on_one_worker(monkeypatch):
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    with parallel.spread(_pid_after, list(range(400)), jobs=2) as results:
        pids = [pid for _, pid in sorted(results)]
    runs = 1 + sum(a != b for a, b in zip(pids, pids[1:], strict=False))
    assert len(set(pids)) == 2 and runs <= 4  # a pool handing out chunks of 8 in turn: about 50


def test_a_failure_in_a_spread_worker_is_raised_here(monkeypatch):
    from pipeline.errors import InputError

    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    with pytest.raises(InputError) as caught, parallel.spread(_fail_at_50, list(range(200)), jobs=2) as results:
        list(results)
    assert str(caught.value).startswith("a.po:7") and "unterminated" in str(caught.value)


def test_a_spread_worker_that_dies_is_an_error_not_a_hang(monkeypatch):
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    with pytest.raises(parallel.WorkerDied), parallel.spread(_die_at_50, list(range(200)), jobs=2) as results:
        list(results)


def test_small_spreads_stay_in_this_process_in_order():
    with parallel.spread(str, [1, 2, 3]) as results:
        assert list(results) == [(0, "1"), (1, "2"), (2, "3")]


def _collecting(_):
    import gc

    return gc.isenabled()


def test_a_spread_worker_runs_without_the_cycle_collector_and_the_parent_keeps_it(monkeypatch):
    import gc

    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    assert gc.isenabled()
    with parallel.spread(_collecting, list(range(100)), jobs=2) as results:
        assert {enabled for _, enabled in results} == {False}
    assert gc.isenabled()


_PAST_A_LARGE_RESULT: Any = None


def _large_then_mark(x):
    if x % 2 == 0:
        return b"x" * 900_000
    _PAST_A_LARGE_RESULT.set()  # this worker sent its large result and went on
    return b""


def test_a_spread_worker_goes_on_after_a_large_result_the_parent_has_not_read(monkeypatch):
    """A worker's pipe holds far more than a pipe's default 64 KiB, so a worker does not wait
    while the parent is busy with earlier results (Linux)."""
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    monkeypatch.setattr(sys.modules[__name__], "_PAST_A_LARGE_RESULT", multiprocessing.get_context("fork").Event())
    with parallel.spread(_large_then_mark, [0, 1, 2, 3], jobs=2, chunk=1) as results:
        went_on = _PAST_A_LARGE_RESULT.wait(timeout=30)  # nothing read yet
        assert sorted(len(result) for _, result in results) == [0, 0, 900_000, 900_000]
    assert went_on


@pytest.mark.parametrize("count,jobs,size", [
    (63, 4, 1),    # below the threshold: this process
    (64, 1, 1),    # one worker asked for: this process
    (64, 2, 2),
    (64, 16, 8),   # no worker with less than a chunk (8 items)
    (1000, 3, 3),
])
def test_spread_size_is_the_number_of_workers_spread_uses(count, jobs, size):
    assert parallel.spread_size(count, jobs) == size
