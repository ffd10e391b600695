"""Every number of the source appears in the translation, and no other.

Numbers are compared as values, each side read with its locale's separators through Babel:
Spanish `1,5` equals `1.5`, but `15` does not. Ranges compare by their ends (`2–4`, `2-4`, "2 to
4" rendered "2 a 4"). Arabic-Indic and full-width digits count as digits. A translation is read
the way that differs least from the source among: as written; with thousands grouped by a plain
space joined (`1 000`, as Spanish style guides write them); with a time written with a point
split (`8.30` for 8:30, where the source has a time); and with Chinese myriads multiplied out
(`1万` for 10,000). So `2 100 mg` stays two numbers where the source has 2 and 100. The source is
read as written, and, where it writes a number as an English word ("two weeks", which W312 asks to
write with digits), also with that word as its number, so "2 semanas" is its translation. A
number of the source that the translation writes as a word of its language is found as that word:
"dos semanas", 两周, and the Arabic dual أسبوعين ("two weeks") are 2, and "tres semanas" is not.
Words that also mean something else are not read as numbers (Vietnamese năm, five and year;
Haitian Creole de, two and of; Chinese 一, 四 and 十, in many words; Spanish un and una, which
are also "a"), so a translation that writes such a number as a word is asked to write digits. A
changed dose, duration or size in patient material is a safety defect, so this cannot be
silenced.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ...termbase.matching import without_clitics
from ...termbase.negation import without_optional_marks
from ..model import Entry, LocaleContext, Options
from ..text import ascii_digits, numbers

CODE = "E201"
NAME = "numbers"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, Any] = {}


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_numbers(text: str) -> Counter[Decimal]:
    return Counter(numbers(text, "en"))


_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {**{word: n for n, word in enumerate(_ONES)}, **{word: 20 + 10 * n for n, word in enumerate(_TENS)}}
# "two", "twenty", "twenty-one": the English words of the numbers 0 to 99.
_NUMBER_WORD = re.compile(rf"\b(?:({'|'.join(_TENS)})(?:[-\s]({'|'.join(_ONES[1:10])}))?|({'|'.join(_ONES)}))\b",
                          re.IGNORECASE)


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_with_words(text: str) -> Counter[Decimal] | None:
    """The source's numbers with its number words among them, or None when it writes none."""
    words = [sum(_WORD_VALUES[part.lower()] for part in match.groups() if part)
             for match in _NUMBER_WORD.finditer(text)]
    return _source_numbers(text) + Counter(map(Decimal, words)) if words else None


# The words of small numbers per language (the termbase's language codes), as a translation may
# write a number of the source. A word that also means something else in patient text is left out.
_NUMBER_WORDS: dict[str, dict[str, int]] = {
    # un, una, một and yon are also "a": a number 1 dropped beside "un poco" would pass
    "es": {"uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
           "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
           "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
           "veinticuatro": 24, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "noventa": 90,
           "cien": 100},
    # năm (5) is also "year"
    "vi": {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10},
    # de (2) is also "of", nèf (9) also "new"
    "ht": {"twa": 3, "kat": 4, "senk": 5, "sis": 6, "sèt": 7, "uit": 8, "dis": 10},
    # the dual of a unit of time names two of it; clitics in front are read off (لمدة يومين, ولأسبوعين)
    "ar": {"واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3,
           "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8,
           "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10, "مرتين": 2, "مرتان": 2,
           "دقيقتين": 2, "دقيقتان": 2, "ساعتين": 2, "ساعتان": 2, "يومين": 2, "يومان": 2, "أسبوعين": 2,
           "أسبوعان": 2, "شهرين": 2, "شهران": 2, "سنتين": 2, "سنتان": 2, "عامين": 2, "عامان": 2},
    # written without spaces: found anywhere; left out are 一 (1), in too many words (一般, 一起),
    # 四 (4), as in 四周 (around, and four weeks), and 十 (10), as in 十分 (very)
    "zh": {"两": 2, "俩": 2, "二": 2, "三": 3, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9},
}


