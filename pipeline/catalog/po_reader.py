"""Read PO/POT files strictly: anything gettext would refuse is refused here, with file and line,
and so is a header that is not a list of distinct ``Name: value`` fields (see `header_problem`),
which gettext accepts but reads differently from polib.

polib is lenient (an unterminated string or a bad escape is silently accepted and can lose text),
so this reader checks the grammar while it reads, in one pass, and `to_polib` hands the result to
the rest of the pipeline as polib objects (the model the writer, the merge and the review use). A
differential test compares every field with polib's reading of every shipped catalog and of
generated ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import polib

from ..characters import describe, find_forbidden
from ..characters import position as text_position
from ..errors import InputError
from ..fsutil import read_input
from .header import HeaderFields

_CHARSET = re.compile(r"charset=([^\s\\]+)")


def _foreign_charset(data: bytes) -> re.Match[str] | None:
    """The header's charset when it is not UTF-8 (which the readers refuse), else None."""
    charset = _CHARSET.search(data.split(b"\n\n", 1)[0].decode("ascii", "replace"))
    return charset if charset and charset.group(1).upper() not in ("UTF-8", "UTF8", "CHARSET") else None


def _decode(path: str, data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError("not valid UTF-8: save the file as UTF-8 (msgconv --to-code=UTF-8)",
                         path, line, column) from None
    bad = find_forbidden(text, file=True)
    if bad is not None:
        raise InputError(describe(text[bad]), path, *text_position(text, bad))
    return text


_KEYWORD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+"([^"\\]*(?:\\.[^"\\]*)*)"[ \t]*\Z')
_CONTINUATION = re.compile(r'[ \t]*"([^"\\]*(?:\\.[^"\\]*)*)"[ \t]*\Z')
_ESCAPE = re.compile(r'\\(?:([\\"abfnrtv])|([0-7]{1,3})|x([0-9a-fA-F]+)|(.?))', re.DOTALL)
_SIMPLE = {"\\": "\\", '"': '"', "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


class _EscapeError(Exception):
    """An escape gettext would refuse or mangle; ``index`` is its offset in the quoted text."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index
        self.message = message


def _unescape(text: str) -> str:
    """The value of the text between two quotes. gettext reads a numeric escape (\\x.., octal) as
    one byte of the encoded text, so the pieces are joined as UTF-8 bytes and decoded at the end:
    an escape above one byte (gettext silently truncates it), a NUL (gettext cuts the string there)
    or bytes that are not UTF-8 are refused rather than read differently from gettext."""
    if "\x00" in text:
        raise _EscapeError(text.index("\x00"), describe("\x00"))
    if "\\" not in text:
        return text
    chunks: list[tuple[int, bytes]] = []
    pos = 0
    for match in _ESCAPE.finditer(text):
        chunks.append((pos, text[pos:match.start()].encode("utf-8")))
        chunks.append((match.start(), _escape_byte(match)))
        pos = match.end()
    chunks.append((pos, text[pos:].encode("utf-8")))
    data = b"".join(chunk for _, chunk in chunks)
    try:
        value = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _EscapeError(_source_index(chunks, exc.start), "escapes give bytes that are not valid UTF-8: write "
                           "the character itself instead of \\x or octal escapes") from None
    bad = find_forbidden(value)  # an escape gettext reads as a control character (\a, \033...)
    if bad is not None:
        raise _EscapeError(_source_index(chunks, len(value[:bad].encode("utf-8"))), describe(value[bad]))
    return value


def _escape_byte(match: re.Match[str]) -> bytes:
    simple, octal, hexa, _invalid = match.groups()
    if simple:
        return _SIMPLE[simple].encode("ascii")
    if octal is None and hexa is None:
        raise _EscapeError(match.start(), f"invalid escape sequence {match.group(0)!r}: write a backslash as \\\\")
    value = int(octal, 8) if octal is not None else int(hexa, 16)
    if value > 0xFF:
        raise _EscapeError(match.start(), f"escape {match.group(0)} is larger than one byte (gettext reads \\x and "
                           "octal escapes as bytes): write the character itself")
    if value == 0:
        raise _EscapeError(match.start(), f"escape {match.group(0)} is a NUL, which gettext cannot carry (it cuts "
                           "the text there): remove it")
    return bytes((value,))


def _source_index(chunks: list[tuple[int, bytes]], byte_offset: int) -> int:
    """Offset in the quoted text of the piece holding byte ``byte_offset`` of the decoded value."""
    seen = 0
    for index, chunk in chunks:
        if byte_offset < seen + len(chunk):
            return index
        seen += len(chunk)
    return chunks[-1][0]


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


def _string(quoted: str) -> str:
    # Segments hold no raw line break (see _STRING), so a quote before one closes its segment and
    # the quote after it opens the next: dropping each '"\n"' joins them.
    value = quoted[1:-1].replace('"\n"', "")
    if "\\" not in value and "\x00" not in value:  # most strings: nothing to decode
        return value
    return _decoded(value)


def _decoded(value: str) -> str:
    """The value of a string's joined segments that hold a backslash or a NUL."""
    try:
        return _unescape(value)
    except _EscapeError:
        raise _Unusual from None  # the line parser reports it with its exact column


def _comments(entry: RawEntry, head: str) -> None:
    """The comment lines above an entry's keywords, none of them a previous string (#|)."""
    for line in head.split("\n"):
        if line[:1] != "#":
            raise _Unusual  # a stray line among the comments: the line parser reports it
        kind = line[1:2]
        if kind == " " or not kind:
            entry.tcomment.append(line[2:])
        elif kind == ",":
            entry.flags += [f.strip() for f in line[2:].split(",") if f.strip()]
        elif kind == ".":
            entry.comment.append(line[3:] if line.startswith("#. ") else line[2:])
        elif kind == ":":
            for ref in line[2:].split():
                path, sep, number = ref.rpartition(":")
                entry.occurrences.append((path, number) if sep and number.isdigit() else (ref, ""))
        else:
            entry.tcomment.append(line[1:])


def _fast_block(block: str, lineno: int) -> RawEntry:
    """One well-formed entry as msgcat writes it (comments, then keywords each followed by their
    strings), parsed with one regular expression; anything else raises _Unusual."""
    if "\\\n" in block or block.endswith("\\"):
        raise _Unusual  # gettext joins such a line to the next: the line parser refuses it
    entry = RawEntry(lineno)
    pos = 0
    if block[0] == "#":
        body_at = block.find("\nmsg") + 1  # the first keyword line ends the comments
        head = block[:body_at - 1]
        if body_at and "#|" not in head and "#~" not in head:
            _comments(entry, head)
            pos = body_at
    previous_seen = False
    while block.startswith("#", pos):
        end = block.find("\n", pos)
        if end < 0:
            raise _Unusual
        line = block[pos:end]
        kind = line[1:2]
        if kind != "|" and previous_seen:
            raise _Unusual  # a comment after a previous string: the line parser refuses it
        previous_seen = previous_seen or kind == "|"
        if kind == "~":
            raise _Unusual
        if kind != "|":
            _comments(entry, line)
        else:
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
            kind = match.group(1)
            if any(getattr(entry, "previous_" + k) is not None
                   for k in _PREVIOUS_ORDER[_PREVIOUS_ORDER.index(kind):]) or (
                    kind == "msgid_plural" and entry.previous_msgid is None):
                raise _Unusual  # repeated or out of order: the line parser refuses it
            setattr(entry, "previous_" + kind, _string(quoted))
            end = stop
        pos = end + 1
    body = _BODY.match(block, pos)
    if body is None:
        raise _Unusual
    ctxt, msgid, msgstr, plural, forms = body.groups()
    if ctxt is not None:
        entry.msgctxt = _string(ctxt)
    entry.msgid = _string(msgid)
    if plural is None:
        entry.msgstr[0] = _string(msgstr)
    else:
        entry.msgid_plural = _string(plural)
        for expected, (index, quoted) in enumerate(_PLURAL_FORM.findall(forms)):
            if index != str(expected):
                raise _Unusual  # a gap or a repeat: the line parser reports it
            entry.msgstr[expected] = _string(quoted)
    return entry


def read_entries(name: str, data: bytes, fast: bool = True) -> list[RawEntry]:
    """Every entry (header first, obsolete ones included), refusing malformed input like read_po.

    Entries are the blocks between blank lines. A block written the way msgcat writes it is read
    by one regular expression (`_fast_block`); every other block, and every block after one that
    left comments pending, goes through the line parser, which also reports every error."""
    charset = _foreign_charset(data)
    if charset:
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
                parser.entries.append(_fast_block(block, lineno))
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
    _check_header(name, text, entries)
    _check_plural_counts(name, entries)
    seen: dict[tuple[str | None, str], int] = {}
    for entry in entries:
        # msgfmt refuses an obsolete entry that repeats another entry, live or obsolete, too
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise InputError(f"duplicate entry (msgctxt {entry.msgctxt!r}, first defined at line {seen[key]}): "
                             "remove one of the two", name, entry.line)
        seen[key] = entry.line
    return entries


LiveEntry = tuple[int, str | None, str, str, str | None, bool, str]
# (line, msgctxt, msgid, msgstr, previous msgid, fuzzy, translator comment)

# A whole entry as msgcat writes a singular one, followed by one blank line or the end.
_LIVE = re.compile(rf'((?:#[^\n]*\n)*)(?:msgctxt ({_STRING})\n)?msgid ({_STRING})\nmsgstr ({_STRING})\n(?:\n|\Z)')
_LIVE_PREVIOUS = re.compile(rf'(?:msgctxt ({_STRING})\n)?msgid ({_STRING})')


def read_live(name: str, data: bytes) -> list[LiveEntry] | None:
    """The live entries of a catalog of singular entries written the way msgcat writes them,
    header included, with what a check reads of them: one regular expression over the whole
    file. None for anything else (a plural or obsolete entry, an odd layout, an escape or a
    duplicate to refuse): `read_entries` reads it, and reports what it refuses. The values are
    read_entries' (tests/catalog/test_po_reader_fast.py compares them)."""
    if _foreign_charset(data):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\r" in text or "\\\n" in text or text.endswith("\\"):
        return None
    try:
        entries = _entries(text, _decoded)
    except _Unusual:
        return None
    header = next((e for e in entries if e[1] is None and e[2] == ""), None) if entries is not None else None
    if header is not None and header_problem(header[3]) is not None:
        return None  # read_entries refuses it, with the field's line
    return entries


def _live_entries(text: str, decode: Callable[[str], str]) -> list[LiveEntry] | None:
    """`read_live` on decoded text: the reference of the compiled `_live.entries` (which gives a
    string holding a backslash or a NUL to ``decode``, as `_string` does), standing in for it
    where it was not built. None, or _Unusual, for anything else than such a catalog, or for one
    holding a character no text may hold (the strict reader says where)."""
    if find_forbidden(text, file=True) is not None:
        return None
    entries: list[LiveEntry] = []
    seen: set[tuple[str | None, str]] = set()
    pos, line = 0, 1
    while pos < len(text):
        # Anchored: searching for the next entry from every place would cost the square of a
        # long block that is not one.
        match = _LIVE.match(text, pos)
        if match is None:
            return None
        comments, ctxt, msgid, msgstr = match.groups()
        fuzzy, translator, previous = _live_comments(comments) if comments else (False, "", None)
        key = (None if ctxt is None else _string(ctxt), _string(msgid))
        if key in seen:
            return None
        seen.add(key)
        entries.append((line, key[0], key[1], _string(msgstr), previous, fuzzy, translator))
        end = match.end()
        line += text.count("\n", pos, end)
        pos = end
    return entries


_entries: Callable[[str, Callable[[str], str]], list[LiveEntry] | None]
try:
    from ._live import entries as _entries
except ImportError:  # not compiled (no C compiler where the project was installed)
    _entries = _live_entries


def _live_comments(comments: str) -> tuple[bool, str, str | None]:
    """(fuzzy, translator comment, previous msgid) of an entry's comment lines."""
    fuzzy = False
    translator: list[str] = []
    previous: list[str] = []
    for line in comments[:-1].split("\n"):
        kind = line[1:2]
        if previous and kind != "|":
            raise _Unusual  # a comment after a previous string: read_entries refuses it
        if kind == " " or not kind:
            translator.append(line[2:])
        elif kind == ",":
            fuzzy = fuzzy or "fuzzy" in (f.strip() for f in line[2:].split(","))
        elif kind == "|":
            if not line.startswith("#| "):
                raise _Unusual
            previous.append(line[3:])
        elif kind == "~":
            raise _Unusual
        elif kind not in ".:":
            translator.append(line[1:])
    if not previous:
        return fuzzy, "\n".join(translator), None
    match = _LIVE_PREVIOUS.fullmatch("\n".join(previous))
    if match is None:
        raise _Unusual
    return fuzzy, "\n".join(translator), _string(match.group(2))


# What has been read of the current entry, and what may come next. An entry is complete once it
# has its msgstr (or msgstr[0]); the order and count of keywords are those GNU msgfmt enforces.
_START, _MSGCTXT, _MSGID, _MSGID_PLURAL = "start", "msgctxt", "msgid", "msgid_plural"
_MSGSTR, _PLURAL = "msgstr", "plural"
_COMPLETE = (_MSGSTR, _PLURAL)
_PREVIOUS_ORDER = ("msgctxt", "msgid", "msgid_plural")
_MISSING = {
    _MSGCTXT: "the msgctxt above has no msgid and msgstr",
    _MSGID: 'the msgid above has no msgstr: add msgstr ""',
    _MSGID_PLURAL: "the msgid_plural above has no msgstr[0], msgstr[1]...: add them",
}


def header_problem(value: str) -> tuple[int, str] | None:
    """Where (an offset in the header's msgstr) and why a header is not a list of distinct
    ``Name: value`` fields, else None.

    GNU msgfmt and msgcat accept any header text and keep it as written, but a line that is no
    field is read by no tool and the pipeline, which keeps the header as its fields, would drop
    it; and of a field given twice, gettext's runtime reads the first (Plural-Forms, Language,
    charset) while polib and the pipeline keep the last, so two tools would build a different
    catalog from one file. Names are compared without regard to case, as a reader would."""
    seen: set[str] = set()
    offset = 0
    fields = value.split("\n")
    for index, line in enumerate(fields):
        if index == len(fields) - 1 and not line:
            break  # after the last field's line break
        key, colon, _ = line.partition(":")
        key = key.strip()
        if not colon or not key:
            return offset, (f"header line {line!r} is not a field 'Name: value': remove it, or give it a name "
                            "(X-Note: ...); gettext tools read nothing from it and the pipeline could not keep it")
        if key.lower() in seen:
            return offset, (f"header field {key!r} twice: keep one (gettext reads the first, polib and the "
                            "pipeline the last)")
        seen.add(key.lower())
        offset += len(line) + 1
    return None


def _check_header(name: str, text: str, entries: list[RawEntry]) -> None:
    """Refuse a header `header_problem` finds fault with, at the line of the faulty field."""
    header = _header_of(entries)
    if header is None or not header.msgstr.get(0):
        return
    problem = header_problem(header.msgstr[0])
    if problem is not None:
        raise InputError(problem[1], name, _header_line(text, header.line, problem[0]))


def _header_of(entries: list[RawEntry]) -> RawEntry | None:
    return next((e for e in entries if e.msgid == "" and e.msgctxt is None and not e.obsolete), None)


def _header_line(text: str, first: int, offset: int) -> int:
    """The line holding character ``offset`` of the msgstr of the header that starts at line
    ``first``: its msgstr line and the string lines after it, decoded one by one."""
    lines = text.split("\n")
    number = next((n for n in range(first - 1, len(lines)) if lines[n].lstrip().startswith("msgstr")), first - 1)
    seen = 0
    for n in range(number, len(lines)):
        segment = _SEGMENT.search(lines[n])
        if segment is None or (n > number and not lines[n].lstrip().startswith('"')):
            break
        seen += len(_unescape(segment.group(1)))
        if offset < seen:
            return n + 1
    return first


_NPLURALS = re.compile(r"^Plural-Forms:.*?\bnplurals\s*=\s*(\d+)", re.MULTILINE)


def _check_plural_counts(name: str, entries: list[RawEntry]) -> None:
    """Every live plural entry has as many forms as the header's Plural-Forms says (msgfmt refuses
    a catalog where one has fewer or more: the program would show an empty or no text)."""
    header = _header_of(entries)
    found = _NPLURALS.search(header.msgstr.get(0, "")) if header is not None else None
    if found is None:
        return  # a template (nplurals=INTEGER) or no header: nothing to compare with
    nplurals = int(found.group(1))
    for entry in entries:
        if entry.msgid_plural is not None and not entry.obsolete and len(entry.msgstr) != nplurals:
            raise InputError(f"{len(entry.msgstr)} plural forms, but the header's Plural-Forms says "
                             f"nplurals={nplurals}: give the entry msgstr[0] to msgstr[{nplurals - 1}]",
                             name, entry.line)


class _LineParser:
    """The general reader: one line at a time, every PO construct, every error with its line."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.entries: list[RawEntry] = []
        self.current: RawEntry | None = None
        self.state = _START
        self.keyword_line = 0  # line of the last keyword, where an unfinished entry is reported
        self.obsolete: bool | None = None  # whether the entry's keyword lines carry #~
        self.next_form = 0
        self.target: tuple[str, int | None] | None = None  # which field continuation lines extend
        self.previous_seen = False  # a #| line was read: only keywords may follow (msgfmt's grammar)

    @property
    def idle(self) -> bool:
        return self.current is None

    def _error(self, message: str, line: int, column: int | None = None) -> InputError:
        return InputError(message, self.name, line, column)

    def _close(self) -> None:
        """End the entry at a blank line or at the end of the file; pending comments stay pending."""
        if self.state in _COMPLETE:
            self._start_next()
        elif self.state != _START:
            raise self._error(_MISSING[self.state], self.keyword_line)
        self.target = None

    def _start_next(self) -> None:
        assert self.current is not None
        self.entries.append(self.current)
        self.current, self.state, self.obsolete, self.next_form, self.target = None, _START, None, 0, None
        self.previous_seen = False

    def _interrupt(self, what: str, lineno: int) -> None:
        """A comment or previous string: it ends a complete entry and may not split an unfinished one."""
        if self.state in _COMPLETE:
            self._start_next()
        elif self.state != _START:
            raise self._error(f"{what} inside an entry: {_MISSING[self.state]}", lineno)
        if self.current is None:
            self.current = RawEntry(lineno)

    def finish(self) -> None:
        if self.state == _START and self.previous_seen and self.current is not None:
            raise self._error("a previous string (#|) with no entry after it: remove it", self.current.line)
        self._close()

    def blank(self) -> None:
        self._close()

    def feed(self, block: str, first: int) -> None:
        for lineno, line in enumerate(block.split("\n"), start=first):
            self._line(line.removesuffix("\r"), lineno)

    def _line(self, line: str, lineno: int) -> None:
        if not line or line.isspace():
            self.blank()
            return
        if line.endswith("\\"):
            # gettext reads a backslash at the end of a line as a line continuation, anywhere: a
            # comment ending so would swallow the msgid line below it
            raise self._error("a line ends with a backslash, which gettext joins to the next line: remove it or "
                              "add a space after it", lineno, len(line))
        obsolete = previous = False
        body = line
        if line.startswith("#~|"):
            body, obsolete, previous = line[3:].lstrip(" "), True, True
        elif line.startswith("#~"):
            body, obsolete = line[2:].lstrip(" "), True
        elif line.startswith("#|"):
            body, previous = line[2:].lstrip(" "), True
        elif line.startswith("#"):
            self._comment(line, lineno)
            return
        if not body:
            return
        keyword = None if body[0] == '"' else _KEYWORD.match(body)
        match = keyword or _CONTINUATION.match(body)
        if match is None:
            self._unexpected(line, body, lineno)
        group = 3 if keyword is not None else 1
        try:
            value = _unescape(match.group(group))
        except _EscapeError as exc:
            raise self._error(exc.message, lineno, len(line) - len(body) + match.start(group) + exc.index + 1) from None
        if keyword is None:
            self._check_obsolete(obsolete, lineno)
            self._continue(value, previous, line, body, lineno)
        elif previous:
            self._previous(keyword.group(1), value, obsolete, lineno)
        else:
            self._keyword(keyword.group(1), keyword.group(2), value, obsolete, lineno)

    def _unexpected(self, line: str, body: str, lineno: int) -> NoReturn:
        if body.count('"') % 2 == 1 or re.search(r'"[^"]*\\"[ \t]*$', body):
            raise self._error("unterminated string: close it with a double quote", lineno)
        word = body.split()[0] if body.split() else body
        raise self._error(f"unexpected {word!r}: expected a comment, a keyword (msgctxt, msgid, msgstr...) "
                          "or a quoted string", lineno, len(line) - len(body) + 1)

    def _comment(self, line: str, lineno: int) -> None:
        self._interrupt("a comment", lineno)
        current = self.current
        assert current is not None
        if self.previous_seen:
            raise self._error("a comment after a previous string (#|): write comments and flags before the #| "
                              "lines", lineno)
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

    def _previous(self, kind: str, value: str, obsolete: bool, lineno: int) -> None:
        self._interrupt("a previous string (#|)", lineno)
        self._check_obsolete(obsolete, lineno)
        self.obsolete = obsolete
        self.previous_seen = True
        assert self.current is not None
        order = _PREVIOUS_ORDER.index(kind)
        current = self.current
        seen = [k for k in _PREVIOUS_ORDER if getattr(current, "previous_" + k) is not None]
        if any(_PREVIOUS_ORDER.index(k) >= order for k in seen) or (kind == "msgid_plural" and "msgid" not in seen):
            raise self._error(f"#| {kind} here: previous strings come once each, in the order msgctxt, msgid, "
                              "msgid_plural", lineno)
        self.target = ("previous_" + kind, None)
        if kind in ("msgctxt", "msgid", "msgid_plural"):
            setattr(self.current, "previous_" + kind, value)

    def _continue(self, value: str, previous: bool, line: str, body: str, lineno: int) -> None:
        if self.target is None or previous != self.target[0].startswith("previous_"):
            self._unexpected(line, body, lineno)
        assert self.target is not None
        _extend(self.current, self.target[0], self.target[1], value)

    def _keyword(self, kind: str, index: str | None, value: str, obsolete: bool, lineno: int) -> None:
        if kind in (_MSGCTXT, _MSGID) and self.state in _COMPLETE:
            self._start_next()
        self._check_order(kind, index, lineno)
        self._check_obsolete(obsolete, lineno)
        if self.current is None:
            self.current = RawEntry(lineno)
        current = self.current
        self.obsolete = current.obsolete = obsolete
        self.keyword_line = lineno
        if index is not None:
            current.msgstr[self.next_form] = value
            self.target, self.state = ("msgstr", self.next_form), _PLURAL
            self.next_form += 1
            return
        self.state = kind
        self.target = (kind, 0) if kind == _MSGSTR else (kind, None)
        if kind == _MSGSTR:
            current.msgstr[0] = value
        else:
            setattr(current, kind, value)

    def _check_obsolete(self, obsolete: bool, lineno: int) -> None:
        if self.obsolete is not None and self.obsolete != obsolete:
            raise self._error("an entry mixes obsolete (#~) and live lines: mark all of its lines with #~ "
                              "or none", lineno)

    def _check_order(self, kind: str, index: str | None, lineno: int) -> None:
        state = self.state
        if index is not None:
            if state == _MSGID:
                raise self._error(f"msgstr[{index}] needs a msgid_plural above it: write msgstr for a singular "
                                  "entry", lineno)
            if state in (_MSGID_PLURAL, _PLURAL) and index != str(self.next_form):
                raise self._error(f"msgstr[{index}] where msgstr[{self.next_form}] is expected: number the "
                                  "plural forms 0, 1, 2... in order", lineno)
            if state in (_MSGID_PLURAL, _PLURAL):
                return
        allowed = {_MSGCTXT: (_START,), _MSGID: (_START, _MSGCTXT), _MSGID_PLURAL: (_MSGID,),
                   _MSGSTR: (_MSGID,)}
        if index is None and state in allowed[kind]:
            return
        label = kind if index is None else f"msgstr[{index}]"
        if state == kind:
            raise self._error(f"a second {label}: an entry has one {kind}", lineno)
        if state == _MSGID_PLURAL and kind == _MSGSTR:
            raise self._error("an entry with msgid_plural takes msgstr[0], msgstr[1]... instead of msgstr", lineno)
        if state in _COMPLETE:
            raise self._error(f"{label} after the entry's msgstr: an entry has one msgstr, or one msgstr[N] per "
                              "plural form", lineno)
        if state in _MISSING:
            raise self._error(f"{label} here: {_MISSING[state]}", lineno)
        raise self._error(f"{label} needs a msgid above it, in the order msgctxt, msgid, msgid_plural, msgstr",
                          lineno)


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
            catalog.metadata = HeaderFields(raw.msgstr.get(0, ""))
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
    data = read_input(path, name)
    return parse_po(name, data)
