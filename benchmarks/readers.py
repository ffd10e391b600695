"""Compare PO readers on the same catalogs, in one process: polib, Babel's reader, and the
pipeline's strict reader (its line parser alone, and with the block fast path it uses).

    python benchmarks/readers.py                  # the medium benchmark's catalogs (make bench first)
    python benchmarks/readers.py --size shipped --runs 9

Prints, per reader, the median of --runs full passes over every catalog and the time per entry.
Only readers that accept every catalog are timed; the figures are for choosing, not for CI.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from pathlib import Path

import polib
from babel.messages.pofile import read_po as babel_read_po

from pipeline.catalog.po_reader import read_entries

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "benchmarks/.work"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="medium", help="a folder under benchmarks/.work (run.py makes them)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    paths = sorted((WORK / args.size).glob("locales/*/LC_MESSAGES/*.po"))
    if not paths:
        raise SystemExit(f"no catalogs under {WORK / args.size}: run `python benchmarks/run.py --size {args.size}`")
    files = [(str(p), p.read_bytes()) for p in paths]
    entries = sum(len(read_entries(name, data)) - 1 for name, data in files)
    readers = {
        "polib.pofile": lambda name, data: polib.pofile(data.decode("utf-8")),
        "babel.messages.pofile.read_po": lambda name, data: babel_read_po(io.BytesIO(data)),
        "pipeline line parser (fast=False)": lambda name, data: read_entries(name, data, fast=False),
        "pipeline reader (block fast path)": lambda name, data: read_entries(name, data),
    }
    print(f"{len(files)} catalogs, {entries} entries, median of {args.runs} passes\n")
    print("| reader | seconds | µs per entry |")
    print("| --- | ---: | ---: |")
    for label, read in readers.items():
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            for name, data in files:
                read(name, data)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        print(f"| {label} | {median:.2f} | {median / entries * 1e6:.1f} |")


if __name__ == "__main__":
    main()
