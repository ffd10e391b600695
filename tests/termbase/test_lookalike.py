"""Letters that look like the real ones: how a comparison with a Latin name sees each character."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.termbase import lookalike

FOLDS = [
    # character, as a comparison with a Latin name sees it
    ("M", "M"),
    ("Ｍ", "M"),  # full-width
    ("㎎", "mg"),  # squared unit
    ("𝐌", "M"),  # mathematical bold
    ("\u212a", "K"),  # the Kelvin sign
    ("Í", "Í"),  # a Latin letter with a mark is a letter of its own
    ("ở", "ở"),
    ("\u0301", "\u0301"),
    ("\u2011", "-"),  # non-breaking hyphen
    ("\u00ad", "-"),  # soft hyphen
    ("\u200b", "-"),  # zero-width space
    ("\u00a0", " "),  # no-break space
    ("\u041c", lookalike.STAND_IN),  # Cyrillic Em
    ("\u039c", lookalike.STAND_IN),  # Greek Mu
    ("\u0555", lookalike.STAND_IN),  # Armenian Oh
    ("µ", "µ"),  # the micro sign: a unit symbol
    ("μ", "μ"),  # the Greek mu written for it
    ("Ω", "Ω"),  # ohm
    ("đ", "đ"),  # a Latin letter of its own (Vietnamese)
    ("检", "检"),
    ("م", "م"),
    ("…", "…"),  # not letters: left as they are
    ("（", "（"),
]


@pytest.mark.parametrize("char,expected", FOLDS, ids=[f"U+{ord(c):04X}" for c, _ in FOLDS])
def test_fold(char: str, expected: str) -> None:
    assert lookalike.fold(char) == expected


@given(st.text(alphabet="MRI ㎎Ｍ\u0301Í\u041c\u00ad-检.", max_size=12))
def test_folded_positions_lead_back_to_the_text(text: str) -> None:
    """Each character of the folded text comes from the character its position names."""
    result, origin = lookalike.folded(text)
    if origin is None:
        assert len(result) == len(text)
        origin = list(range(len(text) + 1))
    assert len(origin) == len(result) + 1 and origin[-1] == len(text)
    for index, char in enumerate(result):
        assert char in lookalike.fold(text[origin[index]])


ODD = [
    # word, the letter that only looks like a real one (None: none)
    ("MRI", None),
    ("m\u00e1s", None),  # a Latin letter with a mark is a real one
    ("\u041cRI", "\u041c"),  # Cyrillic among Latin letters
    ("\u041c\u0420\u0422", None),  # a Russian word
    ("\u0442\u043e\u043c\u043e\u0433\u0440\u0430\u0444\u0438\u044f", None),
    ("\u0441\u00e1", "\u0441"),  # beside a Latin letter with a mark
    ("ＭＲＩ", "Ｍ"),  # full-width: a compatibility form, in any word
    ("5\u338e", "\u338e"),
    ("\u00b5g", None),  # micrograms
    ("cm\u00b2", None),  # a superscript digit is no letter
]


@pytest.mark.parametrize("word,odd", ODD, ids=[w for w, _ in ODD])
def test_odd_letter(word: str, odd: str | None) -> None:
    assert lookalike.odd_letter(word) == odd


# The dashes and formatting characters of scripts a Latin name is never written in (the Hebrew
# maqaf, the Arabic number sign...): `may_fold` need not find them.
_OTHER_SCRIPTS = {"ARABIC", "CANADIAN", "EGYPTIAN", "HEBREW", "KAITHI", "MONGOLIAN", "MUSICAL", "SHORTHAND", "SYRIAC",
                  "YEZIDI"}


def test_may_fold_finds_every_character_fold_changes() -> None:
    """The fast test before folding a text misses no character whose folding matters."""
    missed = [f"U+{code:04X}" for code in range(0x80, 0xE0200) if not 0xD800 <= code <= 0xDFFF
              and lookalike.fold(chr(code)) != chr(code) and not chr(code).isspace()
              and lookalike.script(chr(code)) not in _OTHER_SCRIPTS and not lookalike.may_fold(chr(code))]
    assert missed == [], missed
