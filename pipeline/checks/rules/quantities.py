"""A number of the source stays with its unit in the translation.

"Rest for 2 days, then walk for 3 weeks" rendered "Descanse 3 días y luego camine 2 semanas" has
every number and every unit of the source, so the numbers (E201) and units (E202) checks pass it,
and it tells a patient to rest three days instead of two. A quantity here is a number written with
digits (in the English source also as a word: "two weeks", which W312 asks to write with digits)
right before a unit (a termbase concept of subject `time` or `unit`, found as E202 finds it) or
before what it counts (subject `count`: the times something is done, the tablets of a dose), with
nothing between them but white space, a hyphen, a dash or a bidirectional mark: "2 weeks", "5mm", "a
3-day course", the 4 of "2–4 weeks"; in Chinese also the measure word 个 (2个月), while an ordinal
(第4天, the fourth day) and the numbers of a date (3月5日; Vietnamese ngày 5 tháng 3) count nothing. A
number that stands before one unit in the source and before another unit the source names in the
translation, where the source's unit lost it, is reported; a unit the source does not name at all is
the units check's finding ("2 weeks" rendered "2 días"), said once, unless the translation names the
source's unit elsewhere, where the units check finds it: "after 2 days ... the next day" rendered "a
las 2 semanas ... al día siguiente" is reported here, as is a number that counted tablets, drops or
times in the source and measures in the translation ("2 tablets" as "2 ml"), which the units check
does not ask for. A unit given another of the source's numbers is reported too: "Walk for 10
minutes, 3 times a day" rendered "Camine 3 minutos, 10 veces al día" (a number the source does not
have is the numbers check's). So are a dose and its frequency that trade places ("Take 2 tablets 3
times a day" rendered 每天2次，每次3片: 3 tablets twice a day) and a frequency rendered as an interval ("2
times a day" as "cada 2 días", every 2 days), or the other way round. Each side is read as far as it
goes: a number the translation writes as a word, or a unit it names in words the termbase does not
list, makes no quantity, and a number the source gives no unit has nothing to compare. One number
before two units ("2 days, then 2 weeks") gives the same pairs swapped or not, so such a swap is not
told apart. A changed dose or duration is a safety defect, so this cannot be silenced.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from ...termbase.matching import Matcher, normalize, uncovered
from ...termbase.model import QUANTITY_SUBJECTS
from ..model import Entry, LocaleContext, Options
from ..text import (
    ENGLISH_NUMBER_WORDS,
    ENGLISH_ONES,
    ENGLISH_TENS,
    NUMBER_UNIT_GAP,
    english_numbers,
    numbers,
    source_has_digits,
    value_of,
)

CODE = "E209"
NAME = "number-unit"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, object] = {}

# Between a number and its unit (`text.NUMBER_UNIT_GAP`), in Chinese also 个, the measure word of
# 2个月 (two months) and 3个小时 (three hours).
_MEASURE_WORDS = {"zh": "个"}
# Numbers before a unit that count nothing: a Chinese ordinal (第4天, the fourth day), and the
# numbers of a date, which Chinese and Vietnamese write with their words for month and year (3月5日
# and ngày 5 tháng 3, 5 March; 2027年3月, tháng 3 năm 2027), each found where the month's word is.
_ORDINAL_MARKS = {"zh": "第"}
_DATES = {
    "zh": ("月", re.compile(r"\d+\s*年\s*\d+\s*月(?:\s*\d+\s*[日号])?|\d+\s*月\s*\d+\s*[日号]")),
    "vi": ("tháng", re.compile(r"ngày\s+\d+\s+tháng\s+\d+(?:\s+năm\s+\d+)?|tháng\s+\d+\s+năm\s+\d+")),
}
# The separators a number may hold between its digits (as `text.numbers` reads them).
_INSIDE = frozenset(".,\u00a0\u202f\u066b\u066c")

Quantities = dict[Decimal, dict[str, int]]  # number -> how often each unit (concept id) follows it


def _number_before(text: str, end: int) -> str | None:
    """The number that ends at ``end`` of ``text``, as `text.numbers` reads numbers (decimal digits
    with single separators between them), read backwards; None when a digit does not end there."""
    start = end
    while True:
        while start and text[start - 1].isdecimal():
            start -= 1
        if start < end and start >= 2 and text[start - 1] in _INSIDE and text[start - 2].isdecimal():
            start -= 1
            continue
        return text[start:end] if start < end else None


# An English number word that ends where a unit's gap begins: "two", "twenty-one", "twenty one".
_ENGLISH_WORD_BEFORE = re.compile(
    rf"(?<![\w-])(?:({'|'.join(ENGLISH_TENS)})[-\s]({'|'.join(ENGLISH_ONES[1:10])})|({'|'.join(ENGLISH_NUMBER_WORDS)}))\Z")
_LONGEST_NUMBER_WORDS = len("seventy-seven")


def _word_before(text: str, end: int) -> Decimal | None:
    """The number an English number word that ends at ``end`` of ``text`` names, or None."""
    match = _ENGLISH_WORD_BEFORE.search(text, max(0, end - _LONGEST_NUMBER_WORDS), end)
    if match is None:
        return None
    return Decimal(sum(ENGLISH_NUMBER_WORDS[word] for word in match.groups() if word))


def _quantities(matcher: Matcher, text: str, locale: str, language: str,
                words_too: bool = False) -> tuple[Quantities, dict[str, str]]:
    """The quantities of ``text``: each number followed by a unit, by number; and the words of
    each unit the text names, as it writes them (for the message). Looked for from each unit
    back: most texts have few units and many other characters. With ``words_too`` (the English
    source), a number written as a word counts too ("two weeks")."""
    hits = [hit for hit in uncovered(matcher.find(text)) if hit.concept.subject in QUANTITY_SUBJECTS]
    if not hits:
        return {}, {}
    folded = normalize(text)  # where the matcher's hits stand
    shown = text if len(text) == len(folded) else folded  # the unit as written, where it can be
    base = language.split("_")[0]
    measure, ordinal = _MEASURE_WORDS.get(base), _ORDINAL_MARKS.get(base)
    month, date = _DATES.get(base, ("", None))
    dates = [match.span() for match in date.finditer(folded)] if date is not None and month in folded else []
    found: Quantities = {}
    words: dict[str, str] = {}
    paired: dict[str, str] = {}
    reach = 0
    for hit in hits:  # sorted by start, the longest first
        if hit.start < reach:  # inside a unit already read: 月 (month) in 个月 (month), another form
            continue
        reach, end = hit.end, hit.start
        if measure and end and folded[end - 1] == measure:
            end -= 1
        while end and folded[end - 1] in NUMBER_UNIT_GAP:
            end -= 1
        words.setdefault(hit.concept.id, shown[hit.start:hit.end])
        token = _number_before(folded, end)
        if token is not None and (ordinal or dates) and _counts_nothing(folded, end - len(token), ordinal, dates):
            continue
        value = value_of(token, locale) if token is not None else _word_before(folded, end) if words_too else None
        if value is not None:
            units = found.setdefault(value, {})
            units[hit.concept.id] = units.get(hit.concept.id, 0) + 1
            paired.setdefault(hit.concept.id, shown[hit.start:hit.end])
    return found, words | paired  # a unit as written after a number, where it is


def _counts_nothing(text: str, start: int, ordinal: str | None, dates: list[tuple[int, int]]) -> bool:
    """Whether the number at ``start`` is an ordinal's (after ``ordinal``, white space between) or a
    date's (inside one of ``dates``)."""
    before = start
    while before and text[before - 1].isspace():
        before -= 1
    return bool(ordinal and before and text[before - 1] == ordinal) or any(a <= start < b for a, b in dates)


