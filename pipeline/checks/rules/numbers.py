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
number the translation writes as a word ("dos semanas", 两周) cannot be compared: write it with
digits. A changed dose, duration or size in patient material is a safety defect, so this cannot be
silenced.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

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
    if missing := list((source - target).elements()):
        # a translation without digits most likely wrote the numbers as words ("dos semanas", 两周)
        hint = "" if _ANY_DIGIT.search(entry.msgstr) else ": write numbers with digits, as the source does"
        yield f"number {_show(missing)} of the source is missing from the translation{hint}"
    if extra := list((target - source).elements()):
        yield f"number {_show(extra)} is not in the source"
