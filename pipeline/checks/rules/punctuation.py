"""End punctuation follows the locale: a question stays a question, a title stays a title.

Spanish questions and exclamations open with ¿ and ¡; Chinese uses full-width 。？！：; Arabic
uses ؟ (and ، rather than a Latin comma). A source without end punctuation (a title) gives a
translation without a full stop.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from ..model import Entry, LocaleContext, Options

CODE = "W306"
NAME = "punctuation"
SEVERITY = "warning"
SCOPE = "entry"
SAFETY = False
OPTIONS: dict[str, Any] = {}

QUESTION = {"zh": "？", "ja": "？", "ar": "؟", "fa": "؟", "ur": "؟"}
FULL_STOP = {"zh": "。", "ja": "。"}
EXCLAMATION = {"zh": "！", "ja": "！"}
COLON = {"zh": "：", "ja": "："}
OPENING = {"es": {"?": "¿", "!": "¡"}}
CLOSERS = "\"'”’»)）」』"


def _last(text: str) -> str:
    return text.rstrip().rstrip(CLOSERS)[-1:]


@cache  # a handful of languages
def _ends(lang: str) -> dict[str, str]:
    """The end a translation into ``lang`` needs for each end of a source."""
    return {"?": QUESTION.get(lang, "?"), ".": FULL_STOP.get(lang, "."), "!": EXCLAMATION.get(lang, "!"),
            ":": COLON.get(lang, ":")}


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    lang = ctx.info.language
    source_end, target_end = _last(entry.msgid), _last(entry.msgstr)
    expected = _ends(lang).get(source_end)
    if expected and target_end != expected and not (source_end == ":" and target_end == ":"):
        yield f"the source ends with '{source_end}': end the translation with '{expected}'"
    elif not expected and source_end.isalnum() and target_end in ".。":
        yield "the source has no final full stop (a title?): remove it from the translation"
    opening = OPENING.get(lang, {}).get(source_end)
    if opening and opening not in entry.msgstr:
        yield f"{'a question' if source_end == '?' else 'an exclamation'} in this language opens with '{opening}'"
    if lang in ("ar", "fa", "ur") and "," in entry.msgstr:
        before_comma = entry.msgstr.split(",", 1)[0][-1:]
        if not any(c.isdigit() for c in before_comma):
            yield "use the Arabic comma '،' instead of ','"
