"""A fuzzy translation: its source changed, or a translator marked it for review.

When the source changed, the finding shows the old and the new source text so the translator sees
exactly what to update. Fuzzy entries never ship.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Entry, LocaleContext, Options

CODE = "W302"
NAME = "stale"
SEVERITY = "warning"
SCOPE = "fuzzy"
SAFETY = False
OPTIONS: dict[str, Any] = {}


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if entry.previous_msgid is not None and entry.previous_msgid != entry.msgid:
        yield f"source changed: was «{entry.previous_msgid}», now «{entry.msgid}»"
    else:
        yield "marked fuzzy: the translation needs review before it can ship"
