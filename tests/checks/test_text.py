"""Number reading never fails, whatever the digits: a translation is data, not a trusted input."""

from __future__ import annotations

import re
import sys
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.checks.text import (
    ABBREVIATIONS,
    ENGLISH_NUMBER_WORD,
    ENGLISH_ONES,
    ENGLISH_TENS,
    WORD,
    _cut,
    _cut_each,
    _sentence_bounds_python,
    ascii_digits,
    ascii_lowered,
    english_numbers,
    numbers,
    prose,
    sentence_bounds,
    sentence_words,
    sentences,
)

from ..conftest import compiled_module

_sentences = compiled_module("pipeline.checks._sentences")

LOCALES = ["en", "es", "ar", "ht", "vi", "zh_Hans", "de", "fr"]
BIG = "1" + "000" * 9

CASES = [
    # text, the value every locale must read
    ("1.000.000.000.000.000.000.000.000.000", Decimal(BIG)),   # more digits than Decimal's default precision
    ("1,000,000,000,000,000,000,000,000,000", Decimal(BIG)),
    ("1\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000", Decimal(BIG)),
    ("9" * 5000, Decimal("9" * 5000)),                          # beyond int()'s digit limit
    ("٣" * 40, Decimal("3" * 40)),                               # Arabic-Indic digits
    ("2,5", Decimal("2.5")),                                    # a comma no locale reads strictly here
]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("text,value", CASES, ids=["dots", "commas", "spaces", "5000 nines", "arabic-indic", "decimal comma"])
def test_any_digit_string_is_read_as_one_number(text, value, locale):
    assert numbers(f"Take {text} mg.", locale) == [value]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_long_decimal_keeps_every_digit(locale):
    decimals = "1" + "0" * 40 + "1"
    assert numbers(f"0.{decimals}", "en") == [Decimal(f"0.{decimals}")]
    assert len(numbers(f"0.{decimals} 0,{decimals}", locale)) == 2


def test_check_reports_a_huge_number_instead_of_crashing(content_root, run):
    path = content_root / "locales/es/LC_MESSAGES/endoscopic-rhizotomy.po"
    text = path.read_text("utf-8")
    old = 'msgstr "Rizotomía endoscópica para el dolor de espalda"'
    assert old in text
    path.write_text(text.replace(old, old[:-1] + ' 1.000.000.000.000.000.000.000.000.000"', 1), "utf-8")
    result = run("check")
    assert result.exit_code == 1, result.output
    assert "number 1000000000000000000000000000 is not in the source" in result.output


# What the splitting must keep, whatever the text: every character but the white space between
# sentences, in order, no empty or padded sentence, and one sentence where nothing ends one.
_SPLIT_ALPHABET = "ab 1٣.!?…۔。．！？؟”\n\t\u3000\u00a0xA:"
_NO_END = re.compile(r"[.!?…؟۔。．｡！？\n]")


@given(st.text(alphabet=_SPLIT_ALPHABET, max_size=40) | st.text(max_size=40))
@settings(max_examples=500, deadline=None)
def test_sentences_keep_the_text(text):
    found = sentences(text)
    assert [c for c in "".join(found) if not c.isspace()] == [c for c in text if not c.isspace()]
    assert all(sentence and sentence == sentence.strip() for sentence in found)
    if not _NO_END.search(text) and text.strip():
        assert found == [text.strip()]


@given(st.lists(st.sampled_from(["Dr.", "e.g.", "p.", "ej.", "EE.", "a.", "J.", "1.", "12.", "٣.", ":", "etc.",
                                  "rest.", "Rest", "?", "!", "…", "؟", "۔", '."', ".)", "“", "é", "É", "ạ", "Ω",
                                  "ω", "ŀ", " ", "  ", "\n", "\u00a0", "\u3000"]), max_size=12).map("".join))
@settings(max_examples=1000, deadline=None)
def test_one_split_cuts_as_each_mark_would(text):
    """The quick path of `_cut` (one split when nothing may go on) agrees with asking each mark."""
    assert _cut(text) == _cut_each(text)


