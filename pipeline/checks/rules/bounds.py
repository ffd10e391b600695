"""A bound of the source is kept the same way round: a minimum stays a minimum, a maximum a maximum.

"Walk for at least 20 minutes a day" rendered "camine como máximo 20 minutos al día" (at most),
"drink at least 2 litres" rendered 最多喝2升 or "do not sit for more than 30 minutes" rendered
"không ngồi ít hơn 30 phút" (not less than) keeps every number, unit and negation, and tells a
patient the opposite. The bounds are data, beside the negation markers in `source/negation.yaml`
(docs/negation.md): per language the words that set a lower bound (`lower`: at least, al menos,
至少, ít nhất, على الأقل, omwen) and those that set an upper one (`upper`: at most, no more than,
como máximo, 最多, tối đa, على الأكثر, pou pi plis), where a "…" is any words of one clause ("do
not … more than"). A source that sets bounds of one kind only, whose translation sets none of that
kind and some of the other, is reported. A bound the translation says otherwise ("20 minutos o
más") or leaves out is not: only a bound turned round is. A language without bounds listed is not
checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ...termbase.negation import NegationMarkers
from ..model import Entry, LocaleContext, Options

CODE = "E210"
NAME = "reversed-bound"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, object] = {}


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_bounds(markers: NegationMarkers, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    lower, upper = markers.bounds(text)
    return tuple(lower), tuple(upper)


def _words(found: list[str] | tuple[str, ...]) -> str:
    return ", ".join(dict.fromkeys(found))


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    source_markers = ctx.negation.for_language(ctx.source.language)
    target_markers = ctx.negation.for_language(ctx.language)
    if source_markers is None or target_markers is None or target_markers.bound_pattern is None:
        return
    lower, upper = _source_bounds(source_markers, entry.msgid)
    if bool(lower) == bool(upper):  # most sources set none; one that sets both is not compared
        return
    kept_lower, kept_upper = target_markers.bounds(entry.msgstr)
    if lower and not kept_lower and kept_upper:
        yield (f"the source sets a lower bound ({_words(lower)}), the translation an upper one "
               f"({_words(kept_upper)}): a minimum turned into a maximum")
    elif upper and not kept_upper and kept_lower:
        yield (f"the source sets an upper bound ({_words(upper)}), the translation a lower one "
               f"({_words(kept_lower)}): a maximum turned into a minimum")
