"""The shipped translations can be released: no error findings, signed off, bundles build."""

from __future__ import annotations

import json

from pipeline.catalog.commands import status
from pipeline.project import Project


def test_shipped_complete_locales_have_no_errors(run):
    result = run("check", "--format", "json", "--locale", "es", "--locale", "zh_Hans", "--locale", "vi")
    report = json.loads(result.output)
    assert [f for f in report["findings"] if f["severity"] == "error"] == []
    assert result.exit_code == 0


def test_shipped_review_state(content_root):
    project = Project(content_root)
    rows = {(r.locale, r.procedure): r for r in status(project)}
    required = [p for p, settings in project.config.locales.items() if settings.required]
    assert required
    for locale in required:
        assert all(r.reviewed == r.progress.total for (loc, _), r in rows.items() if loc == locale), locale


def test_shipped_content_builds_every_required_locale(run):
    result = run("build")
    assert result.exit_code == 0, result.output
    assert run("build", "--check").exit_code == 0

