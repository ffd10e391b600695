"""Write a catalog as PO text, byte for byte the way GNU msgcat prints it."""

from __future__ import annotations

import polib

from .directives import format_of
from .header import header_text
from .wrap import PAGE_WIDTH, wrap_string

# Flags gettext keeps, in the order it prints them after "fuzzy"; any other flag is dropped by
# msgcat, so we drop it too rather than write something a translator's tool would discard.
KNOWN_FLAGS = ("c-format", "no-c-format", "python-format", "no-python-format",
               "python-brace-format", "no-python-brace-format", "no-wrap")


def _comment_text(line: str) -> str:
    # gettext joins a line ending with a backslash to the next one (a comment would swallow the
    # msgid below it): a space after the backslash keeps the comment's text and the entry whole.
    return line + " " if line.endswith("\\") else line


def _comment_lines(entry: polib.POEntry) -> list[str]:
    lines: list[str] = []
    if entry.tcomment:
        for line in entry.tcomment.split("\n"):
            lines.append(f"# {_comment_text(line)}" if line else "#")
    if entry.comment:
        for line in entry.comment.split("\n"):
            lines.append(f"#. {_comment_text(line)}" if line else "#.")
    if entry.occurrences:
        current, column = "#:", 2
        for path, lineno in entry.occurrences:
            ref = f"{path}:{lineno}" if lineno not in (None, "") else path
            if column > 2 and column + len(ref) + 1 > PAGE_WIDTH:
                lines.append(current)
                current, column = "#:", 2
            current += " " + ref
            column += len(ref) + 1
        lines.append(current)
    return lines


def _first_msgstr(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        return str(entry.msgstr_plural.get(0, "")) if entry.msgstr_plural else ""
    return str(entry.msgstr)


def _message_lines(entry: polib.POEntry, prefix: str, wrap: bool = True) -> list[str]:
    lines: list[str] = []
    fmt = format_of(entry.flags)
    if entry.msgctxt is not None:
        lines += wrap_string("msgctxt", entry.msgctxt, prefix, wrap, fmt)
    lines += wrap_string("msgid", entry.msgid, prefix, wrap, fmt)
    if entry.msgid_plural:
        lines += wrap_string("msgid_plural", entry.msgid_plural, prefix, wrap, fmt)
        for index in sorted(entry.msgstr_plural):
            lines += wrap_string(f"msgstr[{index}]", entry.msgstr_plural[index], prefix, wrap, fmt)
    else:
        lines += wrap_string("msgstr", entry.msgstr, prefix, wrap, fmt)
    return lines


def _previous_lines(entry: polib.POEntry, prefix: str, wrap: bool = True) -> list[str]:
    lines: list[str] = []
    fmt = format_of(entry.flags)
    if entry.previous_msgctxt is not None:
        lines += wrap_string("msgctxt", entry.previous_msgctxt, prefix, wrap, fmt)
    if entry.previous_msgid is not None:
        lines += wrap_string("msgid", entry.previous_msgid, prefix, wrap, fmt)
    if entry.previous_msgid_plural is not None:
        lines += wrap_string("msgid_plural", entry.previous_msgid_plural, prefix, wrap, fmt)
    return lines


def _entry_lines(entry: polib.POEntry, previous: str = "#| ", prefix: str = "") -> list[str]:
    """An entry's lines; an obsolete one's keyword lines carry ``#~`` and its flags stay, as msgcat
    writes them."""
    lines = _comment_lines(entry)
    translated = _first_msgstr(entry) != ""
    flags = [f for f in KNOWN_FLAGS if f in entry.flags]
    if "fuzzy" in entry.flags and translated:
        flags.insert(0, "fuzzy")
    if flags:
        lines.append("#, " + ", ".join(flags))
    wrap = "no-wrap" not in flags  # msgcat does not wrap such an entry's strings
    lines += _previous_lines(entry, previous, wrap)
    lines += _message_lines(entry, prefix, wrap)
    return lines


def _obsolete_lines(entry: polib.POEntry) -> list[str]:
    return _entry_lines(entry, "#~| ", "#~ ")


def header_entry(catalog: polib.POFile) -> polib.POEntry:
    """The header as an ordinary entry (msgid ""), fields in the order they were read or set, each
    as it was written unless its value changed (see `header`)."""
    entry = polib.POEntry(msgid="", msgstr=header_text(catalog.metadata))
    entry.tcomment = catalog.header or ""
    if catalog.metadata_is_fuzzy:
        entry.flags.append("fuzzy")
    return entry


def format_po(catalog: polib.POFile) -> str:
    """The PO text of ``catalog``: header, live entries in order, then obsolete ones."""
    blocks: list[list[str]] = []
    if catalog.metadata or catalog.header:
        blocks.append(_entry_lines(header_entry(catalog)))
    for entry in catalog:
        if not entry.obsolete:
            blocks.append(_entry_lines(entry))
    for entry in catalog:
        if entry.obsolete and _first_msgstr(entry):
            blocks.append(_obsolete_lines(entry))
    return "\n".join("\n".join(block) + "\n" for block in blocks)
