"""W309 same-translation: one long translation used for different source texts."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import ambiguous

from .helpers import assert_flagged, catalog, entry, row_ids, run

LONG_ES = "Llame a la clínica si la herida sangra o se enrojece."  # over 40 characters
BLEEDS = "Call the clinic if the wound bleeds or turns red."
SWELLS = "Call the clinic if your leg swells or feels numb."

CLEAN = [
    # catalogs of one locale, as (procedure, entries), options
    ([("disc", (entry(BLEEDS, LONG_ES, msgctxt="a"),)), ("rhizo", (entry(BLEEDS, LONG_ES, msgctxt="b"),))], {}),
    ([("disc", (entry("Yes", "Sí", msgctxt="a"), entry("Right", "Sí", msgctxt="b")))], {}),  # short: skipped
    ([("disc", (entry(BLEEDS, LONG_ES, msgctxt="a"), entry(SWELLS, LONG_ES, msgctxt="b")))], {"min_chars": 80}),
    ([("disc", (entry(BLEEDS, LONG_ES, msgctxt="a"), entry(SWELLS, LONG_ES, msgctxt="b", fuzzy=True)))], {}),
]

FLAGGED = [
    # catalogs, options, msgctxt of the flagged entry, telling part of the message
    ([("disc", (entry(BLEEDS, LONG_ES, msgctxt="a"),)), ("rhizo", (entry(SWELLS, LONG_ES, msgctxt="b"),))], {},
     "b", f"same translation as disc (a), whose source is different: «{BLEEDS}»"),
    ([("disc", (entry("Yes", "Sí", msgctxt="a"), entry("Right", "Sí", msgctxt="b")))], {"min_chars": 1},
     "b", "same translation as disc (a)"),
]


def catalogs(spec):
    return [catalog(*entries, procedure=procedure) for procedure, entries in spec]


@pytest.mark.parametrize("spec,options", CLEAN, ids=[f"clean-{i}" for i in range(len(CLEAN))])
def test_no_finding(spec, options):
    assert run(ambiguous, catalogs(spec), **options) == []


@pytest.mark.parametrize("spec,options,where,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(spec, options, where, expected):
    found = run(ambiguous, catalogs(spec), **options)
    assert_flagged(found, "W309", expected)
    assert [w for _, w, _ in found] == [where]
