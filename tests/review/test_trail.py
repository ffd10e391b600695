"""The review trail means what it says: a sign-off covers exactly the text the reviewer read, a
refusal is always reported the same way, and a reviewer sees what a translator silenced and what
changed since the last sign-off."""

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
from pipeline.review.changes import word_diff
from pipeline.review.signoff import ReviewState, provenance_of, rejection_in
from pipeline.review.signoff import review_state_of as state

RHIZO = "endoscopic-rhizotomy"
VI = f"locales/vi/LC_MESSAGES/{RHIZO}.po"  # translated in the fixture, not yet reviewed
REVIEWER = "vi-clinical-review"
REVIEWERS = frozenset({REVIEWER, "vi-second-review"})
CTX = "during.duration"


def entry_of(root: Path, ctx: str = CTX, rel: str = VI) -> polib.POEntry:
    return next(e for e in read_po(root / rel) if e.msgctxt == ctx)


def edit(root: Path, ctx: str = CTX, rel: str = VI, **changes: object) -> None:
    catalog = read_po(root / rel)
    entry = next(e for e in catalog if e.msgctxt == ctx)
    for key, value in changes.items():
        setattr(entry, key, value)
    (root / rel).write_bytes(render(catalog))


def add_second_reviewer(root: Path) -> None:
    config = root / "pipeline.yaml"
    config.write_text(config.read_text("utf-8") + "  vi-second-review: {name: Second reviewer, locales: [vi]}\n",
                      "utf-8")


def export_rows(run, tmp_path: Path) -> tuple[Path, list[dict[str, str]]]:
    sheet = tmp_path / "vi.csv"
    assert run("review", "export", "--locale", "vi", "--procedure", RHIZO, "--out", str(sheet)).exit_code == 0
    return sheet, list(csv.DictReader(io.StringIO(sheet.read_text("utf-8-sig"))))


