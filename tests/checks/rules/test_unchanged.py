"""W304 unchanged: a translation that copies its source, unless the text has nothing to translate."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import unchanged

from .helpers import assert_flagged, entry, row_ids, run
from .sentences import QUESTION, QUESTION_T

CLEAN = [
    # locale, source, translation
    ("es", QUESTION, QUESTION_T["es"]),
    ("es", "{clinic_phone} 24/7", "{clinic_phone} 24/7"),  # only placeholders and numbers
    ("es", "MRI", "MRI"),  # only a do-not-translate term
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("es", QUESTION, QUESTION, "identical"),
    ("es", "MRI scan", "MRI scan", "the translation is identical to the source"),
]


@pytest.mark.parametrize("locale,msgid,msgstr", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr):
    assert run(unchanged, entry(msgid, msgstr, locale)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, expected):
    assert_flagged(run(unchanged, entry(msgid, msgstr, locale)), "W304", expected)
