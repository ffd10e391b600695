"""What the review site shows for the fixture content, and the rule that makes a cell blocked."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.project import Project
from pipeline.release import bundles, policy
from pipeline.site.model import cell_state, gather

from ..conftest import copy_content
from .conftest import MATRIX, plant

PROCEDURES = ("endoscopic-discectomy", "endoscopic-neurotomy", "endoscopic-rhizotomy",
              "microdiscectomy-rehabilitation")
P, W, B = "published", "withheld", "blocked"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    # gather() keeps a check cache under the root: give it a copy, never the fixture itself.
    return Project(copy_content(tmp_path_factory.mktemp("fixture") / "content"))


@pytest.fixture(scope="module")
def site(project):
    return gather(project)


def row(site, posix: str):
    return next(r for r in site.locales if r.posix == posix)


@pytest.mark.parametrize("status,required,errors,expected", [
    ("published", False, 0, P),
    ("published", True, 0, P),
    ("withheld", False, 0, W),
    ("withheld", True, 0, B),  # `pipeline build` fails: required_blocked
    ("withheld", False, 2, B),  # error findings: no sign-off can clear them
    ("withheld", True, 2, B),
])
def test_cell_state_rule(status, required, errors, expected):
    assert cell_state(status, required, errors) == expected


@pytest.mark.parametrize("posix,states", MATRIX)
def test_matrix(site, posix, states):
    cells = row(site, posix).cells
    assert tuple(c.procedure_id for c in cells) == PROCEDURES
    assert tuple(c.state for c in cells) == states


TOTALS = [
    # locale, required, translated %, reviewed %, fuzzy entries, error findings
    ("es", True, 100.0, 100.0, 0, 0),
    ("zh_Hans", True, 100.0, 100.0, 0, 0),
    ("vi", False, 100.0, 51.7, 0, 0),
    ("ar", False, 84.5, 0.0, 8, 0),
    ("ht", False, 40.2, 0.0, 0, 0),
]


@pytest.mark.parametrize("posix,required,translated,reviewed,fuzzy,errors", TOTALS)
def test_totals(site, posix, required, translated, reviewed, fuzzy, errors):
    locale = row(site, posix)
    assert locale.required is required
    assert locale.translated_percent == translated
    assert locale.reviewed_percent == reviewed
    assert locale.entries_in("fuzzy") == fuzzy
    assert sum(len(c.errors) for c in locale.cells) == errors


def test_counts_agree_with_the_release_plan(site, project):
    releases = {(r.locale.posix, r.procedure.id): r for r in policy.plan(project) if r.locale}
    for locale in site.targets:
        for cell in locale.cells:
            release = releases[(locale.posix, cell.procedure_id)]
            assert (cell.total, cell.translated, cell.reviewed, cell.total_words, cell.translated_words) == (
                release.total, release.translated, release.reviewed, release.total_words,
                release.translated_words)
            assert cell.reasons == release.reasons


def test_withheld_reasons_answer_what_blocks_arabic(site):
    cell = row(site, "ar").cells[0]
    assert cell.reasons == ("7 strings untranslated", "2 strings fuzzy (source changed or marked for review)",
                            "36 strings not signed off by a reviewer")
    states = {e.state for e in cell.entries}
    assert states == {"untranslated", "fuzzy", "translated"}
    fuzzy = next(e for e in cell.entries if e.state == "fuzzy")
    assert fuzzy.translation and "W302" in fuzzy.codes


def test_entry_states_and_findings(site):
    vi = row(site, "vi")
    assert {e.state for e in vi.cells[0].entries} == {"signed-off"}
    assert {e.state for e in vi.cells[2].entries} == {"translated"}
    assert all(e.codes == () for e in vi.cells[2].entries)  # not signed off: counted once for the catalog
    assert [f.code for f in vi.cells[2].catalog_findings] == ["W314"]


def test_withheld_preview_is_a_draft_that_falls_back_per_string(site):
    cell = row(site, "ar").cells[0]
    assert cell.draft and cell.preview["direction"] == "rtl" and cell.preview["locale"] == "ar"
    texts = [cell.preview["title"], cell.preview["summary"]] + [
        b["text"] for s in cell.preview["sections"] for b in s["blocks"] if b["type"] == "paragraph"]
    langs = {t["lang"] for t in texts}
    assert langs == {"ar", "en"}


def test_published_preview_is_the_bundle_document(site, project):
    cell = row(site, "zh_Hans").cells[0]
    release = next(r for r in policy.plan(project)
                   if r.locale and r.locale.posix == "zh_Hans" and r.procedure.id == cell.procedure_id)
    assert not cell.draft
    assert cell.preview == bundles.document(release, "zh-Hans", "ltr")


def test_required_locale_that_cannot_publish_is_blocked(content_root: Path):
    config = content_root / "pipeline.yaml"
    config.write_text(config.read_text().replace("vi: {required: false}", "vi: {required: true}"))
    site = gather(Project(content_root))
    assert tuple(c.state for c in row(site, "vi").cells) == (P, P, B, B)


def test_error_findings_block_a_locale_that_is_not_required(content_root: Path):
    plant(content_root, locale="ar", procedure="endoscopic-neurotomy", msgctxt="title")
    site = gather(Project(content_root))
    cell = row(site, "ar").cells[1]
    assert cell.state == B
    assert "E102" in {f.code for f in cell.errors}
    assert any("error finding" in r for r in cell.reasons)


def test_findings_by_code_count_per_locale(site):
    by_code = {c.code: c for c in site.findings_by_code}
    order = [r.posix for r in site.locales]
    unreviewed = by_code["W314"]
    assert unreviewed.per_locale[order.index("es")] == 0
    assert unreviewed.per_locale[order.index("vi")] == 2  # one finding per catalog with unsigned entries
    assert unreviewed.total == sum(unreviewed.per_locale)


@pytest.fixture(scope="module")
def deleted(tmp_path_factory):
    from click.testing import CliRunner

    from pipeline.cli import main

    root = copy_content(tmp_path_factory.mktemp("deleted") / "content")
    assert CliRunner().invoke(main, ["--root", str(root), "build"]).exit_code == 0  # the release record
    (root / "source/procedures/endoscopic-neurotomy.yaml").unlink()  # retired where it was published
    return gather(Project(root))


@pytest.mark.parametrize("posix,total,translated,reviewed,words", [
    # what `pipeline status` counts: the catalogs of the procedures that still have a source
    ("es", 129, 129, 129, 2316),
    ("vi", 129, 129, 45, 2316),
    ("zh_Hans", 129, 129, 129, 2316),
    ("ar", 129, 109, 0, 2316),
])
def test_a_deleted_procedure_counts_in_no_totals(deleted, posix, total, translated, reviewed, words):
    r = row(deleted, posix)
    assert (r.total("total"), r.total("translated"), r.total("reviewed"), r.total("total_words")) == (
        total, translated, reviewed, words)
