"""Write the termbase as YAML in the house layout: one flow mapping per term, sorted as given."""

from __future__ import annotations

import json

from .model import Termbase


def _scalar(value: str) -> str:
    """A YAML scalar: plain when safe, else double-quoted JSON (which YAML reads as is)."""
    unsafe = (not value or value != value.strip() or any(c in value for c in ":#{}[],&*!|>'\"%@`\n")
              or value.lower() in ("true", "false", "yes", "no", "null", "on", "off", "~")
              or value[0] in "-?" or value.replace(".", "", 1).isdigit())
    return json.dumps(value, ensure_ascii=False) if unsafe else value


def format_termbase(termbase: Termbase) -> str:
    lines = ["# The medical termbase (TBX-Basic shape); see docs/termbase.md.", "concepts:"]
    for concept in termbase.concepts:
        lines += [f"  - id: {concept.id}", f"    subject: {concept.subject}",
                  f"    definition: {_scalar(concept.definition)}", "    terms:"]
        for language, terms in concept.terms.items():
            lines.append(f"      {language}:")
            for term in terms:
                fields = [f"term: {_scalar(term.text)}", f"status: {term.status}", f"pos: {term.pos}"]
                if term.match:
                    fields.append(f"match: {term.match}")
                if term.forms:
                    fields.append("forms: [" + ", ".join(_scalar(f) for f in term.forms) + "]")
                if term.dnt:
                    fields.append("dnt: true")
                if term.note:
                    fields.append(f"note: {_scalar(term.note)}")
                lines.append("        - {" + ", ".join(fields) + "}")
    return "\n".join(lines) + "\n"
