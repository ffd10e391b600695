"""Shared fixtures: a throw-away copy of the shipped content root, and a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

REPO = Path(__file__).resolve().parent.parent


def copy_content(root: Path) -> Path:
    """Copy the shipped content (config, source, locales) to ``root``."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "pipeline.yaml", root / "pipeline.yaml")
    shutil.copytree(REPO / "source", root / "source")
    shutil.copytree(REPO / "locales", root / "locales")
    return root


@pytest.fixture()
def content_root(tmp_path: Path) -> Path:
    """A copy of the shipped content (config, source, locales) to modify freely."""
    return copy_content(tmp_path / "content")


@pytest.fixture()
def run(content_root: Path):
    """Run the CLI on the content copy: run("update", "--check") -> click Result."""
    runner = CliRunner()

    def invoke(*args: str, root: Path | None = None):
        return runner.invoke(main, ["--root", str(root or content_root), *args], catch_exceptions=False)

    return invoke
