"""No markup, link, URL or e-mail address in a translation that the source lacks.

Bundles are rendered by apps: an HTML tag, an entity, an event-handler attribute (`onerror=`), a
`javascript:` link or a Markdown link added by a translator (or a compromised tool) must never reach
a patient's screen, nor a tag left without its ">" (`</b primero`), which an app rendering HTML
turns into hidden text. So must the tags of react-i18next's `<Trans>`, which renders a source's
numbered tags as its elements: `<0>`, `</0>`, `<1/>`, `<1 />`, a "<" before a digit or "-" up to the
next ">" (`<0 href="…">` sets the element's attributes, and `<36 °C o >38` shows only "38"), and
named ones like other tags (`<bold>`, `<br/>`, `<strong>`). <Trans> reads a translation inside a
`<0>…</0>` of its own: after a "<" before a number, a second "<" before the next ">" starts a tag
that runs to that ">", or to the end of the text, which the wrapper's "</0>" closes (`<36 °C o <60
lpm` hides "<60 lpm"); a second "<" before a space makes the whole run one tag (`<36 °C o < 60`
hides all of it). The source's own (`<0>ahora</0>`) may stay; a lone "<" before a number with no
">" after it (`2 <3 días`) is text, and so is a "<" before a space (`< 60`): the finding on a tag
that starts with "<" and a number asks for one where the "<" means "less than". An entity counts
without its ";" too wherever a browser reads it so: `&#60` and `&#x3c` show "<", and the legacy
names of HTML5 (`&lt`, `&amp`, `&nbsp`, `&deg`, `&sup2`...) even before more letters (`&notas` shows
"¬as"). A "&" that starts none (`A&E`) is text. The finding on an entity names the character to
write instead, as an app that escapes the text shows `&lt;36` as written, and removing it would drop
the "less than" (`&lt;` asks for "<" with a space after it). URLs and e-mail addresses must be
exactly the source's, and every tag of the source must be kept (it may move): a translation
without the source's `</b>` shows the rest of the text bold, one without its `<1/>` leaves out what
the app puts there. The quoted text of an attribute a reader sees (`title`, `alt`, `aria-label`,
`aria-description`, `placeholder`) may be translated; the tag and its other attributes may not.
A URL is read as GFM's autolinks read it: the punctuation after it ends the
sentence, not the URL (`.`, `,`, `;`, `!`, `?`, `:`, `'`, and also `。`, `،`, `؟`, `»`, `”`), and so
does a `)` that closes no `(` of the URL, so a translator may move a URL within the sentence;
`https://en.wikipedia.org/wiki/Spine_(anatomy)` keeps its `)`. A URL or e-mail address counts right
after a Chinese or Arabic letter too (`请访问https://x.example`, `至a@b.example`), as GFM links it; an
e-mail address ends where its ASCII letters do (`至a@b.example咨询` writes `a@b.example`). A URL does
not: GFM links it up to the next space, so the source's URL with the sentence glued after it
(`https://x.example/a咨询`, `…/aاليوم`, `…/a，谢谢`) is a broken link, and the finding asks for a space
after the URL.

A Markdown link is read as CommonMark and Python-Markdown read one, with or without a scheme in its
target: brackets in its text (`[vea [1]](/guia)`), parentheses in its target (`[a](/a_(b_(c)))`),
an image (`![a](b.png)`), a link by reference (`[a][1]`, `[a][]`) and the line that gives a
reference its target (`[1]: //host.example`, which also hides itself). A Markdown link of the source
may have its text translated: its target or reference (and whether it is an image) may not change.
Brackets that make no link stay text: a note (`[1]`, `[vea abajo]`), an escaped bracket (`\\[`),
`[Nota]: tome dos comprimidos`. An autolink (`<https://x.example>`, `<//x.example>`) is an HTML tag.
"""

from __future__ import annotations

