"""White space: leading or trailing spaces, doubled spaces and line breaks differ from the source."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Entry, LocaleContext, Options

CODE = "W305"
NAME = "whitespace"
SEVERITY = "warning"
SCOPE = "entry"
SAFETY = False
OPTIONS: dict[str, Any] = {}


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    source, target = entry.msgid, entry.msgstr
    if (source[:1].isspace(), source[-1:].isspace()) != (target[:1].isspace(), target[-1:].isspace()):
        yield "leading or trailing white space differs from the source"
    if "  " in target and "  " not in source:
        yield "doubled space"
    if source.count("\n") != target.count("\n"):
        yield f"{target.count(chr(10))} line breaks, the source has {source.count(chr(10))}"
