"""Apple String Catalogs: ``apple/<procedure>.xcstrings``, one per procedure, every published locale in it.

A String Catalog holds all languages of one table, so it is listed in the manifest's top-level
files. Placeholders become positional object arguments numbered by their order in the source text
(``%1$@``), so a translation may reorder them; a literal ``%`` is doubled only where the string
takes arguments, since only then does Foundation format it. The JSON is laid out as Xcode writes
it (sorted keys, two-space indent, `` : ``), so opening and saving the catalog changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..content.reader import PLACEHOLDER
from .targets import Strings

TARGET = "apple"


def value(strings: Strings, key: str) -> str:
    text = strings.texts[key]
    order = strings.arguments(key, TARGET)
    if not order:
        return text
    parts: list[str] = []
    last = 0
    for match in PLACEHOLDER.finditer(text):
        parts.append(text[last:match.start()].replace("%", "%%"))
        parts.append(f"%{order.index(match.group(1)) + 1}$@")
        last = match.end()
    parts.append(text[last:].replace("%", "%%"))
    return "".join(parts)


def render(locales: Sequence[Strings], source_language: str) -> bytes:
    """One catalog from the procedure's published locales; keys come from the source text."""
    keys = sorted(locales[0].source)
    catalog = {
        "sourceLanguage": source_language,
        "strings": {key: {"extractionState": "manual",
                          "localizations": {s.locale: {"stringUnit": {"state": "translated", "value": value(s, key)}}
                                            for s in locales if key in s.texts}}
                    for key in keys},
        "version": "1.0",
    }
    return (json.dumps(catalog, ensure_ascii=False, indent=2, sort_keys=True, separators=(",", " : ")) + "\n").encode()
