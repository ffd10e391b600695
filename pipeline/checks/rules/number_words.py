"""A number is written as a word in the source: write numerals ("2 days", not "two days").

Numerals survive translation checks and are easier to read. "one" is only flagged before a unit
of time or measure ("one week"), where it is a quantity rather than a pronoun. Words joined by a
hyphen ("a one-week stay", "half-an-hour") or a no-break space read as words written apart.
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
# Between the words of a quantity: white space of any kind, or a hyphen (also U+2010 and the
# non-breaking U+2011), so that "one-week" and "one\u00a0week" are "one week".
_GAP = r"[\s\-\u2010\u2011]+"
# Over `ascii_lowered` text. The lookahead on first letters halves the scan: most words start
# with none of them.
PATTERN = re.compile(rf"\b(?=[tfsenhdoa])(?:(?:{_WORDS})\b|(?:one|a{_GAP}half|half{_GAP}an?){_GAP}{_UNITS}\b"
                     rf"|a{_GAP}(?:day|week|month|year){_GAP}or{_GAP}two\b)")


@lru_cache(maxsize=50_000)  # a library repeats its sentences in many leaflets
def _found(text: str) -> tuple[str, ...]:
    """The number words, as the text writes them."""
    return tuple(text[match.start():match.end()] for match in PATTERN.finditer(ascii_lowered(text)))


def check(procedure: Procedure, ctx: SourceContext, options: Options) -> Iterator[tuple[Message, str]]:
    for message in procedure.messages():
        for words in _found(message.text.value):
            yield message, f"number written as words: «{words}»; use numerals"
