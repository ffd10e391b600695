"""The fork pool: workers die with their parent, so a killed command leaves nothing behind."""

from __future__ import annotations

import subprocess
import sys
import textwrap

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


def test_killing_the_parent_ends_its_workers_quietly():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    # stderr reaches its end only when every process holding it (the workers too) has exited
    assert proc.returncode == -9
    assert "Traceback" not in proc.stderr and "BrokenPipeError" not in proc.stderr, proc.stderr


def test_small_runs_stay_in_this_process():
    with parallel.mapper(str, 3) as run_all:
        assert list(run_all([1, 2, 3])) == ["1", "2", "3"]
