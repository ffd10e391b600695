"""W311 long-sentence: a source sentence longer than `max_words` words."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import long_sentence

from .helpers import assert_flagged, procedure, row_ids, run

THIRTY = " ".join(["word"] * 30) + "."

CLEAN = [
    # summary of the procedure, options
    ("You can go home on the same day.", {}),
    (THIRTY, {"max_words": 30}),
    (" ".join(["word"] * 20) + ". " + " ".join(["Word"] + ["word"] * 19) + ".", {}),  # two sentences of 20
]

FLAGGED = [
    # summary, options, telling part of the message
    (THIRTY, {}, "sentence of 30 words"),
    (THIRTY, {}, "(at most 25)"),
    ("You can go home on the same day.", {"max_words": 5}, "sentence of 8 words (at most 5): «You can go home"),
]


@pytest.mark.parametrize("summary,options", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(summary, options):
    assert run(long_sentence, procedure(summary), **options) == []


@pytest.mark.parametrize("summary,options,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(summary, options, expected):
    found = run(long_sentence, procedure(summary), **options)
    assert_flagged(found, "W311", expected)
    assert {where for _, where, _ in found} == {"summary"}