import html
import re
import unicodedata
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
# that starts another attempt (a "<" in a tag, a "[" in the label of a link definition, which is
# tried at the start of a line only), and a run that could begin an e-mail address is tried from
# its first character only. Otherwise an unclosed "<" or "www." repeated over a long translation
# is scanned again from every position: quadratic time. (Markdown links: one pass, see _pairs.)
PATTERNS = {
    # A tag without its ">" too (up to the next "<"): an app that renders HTML hides what follows.
    # So does "<!", "<?" or "</" before anything but a letter: a browser reads it as a comment up to
    # the next ">" (or the end of the text). A "<" before a digit or "-", up to the next ">", is a
    # numbered tag of react-i18next's <Trans> ("<0>", "<1/>", "<0 href=...>", "<36 °C o >"); where
    # another "<" comes first, see _trans_tags.
    "HTML tag": re.compile(r"</?[A-Za-z][^<>]*+>?|<[0-9-][^<>]*+>|<!--|-->|(?:<[!?]|</(?![A-Za-z>]))[^<>]*+>?"),
    # A character reference as a browser may read it: a name or a number, with or without ";" (a
    # name without one is a reference only where it starts with a legacy name: see _reference).
    "HTML entity": re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);?"),
    "event-handler attribute": re.compile(r"\bon[a-z]++\s*+=", re.IGNORECASE),
    "script link": re.compile(r"\b(?:javascript|vbscript|data):", re.IGNORECASE),
    # Where a Markdown link's target or reference begins, right after its text ("[a](", "[a][");
    # the links themselves are read by _markdown_links.
    "Markdown link": re.compile(r"\][(\[]"),
    # A line that gives a Markdown reference its target: "[1]: //host.example", maybe a title after.
    "Markdown link definition": re.compile(
        r"^ {0,3}+(\[(?:[^\[\]\\]|\\.)++\]:[ \t]*+\n?[ \t]*+\S++"
        r"(?:[ \t]++(?:\"[^\"\n]*+\"|'[^'\n]*+'|\([^()\n]*+\)))?+)[ \t]*+$", re.MULTILINE),
    # A URL starts where GFM starts one: after anything but an ASCII letter ("1https://x.example"), or
    # a digit for "www."; so right after a Chinese or Arabic letter too ("请访问https://x.example").
    "URL": re.compile(r"(?<![A-Za-z])(?:https?|ftp)://[^\s<>\"]+|(?<![A-Za-z0-9])www\.[^\s<>\"]+", re.IGNORECASE),
    # An address is ASCII on both sides of "@", as GFM reads one: "请发邮件至a@b.example咨询" and
    # "إلىa@b.exampleاليوم" write "a@b.example"; the letters of the sentence around it are not part of it.
    "e-mail address": re.compile(r"(?<![A-Za-z0-9._+-])[A-Za-z0-9._+-]++@[A-Za-z0-9_-]++(?:\.[A-Za-z0-9_-]++)+"),
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


# What Markdown links are made of: a backslash escape, a bracket or a parenthesis.
_LINK_PART = re.compile(r"\\.|[\[\]()]", re.DOTALL)


def _pairs(text: str) -> tuple[dict[int, int], dict[int, int]]:
    """Where each "[" and each "(" of ``text`` closes, as Markdown pairs them: innermost first,
    escaped ones ("\\[") left out. One pass: linear however deep they nest."""
    brackets: dict[int, int] = {}
    parens: dict[int, int] = {}
    open_brackets: list[int] = []
    open_parens: list[int] = []
    for part in _LINK_PART.finditer(text):
        char, at = part.group(), part.start()
        if char == "[" or char == "(":
            (open_brackets if char == "[" else open_parens).append(at)
        elif char == "]" and open_brackets:
            brackets[open_brackets.pop()] = at
        elif char == ")" and open_parens:
            parens[open_parens.pop()] = at
    return brackets, parens


@lru_cache(maxsize=4096)  # a source text recurs in every locale's catalog
def _markdown_links(text: str) -> dict[str, str]:
    """The Markdown links and images of ``text``, each with what must not change in it: the link
    without its text. A link's text is in brackets, which may hold brackets; right after it comes
    its target in parentheses, which may hold parentheses ("[a [1]](/b_(c))"), or the label of a
    reference in brackets ("[a][1]"; "[a][]" uses its text as the label: then the text stays)."""
    if PATTERNS["Markdown link"].search(text) is None:
        return {}
    brackets, parens = _pairs(text)
    links = {}
    for start, end in brackets.items():
        follows = parens if text[end + 1:end + 2] == "(" else brackets
        if end + 1 not in follows:
            continue
        begin = start - 1 if text[start - 1:start] == "!" and text[start - 2:start - 1] != "\\" else start
        link = text[begin:follows[end + 1] + 1]
        target = text[end:follows[end + 1] + 1]
        links[link] = link if target == "][]" else text[begin:start + 1] + target
    return links


