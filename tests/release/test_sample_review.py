"""Sign-offs by reviewers marked `sample: true` are never presented to an app, nor to a clinic reading
the review site, as a clinical review: the manifest marks each cell `review: sample` with the reason
code `sample-review`, the release record keeps the mark for a last good version, and the site says
"sample sign-off". (tests/fixtures/content: es and zh_Hans reviewers are sample, vi and ar are not.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.project import Project
from pipeline.site import report
from pipeline.site.model import gather

from ..test_bundles import manifest_of, procedure
from .test_lifecycle import fix_english_number


@pytest.mark.parametrize("locale,pid,status,review,sample_code", [
    ("es", "endoscopic-discectomy", "published", "sample", True),
    ("zh_Hans", "endoscopic-rhizotomy", "published", "sample", True),
    ("vi", "endoscopic-discectomy", "published", "clinical", False),
    ("vi", "endoscopic-rhizotomy", "withheld", "none", False),  # nothing ships: no review to speak of
    ("en", "endoscopic-discectomy", "published", "none", False),  # the source language is not a translation
])
def test_manifest_says_whose_sign_offs_ship(content_root, run, locale, pid, status, review, sample_code):
    assert run("build").exit_code == 0
    entry = procedure(manifest_of(content_root / "dist/bundles"), locale, pid)
    assert (entry["status"], entry["review"]) == (status, review)
    assert ("sample-review" in entry["reason_codes"]) == sample_code
    assert len(entry["reasons"]) == len(entry["reason_codes"])
    if sample_code:
        reason = entry["reasons"][entry["reason_codes"].index("sample-review")]
        assert re.fullmatch(r"\d+ strings signed off by sample reviewers \(`sample: true` in pipeline.yaml\): "
                            r"not a clinical review", reason)


def test_a_last_good_version_keeps_its_sample_mark(content_root: Path, run):
    assert run("build").exit_code == 0
    record = json.loads((content_root / "locales/releases/es.json").read_text("utf-8"))
    assert {cell.get("review") for cell in record["procedures"].values()} == {"sample"}
    assert "review" not in json.loads((content_root / "locales/releases/vi.json").read_text("utf-8")
                                      )["procedures"]["endoscopic-discectomy"]
    fix_english_number(run, content_root)  # es/endoscopic-neurotomy now ships its last published version
    assert run("build").exit_code == 0
    entry = procedure(manifest_of(content_root / "dist/bundles"), "es", "endoscopic-neurotomy")
    assert (entry["status"], entry["review"]) == ("outdated", "sample")
    assert "sample-review" in entry["reason_codes"]


@pytest.mark.parametrize("locale,pid,sample", [
    ("es", "endoscopic-discectomy", True),
    ("vi", "endoscopic-discectomy", False),
])
def test_review_site_says_sample_sign_off(content_root: Path, tmp_path: Path, locale, pid, sample):
    site = gather(Project(content_root))
    cell = next(c for row in site.locales if row.posix == locale for c in row.cells if c.procedure_id == pid)
    assert bool(cell.sample) == sample
    report(Project(content_root), tmp_path / "site")
    dashboard = (tmp_path / "site/index.html").read_text("utf-8")
    td = re.search(rf'<tr data-locale="{locale}">.*?data-procedure="{pid}".*?</td>', dashboard, re.S)
    assert td is not None and ("sample sign-off" in td.group(0)) == sample
    page = (tmp_path / "site" / cell.entries_href).read_text("utf-8")
    assert ("sample sign-off" in page) == sample
