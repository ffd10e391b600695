"""W316 spelling with Debian's Hunspell dictionaries (through Enchant), the termbase's words known;
I401 says once per locale when there is no dictionary."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import spelling

from .real_entries import planted, run, shipped

NEURO = "endoscopic-neurotomy"

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
    # a word the dictionary knows, written with "and the" (وال) in front, as Arabic joins them
    ("ar", "contact.call", ("أسئلة", "أسئلة والتندب"), None),
    ("ar", "contact.call", ("أسئلة", "أسئلة والتنددب"), "والتنددب"),  # still unknown without them
    # an acronym in capitals (RM for MRI, AINE for NSAID) and a one-letter abbreviation (p. ej.,
    # for example) are not words to spell-check, in no source or not
    ("es", "overview.terms", (None, " Antes, una RM o un AINE, p. ej., una pastilla."), None),
    ("es", "overview.terms", (None, " Antes, una Rm."), "Rm"),  # capitals only where every letter is one
    ("es", "overview.terms", (None, " Antes, una RMM o un AINEE, p. ej., una pastiya."), "pastiya"),
]


@pytest.mark.parametrize(("locale", "msgctxt", "plant", "words"), CASES)
def test_spelling(locale: str, msgctxt: str, plant: tuple[str | None, str] | None, words: str | None) -> None:
    entry = shipped(locale, NEURO, msgctxt)
    if plant is not None:
        entry = planted(entry, *plant)
    if plant == (None, " {clinic_name} RFA"):
        entry = entry._replace(msgid=entry.msgid + " (RFA)")  # a word of the source is known as written
    messages = run(spelling, entry, locale)
    if words is None:
        assert messages == []
    else:
        assert len(messages) == 1 and messages[0].split(": ", 1)[1].startswith(f"{words} (if it is correct"), messages

CLEAN = [row for row in CASES if row[-1] is None]
FLAGGED = [row for row in CASES if row[-1] is not None]