def _new_links(source: str, translation: str) -> set[str]:
    """The translation's Markdown links whose target the source has in none of its links."""
    kept = set(_markdown_links(source).values())
    return {link for link, target in _markdown_links(translation).items() if target not in kept}


# After a URL, what ends the sentence rather than the URL: GFM's autolinks and linkify-it leave these
# ASCII characters out of the link, and the check leaves out any other punctuation too ("。", "،",
# "؟", "»", "”"), so that a translator may write a sentence's own mark after a URL, or none.
_URL_TRAILING = frozenset(".,:;!?'*_~")
# A closing bracket ends a URL only where the URL has fewer of its opening ones: a link to
# "https://en.wikipedia.org/wiki/Spine_(anatomy)" keeps its ")", "(see https://x.example)" loses it.
_URL_CLOSING = {")": "(", "]": "[", "}": "{"}


def _url(found: str) -> str:
    """The URL that ``found`` (a run of the URL pattern) links to, as GFM's autolinks read it: without
    the punctuation after it, a ")" that closes no "(" of the URL, an entity (``&amp;``) at its end.
    One pass from the end, linear in the length of the run."""
    opened = {closing: found.count(opening) - found.count(closing) for closing, opening in _URL_CLOSING.items()}
    end = len(found)
    while end:
        char = found[end - 1]
        if char in _URL_CLOSING:
            if opened[char] >= 0:
                break
            opened[char] += 1
        elif char == ";":
            end = _before_entity(found, end - 1)
            continue
        elif char not in _URL_TRAILING and (char.isascii() or not unicodedata.category(char).startswith("P")):
            break
        end -= 1
    return found[:end]


def _before_entity(found: str, semicolon: int) -> int:
    """Where an entity written just before ``semicolon`` in ``found`` starts ("&amp" of "x&amp;"), as
    GFM leaves it out of a URL; ``semicolon`` itself where there is none."""
    start = semicolon
    while start and found[start - 1].isascii() and found[start - 1].isalpha():
        start -= 1
    return start - 1 if start < semicolon and start and found[start - 1] == "&" else semicolon


def _urls(text: str) -> set[str]:
    """The URLs of ``text``, each without the punctuation that follows it (see _url)."""
    return set(map(_url, PATTERNS["URL"].findall(text)))


# A run of react-i18next's <Trans> that begins with a "<" before a digit or "-": up to the next ">",
# or to the end of the text, where the "</0>" that <Trans> wraps every translation in supplies one.
_TRANS_RUN = re.compile(r"<[0-9-][^>]*+>?")
# What may follow the "<" where html-parse-stringify (which <Trans> uses) starts a tag.
_TAG_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-!/")


def _trans_tags(text: str) -> set[str]:
    """The tags <Trans> reads in a run of ``text`` that holds a second "<" ("<36 °C o <60"): it
    splits such a run once, at that "<" if a tag may start there ("<60", to the wrapper's ">", hides
    itself and everything after it), else reads the whole run as one tag ("<36 °C o < 60."). A run
    with one "<" is a numbered tag ("<0>") or, unclosed, text ("2 <3 días"): the HTML tag pattern
    reads those. One pass: each character is in one run at most."""
    tags = set()
    for run in _TRANS_RUN.findall(text):
        second = run.find("<", 1)
        if second != -1:
            tags.add(run[second:] if run[second + 1:second + 2] in _TAG_START else run)
    return tags


# The attributes whose text a reader sees, which a translation translates: a tooltip (title), an
# image's description (alt), what a screen reader says (aria-label, aria-description), a field's
# hint (placeholder). Quoted, their text is compared as "…"; the tag, its other attributes and any
# markup in the text are compared as written (a tag inside the text is found as a tag of its own).
_READ_ATTRIBUTE = re.compile(r"(\s(?:title|alt|aria-label|aria-description|placeholder)\s*+=\s*+)"
                             r"""(?:"[^"<>]*+"|'[^'<>]*+')""", re.IGNORECASE)


def _tags(text: str) -> set[str]:
    """The HTML tags of ``text``: those of the HTML tag pattern, and those <Trans> reads where a run
    holds a second "<" (see _trans_tags), with the text of the attributes a reader sees as "…"
    (`_READ_ATTRIBUTE`): a tooltip may be translated."""
    tags = set(PATTERNS["HTML tag"].findall(text))
    if "<" in text:
        tags |= _trans_tags(text)
    if "=" in text:
        tags = {_READ_ATTRIBUTE.sub(_read_text, tag) for tag in tags}
    return tags


