"""W314 unreviewed: every translated entry of a catalog carries a valid sign-off by a reviewer listed for its
locale; unsigned entries are counted once per catalog, entries needing re-review named one by one."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import unreviewed
from pipeline.review.signoff import fingerprint

from .helpers import assert_flagged, catalog, context, entry, row_ids, run

SOURCE, TEXT = "Rest for 2 days.", "Descanse 2 días."
REVIEWER = "es-clinical-review"


def signed(reviewer: str = REVIEWER, msgid: str = SOURCE, msgstr: str = TEXT, extra: str = "") -> str:
    return extra + f"signed-off: {reviewer} 2026-11-22 {fingerprint('c', msgid, [msgstr])}"


PLURAL_SIGNED = f"signed-off: {REVIEWER} 2026-11-22 {fingerprint('c', '{n} day' + chr(0) + '{n} days', ['{n} día', '{n} días'])}"

CLEAN = [
    # entry (msgctxt "c")
    entry(SOURCE, TEXT, translator_comment=signed()),
    entry(SOURCE, TEXT, translator_comment=signed(extra="translated-by: es-translator\n")),
    entry("{n} day", "{n} día", msgid_plural="{n} days", msgstr_plural=("{n} día", "{n} días"),
          translator_comment=PLURAL_SIGNED),
    entry(SOURCE, TEXT, fuzzy=True),  # fuzzy: stale's concern, never reviewed as it is
]

FLAGGED = [
    # entry, telling part of the message
    (entry(SOURCE, TEXT), "not signed off by a reviewer"),
    (entry(SOURCE, TEXT, translator_comment="signed-off: soon"), "not signed off by a reviewer"),
    (entry(SOURCE, "Descanse 3 días.", translator_comment=signed()),
     f"needs re-review: the sign-off by {REVIEWER} on 2026-11-22 no longer matches"),
    (entry(SOURCE, TEXT, translator_comment=signed("vi-clinical-review")), "needs re-review"),
    (entry(SOURCE, TEXT, translator_comment=signed(extra=f"translated-by: {REVIEWER}\n")), "needs re-review"),
]


def ctx():
    return context("es", reviewers=frozenset({REVIEWER}))


@pytest.mark.parametrize("subject", CLEAN, ids=[f"clean-{i}" for i in range(len(CLEAN))])
def test_no_finding(subject):
    assert run(unreviewed, catalog(subject), ctx()) == []


@pytest.mark.parametrize("subject,expected", FLAGGED, ids=row_ids([(e.translator_comment, x) for e, x in FLAGGED]))
def test_finding(subject, expected):
    assert_flagged(run(unreviewed, catalog(subject), ctx()), "W314", expected)


def test_unsigned_entries_are_counted_once_per_catalog():
    found = run(unreviewed, catalog(entry(SOURCE, TEXT, msgctxt="a"), entry(SOURCE, TEXT, msgctxt="b"),
                                    entry(SOURCE, TEXT, msgctxt="c", translator_comment=signed())), ctx())
    assert len(found) == 1 and "2 of 3 translated entries are not signed off" in found[0][2]
