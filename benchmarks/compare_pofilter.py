"""Compare `pipeline check` with translate-toolkit's pofilter on the same planted defects.

Usage (from the repository root, after `make compare`):
    .venv/bin/python benchmarks/compare_pofilter.py [--pofilter .venv-bench/bin/pofilter]

Takes the shipped, finished Spanish catalogs, plants each defect of benchmarks/planted.py into up to
`--per-defect` different entries (one defect per entry), runs both tools on the result, and prints
a Markdown table: how many planted defects each tool reports on the right entry, and how many
entries each tool reports on the clean shipped catalogs (false alarms).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))
from planted import DEFECTS

from pipeline.catalog.commands import render
from pipeline.catalog.po_reader import read_po

REPO = Path(__file__).resolve().parent.parent


def copy_content(target: Path) -> None:
    shutil.copy(REPO / "pipeline.yaml", target / "pipeline.yaml")
    shutil.copytree(REPO / "source", target / "source")
    shutil.copytree(REPO / "locales", target / "locales")


def plant(root: Path, per_defect: int) -> dict[tuple[str, str], str]:
    """Plant defects into the Spanish catalogs; return {(procedure, msgctxt): defect name}."""
    planted: dict[tuple[str, str], str] = {}
    catalogs = {p.stem: read_po(p) for p in sorted((root / "locales/es/LC_MESSAGES").glob("*.po"))}
    for defect in DEFECTS:
        count = 0
        for procedure, catalog in catalogs.items():
            for entry in catalog:
                key = (procedure, entry.msgctxt)
                if count >= per_defect or key in planted or not entry.msgstr or "fuzzy" in entry.flags:
                    continue
                if defect.applies(entry.msgid, entry.msgstr):
                    entry.msgstr = defect.plant(entry.msgid, entry.msgstr)
                    planted[key] = defect.name
                    count += 1
    for procedure, catalog in catalogs.items():
        (root / f"locales/es/LC_MESSAGES/{procedure}.po").write_bytes(render(catalog))
    return planted


def pipeline_hits(root: Path) -> dict[tuple[str, str], set[str]]:
    result = subprocess.run([str(REPO / ".venv/bin/pipeline"), "--root", str(root), "check", "--locale", "es",
                             "--format", "json"], capture_output=True, text=True)
    hits: dict[tuple[str, str], set[str]] = defaultdict(set)
    for finding in json.loads(result.stdout)["findings"]:
        if finding["locale"] == "es" and finding["msgctxt"]:
            hits[(finding["procedure"], finding["msgctxt"])].add(finding["code"])
    return hits


def pofilter_hits(root: Path, pofilter: str) -> dict[tuple[str, str], set[str]]:
    hits: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in sorted((root / "locales/es/LC_MESSAGES").glob("*.po")):
        with tempfile.TemporaryDirectory() as scratch:
            out = Path(scratch) / "failures.po"
            subprocess.run([pofilter, "--nofuzzy", "--language=es", str(path), str(out)],
                           capture_output=True, check=False)
            if not out.exists() or not out.read_text("utf-8").strip():
                continue
            for entry in polib.pofile(str(out)):
                names = {line.split(":", 1)[0].replace("(pofilter)", "").strip()
                         for line in entry.tcomment.splitlines() if line.startswith("(pofilter)")}
                if names:
                    hits[(path.stem, entry.msgctxt)] |= names
    return hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pofilter", default=str(REPO / ".venv-bench/bin/pofilter"))
    parser.add_argument("--per-defect", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as clean_dir, tempfile.TemporaryDirectory() as dirty_dir:
        clean, dirty = Path(clean_dir), Path(dirty_dir)
        copy_content(clean)
        copy_content(dirty)
        planted = plant(dirty, args.per_defect)
        ours, theirs = pipeline_hits(dirty), pofilter_hits(dirty, args.pofilter)
        clean_ours, clean_theirs = pipeline_hits(clean), pofilter_hits(clean, args.pofilter)
    expected = {d.name: d.expected for d in DEFECTS}
    rows = defaultdict(lambda: [0, 0, 0, set()])
    for key, name in planted.items():
        row = rows[name]
        row[0] += 1
        row[1] += any(code.startswith(expected[name]) for code in ours.get(key, ()))
        row[2] += bool(theirs.get(key))
        row[3] |= theirs.get(key, set())
    print("| planted defect (Spanish, real entries) | planted | `pipeline check` | `pofilter` (default checks) | pofilter filters that fired |")
    print("| --- | ---: | ---: | ---: | --- |")
    for defect in DEFECTS:
        if defect.name in rows:
            n, a, b, names = rows[defect.name]
            print(f"| {defect.name} ({defect.expected}) | {n} | {a} | {b} | {', '.join(sorted(names)) or '–'} |")
    total = [sum(r[i] for r in rows.values()) for i in range(3)]
    print(f"| **all** | {total[0]} | {total[1]} | {total[2]} | |")
    entries = sum(len([e for e in polib.pofile(str(p)) if e.msgstr]) for p in (REPO / "locales/es/LC_MESSAGES").glob("*.po"))
    print(f"\nOn the clean shipped Spanish catalogs ({entries} translated entries): `pipeline check` reports "
          f"{len(clean_ours)} entries, pofilter flags {len(clean_theirs)} entries "
          f"({', '.join(f'{k} {v}' for k, v in sorted(_count(clean_theirs).items()))}).")


def _count(hits):
    counts = defaultdict(int)
    for names in hits.values():
        for name in names:
            counts[name] += 1
    return counts


if __name__ == "__main__":
    main()
