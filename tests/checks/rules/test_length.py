"""W310 length: the translation's length is within the locale's ratio of the source's."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import length

from .helpers import assert_flagged, context, entry, row_ids, run
from .sentences import ACTIVITY, ACTIVITY_T

SHORT = "Evite cargar peso 2–4 semanas."

CLEAN = [
    # locale, source, translation, locale settings, options
    ("es", ACTIVITY, ACTIVITY_T["es"], {}, {}),
    ("zh_Hans", ACTIVITY, ACTIVITY_T["zh_Hans"], {}, {}),  # Chinese has its own default bounds
    ("es", "Rest.", "Descanse durante mucho tiempo, por favor.", {}, {}),  # below min_chars
    ("es", ACTIVITY, SHORT, {"length_ratio": (0.2, 2.5)}, {}),
    ("es", ACTIVITY, SHORT, {}, {"min_chars": 500}),
]

FLAGGED = [
    # locale, source, translation, locale settings, options, telling part of the message
    ("es", ACTIVITY, SHORT, {}, {}, "length ratio"),
    ("es", ACTIVITY, SHORT, {}, {}, "outside 0.5–2.5: check nothing is missing or added"),
    ("es", ACTIVITY, ACTIVITY_T["es"], {"length_ratio": (0.5, 1.0)}, {}, "outside 0.5–1"),
    ("zh_Hans", ACTIVITY, ACTIVITY_T["es"], {}, {}, "outside 0.15–1.2"),
]


@pytest.mark.parametrize("locale,msgid,msgstr,settings,options", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr, settings, options):
    assert run(length, entry(msgid, msgstr, locale), context(locale, **settings), **options) == []


@pytest.mark.parametrize("locale,msgid,msgstr,settings,options,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, settings, options, expected):
    assert_flagged(run(length, entry(msgid, msgstr, locale), context(locale, **settings), **options), "W310", expected)
