"""Write the termbase as YAML in the house layout: one flow mapping per term, sorted as given."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from .model import Concept, Term, Termbase


def _scalar(value: str) -> str:
    """A YAML scalar: plain when safe, else double-quoted JSON (which YAML reads as is)."""
    unsafe = (not value or value != value.strip() or any(c in value for c in ":#{}[],&*!|>'\"%@`\n")
              or value.lower() in ("true", "false", "yes", "no", "null", "on", "off", "~")
              or value[0] in "-?" or value.replace(".", "", 1).isdigit())
    return json.dumps(value, ensure_ascii=False) if unsafe else value


HEADER = ["# The medical termbase (TBX-Basic shape); see docs/termbase.md.", "concepts:"]


def _term_line(term: Term) -> str:
    fields = [f"term: {_scalar(term.text)}", f"status: {term.status}", f"pos: {term.pos}"]
    if term.match:
        fields.append(f"match: {term.match}")
    if term.forms:
        fields.append("forms: [" + ", ".join(_scalar(f) for f in term.forms) + "]")
    if term.dnt:
        fields.append("dnt: true")
    if term.note:
        fields.append(f"note: {_scalar(term.note)}")
    if term.exceptions:
        fields.append("exceptions: [" + ", ".join(_scalar(e) for e in term.exceptions) + "]")
    return "        - {" + ", ".join(fields) + "}"


def lines_of(termbase: Termbase) -> Iterator[tuple[str, Concept, Term | None]]:
    """Each line after the header with the concept (and term) it comes from."""
    for concept in termbase.concepts:
        for line in (f"  - id: {concept.id}", f"    subject: {concept.subject}",
                     f"    definition: {_scalar(concept.definition)}", "    terms:"):
            yield line, concept, None
        for language, terms in concept.terms.items():
            yield f"      {language}:", concept, None
            for term in terms:
                yield _term_line(term), concept, term


def format_termbase(termbase: Termbase) -> str:
    return "\n".join([*HEADER, *(line for line, _, _ in lines_of(termbase))]) + "\n"


def origin(termbase: Termbase, line: int) -> tuple[Concept, Term | None] | None:
    """The concept (and term) that line ``line`` (1-based) of `format_termbase`'s text comes from."""
    for number, (_, concept, term) in enumerate(lines_of(termbase), len(HEADER) + 1):
        if number == line:
            return concept, term
    return None


# Where the house layout puts a concept's first key, a language and a term's mapping (0-based
# columns): `lines_of` writes them there, and `with_additions` inserts lines only into a file
# that has them there too.
_HOUSE_COLUMNS = (4, 6, 10)


class _NotHouseLayout(Exception):
    """The file is not laid out as the house layout writes it: lines cannot be inserted."""


def with_additions(text: str, current: Termbase, merged: Termbase) -> str | None:
    """The termbase file ``text`` (read as ``current``) with what ``merged`` adds to it written
    in: a term after the last of its language, a language after the concept's last, a concept at
    the end, each in the house layout; every other line stays as it was (the linguists' comments,
    blank lines and folded definitions, and their diff in git). None when the file is not laid
    out as the house layout writes it (a flow sequence, other indentation), or when the result
    would not read back as ``merged``: the caller then writes the whole termbase anew."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError

    from .reader import parse_termbase

    if "\r" in text or text.startswith("\ufeff"):  # line ends or a mark the house layout does not write
        return None
    try:
        document = YAML().load(text)
    except YAMLError:  # read by the pipeline's own reader, but not by ruamel.yaml's: written anew
        return None
    concepts = document.get("concepts") if isinstance(document, CommentedMap) else None
    # the items of one block sequence or mapping share their column: the first one's says it
    if (not isinstance(concepts, CommentedSeq) or concepts.fa.flow_style() or not concepts
            or concepts.lc.item(0)[1] != _HOUSE_COLUMNS[0]):
        return None
    lines = text.split("\n")
    known = {concept.id: concept for concept in current.concepts}
    position = {node.get("id"): index for index, node in enumerate(concepts) if isinstance(node, CommentedMap)}
    inserts: list[tuple[int, list[str]]] = []  # (the line to insert before, the lines)
    try:
        for concept in merged.concepts:
            old = known.get(concept.id)
            if old is None:
                inserts.append(_new_concept(concept, concepts, lines))
            else:
                inserts += _new_terms(concept, old, concepts, position.get(concept.id), lines)
    except _NotHouseLayout:
        return None
    # from the end, and at one place the last first, so that each keeps its place and their order
    for at, _, added in sorted(((at, n, added) for n, (at, added) in enumerate(inserts)), reverse=True):
        lines[at:at] = added
    result = "\n".join(lines)
    try:
        if format_termbase(parse_termbase("termbase", result.encode("utf-8"))) != format_termbase(merged):
            return None
    except InputError:  # it does not read back: the caller writes the termbase anew
        return None
    return result


def _new_concept(concept: Concept, concepts: Any, lines: list[str]) -> tuple[int, list[str]]:
    """A concept the file lacks, after its last content, apart by a blank line if the file's
    last concept is."""
    last = concepts.lc.item(len(concepts) - 1)[0]
    blank = [""] if last > 0 and not lines[last - 1].strip() else []
    return _after_content(lines, len(lines)), blank + [line for line, _, _ in lines_of(Termbase((concept,)))]


def _new_terms(concept: Concept, old: Concept, concepts: Any, index: int | None,
               lines: list[str]) -> list[tuple[int, list[str]]]:
    """The terms ``concept`` has beyond ``old`` (its languages' new last terms, its new
    languages), each at the end of where it belongs in ``concepts[index]``."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if index is None or not isinstance(concepts[index], CommentedMap):
        raise _NotHouseLayout
    node = concepts[index]
    terms = node.get("terms")
    if (not isinstance(terms, CommentedMap) or terms.fa.flow_style() or not terms
            or terms.lc.key(next(iter(terms)))[1] != _HOUSE_COLUMNS[1]):
        raise _NotHouseLayout
    keys, languages = list(node), list(terms)
    # where the concept's terms end: at its next key, else at the next concept
    after = (node.lc.key(keys[keys.index("terms") + 1])[0] if keys[-1] != "terms"
             else concepts.lc.item(index + 1)[0] if index + 1 < len(concepts) else len(lines))
    inserts = []
    for language, items in concept.terms.items():
        new = [_term_line(term) for term in items[len(old.terms.get(language, ())):]]
        if not new:
            continue
        if language not in terms:
            inserts.append((_after_content(lines, after), [f"      {language}:", *new]))
            continue
        entries = terms[language]
        if (not isinstance(entries, CommentedSeq) or entries.fa.flow_style() or not entries
                or entries.lc.item(0)[1] != _HOUSE_COLUMNS[2]):
            raise _NotHouseLayout
        k = languages.index(language)
        inserts.append((_after_content(lines, terms.lc.key(languages[k + 1])[0] if k + 1 < len(languages) else after),
                        new))
    return inserts


def _after_content(lines: list[str], stop: int) -> int:
    """Where to insert lines that end what comes before line ``stop``: after its last line that
    is neither blank nor a comment (the blank lines and comments before ``stop`` belong to what
    follows them)."""
    at = stop
    while at > 0 and (not lines[at - 1].strip() or lines[at - 1].lstrip().startswith("#")):
        at -= 1
    return at
