"""W308 inconsistent-translation: one source text, one translation across a locale's catalogs."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import consistency

from .helpers import assert_flagged, catalog, entry, row_ids, run

HEADING = "Common questions"
FIRST = entry(HEADING, "Preguntas frecuentes", msgctxt="faq.title")
SAME = entry(HEADING, "Preguntas frecuentes", msgctxt="questions.title")
OTHER = entry(HEADING, "Preguntas frecuentes (revisadas)", msgctxt="questions.title")

CLEAN = [
    # catalogs of one locale, as (procedure, entries)
    [("disc", (FIRST,)), ("rhizo", (SAME,))],
    [("disc", (FIRST, entry("Recovery", "Recuperación", msgctxt="recovery.title")))],
    [("disc", (FIRST,)), ("rhizo", (entry(HEADING, "Otra", msgctxt="questions.title", fuzzy=True),))],
    [("disc", (FIRST,)), ("rhizo", (entry(HEADING, "", msgctxt="questions.title"),))],
]

FLAGGED = [
    # catalogs, msgctxt of the flagged entry, telling part of the message
    ([("disc", (FIRST,)), ("rhizo", (OTHER,))], "questions.title",
     "translated differently in disc (faq.title): «Preguntas frecuentes»"),
    ([("disc", (FIRST, entry(HEADING, "Dudas", msgctxt="end.title")))], "end.title", "translated differently"),
]


def catalogs(spec):
    return [catalog(*entries, procedure=procedure) for procedure, entries in spec]


@pytest.mark.parametrize("spec", CLEAN, ids=[f"clean-{i}" for i in range(len(CLEAN))])
def test_no_finding(spec):
    assert run(consistency, catalogs(spec)) == []


@pytest.mark.parametrize("spec,where,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(spec, where, expected):
    found = run(consistency, catalogs(spec))
    assert_flagged(found, "W308", expected)
    assert [w for _, w, _ in found] == [where]
