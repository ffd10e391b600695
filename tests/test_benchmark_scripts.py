"""The benchmark scripts that reach into the check runner run on a small generated library.

They time the runner's internals, so a change to those can break them without any other test
noticing; these only run them (how fast is never asserted here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_floor_runs_every_stage(tmp_path):
    library = tmp_path / "lib"
    subprocess.run([sys.executable, str(REPO / "benchmarks/generate.py"), "--procedures", "3", "--locales", "2",
                    "--seed", "3", "--out", str(library)], check=True, capture_output=True)
    done = subprocess.run([sys.executable, str(REPO / "benchmarks/floor.py"), "--root", str(library), "--runs", "1"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    stages = [line.split()[0] for line in done.stdout.splitlines()[1:]]
    assert stages == ["read", "entries", "no-op", "checks", "catalog"]
