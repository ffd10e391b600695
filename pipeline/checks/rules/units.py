"""A unit of time or measure in the source is rendered with that unit's approved term.

"2–4 weeks" rendered as "2–4 days" passes the numbers check but tells a patient to rest for
the wrong time. Units are the termbase concepts of subject `time` and `unit` that follow a number
in the source; the translation must contain one of the concept's preferred or admitted terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from ...termbase.matching import Hit, Matcher
from ..model import Entry, LocaleContext, Options

CODE = "E202"
NAME = "units"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, Any] = {}

_NUMBER_BEFORE = re.compile(r"\d[\d.,]*(?:\s*(?:[–—-]|to|or)\s*\d[\d.,]*)?[\s-]*$")


def source_units(entry: Entry, ctx: LocaleContext) -> Mapping[str, Hit]:
    return _units_in(ctx.source, entry.msgid)


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _units_in(matcher: Matcher, text: str) -> Mapping[str, Hit]:
    found: dict[str, Hit] = {}
    for hit in matcher.find(text):
        if hit.concept.subject in ("time", "unit") and _NUMBER_BEFORE.search(text[:hit.start]):
            found.setdefault(hit.concept.id, hit)
    return MappingProxyType(found)


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    units = source_units(entry, ctx)
    if not units:
        return
    present = {hit.concept.id: hit for hit in ctx.target.find(entry.msgstr)}
    for concept_id, hit in units.items():
        approved = hit.concept.approved(ctx.language)
        if not approved or concept_id in present:
            continue
        others = sorted({h.term.display for cid, h in present.items()
                         if h.concept.subject in ("time", "unit") and cid not in units})
        instead = f" (found {', '.join(others)} instead)" if others else ""
        yield (f"unit '{entry.msgid[hit.start:hit.end]}' is not rendered with its approved term "
               f"{' / '.join(t.display for t in approved)}{instead}")
