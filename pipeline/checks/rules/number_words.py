"""A number is written as a word in the source: write numerals ("2 days", not "two days").

Numerals survive translation checks and are easier to read. "one" is only flagged before a unit
of time or measure ("one week"), where it is a quantity rather than a pronoun.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ...content.model import Message, Procedure
from ..model import Options, SourceContext
from ..text import ascii_lowered

CODE = "W312"
NAME = "number-words"
SEVERITY = "warning"
SCOPE = "source"
SAFETY = False
OPTIONS: dict[str, Any] = {}

_WORDS = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
          "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
          "ninety|hundred|thousand|dozen")
_UNITS = (r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?"
          r"|(?:milli|centi|kilo)?met(?:re|er)s?|inch(?:es)?|miles?"
          r"|(?:milli|micro|kilo)?grams?|kilos?|pounds?|(?:milli)?lit(?:re|er)s?)")
# Over `ascii_lowered` text. The lookahead on first letters halves the scan: most words start
# with none of them.
PATTERN = re.compile(rf"\b(?=[tfsenhdoa])(?:(?:{_WORDS})\b|(?:one|a half|half an?)\s+{_UNITS}\b"
                     r"|a (?:day|week|month|year) or two\b)")


@lru_cache(maxsize=50_000)  # a library repeats its sentences in many leaflets
def _found(text: str) -> tuple[str, ...]:
    """The number words, as the text writes them."""
    return tuple(text[match.start():match.end()] for match in PATTERN.finditer(ascii_lowered(text)))


def check(procedure: Procedure, ctx: SourceContext, options: Options) -> Iterator[tuple[Message, str]]:
    for message in procedure.messages():
        for words in _found(message.text.value):
            yield message, f"number written as words: «{words}»; use numerals"
