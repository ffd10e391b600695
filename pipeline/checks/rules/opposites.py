"""A bound, an order, a time of day or a change for the worse of the source is kept the same way round.

"Walk for at least 20 minutes a day" rendered "camine como máximo 20 minutos al día" (at most),
"call us if your temperature is above 38 °C" rendered "inferior a 38 °C" (below),
"do not sit for more than 30 minutes" rendered "không ngồi ít hơn 30 phút" (not less than), or
"stop taking ibuprofen 7 days before your operation" rendered "7 días después de la operación"
(after) keeps every number, unit and negation, and tells a patient the opposite. The words that
say each side are data, beside the negation markers in `source/negation.yaml` (docs/negation.md):
per language those that set a lower bound (`lower`: at least, above 38, al menos, 至少, ít nhất,
على الأقل, omwen) and an upper one (`upper`: at most, no more than, below 38, como máximo, 最多, tối
đa, على الأكثر, pou pi plis; a "#" is a number written with digits: "below #"), those that put
something before (`before`) or after (`after`) another, and those that have a medicine taken with
food (`with_food`: con alimentos, 随餐) or on an empty stomach (`empty_stomach`: en ayunas, 空腹),
and those that have it taken in the morning (`morning`: por la mañana, 早上) or in the evening or
at night (`night`: por la noche, antes de acostarse, 睡前), and those that say a state gets worse
(`worse`: empeora, 加重) or better (`better`: mejora, 好转; "call us if the pain gets worse"
rendered "si el dolor mejora"); a "…" is any words of one clause ("do
not … more than", "before … operation"). A translation that says fewer words of one side of a
pair than the source and more of the other is reported: none of the source's side and some of the
other, one of two turned round, or, where the source says both sides ("heavier than 5 kg for at
least 6 weeks"), one of them turned round. A side said in other words ("20 minutos o más") or left
out is not: only one turned round is. A language without the pair's
words listed is not checked for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ...termbase.negation import PAIRS, NegationMarkers
from ..model import Entry, LocaleContext, Options

CODE = "E210"
NAME = "reversed"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, object] = {}

# What each side of a pair says.
_SIDES = {"bound": ("a lower bound", "an upper bound"), "order": ("before", "after"),
          "food": ("with food", "on an empty stomach"), "day": ("in the morning", "in the evening or at night"),
          "change": ("worse", "better")}


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_pairs(markers: NegationMarkers, text: str) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """The pairs the source says a side of (most sources say neither), with the words of each side."""
    found = []
    for pair in PAIRS:
        one, other = markers.pair(pair, text)
        if one or other:
            found.append((pair, tuple(one), tuple(other)))
    return tuple(found)


def _words(found: list[str] | tuple[str, ...]) -> str:
    return ", ".join(dict.fromkeys(found))


def before_fork(ctx: LocaleContext) -> None:
    """Compile the source's and the locale's patterns before workers fork: they share them then."""
    ctx.negation.compile_all((ctx.source.language, ctx.language))


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    source_markers = ctx.negation.for_language(ctx.source.language)
    target_markers = ctx.negation.for_language(ctx.language)
    if source_markers is None or target_markers is None or not target_markers.pair_patterns:
        return
    for pair, one, other in _source_pairs(source_markers, entry.msgid):
        if pair not in target_markers.pair_patterns:
            continue
        kept = target_markers.pair(pair, entry.msgstr)
        words = (one, other)
        for side in (0, 1):
            # fewer words of a side than the source has, and more of the other: "over 37.5 °C for
            # more than 48 hours" rendered "below 37.5 °C for more than 48 hours", "heavier than 5
            # kg for at least 6 weeks" rendered "más de 5 kg durante un máximo de 6 semanas"
            if len(kept[side]) < len(words[side]) and len(kept[1 - side]) > len(words[1 - side]):
                said, turned = _SIDES[pair][side], _SIDES[pair][1 - side]
                also = f" and {turned} ({_words(words[1 - side])})" if words[1 - side] else ""
                yield (f"the source says {said} ({_words(words[side])}){also}, the translation {turned} "
                       f"({_words(kept[1 - side])}): {said} turned into {turned}")
