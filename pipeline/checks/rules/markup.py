"""No markup, link, URL or e-mail address in a translation that the source lacks.

Bundles are rendered by apps: an HTML tag, an entity, an event-handler attribute (`onerror=`), a
`javascript:` link or a Markdown link added by a translator (or a compromised tool) must never
reach a patient's screen. URLs and e-mail addresses must be exactly the source's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..model import Entry, LocaleContext, Options

CODE = "E102"
NAME = "markup"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, Any] = {}

# Each pattern is linear in the length of the text: a repetition never runs over the character
# that starts another attempt (a "[" in a link text; in a link target, a "(" that does not close
# one level of parentheses, as in "javascript:alert(1)"), and a run that could begin an e-mail
# address is tried from its first character only. Otherwise an unclosed "[" or "www." repeated
# over a long translation is scanned again from every position: quadratic time.
PATTERNS = {
    "HTML tag": re.compile(r"</?[A-Za-z][^<>]*+>|<!--|-->"),
    "HTML entity": re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);"),
    "event-handler attribute": re.compile(r"\bon[a-z]++\s*+=", re.IGNORECASE),
    "script link": re.compile(r"\b(?:javascript|vbscript|data):", re.IGNORECASE),
    "Markdown link": re.compile(r"!?\[[^\[\]]*+\]\((?:[^()]|\([^()]*+\))*+\)"),
    "URL": re.compile(r"\b(?:https?|ftp)://[^\s<>\"]+|\bwww\.[^\s<>\"]+", re.IGNORECASE),
    "e-mail address": re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+"),
}


# Every pattern above needs one of these characters (":" for "://", "script:" and "data:") or
# "www."; most sentences have none, so most entries stop here. (One regex with both alternatives
# and IGNORECASE is much slower: the engine then tries every position.)
_TRIGGER_CHAR = re.compile(r"[<>&=@\[:]")
_WWW = re.compile(r"www\.", re.IGNORECASE)


def _triggers(text: str) -> bool:
    return _TRIGGER_CHAR.search(text) is not None or _WWW.search(text) is not None


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if not _triggers(entry.msgstr) and not _triggers(entry.msgid):
        return
    for kind, pattern in PATTERNS.items():
        source = set(pattern.findall(entry.msgid))
        target = set(pattern.findall(entry.msgstr))
        for token in sorted(target - source):
            yield f"{kind} {token!r} is not in the source: remove it"
        if kind in ("URL", "e-mail address"):
            for token in sorted(source - target):
                yield f"{kind} {token!r} from the source is missing: copy it unchanged"
