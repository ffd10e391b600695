"""E204 term-deprecated: a deprecated term in the translation, with the preferred one to use."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import term_deprecated

from .helpers import assert_flagged, entry, row_ids, run
from .sentences import DISC_PROBLEMS, DISC_PROBLEMS_ZH, planted

CLEAN = [
    # locale, source, translation
    ("zh_Hans", DISC_PROBLEMS, DISC_PROBLEMS_ZH),
    # a link's address is copied as written: a deprecated word in it is no term of the translation
    ("zh_Hans", "Read https://clinic.example/椎间碟 first.", "请先阅读https://clinic.example/椎间碟 。"),
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("zh_Hans", DISC_PROBLEMS, planted(DISC_PROBLEMS_ZH, "椎间盘", "椎间碟"),
     "deprecated term '椎间碟' (disc): use '椎间盘'"),
]


@pytest.mark.parametrize("locale,msgid,msgstr", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr):
    assert run(term_deprecated, entry(msgid, msgstr, locale)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, expected):
    assert_flagged(run(term_deprecated, entry(msgid, msgstr, locale)), "E204", expected)


def test_a_deprecated_term_used_twice_is_reported_once():
    twice = DISC_PROBLEMS_ZH.replace("椎间盘", "椎间碟")
    assert len(run(term_deprecated, entry(DISC_PROBLEMS, twice, "zh_Hans"))) == 1
