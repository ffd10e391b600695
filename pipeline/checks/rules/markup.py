"""No markup, link, URL or e-mail address in a translation that the source lacks.

Bundles are rendered by apps: an HTML tag, an entity, an event-handler attribute (`onerror=`), a
`javascript:` link or a Markdown link added by a translator (or a compromised tool) must never
reach a patient's screen, nor a tag left without its ">" (`</b primero`), which an app rendering
HTML turns into hidden text. An entity counts without its ";" too wherever a browser reads it so:
`&#60` and `&#x3c` show "<", and the legacy names of HTML5 (`&lt`, `&amp`, `&nbsp`, `&deg`,
`&sup2`...) even before more letters (`&notas` shows "¬as"). A "&" that starts none (`A&E`) is
text. URLs and e-mail addresses must be exactly the source's. A Markdown link of the source may have
its text translated: its target (and whether it is an image) may not change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from html.entities import html5
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
    # A character reference as a browser may read it: a name or a number, with or without ";" (a
    # name without one is a reference only where it starts with a legacy name: see _reference).
    "HTML entity": re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);?"),
    "event-handler attribute": re.compile(r"\bon[a-z]++\s*+=", re.IGNORECASE),
    "script link": re.compile(r"\b(?:javascript|vbscript|data):", re.IGNORECASE),
    "Markdown link": re.compile(r"!?\[[^\[\]]*+\]\((?:[^()]|\([^()]*+\))*+\)"),
    "URL": re.compile(r"\b(?:https?|ftp)://[^\s<>\"]+|\bwww\.[^\s<>\"]+", re.IGNORECASE),
    "e-mail address": re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+"),
}


# The table's names without ";" are the legacy ones a browser reads without it ("lt", "copy").
_LEGACY_LONGEST = max(len(name) for name in html5 if not name.endswith(";"))


def _reference(written: str) -> str | None:
    """The character reference a browser reads at the start of ``written`` ("&" then a name or a
    number, maybe ";"), or None where it reads text. A number reads with or without ";". A name with
    ";" counts as written, in the table or not ("&foo;" is no translation either). Without ";",
    HTML5 reads the longest legacy name that begins it: "&notas" is "¬as", "&A" is text."""
    if written[1] == "#" or (written.endswith(";") and written[1:] in html5):
        return written
    name = written[1:].rstrip(";")
    for end in range(min(len(name), _LEGACY_LONGEST), 1, -1):
        if name[:end] in html5:
            return "&" + name[:end]
    return written if written.endswith(";") else None


def _entities(text: str) -> set[str]:
    """The character references in ``text``, each as a browser reads it (see _reference)."""
    if "&" not in text:
        return set()
    return {found for found in map(_reference, PATTERNS["HTML entity"].findall(text)) if found is not None}


def _finder(pattern: re.Pattern[str]) -> Callable[[str], set[str]]:
    """Every match of ``pattern`` in a text."""
    return lambda text: set(pattern.findall(text))


# What each kind of markup is in a text, as what the check compares.
FINDERS: dict[str, Callable[[str], set[str]]] = {kind: _finder(pattern) for kind, pattern in PATTERNS.items()}
FINDERS["HTML entity"] = _entities  # in its place among the kinds: findings keep their order


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
    for kind, find in FINDERS.items():
        source = find(entry.msgid)
        target = find(entry.msgstr)
        if kind == "Markdown link" and target - source:  # the text may be translated, not the target
            kept = {_link_target(link) for link in source}
            target = {link for link in target if _link_target(link) not in kept}
        for token in sorted(target - source):
            yield f"{kind} {token!r} is not in the source: remove it"
        if kind in ("URL", "e-mail address"):
            for token in sorted(source - target):
                yield f"{kind} {token!r} from the source is missing: copy it unchanged"
