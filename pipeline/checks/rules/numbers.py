"""Every number of the source appears in the translation, and no other.

Numbers are compared as values, each side read with its locale's separators through Babel:
Spanish `1,5` equals `1.5`, but `15` does not. Ranges compare by their ends (`2–4`, `2-4`,
"2 to 4" rendered "2 a 4"). Arabic-Indic and full-width digits count as digits. A changed dose,
duration or size in patient material is a safety defect, so this cannot be silenced.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..model import Entry, LocaleContext, Options
from ..text import numbers

CODE = "E201"
NAME = "numbers"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, Any] = {}


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_numbers(text: str) -> Counter[Decimal]:
    return Counter(numbers(text, "en"))


def _show(values: Iterable[Decimal]) -> str:
    return ", ".join(format(v.normalize(), "f") for v in sorted(values))


_ANY_DIGIT = re.compile(r"\d")


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if not _ANY_DIGIT.search(entry.msgid) and not _ANY_DIGIT.search(entry.msgstr):
        return
    source = _source_numbers(entry.msgid)
    target = Counter(numbers(entry.msgstr, ctx.info.posix))
    if target == source:  # the common case, compared in C
        return
    if missing := list((source - target).elements()):
        yield f"number {_show(missing)} of the source is missing from the translation"
    if extra := list((target - source).elements()):
        yield f"number {_show(extra)} is not in the source"
