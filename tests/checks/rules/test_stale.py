"""W302 stale: a fuzzy translation, with the old and the new source when the source changed."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import stale

from .helpers import assert_flagged, entry, row_ids, run

NEW = "Avoid heavy lifting for at least 3–4 weeks."
OLD = "Avoid heavy lifting for at least 2–4 weeks."
OLD_ES = "Evite levantar peso durante al menos 2–4 semanas."

CLEAN = [
    # entry the runner gives the check (only fuzzy, translated entries reach it)
    entry(NEW, "Evite levantar peso durante al menos 3–4 semanas."),
    entry(NEW, ""),  # untranslated: counted by completeness, not stale
    entry(NEW, "", fuzzy=True),
]

FLAGGED = [
    # entry, telling part of the message
    (entry(NEW, OLD_ES, fuzzy=True, previous_msgid=OLD), f"source changed: was «{OLD}», now «{NEW}»"),
    (entry(NEW, OLD_ES, fuzzy=True), "marked fuzzy: the translation needs review before it can ship"),
    (entry(NEW, OLD_ES, fuzzy=True, previous_msgid=NEW), "marked fuzzy"),
    (entry(NEW, OLD_ES, fuzzy=True, previous_msgid="Old\nsource"), "was «Old\nsource»"),
]


@pytest.mark.parametrize("subject", CLEAN, ids=[f"clean-{i}" for i in range(len(CLEAN))])
def test_no_finding(subject):
    assert run(stale, subject) == []


@pytest.mark.parametrize("subject,expected", FLAGGED, ids=row_ids([(e.msgstr, x) for e, x in FLAGGED]))
def test_finding(subject, expected):
    assert_flagged(run(stale, subject), "W302", expected)
