"""A do-not-translate term must appear letter for letter, never altered.

Names flagged `dnt` in the termbase (the symbol mm, the abbreviation MRI where a language keeps
it) are copied verbatim, case included. Two defects are caught: a do-not-translate term written
differently ("Mri", "M.R.I.", "m m"), and, where every approved term of the concept in the
language is do-not-translate, a translation that leaves the term out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..model import Entry, LocaleContext, Options

CODE = "E205"
NAME = "dnt-altered"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, Any] = {}


def _loose(term: str) -> re.Pattern[str]:
    letters = [re.escape(c) for c in term if not c.isspace()]
    return re.compile(r"(?<!\w)" + r"[.\s]?".join(letters) + r"\.?(?!\w)", re.IGNORECASE)


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    reported = set()
    for hit in ctx.source.find(entry.msgid):
        if not hit.term.dnt:
            continue
        approved = hit.concept.approved(ctx.language)
        target_dnt = [t.display for t in approved if t.dnt]
        for term in target_dnt:
            for match in _loose(term).finditer(entry.msgstr):
                written = match.group(0).rstrip(".") if not term.endswith(".") else match.group(0)
                if written != term and term not in reported:
                    reported.add(term)
                    yield f"'{written}' must be written exactly '{term}' (do not translate)"
        if target_dnt and len(target_dnt) == len(approved) and not any(t in entry.msgstr for t in target_dnt):
            yield f"'{hit.term.display}' must stay as '{target_dnt[0]}' (do not translate)"
