"""Lost negations: false alarms on the shipped catalogs and catches on planted drops, per language.

    .venv/bin/python benchmarks/negation.py [--show-misses]

False alarms: the lost-negation check (E207) over every finished entry of every shipped locale.
Catches: in each finished entry whose English source negates, each negation of the translation is
dropped in turn by a hand-written rewrite of that language (a word removed, "avoid" made "do"),
one plant per occurrence; a plant counts as caught when E207 reports its entry. The rewrites are
written here, apart from source/negation.yaml, so that the check is not measured against itself.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.checks.engine import Collector, active_checks, by_scope, catalog_from_po, check_catalog
from pipeline.checks.model import Catalog, LocaleContext
from pipeline.project import Project
from pipeline.termbase.matching import Matcher, termbase_language

SOURCE_NEGATES = re.compile(r"\b(?:not|no|never|without|avoid|cannot|none|nothing|nor)\b|n't\b", re.IGNORECASE)

# (pattern, replacement) per locale: ways a translator (or a machine) loses a negation. Idioms whose
# negative word does not negate (vi "lúc có lúc không" on and off, ar "لا ... إلا" only, zh 不适
# discomfort) are left alone: removing a word there is not a lost negation.
DROPS: dict[str, list[tuple[str, str]]] = {
    "es": [(r"\b[Nn]o\s+", ""), (r"\b[Nn]unca\s+", ""), (r"\bsin\b", "con"), (r"\b([Ee])vite\b", r"\1jecute"),
           (r"\bni\b", "y"), (r"\bningún\s+", "algún ")],
    "zh_Hans": [(r"不(?!适(?!合))", ""), (r"没有", "有"), (r"没", ""), (r"未", "已"), (r"避免", "进行"), (r"无", "有")],
    "vi": [(r"(?<!lúc )\b[Kk]hông\s+", ""), (r"\bchưa\s+", "đã "), (r"\b([Tt])ránh\b", r"\1hực hiện")],
    "ar": [(r"(?<!\w)(و?)لا\s+(?!\S+\s+إلا)", r"\1"), (r"(?<!\w)(و?)لم\s+", r"\1"), (r"(?<!\w)ليس\s+", ""),
           (r"(?<!\w)(و?)تجنّ?ب(?!\w)", r"\1مارس"), (r"(?<!\w)بعدم(?!\w)", "ب"), (r"(?<!\w)(ب?)دون(?!\w)", "مع")],
    "ht": [(r"\bpa\s+t\s+", ""), (r"\bpa\s+", ""), (r"\bsan\b", "ak"), (r"\b([Ee])vite\b", "fè"),
           (r"\bokenn\b", "kèk")],
}


def context(project: Project, posix: str) -> LocaleContext:
    info = project.locale(posix)
    language = termbase_language(project.termbase, info.posix)
    return LocaleContext(info, language, project.termbase, Matcher(project.termbase, "en"),
                         Matcher(project.termbase, language), project.config.check_settings(posix),
                         project.negation)


def plants(catalog: Catalog, posix: str) -> list[tuple[str, Catalog]]:
    """One catalog per planted drop (a description, the catalog with that one entry changed)."""
    out = []
    for index, entry in enumerate(catalog.entries):
        if entry.fuzzy or not entry.msgstr or not SOURCE_NEGATES.search(entry.msgid):
            continue
        for pattern, replacement in DROPS[posix]:
            for match in re.finditer(pattern, entry.msgstr):
                dropped = entry.msgstr[:match.start()] + match.expand(replacement) + entry.msgstr[match.end():]
                changed = entry._replace(msgstr=dropped)
                entries = (*catalog.entries[:index], changed, *catalog.entries[index + 1:])
                out.append((f"{catalog.procedure} [{entry.msgctxt}] {match.group(0)!r}->{match.expand(replacement)!r}",
                            replace(catalog, entries=entries)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    project = Project(REPO)
    checks = by_scope(active_checks({}, select=("E207",)))
    print("| locale | finished entries | false alarms | planted drops | caught |")
    print("| --- | ---: | ---: | ---: | ---: |")
    misses: list[str] = []
    for posix in DROPS:
        ctx = context(project, posix)
        entries = alarms = planted = caught = 0
        for pid in project.procedure_ids():
            path = project.catalog_path(posix, pid)
            catalog = catalog_from_po(posix, pid, project.rel(path), path.read_bytes())
            entries += sum(1 for e in catalog.entries if e.msgstr and not e.fuzzy)
            clean = Collector()
            check_catalog(catalog, checks, ctx, clean)
            alarms += len(clean.findings)
            for what, dirty in plants(catalog, posix):
                out = Collector()
                check_catalog(dirty, checks, ctx, out)
                planted += 1
                if len(out.findings) > len(clean.findings):
                    caught += 1
                else:
                    misses.append(f"{posix} {what}")
        print(f"| {posix} | {entries} | {alarms} | {planted} | {caught} |")
    if args.show_misses:
        print("\nmissed:\n" + "\n".join(misses))


if __name__ == "__main__":
    main()
