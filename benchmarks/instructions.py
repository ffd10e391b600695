"""Instructions the catalog checks of a generated library take, counted by valgrind's callgrind: a
measure of a change of a few per cent, which whole runs on a shared machine cannot resolve.

    python benchmarks/instructions.py                              # mid-distinct, 30 procedures
    python benchmarks/instructions.py --size mid --procedures 60   # run.py's library, made if missing
    python benchmarks/instructions.py --root DIR                   # a content root of your own
    python benchmarks/instructions.py --ignore W316                # with checks left out (codes or names)

valgrind runs this script twice, with PYTHONHASHSEED=0: once preparing a check as the runner does
(project, active checks, every locale's context, dictionaries and number data) and stopping; once
also running the runner's job (`runner._run_job`) for the catalogs of the first N procedures in
every locale, one after another in one process. The difference is what those jobs take. Repeated
counts agree to within a few hundred instructions, so two commits can be compared on one library.
With `--ignore`, both runs leave those checks out (as `pipeline check --ignore` does): a check's
count with every check on, less its count without that check, is what the check adds, its own
work and whatever it alone asks of what the checks share.
Instructions are not time: what the CPU does in dedicated instructions (SHA-256 with the SHA
extensions, which valgrind does not use) weighs more here than in time, and waiting for memory
weighs nothing. Needs valgrind (Debian: `apt-get install valgrind`).
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _jobs(root: Path, procedures: int, ignore: tuple[str, ...]) -> None:
    """The child: prepare as the runner does, then run the catalog jobs of the first procedures.
    Says which checks are on (standard error)."""
    sys.path.insert(0, str(REPO))
    from pipeline.checks import engine, runner
    from pipeline.project import Project
    from pipeline.termbase.matching import Matcher

    project = Project(root)
    checks = engine.active_checks(project.config.checks, (), ignore, project.config)
    print("checks:", " ".join(check.spec.code for check in checks), file=sys.stderr)
    locales = project.select_locales(())
    runner._head_start([], runner._WarmUp(checks, locales), checks, locales)  # dictionaries, number data
    source = Matcher(project.termbase, project.config.source_language)
    contexts = runner._contexts(project, [info.posix for info in locales], source)
    runner._STATE["setup"] = runner._Setup(project, engine.by_scope(checks), contexts, source, "0" * 64)
    chosen = set(project.select_procedure_ids(())[:procedures])
    order, _ = runner._jobs(project, runner.Selection(), True, None)
    gc.disable()  # as in a worker (parallel._walk), which runs the catalog jobs of a large run
    for job in order:
        if job[0] and job[1] in chosen:
            runner._run_job(job)


def _unknown(ignore: tuple[str, ...]) -> str | None:
    """The first code or name that matches no check (refused before valgrind's long runs)."""
    sys.path.insert(0, str(REPO))
    from pipeline.checks.engine import matches_selector
    from pipeline.checks.registry import REGISTRY

    return next((s for s in ignore if not any(matches_selector(spec, s) for spec in REGISTRY)), None)


def _count(root: Path, procedures: int, ignore: tuple[str, ...]) -> int:
    """Instructions of a child run under callgrind."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
                               __file__, "--child", str(procedures), "--root", str(root),
                               *(["--ignore", ",".join(ignore)] if ignore else [])],
                              env=dict(os.environ, PYTHONHASHSEED="0"), capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"valgrind failed ({done.returncode}): {done.stderr.strip().splitlines()[-1:]}")
        totals = re.search(r"^summary: (\d+)", out.read_text(), re.MULTILINE)
        if totals is None:
            raise SystemExit(f"{out}: no summary line in callgrind's output")
        return int(totals.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="mid", help="the library's size, as run.py's --size (made if missing)")
    parser.add_argument("--shape", default="distinct", help="its shape, as run.py's --shape")
    parser.add_argument("--root", type=Path, help="a content root instead of --size and --shape")
    parser.add_argument("--procedures", type=int, default=30, help="how many procedures' catalogs to check")
    parser.add_argument("--ignore", default="", help="checks to leave out, by code or name, comma-separated")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    ignore = tuple(item.strip() for item in args.ignore.split(",") if item.strip())
    if (unknown := _unknown(ignore)) is not None:
        parser.error(f"--ignore {unknown!r} matches no check: use a code (E201), a prefix (E2) or a name")
    if args.root is None:
        sys.path.insert(0, str(REPO / "benchmarks"))
        from run import prepare  # run.py's library of that size and shape, generated if missing

        root = prepare(args.size, 1, args.shape)
    else:
        root = args.root
    if args.child is not None:
        _jobs(root, args.child, ignore)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "pipeline")], check=True)
    setup = _count(root, 0, ignore)
    total = _count(root, args.procedures, ignore)
    without = f" without {', '.join(ignore)}" if ignore else ""
    print(f"{root.name}: catalog jobs of {args.procedures} procedures x every locale{without}: "
          f"{(total - setup) / 1e6:,.1f} M instructions (set-up alone {setup / 1e6:,.1f} M)")


if __name__ == "__main__":
    main()
