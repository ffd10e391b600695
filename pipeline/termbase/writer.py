"""Write the termbase as YAML in the house layout: one flow mapping per term, sorted as given."""

from __future__ import annotations

import json
from collections.abc import Iterator

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
