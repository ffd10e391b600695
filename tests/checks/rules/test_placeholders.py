"""E101 placeholders: the translation has exactly the source's placeholders."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import placeholders

from .helpers import assert_flagged, entry, row_ids, run
from .sentences import ACTIVITY, ACTIVITY_T, CALL, CALL_T, planted

CLEAN = [
    # locale, source, translation
    ("es", CALL, CALL_T["es"]),
    ("zh_Hans", CALL, CALL_T["zh_Hans"]),
    ("es", "%(count)d days, %s", "%s, %(count)d días"),  # order may change
    ("es", "Call %s on %d.", "Llame a %s al %d."),
    ("es", "%(name)s, call %s on %d.", "Llame a %s al %d, %(name)s."),  # a named one may move
    ("es", "Type {{code}} as shown.", "Escriba {{code}} como se muestra."),  # the source's own braces
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("es", CALL, planted(CALL_T["es"], "{clinic_phone}", "{telefono}"), "placeholder {clinic_phone} missing"),
    ("es", CALL, planted(CALL_T["es"], "{clinic_phone}", "{telefono}"),
     "placeholder {telefono} is not in the source: remove it or fix its spelling"),
    ("zh_Hans", CALL, planted(CALL_T["zh_Hans"], "{surgeon_name}", "{surgeon_name} %s"), "%s"),
    ("es", ACTIVITY, planted(ACTIVITY_T["es"], None, " %d"), "placeholder %d is not in the source"),
    # i18next's own syntax: the app fills the inner {clinic_phone} and shows the outer braces
    ("es", CALL, planted(CALL_T["es"], "{clinic_phone}", "{{clinic_phone}}"),
     "placeholder {clinic_phone} is written {{clinic_phone}}: keep single braces"),
    ("es", CALL, planted(CALL_T["es"], "{clinic_phone}", "{{{clinic_phone}}}"), "keep single braces"),
    # an extra brace on one side: i18next shows "{{clinic_phone}" as written, and no phone number
    ("es", CALL, planted(CALL_T["es"], "{clinic_phone}", "{{clinic_phone}"),
     "placeholder {clinic_phone} is written {{clinic_phone}: keep single braces"),
    ("ar", CALL, planted(CALL_T["ar"], "{clinic_name}", "{{clinic_name}"), "is written {{clinic_name}"),
    ("es", CALL, planted(CALL_T["es"], "{clinic_phone}", "{clinic_phone}}"), "is written {clinic_phone}}"),
    # a brace left behind by an edit, beside the placeholder it was meant to be
    ("es", CALL, planted(CALL_T["es"], "{clinic_phone}", "{clinic_phone} {clinic_phone"),
     "a brace outside the placeholders ('{clinic_phone.') is shown to the patient as written"),
    ("zh_Hans", CALL, planted(CALL_T["zh_Hans"], "{clinic_phone}", "{clinic_phone}}"), "is written {clinic_phone}}"),
    ("es", CALL, planted(CALL_T["es"], "{surgeon_name}", "{surgeon_name} }"), "a brace outside the placeholders"),
    # printf placeholders without names are filled in order: swapped, or one fewer, the app fails
    ("es", "Call %s on %d.", "Llame a %d al %s.",
     "placeholders without a name (%d, %s) are not in the source's order (%s, %d): the app fills them in order"),
    ("es", "Take %d tablets, %d times a day.", "Tome %d comprimidos al día.",
     "placeholders without a name (%d) are not in the source's order (%d, %d)"),
]


def test_a_missing_positional_placeholder_is_reported_once() -> None:
    assert len(run(placeholders, entry("Call %s on %d.", "Llame a %s.", "es"))) == 1


@pytest.mark.parametrize("locale,msgid,msgstr", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr):
    assert run(placeholders, entry(msgid, msgstr, locale)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, expected):
    assert_flagged(run(placeholders, entry(msgid, msgstr, locale)), "E101", expected)
