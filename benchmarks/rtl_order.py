"""Right-to-left order: false alarms on the shipped Arabic catalogs and catches on planted values.

    .venv/bin/python benchmarks/rtl_order.py

False alarms: the rtl-order check (E208) over every finished Arabic entry. Catches: each placeholder
of each finished entry replaced by a value typed into the text (a phone number in four forms, a
reference code), one plant per placeholder and value; a plant counts as caught when E208 reports
its entry. The counts are checked against python-bidi's layout of the planted text: a plant whose
value python-bidi shows in order is not a defect and is counted apart.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bidi import get_display

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.checks.engine import catalog_from_po
from pipeline.checks.rules import rtl_order
from pipeline.project import Project

sys.path.insert(0, str(REPO / "benchmarks"))
from negation import context

VALUES = ["555-0100", "+1 555 0100", "٥٥٥-٠١٠٠", "A-12/3", "(555) 0100"]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def main() -> None:
    project = Project(REPO)
    ctx = context(project, "ar")
    entries = alarms = planted = caught = harmless = 0
    for pid in project.procedure_ids():
        path = project.catalog_path("ar", pid)
        for entry in catalog_from_po("ar", pid, project.rel(path), path.read_bytes()).entries:
            if entry.fuzzy or not entry.msgstr:
                continue
            entries += 1
            alarms += bool(list(rtl_order.check(entry, ctx, {})))
            for match in PLACEHOLDER.finditer(entry.msgstr):
                for value in VALUES:
                    text = entry.msgstr[:match.start()] + value + entry.msgstr[match.end():]
                    if value in get_display(PLACEHOLDER.sub("", text), base_dir="R"):
                        harmless += 1
                        continue
                    planted += 1
                    caught += bool(list(rtl_order.check(entry._replace(msgstr=text), ctx, {})))
    print("| locale | finished entries | false alarms | planted values shown out of order | caught | "
          "planted but shown in order |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print(f"| ar | {entries} | {alarms} | {planted} | {caught} | {harmless} |")


if __name__ == "__main__":
    main()
