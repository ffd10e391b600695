"""E205 dnt-altered: a do-not-translate term is written letter for letter, and kept."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.checks.rules import dnt
from pipeline.termbase.model import Concept, Term, Termbase

from .helpers import assert_flagged, context, entry, row_ids, run
from .sentences import TESTS, TESTS_ZH, planted

# A concept whose only approved Spanish term is do-not-translate: leaving it out is a defect too.
ONLY_DNT = Termbase((Concept("ct-scan", "procedure", "A scan.", {
    "en": (Term("CT", "preferred", dnt=True),),
    "es": (Term("CT", "preferred", dnt=True),),
}),))

CLEAN = [
    # locale, source, translation, termbase (None: the fixture's)
    ("zh_Hans", TESTS, TESTS_ZH, None),
    ("es", "You will have a CT.", "Le harán una CT.", ONLY_DNT),
    ("zh_Hans", TESTS, planted(TESTS_ZH, "（MRI）等", "MRI等"), None),  # kept, next to a Chinese character
    # the Greek μ of micrometres is a unit symbol, not a look-alike of m; a dash after the term is no part of it
    ("es", "The cut is about 5 mm long.", "El corte mide unos 5 mm (5000 µm).", None),
    ("vi", "You will have an MRI scan.", "Bạn sẽ được chụp cộng hưởng từ (MRI) – không đau.", None),
    # a whole word in another script is a word of that language, not a spelling of the term
    ("es", "You will have an MRI scan.", "Le harán una resonancia magnética (en ruso, МРТ).", None),
]

FLAGGED = [
    # locale, source, translation, termbase, telling part of the message
    ("zh_Hans", TESTS, planted(TESTS_ZH, "MRI", "Mri"), None, "'Mri' must be written exactly 'MRI'"),
    ("zh_Hans", TESTS, planted(TESTS_ZH, "MRI", "M.R.I."), None, "'M.R.I' must be written exactly 'MRI'"),
    ("es", "You will have a CT.", "Le harán un TAC.", ONLY_DNT, "'CT' must stay as 'CT' (do not translate)"),
    # next to a Chinese character or a digit, with no space to set it apart
    ("zh_Hans", TESTS, planted(TESTS_ZH, "（MRI）等", "Mri等"), None, "'Mri' must be written exactly 'MRI'"),
    ("zh_Hans", "The cut is about 5 mm long.", "切口约5MM长。", None, "'MM' must be written exactly 'mm'"),
    ("es", "The cut is about 5 mm long.", "El corte mide unos 5MM.", None, "'MM' must be written exactly 'mm'"),
    # split by a dash, in every language, though the preferred term is there too
    ("zh_Hans", TESTS, planted(TESTS_ZH, "MRI", "M-RI"), None, "'M-RI' must be written exactly 'MRI'"),
    ("vi", "You will have an MRI scan.", "Bạn sẽ được chụp cộng hưởng từ (M\u2011RI).", None,
     "'M\u2011RI' must be written exactly 'MRI' (do not translate): it has U+2011 NON-BREAKING HYPHEN"),
    ("es", "You will have an MRI scan.", "Le harán una resonancia magnética (M\u00adRI).", None,
     "'M\u00adRI' must be written exactly 'MRI' (do not translate): it has U+00AD SOFT HYPHEN"),
    # letters that only look like the real ones: another alphabet's, compatibility forms, marks
    ("zh_Hans", TESTS, planted(TESTS_ZH, "MRI", "\u041cRI"), None,
     "'\u041cRI' must be written exactly 'MRI' (do not translate): it has U+041C CYRILLIC CAPITAL LETTER EM"),
    ("ht", "You will have an MRI scan.", "W ap fè yon MRI. Apre sa, dòktè a li \u039cRI a.", None,
     "'\u039cRI' must be written exactly 'MRI' (do not translate): it has U+039C GREEK CAPITAL LETTER MU"),
    ("es", "Lift no more than 5 kg.", "No levante más de 5 \u043ag.", None,
     "'\u043ag' must be written exactly 'kg' (do not translate): it has U+043A CYRILLIC SMALL LETTER KA"),
    ("zh_Hans", TESTS, planted(TESTS_ZH, "MRI", "ＭＲＩ"), None,
     "'ＭＲＩ' must be written exactly 'MRI' (do not translate): it has U+FF2D FULLWIDTH LATIN CAPITAL LETTER M"),
    ("vi", "The cut is about 5 mm long.", "Vết cắt dài khoảng 5 ㎜.", None,
     "'㎜' must be written exactly 'mm' (do not translate): it has U+339C SQUARE MM"),
    ("es", "Lift no more than 5 kg.", "No levante más de 5 \u212ag.", None,
     "'\u212ag' must be written exactly 'kg' (do not translate): it has U+212A KELVIN SIGN"),
]


def ctx(locale, termbase):
    return context(locale, termbase=termbase) if termbase is not None else None


@pytest.mark.parametrize("locale,msgid,msgstr,termbase", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr, termbase):
    assert run(dnt, entry(msgid, msgstr, locale), ctx(locale, termbase)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,termbase,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, termbase, expected):
    assert_flagged(run(dnt, entry(msgid, msgstr, locale), ctx(locale, termbase)), "E205", expected)


_LETTER = r"[^\W\d_\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"


@given(st.sampled_from(["MRI", "mm", "Dr.", "Kg"]), st.text(alphabet="mriMRIkgKG. x5检Dr", max_size=14))
def test_spellings_are_those_the_pattern_with_its_boundaries_finds(term: str, text: str) -> None:
    """The check tests the boundaries around each match instead of at every character: it finds
    what the one pattern with both lookarounds finds."""
    letters = [re.escape(c) for c in term if not c.isspace()]
    whole = re.compile(f"(?<!{_LETTER})" + r"[.\s]?".join(letters) + rf"\.?(?!{_LETTER})", re.IGNORECASE)
    assert list(dnt._spellings(term, text)) == [m.group(0) for m in whole.finditer(text)]