def _read_text(match: re.Match[str]) -> str:
    return " " + match.group(1).strip().rstrip("=").strip().lower() + '="…"'


def _finder(pattern: re.Pattern[str]) -> Callable[[str], set[str]]:
    """Every match of ``pattern`` in a text."""
    return lambda text: set(pattern.findall(text))


# What each kind of markup is in a text, as what the check compares.
FINDERS: dict[str, Callable[[str], set[str]]] = {kind: _finder(pattern) for kind, pattern in PATTERNS.items()}
FINDERS["HTML tag"] = _tags  # in its place among the kinds: findings keep their order
FINDERS["HTML entity"] = _entities  # in its place too
FINDERS["Markdown link"] = lambda text: set(_markdown_links(text))  # in its place too
FINDERS["URL"] = _urls  # in its place too


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


def _run_into_text(source: set[str], target: set[str]) -> Iterator[str]:
    """One finding for each URL of the source that the translation writes with the text after it
    glued on ("https://x.example/a咨询", "…/aاليوم", "…/a，谢谢"): GFM links up to the next space,
    so the link breaks, and the fix is a space, not a new URL. Such a pair leaves ``source`` and
    ``target`` (the caller's sets) so that it is not also "not in the source" and "missing". The
    URL ends at the first non-ASCII character: "…/aup" is another URL, and a source URL that has
    one of its own gets the two findings. One look-up per URL: linear however many there are."""
    for url in sorted(target - source):
        glued = _NON_ASCII.search(url)
        end = glued.start() if glued else 0
        if end and url[:end] in source and url[:end] not in target:
            source.discard(url[:end])
            target.discard(url)
            yield (f"URL {url[:end]!r} runs into the text after it ({url[end:]!r}): an app links both as one "
                   "address; put a space after the URL")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _what_to_do(kind: str, token: str) -> str:
    """What the translator does about markup the source lacks: remove it; but a tag that begins with
    "<" before a number is most likely a comparison ("<36 °C o <60"), which keeps its meaning, and
    shows, with a space after the "<"."""
    if kind == "HTML tag" and token[1:2] in _NUMBER_START:
        return 'an app reads it as a tag and hides text: put a space after each "<" that means "less than" ' \
               '("< 60"), or remove the tag'
    if kind == "HTML entity":
        return _instead_of_entity(token)
    return "remove it"


def _instead_of_entity(token: str) -> str:
    """What to write instead of a character reference: the character it stands for, which reads the
    same in every app ("&lt;36" shows as written where an app escapes the text, so removing it would
    drop the "less than"); "<" with a space after it, which no app reads as a tag; "remove it" for a
    reference that stands for nothing ("&foo;", "&#0;", which shows as "�")."""
    char = html.unescape(token)
    if char == token or "\ufffd" in char:
        return "remove it"
    written = "an app may show it as written; write "
    if char == "<":
        return written + '"<" with a space after it ("< 60")'
    if not char.isprintable() or char.isspace():  # "&nbsp;", "&shy;", "&Tab;": named, as they do not show
        return written + f"the character itself ({unicodedata.name(char[0], f'U+{ord(char[0]):04X}')})"
    return written + f'"{char}" itself'


_NUMBER_START = frozenset("0123456789-")


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if not _triggers(entry.msgstr) and not _source_triggers(entry.msgid):
        return
    for kind, find in FINDERS.items():
        source = find(entry.msgid)
        target = find(entry.msgstr)
        if kind == "Markdown link" and target - source:  # the text may be translated, not the target
            target = _new_links(entry.msgid, entry.msgstr)
        if kind == "URL" and target != source:
            yield from _run_into_text(source, target)  # takes the pairs it names out of both
        for token in sorted(target - source):
            yield f"{kind} {token!r} is not in the source: {_what_to_do(kind, token)}"
        if kind in ("URL", "e-mail address"):
            for token in sorted(source - target):
                yield f"{kind} {token!r} from the source is missing: copy it unchanged"
        elif kind == "HTML tag":
            for token in sorted(source - target):
                yield f"{kind} {token!r} from the source is missing: keep it, where the translation needs it"
