"""Characters no text of ours may hold: what gettext cannot carry, and what no leaflet needs.

A NUL ends a string in gettext's C code (msgcat cuts the msgid there); the other C0 and C1 control
characters (tab and newline excepted), DEL and lone surrogates are invisible, break tools that
read the catalogs, or cannot be written as UTF-8 at all. Every reader of our own text (YAML, CSV,
TBX) refuses them where they are, so that nothing downstream has to.
"""

from __future__ import annotations

import re

_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
_IN_TEXT = re.compile(f"[{_CONTROLS}\r]")
_IN_FILE = re.compile(f"[{_CONTROLS}]")  # a file may end its lines with CR LF


def find_forbidden(text: str, start: int = 0, file: bool = False) -> int | None:
    """Index of the first forbidden character of ``text`` at or after ``start``, or None.
    ``file``: ``text`` is a whole file, whose line ends may be CR LF."""
    match = (_IN_FILE if file else _IN_TEXT).search(text, start)
    return match.start() if match else None


def describe(char: str) -> str:
    """A refusal for ``char``, naming it by code point (it is invisible or unprintable)."""
    return (f"character U+{ord(char):04X} is not allowed in text (a control character or lone surrogate "
            "that gettext cannot carry): remove it")


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``index`` in ``text``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
