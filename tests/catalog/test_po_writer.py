"""The writer prints real catalogs byte for byte as GNU msgcat does (the fixture's files)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pipeline.catalog.commands import render
from pipeline.catalog.po_reader import read_po

from ..conftest import FIXTURE

FILES = sorted((FIXTURE / "locales/templates").glob("*.pot")) + sorted((FIXTURE / "locales").glob("*/LC_MESSAGES/*.po"))


def test_the_fixture_has_templates_and_catalogs():
    assert len(FILES) >= 24


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(FIXTURE)))
def test_msgcat_round_trip_is_byte_identical(path: Path):
    printed = subprocess.run(["msgcat", str(path)], check=True, capture_output=True).stdout
    assert printed == path.read_bytes()
    assert render(read_po(path)) == printed
