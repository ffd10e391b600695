"""CPU per entry of each stage of a cold check, in one process, on generated catalogs: how much
of the time is reading, how much is calling the checks at all, how much is their work.

    python benchmarks/floor.py                  # the medium benchmark's catalogs (make bench)
    python benchmarks/floor.py --size large     # or mid: any library run.py generated
    python benchmarks/floor.py --root DIR       # a content root of your own

Stages, each timed over every catalog (median of --runs, process CPU time):
  read      the PO reader alone (`read_entries`)
  entries   reading and building the entries the checks see (`engine.catalog_from_po`)
  no-op     entries, then a do-nothing generator called once per entry check per entry
  checks    entries, then every entry and catalog check, findings discarded
  catalog   the runner's whole job for a catalog (`runner._run_job`: checks, findings, encoding)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.catalog.po_reader import read_entries
from pipeline.checks import engine, runner
from pipeline.checks.model import Scope
from pipeline.project import Project
from pipeline.termbase.matching import Matcher


def _noop(entry, ctx, options):
    return
    yield  # a generator, as every check is


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="medium", help="a library under benchmarks/.work (run.py makes them)")
    parser.add_argument("--root", type=Path, help="a content root instead of --size")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    root = args.root or REPO / "benchmarks/.work" / args.size
    if not (root / "pipeline.yaml").exists():
        raise SystemExit(f"{root}: no content; run `make bench` (or bench-large) first, or give --root")
    project = Project(root)
    by_scope = engine.by_scope(engine.active_checks(project.config.checks))
    source = Matcher(project.termbase, project.config.source_language)
    contexts = runner._contexts(project, [info.posix for info in project.locales], source)
    jobs = [(info.posix, pid, project.catalog_file(info.posix, pid), str(root / project.catalog_file(info.posix, pid)))
            for info in project.select_locales(()) for pid in project.select_procedure_ids(())]
    data = {job: Path(job[3]).read_bytes() for job in jobs}
    runner._STATE["setup"] = runner._Setup(project, by_scope, contexts, source, None)

    def stage_read():
        return sum(len(read_entries(job[2], data[job])) - 1 for job in jobs)

    def stage_entries():
        return sum(len(engine.catalog_from_po(job[0], job[1], job[2], data[job]).entries) for job in jobs)

    def stage_checks(noop: bool = False):
        """The checks' loop; with ``noop``, only the entry checks' calls, each to a do-nothing."""
        for job in jobs:
            catalog = engine.catalog_from_po(job[0], job[1], job[2], data[job])
            ctx = contexts[job[0]]
            for entry in catalog.entries:
                scope = engine.entry_scope(entry)
                for check in by_scope.get(scope, []) if scope == Scope.ENTRY or (scope and not noop) else []:
                    for _ in (_noop if noop else check.spec.module.check)(entry, ctx, check.options):
                        pass
            for check in by_scope.get(Scope.CATALOG, []) if not noop else []:
                for _ in check.spec.module.check(catalog, ctx, check.options):
                    pass

    def stage_catalog():
        for job in jobs:
            runner._run_job(job)

    stages = {"read": stage_read, "entries": stage_entries, "no-op": lambda: stage_checks(noop=True),
              "checks": stage_checks, "catalog": stage_catalog}
    entries = stage_entries()
    print(f"{root.name}: {len(jobs)} catalogs, {entries:,} entries, {len(by_scope.get(Scope.ENTRY, []))} entry checks; "
          f"CPU µs per entry, median of {args.runs} (each run in a fresh fork: memo tables start empty)")
    for name, stage in stages.items():
        times = [_in_fork(stage) for _ in range(args.runs)]
        print(f"  {name:8s} {statistics.median(times) / entries * 1e6:6.1f}")


def _in_fork(stage) -> float:
    """CPU seconds of ``stage`` in a child forked from the prepared state."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        start = time.process_time()
        stage()
        os.write(write, repr(time.process_time() - start).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        value = float(pipe.read())
    os.waitpid(pid, 0)
    return value


if __name__ == "__main__":
    main()
