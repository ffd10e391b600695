"""Brackets and quotation marks in the translation are balanced (when the source's are)."""

import re

CODE = "W307"
NAME = "brackets"
SEVERITY = "warning"
SCOPE = "entry"
SAFETY = False
OPTIONS: dict = {}

PAIRS = ["()", "[]", "{}", "（）", "«»", "“”", "「」", "【】"]


def _balanced(text, pair):
    if pair[0] not in text and pair[1] not in text:
        return True
    depth = 0
    for char in text:
        if char == pair[0]:
            depth += 1
        elif char == pair[1]:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


_ANY = re.compile("[" + re.escape("".join(PAIRS) + '"') + "]")


def check(entry, ctx, options):
    if not _ANY.search(entry.msgstr):
        return
    for pair in PAIRS:
        if _balanced(entry.msgid, pair) and not _balanced(entry.msgstr, pair):
            yield f"unbalanced {pair[0]} {pair[1]}"
    if entry.msgid.count('"') % 2 == 0 and entry.msgstr.count('"') % 2 == 1:
        yield 'unbalanced " quotation marks'
