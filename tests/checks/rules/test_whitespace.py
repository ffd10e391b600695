"""W305 whitespace: leading or trailing spaces, doubled spaces and line breaks follow the source."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import whitespace

from .helpers import assert_flagged, entry, row_ids, run
from .sentences import ACTIVITY, ACTIVITY_T, planted

ES = ACTIVITY_T["es"]

CLEAN = [
    # locale, source, translation
    ("es", ACTIVITY, ES),
    ("es", "First line\nsecond line", "Primera línea\nsegunda línea"),
    ("es", "Two  spaces", "Dos  espacios"),  # the source has them too
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("es", ACTIVITY, planted(ES, "Evite la", "Evite  la"), "doubled space"),
    ("es", ACTIVITY, planted(ES, None, " "), "trailing white space"),
    ("es", ACTIVITY, " " + ES, "leading or trailing white space differs from the source"),
    ("es", ACTIVITY, planted(ES, "Evite la", "Evite\nla"), "1 line breaks, the source has 0"),
]


@pytest.mark.parametrize("locale,msgid,msgstr", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr):
    assert run(whitespace, entry(msgid, msgstr, locale)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, expected):
    assert_flagged(run(whitespace, entry(msgid, msgstr, locale)), "W305", expected)
