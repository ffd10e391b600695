"""False alarms on a second translator's work: every entry check run on independent translations
of the shipped sources, made apart from the shipped catalogs (benchmarks/second-translator.tsv:
two variants, careful and plain, of each source sentence with a number, a negation, a unit or a
placeholder, in every shipped language). Each is a faithful translation, so each error is either
a false alarm or a rendering a reviewer must look at (a term left out for a paraphrase).

    python benchmarks/second_translator.py              # the table
    python benchmarks/second_translator.py --show E203  # and the entries a code flags

A row whose source is no longer the shipped one is counted as stale and left out.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.catalog.po_reader import read_entries
from pipeline.checks import engine, runner
from pipeline.checks.model import Entry, Scope
from pipeline.project import Project
from pipeline.termbase.matching import Matcher

DATA = REPO / "benchmarks/second-translator.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="append", default=[], help="print the entries this code flags")
    args = parser.parse_args()
    project = Project(REPO)
    checks = engine.by_scope(engine.active_checks(project.config.checks)).get(Scope.ENTRY, [])
    rows = [line.rstrip("\n").split("\t") for line in DATA.read_text("utf-8").splitlines(True)
            if line.strip() and not line.startswith("#")]
    locales = list(dict.fromkeys(row[0] for row in rows))
    contexts = runner._contexts(project, locales, Matcher(project.termbase, project.config.source_language))
    sources = {(pid, entry.msgctxt): entry.msgid for pid in project.select_procedure_ids(())
               for entry in read_entries(f"{pid}.pot", project.template_path(pid).read_bytes())}
    totals: dict[str, Counter[str]] = {locale: Counter() for locale in locales}
    stale = 0
    for locale, variant, procedure, msgctxt, source, translation in rows:
        if sources.get((procedure, msgctxt)) != source:
            stale += 1
            continue
        entry = Entry(locale=locale, procedure=procedure, file=f"{procedure}.po", line=1, msgctxt=msgctxt,
                      msgid=source, msgstr=translation)
        found = [(check.spec.code, check.spec.severity, text) for check in checks
                 for text in check.spec.module.check(entry, contexts[locale], check.options)]
        count = totals[locale]
        count["translations"] += 1
        count["with an error"] += any(severity == "error" for _, severity, _ in found)
        for code, severity, text in found:
            count[f"{code} ({severity})"] += 1
            if code in args.show:
                print(f"{locale} {variant} {procedure} {msgctxt}\n  {translation}\n  {code}: {text}\n")
    codes = sorted({key for count in totals.values() for key in count if key.startswith(("E", "W", "I"))})
    print("| locale | translations | with an error | " + " | ".join(codes) + " |")
    print("| --- | ---: | ---: | " + " | ".join("---:" for _ in codes) + " |")
    for locale in locales:
        count = totals[locale]
        print(f"| {locale} | {count['translations']} | {count['with an error']} | "
              + " | ".join(str(count[code]) for code in codes) + " |")
    print(f"\nstale rows (source changed since): {stale}")


if __name__ == "__main__":
    main()
