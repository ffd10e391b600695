"""W316 spelling with Debian's Hunspell dictionaries (through Enchant), the termbase's words known;
I401 says once per locale when there is no dictionary."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.checks.model import Catalog
from pipeline.checks.rules import spelling, spelling_dictionary
from pipeline.checks.speller import dictionary_tag

from ..helpers import context, planted, run, shipped

NEURO = "endoscopic-neurotomy"
pytestmark = pytest.mark.skipif(dictionary_tag("es", "es") is None,
                                reason="Hunspell dictionaries not installed (.ci/run installs hunspell-es)")

CASES = [
    # locale, entry, planted (old, new) or None, unknown words reported (None: clean)
    ("es", "overview.terms", None, None),  # facetarias: a termbase term (facetaria) with another ending
    ("es", "overview.terms", ("pequeñas", "pequenas"), "pequenas"),
    ("es", "overview.terms", ("funciona como", "funsiona komo"), "funsiona, komo"),
    ("es", "overview.terms", (None, " {clinic_name} RFA"), None),  # placeholders; RFA is in no source: below
    ("vi", "during.ablate", None, None),  # hủy: the tone on either vowel of uy is correct
    ("vi", "during.ablate", ("dây thần kinh", "dây thầnn kinh"), "thầnn"),
    ("ar", "contact.call", None, None),  # أيضًا: the tanween is optional writing
    ("ar", "contact.call", ("أسئلة", "أسءلةة"), "أسءلةة"),
]


@pytest.mark.parametrize(("locale", "msgctxt", "plant", "words"), CASES)
def test_spelling(locale: str, msgctxt: str, plant: tuple[str | None, str] | None, words: str | None) -> None:
    entry = shipped(locale, NEURO, msgctxt)
    if plant is not None:
        entry = planted(entry, *plant)
    if plant == (None, " {clinic_name} RFA"):
        entry = replace(entry, msgid=entry.msgid + " (RFA)")  # a word of the source is known as written
    messages = run(spelling, entry, locale)
    if words is None:
        assert messages == []
    else:
        assert len(messages) == 1 and messages[0].split(": ", 1)[1].startswith(f"{words} (if it is correct"), messages


@pytest.mark.parametrize(("locale", "said"), [("ht", True), ("es", False), ("zh_Hans", False)])
def test_a_locale_without_dictionary_is_said_once(locale: str, said: bool) -> None:
    title = shipped(locale, "endoscopic-discectomy", "title")
    catalogs = [Catalog(locale, p, f"{p}.po", (replace(title, procedure=p),)) for p in ("a", "b")]
    found = list(spelling_dictionary.check(catalogs, context(locale), spelling_dictionary.OPTIONS))
    if said:
        assert [(e.procedure, m.split(":")[0]) for e, m in found] == [
            ("a", "no spelling dictionary for Haitian Creole (ht)")]
    else:
        assert found == []
