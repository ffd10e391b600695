"""The same source text is translated the same way everywhere in a locale.

A sentence that appears in several procedures (a contact line, a warning) with two different
translations confuses patients and reviewers; one of them is probably outdated.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..model import Catalog, Entry, LocaleContext, Options

CODE = "W308"
NAME = "inconsistent-translation"
SEVERITY = "warning"
SCOPE = "locale"
SAFETY = False
OPTIONS: dict[str, Any] = {}


def check(catalogs: Sequence[Catalog], ctx: LocaleContext, options: Options
          ) -> Iterator[tuple[Entry, str]]:
    first: dict[str, Entry] = {}
    for catalog in catalogs:
        for entry in catalog.entries:
            if not entry.msgstr or entry.fuzzy:
                continue
            seen = first.setdefault(entry.msgid, entry)
            if seen.msgstr != entry.msgstr:
                yield entry, (f"translated differently in {seen.procedure} ({seen.msgctxt}): "
                              f"«{seen.msgstr}»")
