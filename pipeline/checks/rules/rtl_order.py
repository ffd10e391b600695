"""In a right-to-left locale, every number and Latin run is shown in the order it is written.

The Unicode bidirectional algorithm lays out a number that follows Arabic letters as an Arabic
number and splits it at a hyphen, a space or a bracket: "اتصل على الرقم 555-0100" is shown with
`0100-555`, and "(555) 0100" with `0100 (555)`, and a patient dials a wrong number. Each
translation is laid out as an app shows it (a right-to-left paragraph, placeholders isolated as the
bundles isolate them) with python-bidi, and every number must show its groups of digits left to
right in their written order, and every run of Latin letters must appear as written. A number is
groups of digits joined by what joins the parts of a phone number, a date, a time or a code: `-`,
`/`, `.`, `:`, `,` or a space (a hyphen may have a space on each side), brackets, and a placeholder
that holds a number written next to digits (`+1 {clinic_phone}`, `{clinic_phone} 12`); a leading
`+` must stay in front. Which placeholders hold a number, pipeline.yaml says (`number_placeholders:`;
without it, every one): another (`{clinic_name}`, `{surgeon_name}`) is a word of its own, and
"{clinic_name} 24" is shown `24 {clinic_name}`, read from the right as written. A code is a number
too: letters joined to its digits by a separator are groups of it, for after Arabic text a bed
"12-A" is shown `A-12`, a room "3-B" `B-3` and "5-HT3" `HT3-5`; letters written right after digits
(3B, 10:30am) or a code that starts with a letter (B2, T12, L4-L5, A-12) are shown as written.
Numbers the text itself separates are read from the right like the words around them, as Arabic
readers expect, so they are separate numbers: the ends of a range written with a dash (2–4; a
dash before letters makes a code, 12–A), the
sides of × and ÷, a list (1، 2، 3 or 1, 2, 3: a comma or a point followed by a space), and a number
and the Latin word or unit after a space (5 mg, 104 °F, 10:30 AM, bed 12 A). Two placeholders side
by side are two values, not one number.
To fix one: make the value a placeholder, or set it between FSI (U+2068) and PDI (U+2069).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from bidi import get_display  # type: ignore[import-untyped]

from ...bidi import isolate_placeholders
from ..model import Entry, LocaleContext, Options

CODE = "E208"
NAME = "rtl-order"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, object] = {}

_PROBE = "555-0100"  # a placeholder's value with the separator the algorithm splits at
_PROBE_GROUPS = ("555", "0100")
# A placeholder that holds no number (a name) as a word: isolated, it is laid out on its own whatever
# its letters, and it is no group of the digits next to it.
_WORD = "اسم"
_NAME = r"\{[A-Za-z_][A-Za-z0-9_]*\}"
_PLACEHOLDER = re.compile(_NAME)
# Latin letters: ASCII, Latin-1 (without its × and ÷), Latin Extended-A and -B.
_LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_LATIN = rf"[{_LATIN_LETTERS}]"
_LATIN_OR_DIGIT = rf"[{_LATIN_LETTERS}0-9]"
# A run of Latin letters, not the name inside a placeholder's braces (the character before its first
# letter is looked at once that letter is found, so that the search skips to Latin letters quickly).
_LATIN_RUN = re.compile(rf"{_LATIN}(?<![{{_A-Za-z0-9][\s\S]){_LATIN_OR_DIGIT}*(?:[-./:'’ ]+{_LATIN_OR_DIGIT}+)*")
_CANDIDATE = re.compile(rf"\d|{_LATIN}")
# Bidirectional formatting characters (ALM, LRM, RLM, embeddings, overrides, isolates): unseen, so
# they join whatever they stand between.
_BIDI_MARKS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_MARKS = f"[{_BIDI_MARKS}]*"
_SPACE = "[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"  # the space separators (Unicode's Zs)
# What joins two groups of a number: closing brackets, one separator or a hyphen with a space on
# either side, opening brackets, any of them (the lookahead keeps a group of digits whole).
_JOIN = rf"(?=\D)[{_BIDI_MARKS})\]]*(?:[./:,\u066b\u066c]|{_SPACE}?[-\u2010\u2011]?{_SPACE}?)[{_BIDI_MARKS}(\[]*"
# What joins a group of letters to a code (12-A, 12/A, 12 - A): a separator, not a space alone,
# which leaves a number and the word after it apart (5 mg, 10:30 AM); a dash too, which makes a
# range only between numbers (12–A, 4–L5 are codes).
_CODE_JOIN = (rf"[{_BIDI_MARKS})\]]*(?:[./:,\u066b\u066c]|{_SPACE}?[-\u2010-\u2015]{_SPACE}?)"
              rf"[{_BIDI_MARKS}(\[]*")
# A group of digits, with the letters written right after them (3B, 5mg): shown as one left-to-right run.
_DIGITS = rf"\d[\d{_LATIN_LETTERS}]*"
_LETTERS = rf"{_LATIN}[\d{_LATIN_LETTERS}]*"  # a group of a code that starts with letters (A, HT3)
_GROUP = re.compile(rf"{_DIGITS}|{_LETTERS}|{_NAME}")
# The first group opens with a set of characters, for a fast scan.
_FIRST_GROUP = rf"[\d{{](?:(?<=\d)[\d{_LATIN_LETTERS}]*|(?<=\{{)[A-Za-z_][A-Za-z0-9_]*\}})"
_NUMBER = re.compile(rf"{_FIRST_GROUP}(?:{_JOIN}(?:{_DIGITS}|{_NAME})|{_CODE_JOIN}{_LETTERS})*(?:{_MARKS}[)\]])?")
_LEAD_CHARACTERS = "+([" + _BIDI_MARKS  # what may come before a number's first group: its sign, a bracket
_DIGIT_OR_SIGN = re.compile(r"[\d+]")
_UNSEEN = str.maketrans(dict.fromkeys(_BIDI_MARKS))


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if ctx.info.direction != "rtl" or not _CANDIDATE.search(entry.msgstr):
        return
    isolated = isolate_placeholders(entry.msgstr)
    numeric = ctx.settings.get("number_placeholders")
    if numeric is not None and "{" in isolated:
        isolated = _as_words(isolated, numeric)
    # Without a digit or a sign of its own, a text's only numbers are the values filled in.
    numbers = _numbers(isolated) if _DIGIT_OR_SIGN.search(entry.msgstr) else []
    latin = list(dict.fromkeys(m.group(0) for m in _LATIN_RUN.finditer(isolated)))
    typed = [number for number in numbers if _typed(number)]
    if not typed and not latin:
        return
    text = _PLACEHOLDER.sub(_PROBE, isolated)
    shown = get_display(text, base_dir="R")
    if typed:
        for number in dict.fromkeys(_written(number) for number in _out_of_order(numbers, typed, shown)):
            yield _message(number)
    for token in latin:
        if shown.count(token) < text.count(token):  # one copy in order must not hide another out of order
            yield _message(token)


def _as_words(text: str, numeric: frozenset[str]) -> str:
    """``text`` with every placeholder that holds no number (not one of ``numeric``) written as a
    word: the digits next to a name are a number of their own, and its isolate is laid out the
    same whatever the name's letters."""
    return _PLACEHOLDER.sub(lambda m: m.group(0) if m.group(0)[1:-1] in numeric else _WORD, text)


