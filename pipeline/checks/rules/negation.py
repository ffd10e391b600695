"""A negation of the source is kept in the translation.

"Do not lift anything heavy for 2–4 weeks" rendered without its "not" tells a patient the
opposite, and passes every other check. The negation markers of the source (not, no, never,
without, avoid, don't…) are counted, and the translation must have at least as many markers of
its language: sentence by sentence when both have the same number of sentences, else over the
whole entry. Words that stop ("stop taking", "deje de", 停用) count in a translation only as often
as the source has such words: "stop taking aspirin" rendered "deje de tomar" or "no tome" keeps
its sense, and "do not stop the tablets" rendered "suspenda las pastillas" loses it. So do words
that limit an amount: "take no more than 2" rendered "tome como máximo 2" (at most 2) keeps its
sense, and "do not take the maximum dose" rendered "tome la dosis máxima" loses it; an upper bound
said under a negation, whatever its verb ("do not sit for more than 30 minutes"), limits too. A word that
tells to wait (espere, 等) counts against a negation with an "until" after it: "do not shower until
the wound is dry" rendered "espere a que la herida esté seca para ducharse" keeps its sense; and
against one that lasts a length of time ("do not shower for the first 48 hours" rendered "espere 48
horas antes de ducharse"). The markers
are data, in `source/negation.yaml` (docs/negation.md): when a translation negates with a word the
list lacks, a linguist adds the word there rather than silencing the finding. A language with no
markers listed is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...termbase.negation import KINDS, NegationMarkers
from ..model import Entry, LocaleContext, Options
from ..text import ENGLISH_NUMBER_WORD, ascii_lowered, sentences

CODE = "E207"
NAME = "lost-negation"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, object] = {}

# (sentence, its markers, how many of its words of waiting a negation comes before, how many of its
# upper bounds are said under a negation) for each sentence
Negated = tuple[tuple[str, tuple[str, ...], int, int], ...]


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_negations(markers: NegationMarkers, text: str) -> Negated:
    """The source's sentences with their markers and words of waiting ("until") after a marker;
    empty when the source does not negate."""
    found = markers.found(text)
    if len(found) == markers.counted(found, "waits"):  # no marker, or only an "until"
        return ()
    return tuple(_negated(markers, sentence) for sentence in sentences(text))


def _negated(markers: NegationMarkers, sentence: str) -> tuple[str, tuple[str, ...], int, int]:
    negations: list[str] = []
    waits = 0
    for word in markers.found(sentence):
        if not markers.counted((word,), "waits"):
            negations.append(word)
        elif len(negations) > waits:  # "do not shower until...": the "until" of a negation
            waits += 1
    if negations and (lasting := _LASTING.get(markers.language)) is not None:
        # "do not shower for the first 48 hours": a length of time a negation lasts
        waits = min(len(negations), waits + sum(1 for _ in lasting.finditer(ascii_lowered(sentence))))
    return sentence, tuple(negations), waits, _negated_bounds(markers, sentence) if negations else 0


def _negated_bounds(markers: NegationMarkers, sentence: str) -> int:
    """How many upper bounds (E210's) the sentence says with a marker of its own in them ("do not sit
    for more than"): whatever the verb, each caps an amount, as the words that limit do ("no more
    than"), which a translation may say with a word that limits (como máximo, 以内)."""
    return sum(1 for said in markers.pair("bound", sentence)[1]
               if (inner := markers.found(said)) and not any(markers.counted(inner, kind) for kind in KINDS))


# A length of time a negation lasts, which a translation may say as a wait ("do not shower for the
# first 48 hours" as "espere 48 horas antes de ducharse"), in the source's language.
_LASTING = {"en": re.compile(
    rf"\bfor (?:at least |the (?:first|next) )?(?:\d+(?:\s?(?:-|–|to)\s?\d+)?|an?|a few|several|a couple of"
    rf"|(?:{ENGLISH_NUMBER_WORD.pattern})(?:\s+(?:to|or)\s+(?:{ENGLISH_NUMBER_WORD.pattern}))?)"
    r"\s+(?:more\s+)?(?:minutes?|hours?|days?|nights?|weeks?|months?)\b")}


def _words(found: tuple[str, ...] | list[str]) -> str:
    return ", ".join(dict.fromkeys(found))


def _compare(source: str, negated: tuple[str, ...], kept: list[str], language: str,
             counted: int) -> str | None:
    """A finding when ``counted`` (the translation's markers that count) is fewer than the source's."""
    if counted >= len(negated):
        return None
    if counted:
        return (f"{source!r} negates {len(negated)} times ({_words(negated)}), its translation only "
                f"{counted} times ({_words(kept)}): a negation may be lost")
    # what the translation has counts only against the source's own words that stop, limit or wait
    stopping = (f" (it has {_words(kept)}, which stop, limit, wait or say \"on one's own\" where the source does "
                "not)") if kept else ""
    return (f"{source!r} negates ({_words(negated)}) but its translation does not{stopping}: a negation is lost "
            f"(if the translation negates with a word the {language} markers lack, add it to source/negation.yaml)")


def before_fork(ctx: LocaleContext) -> None:
    """Compile the source's and the locale's patterns before workers fork: they share them then."""
    ctx.negation.compile_all((ctx.source.language, ctx.language))


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    source_markers = ctx.negation.for_language(ctx.source.language)
    target_markers = ctx.negation.for_language(ctx.language)
    if source_markers is None or target_markers is None:
        return
    negated = _source_negations(source_markers, entry.msgid)
    if not negated:
        return
    translated = sentences(entry.msgstr) if len(negated) > 1 else []
    if len(translated) == len(negated):  # aligned: an extra negation elsewhere cannot hide a lost one
        pairs = [(source, found, waits, bounds, target_markers.found(target))
                 for (source, found, waits, bounds), target in zip(negated, translated) if found]
    else:
        pairs = [(entry.msgid, tuple(m for _, found, _, _ in negated for m in found),
                  sum(waits for _, _, waits, _ in negated), sum(bounds for *_, bounds in negated),
                  target_markers.found(entry.msgstr))]
    for source, found, waits, bounds, kept in pairs:
        # words that stop, limit, wait or say "on one's own" count only against the source's own of
        # their kind (its waits: the "until"s of its negations; its limits: with its negated upper bounds)
        own = {kind: waits if kind == "waits" else source_markers.counted(found, kind) for kind in KINDS}
        own["limits"] += bounds
        counted = len(kept) - sum(max(0, target_markers.counted(kept, kind) - own[kind]) for kind in KINDS)
        if message := _compare(source, found, kept, ctx.language, counted):
            yield message
