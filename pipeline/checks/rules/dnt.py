"""A do-not-translate term must appear letter for letter, never altered.

Names flagged `dnt` in the termbase (the symbol mm, the abbreviation MRI where a language keeps
it) are copied verbatim, case included. Two defects are caught: a do-not-translate term written
differently, and, where every approved term of the concept in the language is do-not-translate,
a translation that leaves the term out.

Written differently is: in other capitals ("Mri", "500MG", "MRi-scan"), with dots, spaces,
dashes or invisible characters between its letters ("M.R.I.", "m m", "M-RI", a soft hyphen), or
with letters that only look like the real ones, which a patient's search or a screen reader does not
take for the name: compatibility forms ("ＭＲＩ" in full-width letters, "㎎"), and letters of an
alphabet that shares Latin's shapes in a word that also has Latin letters ("МRI" with the
Cyrillic М, "ΜRI" with the Greek Μ); the finding names such a letter by its code point. The Greek
μ of µg (micrograms) is a unit symbol, not a look-alike of m. A whole word in another script
(МРТ, Russian for MRI) is not read as a spelling of the term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ...termbase import lookalike
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


# What may stand between the letters of a spelling: a dot, a space, a dash (the text as
# `lookalike.folded` gives it, where any dash or invisible formatting character is "-").
_BETWEEN = r"[.\s\-]?"


@lru_cache(maxsize=1024)
def _loose(term: str, stand_ins: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The term's spellings with a dot after it or not, and without that dot. With
    ``stand_ins``, a look-alike letter (`lookalike.STAND_IN`) may stand for any of its letters
    but not for all of them: the first of them that is the real letter opens each alternative."""
    chars = [lookalike.fold(c) or c for c in term if not c.isspace()]
    if not stand_ins:
        core = _BETWEEN.join(re.escape(c) for c in chars)
    else:
        core = "(?:" + "|".join(_BETWEEN.join(_slot(c, k, first) for k, c in enumerate(chars))
                                for first in range(len(chars)) if chars[first].isalpha()) + ")"
    return re.compile(core + r"\.?", re.IGNORECASE), re.compile(core, re.IGNORECASE)


def _slot(char: str, index: int, first: int) -> str:
    """The pattern of the term's ``char`` at ``index`` where the real letter first stands at
    ``first``: a look-alike before it, the letter there, either after it (a character that is
    not a letter is only itself)."""
    if not char.isalpha() or index == first:
        return re.escape(char)
    return lookalike.STAND_IN if index < first else f"[{re.escape(char)}{lookalike.STAND_IN}]"


def _spellings(term: str, text: str, view: tuple[str, list[int] | None] | None = None) -> Iterator[str]:
    """Each spelling of ``term`` in ``text`` with no letter of a spaced script on either side:
    the longest, with the dot after it when a letter follows the dot but not the term. Looked
    for in ``text`` folded (`lookalike.folded`, given as ``view`` when the caller has it), and
    given as ``text`` writes it."""
    folded, origin = view or lookalike.folded(text)
    pattern, core = _loose(term, lookalike.STAND_IN in folded)
    pos = 0
    while (match := pattern.search(folded, pos)) is not None:
        start, end = match.span()
        pos = start + 1
        if start > 0 and _LETTER.match(folded, start - 1) is not None:
            continue
        stops = [end]
        if folded[end - 1:end] == "." and core.fullmatch(folded, start, end - 1):
            stops.append(end - 1)
        stop = next((s for s in stops if _LETTER.match(folded, s) is None), None)
        if stop is not None:
            yield text[start:stop] if origin is None else text[origin[start]:origin[stop]]
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
    view: tuple[str, list[int] | None] | None = None
    for hit in _dnt_hits(ctx.source, entry.msgid):
        approved = hit.concept.approved(ctx.language)
        target_dnt = tuple(t.display for t in approved if t.dnt)
        for term in target_dnt:
            if term not in scanned:
                scanned.add(term)
                view = view or lookalike.folded(entry.msgstr)  # most: the text as it is
                yield from _altered(term, entry.msgstr, view)
        if target_dnt and len(target_dnt) == len(approved):
            if target_dnt not in kept:
                kept[target_dnt] = any(t in entry.msgstr for t in target_dnt)
            if not kept[target_dnt]:
                yield f"'{hit.term.display}' must stay as '{target_dnt[0]}' (do not translate)"


def _altered(term: str, msgstr: str, view: tuple[str, list[int] | None]) -> Iterator[str]:
    """The first spelling of ``term`` in ``msgstr`` that differs from it, as a finding, naming
    the first character that only looks like one of the term's (it may look the same)."""
    for spelled in _spellings(term, msgstr, view):
        written = spelled.rstrip(".") if not term.endswith(".") else spelled
        if written != term:
            odd = lookalike.describe(written, term)
            detail = f": it has {odd}" if odd else ""
            yield f"'{written}' must be written exactly '{term}' (do not translate){detail}"
            return