def write_rows(sheet: Path, rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    sheet.write_text(out.getvalue(), "utf-8")


# --- a reviewer's correction in a sheet --------------------------------------------------------

@pytest.mark.parametrize("verdict", ["approve", ""])
def test_a_corrected_translation_is_applied_as_a_new_translation_never_signed_off(
        content_root, run, tmp_path, verdict: str) -> None:
    add_second_reviewer(content_root)
    sheet, rows = export_rows(run, tmp_path)
    row = next(r for r in rows if r["msgctxt"] == CTX)
    original = row["translation"]
    corrected = original.replace("60", "60 (một giờ)") if "60" in original else original + " Sửa."
    row["translation"], row["verdict"] = corrected, verdict
    write_rows(sheet, rows)
    result = run("review", "import", str(sheet), "--reviewer", REVIEWER)
    assert result.exit_code == 0, result.output
    assert "1 edited" in result.output and "0 approved" in result.output
    entry = entry_of(content_root)
    assert entry.msgstr == corrected
    origin = provenance_of(entry)
    assert origin is not None and origin.translator == REVIEWER and not origin.machine
    assert state(entry, REVIEWERS) is ReviewState.UNREVIEWED
    # the corrector may not sign off their own wording; a second reviewer may
    again = run("review", "approve", "--locale", "vi", "--reviewer", REVIEWER, "--entry", f"{RHIZO}:{CTX}")
    assert again.exit_code == 1 and "translated this entry" in again.output
    other = run("review", "approve", "--locale", "vi", "--reviewer", "vi-second-review", "--entry", f"{RHIZO}:{CTX}")
    assert other.exit_code == 0 and state(entry_of(content_root), REVIEWERS) is ReviewState.SIGNED_OFF


def test_a_correction_with_verdict_reject_is_refused_and_nothing_changes(content_root, run, tmp_path) -> None:
    sheet, rows = export_rows(run, tmp_path)
    row = next(r for r in rows if r["msgctxt"] == CTX)
    before = row["translation"]
    row["translation"], row["verdict"], row["reason"] = before + " Sửa.", "reject", "Wrong word."
    write_rows(sheet, rows)
    result = run("review", "import", str(sheet), "--reviewer", REVIEWER)
    assert result.exit_code == 1
    assert f"refused: vi/{RHIZO} [{CTX}]: " in result.output and "correction" in result.output
    assert entry_of(content_root).msgstr == before and "fuzzy" not in entry_of(content_root).flags


def test_a_correction_of_an_entry_changed_since_export_is_refused_not_dropped(content_root, run, tmp_path) -> None:
    sheet, rows = export_rows(run, tmp_path)
    row = next(r for r in rows if r["msgctxt"] == CTX)
    row["translation"] += " Sửa."  # no verdict: the correction is the reviewer's whole answer
    write_rows(sheet, rows)
    translator = entry_of(content_root).msgstr + " (bản mới)"
    edit(content_root, msgstr=translator)  # the translator changed the entry after the export
    edit(content_root, ctx="title", msgstr=entry_of(content_root, "title").msgstr + "!")  # a row left as it was
    result = run("review", "import", str(sheet), "--reviewer", REVIEWER)
    assert result.exit_code == 1, result.output
    assert f"refused: vi/{RHIZO} [{CTX}]: the source or translation changed" in result.output
    assert "[title]" not in result.output
    assert entry_of(content_root).msgstr == translator


@pytest.mark.parametrize("first, second", [
    ({"translation": "Bản sửa thứ nhất."}, {"translation": "Bản sửa thứ hai."}),
    ({"verdict": "approve"}, {"verdict": "approve", "translation": "Bản sửa."}),
])
def test_two_rows_giving_an_entry_different_wordings_are_refused(content_root, run, tmp_path, first, second) -> None:
    sheet, rows = export_rows(run, tmp_path)
    row = next(r for r in rows if r["msgctxt"] == CTX)
    write_rows(sheet, [{**row, **first}, {**row, **second}])
    before = (content_root / VI).read_bytes()
    result = run("review", "import", str(sheet), "--reviewer", REVIEWER)
    assert result.exit_code == 2, result.output
    assert f"{sheet}:3: " in result.output and "conflicts with line 2" in result.output
    assert (content_root / VI).read_bytes() == before


# --- which entry a command means -----------------------------------------------------------------

@pytest.mark.parametrize("command", [
    ["reject", "--reason", "Too long."],
    ["approve"],
])
def test_an_entry_in_several_procedures_needs_a_procedure(content_root, run, command: list[str]) -> None:
    before = {p.name: p.read_bytes() for p in (content_root / "locales/vi/LC_MESSAGES").iterdir()}
    result = run("review", command[0], "--locale", "vi", "--reviewer", REVIEWER, "--entry", "title", *command[1:])
    assert result.exit_code == 2
    assert "title" in result.output and RHIZO in result.output and "--procedure" in result.output
    assert {p.name: p.read_bytes() for p in (content_root / "locales/vi/LC_MESSAGES").iterdir()} == before


@pytest.mark.parametrize("how", [
    ["--entry", f"{RHIZO}:title"],
    ["--procedure", RHIZO, "--entry", "title"],
])
def test_a_named_procedure_rejects_one_entry_only(content_root, run, how: list[str]) -> None:
    result = run("review", "reject", "--locale", "vi", "--reviewer", REVIEWER, *how, "--reason", "Too long.")
    assert result.exit_code == 0, result.output
    assert "1 rejected" in result.output
    fuzzy = [p.stem for p in (content_root / "locales/vi/LC_MESSAGES").glob("*.po")
             if "fuzzy" in entry_of(content_root, "title", f"locales/vi/LC_MESSAGES/{p.name}").flags]
    assert fuzzy == [RHIZO]


# --- one rule for refusals -------------------------------------------------------------------------

@pytest.mark.parametrize("command, expected", [
    (["reject", "--reason", "Too long."], "not translated"),
    (["approve"], "not translated"),
])
def test_a_refused_entry_is_listed_and_exits_1(content_root, run, command: list[str], expected: str) -> None:
    edit(content_root, msgstr="")
    result = run("review", command[0], "--locale", "vi", "--reviewer", REVIEWER, "--procedure", RHIZO,
                 "--entry", CTX, "--entry", "title", *command[1:])
    assert result.exit_code == 1, result.output
    assert f"refused: vi/{RHIZO} [{CTX}]: {expected}" in result.output
    assert "fuzzy" not in entry_of(content_root).flags and "rejected" not in (entry_of(content_root).tcomment or "")


# --- a rejection comment, however a tool wrapped it ------------------------------------------------

def _wrap(comment: str, width: int = 40) -> str:
    """What a tool that re-wraps translator comments makes of them."""
    import textwrap

    return "\n".join(part for line in comment.split("\n") for part in textwrap.wrap(line, width) or [""])


REASON = 'Use "phút" for minutes, and keep the sentence short enough for a patient to read here.'


@pytest.mark.parametrize("wrapped", [False, True])
def test_a_rejection_comment_is_read_and_removed_whole(content_root, run, wrapped: bool) -> None:
    edit(content_root, tcomment="translated-by: vi-translator\nA note of the translator.")
    result = run("review", "reject", "--locale", "vi", "--reviewer", REVIEWER, "--procedure", RHIZO,
                 "--entry", CTX, "--reason", REASON)
    assert result.exit_code == 0, result.output
    if wrapped:
        edit(content_root, tcomment=_wrap(entry_of(content_root).tcomment))
        assert len(entry_of(content_root).tcomment.split("\n")) > 4
    found = rejection_in(entry_of(content_root).tcomment)
    assert found is not None and found.reason == REASON and found.reviewer == REVIEWER
    report = json.loads(run("check", "--locale", "vi", "--procedure", RHIZO, "--select", "W302",
                            "--format", "json").output)
    assert [f["message"].endswith(REASON) for f in report["findings"] if f["msgctxt"] == CTX] == [True]
    edit(content_root, flags=[])  # the translator confirms the translation
    assert run("review", "approve", "--locale", "vi", "--reviewer", REVIEWER, "--procedure", RHIZO,
               "--entry", CTX).exit_code == 0
    comment = entry_of(content_root).tcomment
    assert "rejected" not in comment and "phút" not in comment and "here" not in comment
    assert "A note of the translator." in comment or "A note of the" in comment


# --- what a reviewer sees ----------------------------------------------------------------------------

def test_pending_and_the_sheet_show_what_a_translator_silenced(content_root, run, tmp_path) -> None:
    entry = entry_of(content_root)
    edit(content_root, msgstr=entry.msgstr + "  ", tcomment="ignore: W305")
    items = json.loads(run("review", "pending", "--locale", "vi", "--procedure", RHIZO, "--format", "json").output)
    item = next(i for i in items if i["msgctxt"] == CTX)
    assert {f["code"] for f in item["silenced"]} == {"W305"}
    assert "W305" not in [f["code"] for f in item["findings"]]
    text = run("review", "pending", "--locale", "vi", "--procedure", RHIZO).output
    assert "silenced by the translator: W305 whitespace" in text
    _, rows = export_rows(run, tmp_path)
    assert next(r for r in rows if r["msgctxt"] == CTX)["silenced"].startswith("W305 ")


@pytest.mark.parametrize("old, new, diff", [
    ("less than 60 minutes", "less than 90 minutes", "less than [-60-] {+90+} minutes"),
    ("a b c", "a b c d", "a b c {+d+}"),
    ("take two pills", "take pills", "take [-two-] pills"),
    ("same", "same", "same"),
])
def test_word_diff(old: str, new: str, diff: str) -> None:
    assert word_diff(old, new) == diff


def test_pending_shows_a_source_change_as_a_word_diff(content_root, run) -> None:
    run("review", "approve", "--locale", "vi", "--reviewer", REVIEWER, "--procedure", RHIZO, "--entry", CTX)
    source = content_root / f"source/procedures/{RHIZO}.yaml"
    source.write_text(source.read_text("utf-8").replace("less than 60 minutes", "less than 90 minutes"), "utf-8")
    run("extract"), run("update")
    edit(content_root, msgstr=entry_of(content_root).msgstr.replace("60", "90"), flags=[])
    items = json.loads(run("review", "pending", "--locale", "vi", "--procedure", RHIZO, "--format", "json").output)
    item = next(i for i in items if i["msgctxt"] == CTX)
    assert item["state"] == "needs-re-review"
    assert "[-60-] {+90+}" in item["changes"] and "source" in item["changes"]


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t.invalid", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t.invalid", "HOME": str(root), "PATH": "/usr/bin:/bin"})


