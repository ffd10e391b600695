"""Read the termbase YAML into the model, validated, with file:line errors."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..fsutil import read_input
from ..yamlio import load_yaml, position, validate
from .matching import Matcher
from .model import Concept, Term, Termbase


def _term(raw: Any) -> Term:
    return Term(text=str(raw["term"]), status=str(raw["status"]), pos=str(raw.get("pos", "noun")),
                match=str(raw["match"]) if "match" in raw else None,
                forms=tuple(str(f) for f in raw.get("forms", ())), dnt=bool(raw.get("dnt", False)),
                note=str(raw["note"]) if "note" in raw else None,
                exceptions=tuple(str(e) for e in raw.get("exceptions", ())))


def _unheld(concepts: Any) -> set[tuple[int, str, int, int]]:
    """Where an exception does not hold its term, matched as it is matched in text: an exception
    that would never apply. As (concept, language, term, exception) indexes. The terms of a
    language are matched together, each as a concept of its own without its exceptions, so that
    a hit says which term it is."""
    listed: dict[str, list[tuple[tuple[int, str, int], Concept]]] = {}
    for index, raw in enumerate(concepts):
        for lang, terms in raw["terms"].items():
            for t_index, term in enumerate(terms):
                if term.get("exceptions"):
                    alone = replace(_term(term), exceptions=())
                    concept = Concept(f"{index}.{t_index}", "other", "", {str(lang): (alone,)})
                    listed.setdefault(str(lang), []).append(((index, str(lang), t_index), concept))
    unheld = set()
    for language, entries in listed.items():
        matcher = Matcher(Termbase(tuple(concept for _, concept in entries)), language)
        for (index, lang, t_index), concept in entries:
            term = concepts[index]["terms"][lang][t_index]
            for e_index, exception in enumerate(term["exceptions"]):
                if not any(hit.concept is concept for hit in matcher.find(str(exception))):
                    unheld.add((index, lang, t_index, e_index))
    return unheld


def parse_termbase(name: str, data: bytes) -> Termbase:
    root = load_yaml(name, data)
    if root is None:
        return Termbase(())
    validate(name, root, "termbase.schema.json")
    concepts = []
    seen: set[str] = set()
    unheld = _unheld(root["concepts"])
    for index, raw in enumerate(root["concepts"]):
        if raw["id"] in seen:
            line, column = position(root, ["concepts", index, "id"])
            raise InputError(f"concepts[{index}].id: duplicate concept id {raw['id']!r}", name, line, column)
        seen.add(raw["id"])
        for lang, terms in raw["terms"].items():
            for t_index, term in enumerate(terms):
                if term.get("match") == "prefix" and "|" not in term["term"]:
                    line, column = position(root, ["concepts", index, "terms", lang, t_index])
                    raise InputError(f"concepts[{index}].terms.{lang}[{t_index}]: match: prefix needs a "
                                     "'|' after the fixed stem (e.g. hernia|do)", name, line, column)
                if term.get("match") == "forms" and not term.get("forms"):
                    line, column = position(root, ["concepts", index, "terms", lang, t_index])
                    raise InputError(f"concepts[{index}].terms.{lang}[{t_index}]: match: forms needs "
                                     "a 'forms' list", name, line, column)
                for e_index, exception in enumerate(term.get("exceptions", ())):
                    if (index, str(lang), t_index, e_index) in unheld:
                        line, column = position(root, ["concepts", index, "terms", lang, t_index, "exceptions",
                                                       e_index])
                        raise InputError(f"concepts[{index}].terms.{lang}[{t_index}].exceptions: {str(exception)!r} "
                                         f"does not contain the term as it is matched: list only words that hold "
                                         f"{str(term['term']).replace('|', '')!r} without naming it", name, line,
                                         column)
        terms = {str(lang): tuple(_term(t) for t in items) for lang, items in raw["terms"].items()}
        concepts.append(Concept(id=str(raw["id"]), subject=str(raw["subject"]),
                                definition=" ".join(str(raw["definition"]).split()), terms=terms,
                                line=position(root, ["concepts", index])[0]))
    return Termbase(tuple(concepts))


def read_termbase(path: Path, name: str) -> Termbase:
    if not path.exists():
        return Termbase(())
    data = read_input(path, name)
    return parse_termbase(name, data)
