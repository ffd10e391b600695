"""W313 reading-level: a paragraph of patient text reads above US grade `max_grade`."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import reading_level

from .helpers import assert_flagged, procedure, row_ids, run

PLAIN = "You go home the same day. A nurse checks on you first. Then you can rest at home."
DENSE = ("Radiofrequency ablation denervates symptomatic zygapophyseal articulations, potentially ameliorating "
         "chronic axial lumbosacral discomfort considerably in appropriately selected individuals with "
         "degenerative spondylosis.")

CLEAN = [
    # summary of the procedure, options
    (PLAIN, {}),
    ("Radiofrequency ablation denervates symptomatic zygapophyseal articulations.", {}),  # below min_words
    (DENSE, {"max_grade": 40.0}),
]

FLAGGED = [
    # summary, options, telling part of the message
    (DENSE, {}, "reading level"),
    (DENSE, {}, "(at most 8)"),
    (PLAIN, {"max_grade": -10.0, "min_words": 5}, "(at most -10)"),
]


@pytest.mark.parametrize("summary,options", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(summary, options):
    assert run(reading_level, procedure(summary), **options) == []


@pytest.mark.parametrize("summary,options,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(summary, options, expected):
    found = run(reading_level, procedure(summary), **options)
    assert_flagged(found, "W313", expected)
    assert {where for _, where, _ in found} == {"summary"}
