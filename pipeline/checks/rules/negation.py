"""A negation of the source is kept in the translation.

"Do not lift anything heavy for 2–4 weeks" rendered without its "not" tells a patient the
opposite, and passes every other check. The negation markers of the source (not, no, never,
without, avoid, don't…) are counted, and the translation must have at least as many markers of
its language: sentence by sentence when both have the same number of sentences, else over the
whole entry. Words that stop ("stop taking", "deje de", 停用) count in a translation only as often
as the source has such words: "stop taking aspirin" rendered "deje de tomar" or "no tome" keeps
its sense, and "do not stop the tablets" rendered "suspenda las pastillas" loses it. So do words
that limit an amount: "take no more than 2" rendered "tome como máximo 2" (at most 2) keeps its
sense, and "do not take the maximum dose" rendered "tome la dosis máxima" loses it. The markers
are data, in `source/negation.yaml` (docs/negation.md): when a translation negates with a word the
list lacks, a linguist adds the word there rather than silencing the finding. A language with no
markers listed is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ...termbase.negation import NegationMarkers
from ..model import Entry, LocaleContext, Options
from ..text import sentences

CODE = "E207"
NAME = "lost-negation"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, object] = {}

Negated = tuple[tuple[str, tuple[str, ...]], ...]  # (sentence, its markers) for each sentence


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_negations(markers: NegationMarkers, text: str) -> Negated:
    """The source's sentences with their markers; empty when the source does not negate."""
    if not markers.found(text):
        return ()
    return tuple((sentence, tuple(markers.found(sentence))) for sentence in sentences(text))


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
    stopping = f" (it says to stop: {_words(kept)}, where the source does not)" if kept else ""
    return (f"{source!r} negates ({_words(negated)}) but its translation does not{stopping}: a negation is lost "
            f"(if the translation negates with a word the {language} markers lack, add it to source/negation.yaml)")


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
        pairs = [(source, found, target_markers.found(target))
                 for (source, found), target in zip(negated, translated) if found]
    else:
        pairs = [(entry.msgid, tuple(m for _, found in negated for m in found), target_markers.found(entry.msgstr))]
    for source, found, kept in pairs:
        # words that stop or limit count only against the source's own
        stops, limits = target_markers.stopping(kept), target_markers.limiting(kept)
        counted = len(kept) - stops - limits + min(stops, source_markers.stopping(found)) \
            + min(limits, source_markers.limiting(found))
        if message := _compare(source, found, kept, ctx.language, counted):
            yield message
