"""The glossary commands: exchange the termbase with CAT tools (TBX-Basic, Weblate CSV).

Plain functions on a Project returning frozen results; nothing here prints or reads argv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
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
from .model import SUBJECTS, Concept, Termbase
from .reader import parse_termbase
from .writer import format_termbase, origin, with_additions


def glossary_export(project: Project, fmt: str, locale: str | None) -> bytes:
    if fmt == "tbx":
        return export_tbx(project.termbase, project.config.source_language)
    if locale is None:
        raise InputError("the CSV glossary is per language: add --locale (e.g. --locale es)")
    language = termbase_language(project.termbase, project.locale(locale).posix)
    return export_csv(project.termbase, language, project.config.source_language)


# Where a file of each format gives a concept its definition, for a new concept without one
_WRITE_DEFINITION = {
    "csv": "write its English definition in the developer_comments column",
    "tbx": 'add <descrip type="definition"> with its English definition to the entry or its English language section',
}


# Where a file of each format gives a concept its subject, for a new concept without one
_WRITE_SUBJECT = {
    "csv": "add a subject column",
    "tbx": 'add <descrip type="subjectField"> to the entry',
}


def _as_merged(name: str, concept: Concept, current: Termbase, fmt: str) -> Concept:
    """The concept as the termbase would hold it after the import: a concept the termbase has keeps
    its subject and definition (a file that leaves them out, as Weblate's CSV does, adds terms to
    it); a new concept must bring its definition and its subject, which the termbase requires. A
    subject is never guessed: it decides which checks look at the concept (time and unit concepts
    are the units check's), so a default would silently leave a unit unchecked."""
    known = current.concept(concept.id)
    if known is not None:
        return replace(concept, subject=known.subject, definition=known.definition)
    if not concept.definition:
        raise InputError(f"concept {concept.id} is not in the termbase and the file gives it no definition: "
                         f"{_WRITE_DEFINITION[fmt]}, or add the concept to {TERMBASE_FILE} first",
                         name, concept.line)
    if not concept.subject:
        raise InputError(f"concept {concept.id} is not in the termbase and the file gives it no subject: "
                         f"{_WRITE_SUBJECT[fmt]} with one of {', '.join(SUBJECTS)}, or add the concept to "
                         f"{TERMBASE_FILE} first", name, concept.line)
    if concept.subject not in SUBJECTS:
        raise InputError(f"concept {concept.id}: subject {concept.subject!r} is none of the termbase's: use one of "
                         f"{', '.join(SUBJECTS)}", name, concept.line)
    return concept


def _sources_of_new_concepts(incoming: Termbase, current: Termbase, source_language: str) -> Termbase:
    """A CSV's source terms kept for the concepts the termbase lacks, where they are the concept's
    only name in the source language (without it the concept is never found in a text); for a
    concept the termbase has, the source column is the export's reference, not an edit."""
    return Termbase(tuple(
        replace(concept, terms={k: v for k, v in concept.terms.items() if k != source_language})
        if current.concept(concept.id) is not None else concept for concept in incoming.concepts))


def _check_incoming(name: str, incoming: Termbase, current: Termbase, fmt: str) -> None:
    """Refuse a concept the termbase could not hold, naming its place in the imported file
    (a message about a line of the merged termbase, never written, would lead nowhere)."""
    for concept in incoming.concepts:
        alone = Termbase((_as_merged(name, concept, current, fmt),))
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
    data = read_input(path, name, special=True)
    fmt = fmt or ("csv" if path.suffix.lower() == ".csv" else "tbx")
    with exclusive(project.root):
        return _merge_into_termbase(project, name, data, fmt, locale)


def _merge_into_termbase(project: Project, name: str, data: bytes, fmt: str, locale: str | None) -> ImportReport:
    if fmt == "csv":
        if locale is None:
            raise InputError("a CSV glossary is for one language: add --locale")
        incoming = _sources_of_new_concepts(parse_csv(
            name, data, termbase_language(project.termbase, project.locale(locale).posix),
            project.config.source_language), project.termbase, project.config.source_language)
    else:
        incoming = in_termbase_languages(parse_tbx(name, data, project.config.source_language), project.termbase)
    _check_incoming(name, incoming, project.termbase, fmt)
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
