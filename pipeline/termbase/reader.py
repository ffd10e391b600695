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


def _unheld(terms: list[dict[str, tuple[Term, ...]]]) -> set[tuple[int, str, int, int]]:
    """Where an exception does not hold its term, matched as it is matched in text: an exception
    that would never apply. As (concept, language, term, exception) indexes into ``terms`` (each
    concept's terms by language). The terms of a language are matched together, each as a concept
    of its own without its exceptions, so that a hit says which term it is."""
    listed: dict[str, list[tuple[tuple[int, str, int], Concept, tuple[str, ...]]]] = {}
    for index, by_language in enumerate(terms):
        for lang, items in by_language.items():
            for t_index, term in enumerate(items):
                if term.exceptions:
                    alone = Concept(f"{index}.{t_index}", "other", "", {lang: (replace(term, exceptions=()),)})
                    listed.setdefault(lang, []).append(((index, lang, t_index), alone, term.exceptions))
    unheld = set()
    for language, entries in listed.items():
        matcher = Matcher(Termbase(tuple(alone for _, alone, _ in entries)), language)
        for (index, lang, t_index), alone, exceptions in entries:
            for e_index, exception in enumerate(exceptions):
                if not any(hit.concept is alone for hit in matcher.find(exception)):
                    unheld.add((index, lang, t_index, e_index))
    return unheld


def parse_termbase(name: str, data: bytes) -> Termbase:
    root = load_yaml(name, data)
    if root is None:
        return Termbase(())
    validate(name, root, "termbase.schema.json")
    concepts = []
    seen: set[str] = set()
    built = [{str(lang): tuple(_term(t) for t in items) for lang, items in raw["terms"].items()}
             for raw in root["concepts"]]
    unheld = _unheld(built)
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
        concepts.append(Concept(id=str(raw["id"]), subject=str(raw["subject"]),
                                definition=" ".join(str(raw["definition"]).split()), terms=built[index],
                                line=position(root, ["concepts", index])[0]))
    return Termbase(tuple(concepts))


def read_termbase(path: Path, name: str) -> Termbase:
    if not path.exists():
        return Termbase(())
    data = read_input(path, name)
    return parse_termbase(name, data)
