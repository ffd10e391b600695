"""A unit of time or measure in the source is rendered with that unit's approved term.

"2–4 weeks" rendered as "2–4 days" passes the numbers check but tells a patient to rest for
the wrong time, and "weeks or months" rendered "days or months" has no number to compare at all.
Units are the termbase concepts of subject `time` and `unit`, wherever the source names them;
the translation must name each as often as the source does with one of the concept's preferred
or admitted terms. When it does not, the finding names the unit of the same kind (a time for a
time, a measure for a measure) that the translation has in its place. A term found only inside a
longer term of another concept does not count: Chinese 克 (gram) inside 毫克 (milligram) names
milligrams. How a number and its unit are spaced never matters, in the source or the translation:
"5 mm", "5mm", "5-mm", "5–10mm", a no-break or narrow no-break space between them, "٥مم" and
"5 毫米" all name millimetres, and "5cm" for "5 mm" is a changed unit as "5 cm" is. A unit written
with a letter that only looks like a Latin one (full-width ｍｍ, as a Chinese input method may type
it; a Cyrillic к in кg) names no unit, and the finding names that letter. A length of time may be
said in the next smaller unit with a number before it, in digits or in words: "for a week" as
"7 días", "siete días", "ocho días", "uit jou" or 七天, "half an hour" as "30 minutos", "an hour and
a half" as "90 phút", "for a day" as "24 horas", "one week" as "7 ngày", "the first week" as "7
premye jou" (whether the number is the one the source's words make is the numbers check's to say:
"6 días" for a week is E201's finding); "unos días" for "a week" names no number, and is reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from functools import lru_cache

from ...termbase import lookalike
from ...termbase.matching import Hit, Matcher, named_counts, normalize, uncovered, without_clitics
from ...termbase.model import UNIT_SUBJECTS
from ..model import Entry, LocaleContext, Options
from ..text import ENGLISH_NUMBER_WORDS, NUMBER_UNIT_GAP, NUMBER_WORDS, ZH_NUMERALS

CODE = "E202"
NAME = "units"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, object] = {}


def _count(hits: list[Hit]) -> tuple[dict[str, int], dict[str, Hit]]:
    """Occurrences per unit concept (overlapping matches of one concept, such as 个月 and 月, count
    once; a match inside a longer term of another concept, such as 克 in 毫克, not at all), and each
    concept's first hit."""
    units = [hit for hit in uncovered(hits) if hit.concept.subject in UNIT_SUBJECTS]
    first: dict[str, Hit] = {}
    for hit in units:
        first.setdefault(hit.concept.id, hit)
    return named_counts(units), first


# The smaller units a length of time may be said in, by concept id (as the shipped termbase names
# its units of time).
_SMALLER = {"week": ("day",), "day": ("hour",), "hour": ("minute",), "month": ("week", "day"), "year": ("month", "day")}
_UNITS_OF_TIME = frozenset(_SMALLER).union(*_SMALLER.values())
# What may stand between a number and its unit (as E209 reads them), and Chinese 个 (2个月).
_GAP = "".join(NUMBER_UNIT_GAP) + "个"


def _in_smaller_unit(concept_id: str, text: str, hits: list[Hit], named: dict[str, int],
                     present: dict[str, int], language: str, numbered: Mapping[str, int]) -> bool:
    """Whether the translation says a length of time in a smaller unit (`_SMALLER`) that it names
    more often than the source, with a number right before it (`_number_before`) more often than
    the source has a number before that unit (``numbered``): "2 semanas" for the source's own "2
    weeks" says no "several months" in weeks."""
    smaller = [cid for cid in _SMALLER.get(concept_id, ()) if present.get(cid, 0) > named.get(cid, 0)]
    if not smaller:
        return False
    folded = normalize(text)  # where the matcher's hits stand
    counted = Counter(hit.concept.id for hit in uncovered(hits)
                      if hit.concept.id in smaller and _number_before(folded[:hit.start], language))
    return any(n > numbered.get(cid, 0) for cid, n in counted.items())


