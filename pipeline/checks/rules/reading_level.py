"""Patient text reads above US grade `max_grade` (default 8, Flesch–Kincaid).

Computed over each paragraph, answer and list item of at least `min_words` words, with syllables
counted by Pyphen's hyphenation dictionary. Medical terms raise the grade; explain them in short
sentences around them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import pyphen

from ...content.model import Message, Procedure
from ..model import Options, SourceContext
from ..text import sentence_words

CODE = "W313"
NAME = "reading-level"
SEVERITY = "warning"
SCOPE = "source"
SAFETY = False
OPTIONS = {"max_grade": 8.0, "min_words": 20}


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=1 << 16)
def _syllables(word: str) -> int:
    """Pyphen's hyphenation points plus one; a library reuses the same words in every leaflet."""
    return len(_dictionary().positions(word)) + 1


def _grade(words: list[str], sentence_count: int) -> float:
    """The Flesch–Kincaid grade of a text of ``words`` in ``sentence_count`` sentences."""
    if not words:
        return 0.0
    syllables = sum(map(_syllables, words))
    return 0.39 * len(words) / (sentence_count or 1) + 11.8 * syllables / len(words) - 15.59


@lru_cache(maxsize=50_000)  # a library repeats its sentences in many leaflets
def _level(text: str, min_words: int) -> float | None:
    """The text's grade, or None when it has fewer than ``min_words`` words."""
    analysed = sentence_words(text)
    words = [word for _, in_sentence in analysed for word in in_sentence]
    return _grade(words, len(analysed)) if len(words) >= min_words else None


def check(procedure: Procedure, ctx: SourceContext, options: Options) -> Iterator[tuple[Message, str]]:
    for message in procedure.messages():
        level = _level(message.text.value, options["min_words"])
        if level is not None and level > options["max_grade"]:
            yield message, f"reading level grade {level:.1f} (at most {options['max_grade']:g})"
