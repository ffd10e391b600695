"""Placeholders in the translation must be exactly those of the source.

The app fills `{clinic_name}`-style and printf-style (`%s`, `%(name)d`) placeholders. A missing,
extra or misspelled one shows the patient a raw code or drops a phone number. Compared as sets.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Entry, LocaleContext, Options
from ..text import placeholders

CODE = "E101"
NAME = "placeholders"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, Any] = {}


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    source, target = placeholders(entry.msgid), placeholders(entry.msgstr)
    if missing := sorted(source - target):
        yield f"placeholder {', '.join(missing)} missing from the translation: copy it unchanged"
    if extra := sorted(target - source):
        yield f"placeholder {', '.join(extra)} is not in the source: remove it or fix its spelling"
