"""The translation is far longer or shorter than its source.

The ratio of characters (translation / source) must lie within the locale's `length_ratio`
bounds in `pipeline.yaml` (default 0.5 to 2.5; Chinese is naturally much shorter: set its own).
Only sources of at least `min_chars` characters are checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Entry, LocaleContext, Options

CODE = "W310"
NAME = "length"
SEVERITY = "warning"
SCOPE = "entry"
SAFETY = False
OPTIONS = {"min_chars": 20}

DEFAULT_BOUNDS = {"zh": (0.15, 1.2), "ja": (0.15, 1.2)}


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if len(entry.msgid) < options["min_chars"]:
        return
    low, high = ctx.settings.get("length_ratio") or DEFAULT_BOUNDS.get(ctx.info.language, (0.5, 2.5))
    ratio = len(entry.msgstr) / len(entry.msgid)
    if not low <= ratio <= high:
        yield f"length ratio {ratio:.2f} outside {low:g}–{high:g}: check nothing is missing or added"
