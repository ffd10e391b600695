"""One translation is used for different source texts (longer strings only).

Two different English sentences rarely mean the same thing; the same long translation for both
usually means one was pasted in the wrong place. Strings shorter than `min_chars` are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model import Catalog, Entry, LocaleContext, Options

CODE = "W309"
NAME = "same-translation"
SEVERITY = "warning"
SCOPE = "locale"
SAFETY = False
OPTIONS = {"min_chars": 40}


def check(catalogs: Sequence[Catalog], ctx: LocaleContext, options: Options
          ) -> Iterator[tuple[Entry, str]]:
    first: dict[str, Entry] = {}
    for catalog in catalogs:
        for entry in catalog.entries:
            if len(entry.msgstr) < options["min_chars"] or entry.fuzzy:
                continue
            seen = first.setdefault(entry.msgstr, entry)
            if seen.msgid != entry.msgid:
                yield entry, (f"same translation as {seen.procedure} ({seen.msgctxt}), whose source "
                              f"is different: «{seen.msgid}»")
