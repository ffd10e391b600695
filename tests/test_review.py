"""Review sign-off: bound to the exact text, kept by gettext tools, never forged or carried over."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import polib
import pytest

from pipeline.catalog.commands import render
from pipeline.catalog.po_reader import read_po
from pipeline.review.signoff import ReviewState
from pipeline.review.signoff import review_state_of as state

NEEDS_REREVIEW, SIGNED_OFF_STATE, FUZZY, UNREVIEWED = (ReviewState.NEEDS_REREVIEW, ReviewState.SIGNED_OFF,
                                                      ReviewState.FUZZY, ReviewState.UNREVIEWED)

CATALOG = "locales/vi/LC_MESSAGES/endoscopic-rhizotomy.po"  # translated in the fixture, not yet reviewed
CTX = "during.duration"
REVIEWERS = frozenset({"vi-clinical-review"})


def entry_of(root: Path, ctx: str = CTX, rel: str = CATALOG) -> polib.POEntry:
    return next(e for e in read_po(root / rel) if e.msgctxt == ctx)


def edit(root: Path, ctx: str = CTX, rel: str = CATALOG, **changes) -> None:
    catalog = read_po(root / rel)
    entry = next(e for e in catalog if e.msgctxt == ctx)
    for key, value in changes.items():
        setattr(entry, key, value)
    (root / rel).write_bytes(render(catalog))


def approve(run, *entries: str, reviewer: str = "vi-clinical-review"):
    args = ["review", "approve", "--locale", "vi", "--reviewer", reviewer, "--procedure", "endoscopic-rhizotomy"]
    for entry in entries:
        args += ["--entry", entry]
    return run(*args)


def test_approve_records_a_sign_off(content_root, run):
    assert state(entry_of(content_root), REVIEWERS) == UNREVIEWED
    result = approve(run, CTX)
    assert result.exit_code == 0 and "1 approved" in result.output
    assert state(entry_of(content_root), REVIEWERS) == SIGNED_OFF_STATE


def test_editing_the_translation_after_sign_off_needs_re_review(content_root, run):
    approve(run, CTX)
    edit(content_root, msgstr=entry_of(content_root).msgstr + " Xin cảm ơn.")
    assert state(entry_of(content_root), REVIEWERS) == NEEDS_REREVIEW
    pending = json.loads(run("review", "pending", "--locale", "vi", "--format", "json").output)
    assert [(p["msgctxt"], p["state"]) for p in pending if p["procedure"] == "endoscopic-rhizotomy"
            and p["msgctxt"] == CTX] == [(CTX, NEEDS_REREVIEW)]


def test_changing_the_source_makes_it_fuzzy_then_needs_re_review(content_root, run):
    approve(run, CTX)
    source = content_root / "source/procedures/endoscopic-rhizotomy.yaml"
    source.write_text(source.read_text("utf-8").replace("less than 60 minutes", "less than 90 minutes"), "utf-8")
    run("extract"), run("update")
    entry = entry_of(content_root)
    assert state(entry, REVIEWERS) == FUZZY
    # the translator fixes the number and clears fuzzy: the old sign-off must not carry over
    edit(content_root, msgstr=entry.msgstr.replace("60", "90"), flags=[], previous_msgid=None)
    assert state(entry_of(content_root), REVIEWERS) == NEEDS_REREVIEW


@pytest.mark.parametrize("tool", [["msgcat"], ["msgmerge", "--quiet", "--previous"]])
def test_sign_off_survives_gettext_tools(content_root, run, tool, tmp_path):
    approve(run)
    path = content_root / CATALOG
    args = [*tool, str(path)]
    if tool[0] == "msgmerge":
        args.append(str(content_root / "locales/templates/endoscopic-rhizotomy.pot"))
    out = subprocess.run(args, check=True, capture_output=True).stdout
    path.write_bytes(out)
    catalog = read_po(path)
    signed = [e for e in catalog if not e.obsolete and state(e, REVIEWERS) == SIGNED_OFF_STATE]
    assert len(signed) == len([e for e in catalog if not e.obsolete])
    assert run("update", "--locale", "vi").exit_code == 0  # and through our own update
    assert all(state(e, REVIEWERS) == SIGNED_OFF_STATE for e in read_po(path) if not e.obsolete)


def test_a_sign_off_copied_to_another_entry_does_not_count(content_root, run):
    approve(run, CTX)
    signed_line = next(line for line in entry_of(content_root).tcomment.split("\n") if line.startswith("signed-off"))
    edit(content_root, ctx="during.steps.incision", tcomment=signed_line)
    assert state(entry_of(content_root, "during.steps.incision"), REVIEWERS) == NEEDS_REREVIEW


def test_reviewer_may_not_sign_off_their_own_translation(content_root, run):
    edit(content_root, tcomment="translated-by: vi-clinical-review")
    result = approve(run, CTX)
    assert result.exit_code == 1 and "translated this entry" in result.output
    assert state(entry_of(content_root), REVIEWERS) == UNREVIEWED


def test_unknown_reviewer_and_wrong_locale_are_refused(run):
    assert "unknown reviewer" in approve(run, CTX, reviewer="someone").output
    assert approve(run, CTX, reviewer="es-clinical-review").exit_code == 2


def test_entries_with_error_findings_are_refused(content_root, run):
    edit(content_root, msgstr=entry_of(content_root).msgstr.replace("60", "50"))
    result = approve(run, CTX)
    assert result.exit_code == 1 and "E201" in result.output
    assert state(entry_of(content_root), REVIEWERS) == UNREVIEWED


def test_reject_marks_fuzzy_and_leaves_the_reason(content_root, run):
    result = run("review", "reject", "--locale", "vi", "--reviewer", "vi-clinical-review",
                 "--procedure", "endoscopic-rhizotomy", "--entry", CTX, "--reason", "Use 'phút' consistently.")
    assert result.exit_code == 0 and "1 rejected" in result.output
    entry = entry_of(content_root)
    assert "fuzzy" in entry.flags
    assert "review: rejected by vi-clinical-review" in entry.tcomment and "phút" in entry.tcomment


def test_two_reviewers_on_different_entries_merge_without_conflict(content_root, run, tmp_path):
    path = content_root / CATALOG
    base = path.read_bytes()
    approve(run, "during.duration")
    ours = path.read_bytes()
    path.write_bytes(base)
    approve(run, "during.steps.incision")
    theirs = path.read_bytes()
    for name, data in (("base.po", base), ("ours.po", ours), ("theirs.po", theirs)):
        (tmp_path / name).write_bytes(data)
    merged = subprocess.run(["git", "merge-file", "-p", str(tmp_path / "ours.po"), str(tmp_path / "base.po"),
                             str(tmp_path / "theirs.po")], capture_output=True)
    assert merged.returncode == 0, merged.stdout.decode()
    path.write_bytes(merged.stdout)
    states = {e.msgctxt: state(e, REVIEWERS) for e in read_po(path)}
    assert states["during.duration"] == states["during.steps.incision"] == SIGNED_OFF_STATE


def test_review_sheet_round_trip_refuses_changed_rows(content_root, run, tmp_path):
    sheet = tmp_path / "vi.csv"
    assert run("review", "export", "--locale", "vi", "--procedure", "endoscopic-rhizotomy", "--out", str(sheet)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(sheet.read_text("utf-8"))))
    assert rows and {"source", "translation", "terms", "findings", "verdict"} <= set(rows[0])
    for row in rows:
        if row["msgctxt"] == CTX:
            row["verdict"] = "approve"
        elif row["msgctxt"] == "during.steps.incision":
            row["verdict"], row["reason"] = "reject", "Check the size."
        elif row["msgctxt"] == "title":
            row["verdict"] = "approve"
    edit(content_root, ctx="title", msgstr=entry_of(content_root, "title").msgstr + "!")  # changed since export
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    sheet.write_text(out.getvalue(), "utf-8")
    result = run("review", "import", str(sheet), "--reviewer", "vi-clinical-review")
    assert result.exit_code == 1
    assert "refused: vi/endoscopic-rhizotomy [title]: the source or translation changed" in result.output
    assert state(entry_of(content_root), REVIEWERS) == SIGNED_OFF_STATE
    assert "fuzzy" in entry_of(content_root, "during.steps.incision").flags
    assert state(entry_of(content_root, "title"), REVIEWERS) == UNREVIEWED


def test_status_and_check_report_review(content_root, run):
    approve(run, CTX)
    edit(content_root, msgstr=entry_of(content_root).msgstr + " Vâng.")
    rows = json.loads(run("status", "--format", "json", "--locale", "vi").output)["catalogs"]
    rhizo = next(r for r in rows if r["procedure"] == "endoscopic-rhizotomy")
    assert rhizo["review"]["needs_rereview"] == 1
    done = next(r for r in rows if r["procedure"] == "endoscopic-discectomy")
    assert done["review"]["percent"] == 100.0
    report = json.loads(run("check", "--locale", "vi", "--select", "unreviewed", "--format", "json").output)
    messages = {f["msgctxt"]: f["message"] for f in report["findings"] if f["procedure"] == "endoscopic-rhizotomy"}
    assert messages[CTX].startswith("needs re-review")


def test_status_counts_the_review_state(content_root):
    from pipeline.catalog.commands import status
    from pipeline.project import Project

    rows = {(r.locale, r.procedure): r for r in status(Project(content_root))}
    for locale in ("es", "zh_Hans"):
        assert all(r.reviewed == r.progress.total for (loc, _), r in rows.items() if loc == locale)
    vi = [r for (loc, _), r in rows.items() if loc == "vi"]
    share = sum(r.reviewed for r in vi) / sum(r.progress.total for r in vi)
    assert 0.4 <= share <= 0.6
