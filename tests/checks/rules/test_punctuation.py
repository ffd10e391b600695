"""W306 punctuation: end punctuation and opening marks follow the locale."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import punctuation

from .helpers import assert_flagged, entry, row_ids, run
from .sentences import ACTIVITY, ACTIVITY_T, QUESTION, QUESTION_T, planted

CLEAN = [
    # locale, source, translation
    ("es", QUESTION, QUESTION_T["es"]),
    ("zh_Hans", QUESTION, QUESTION_T["zh_Hans"]),
    ("ar", QUESTION, QUESTION_T["ar"]),
    ("zh_Hans", ACTIVITY, ACTIVITY_T["zh_Hans"]),
    ("es", "Recovery", "Recuperación"),  # a title stays a title
    ("es", "Bring:", "Traiga:"),
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("es", QUESTION, planted(QUESTION_T["es"], "¿", ""), "opens with '¿'"),
    ("zh_Hans", QUESTION, planted(QUESTION_T["zh_Hans"], "？", "?"), "end the translation with '？'"),
    ("ar", QUESTION, planted(QUESTION_T["ar"], "؟", "?"), "end the translation with '؟'"),
    ("zh_Hans", ACTIVITY, planted(ACTIVITY_T["zh_Hans"], "重物。", "重物"), "end the translation with '。'"),
    ("es", "Recovery", "Recuperación.", "the source has no final full stop (a title?)"),
    ("es", "Stop!", "Pare!", "exclamation in this language opens with '¡'"),
    ("ar", "Rest, then walk.", "استرح, ثم امش.", "use the Arabic comma '،' instead of ','"),
]


@pytest.mark.parametrize("locale,msgid,msgstr", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr):
    assert run(punctuation, entry(msgid, msgstr, locale)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, expected):
    assert_flagged(run(punctuation, entry(msgid, msgstr, locale)), "W306", expected)


def test_the_exclamation_message_reads_correctly():
    [(_, _, message)] = run(punctuation, entry("Stop!", "Pare!", "es"))
    assert message == "an exclamation in this language opens with '¡'"
