"""Targets are chosen in pipeline.yaml; without a choice a build writes what it always wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import build_with_targets


def written(out: Path) -> set[str]:
    kinds = set()
    for path in out.rglob("*"):
        if path.is_file():
            name = path.relative_to(out).as_posix()
            kinds.add(name.split("/")[0] if name.split("/")[0] in {"android", "apple", "flutter", "schemas"}
                      else "." + ".".join(path.name.split(".")[1:]))
    return kinds


def test_default_targets_are_documents_and_i18next(content_root: Path, run) -> None:
    assert run("build").exit_code == 0
    assert written(content_root / "dist/bundles") == {".json", ".i18n.json", "schemas"}


def test_every_target_at_once(content_root: Path, run) -> None:
    out = build_with_targets(run, content_root, ["documents", "i18next", "icu", "android", "apple", "flutter"])
    assert written(out) == {".json", ".i18n.json", ".icu.json", "android", "apple", "flutter", "schemas"}


@pytest.mark.parametrize("line", ["bundles: {targets: [ios]}", "bundles: {targets: []}", "bundles: {format: icu}"])
def test_an_unknown_target_is_refused_with_its_position(content_root: Path, run, line: str) -> None:
    config = content_root / "pipeline.yaml"
    config.write_text(config.read_text("utf-8") + line + "\n", "utf-8")
    result = run("build")
    assert result.exit_code == 2 and "pipeline.yaml:" in result.output
