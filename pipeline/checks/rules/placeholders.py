"""Placeholders in the translation must be exactly those of the source.

The app fills `{clinic_name}`-style and printf-style (`%s`, `%(name)d`) placeholders. A missing,
extra or misspelled one shows the patient a raw code or drops a phone number. Compared as sets,
but printf placeholders without a name are filled by position: theirs must come in the source's
order, as many as the source has (`%s … %d` written `%d … %s` swaps the values, or fails). A
placeholder set in more braces than the source's (`{{clinic_phone}}`, i18next's own syntax) shows
the patient the extra braces around the number, and with an extra brace on one side only
(`{{clinic_phone}`) the web app shows the code instead of the number. Any other brace the source
lacks (`{clinic_phone` left behind by an edit) is shown to the patient as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..model import Entry, LocaleContext, Options
from ..text import BRACE, PRINTF, placeholders

CODE = "E101"
NAME = "placeholders"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, Any] = {}


def _positional(text: str) -> list[str]:
    """The printf placeholders without a name (%s, %d), in order: the app fills them by position."""
    return [found for found in PRINTF.findall(text) if not found.startswith("%(")]


# A brace placeholder with more braces around it, on both sides or on one ("{{clinic_phone}}",
# i18next's own syntax; "{{clinic_phone}", which i18next shows as written). Tried only from the
# first brace of a run: linear however long.
_BRACED = re.compile(r"(?<!\{)(?:\{+(\{[A-Za-z_][A-Za-z0-9_]*\})\}*|(\{[A-Za-z_][A-Za-z0-9_]*\})\}+)")
# A brace outside the placeholders, with the text next to it (up to white space or another brace)
_STRAY = re.compile(r"[^\s{}]{0,15}[{}][^\s{}]{0,15}")


def _stray_braces(text: str) -> int:
    return sum(text.count(brace) for brace in "{}") - 2 * len(BRACE.findall(text))


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    source, target = placeholders(entry.msgid), placeholders(entry.msgstr)
    if missing := sorted(source - target):
        yield f"placeholder {', '.join(missing)} missing from the translation: copy it unchanged"
    if extra := sorted(target - source):
        yield f"placeholder {', '.join(extra)} is not in the source: remove it or fix its spelling"
    if not missing and not extra and "%" in entry.msgid:  # the same ones, maybe not in the same order
        source_order, target_order = _positional(entry.msgid), _positional(entry.msgstr)
        if source_order != target_order:
            yield (f"placeholders without a name ({', '.join(target_order)}) are not in the source's order "
                   f"({', '.join(source_order)}): the app fills them in order; keep the source's order, or name "
                   "them (%(count)d)")
    if "{" not in entry.msgstr and "}" not in entry.msgstr:
        return
    braced = False
    if "{{" in entry.msgstr or "}}" in entry.msgstr:
        kept = {match.group(0) for match in _BRACED.finditer(entry.msgid)}
        for match in _BRACED.finditer(entry.msgstr):
            if match.group(0) not in kept:
                braced = True
                yield f"placeholder {match.group(1) or match.group(2)} is written {match.group(0)}: keep single braces"
    if not (braced or missing or extra) and _stray_braces(entry.msgstr) > _stray_braces(entry.msgid):
        shown = _STRAY.search(BRACE.sub(" ", entry.msgstr))
        near = shown.group(0) if shown else "{"
        yield (f"a brace outside the placeholders ({near!r}) is shown to the patient as written: remove it, "
               "or complete the placeholder")
