"""Sentences the content does not have, through every entry check with the shipped termbase and
negation markers: a faithful translation in any shipped language is not an error, and a
translation with one mistake that can hurt a patient is reported by the check named for it
(`fresh-sentences.tsv`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.checks.model import Scope
from pipeline.checks.registry import REGISTRY

from .helpers import findings

_ROWS = [line.split("\t") for line in (Path(__file__).parent / "fresh-sentences.tsv").read_text("utf-8").splitlines()
         if line and not line.startswith("#")]
_ENTRY_CHECKS = [spec for spec in REGISTRY if spec.scope is Scope.ENTRY]
_BY_CODE = {spec.code: spec for spec in _ENTRY_CHECKS}
FAITHFUL = [tuple(row[1:]) for row in _ROWS if row[0] == "ok"]
DEFECTIVE = [tuple(row) for row in _ROWS if row[0] != "ok"]


def test_the_table_holds_every_shipped_language_and_every_kind_of_defect() -> None:
    assert all(len(row) == 4 for row in _ROWS)
    assert {locale for locale, _, _ in FAITHFUL} == {"es", "vi", "zh_Hans", "ar", "ht"}
    assert {code for code, *_ in DEFECTIVE} == {"E101", "E201", "E202", "E203", "E204", "E207", "E208", "E209",
                                                "E210"}


@pytest.mark.parametrize(("locale", "source", "translation"), FAITHFUL)
def test_a_faithful_translation_is_not_an_error(locale: str, source: str, translation: str) -> None:
    errors = [f"{spec.code}: {message}" for spec in _ENTRY_CHECKS if spec.severity == "error"
              for message in findings(spec.module, locale, source, translation)]
    assert errors == []


@pytest.mark.parametrize(("code", "locale", "source", "translation"), DEFECTIVE)
def test_a_defect_is_reported_by_its_check(code: str, locale: str, source: str, translation: str) -> None:
    assert findings(_BY_CODE[code].module, locale, source, translation)
