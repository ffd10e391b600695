"""Counting a catalog's progress, in strings and in words (a missing paragraph outweighs a label)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import polib

from ..wording import percent
from .states import state_of

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@lru_cache(maxsize=50_000)  # a source text is counted again in every locale's catalog
def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class Progress:
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    total_words: int
    translated_words: int
    fuzzy_words: int
    untranslated_words: int

    @property
    def percent(self) -> float:
        return percent(self.translated, self.total)

    @property
    def percent_words(self) -> float:
        return percent(self.translated_words, self.total_words)


def progress(catalog: polib.POFile) -> Progress:
    counts = {"translated": [0, 0], "fuzzy": [0, 0], "untranslated": [0, 0]}
    for entry in catalog:
        if entry.obsolete:
            continue
        bucket = counts[state_of(entry)]
        bucket[0] += 1
        bucket[1] += word_count(entry.msgid)
    total = sum(v[0] for v in counts.values())
    words = sum(v[1] for v in counts.values())
    return Progress(total, counts["translated"][0], counts["fuzzy"][0], counts["untranslated"][0],
                    words, counts["translated"][1], counts["fuzzy"][1], counts["untranslated"][1])
