"""W301 completeness: a catalog is translated up to its locale's `min_translated` threshold."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import completeness

from .helpers import assert_flagged, catalog, context, entry, row_ids, run

DONE = entry("Rest for two days.", "Descanse dos días.", msgctxt="a")
OPEN = entry("Call us if the wound bleeds.", "", msgctxt="b")  # 6 words
FUZZY = entry("Walk a little every day.", "Camine un poco.", msgctxt="c", fuzzy=True)  # 5 words

CLEAN = [
    # entries of the catalog, locale settings
    ((DONE,), {}),
    ((), {}),  # an empty catalog is complete
    ((DONE, OPEN), {"min_translated": 50}),
    ((DONE, OPEN, FUZZY), {"min_translated": 33}),
]

FLAGGED = [
    # entries of the catalog, locale settings, telling part of the message
    ((DONE, OPEN), {}, "1/2 strings translated (50.0%, threshold 100%): 1 untranslated, 0 fuzzy, 6 words missing"),
    ((DONE, OPEN, FUZZY), {}, "1/3 strings translated (33.3%, threshold 100%): 1 untranslated, 1 fuzzy, 11 words missing"),
    ((DONE, FUZZY), {"min_translated": 80}, "threshold 80%"),
    ((OPEN,), {"min_translated": 1}, "0/1 strings translated"),
]


@pytest.mark.parametrize("entries,settings", CLEAN, ids=[f"clean-{i}" for i in range(len(CLEAN))])
def test_no_finding(entries, settings):
    assert run(completeness, catalog(*entries), context("es", **settings)) == []


@pytest.mark.parametrize("entries,settings,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(entries, settings, expected):
    found = run(completeness, catalog(*entries), context("es", **settings))
    assert_flagged(found, "W301", expected)
    assert [where for _, where, _ in found] == [None]  # about the catalog as a whole, not an entry