class _Source(NamedTuple):
    quantities: Quantities
    words: dict[str, str]  # each unit the source names, as it writes it
    numbers: frozenset[Decimal]  # every number of the source, with a unit or not


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source(matcher: Matcher, text: str) -> _Source:
    quantities, words = _quantities(matcher, text, "en", "en", words_too=True)
    return _Source(quantities, words, frozenset([*numbers(text, "en"), *map(Decimal, english_numbers(text))])
                   if quantities else frozenset())


def _show(value: Decimal, units: Iterable[str], words: dict[str, str]) -> str:
    return f"{format(value.normalize(), 'f')} {' / '.join(words[unit] for unit in sorted(units))}"


def _by_unit(quantities: Quantities) -> dict[str, Counter[Decimal]]:
    units: dict[str, Counter[Decimal]] = {}
    for value, counted in quantities.items():
        for unit, n in counted.items():
            units.setdefault(unit, Counter())[value] += n
    return units


def _counts(ctx: LocaleContext, concept_id: str) -> bool:
    """Whether a concept is what a number counts (subject `count`), not a unit."""
    concept = ctx.termbase.concept(concept_id)
    return concept is not None and concept.subject == "count"


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if not source_has_digits(entry.msgid) and not english_numbers(entry.msgid):  # both asked by E201 already
        return
    source = _source(ctx.source, entry.msgid)
    if not source.quantities:
        return
    target, target_words = _quantities(ctx.target, entry.msgstr, ctx.info.posix, ctx.language)
    if target == source.quantities:  # most translations: compared in C
        return
    moved = []
    for value, units in target.items():  # a number given another unit
        before = source.quantities.get(value)
        if before is None or before == units:
            continue
        lost = Counter(before) - Counter(units)
        # a unit the source names, or any unit where the translation still names the source's unit
        # elsewhere, where the units check (E202) finds it and says nothing, or where what the
        # number left is what the source counts (tablets, drops, times), which no other check asks
        # a translation to name: "2 tablets" as "2 ml"
        named = all(unit in target_words or _counts(ctx, unit) for unit in lost)
        gained = [unit for unit in Counter(units) - Counter(before) if named or unit in source.words]
        if lost and gained:  # the number left a unit of the source for another
            moved.append(f"{_show(value, gained, target_words)} where the source has "
                         f"{_show(value, lost, source.words)}")
    if moved:
        yield f"a number is given another unit: {'; '.join(moved)} (a number must stay with its unit)"
        return
    source_units = _by_unit(source.quantities)
    for unit, values in _by_unit(target).items():  # a unit given another number of the source
        counted = source_units.get(unit)
        if counted is None:
            continue
        dropped, added = counted - values, values - counted
        if dropped and added and source.numbers.issuperset(added):  # a number the source has: E201 passes it
            moved.append(f"{' / '.join(_show(v, (unit,), target_words) for v in sorted(added))} where the source has "
                         f"{' / '.join(_show(v, (unit,), source.words) for v in sorted(dropped))}")
    if moved:
        yield f"a unit is given another number of the source: {'; '.join(moved)} (a number must stay with its unit)"
