"""The glossary commands: exchange the termbase with CAT tools (TBX-Basic, Weblate CSV).

Plain functions on a Project returning frozen results; nothing here prints or reads argv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..config import TERMBASE_FILE
from ..errors import InputError
from ..fsutil import read_input, write_atomic
from ..lock import exclusive
from ..project import Project
from .exchange import (
    CSV_FIELDS_CARRIED,
    TBX_FIELDS,
    Conflict,
    export_csv,
    export_tbx,
    in_termbase_languages,
    merge_termbases,
    parse_csv,
    parse_tbx,
)
from .matching import termbase_language
from .model import Termbase
from .reader import parse_termbase
from .writer import format_termbase, origin, with_additions


def glossary_export(project: Project, fmt: str, locale: str | None) -> bytes:
    if fmt == "tbx":
        return export_tbx(project.termbase, project.config.source_language)
    if locale is None:
        raise InputError("the CSV glossary is per language: add --locale (e.g. --locale es)")
    language = termbase_language(project.termbase, project.locale(locale).posix)
    return export_csv(project.termbase, language, project.config.source_language)


def _check_incoming(name: str, incoming: Termbase) -> None:
    """Refuse a concept the termbase could not hold, naming its place in the imported file
    (a message about a line of the merged termbase, never written, would lead nowhere)."""
    for concept in incoming.concepts:
        alone = Termbase((concept,))
        try:
            parse_termbase(name, format_termbase(alone).encode("utf-8"))
        except InputError as exc:
            found = origin(alone, exc.location.line) if exc.location and exc.location.line else None
            term = found[1] if found else None
            line = term.line if term is not None and term.line is not None else concept.line
            message = re.sub(r"^concepts\[0\]", f"concept {concept.id}", exc.message)
            raise InputError(message, name, line) from None


@dataclass(frozen=True)
class ImportReport:
    added: int
    conflicts: tuple[Conflict, ...]
    written: bool


def glossary_import(project: Project, path: Path, fmt: str | None, locale: str | None) -> ImportReport:
    """Add the terms of a TBX or CSV file to the termbase; conflicts are reported, never applied."""
    name = str(path)
    data = read_input(path, name)
    fmt = fmt or ("csv" if path.suffix.lower() == ".csv" else "tbx")
    with exclusive(project.root):
        return _merge_into_termbase(project, name, data, fmt, locale)


def _merge_into_termbase(project: Project, name: str, data: bytes, fmt: str, locale: str | None) -> ImportReport:
    if fmt == "csv":
        if locale is None:
            raise InputError("a CSV glossary is for one language: add --locale")
        incoming = parse_csv(name, data, termbase_language(project.termbase, project.locale(locale).posix))
    else:
        incoming = in_termbase_languages(parse_tbx(name, data, project.config.source_language), project.termbase)
    _check_incoming(name, incoming)
    merged, conflicts, added = merge_termbases(project.termbase, incoming,
                                               CSV_FIELDS_CARRIED if fmt == "csv" else TBX_FIELDS)
    written = False
    if added:
        # the file as the linguists wrote it, with the new lines in; rewritten whole only when it
        # is not in the house layout
        written_text = read_input(project.root / TERMBASE_FILE, TERMBASE_FILE).decode("utf-8")
        text = with_additions(written_text, project.termbase, merged) or format_termbase(merged)
        parse_termbase(TERMBASE_FILE, text.encode("utf-8"))  # never write what we could not read back
        written = write_atomic(project.root / TERMBASE_FILE, text.encode("utf-8"))
    return ImportReport(added, conflicts, written)
