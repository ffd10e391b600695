"""Tests about the shipped content (``source/`` and ``locales/`` of this repository), not the code.

Every other test runs on the frozen fixture under ``tests/fixtures/content``; the tests here run
on a copy of the live content, so a failure here means the content has a defect.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

import pytest
from _pytest.reports import TestReport

from ..conftest import REPO, copy_content

NOTE = ("this is a content test: the shipped content under source/ or locales/ has a defect; fix the "
        "content, not the code (every test outside tests/shipped is about the code)")


@pytest.fixture()
def content_root(tmp_path: Path) -> Path:
    """A copy of the shipped content (config, source, locales), for commands that may write."""
    return copy_content(tmp_path / "content", REPO)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    outcome = yield
    report: TestReport = outcome.get_result()
    if report.failed:
        report.sections.append(("shipped content", NOTE))
        crash = getattr(report.longrepr, "reprcrash", None)
        if crash is not None:  # the short summary (-ra) shows this line
            crash.message = f"{NOTE}\n{crash.message}"
