"""W315 ignore-comment: an `ignore:` comment that names no check, or a safety check, is reported
instead of silently doing nothing."""

from __future__ import annotations

import pytest

from pipeline.checks.model import Catalog
from pipeline.checks.rules import ignore_comment

from .real_entries import context, shipped

RHIZO = "endoscopic-rhizotomy"

NO_CHECK = "names no check: use a code (W305) or a name (whitespace), see `pipeline check --list`"
SAFETY = ("cannot be silenced: it is a safety check; fix the translation (or the termbase or negation list "
          "if the check is wrong)")
IGNORES = [
    # translator comment, messages
    ("ignore: W305", []),
    ("ignore: whitespace, punctuation", []),
    ("ignore: W999", [f"ignore: 'W999' {NO_CHECK}"]),
    ("ignore: W3", [f"ignore: 'W3' {NO_CHECK}"]),
    ("ignore: E201", [f"ignore: E201 numbers {SAFETY}"]),
    ("Ignore: numbers W305", [f"ignore: E201 numbers {SAFETY}"]),
    ("a note that says nothing to ignore", []),
]


@pytest.mark.parametrize(("comment", "messages"), IGNORES)
def test_ignore_comments_that_cannot_work_are_reported(comment: str, messages: list[str]) -> None:
    entry = shipped("es", RHIZO, "title")._replace(translator_comment=comment)
    untranslated = entry._replace(msgctxt="other", msgstr="", translator_comment="ignore: E101")
    catalog = Catalog("es", RHIZO, "x.po", (entry, untranslated))
    found = list(ignore_comment.check(catalog, context("es"), ignore_comment.OPTIONS))
    assert [m for e, m in found if e is entry] == messages
    assert [m for e, m in found if e is untranslated] == [f"ignore: E101 placeholders {SAFETY}"]

CLEAN = [row for row in IGNORES if not row[1]]
FLAGGED = [row for row in IGNORES if row[1]]
