"""Where the format directives of a string are, as GNU gettext's format parsers find them.

gettext never breaks a line inside a directive when it wraps an entry flagged with a format
(`%1$s` in c-format, `%(name)s` in python-format, `{name}` in python-brace-format): a break may
come before the directive, never within it. It marks the directives with the parser of the first
of the entry's formats in its own order (C, then Python, then Python brace), reading the string
from the start and stopping at the first directive it cannot parse: that directive and the ones
after it are not kept whole. These functions mirror those parsers of GNU gettext 0.21, the one the
writer is checked against (format-c-parse.h, format-python.c and format-python-brace.c), only as
far as the extent of each directive; the writer's tests compare the result with msgcat's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Spans = list[tuple[int, int]]  # [start, end) of each directive gettext keeps whole

# gettext's order of formats (format.h), which decides the parser when several flags are present.
FORMATS = ("c-format", "python-format", "python-brace-format")


class _Invalid(Exception):
    """The directive being read is not one: gettext stops there."""


def format_of(flags: list[str]) -> str | None:
    """The format whose parser gettext uses to wrap an entry with ``flags``, or None."""
    return next((kind for kind in FORMATS if kind in flags), None)


def spans(kind: str | None, value: str, translated: bool = False) -> Spans:
    """The directives of ``value`` under format ``kind`` that gettext keeps whole when wrapping;
    ``translated`` for a msgstr (C's ``I`` flag is read there only)."""
    if kind is None or not value or ("%" not in value and "{" not in value):
        return []
    found: Spans = []
    try:
        _PARSERS[kind](value, translated, found)
    except _Invalid:
        pass  # the directives before the bad one stay marked, as in gettext
    return found


# --- C (format-c-parse.h) -------------------------------------------------------------------------

_C_FLAGS = " +-#0'"
_C_MACRO = re.compile(r"<PRI[diouxX](?:MAX|PTR|(?:LEAST|FAST)?(?:8|16|32|64))>")
_C_SIZES = ("hh", "h", "ll", "l", "L", "q", "j", "z", "Z", "t")


def _number_dollar(value: str, pos: int) -> tuple[int, int]:
    """(argument number, position after ``N$``), or (0, pos) when no ``N$`` is there."""
    end = pos
    while end < len(value) and value[end].isdigit() and value[end].isascii():
        end += 1
    if end > pos and value.startswith("$", end):
        if int(value[pos:end]) == 0:
            raise _Invalid
        return int(value[pos:end]), end + 1
    return 0, pos


def _digits(value: str, pos: int) -> int:
    while pos < len(value) and "0" <= value[pos] <= "9":
        pos += 1
    return pos


class _Arguments:
    """Numbered (``%1$s``) and unnumbered arguments may not be mixed in one string."""

    def __init__(self) -> None:
        self.numbered = self.unnumbered = False

    def take(self, numbered: bool) -> None:
        if (numbered and self.unnumbered) or (not numbered and self.numbered):
            raise _Invalid
        if numbered:
            self.numbered = True
        else:
            self.unnumbered = True


def _c_star(value: str, pos: int, arguments: _Arguments) -> int:
    """After a ``*`` (width or precision): its optional ``N$``, an argument either way."""
    number, pos = _number_dollar(value, pos)
    arguments.take(number > 0)
    return pos


def _c_directive(value: str, pos: int, translated: bool, arguments: _Arguments) -> int:
    """The end of the C directive whose ``%`` is at ``pos - 1``."""
    number, pos = _number_dollar(value, pos)
    while pos < len(value) and (value[pos] in _C_FLAGS or (translated and value[pos] == "I")):
        pos += 1
    if value.startswith("*", pos):
        pos = _c_star(value, pos + 1, arguments)
    else:
        pos = _digits(value, pos)
    if value.startswith(".", pos):
        pos = _c_star(value, pos + 2, arguments) if value.startswith("*", pos + 1) else _digits(value, pos + 1)
    macro = _C_MACRO.match(value, pos) if value.startswith("<", pos) else None
    if value.startswith("<", pos) and macro is None:
        raise _Invalid
    if macro is not None:
        conversion, pos = "d", macro.end() - 1
    else:
        size = next((s for s in _C_SIZES if value.startswith(s, pos)), "")
        pos += len(size)
        conversion = value[pos] if pos < len(value) else ""
        _c_conversion(conversion)
    if conversion not in "%m":
        arguments.take(number > 0)
    return pos + 1


def _c_conversion(conversion: str) -> None:
    """gettext 0.21 takes any size with any conversion ("%hs", "%lf"); only the letter counts."""
    if not conversion or conversion not in "%mcCsSdiuoxXeEfFgGaApn":
        raise _Invalid


def _c(value: str, translated: bool, found: Spans) -> None:
    arguments = _Arguments()
    pos = value.find("%")
    while pos >= 0:
        end = _c_directive(value, pos + 1, translated, arguments)
        found.append((pos, end))
        pos = value.find("%", end)


# --- Python (format-python.c) ---------------------------------------------------------------------

def _python_name(value: str, pos: int) -> int:
    """The position after the ``)`` closing the mapping key opened at ``pos - 1`` (nested
    parentheses count)."""
    depth = 0
    while pos < len(value):
        if value[pos] == "(":
            depth += 1
        elif value[pos] == ")":
            if depth == 0:
                return pos + 1
            depth -= 1
        pos += 1
    raise _Invalid


def _python_directive(value: str, pos: int, arguments: _Arguments) -> int:
    """The end of the Python directive whose ``%`` is at ``pos - 1``."""
    named = value.startswith("(", pos)
    if named:
        pos = _python_name(value, pos + 1)
    while pos < len(value) and value[pos] in "-+ #0":
        pos += 1
    if value.startswith("*", pos):
        arguments.take(False)
        pos += 1
    else:
        pos = _digits(value, pos)
    if value.startswith(".", pos):
        if value.startswith("*", pos + 1):
            arguments.take(False)
            pos += 2
        else:
            pos = _digits(value, pos + 1)
    if pos < len(value) and value[pos] in "hlL":
        pos += 1
    if pos >= len(value) or value[pos] not in "%csridouxXeEfgG":
        raise _Invalid
    if named or value[pos] != "%":
        arguments.take(named)  # here "numbered" stands for named: a mapping or a tuple, not both
    return pos + 1


def _python(value: str, translated: bool, found: Spans) -> None:
    arguments = _Arguments()
    pos = value.find("%")
    while pos >= 0:
        end = _python_directive(value, pos + 1, arguments)
        found.append((pos, end))
        pos = value.find("%", end)


# --- Python brace (format-python-brace.c) ---------------------------------------------------------

# gettext 0.21 takes a brace directive to be a name or a number between braces, nothing more: in
# "{a.b}" or "{count:>3}" it finds none, and wraps them as plain text (later versions read
# attributes and format specifications too).
_BRACE = re.compile(r"\{[A-Za-z0-9_]+\}")


def _brace(value: str, translated: bool, found: Spans) -> None:
    found += [match.span() for match in _BRACE.finditer(value)]


_PARSERS: dict[str, Callable[[str, bool, Spans], None]] = {
    "c-format": _c, "python-format": _python, "python-brace-format": _brace}