def test_pending_shows_a_translation_change_since_sign_off_from_git(content_root, run) -> None:
    _git(content_root, "init", "-q")
    run("review", "approve", "--locale", "vi", "--reviewer", REVIEWER, "--procedure", RHIZO, "--entry", CTX)
    _git(content_root, "add", "-A")
    _git(content_root, "commit", "-q", "-m", "sign-off")
    signed = entry_of(content_root).msgstr
    edit(content_root, msgstr=signed + " Xin cảm ơn.")
    items = json.loads(run("review", "pending", "--locale", "vi", "--procedure", RHIZO, "--format", "json").output)
    item = next(i for i in items if i["msgctxt"] == CTX)
    assert "{+Xin cảm ơn.+}" in item["changes"] and "translation" in item["changes"]


def test_without_history_pending_says_the_signed_text_is_unknown(content_root, run) -> None:
    run("review", "approve", "--locale", "vi", "--reviewer", REVIEWER, "--procedure", RHIZO, "--entry", CTX)
    edit(content_root, msgstr=entry_of(content_root).msgstr + " Xin cảm ơn.")
    items = json.loads(run("review", "pending", "--locale", "vi", "--procedure", RHIZO, "--format", "json").output)
    item = next(i for i in items if i["msgctxt"] == CTX)
    assert "signed text is not in the git history" in item["changes"]


@pytest.mark.parametrize("date", ["2099-19-45", "2026-02-30", "0000-00-00"])
def test_a_sign_off_with_an_impossible_date_does_not_count(content_root, run, date: str) -> None:
    """A sign-off line is the review trail: one whose date no calendar has was edited by hand."""
    assert run("review", "approve", "--locale", "vi", "--reviewer", REVIEWER, "--procedure", RHIZO,
               "--entry", CTX).exit_code == 0
    entry = entry_of(content_root)
    assert state(entry, REVIEWERS) is ReviewState.SIGNED_OFF
    line = next(x for x in entry.tcomment.splitlines() if x.startswith("signed-off: "))
    forged = line.split(" ")
    forged[2] = date
    edit(content_root, tcomment=entry.tcomment.replace(line, " ".join(forged)))
    assert state(entry_of(content_root), REVIEWERS) is not ReviewState.SIGNED_OFF
