"""No markup, link, URL or e-mail address in a translation that the source lacks.

Bundles are rendered by apps: an HTML tag, an entity, an event-handler attribute (`onerror=`), a
`javascript:` link or a Markdown link added by a translator (or a compromised tool) must never
reach a patient's screen, nor a tag left without its ">" (`</b primero`), which an app rendering
HTML turns into hidden text. URLs and e-mail addresses must be exactly the source's. A Markdown link
of the source may have its text translated: its target (and whether it is an image) may not change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
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
    # A tag without its ">" too (up to the next "<"): an app that renders HTML hides what follows.
    # So does "<!", "<?" or "</" before anything but a letter: a browser reads it as a comment up to
    # the next ">" (or the end of the text).
    "HTML tag": re.compile(r"</?[A-Za-z][^<>]*+>?|<!--|-->|(?:<[!?]|</(?![A-Za-z>]))[^<>]*+>?"),
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
    # "www." only in a text with a w (no other character matches "w" ignoring case): most
    # translations have none, and looking for one is a fraction of the case-blind search.
    return _TRIGGER_CHAR.search(text) is not None or (("w" in text or "W" in text) and _WWW.search(text) is not None)


@lru_cache(maxsize=50_000)  # a source text recurs in every locale's catalog
def _source_triggers(text: str) -> bool:
    return _triggers(text)


def _link_target(link: str) -> str:
    """A Markdown link without its text: "![" or "[", then its target ("](...)"); a link's text
    holds no bracket, so its first "](" ends the text."""
    return link[:link.index("[") + 1] + link[link.index("]("):]


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if not _triggers(entry.msgstr) and not _source_triggers(entry.msgid):
        return
    for kind, pattern in PATTERNS.items():
        source = set(pattern.findall(entry.msgid))
        target = set(pattern.findall(entry.msgstr))
        if kind == "Markdown link" and target - source:  # the text may be translated, not the target
            kept = {_link_target(link) for link in source}
            target = {link for link in target if _link_target(link) not in kept}
        for token in sorted(target - source):
            yield f"{kind} {token!r} is not in the source: remove it"
        if kind in ("URL", "e-mail address"):
            for token in sorted(source - target):
                yield f"{kind} {token!r} from the source is missing: copy it unchanged"
