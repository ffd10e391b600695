"""A source sentence is longer than `max_words` words (default 25): split it for patients."""

from ..text import WORD, sentences

CODE = "W311"
NAME = "long-sentence"
SEVERITY = "warning"
SCOPE = "source"
SAFETY = False
OPTIONS = {"max_words": 25}


def check(procedure, ctx, options):
    for message in procedure.messages():
        for sentence in sentences(message.text.value):
            count = len(WORD.findall(sentence))
            if count > options["max_words"]:
                yield message, f"sentence of {count} words (at most {options['max_words']}): «{sentence}»"