def _numbers(text: str) -> list[str]:
    """The numbers of ``text``, each with the sign or brackets written right before it."""
    found = []
    for match in _NUMBER.finditer(text):
        start = match.start()
        while start and text[start - 1] in _LEAD_CHARACTERS:
            start -= 1
        found.append(text[start:match.end()])
    return found


def _typed(number: str) -> bool:
    """Whether ``number`` has digits or a sign of its own, not only values filled in (one, or
    several side by side, each isolated)."""
    return _signed(number) or any(group[0] != "{" for group in _GROUP.findall(number))


def _signed(number: str) -> bool:
    """Whether ``number`` is written with a leading `+`, as a phone number with its country code."""
    return number.lstrip(f"([{_BIDI_MARKS}").startswith("+")


def _groups(number: str) -> str:
    """The groups of digits of ``number`` in written order, a placeholder as its value's groups,
    each between spaces, the first with its sign: " +1 555 0100 "."""
    groups = [group for match in _GROUP.findall(number)
              for group in (_PROBE_GROUPS if match[0] == "{" else (match,))]
    return (" +" if _signed(number) else " ") + " ".join(groups) + " "


def _written(number: str) -> str:
    """``number`` as the translator sees it: without the marks around its placeholders, and without
    a bracket at either end whose other half is not part of it ("3)" of "(RFA 3)")."""
    number = number.translate(_UNSEEN)
    opened = number.count("(") + number.count("[") - number.count(")") - number.count("]")
    if opened > 0 and number[0] in "([":
        number = number[1:]
    if opened < 0 and number[-1] in ")]":
        number = number[:-1]
    return number


def _out_of_order(numbers: list[str], typed: list[str], shown: str) -> Iterator[str]:
    """The numbers of ``typed`` whose groups do not appear, left to right, in a number of ``shown``.

    Every number of the text counts, a placeholder alone too, so that one copy shown in order does
    not hide another shown out of order."""
    written = Counter(_groups(number) for number in numbers)
    seen = [_groups(number) for number in _numbers(shown)]
    for groups in dict.fromkeys(_groups(number) for number in typed):
        if sum(shown_groups.count(groups) for shown_groups in seen) < written[groups]:
            yield from (number for number in typed if _groups(number) == groups)


def _message(token: str) -> str:
    return (f"'{token}' is shown out of order in right-to-left text: make it a placeholder, set it "
            "between FSI (U+2068) and PDI (U+2069), or, if it is a range, write it with a dash (2–4)")