@pytest.mark.parametrize("text,expected", [
    ("Rest. Walk daily! Call us?", ["Rest.", "Walk daily!", "Call us?"]),
    ("Wait... Then go.", ["Wait...", "Then go."]),
    ("休息。每天走路！", ["休息。", "每天走路！"]),
    ("休息．每天走路．", ["休息．", "每天走路．"]),                      # the full-width full stop
    ("هل تشعر بألم؟ اتصل بنا.", ["هل تشعر بألم؟", "اتصل بنا."]),
    ("3.5 mg", ["3.5 mg"]),
    ("好？！ 是", ["好？！", "是"]),                                   # a run of marks ends one sentence
    ("请说“停下。”然后休息。", ["请说“停下。”", "然后休息。"]),          # the closing quote stays with it
    ('Say "stop." Then rest.', ['Say "stop."', "Then rest."]),
    ("Rest (2 days.) Then walk.", ["Rest (2 days.)", "Then walk."]),
    ("Wait… Then go.", ["Wait…", "Then go."]),
    ("Wait... then go.", ["Wait... then go."]),                        # a lower-case word goes on
    ("Dr. Lee sees you. Ms. Roe too.", ["Dr. Lee sees you.", "Ms. Roe too."]),
    ("Take e.g. Ibuprofen. Rest.", ["Take e.g. Ibuprofen.", "Rest."]),
    ("La Dra. Ruiz, p. ej. El lunes. Sr. Paz.", ["La Dra. Ruiz, p. ej. El lunes.", "Sr. Paz."]),
    ("Traiga ropa, etc. Luego venga.", ["Traiga ropa, etc.", "Luego venga."]),
    ("BS. Lan khám. Xong.", ["BS. Lan khám.", "Xong."]),
    ("J. Smith will call. Rest.", ["J. Smith will call.", "Rest."]),
    ("Li pase nan zegwi a. Li retire l.", ["Li pase nan zegwi a.", "Li retire l."]),  # Haitian "a" ends one
    ("قد تشعر بألم۔ هذا طبيعي۔", ["قد تشعر بألم۔", "هذا طبيعي۔"]),
    ("¿Le duele? ¡Llame!", ["¿Le duele?", "¡Llame!"]),
    ("Call {clinic_phone}. {clinic_name} is open.", ["Call {clinic_phone}.", "{clinic_name} is open."]),
    ("Bring:\n1. ID\n2. card", ["Bring:", "1. ID", "2. card"]),          # a line is a list item
    ("Steps: 1. Rest. 2. Walk.", ["Steps: 1. Rest.", "2. Walk."]),
])
def test_sentences_examples(text, expected):
    assert sentences(text) == expected


@given(st.text(alphabet=_SPLIT_ALPHABET + "ab'’-Z", max_size=60) | st.text(max_size=60))
@settings(max_examples=500, deadline=None)
def test_sentence_words_are_the_sentences_and_every_word_of_the_text(text):
    analysed = sentence_words(text)
    assert [sentence for sentence, _ in analysed] == sentences(text)
    assert [word for _, words in analysed for word in words] == WORD.findall(text)
    assert all(list(words) == WORD.findall(sentence) for sentence, words in analysed)


@given(st.text(alphabet="0123456789٠٣۱０¹½٫٬a é", max_size=30) | st.text(max_size=30))
@settings(max_examples=500, deadline=None)
def test_every_decimal_digit_and_arabic_separator_is_made_ascii(text):
    expected = "".join("." if c == "\u066b" else "," if c == "\u066c"
                       else str(unicodedata.decimal(c)) if unicodedata.category(c) == "Nd" else c for c in text)
    assert ascii_digits(text) == expected


