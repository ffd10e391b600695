"""Findings people read: review state once per catalog, a reviewer's rejection reason in the stale
finding."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from pipeline.checks.model import Catalog, Entry
from pipeline.checks.rules import stale, unreviewed

from .real_entries import context, shipped

RHIZO = "endoscopic-rhizotomy"
Run = Callable[..., Result]


def findings(run: Run, *args: str) -> list[dict[str, object]]:
    return list(json.loads(run("check", "--format", "json", *args).output)["findings"])


def test_unsigned_entries_are_one_finding_per_catalog(run: Run) -> None:
    found = findings(run, "--locale", "vi", "--procedure", RHIZO, "--select", "unreviewed")
    assert [(f["msgctxt"], f["line"]) for f in found] == [(None, 1)]
    assert str(found[0]["message"]).startswith("50 of 50 translated entries are not signed off by a reviewer "
                                               "(first at line ")
    assert str(found[0]["message"]).endswith("list them with `pipeline review pending`")


def test_signed_off_catalogs_report_nothing(run: Run) -> None:
    assert findings(run, "--locale", "es", "--select", "unreviewed") == []


def test_needs_re_review_stays_on_its_entry(content_root: Path, run: Run) -> None:
    run("review", "approve", "--locale", "vi", "--reviewer", "vi-clinical-review", "--procedure", RHIZO,
        "--entry", "during.duration")
    catalog = content_root / f"locales/vi/LC_MESSAGES/{RHIZO}.po"
    text = catalog.read_text("utf-8")
    entry = shipped("vi", RHIZO, "during.duration")
    catalog.write_text(text.replace(f'msgstr "{entry.msgstr}"', f'msgstr "{entry.msgstr} Vâng."', 1), "utf-8")
    found = findings(run, "--locale", "vi", "--procedure", RHIZO, "--select", "unreviewed")
    assert [f["msgctxt"] for f in found] == [None, "during.duration"]
    assert str(found[0]["message"]).startswith("49 of 50 translated")
    assert str(found[1]["message"]).startswith("needs re-review")


def fuzzy(comment: str, previous: str | None = None) -> Entry:
    return shipped("es", RHIZO, "title")._replace(fuzzy=True, translator_comment=comment, previous_msgid=previous)


REJECTION = "review: rejected by es-clinical-review on 2026-11-02: the dose unit is wrong"
STALE = [
    # translator comment, previous msgid, message
    ("", None, "marked fuzzy: the translation needs review before it can ship"),
    (REJECTION, None, "rejected by es-clinical-review on 2026-11-02: the dose unit is wrong"),
    (f"signed-off: x\n{REJECTION}", None, "rejected by es-clinical-review on 2026-11-02: the dose unit is wrong"),
    (REJECTION, "Old title", ("source changed: was «Old title», now «Endoscopic rhizotomy»; and rejected by "
                              "es-clinical-review on 2026-11-02: the dose unit is wrong")),
]


@pytest.mark.parametrize(("comment", "previous", "message"), STALE)
def test_stale_shows_the_rejection_reason(comment: str, previous: str | None, message: str) -> None:
    entry = fuzzy(comment, previous)
    assert list(stale.check(entry, context("es"), stale.OPTIONS)) == [message.replace("Endoscopic rhizotomy",
                                                                                      entry.msgid)]


def test_unreviewed_needs_no_entry_of_a_fuzzy_or_empty_catalog() -> None:
    entry = shipped("vi", RHIZO, "title")._replace(fuzzy=True)
    catalog = Catalog("vi", RHIZO, "x.po", (entry, entry._replace(msgstr="", fuzzy=False)))
    assert list(unreviewed.check(catalog, context("vi"), unreviewed.OPTIONS)) == []
