"""Brackets and quotation marks in the translation are balanced (when the source's are)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..model import Entry, LocaleContext, Options

CODE = "W307"
NAME = "brackets"
SEVERITY = "warning"
SCOPE = "entry"
SAFETY = False
OPTIONS: dict[str, Any] = {}

PAIRS = ["()", "[]", "{}", "（）", "«»", "“”", "「」", "【】"]


def _balanced(text: str, pair: str) -> bool:
    opening, closing = text.count(pair[0]), text.count(pair[1])
    if opening != closing:
        return False
    if opening <= 1:  # none, or one pair: balanced when it opens before it closes
        return opening == 0 or text.index(pair[0]) < text.index(pair[1])
    depth = 0
    for char in _MARKS_OF[pair].findall(text):  # the pair's marks alone, not every character
        if char == pair[0]:
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


_MARKS_OF = {pair: re.compile(f"[{re.escape(pair)}]") for pair in PAIRS}
_ANY = re.compile("[" + re.escape("".join(PAIRS) + '"') + "]")
_PAIR_OF = {char: pair for pair in PAIRS for char in pair}


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_balanced(text: str, pair: str) -> bool:
    return _balanced(text, pair)


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    present = set(_ANY.findall(entry.msgstr))  # one scan, rather than two per pair
    if not present:
        return
    # the pairs the translation has a mark of, in the order of PAIRS (a translation without the
    # pair is balanced)
    for pair in sorted({_PAIR_OF[char] for char in present if char != '"'}, key=PAIRS.index):
        if _source_balanced(entry.msgid, pair) and not _balanced(entry.msgstr, pair):
            yield f"unbalanced {pair[0]} {pair[1]}"
    if '"' in present and entry.msgid.count('"') % 2 == 0 and entry.msgstr.count('"') % 2 == 1:
        yield 'unbalanced " quotation marks'