_ANY_WORD = re.compile(r"\w+")


def _number_words(text: str, language: str) -> Counter[Decimal]:
    """The numbers ``text`` writes as words of ``language``, each time it does."""
    base = language.split("_")[0]
    words = _NUMBER_WORDS.get(base)
    if not words:
        return Counter()
    folded = text.casefold()
    found: Counter[Decimal] = Counter()
    if base == "zh":
        for word, value in words.items():  # 两 and 二 are both 2: their counts add up
            found[Decimal(value)] += folded.count(word)
        return +found
    for word in _ANY_WORD.findall(without_optional_marks(folded)):
        for form in (word, *without_clitics(word, language)):
            if form in words:
                found[Decimal(words[form])] += 1
                break
    return found


def _show(values: Iterable[Decimal]) -> str:
    return ", ".join(format(v.normalize(), "f") for v in sorted(values))


_ANY_DIGIT = re.compile(r"\d")
# A plain space between digits and a group of exactly three: "1 000", "2 500 000".
_SPACE_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
# A time of day written with a point, "8.30" for 8:30: read so only where the source has a time.
_CLOCK = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{2})(?!\d|[.,]\d)")
_SOURCE_CLOCK = re.compile(r"(?<![\d.,])\d{1,2}:\d{2}(?!\d)")
# Chinese and Japanese count large numbers in myriads: 1万 is 10,000, 2亿 is 200,000,000.
_MYRIAD = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s?([万萬亿億])")
_MYRIADS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}


def _myriad(match: re.Match[str]) -> str:
    return format(Decimal(match.group(1)) * _MYRIADS[match.group(2)], "f")


def _readings(source: str, text: str, locale: str, plain: Counter[Decimal]) -> list[Counter[Decimal]]:
    """The ways a translation's numbers can be read: as its locale writes them (first), with
    plain-space thousands joined, with point-written times split when the source has a time
    ("2.10 mg" for "2 x 10 mg" is a dose, never two numbers), and with myriads multiplied out."""
    readings = [plain]
    if " " in text and _SPACE_GROUP.search(text):
        readings.append(Counter(numbers(_SPACE_GROUP.sub("\u00a0", text), locale)))
    if "." in text and _CLOCK.search(text) and ":" in source and _SOURCE_CLOCK.search(source):
        readings.append(Counter(numbers(_CLOCK.sub(r"\1:\2", text), locale)))
    if _MYRIAD.search(text):
        readings.append(Counter(numbers(_MYRIAD.sub(_myriad, ascii_digits(text)), locale)))
    return readings


def _differences(source: Counter[Decimal], target: Counter[Decimal]) -> int:
    return sum(((source - target) + (target - source)).values())


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if not _ANY_DIGIT.search(entry.msgid) and not _ANY_DIGIT.search(entry.msgstr):
        return
    source = _source_numbers(entry.msgid)
    target = Counter(numbers(entry.msgstr, ctx.info.posix))
    if target == source:  # the common case, compared in C
        return
    readings = _readings(entry.msgid, entry.msgstr, ctx.info.posix, target)
    with_words = _source_with_words(entry.msgid)
    sources = [source] if with_words is None else [source, with_words]
    # the first of the closest pairs of readings
    source, target = min(((s, t) for s in sources for t in readings), key=lambda pair: _differences(*pair))
    if target == source:
        return
    missing_values = source - target
    if missing_values:  # a number the translation writes as a word is not missing
        missing_values -= _number_words(entry.msgstr, ctx.language)
    if missing := list(missing_values.elements()):
        # a translation without digits most likely wrote the numbers as words ("dos semanas", 两周)
        hint = "" if _ANY_DIGIT.search(entry.msgstr) else ": write numbers with digits, as the source does"
        yield f"number {_show(missing)} of the source is missing from the translation{hint}"
    if extra := list((target - source).elements()):
        yield f"number {_show(extra)} is not in the source"
