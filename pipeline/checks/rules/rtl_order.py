"""In a right-to-left locale, every number and Latin run is shown in the order it is written.

The Unicode bidirectional algorithm lays out a number that follows Arabic letters as an Arabic
number and splits it at a hyphen or a space: "اتصل على الرقم 555-0100" is shown with `0100-555`,
and a patient dials a wrong number. Each translation is laid out as an app shows it (a right-to-left
paragraph, placeholders isolated as the bundles isolate them, filled with a phone number) with
python-bidi, and every number (digits joined by `-`, `/`, `.`, `:`, `,` or a space) and every run
of Latin letters must appear in its written order. A range written with a dash (2–4) is read from
the right like the words around it, as Arabic readers expect, so its ends are separate numbers.
To fix one: make the value a placeholder, or set it between FSI (U+2068) and PDI (U+2069).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bidi import get_display  # type: ignore[import-untyped]

from ...bidi import isolate_placeholders
from ..model import Entry, LocaleContext, Options

CODE = "E208"
NAME = "rtl-order"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, object] = {}

_PROBE = "555-0100"  # a placeholder's value with the separator the algorithm splits at
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
_SEPARATOR = r"[-\u2010\u2011./:,\u00a0\u202f\u066b\u066c ]"
# Latin letters: ASCII, Latin-1 (without its × and ÷), Latin Extended-A and -B.
_LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_LATIN = rf"[{_LATIN_LETTERS}]"
_LATIN_OR_DIGIT = rf"[{_LATIN_LETTERS}0-9]"
_TOKEN = re.compile(rf"\+?\d+(?:{_SEPARATOR}\d+)*|{_LATIN}{_LATIN_OR_DIGIT}*(?:[-./:'’ ]+{_LATIN_OR_DIGIT}+)*")
_CANDIDATE = re.compile(rf"\d|{_LATIN}")


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if ctx.info.direction != "rtl" or not _CANDIDATE.search(entry.msgstr):
        return
    text = _PLACEHOLDER.sub(_PROBE, isolate_placeholders(entry.msgstr))
    shown = get_display(text, base_dir="R")
    for token in dict.fromkeys(m.group(0) for m in _TOKEN.finditer(text)):
        if shown.count(token) < text.count(token):  # one copy in order must not hide another out of order
            yield (f"'{token}' is shown out of order in right-to-left text: make it a placeholder, set it "
                   "between FSI (U+2068) and PDI (U+2069), or, if it is a range, write it with a dash (2–4)")
