"""The shipped templates and catalogs: present, valid for GNU msgfmt, and up to date."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ..conftest import REPO

TEMPLATES = sorted((REPO / "locales/templates").glob("*.pot"))
CATALOGS = sorted((REPO / "locales").glob("*/LC_MESSAGES/*.po"))


def test_there_is_shipped_content():
    assert len(TEMPLATES) >= 4 and len(CATALOGS) >= 20


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(REPO)))
def test_msgfmt_check_passes_without_warnings(path: Path):
    result = subprocess.run(["msgfmt", "--check", "--output-file=/dev/null", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stderr == "", result.stderr


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(REPO)))
def test_templates_pass_msgfmt_format_and_domain_checks(path: Path):
    result = subprocess.run(["msgfmt", "--check-format", "--check-domain", "--output-file=/dev/null",
                             str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_shipped_templates_and_catalogs_are_up_to_date(run):
    assert run("extract", "--check").exit_code == 0
    assert run("update", "--check").exit_code == 0
