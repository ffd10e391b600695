"""`pipeline report`: a one-line summary, and bad input as one line with exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..test_cli import one_line_error


def test_report_writes_the_site_and_says_so(content_root: Path, run):
    result = run("report")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"5 locales x 4 procedures: 10 published, 10 withheld, 0 blocked; 47 files in {content_root / 'dist/report'}"]
    assert (content_root / "dist/report/index.html").is_file()
    again = run("report")  # an earlier site is replaced
    assert again.exit_code == 0, again.output


def test_report_to_a_new_folder(tmp_path: Path, run):
    result = run("report", "--out", str(tmp_path / "new" / "site"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "new/site/ar/endoscopic-discectomy.preview.html").is_file()


def out_file(root: Path) -> str:
    (root / "notes.txt").write_text("x")
    return str(root / "notes.txt")


def out_foreign(root: Path) -> str:
    (root / "mine").mkdir()
    (root / "mine/keep.txt").write_text("x")
    return str(root / "mine")


BAD = [
    # how to make the --out value, fragment of the one-line message
    (out_file, "--out is a file"),
    (out_foreign, "did not write"),
    (lambda root: str(root), "would replace the content root"),
    (lambda root: str(root.parent), "would replace the content root"),
]


@pytest.mark.parametrize("make,message", BAD, ids=["file", "foreign folder", "root", "parent of root"])
def test_bad_out_is_one_line_and_exit_2(content_root: Path, run, make, message):
    out = make(content_root)
    assert message in one_line_error(run("report", "--out", out))
    assert (content_root / "pipeline.yaml").is_file()
    if "mine" in out:
        assert (content_root / "mine/keep.txt").read_text() == "x"


def test_bad_source_date_epoch(run, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert "SOURCE_DATE_EPOCH='yesterday'" in one_line_error(run("report"))


def test_missing_root(tmp_path: Path, run):
    assert "is not a directory" in one_line_error(run("report", root=tmp_path / "nowhere"))
