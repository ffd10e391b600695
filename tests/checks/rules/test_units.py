"""E202 units: a unit after a number in the source is rendered with its approved term."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import units

from .helpers import assert_flagged, entry, row_ids, run
from .sentences import ACTIVITY, ACTIVITY_T, planted

CLEAN = [
    # locale, source, translation
    ("es", ACTIVITY, ACTIVITY_T["es"]),
    ("zh_Hans", ACTIVITY, ACTIVITY_T["zh_Hans"]),
    ("vi", ACTIVITY, ACTIVITY_T["vi"]),
    ("es", "A week of rest helps.", "Una semana de descanso ayuda."),  # a unit without a number, rendered
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("es", ACTIVITY, planted(ACTIVITY_T["es"], "2–4 semanas", "2–4 días"),
     "unit 'weeks' is not rendered with its approved term semana (found día instead)"),
    ("zh_Hans", ACTIVITY, planted(ACTIVITY_T["zh_Hans"], "2–4周", "2–4天"), "unit 'weeks'"),
    ("vi", ACTIVITY, planted(ACTIVITY_T["vi"], "tuần", "ngày"), "unit 'weeks'"),
    ("es", "A week of rest helps.", "Descansar ayuda.", "week"),  # a unit without a number still counts
]


@pytest.mark.parametrize("locale,msgid,msgstr", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr):
    assert run(units, entry(msgid, msgstr, locale)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, expected):
    assert_flagged(run(units, entry(msgid, msgstr, locale)), "E202", expected)
