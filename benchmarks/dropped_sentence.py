"""Dropped sentences: what the entry checks report when a translation leaves out one sentence of
its source, per shipped language, and how many finished entries W320 reports unchanged.

    .venv/bin/python benchmarks/dropped_sentence.py [--show-misses]

Catches: each finished translation of two sentences or more loses each of its sentences in turn
(one plant per sentence); a plant counts as caught by a check when that check reports the entry
and did not on the unchanged entry. The sentences are cut here with a plain rule of this script's
own (an end mark . ! ? ؟ followed by a space, or a full-width 。！？), apart from the splitter the
checks share, so that W320 is not measured against itself. False alarms: W320 on the unchanged
finished entries. An entry the planted drop leaves with a number, a negation, a placeholder or a
term fewer is caught by the safety checks too; the table says how many plants only W320 reports.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.checks import engine, runner
from pipeline.checks.model import Entry, Scope
from pipeline.project import Project
from pipeline.termbase.matching import Matcher

CODE = "W320"
_END = re.compile(r"(?<=[.!?؟])\s+|(?<=[。！？])")


def plain_sentences(text: str) -> list[str]:
    return [part for part in (piece.strip() for piece in _END.split(text)) if part]


def dropped(text: str, joiner: str) -> list[str]:
    """``text`` without each of its sentences in turn (none for a text of one sentence)."""
    parts = plain_sentences(text)
    if len(parts) < 2:
        return []
    return [joiner.join(parts[:index] + parts[index + 1:]) for index in range(len(parts))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    project = Project(REPO)
    checks = engine.by_scope(engine.active_checks(project.config.checks)).get(Scope.ENTRY, [])
    locales = [info.posix for info in project.select_locales(())]
    contexts = runner._contexts(project, locales, Matcher(project.termbase, project.config.source_language))

    def codes(locale: str, entry: Entry) -> set[str]:
        return {check.spec.code for check in checks
                if any(True for _ in check.spec.module.check(entry, contexts[locale], check.options))}

    print(f"| locale | finished entries | {CODE} on them | planted drops | caught by any check | by {CODE} "
          f"| by {CODE} alone | checks that report a drop |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    misses: list[str] = []
    for locale in locales:
        count: Counter[str] = Counter()
        by: Counter[str] = Counter()
        joiner = "" if locale.startswith(("zh", "ja")) else " "
        for pid in project.select_procedure_ids(()):
            path = project.catalog_path(locale, pid)
            catalog = engine.catalog_from_po(locale, pid, project.rel(path), path.read_bytes())
            for entry in catalog.entries:
                if engine.entry_scope(entry) != "entry":
                    continue
                clean = codes(locale, entry)
                count["entries"] += 1
                count["alarms"] += CODE in clean
                for text in dropped(entry.msgstr, joiner):
                    new = codes(locale, entry._replace(msgstr=text)) - clean
                    count["planted"] += 1
                    count["caught"] += bool(new)
                    count["ours"] += CODE in new
                    count["alone"] += new == {CODE}
                    by.update(new)
                    if CODE not in new:
                        misses.append(f"{locale} {pid} [{entry.msgctxt}] {text!r}")
        names = ", ".join(f"{code} {n}" for code, n in sorted(by.items())) or "–"
        print(f"| {locale} | {count['entries']} | {count['alarms']} | {count['planted']} | {count['caught']} "
              f"| {count['ours']} | {count['alone']} | {names} |")
    if args.show_misses:
        print(f"\nnot reported by {CODE}:\n" + "\n".join(misses))


if __name__ == "__main__":
    main()
