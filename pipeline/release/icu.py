"""ICU MessageFormat bundles in the FormatJS / react-intl shape: one JSON object, key -> message.

Placeholders are already ICU simple arguments (``{clinic_name}``). Everything else is literal text,
quoted the way ICU reads it: an apostrophe is doubled, and braces are wrapped in apostrophes, which
both ICU4J/ICU4C and FormatJS read back as the character itself.
"""

from __future__ import annotations

import re

from ..content.reader import PLACEHOLDER
from ..jsonout import dumps
from .targets import Strings

TARGET = "icu"
_BRACES = re.compile(r"[{}]+")
# FormatJS reads `<b>` or `</b>` as rich-text markup, and ICU proper has no quoting for it that both
# agree on: such text cannot be shipped as one exact ICU message.
_TAG_START = re.compile(r"<[A-Za-z/]")


def escape(literal: str) -> str:
    """Literal text as ICU message text that formats back to exactly ``literal``."""
    doubled = literal.replace("'", "''")
    return _BRACES.sub(lambda m: f"'{m.group(0)}'", doubled)


def message(strings: Strings, key: str) -> str:
    text = strings.texts[key]
    strings.arguments(key, TARGET)
    if _TAG_START.search(text):
        raise strings.error(key, TARGET, "text such as '<b' reads as markup in FormatJS: remove it from the "
                                         "translation (markup is not allowed in leaflets)")
    parts: list[str] = []
    last = 0
    for match in PLACEHOLDER.finditer(text):
        parts.append(escape(text[last:match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(escape(text[last:]))
    return "".join(parts)


def render(strings: Strings) -> bytes:
    return dumps({key: message(strings, key) for key in sorted(strings.texts)}).encode("utf-8")
