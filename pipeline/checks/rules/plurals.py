"""An entry with plural forms has exactly the locale's number of forms, all translated."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Entry, LocaleContext, Options

CODE = "W303"
NAME = "plural-forms"
SEVERITY = "warning"
SCOPE = "entry"
SAFETY = False
OPTIONS: dict[str, Any] = {}


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if entry.msgid_plural is None:
        return
    expected = ctx.info.nplurals
    if len(entry.msgstr_plural) != expected:
        yield f"{len(entry.msgstr_plural)} plural forms, the locale needs {expected}"
    elif not all(entry.msgstr_plural):
        yield "some plural forms are empty"
