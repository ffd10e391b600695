"""A do-not-translate term must appear letter for letter, never altered.

Names flagged `dnt` in the termbase (the symbol mm, the abbreviation MRI where a language keeps
it) are copied verbatim, case included. Two defects are caught: a do-not-translate term written
differently ("Mri", "M.R.I.", "m m"), and, where every approved term of the concept in the
language is do-not-translate, a translation that leaves the term out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ...termbase.matching import Hit, Matcher
from ..model import Entry, LocaleContext, Options

CODE = "E205"
NAME = "dnt-altered"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, Any] = {}


# A letter of a script written with spaces between words: a term's spelling is looked for between
# two characters that are not one, so that it is found next to a digit ("5MM") and inside Chinese
# or Japanese text ("Mri检查"), where no space sets it apart. Tested only around a match: as a
# lookaround of the pattern it would be tried at every character of every translation.
_LETTER = re.compile(r"[^\W\d_\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


@lru_cache(maxsize=1024)
def _loose(term: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The term's spellings with a dot after it or not, and without that dot."""
    core = r"[.\s]?".join(re.escape(c) for c in term if not c.isspace())
    return re.compile(core + r"\.?", re.IGNORECASE), re.compile(core, re.IGNORECASE)


def _spellings(term: str, text: str) -> Iterator[str]:
    """Each spelling of ``term`` in ``text`` with no letter of a spaced script on either side:
    the longest, with the dot after it when a letter follows the dot but not the term."""
    pattern, core = _loose(term)
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        start, end = match.span()
        pos = start + 1
        if start > 0 and _LETTER.match(text, start - 1) is not None:
            continue
        stops = [end]
        if text[end - 1:end] == "." and core.fullmatch(text, start, end - 1):
            stops.append(end - 1)
        stop = next((s for s in stops if _LETTER.match(text, s) is None), None)
        if stop is not None:
            yield text[start:stop]
            pos = end


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _dnt_hits(matcher: Matcher, text: str) -> tuple[Hit, ...]:
    """The source's hits of do-not-translate terms (most texts have none)."""
    return tuple(hit for hit in matcher.find(text) if hit.term.dnt)


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    # Each term is looked for in the translation once, however often the source repeats it: a
    # scan per occurrence would make a long text cost the square of its length.
    scanned: set[str] = set()
    kept: dict[tuple[str, ...], bool] = {}
    for hit in _dnt_hits(ctx.source, entry.msgid):
        approved = hit.concept.approved(ctx.language)
        target_dnt = tuple(t.display for t in approved if t.dnt)
        for term in target_dnt:
            if term not in scanned:
                scanned.add(term)
                yield from _altered(term, entry.msgstr)
        if target_dnt and len(target_dnt) == len(approved):
            if target_dnt not in kept:
                kept[target_dnt] = any(t in entry.msgstr for t in target_dnt)
            if not kept[target_dnt]:
                yield f"'{hit.term.display}' must stay as '{target_dnt[0]}' (do not translate)"


def _altered(term: str, msgstr: str) -> Iterator[str]:
    """The first spelling of ``term`` in ``msgstr`` that differs from it, as a finding."""
    for spelled in _spellings(term, msgstr):
        written = spelled.rstrip(".") if not term.endswith(".") else spelled
        if written != term:
            yield f"'{written}' must be written exactly '{term}' (do not translate)"
            return
