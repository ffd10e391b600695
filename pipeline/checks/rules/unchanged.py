"""The translation is a copy of the source.

Allowed when the text is only do-not-translate terms, placeholders, numbers and punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..model import Entry, LocaleContext, Options
from ..text import BRACE

CODE = "W304"
NAME = "unchanged"
SEVERITY = "warning"
SCOPE = "entry"
SAFETY = False
OPTIONS: dict[str, Any] = {}


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if entry.msgstr != entry.msgid:
        return
    rest = BRACE.sub("", entry.msgid)
    # each distinct term once: a term repeated over a long text would otherwise rescan it per hit
    for term in dict.fromkeys(entry.msgid[hit.start:hit.end] for hit in ctx.source.find(entry.msgid)
                              if hit.term.dnt):
        rest = rest.replace(term, "")
    if re.search(r"[^\W\d_]", rest):
        yield "the translation is identical to the source"
