"""The numbers check (E201) on the shipped translations: whichever number a translation loses,
the check reports it, whatever number words the rest of the sentence holds ("un poco")."""

from __future__ import annotations

import re

import polib
import pytest

from pipeline.checks.rules import numbers

from ..conftest import REPO
from .helpers import findings

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _drops() -> list[tuple[str, str, str]]:
    """Every shipped translation with one of its numbers taken out, each number in turn."""
    cases = []
    for path in sorted(REPO.glob("locales/*/LC_MESSAGES/*.po")):
        locale = path.parent.parent.name
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.fuzzy:
                cases += [(locale, entry.msgid, entry.msgstr[:m.start()] + entry.msgstr[m.end():])
                          for m in _NUMBER.finditer(entry.msgstr)]
    return cases


DROPS = _drops()


def test_the_shipped_translations_have_numbers_to_drop() -> None:
    assert len(DROPS) > 50 and {locale for locale, _, _ in DROPS} >= {"es", "vi", "zh_Hans", "ar", "ht"}


@pytest.mark.parametrize(("locale", "source", "translation"), DROPS)
def test_a_dropped_number_is_reported(locale: str, source: str, translation: str) -> None:
    assert any("of the source is missing" in f for f in findings(numbers, locale, source, translation))
