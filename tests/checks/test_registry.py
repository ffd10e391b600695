"""The registry lists every rule module once, and every rule has its table of tests."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import pipeline.checks.rules
from pipeline.checks.model import SEVERITIES
from pipeline.checks.registry import BY_CODE, BY_NAME, REGISTRY

RULE_TESTS = Path(__file__).parent / "rules"


def test_every_rule_module_is_registered_once():
    modules = {name for _, name, _ in pkgutil.iter_modules(pipeline.checks.rules.__path__)}
    registered = [spec.module.__name__.rsplit(".", 1)[1] for spec in REGISTRY]
    assert sorted(registered) == sorted(modules)
    assert len(BY_CODE) == len(BY_NAME) == len(REGISTRY)


@pytest.mark.parametrize("spec", REGISTRY, ids=lambda s: s.code)
def test_every_rule_declares_itself(spec):
    assert spec.severity in SEVERITIES and spec.scope in ("entry", "fuzzy", "catalog", "locale", "source", "project")
    assert spec.summary and callable(spec.module.check)


@pytest.mark.parametrize("spec", REGISTRY, ids=lambda s: s.code)
def test_every_rule_has_a_good_and_a_failing_case(spec):
    name = spec.module.__name__.rsplit(".", 1)[1]
    assert (RULE_TESTS / f"test_{name}.py").is_file(), f"tests/checks/rules/test_{name}.py is missing"
    tests = importlib.import_module(f"tests.checks.rules.test_{name}")
    assert tests.CLEAN and tests.FLAGGED, "each rule's tests list cases without (CLEAN) and with (FLAGGED) a finding"
