"""Line wrapping of PO strings exactly as GNU gettext prints them (msgcat, msgmerge, xgettext).

Gettext escapes a string, cuts it after every ``\\n``, and asks libunistring where each piece may
break (Unicode line breaking, UAX #14) and where it must break to fit 79 columns. We call the very
same libunistring function through ctypes, so our files are byte-identical to what msgcat prints on
the same machine, and a save in Poedit or a run of msgmerge adds no diff noise.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache

PAGE_WIDTH = 79

# libunistring's <unilbrk.h> break codes.
_UNDEFINED, _PROHIBITED, _POSSIBLE = 0, 1, 2

_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v",
            "\\": "\\", '"': '"'}


class WrapUnavailable(RuntimeError):
    """libunistring (installed with GNU gettext) could not be loaded."""


@lru_cache(maxsize=1)
def _libunistring():
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


def _escape_portion(portion: str) -> tuple[bytes, bytes]:
    """The escaped UTF-8 bytes of a portion and gettext's per-byte break overrides."""
    out = bytearray()
    overrides = bytearray()
    for char in portion:
        esc = _ESCAPES.get(char)
        if esc is not None:
            out += b"\\" + esc.encode("ascii")
            overrides += bytes((_UNDEFINED, _PROHIBITED))
        else:
            encoded = char.encode("utf-8")
            out += encoded
            overrides += bytes((_UNDEFINED,)) + bytes((_PROHIBITED,)) * (len(encoded) - 1)
    if portion.endswith("\n"):
        overrides[-2] = _PROHIBITED
    return bytes(out), bytes(overrides)


def _breaks(text: bytes, overrides: bytes, width: int, start_column: int) -> list[int]:
    if not text:
        return []
    result = ctypes.create_string_buffer(len(text))
    _libunistring()(text, len(text), width, start_column, 0, overrides, b"UTF-8", result)
    raw = result.raw
    return [i for i in range(len(text)) if raw[i] == _POSSIBLE]


def wrap_string(name: str, value: str, prefix: str = "") -> list[str]:
    """Lines (without newline) for ``name "value"``, e.g. ``msgid``, with an optional line prefix
    such as ``#| `` or ``#~ ``."""
    portions: list[str] = []
    start = 0
    while True:
        end = value.find("\n", start)
        if end < 0 or end == len(value) - 1:
            portions.append(value[start:])
            break
        portions.append(value[start:end + 1])
        start = end + 1
    lines: list[str] = []
    startcol_after_break = len(prefix) + 1
    width = PAGE_WIDTH - 1 - startcol_after_break
    first_line = True
    for index, portion in enumerate(portions):
        text, overrides = _escape_portion(portion)
        start_column = (len(name) + 1 if first_line else 0) + 1 + len(prefix) - startcol_after_break
        breaks = _breaks(text, overrides, width, start_column)
        more_follow = index < len(portions) - 1
        if first_line and text and (more_follow or start_column > width or breaks):
            lines.append(f'{prefix}{name} ""')
            first_line = False
            start_column = 1 + len(prefix) - startcol_after_break
            breaks = _breaks(text, overrides, width, start_column)
        head = f"{prefix}{name} " if first_line else prefix
        first_line = False
        cuts = [0, *breaks, len(text)]
        for n, (a, b) in enumerate(zip(cuts, cuts[1:])):
            lines.append(f'{head if n == 0 else prefix}"{text[a:b].decode("utf-8")}"')
    return lines
