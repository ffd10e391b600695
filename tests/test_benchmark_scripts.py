"""The benchmark scripts on small generated libraries: the ones that reach into the check runner
still run (a change to its internals could break them without any other test noticing), and the
generator's shapes differ as its documentation says. How fast is never asserted here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib
import pytest

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



@pytest.mark.parametrize(("ignore", "off"), [
    ([], set()),
    (["--ignore", "W316"], {"W316"}),
    (["--ignore", "numbers, W314"], {"E201", "W314"}),  # by name or code, as `pipeline check --ignore`
])
def test_instructions_child_runs_the_catalog_jobs(tmp_path, ignore, off):
    """benchmarks/instructions.py prepares and runs catalog jobs as the runner does, in the part
    valgrind counts (run here without valgrind), with the checks --ignore names left out."""
    library = tmp_path / "lib"
    subprocess.run([sys.executable, str(REPO / "benchmarks/generate.py"), "--procedures", "3", "--locales", "2",
                    "--seed", "3", "--out", str(library)], check=True, capture_output=True)
    done = subprocess.run([sys.executable, str(REPO / "benchmarks/instructions.py"), "--root", str(library),
                           "--child", "2", *ignore], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    on = set(next(line for line in done.stderr.splitlines() if line.startswith("checks:")).split()[1:])
    assert on.isdisjoint(off) and {"E201", "W314", "W316"} - off <= on


def test_instructions_refuses_a_check_that_does_not_exist(tmp_path):
    """Before valgrind's long runs: usage error, exit 2, naming what was given."""
    done = subprocess.run([sys.executable, str(REPO / "benchmarks/instructions.py"), "--root", str(tmp_path),
                           "--ignore", "W999"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "--ignore 'W999' matches no check" in done.stderr


def _distinct_share(library: Path) -> float:
    """The share of distinct source texts among a library's catalog entries."""
    texts = [entry.msgid for path in sorted(library.glob("locales/*/LC_MESSAGES/*.po"))
             for entry in polib.pofile(str(path)) if not entry.obsolete]
    return len(set(texts)) / len(texts)


def test_distinct_shape_repeats_fewer_texts_than_varied(tmp_path):
    shares = {}
    for shape in ("varied", "distinct"):
        library = tmp_path / shape
        subprocess.run([sys.executable, str(REPO / "benchmarks/generate.py"), "--procedures", "40", "--locales", "1",
                        "--seed", "2", "--shape", shape, "--defect-rate", "0", "--out", str(library)],
                       check=True, capture_output=True)
        for path in library.glob("locales/*/LC_MESSAGES/*.po"):
            subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)], check=True, capture_output=True)
        shares[shape] = _distinct_share(library)
    assert shares["distinct"] > shares["varied"] + 0.1, shares


def _run_module():
    """benchmarks/run.py as a module (the scripts are not a package)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import run
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return run


def test_a_library_is_made_again_when_the_shipped_content_changes(tmp_path):
    """run.py reuses a generated library only while what it was made from is unchanged: the
    generator and the shipped content it recombines."""
    inputs_digest = _run_module().inputs_digest
    repo = tmp_path / "repo"
    for name, text in {"benchmarks/generate.py": "# generator", "pipeline.yaml": "project: x",
                       "source/termbase.yaml": "concepts: []", "locales/es/LC_MESSAGES/a.po": 'msgid ""'}.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, "utf-8")
    first = inputs_digest(repo)
    assert inputs_digest(repo) == first
    for name in ("benchmarks/generate.py", "pipeline.yaml", "source/termbase.yaml", "locales/es/LC_MESSAGES/a.po"):
        before = (repo / name).read_text("utf-8")
        (repo / name).write_text(before + "\n# edited", "utf-8")
        assert inputs_digest(repo) != first, name
        (repo / name).write_text(before, "utf-8")
    (repo / "README.md").write_text("not an input", "utf-8")
    assert inputs_digest(repo) == first


def test_timed_counts_the_cpu_of_the_commands_children(tmp_path):
    """A cold check does its work in forked workers and msgfmt in one process per catalog: the CPU
    time run.py reports must include every process the command waited for."""
    busy = "import os, time\nif os.fork() == 0:\n    end = time.process_time() + 0.3\n" \
           "    while time.process_time() < end: pass\n    os._exit(0)\nos.wait()\n"
    wall, peak, cpu = _run_module().timed([sys.executable, "-c", busy], tmp_path)
    assert cpu >= 0.25, cpu
    assert wall >= 0.25 and peak > 0


def test_pinned_commands_run_on_the_cores_asked_for():
    """`--cores N` runs each timed command on the first N cores, the pipeline with N workers and
    msgfmt N at a time, so that one machine can show how both sides scale."""
    run = _run_module()
    assert run.pinned(["pipeline", "check"], None) == ["pipeline", "check"]
    assert run.pinned(["pipeline", "check"], 1) == ["taskset", "-c", "0", "pipeline", "check"]
    assert run.pinned(["sh", "-c", "x"], 3) == ["taskset", "-c", "0-2", "sh", "-c", "x"]


def test_second_translator_runs_on_the_shipped_sources():
    """Every row of the second translator's file still translates a shipped source: a source edit
    that leaves rows stale shows here (translate the new source again, or drop the rows)."""
    done = subprocess.run([sys.executable, str(REPO / "benchmarks/second_translator.py")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line.split("|")[1].strip() for line in done.stdout.splitlines() if line.startswith("| ")][2:]
    assert rows == ["es", "vi", "zh_Hans", "ar", "ht"], done.stdout
    assert "stale rows (source changed since): 0" in done.stdout


def test_second_translator_defects_run_on_the_shipped_sources():
    done = subprocess.run([sys.executable, str(REPO / "benchmarks/second_translator.py"), "--defects"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "| all | 100 |" in done.stdout and "stale rows (source changed since): 0" in done.stdout, done.stdout
