"""W303 plural-forms: an entry with plurals has the locale's number of forms, all translated."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import plurals

from .helpers import assert_flagged, entry, row_ids, run

SOURCE = ("{n} day", "{n} days")

CLEAN = [
    # locale, translated plural forms
    ("es", ("{n} día", "{n} días")),
    ("ar", ("a", "b", "c", "d", "e", "f")),
    ("zh_Hans", ("{n} 天",)),
]

FLAGGED = [
    # locale, translated plural forms, telling part of the message
    ("ar", ("a", "b", "c"), "3 plural forms, the locale needs 6"),
    ("zh_Hans", ("{n} 天", "{n} 天"), "2 plural forms, the locale needs 1"),
    ("es", ("{n} día", ""), "some plural forms are empty"),
]


def plural_entry(locale, forms):
    return entry(SOURCE[0], forms[0], locale, msgid_plural=SOURCE[1], msgstr_plural=forms)


@pytest.mark.parametrize("locale,forms", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, forms):
    assert run(plurals, plural_entry(locale, forms)) == []


@pytest.mark.parametrize("locale,forms,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, forms, expected):
    assert_flagged(run(plurals, plural_entry(locale, forms)), "W303", expected)


def test_an_entry_without_plurals_is_not_its_concern():
    assert run(plurals, entry("A day.", "Un día.", "ar")) == []


def test_the_whole_finding_for_too_few_forms():
    assert run(plurals, plural_entry("ar", ("a", "b", "c"))) == [("W303", "c", "3 plural forms, the locale needs 6")]
