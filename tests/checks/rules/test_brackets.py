"""W307 brackets: brackets and quotation marks balanced in the translation when the source's are."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import brackets

from .helpers import assert_flagged, entry, row_ids, run
from .sentences import ACTIVITY, ACTIVITY_T, planted

ES = ACTIVITY_T["es"]

CLEAN = [
    # locale, source, translation
    ("es", ACTIVITY, ES),
    ("es", ACTIVITY, planted(ES, "Evite", "Evite (sí)")),
    ("es", ACTIVITY, planted(ES, "Evite", "Evite ((sí) (no))")),
    ("es", "Rest (1) or 2)", "Descanse (1) o 2)"),  # the source is unbalanced: nothing to compare
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("es", ACTIVITY, planted(ES, "Evite", "Evite ("), "unbalanced ( )"),
    ("es", ACTIVITY, planted(ES, "Evite", "Evite )sí("), "unbalanced ( )"),
    ("es", ACTIVITY, planted(ES, "Evite", "Evite (sí)) (no("), "unbalanced ( )"),
    ("es", ACTIVITY, planted(ES, "Evite", "Evite «sí"), "unbalanced « »"),
    ("es", ACTIVITY, planted(ES, "Evite", 'Evite "sí'), 'unbalanced " quotation marks'),
]


@pytest.mark.parametrize("locale,msgid,msgstr", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr):
    assert run(brackets, entry(msgid, msgstr, locale)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, expected):
    assert_flagged(run(brackets, entry(msgid, msgstr, locale)), "W307", expected)
