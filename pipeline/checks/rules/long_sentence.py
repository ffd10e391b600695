"""A source sentence is longer than `max_words` words (default 25): split it for patients."""

from __future__ import annotations

from collections.abc import Iterator

from ...content.model import Message, Procedure
from ...wording import count as counted
from ..model import Options, SourceContext
from ..text import WORD, sentences

CODE = "W311"
NAME = "long-sentence"
SEVERITY = "warning"
SCOPE = "source"
SAFETY = False
OPTIONS = {"max_words": 25}


def check(procedure: Procedure, ctx: SourceContext, options: Options) -> Iterator[tuple[Message, str]]:
    for message in procedure.messages():
        for sentence in sentences(message.text.value):
            count = len(WORD.findall(sentence))
            if count > options["max_words"]:
                yield message, f"sentence of {counted(count, 'word')} (at most {options['max_words']}): «{sentence}»"