def test_every_decimal_digit_of_unicode_is_made_ascii():
    digits = "".join(chr(code) for code in range(0x80, sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Nd")
    assert ascii_digits(f"a{digits}b") == "a" + "".join(str(unicodedata.decimal(c)) for c in digits) + "b"


# Patterns of lower-case ASCII letters the checks run over `ascii_lowered` text.
_LOWERED_PATTERNS = [
    r"\b(?:twenty|thirty)(?:[-\s](?:one|six))?\b|\bseven\b|\bsix\b",
    r"\b(?:once(?=\s+(?:a|an|per)\b)|twice\b)",
    r"\b(half|a quarter of) an hour\b",
    r"\bkilo\b|\bis\b",
]
# Letters IGNORECASE takes for ASCII ones (İ, ı, ſ, the Kelvin sign K), with the words above.
_LOWERED_PIECES = ["seven", "SEVEN", "ſeven", "ſix", "sıx", "SİX", "twenty", "TWENTY-ONE", "thirty six", "once",
                   "ONCE", "twice", "twİce", "a", "an", "per", "half", "HALF", "a quarter of", "hour", "Kilo",
                   "\u212ailo", "İs", "ıs", " ", "-", ".", "é", "ß", "ﬀ", "Σ"]


@given(pieces=st.lists(st.sampled_from(_LOWERED_PIECES), max_size=12), noise=st.text(max_size=8))
@settings(max_examples=500, deadline=None)
def test_ascii_lowered_text_finds_what_ignorecase_finds_at_the_same_places(pieces, noise):
    text = " ".join(pieces) + noise
    lowered = ascii_lowered(text)
    assert len(lowered) == len(text)
    for pattern in _LOWERED_PATTERNS:
        assert ([m.span() for m in re.finditer(pattern, lowered)]
                == [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]), pattern


# What decides whether a mark ends a sentence: abbreviations in both cases, initials and capitals of
# other scripts, list numbers and digits that are no decimal digits, letters that fold to ASCII ones,
# Arabic letters and marks, full-width runs and closing quotes, every kind of white space.
_BOUNDS_PIECES = ["Dr.", "dr.", "DR.", "e.g.", "E.G.", "p.", "p.ej.", "ej.", "EE.", "núm.", "NÚM.", "x.dr.", "’dr.",
                  "_dr.", "(Dr.", "a.", "J.", "Ạ.", "ạ.", "ǅ.", "Ⓐ.", "İ.", "ı.", "ſt.", "\u212a.", "1.", "12.", "٣.",
                  "²².", "etc.", "rest.", "Rest", "día.", "ً.", "الجرح.", "2.5", "?", "!", "…", "...", "؟", "۔", "。",
                  "．", "｡", "！", "？", '."', ".)", "%.", "{x}.", "}.", "”", "」", "“", "(", "'", ":", "é", "É", "ω", " ", "  ", "\n",
                  "\t", "\u00a0", "\u3000"]
_BOUNDS_TEXTS = st.lists(st.sampled_from(_BOUNDS_PIECES), max_size=14).map("".join)


@given(_BOUNDS_TEXTS)
@settings(max_examples=3000, deadline=None)
def test_sentence_bounds_hold_the_count(text):
    """Both the compiled bounds and their Python reference hold the number of sentences."""
    count = len(sentences(text))
    for least, most in (sentence_bounds(text), _sentence_bounds_python(text)):
        assert count <= most
        assert least <= count or not text.strip()


@pytest.mark.skipif(_sentences is None, reason="the compiled sentence bounds were not built")
@given(_BOUNDS_TEXTS | st.text(max_size=30))
@settings(max_examples=2000, deadline=None)
def test_compiled_sentence_bounds_are_the_python_bounds(text):
    assert _sentences.bounds(tuple(sorted(ABBREVIATIONS)), text) == _sentence_bounds_python(text)


def test_no_other_letter_lowers_into_an_abbreviation():
    """The bounds take an abbreviation's letters in lower or upper case only, as `str.lower` does
    (no Kelvin sign K for a "k")."""
    letters = {c for word in ABBREVIATIONS for c in word}
    forms = letters | {c.upper() for c in letters}
    assert [c for c in map(chr, range(0x110000)) if c.lower() in letters and c not in forms] == []


_WORDS = [*ENGLISH_ONES, *ENGLISH_TENS, "twenty-one", "ninety nine", "at", "often", "zone", "seventh"]


@given(st.lists(st.sampled_from(_WORDS) | st.text(alphabet="abefnostz -", max_size=6), max_size=10))
@settings(max_examples=300, deadline=None)
def test_number_words_are_found_as_the_plain_alternation_finds_them(pieces):
    """The first-letter lookahead only skips: the number words found are those of the pattern without it."""
    plain = re.compile(r"\b" + ENGLISH_NUMBER_WORD.pattern.split(")", 1)[1])
    text = " ".join(pieces)
    assert [m.groups() for m in ENGLISH_NUMBER_WORD.finditer(text)] == [m.groups() for m in plain.finditer(text)]


@pytest.mark.parametrize("text,expected", [
    ("Rest for two days, then twenty-one days, then Forty Five.", [2, 21, 45]),
    ("Often, at noon, one or zero.", [1, 0]),
    ("seventh", []),
])
def test_english_numbers(text, expected):
    assert english_numbers(text) == tuple(expected)


PROSE = [
    # text, the text with what it copies as written blanked out
    ("Rest for 2 days.", "Rest for 2 days."),
    ("Risks: rare.", "Risks: rare."),
    ("See https://clinic.example/rehab today.", "See " + " " * len("https://clinic.example/rehab") + " today."),
    ("Write to rehab@clinic.example.", "Write to " + " " * len("rehab@clinic.example") + "."),
    ('<a href="/rehab">Read</a> it.', " " * len('<a href="/rehab">') + "Read" + " " * len("</a>") + " it."),
    ("Read [this](/rehab) first.", "Read [this](" + " " * 6 + ") first."),
    ("Call if below <36 °C.", "Call if below <36 °C."),
]


@pytest.mark.parametrize(("text", "expected"), PROSE)
def test_prose_blanks_what_a_text_copies_as_written(text: str, expected: str) -> None:
    assert prose(text) == expected


@settings(max_examples=300)
@given(st.text(alphabet="ab :/@<>[]().w-", max_size=40))
def test_prose_keeps_every_word_where_it_stands(text: str) -> None:
    blanked = prose(text)
    assert len(blanked) == len(text)
    assert all(b in (t, " ") for t, b in zip(text, blanked, strict=True))
