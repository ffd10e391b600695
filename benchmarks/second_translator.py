"""False alarms on a second translator's work: every entry check run on independent translations
of the shipped sources, made apart from the shipped catalogs (benchmarks/second-translator.tsv:
two variants, careful and plain, of each source sentence with a number, a negation, a unit or a
placeholder, in every shipped language). Each is a faithful translation, so each error is either
a false alarm or a rendering a reviewer must look at (a term left out for a paraphrase).

    python benchmarks/second_translator.py              # the table
    python benchmarks/second_translator.py --show E203  # and the entries a code flags
    python benchmarks/second_translator.py --defects    # the defects below, and which are caught

benchmarks/second-translator-defects.tsv holds 100 of those translations with one natural
defect each (a number or unit changed, a negation lost, a placeholder broken, a required term
made vague), each labelled with the check that must report it. A row whose source is no longer
the shipped one is counted as stale and left out.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.catalog.po_reader import read_entries
from pipeline.checks import engine, runner
from pipeline.checks.model import Entry, Scope
from pipeline.project import Project
from pipeline.termbase.matching import Matcher

DATA = REPO / "benchmarks/second-translator.tsv"
DEFECTS = REPO / "benchmarks/second-translator-defects.tsv"


def _rows(path: Path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in path.read_text("utf-8").splitlines(True)
            if line.strip() and not line.startswith("#")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="append", default=[], help="print the entries this code flags")
    parser.add_argument("--defects", action="store_true", help="run the checks on the defective translations")
    args = parser.parse_args()
    project = Project(REPO)
    checks = engine.by_scope(engine.active_checks(project.config.checks)).get(Scope.ENTRY, [])
    rows = _rows(DATA)
    locales = list(dict.fromkeys(row[0] for row in rows))
    contexts = runner._contexts(project, locales, Matcher(project.termbase, project.config.source_language))
    sources = {(pid, entry.msgctxt): entry.msgid for pid in project.select_procedure_ids(())
               for entry in read_entries(f"{pid}.pot", project.template_path(pid).read_bytes())}

    def findings(locale: str, procedure: str, msgctxt: str, source: str, translation: str) -> list[tuple[str, str, str]]:
        entry = Entry(locale=locale, procedure=procedure, file=f"{procedure}.po", line=1, msgctxt=msgctxt,
                      msgid=source, msgstr=translation)
        return [(check.spec.code, check.spec.severity, text) for check in checks
                for text in check.spec.module.check(entry, contexts[locale], check.options)]

    if args.defects:
        _defects(sources, {(row[2], row[3]): row[4] for row in rows}, findings)
        return
    totals: dict[str, Counter[str]] = {locale: Counter() for locale in locales}
    stale = 0
    for locale, variant, procedure, msgctxt, source, translation in rows:
        if sources.get((procedure, msgctxt)) != source:
            stale += 1
            continue
        found = findings(locale, procedure, msgctxt, source, translation)
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


def _defects(sources: dict[tuple[str, str], str], made_from: dict[tuple[str, str], str],
             findings: Callable[[str, str, str, str, str], list[tuple[str, str, str]]]) -> None:
    """Each defective translation through every check: caught when its labelled check reports it."""
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    stale = 0
    for locale, code, procedure, msgctxt, translation, defect in _rows(DEFECTS):
        source = made_from.get((procedure, msgctxt))
        if source is None or sources.get((procedure, msgctxt)) != source:
            stale += 1
            continue
        codes = {found_code for found_code, _, _ in findings(locale, procedure, msgctxt, source, translation)}
        total[code] += 1
        caught[code] += code in codes
        if code not in codes:
            print(f"missed: {locale} {code} {procedure} {msgctxt}: {defect}")
    print("\n| check | defects | caught |")
    print("| --- | ---: | ---: |")
    for code in sorted(total):
        print(f"| {code} | {total[code]} | {caught[code]} |")
    print(f"| all | {sum(total.values())} | {sum(caught.values())} |")
    print(f"\nstale rows (source changed since): {stale}")


if __name__ == "__main__":
    main()
