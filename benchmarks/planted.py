"""Planted defects: real translations with one known defect each, for comparisons and benchmarks.

Each defect names what it breaks, how to plant it in a translation, and the check family of
`pipeline check` that must catch it. Kept out of the package: it is test material.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Defect:
    name: str
    expected: str  # code prefix of pipeline check that must report it
    applies: Callable[[str, str], bool]  # (source, translation) -> can plant here
    plant: Callable[[str, str], str]  # (source, translation) -> defective translation


def _first_number(text: str) -> re.Match | None:
    return re.search(r"\d+", text)


# Where one sentence of a translation ends and the next begins: a plain rule of this file's own,
# apart from the splitter of the checks, so that W320 is not measured against itself.
_NEXT_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[¿¡\"«(]?[A-ZÁÉÍÓÚÑ])")


def _without_second_sentence(source: str, text: str) -> str:
    """``text`` without its second sentence: a warning or an instruction left out in the middle."""
    parts = _NEXT_SENTENCE.split(text)
    return " ".join(parts[:1] + parts[2:])


# A number with digits right before a Spanish unit: its own rule here, apart from the checks'.
_QUANTITY = re.compile(r"(\d+)(?=\s?(?:días?|semanas?|horas?|minutos?|mes(?:es)?|años?|mm|cm|kg|mg)\b)")


def _quantity_numbers(text: str) -> list[str]:
    return _QUANTITY.findall(text)


def _swap_quantity_numbers(source: str, text: str) -> str:
    """The first two different numbers before units, each put where the other was."""
    numbers = _quantity_numbers(text)
    first = numbers[0]
    second = next(n for n in numbers if n != first)
    return _QUANTITY.sub(lambda m: {first: second, second: first}.get(m.group(1), m.group(1)), text)


DEFECTS = [
    # first: the shipped catalogs have one such entry, which later defects would take
    Defect("lower bound turned round (al menos → como máximo)", "E210",
           lambda s, t: "at least" in s and "al menos" in t, lambda s, t: t.replace("al menos", "como máximo", 1)),
    Defect("number changed (2–4 → 2–6)", "E201", lambda s, t: "2–4" in t, lambda s, t: t.replace("2–4", "2–6", 1)),
    Defect("number dropped", "E201", lambda s, t: _first_number(t) is not None,
           lambda s, t: re.sub(r"\s*\d+", "", t, count=1)),
    Defect("unit changed (weeks → days)", "E202", lambda s, t: re.search(r"\d\s*semanas", t) is not None,
           lambda s, t: re.sub(r"(\d\s*)semanas", r"\1días", t, count=1)),
    Defect("placeholder removed", "E101", lambda s, t: "{clinic_phone}" in t,
           lambda s, t: t.replace("{clinic_phone}", "", 1)),
    Defect("placeholder misspelled", "E101", lambda s, t: "{clinic_name}" in t,
           lambda s, t: t.replace("{clinic_name}", "{clinica}", 1)),
    Defect("deprecated term used", "E204", lambda s, t: "hernia discal" in t,
           lambda s, t: t.replace("hernia discal", "disco deslizado", 1)),
    Defect("required term missing", "E203", lambda s, t: "raíces nerviosas" in t,
           lambda s, t: t.replace("raíces nerviosas", "nervios", 1)),
    Defect("translation left in English", "W304", lambda s, t: len(s) > 20, lambda s, t: s),
    Defect("doubled space", "W305", lambda s, t: " " in t, lambda s, t: t.replace(" ", "  ", 1)),
    Defect("trailing space", "W305", lambda s, t: True, lambda s, t: t + " "),
    Defect("question without ¿", "W306", lambda s, t: t.startswith("¿"), lambda s, t: t[1:]),
    Defect("unbalanced bracket", "W307", lambda s, t: " " in t, lambda s, t: t.replace(" ", " (", 1)),
    Defect("translation truncated", "W310", lambda s, t: len(s) > 80 and ". " in t,
           lambda s, t: t.split(". ")[0][:25] + "."),
    Defect("<script> added", "E102", lambda s, t: True, lambda s, t: t + " <script>alert(1)</script>"),
    Defect("onerror= attribute added", "E102", lambda s, t: True, lambda s, t: t + ' <img src=x onerror=alert(1)>'),
    Defect("URL added", "E102", lambda s, t: True, lambda s, t: t + " https://example.invalid/x"),
    Defect("negation dropped (no → removed)", "E207",
           lambda s, t: re.search(r"\bnot\b", s) is not None and re.search(r"\bno\s", t) is not None,
           lambda s, t: re.sub(r"\bno\s+", "", t, count=1)),
    Defect("unit without a number changed (semanas → días)", "E202",
           lambda s, t: (re.search(r"(?<![\d–-]\s)\bweeks\b", s) is not None
                         and re.search(r"(?<![\d–-]\s)semanas", t) is not None),
           lambda s, t: re.sub(r"(?<![\d–-]\s)semanas", "días", t, count=1)),
    Defect("numbers of two units swapped (2 días… 4 semanas → 4 días… 2 semanas)", "E209",
           lambda s, t: len(set(_quantity_numbers(t))) >= 2, _swap_quantity_numbers),
    Defect("sentence dropped", "W320", lambda s, t: len(_NEXT_SENTENCE.split(t)) >= 2, _without_second_sentence),
]
