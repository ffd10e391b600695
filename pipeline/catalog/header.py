"""A catalog's header fields, given back as the translator's tool wrote them.

GNU msgcat and msgmerge keep a header as written, and so does the pipeline: Poedit, Weblate and
Lokalize write their own spacing ("Last-Translator:  Ana"), their own fields (X-Generator,
X-Poedit-..., a field without a value) in their own order, and rewriting any of it would be noise
in the translators' diffs. The fields are read by name, with the value stripped of the spaces
around it as polib reads it; a field whose value is still the one read is written back byte for
byte, and a field the pipeline sets (the locale's Plural-Forms, the template's POT-Creation-Date)
is rewritten alone, under the name as the catalog spells it. Names are matched without regard to
case, as `po_reader.header_problem` compares them: a second spelling would be the same field
twice, which the reader refuses.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_LINE = re.compile(r"[^\n]*\n|[^\n]+")


class HeaderFields(dict[str, str]):
    """The fields of a header's text (name -> value), remembering how each line was written."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.written: dict[str, tuple[str, str]] = {}  # name -> (value as read, its line as written)
        for line in _LINE.findall(text):
            name, colon, value = line.partition(":")
            name = name.strip()
            if colon and name and name not in self:  # the reader refuses anything else
                self[name] = value.strip()
                self.written[name] = (self[name], line)

    def copy(self) -> HeaderFields:
        """A copy that still knows how each field was written."""
        copied = HeaderFields()
        copied.update(self)
        copied.written = dict(self.written)
        return copied


def header_text(fields: Mapping[str, str]) -> str:
    """The header's text: each field's line as it was read while its value is unchanged (spacing,
    a missing last line break), ``Name: value`` for a field set or changed since."""
    written = fields.written if isinstance(fields, HeaderFields) else {}
    lines = []
    for name, value in fields.items():
        read = written.get(name)
        lines.append(read[1] if read is not None and read[0] == value else f"{name}: {value}\n")
    # a line without its line break was the last: one written after it needs the break
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines[:-1]) + "".join(lines[-1:])


def field_name(fields: Mapping[str, str], name: str) -> str:
    """``name`` as the catalog spells it (Plural-Forms, plural-forms...), or as given when absent."""
    folded = name.lower()
    return next((key for key in fields if key.lower() == folded), name)


def set_field(fields: dict[str, str], name: str, value: str) -> None:
    """Set a field the pipeline owns, under the name as the catalog spells it."""
    fields[field_name(fields, name)] = value


def get_field(fields: Mapping[str, str], name: str) -> str | None:
    """The value of field ``name``, whatever the case of its spelling; None when absent."""
    return fields.get(field_name(fields, name))
