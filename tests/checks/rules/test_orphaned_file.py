"""W318: files under locales/ and source/procedures that nothing reads (the finding of each stray)."""

from __future__ import annotations

import pytest

from pipeline.checks.model import ProjectLayout, Stray
from pipeline.checks.rules import orphaned_file

POT = Stray("locales/templates/gone.pot", "template of procedure 'gone', which does not exist", True)
YML = Stray("source/procedures/new.yml", "not read: rename it to new.yaml", False)

CLEAN = [()]
FLAGGED = [
    # (strays, (file, message ends with))
    ((POT,), [("locales/templates/gone.pot", "(`pipeline clean --orphans` removes it)")]),
    ((YML,), [("source/procedures/new.yml", "rename it to new.yaml")]),
]


@pytest.mark.parametrize("strays", CLEAN)
def test_clean(strays: tuple[Stray, ...]) -> None:
    assert list(orphaned_file.check(ProjectLayout((), {}, {}, strays), {})) == []


@pytest.mark.parametrize("strays, expected", FLAGGED)
def test_flagged(strays: tuple[Stray, ...], expected: list[tuple[str, str]]) -> None:
    found = list(orphaned_file.check(ProjectLayout((), {}, {}, strays), {}))
    assert [(file, message[-len(end):]) for (file, _, message), (_, end) in zip(found, expected)] == expected
    assert len(found) == len(expected)
