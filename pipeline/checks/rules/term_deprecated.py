"""A deprecated term is used in the translation: use the preferred one instead."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Entry, LocaleContext, Options
from ..text import prose

CODE = "E204"
NAME = "term-deprecated"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, Any] = {}


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    seen = set()
    for hit in ctx.target.find(prose(entry.msgstr)):  # not in a link's address, copied as written
        if hit.term.status != "deprecated" or hit.term.display in seen:
            continue
        seen.add(hit.term.display)
        preferred = hit.concept.preferred(ctx.language)
        better = f": use '{preferred.display}'" if preferred else ""
        yield f"deprecated term '{hit.term.display}' ({hit.concept.id}){better}"
