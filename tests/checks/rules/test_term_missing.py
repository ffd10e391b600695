"""E203 term-missing: a concept the source names is named with an approved term."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import term_missing

from .helpers import assert_flagged, entry, row_ids, run
from .sentences import PRESSURE, PRESSURE_ES, planted

NERVES = planted(PRESSURE_ES, "raíces nerviosas", "nervios")

CLEAN = [
    # locale, source, translation, options
    ("es", PRESSURE, PRESSURE_ES, {}),
    ("es", PRESSURE, planted(PRESSURE_ES, "raíces nerviosas", "raíces del nervio"), {}),  # the admitted term
    ("es", PRESSURE, NERVES, {"subjects": ["condition"]}),  # anatomy is not among the checked subjects
]

FLAGGED = [
    # locale, source, translation, options, telling part of the message
    ("es", PRESSURE, NERVES, {}, "'nerve root' must be translated with the approved term raíz nerviosa"),
]


@pytest.mark.parametrize("locale,msgid,msgstr,options", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr, options):
    assert run(term_missing, entry(msgid, msgstr, locale), **options) == []


@pytest.mark.parametrize("locale,msgid,msgstr,options,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, options, expected):
    assert_flagged(run(term_missing, entry(msgid, msgstr, locale), **options), "E203", expected)