def _number_before(before: str, language: str) -> bool:
    """Whether ``before`` ends with a number: digits (with a word that says which days between, as
    `_NUMBER_BEFORE` has it), or a number word of ``language`` from two up ("siete días", 七天)."""
    if _NUMBER_BEFORE.search(before):
        return True
    base = language.split("_")[0]
    words = NUMBER_WORDS.get(base, {})
    before = before.rstrip(_GAP)
    if base == "zh":
        return before[-1:] in ZH_NUMERALS
    last = before.rsplit(None, 1)[-1] if before.strip() else ""
    return any(words.get(form, 0) >= 2 for form in (last, *without_clitics(last, base)))


# A number written with digits right before a unit, or with a word that says which days between
# them, as Haitian Creole writes it ("7 premye jou", the first 7 days); not with what the number
# counts ("3 fwa pa jou", 3 مرات يوميًا: 3 times a day, for "3 times a week").
_NUMBER_BEFORE = re.compile(rf"\d[{re.escape(_GAP)}]*(?:(?:premye|dènye|pwochen)[{re.escape(_GAP)}]+)?$")


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _numbers_before(matcher: Matcher, text: str) -> tuple[frozenset[str], Mapping[str, int]]:
    """The units of time the source names only without a number before them ("for a week", "half
    an hour": digits or an English number word, "two weeks", before one rules its unit out), and
    how often it has a number before each unit of time (kept for every locale: read only)."""
    folded = normalize(text)
    units = [hit for hit in uncovered(matcher.find(text)) if hit.concept.id in _UNITS_OF_TIME]
    counted = Counter(hit.concept.id for hit in units if _counted(folded[:hit.start]))
    return frozenset(hit.concept.id for hit in units if hit.concept.id in _SMALLER) - set(counted), dict(counted)


def _counted(before: str) -> bool:
    """Whether the text before a unit ends with a number: digits ("2 weeks", "a 3-day course") or an
    English number word ("two weeks", "twenty-one days")."""
    before = before.rstrip(_GAP)
    if before[-1:].isdigit():
        return True
    words = before.rsplit(None, 1)
    # "one week" is "a week", "twenty-one days" a number of days
    return bool(words) and words[-1].rsplit("-", 1)[-1] in ENGLISH_NUMBER_WORDS and words[-1] != "one"


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_units(matcher: Matcher, text: str) -> tuple[tuple[Hit, int], ...]:
    """Each unit the source names (its first hit) with how often it names it."""
    counts, first = _count(matcher.find(text))
    return tuple((first[concept_id], n) for concept_id, n in counts.items())


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    units = _source_units(ctx.source, entry.msgid)
    if not units:
        return
    found_hits = ctx.target.find(entry.msgstr)
    present, hits = _count(found_hits)
    named = {hit.concept.id: n for hit, n in units}
    odd: str | None = None
    for hit, wanted in units:
        approved = hit.concept.approved(ctx.language)
        found = present.get(hit.concept.id, 0)
        if not approved or found >= wanted:
            continue
        without, numbered = _numbers_before(ctx.source, entry.msgid)
        if hit.concept.id in without \
                and _in_smaller_unit(hit.concept.id, entry.msgstr, found_hits, named, present, ctx.language, numbered):
            continue  # "7 días" for a week
        others = sorted({h.term.display for cid, h in hits.items() if h.concept.subject == hit.concept.subject
                         and present[cid] > named.get(cid, 0)})
        odd = lookalike.odd_word_note(entry.msgstr) if odd is None else odd
        instead = (f" (found {', '.join(others)} instead)" if others else "") + odd
        terms = " / ".join(t.display for t in approved)
        unit = entry.msgid[hit.start:hit.end]
        if found:
            yield (f"unit '{unit}' is named {wanted} times in the source, its approved term {terms} only "
                   f"{found} time{'s' if found > 1 else ''}{instead}")
        else:
            yield f"unit '{unit}' is not rendered with its approved term {terms}{instead}"
