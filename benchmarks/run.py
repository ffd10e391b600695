"""Time the pipeline's commands as whole processes on generated content, beside GNU msgfmt and
translate-toolkit's pofilter on the same catalogs.

    python benchmarks/run.py --size medium        # 500 procedures x 5 locales (make bench)
    python benchmarks/run.py --size mid           # 300 procedures x 4 locales, where fixed costs weigh more
    python benchmarks/run.py --size large         # 2,000 procedures x 10 locales
    python benchmarks/run.py --size shipped       # the shipped content

Each command runs --runs times; the table gives the median wall time, the peak resident memory of
the largest process (GNU time's %M) and entries per second. `check (cold)` starts without a cache;
`check (warm)` runs after a full check with one catalog edited; both write the JSON report to a
file, and the `text report` rows write the default format, every finding a line, to a file. Peers: `msgfmt --check-format` on
every catalog (xargs, one process per file, as many in parallel as cores; run right after each
`check (cold)` run when that row is timed) and `pofilter` (default checks) from .venv-bench, once.
Under the table: each pair's ratio, and the CPU time (user and system, children included) of the
cold check and of msgfmt. `--cores N` runs every timed command on the first N cores (the check
with N workers, msgfmt N at a time), so that one machine shows how each side scales.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "benchmarks/.work"
SIZES = {"shipped": None, "mid": (300, 4), "medium": (500, 5), "large": (2000, 10)}
PIPELINE = str(REPO / ".venv/bin/pipeline")


def timed(args: list[str], cwd: Path) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds (user and system, of the command and of every
    process it waited for: the check's workers, each msgfmt) of one command."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", *args], cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    peak, user, system = result.stderr.strip().splitlines()[-1].split()
    return wall, int(peak), float(user) + float(system)


def pinned(args: list[str], cores: int | None) -> list[str]:
    """A command run on the first ``cores`` cores only (util-linux's taskset), or as it is."""
    if cores is None:
        return args
    return ["taskset", "-c", "0" if cores == 1 else f"0-{cores - 1}", *args]


def inputs_digest(repo: Path) -> str:
    """What a generated library is made from: the generator and the shipped content it recombines
    (pipeline.yaml, source/, locales/), 12 hex digits of SHA-256 over their paths and bytes."""
    digest = hashlib.sha256()
    files = [repo / "benchmarks/generate.py", repo / "pipeline.yaml"]
    files += sorted(path for folder in ("source", "locales") for path in (repo / folder).rglob("*") if path.is_file())
    for path in files:
        digest.update(path.relative_to(repo).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def prepare(size: str, seed: int, shape: str) -> Path:
    root = WORK / (size if shape == "varied" or size == "shipped" else f"{size}-{shape}")
    if size == "shipped":
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        shutil.copy(REPO / "pipeline.yaml", root)
        shutil.copytree(REPO / "source", root / "source")
        shutil.copytree(REPO / "locales", root / "locales")
        return root
    procedures, locales = SIZES[size]
    # A library made by another version of the generator, or from other shipped content, is made again.
    generator = inputs_digest(REPO)
    marker = root / f".generated-{procedures}x{locales}-{seed}-{shape}-{generator}"
    if not marker.exists():
        subprocess.run([sys.executable, str(REPO / "benchmarks/generate.py"), "--procedures", str(procedures),
                        "--locales", str(locales), "--seed", str(seed), "--shape", shape, "--out", str(root)],
                       check=True)
        marker.touch()
    return root


def edit_one_catalog(root: Path, round_: int) -> None:
    path = sorted(root.glob("locales/*/LC_MESSAGES/*.po"))[0]
    text = path.read_text("utf-8")
    path.write_text(re.sub(r'msgstr "(?!")', f'msgstr "{round_}', text, count=1), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=SIZES, default="medium")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shape", choices=("varied", "distinct", "uniform"), default="varied",
                        help="the generator's shape (benchmarks/generate.py): distinct repeats fewer texts; "
                             "uniform is the shape of the log's first entries")
    parser.add_argument("--only", default="",
                        help="';'-separated names of the rows to time (e.g. 'check (cold);update'); peers always run")
    parser.add_argument("--pofilter", default=str(REPO / ".venv-bench/bin/pofilter"))
    parser.add_argument("--cores", type=int,
                        help="run every timed command on the first N cores only (taskset): the check "
                             "with N workers, msgfmt N at a time")
    args = parser.parse_args()
    if args.cores is not None and not 1 <= args.cores <= (os.cpu_count() or 1):
        parser.error(f"--cores must be between 1 and {os.cpu_count() or 1}, the cores this machine has")
    args.pofilter = str(Path(args.pofilter).resolve())
    root = prepare(args.size, args.seed, args.shape)
    # An installed pipeline has its bytecode compiled (pip does it at install); an editable checkout
    # under PYTHONDONTWRITEBYTECODE would compile every module again in every timed process.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "pipeline")], check=True)
    only = {name.strip() for name in args.only.split(";") if name.strip()}
    catalogs = sorted(root.glob("locales/*/LC_MESSAGES/*.po"))
    entries = sum(p.read_text("utf-8").count("\nmsgid ") for p in catalogs) - len(catalogs)  # less headers
    cache = root / ".pipeline-cache"
    results: dict[str, list[tuple[float, int, float]]] = {}

    def measure(name: str, command: list[str], before=None, after=None) -> None:
        if only and name not in only:
            return
        for round_ in range(args.runs):
            if before:
                before(round_)
            results.setdefault(name, []).append(timed(pinned(command, args.cores), root))
            if after:
                after()

    jobs = str(args.cores or os.cpu_count() or 1)
    msgfmt = ["sh", "-c", f"find locales -name '*.po' -print0 | xargs -0 -P{jobs} -n1 msgfmt --check-format -o /dev/null 2>/dev/null; true"]
    peer = "msgfmt --check-format (peer)"

    def time_msgfmt() -> None:
        results.setdefault(peer, []).append(timed(pinned(msgfmt, args.cores), root))

    base = [PIPELINE, "-q", "--root", str(root)]
    workers = ["--jobs", jobs] if args.cores else []  # the check's own default: as many as cores
    measure("extract", [*base, "extract"])
    measure("update", [*base, "update", *workers])
    # msgfmt runs right after each cold check: a machine that slows down for a while slows both.
    measure("check (cold)", [*base, "check", *workers, "--format", "json", "--output", str(root / "findings.json")],
            before=lambda _: shutil.rmtree(cache, ignore_errors=True), after=time_msgfmt)
    measure("check (warm, 1 catalog edited)", [*base, "check", *workers, "--format", "json", "--output", str(root / "findings.json")],
            before=lambda r: edit_one_catalog(root, r))
    # The default text report (every finding a line), to a file as the JSON one is.
    text_report = [*base, "check", *workers, "--output", str(root / "findings.txt")]
    measure("check, text report (cold)", text_report, before=lambda _: shutil.rmtree(cache, ignore_errors=True))
    measure("check, text report (warm, 1 catalog edited)", text_report,
            before=lambda r: edit_one_catalog(root, r + args.runs))
    measure("build", [*base, "build", "--out", str(root / "dist")])
    peers: dict[str, float] = {}
    if peer not in results:  # the cold check was not timed
        for _ in range(args.runs):
            time_msgfmt()
    if Path(args.pofilter).exists():
        out = root / ".pofilter-out"
        shutil.rmtree(out, ignore_errors=True)
        results["pofilter, default checks (peer, 1 run)"] = [timed(pinned([args.pofilter, "--nofuzzy", "-i", "locales",
                                                                           "-o", str(out)], args.cores), root)]
    rows = []
    cpu = {name: statistics.median(v[2] for v in values) for name, values in results.items()}
    for name, values in sorted(results.items(), key=lambda item: "(peer" in item[0]):  # peers last
        wall = statistics.median(v[0] for v in values)
        peak = max(v[1] for v in values)
        rows.append((name, wall, peak))
        if "peer" in name:
            peers[name.split(" ")[0]] = wall
    cold = next((w for n, w, _ in rows if n == "check (cold)"), float("nan"))
    print(f"Size: {args.size} ({args.shape} shape, seed {args.seed}): {len(catalogs)} catalogs, {entries} entries; {os.cpu_count()} cores{f', {args.cores} used' if args.cores else ''} "
          f"({platform.machine()}), Python {platform.python_version()}; {time.strftime('%Y-%m-%d')}; "
          f"median of {args.runs} runs.\n")
    print("| command | wall time | peak memory | entries/s | vs check (cold) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, wall, peak in rows:
        print(f"| {name} | {wall:.2f} s | {peak / 1024:.0f} MiB | {entries / wall:,.0f} | {wall / cold:.2f}× |")
    print()
    named = {n: w for n, w, _ in rows}
    if {"check (warm, 1 catalog edited)", "check, text report (cold)"} <= named.keys():
        print(f"- check (warm) / check (cold): {named['check (warm, 1 catalog edited)'] / cold:.3f}; text report: "
              f"{named['check, text report (warm, 1 catalog edited)'] / named['check, text report (cold)']:.3f}")
    if "update" in named:
        print(f"- update / check (cold): {named['update'] / cold:.2f}")
    if "msgfmt" in peers:
        line = f"- check (cold) / msgfmt --check-format: {cold / peers['msgfmt']:.2f}"
        if "check (cold)" in results:
            pairs = [c[0] / m[0] for c, m in zip(results["check (cold)"], results[peer], strict=True)]
            line += f" (each cold check over the msgfmt run after it: {', '.join(f'{r:.2f}' for r in pairs)})"
        print(line)
        if "check (cold)" in cpu:
            # CPU against wall: a ratio of CPU below the ratio of wall times is time the check
            # spends on fewer cores than msgfmt (its start, before the workers are forked).
            print(f"- CPU, user and system (median): check (cold) {cpu['check (cold)']:.2f} s, msgfmt "
                  f"{cpu[peer]:.2f} s: {cpu['check (cold)'] / cpu[peer]:.2f}")
    if "pofilter," in peers:
        print(f"- pofilter / check (cold): {peers['pofilter,'] / cold:.1f}")


if __name__ == "__main__":
    main()
