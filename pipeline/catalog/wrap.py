"""Line wrapping of PO strings exactly as GNU gettext prints them (msgcat, msgmerge, xgettext).

Gettext escapes a string, cuts it after every ``\\n``, and asks libunistring where each piece may
break (Unicode line breaking, UAX #14) and where it must break to fit 79 columns. We call the very
same libunistring function through ctypes, so our files are byte-identical to what msgcat prints on
the same machine, and a save in Poedit or a run of msgmerge adds no diff noise.
"""

from __future__ import annotations

import ctypes
import re
from functools import lru_cache
from typing import Any

from .directives import Spans, spans

PAGE_WIDTH = 79

# libunistring's <unilbrk.h> break codes.
_UNDEFINED, _PROHIBITED, _POSSIBLE = 0, 1, 2

_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v",
            "\\": "\\", '"': '"'}


class WrapUnavailable(RuntimeError):
    """libunistring (installed with GNU gettext) could not be loaded."""


@lru_cache(maxsize=1)
def _libunistring() -> Any:
    import ctypes.util  # on first use: it imports subprocess and tempfile, which most commands never need

    name = ctypes.util.find_library("unistring")
    candidates = [name] if name else []
    candidates += ["libunistring.so.5", "libunistring.so.2", "libunistring.dylib"]
    for candidate in candidates:
        try:
            lib = ctypes.CDLL(candidate)
        except OSError:
            continue
        func = lib.u8_width_linebreaks
        func.restype = ctypes.c_int
        func.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                         ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p]
        return func
    raise WrapUnavailable("libunistring not found: install GNU gettext (it brings libunistring)")


_ESCAPE_TABLE = str.maketrans({char: "\\" + esc for char, esc in _ESCAPES.items()})
# In the escaped UTF-8 bytes, a break may be considered only before the first byte of a character
# or of an escape pair: continuation bytes (0x80-0xBF) and the second byte of a pair are "prohibited".
_ZERO_OTHERS = bytes(_PROHIBITED if 0x80 <= b < 0xC0 else _UNDEFINED for b in range(256))
_PAIR = re.compile(rb"\\.", re.DOTALL)
_NEEDS_ESCAPE = re.compile(r'[\a\b\f\n\r\t\v\\"]')


def _escape_portion(portion: str, kept: Spans | None = None) -> tuple[bytes, bytes]:
    """The escaped UTF-8 bytes of a portion and gettext's per-byte break overrides; ``kept`` are
    the portion's format directives (character offsets), inside which no break is allowed."""
    out = portion.translate(_ESCAPE_TABLE).encode("utf-8")
    overrides = bytearray(out.translate(_ZERO_OTHERS))
    if b"\\" in out:
        for match in _PAIR.finditer(out):
            overrides[match.start() + 1] = _PROHIBITED
    if kept:
        _keep_whole(portion, kept, overrides)
    if portion.endswith("\n"):
        overrides[-2] = _PROHIBITED
    return out, bytes(overrides)


def _keep_whole(portion: str, kept: Spans, overrides: bytearray) -> None:
    """Prohibit a break before every character of a directive but its first, as gettext does."""
    offsets = [0]
    for char in portion:
        offsets.append(offsets[-1] + len(char.translate(_ESCAPE_TABLE).encode("utf-8")))
    for start, end in kept:
        for index in range(max(start + 1, 0), min(end, len(portion))):
            overrides[offsets[index]] = _PROHIBITED


def _portion_spans(spans: Spans, base: int, length: int) -> Spans:
    """The directives of ``spans`` that reach into the portion at ``base``, in its offsets."""
    return [(start - base, end - base) for start, end in spans if start < base + length and end > base]


_BUFFER: list[ctypes.Array[ctypes.c_char]] = [ctypes.create_string_buffer(4096)]
_POSSIBLE_BYTE = re.compile(bytes((_POSSIBLE,)))


def _breaks(text: bytes, overrides: bytes, width: int, start_column: int) -> list[int]:
    if not text:
        return []
    if len(text) > len(_BUFFER[0]):
        _BUFFER[0] = ctypes.create_string_buffer(2 * len(text))
    result = _BUFFER[0]
    _libunistring()(text, len(text), width, start_column, 0, overrides, b"UTF-8", result)
    return [m.start() for m in _POSSIBLE_BYTE.finditer(result.raw, 0, len(text))]


def wrap_string(name: str, value: str, prefix: str = "", wrap: bool = True, fmt: str | None = None) -> list[str]:
    """Lines (without newline) for ``name "value"``, e.g. ``msgid``, with an optional line prefix
    such as ``#| `` or ``#~ ``. ``wrap`` False (an entry flagged no-wrap): cut after each ``\\n``
    only, as gettext does. ``fmt``, the entry's format (see `directives.format_of`): no line is
    broken inside one of its directives."""
    if "\n" not in value[:-1]:
        escaped = value.translate(_ESCAPE_TABLE) if _NEEDS_ESCAPE.search(value) else value
        # Fits on one line whatever the characters' widths (at most 2 columns each): no breaks.
        if not wrap or len(prefix) + len(name) + 3 + 2 * len(escaped) <= PAGE_WIDTH or (
                escaped.isascii() and len(prefix) + len(name) + 3 + len(escaped) <= PAGE_WIDTH):
            return [f'{prefix}{name} "{escaped}"']
    portions: list[str] = []
    start = 0
    while True:
        end = value.find("\n", start)
        if end < 0 or end == len(value) - 1:
            portions.append(value[start:])
            break
        portions.append(value[start:end + 1])
        start = end + 1
    kept = spans(fmt, value, name.startswith("msgstr")) if wrap else []
    lines: list[str] = []
    startcol_after_break = len(prefix) + 1
    width = PAGE_WIDTH - 1 - startcol_after_break
    first_line = True
    base = 0
    for index, portion in enumerate(portions):
        text, overrides = _escape_portion(portion, _portion_spans(kept, base, len(portion)) if kept else [])
        base += len(portion)
        start_column = (len(name) + 1 if first_line else 0) + 1 + len(prefix) - startcol_after_break
        breaks = _breaks(text, overrides, width, start_column) if wrap else []
        more_follow = index < len(portions) - 1
        if first_line and text and (more_follow or (wrap and start_column > width) or breaks):
            lines.append(f'{prefix}{name} ""')
            first_line = False
            start_column = 1 + len(prefix) - startcol_after_break
            breaks = _breaks(text, overrides, width, start_column) if wrap else []
        head = f"{prefix}{name} " if first_line else prefix
        first_line = False
        cuts = [0, *breaks, len(text)]
        for n, (a, b) in enumerate(zip(cuts, cuts[1:])):
            lines.append(f'{head if n == 0 else prefix}"{text[a:b].decode("utf-8")}"')
    return lines
