"""I401 spelling-dictionary: a locale with no spelling dictionary says so once, not on every entry."""

from __future__ import annotations

import pytest

from pipeline.checks.model import Catalog
from pipeline.checks.rules import spelling_dictionary

from .real_entries import context, shipped

DICTIONARIES = [
    # locale, whether it has no dictionary (and is said so)
    ("ht", True),
    ("es", False),
    ("zh_Hans", False),  # Chinese is not spell-checked: nothing to say
]
CLEAN = [row for row in DICTIONARIES if not row[1]]
FLAGGED = [row for row in DICTIONARIES if row[1]]


@pytest.mark.parametrize(("locale", "said"), DICTIONARIES)
def test_a_locale_without_dictionary_is_said_once(locale: str, said: bool) -> None:
    title = shipped(locale, "endoscopic-discectomy", "title")
    catalogs = [Catalog(locale, p, f"{p}.po", (title._replace(procedure=p),)) for p in ("a", "b")]
    found = list(spelling_dictionary.check(catalogs, context(locale), spelling_dictionary.OPTIONS))
    if said:
        assert [(e.procedure, m.split(":")[0]) for e, m in found] == [
            ("a", "no spelling dictionary for Haitian Creole (ht)")]
    else:
        assert found == []
