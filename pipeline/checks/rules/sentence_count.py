"""A sentence of the source is missing from the translation, or the translation has far more.

A translation that leaves out a whole sentence ("Call us if the wound turns red.") keeps every
number, placeholder and term of the others, and is often within the length ratio (W310). This
check counts sentences: one ends at . ! ? … ؟ ۔ followed by white space (a closing quote or
bracket may come between), at a line break (a list item), and after Chinese or Japanese 。．｡！？.
A full stop after an abbreviation ("Dr.", "e.g.", "p. ej.", "BS."), an initial, a list number
("1.") or before a lower-case word ("etc. and") ends none, nor does one inside a number ("2.5").

Reported when the translation has fewer sentences than the source and also fewer clauses
(sentences plus commas, semicolons and colons, in every script: , ; : ، ؛ ， ； ： 、): a
translator who joins two sentences keeps both clauses, with a comma or a semicolon, and nothing
is missing then; a sentence left out takes its clauses with it. Check that every source
sentence (listed in the message) is in the translation; if two are joined, silence the entry
with a translator comment `ignore: W320`. Also reported when the translation has more than
twice as many sentences as the source (at least three): check that nothing is added or repeated.

The clauses make it a warning to read, not proof: two sentences rewritten as one clause ("after
staff watch you for 30 minutes, you go home") are reported, and a sentence left out of a
translation that has as many commas more elsewhere ("Por lo general, ...", Chinese，) is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ...wording import count as counted
from ..model import Entry, LocaleContext, Options
from ..text import sentence_bounds, sentences

CODE = "W320"
NAME = "sentence-count"
SEVERITY = "warning"
SCOPE = "entry"
SAFETY = False
OPTIONS: dict[str, Any] = {}

# A comma, semicolon or colon before white space (not the separator inside "1,000" or "10:30"),
# or a full-width one: where a translator joins two sentences. One class first, which the engine
# scans for in one pass (two alternatives would be tried at every character).
_CLAUSE_MARK = re.compile(r"[,;:،؛，；：、](?:(?<=[，；：、])|(?=\s))")
# What can end a sentence (`sentences`).
_MARKS = (".", "!", "?", "\n", "。", "．", "｡", "！", "？", "؟", "…", "۔")


def _marks(text: str) -> int:
    """How many characters of ``text`` may end a sentence, counted without a regular expression,
    so that a source without any is not split."""
    return sum(text.count(mark) for mark in _MARKS)


@lru_cache(maxsize=50_000)  # a source text recurs in every locale's catalog
def _source(text: str) -> tuple[tuple[str, ...], int]:
    """The source's sentences and its clauses (`_clauses`)."""
    parts = tuple(sentences(text)) if _marks(text) else (text,)
    return parts, _clauses(text, len(parts))


@lru_cache(maxsize=50_000)
def _source_count(text: str) -> int:
    """How many sentences `_source` finds: most sources show it by their bounds (`sentence_bounds`),
    without being split."""
    least, most = sentence_bounds(text)
    if least == most and not text.isspace():  # the bounds hold for a text that is not blank
        return least
    return len(_source(text)[0])


def _clauses(text: str, count: int) -> int:
    return count + len(_CLAUSE_MARK.findall(text))


def _finding(source: str, translation: str) -> str | None:
    """The message for a translation with a sentence fewer or far more than its source.

    Most translations have as many sentences as their source: the bounds of `sentence_bounds`,
    from one scan of its end marks, show that (at least as many, at most twice as many or two)
    and it is not split; the others are, by `_counted`."""
    count = _source_count(source)
    least, most = sentence_bounds(translation)
    if least >= count and (most <= 2 * count or most < 3):
        return None
    parts, clauses = _source(source)
    return _counted(parts, clauses, translation)


def _counted(parts: tuple[str, ...], clauses: int, translation: str) -> str | None:
    """`_finding` from the translation's sentences, counted."""
    count = len(sentences(translation))
    if not count:
        return None
    if count < len(parts) and _clauses(translation, count) < clauses:
        listed = " ".join(f"«{part}»" for part in parts)
        return (f"the source has {counted(len(parts), 'sentence')}, the translation {count}: check that no "
                f"sentence is left out ({listed}); a translation that joins two sentences misses nothing "
                f"(then add `ignore: W320` to its translator comment)")
    if count > 2 * len(parts) and count >= 3:
        return (f"the translation has {counted(count, 'sentence')}, the source {len(parts)}: check that "
                f"nothing is added or repeated (a source sentence split in two is fine)")
    return None


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if not entry.msgid_plural:  # most entries: no forms to pair with their sources
        if entry.msgstr and (message := _finding(entry.msgid, entry.msgstr)):
            yield message
        return
    forms = entry.forms
    sources = (entry.msgid,) + (entry.msgid_plural,) * (len(forms) - 1)
    for source, translation in zip(sources, forms):
        if translation and (message := _finding(source, translation)):
            yield message
