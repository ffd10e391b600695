"""Read PO/POT files strictly: anything gettext would refuse is refused here, with file and line.

polib is lenient (an unterminated string or a bad escape is silently accepted and can lose text),
so this reader checks the grammar while it reads, in one pass, and `to_polib` hands the result to
the rest of the pipeline as polib objects (the model the writer, the merge and the review use). A
differential test compares every field with polib's reading of every shipped catalog and of
generated ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..errors import InputError

_ESCAPE_PAIR = re.compile(r"\\(.?)", re.S)
_VALID_ESCAPES = frozenset('\\"abfnrtv01234567x')


def _bad_escape(value: str) -> int | None:
    """Index of the first backslash in ``value`` that starts no valid C escape, or None. Pairs
    are consumed left to right, so an escaped backslash followed by a letter is fine."""
    for match in _ESCAPE_PAIR.finditer(value):
        if match.group(1) not in _VALID_ESCAPES or not match.group(1):
            return match.start()
    return None
_CHARSET = re.compile(r"charset=([^\s\\]+)")


def _decode(path: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError("not valid UTF-8: save the file as UTF-8 (msgconv --to-code=UTF-8)",
                         path, line, column) from None


_KEYWORD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+"([^"\\]*(?:\\.[^"\\]*)*)"[ \t]*\Z')
_CONTINUATION = re.compile(r'[ \t]*"([^"\\]*(?:\\.[^"\\]*)*)"[ \t]*\Z')
_ESCAPE = re.compile(r'\\(?:([\\"abfnrtv])|([0-7]{1,3})|x([0-9a-fA-F]+))')
_SIMPLE = {"\\": "\\", '"': '"', "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    def replace(match: re.Match[str]) -> str:
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


_STRING = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"(?:\n"[^"\\\n]*(?:\\.[^"\\\n]*)*")*'
_BODY = re.compile(rf'(?:msgctxt ({_STRING})\n)?msgid ({_STRING})\n'
                   rf'(?:msgstr ({_STRING})|msgid_plural ({_STRING})((?:\nmsgstr\[\d+\] {_STRING})+))\n?\Z')
_PLURAL_FORM = re.compile(rf'msgstr\[(\d+)\] ({_STRING})')
_SEGMENT = re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"')
_PREVIOUS = re.compile(r'#\| (msgctxt|msgid|msgid_plural) ("[^"\\\n]*(?:\\.[^"\\\n]*)*"'
                       r'(?:\n#\| "[^"\\\n]*(?:\\.[^"\\\n]*)*")*)\Z')
_BLANKS = re.compile(r"(\n(?:[ \t\f\v]*\n)+)")


class _Unusual(Exception):
    """A block the fast path does not handle; the line parser reads it."""


def _string(name: str, lineno: int, quoted: str) -> str:
    value = quoted[1:-1] if "\n" not in quoted else "".join(_SEGMENT.findall(quoted))
    if "\\" in value:
        if _bad_escape(value) is not None:
            raise _Unusual  # the line parser reports it with its exact column
        value = _unescape(value)
    return value


def _fast_block(name: str, block: str, lineno: int) -> RawEntry:
    """One well-formed entry as msgcat writes it (comments, then keywords each followed by their
    strings), parsed with one regular expression; anything else raises _Unusual."""
    entry = RawEntry(lineno)
    pos = 0
    while block.startswith("#", pos):
        end = block.find("\n", pos)
        if end < 0:
            raise _Unusual
        line = block[pos:end]
        kind = line[1:2]
        if kind == ",":
            entry.flags += [f.strip() for f in line[2:].split(",") if f.strip()]
        elif kind == ".":
            entry.comment.append(line[3:] if line.startswith("#. ") else line[2:])
        elif kind == ":":
            for ref in line[2:].split():
                path, sep, number = ref.rpartition(":")
                entry.occurrences.append((path, number) if sep and number.isdigit() else (ref, ""))
        elif kind == "|":
            # previous strings: "#| msgid ..." possibly continued by '#| "..."' lines
            stop = end
            while block.startswith('#| "', stop + 1):
                stop = block.find("\n", stop + 1)
                if stop < 0:
                    raise _Unusual
            match = _PREVIOUS.match(block[pos:stop])
            if match is None:
                raise _Unusual
            quoted = match.group(2).replace("\n#| ", "\n")
            setattr(entry, "previous_" + match.group(1), _string(name, lineno, quoted))
            end = stop
        elif kind == "~":
            raise _Unusual
        else:
            entry.tcomment.append(line[2:] if line.startswith("# ") else line[1:])
        pos = end + 1
    body = _BODY.match(block, pos)
    if body is None:
        raise _Unusual
    ctxt, msgid, msgstr, plural, forms = body.groups()
    if ctxt is not None:
        entry.msgctxt = _string(name, lineno, ctxt)
    entry.msgid = _string(name, lineno, msgid)
    if plural is None:
        entry.msgstr[0] = _string(name, lineno, msgstr)
    else:
        entry.msgid_plural = _string(name, lineno, plural)
        for index, quoted in _PLURAL_FORM.findall(forms):
            entry.msgstr[int(index)] = _string(name, lineno, quoted)
    return entry


def read_entries(name: str, data: bytes, fast: bool = True) -> list[RawEntry]:
    """Every entry (header first, obsolete ones included), refusing malformed input like read_po.

    Entries are the blocks between blank lines. A block written the way msgcat writes it is read
    by one regular expression (`_fast_block`); every other block, and every block after one that
    left comments pending, goes through the line parser, which also reports every error."""
    charset = _CHARSET.search(data.split(b"\n\n", 1)[0].decode("ascii", "replace"))
    if charset and charset.group(1).upper() not in ("UTF-8", "UTF8", "CHARSET"):
        raise InputError(f"charset {charset.group(1)} is not UTF-8: convert the file with "
                         "msgconv --to-code=UTF-8", name, data[:charset.start()].count(b"\n") + 1)
    text = _decode(name, data)
    parser = _LineParser(name)
    parts = _BLANKS.split(text)
    lineno = 1
    for i in range(0, len(parts), 2):
        block = parts[i]
        if fast and parser.idle and block and "\r" not in block and not block[0].isspace():
            try:
                parser.entries.append(_fast_block(name, block, lineno))
            except _Unusual:
                parser.feed(block, lineno)
        else:
            parser.feed(block, lineno)
        lineno += block.count("\n")
        if i + 1 < len(parts):
            parser.blank()
            lineno += parts[i + 1].count("\n")
    parser.finish()
    entries = parser.entries
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


class _LineParser:
    """The general reader: one line at a time, every PO construct, every error with its line."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.entries: list[RawEntry] = []
        self.current: RawEntry | None = None
        self.target: tuple[str, int | None] | None = None  # which field continuation lines extend
        self.seen_keyword = False

    @property
    def idle(self) -> bool:
        return self.current is None

    def finish(self) -> None:
        if self.current is not None and self.seen_keyword:
            self.entries.append(self.current)
        if self.seen_keyword:
            self.current = None
        self.seen_keyword = False

    def blank(self) -> None:
        if self.seen_keyword:
            self.finish()
        self.target = None

    def feed(self, block: str, first: int) -> None:  # noqa: C901 - one PO grammar, line by line
        name = self.name
        for lineno, line in enumerate(block.split("\n"), start=first):
            if line.endswith("\r"):
                line = line[:-1]
            if not line or line.isspace():
                self.blank()
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
                    if self.seen_keyword:
                        self.finish()
                    if self.current is None:
                        self.current = RawEntry(lineno)
                    current = self.current
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
                if cont is None or self.target is None:
                    if body.count('"') % 2 == 1 or (cont is None and re.search(r'"[^"]*\\"[ \t]*$', body)):
                        raise InputError("unterminated string: close it with a double quote", name, lineno)
                    word = body.split()[0] if body.split() else body
                    raise InputError(f"unexpected {word!r}: expected a comment, a keyword (msgctxt, msgid, "
                                     "msgstr...) or a quoted string", name, lineno, len(line) - len(body) + 1)
                kind, index, value = None, None, cont.group(1)
                offset = len(line) - len(body) + cont.start(1)
            bad = _bad_escape(value) if "\\" in value else None
            if bad is not None:
                raise InputError(f"invalid escape sequence {value[bad:bad + 2]!r}: "
                                 "write a backslash as \\\\", name, lineno, offset + bad + 1)
            value = _unescape(value)
            if kind is None:
                field_name, field_index = self.target  # type: ignore[misc]
                _extend(self.current, field_name, field_index, value)
                continue
            if previous:
                if self.current is None:
                    self.current = RawEntry(lineno)
                self.target = ("previous_" + kind, None)
                if kind in ("msgctxt", "msgid", "msgid_plural"):
                    setattr(self.current, "previous_" + kind, value)
                continue
            started = self.current
            if (kind in ("msgctxt", "msgid") and self.seen_keyword and started is not None
                    and (kind == "msgctxt" or started.msgstr)):
                self.finish()
            if self.current is None:
                self.current = RawEntry(lineno)
            current = self.current
            self.seen_keyword = True
            current.obsolete = current.obsolete or obsolete
            if kind == "msgctxt":
                current.msgctxt = value
                self.target = ("msgctxt", None)
            elif kind == "msgid":
                current.msgid = value
                self.target = ("msgid", None)
            elif kind == "msgid_plural":
                current.msgid_plural = value
                self.target = ("msgid_plural", None)
            else:
                form = int(index) if index is not None else 0
                current.msgstr[form] = value
                self.target = ("msgstr", form)


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


def parse_po(path: str, data: bytes) -> polib.POFile:
    """Parse PO bytes into a polib catalog, refusing malformed input with file:line."""
    return to_polib(read_entries(path, data))


def read_po(path: Path, display: str | None = None) -> polib.POFile:
    """Read and parse the PO file at ``path``; ``display`` is the name used in error messages."""
    name = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    return parse_po(name, data)
