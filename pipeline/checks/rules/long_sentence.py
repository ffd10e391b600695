"""A source sentence is longer than `max_words` words (default 25): split it for patients."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ...content.model import Message, Procedure
from ...wording import count as counted
from ..model import Options, SourceContext
from ..text import sentence_words

CODE = "W311"
NAME = "long-sentence"
SEVERITY = "warning"
SCOPE = "source"
SAFETY = False
OPTIONS = {"max_words": 25}


@lru_cache(maxsize=50_000)  # a library repeats its sentences in many leaflets
def _long(text: str, max_words: int) -> tuple[tuple[str, int], ...]:
    """The sentences of ``text`` longer than ``max_words`` words, with their word counts."""
    return tuple((sentence, len(words)) for sentence, words in sentence_words(text) if len(words) > max_words)


def check(procedure: Procedure, ctx: SourceContext, options: Options) -> Iterator[tuple[Message, str]]:
    for message in procedure.messages():
        for sentence, count in _long(message.text.value, options["max_words"]):
            yield message, f"sentence of {counted(count, 'word')} (at most {options['max_words']}): «{sentence}»"
