"""W312 number-words: a number written as a word in the source."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import number_words

from .helpers import assert_flagged, procedure, row_ids, run

CLEAN = [
    # summary of the procedure
    "Rest for 2–4 weeks.",
    "One of the nurses will call you.",  # "one" as a pronoun
    "Someone will phone you at home.",  # "one" inside a word
    "There is no one-size-fits-all plan.",  # "one" before a hyphen and no unit
]

FLAGGED = [
    # summary, telling part of the message
    ("Rest for two weeks.", "«two»"),
    ("Rest for a day or two.", "«a day or two»"),
    ("Three nights in hospital are usual.", "«Three»"),
    ("Wait half an hour before you eat.", "«half an hour»"),
    ("Do not drive for One Week.", "«One Week»"),
    ("Eighteen stitches close the cut.", "«Eighteen»"),
    ("Rest for two weeks.", "number written as words: «two»; use numerals"),
    # "one" before a unit of measure is a quantity as before a unit of time
    ("Do not lift more than one kilogram.", "«one kilogram»"),
    ("Drink one litre of water a day.", "«one litre»"),
    ("Walk one mile a day.", "«one mile»"),
    ("Hold the stretch for one second.", "«one second»"),
    ("The cut is about one inch long.", "«one inch»"),
    # a hyphen or a no-break space between the words is a space
    ("A one-week rest is usual.", "«one-week»"),
    ("A one\u2011week rest is usual.", "«one\u2011week»"),  # a non-breaking hyphen
    ("Do not lift more than one-kilogram bags.", "«one-kilogram»"),
    ("Wait a half-hour before you eat.", "«a half-hour»"),
    ("Wait half-an-hour before you eat.", "«half-an-hour»"),
    ("Wait half\u00a0an hour before you eat.", "«half\u00a0an hour»"),
    ("Wait a\u00a0half hour before you eat.", "«a\u00a0half hour»"),
    ("Rest for a\u00a0day or two.", "«a\u00a0day or two»"),
]


@pytest.mark.parametrize("summary", CLEAN)
def test_no_finding(summary):
    assert run(number_words, procedure(summary)) == []


@pytest.mark.parametrize("summary,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(summary, expected):
    found = run(number_words, procedure(summary))
    assert_flagged(found, "W312", expected)
    assert {where for _, where, _ in found} == {"summary"}


def test_every_message_of_the_procedure_is_read():
    found = run(number_words, procedure("Rest.", "Walk for ten minutes."))
    assert [(where, text) for _, where, text in found] == [("about.p1", "number written as words: «ten»; use numerals")]
