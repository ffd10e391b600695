"""Read PO/POT files strictly: anything gettext would refuse is refused here, with file and line.

polib does the parsing, but it is lenient (an unterminated string or a bad escape is silently
accepted and can lose text), so every line is first checked against the PO grammar.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

from ..errors import InputError

_STRING = r'"(?:[^"\\]|\\.)*"'
_KEYWORD_LINE = re.compile(r'(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])[ \t]+(' + _STRING + r')[ \t]*')
_CONTINUATION = re.compile(r'[ \t]*(' + _STRING + r')[ \t]*')
_BAD_ESCAPE = re.compile(r'\\(?![\\"abfnrtv0-7x])')
_CHARSET = re.compile(r"charset=([^\s\\]+)")


def _check_string_line(path: str, lineno: int, text: str, offset: int) -> None:
    match = _KEYWORD_LINE.fullmatch(text) or _CONTINUATION.fullmatch(text)
    if match is None:
        if text.count('"') % 2 == 1 or re.search(r'"[^"]*\\"[ \t]*$', text):
            raise InputError("unterminated string: close it with a double quote", path, lineno)
        keyword = text.split()[0] if text.split() else text
        raise InputError(f"unexpected {keyword!r}: expected a comment, a keyword "
                         "(msgctxt, msgid, msgstr...) or a quoted string", path, lineno, offset + 1)
    quoted = match.group(match.lastindex)
    bad = _BAD_ESCAPE.search(quoted)
    if bad:
        column = offset + match.start(match.lastindex) + bad.start() + 1
        raise InputError(f"invalid escape sequence {quoted[bad.start():bad.start() + 2]!r}: "
                         "write a backslash as \\\\", path, lineno, column)


def check_syntax(path: str, text: str) -> None:
    """Raise InputError at the first line that is not valid PO syntax."""
    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if not stripped:
            continue
        if line.startswith("#"):
            for marker in ("#~|", "#~", "#|"):
                if line.startswith(marker):
                    rest = line[len(marker):]
                    body = rest.lstrip(" ")
                    if body and not body.startswith("#"):
                        _check_string_line(path, lineno, body, len(line) - len(body))
                    break
            continue
        _check_string_line(path, lineno, line, 0)


def _decode(path: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError("not valid UTF-8: save the file as UTF-8 (msgconv --to-code=UTF-8)",
                         path, line, column) from None


def parse_po(path: str, data: bytes) -> polib.POFile:
    """Parse PO bytes into a polib catalog, refusing malformed input with file:line."""
    charset = _CHARSET.search(data.split(b"\n\n", 1)[0].decode("ascii", "replace"))
    if charset and charset.group(1).upper() not in ("UTF-8", "UTF8", "CHARSET"):
        header_line = data[:charset.start()].count(b"\n") + 1
        raise InputError(f"charset {charset.group(1)} is not UTF-8: convert the file with "
                         "msgconv --to-code=UTF-8", path, header_line)
    text = _decode(path, data)
    check_syntax(path, text)
    try:
        catalog = polib.pofile(text if text.strip() else "\n", wrapwidth=79)
    except (OSError, ValueError) as exc:
        found = re.search(r"\(line (\d+)\)", str(exc))
        raise InputError(f"not a valid PO file ({exc})", path,
                         int(found.group(1)) if found else None) from None
    seen: dict[tuple[str | None, str], int] = {}
    for entry in catalog:
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise InputError(f"duplicate entry (msgctxt {entry.msgctxt!r}, first defined at line "
                             f"{seen[key]}): remove one of the two", path, entry.linenum)
        seen[key] = entry.linenum
    return catalog


def read_po(path: Path, display: str | None = None) -> polib.POFile:
    """Read and parse the PO file at ``path``; ``display`` is the name used in error messages."""
    name = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    return parse_po(name, data)
