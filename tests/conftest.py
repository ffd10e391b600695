"""Shared fixtures: a throw-away copy of the frozen fixture content root, and a CLI runner.

Tests of the code run on ``tests/fixtures/content`` (a frozen copy of a real content root), so a
content lead who edits a translation or a source sentence never breaks them. Tests about the
shipped content itself (under ``source/`` and ``locales/``) live in ``tests/shipped``.
"""

from __future__ import annotations

import importlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

REPO = Path(__file__).resolve().parent.parent


def compiled_module(name: str):
    """A compiled module of the package, or None where it was not built (no C compiler at install):
    its tests are then skipped, except under PIPELINE_REQUIRE_COMPILED (CI), where they fail."""
    try:
        return importlib.import_module(name)
    except ImportError:
        if os.environ.get("PIPELINE_REQUIRE_COMPILED"):
            raise
        return None
FIXTURE = REPO / "tests" / "fixtures" / "content"


def copy_content(root: Path, origin: Path = FIXTURE) -> Path:
    """Copy a content root (config, source, locales; the fixture by default) to ``root``."""
    root.mkdir(parents=True)
    shutil.copy(origin / "pipeline.yaml", root / "pipeline.yaml")
    shutil.copytree(origin / "source", root / "source")
    shutil.copytree(origin / "locales", root / "locales")
    return root


@pytest.fixture()
def content_root(tmp_path: Path) -> Path:
    """A copy of the fixture content (config, source, locales) to modify freely."""
    return copy_content(tmp_path / "content")


@pytest.fixture()
def run(content_root: Path):
    """Run the CLI on the content copy: run("update", "--check") -> click Result."""
    runner = CliRunner()

    def invoke(*args: str, root: Path | None = None):
        return runner.invoke(main, ["--root", str(root or content_root), *args], catch_exceptions=False)

    return invoke
