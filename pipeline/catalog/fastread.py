"""A strict single-pass PO reader.

polib is lenient (an unterminated string or a bad escape is silently accepted and can lose text)
and, with the line-level syntax check we needed in front of it, cost 63 µs per entry on 400
generated catalogs; this reader checks the grammar while it reads, in 21 µs per entry, and
`to_polib` hands the result to the rest of the pipeline as polib objects (the model the writer,
the merge and the review use). A differential test compares every field with polib's reading of
every shipped catalog and of generated ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import polib

from ..errors import InputError

_BAD_ESCAPE = re.compile(r'\\(?![\\"abfnrtv0-7x])')
_CHARSET = re.compile(r"charset=([^\s\\]+)")


def _decode(path: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError("not valid UTF-8: save the file as UTF-8 (msgconv --to-code=UTF-8)",
                         path, line, column) from None


_KEYWORD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+"((?:[^"\\]|\\.)*)"[ \t]*\Z')
_CONTINUATION = re.compile(r'[ \t]*"((?:[^"\\]|\\.)*)"[ \t]*\Z')
_ESCAPE = re.compile(r'\\(?:([\\"abfnrtv])|([0-7]{1,3})|x([0-9a-fA-F]+))')
_SIMPLE = {"\\": "\\", '"': '"', "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    def replace(match: re.Match) -> str:
        if match.group(1):
            return _SIMPLE[match.group(1)]
        return chr(int(match.group(2), 8) if match.group(2) else int(match.group(3), 16))
    return _ESCAPE.sub(replace, text)


@dataclass
class RawEntry:
    line: int
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    occurrences: list[tuple[str, str]] = field(default_factory=list)
    tcomment: list[str] = field(default_factory=list)
    comment: list[str] = field(default_factory=list)
    obsolete: bool = False


def read_entries(name: str, data: bytes) -> list[RawEntry]:
    """Every entry (header first, obsolete ones included), refusing malformed input like read_po."""
    charset = _CHARSET.search(data.split(b"\n\n", 1)[0].decode("ascii", "replace"))
    if charset and charset.group(1).upper() not in ("UTF-8", "UTF8", "CHARSET"):
        raise InputError(f"charset {charset.group(1)} is not UTF-8: convert the file with "
                         "msgconv --to-code=UTF-8", name, data[:charset.start()].count(b"\n") + 1)
    text = _decode(name, data)
    entries: list[RawEntry] = []
    current: RawEntry | None = None
    target: tuple[str, int | None] | None = None  # which field continuation lines extend
    seen_keyword = False

    def finish() -> None:
        nonlocal current, seen_keyword
        if current is not None and seen_keyword:
            entries.append(current)
        current, seen_keyword = None, False

    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.endswith("\r"):
            line = line[:-1]
        if not line or line.isspace():
            if seen_keyword:
                finish()
            target = None
            continue
        obsolete = False
        previous = False
        if line.startswith("#"):
            if line.startswith("#~|"):
                body, obsolete, previous = line[3:].lstrip(" "), True, True
            elif line.startswith("#~"):
                body, obsolete = line[2:].lstrip(" "), True
            elif line.startswith("#|"):
                body, previous = line[2:].lstrip(" "), True
            else:
                if seen_keyword:
                    finish()
                if current is None:
                    current = RawEntry(lineno)
                if line.startswith("#,"):
                    current.flags += [f.strip() for f in line[2:].split(",") if f.strip()]
                elif line.startswith("#."):
                    current.comment.append(line[3:] if line.startswith("#. ") else line[2:])
                elif line.startswith("#:"):
                    for ref in line[2:].split():
                        path, sep, number = ref.rpartition(":")
                        current.occurrences.append((path, number) if sep and number.isdigit() else (ref, ""))
                else:
                    current.tcomment.append(line[2:] if line.startswith("# ") else line[1:])
                continue
            if not body:
                continue
        else:
            body = line
        keyword = None if body[0] == '"' else _KEYWORD.match(body)
        if keyword is not None:
            kind, index, value = keyword.group(1), keyword.group(2), keyword.group(3)
            offset = len(line) - len(body) + keyword.start(3)
        else:
            cont = _CONTINUATION.match(body)
            if cont is None or target is None:
                if body.count('"') % 2 == 1 or (cont is None and re.search(r'"[^"]*\\"[ \t]*$', body)):
                    raise InputError("unterminated string: close it with a double quote", name, lineno)
                word = body.split()[0] if body.split() else body
                raise InputError(f"unexpected {word!r}: expected a comment, a keyword (msgctxt, msgid, "
                                 "msgstr...) or a quoted string", name, lineno, len(line) - len(body) + 1)
            kind, index, value = None, None, cont.group(1)
            offset = len(line) - len(body) + cont.start(1)
        bad = _BAD_ESCAPE.search('"' + value + '"') if "\\" in value else None
        if bad:
            raise InputError(f"invalid escape sequence {value[bad.start() - 1:bad.start() + 1]!r}: "
                             "write a backslash as \\\\", name, lineno, offset + bad.start())
        value = _unescape(value)
        if kind is None:
            field_name, field_index = target  # type: ignore[misc]
            _extend(current, field_name, field_index, value)
            continue
        if previous:
            if current is None:
                current = RawEntry(lineno)
            target = ("previous_" + kind, None)
            if kind in ("msgctxt", "msgid", "msgid_plural"):
                setattr(current, "previous_" + kind, value)
            continue
        if kind in ("msgctxt", "msgid") and seen_keyword and (kind == "msgctxt" or current.msgid or current.msgstr):
            if kind == "msgctxt" or current.msgstr:
                finish()
        if current is None:
            current = RawEntry(lineno)
        seen_keyword = True
        current.obsolete = current.obsolete or obsolete
        if kind == "msgctxt":
            current.msgctxt = value
            target = ("msgctxt", None)
        elif kind == "msgid":
            current.msgid = value
            target = ("msgid", None)
        elif kind == "msgid_plural":
            current.msgid_plural = value
            target = ("msgid_plural", None)
        else:
            number = int(index) if index is not None else 0
            current.msgstr[number] = value
            target = ("msgstr", number)
    finish()
    seen: dict[tuple[str | None, str], int] = {}
    for entry in entries:
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise InputError(f"duplicate entry (msgctxt {entry.msgctxt!r}, first defined at line {seen[key]}): "
                             "remove one of the two", name, entry.line)
        seen[key] = entry.line
    return entries


def _extend(entry: RawEntry | None, field_name: str, index: int | None, value: str) -> None:
    if entry is None:
        return
    if field_name == "msgstr":
        entry.msgstr[index or 0] += value
    elif field_name in ("previous_msgctxt", "previous_msgid", "previous_msgid_plural"):
        setattr(entry, field_name, (getattr(entry, field_name) or "") + value)
    elif field_name.startswith("previous_"):
        return
    else:
        setattr(entry, field_name, (getattr(entry, field_name) or "") + value)


def to_polib(entries: list[RawEntry]) -> polib.POFile:
    """A polib catalog (the model every writer uses) from strictly read entries."""
    catalog = polib.POFile(wrapwidth=79)
    for raw in entries:
        if raw.msgid == "" and raw.msgctxt is None and not raw.obsolete and not catalog.metadata and raw.msgstr:
            catalog.header = "\n".join(raw.tcomment)
            catalog.metadata_is_fuzzy = "fuzzy" in raw.flags
            metadata = {}
            for line in raw.msgstr.get(0, "").split("\n"):
                key, sep, value = line.partition(":")
                if sep and key.strip():
                    metadata[key.strip()] = value.strip()
            catalog.metadata = metadata
            continue
        entry = polib.POEntry(msgctxt=raw.msgctxt, msgid=raw.msgid, msgid_plural=raw.msgid_plural or "",
                              tcomment="\n".join(raw.tcomment), comment="\n".join(raw.comment),
                              occurrences=list(raw.occurrences), flags=list(raw.flags),
                              previous_msgctxt=raw.previous_msgctxt, previous_msgid=raw.previous_msgid,
                              previous_msgid_plural=raw.previous_msgid_plural, obsolete=raw.obsolete,
                              linenum=raw.line)
        if raw.msgid_plural:
            entry.msgstr_plural = dict(raw.msgstr)
        else:
            entry.msgstr = raw.msgstr.get(0, "")
        catalog.append(entry)
    return catalog
