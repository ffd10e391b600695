"""Units named without a number: false alarms on the shipped catalogs and catches on swapped units.

    .venv/bin/python benchmarks/units.py

False alarms: the units check (E202) over every finished entry of every shipped locale. Catches: in
each finished entry, each occurrence of a time unit in the translation (found through the termbase)
is swapped for the next unit of the list (day → week → month → year → hour → minute → day), one
plant per occurrence; plants where the source names the unit with a number before it and where
it does not are counted apart, the second being what E202 did not look at before.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from negation import context

from pipeline.checks.engine import catalog_from_po
from pipeline.checks.rules import units
from pipeline.project import Project

CYCLE = ["day", "week", "month", "year", "hour", "minute"]
LOCALES = ["es", "zh_Hans", "vi", "ar", "ht"]
AFTER_NUMBER = re.compile(r"\d[\d.,]*(?:\s*(?:[–—-]|to|or)\s*\d[\d.,]*)?[\s-]*$")


def main() -> None:
    project = Project(REPO)
    concepts = {c.id: c for c in project.termbase.concepts}
    print("| locale | finished entries | false alarms | swaps after a number | caught "
          "| swaps without a number | caught |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for posix in LOCALES:
        ctx = context(project, posix)
        row = [0, 0, 0, 0, 0, 0]
        for pid in project.procedure_ids():
            path = project.catalog_path(posix, pid)
            for entry in catalog_from_po(posix, pid, project.rel(path), path.read_bytes()).entries:
                if entry.fuzzy or not entry.msgstr:
                    continue
                row[0] += 1
                row[1] += bool(list(units.check(entry, ctx, {})))
                source = {h.concept.id: h for h in ctx.source.find(entry.msgid) if h.concept.id in CYCLE}
                for hit in ctx.target.find(entry.msgstr):
                    if hit.concept.id not in source:
                        continue
                    swap = concepts[CYCLE[(CYCLE.index(hit.concept.id) + 1) % len(CYCLE)]].preferred(ctx.language)
                    if swap is None:
                        continue
                    text = entry.msgstr[:hit.start] + swap.display + entry.msgstr[hit.end:]
                    numbered = bool(AFTER_NUMBER.search(entry.msgid[:source[hit.concept.id].start]))
                    column = 2 if numbered else 4
                    row[column] += 1
                    row[column + 1] += bool(list(units.check(entry._replace(msgstr=text), ctx, {})))
        print(f"| {posix} | " + " | ".join(map(str, row)) + " |")


if __name__ == "__main__":
    main()
