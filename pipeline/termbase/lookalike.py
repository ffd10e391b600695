"""Letters that look like the real ones and are not.

A name written with them reads right on paper, but it is another word to a search engine, a screen
reader and a patient who types it: "МRI" with the Cyrillic М (U+041C), "ΜRI" with the Greek Μ,
"ＭＲＩ" in full-width forms, "㎎" for mg. The standard library's Unicode data tells them apart,
with no table of look-alikes of our own:
- a compatibility form is a character NFKC replaces with plain letters or digits (full-width
  Ｍ, the squared ㎎, the ligature ﬁ, the mathematical 𝐌);
- a letter of an alphabet that shares its shapes with Latin (Greek, Coptic, Cyrillic, Armenian,
  Cherokee, as the first word of the letter's Unicode name says) stands for a Latin letter only in
  a word that also has Latin ones: a whole Greek or Russian word is a word of that language.
The Greek μ (micro, as in µg, which NFKC writes with it) and Ω (ohm) are unit symbols written
next to Latin letters, not look-alikes: "µg" is micrograms, never a misspelt "mg".
A Latin letter with marks (é, Í, ở) is a letter of its own, as Spanish and Vietnamese write it,
and left as it is.

Folding a text character by character costs a lookup per character: a text is folded only when
it has a character of the blocks where `fold` changes anything (`may_fold`, one regular
expression over a list of Unicode blocks, which a test holds complete).
"""

from __future__ import annotations

import re
import unicodedata

# The alphabets whose letters a Latin letter can be mistaken for (by the first word of their names).
LATIN_LOOKALIKE_SCRIPTS = frozenset({"GREEK", "COPTIC", "CYRILLIC", "ARMENIAN", "CHEROKEE"})
UNIT_LETTERS = frozenset("\u03bc\u03a9")  # μ (micro, also as the micro sign µ) and Ω (ohm)
STAND_IN = "\x00"  # what `fold` gives for a look-alike letter
# A word of a script written with spaces: letters and digits, not Chinese or Japanese characters,
# which stand next to a Latin name with no space ("MRI检查").
_WORD = re.compile(r"[^\W_\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")


# The blocks of the characters `fold` changes, but white space: what a text must have for folding
# it to matter (tests/termbase/test_lookalike.py checks every character against it).
_MAY_FOLD = re.compile(
    "["
    "\u00aa\u00ad\u00b2\u00b3\u00b9\u00ba\u0132\u0133\u017f\u01c4-\u01cc\u01f1-\u01f3"  # Latin ligatures, ª, ¹
    "\u02b0-\u02ff\u1d00-\u1dbf\u1e9b\u2c7c\u2c7d\ua7f2-\ua7f4\uab5c-\uab69\U00010780-\U000107bf"  # ʰ, ᵐ
    "\u0370-\u058f\u13a0-\u13ff\u1c80-\u1c8f\u1f00-\u1fff\u2c80-\u2cff\u2de0-\u2dff\ua640-\ua69f"
    "\uab70-\uabbf"  # Greek, Coptic, Cyrillic, Armenian, Cherokee
    "\u200b-\u2015\u202a-\u202e\u2060-\u209f\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d\u301c\u3030\u30a0"
    "\ufe31\ufe32\ufe58\ufe63\ufeff\uff0d\ufff9-\ufffb\U000e0001-\U000e007f"  # dashes, invisible, ⁵ ₘ
    "\u20a8\u2100-\u218f\u2460-\u24ff\u3250-\u33ff\ufb00-\ufb06\ufb13-\ufb17\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
    "\U0001d400-\U0001d7ff\U0001f100-\U0001f1ff\U0001fbf0-\U0001fbf9"  # letterlike, squared, full-width
    "]")


def may_fold(text: str) -> bool:
    """Whether folding ``text`` (`folded`) can change it."""
    return not text.isascii() and _MAY_FOLD.search(text) is not None


def script(char: str) -> str:
    """The script a letter's Unicode name starts with (LATIN, CYRILLIC, CJK...), "" if unnamed."""
    return unicodedata.name(char, "").split(" ", 1)[0]


def fold(char: str) -> str:
    """``char`` as a comparison with a Latin name sees it: a compatibility form as NFKC writes it
    when that is plain letters or digits (Ｍ is M, ㎎ is mg); any white space as a space; a dash
    or an invisible formatting character (soft hyphen, zero-width space, direction mark) as "-";
    a letter of an alphabet that shares Latin's shapes as ``STAND_IN``; anything else as itself."""
    if char.isascii():
        return char
    if unicodedata.decomposition(char):  # a compatibility form (or the Kelvin sign, NFC's K)
        compatible = unicodedata.normalize("NFKC", char)
        if compatible.isascii() and compatible.isalnum():
            return compatible
    if char.isspace():
        return " "
    category = unicodedata.category(char)
    if category in ("Pd", "Cf"):
        return "-"
    if category in ("Lu", "Ll") and char not in UNIT_LETTERS and script(char) in LATIN_LOOKALIKE_SCRIPTS:
        return STAND_IN
    return char


class _Folding(dict[int, str]):
    """`fold` as a table for ``str.translate``, filled in as characters are first met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold(chr(code))
        if len(folded) != 1:
            _UNEVEN.add(chr(code))
        return folded


_FOLDING = _Folding()
_UNEVEN: set[str] = set()  # the characters met so far that fold to several (㎎ to mg)


def folded(text: str) -> tuple[str, list[int] | None]:
    """``text`` with each character folded (`fold`), and where each character of the result
    comes from in ``text`` (one more at the end: ``len(text)``); None where every character
    folds to one, so that positions are the same; ``text`` itself where nothing would change."""
    if not may_fold(text):
        return text, None
    result = text.translate(_FOLDING)
    if _UNEVEN.isdisjoint(text):
        return result, None
    origin: list[int] = []
    for index, char in enumerate(text):
        origin += [index] * len(_FOLDING[ord(char)])
    origin.append(len(text))
    return result, origin


def describe(written: str, real: str) -> str:
    """The first character of ``written`` that is not a plain one of ``real``, by its code point
    and Unicode name (it may look exactly like one, or be invisible), or "" when there is none."""
    odd = next((c for c in written if not c.isascii() and c not in real), None)
    return "" if odd is None else named(odd)


def named(char: str) -> str:
    """``char`` by its code point and Unicode name: U+041C CYRILLIC CAPITAL LETTER EM."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'an unnamed character')}"


def odd_letter(word: str) -> str | None:
    """The first character of ``word`` that only looks like a real letter: a compatibility form
    of letters (Ｍ, ㎎, ﬁ), or a letter of an alphabet that shares Latin's shapes in a word that
    also has a Latin letter (the М of "МRI"); None for most words (at once where `may_fold`
    finds nothing to fold)."""
    if not may_fold(word):
        return None
    latin, lookalike = False, None
    for char in word:
        if char.isascii():
            latin = latin or char.isalpha()
            continue
        folded = _FOLDING[ord(char)]
        if folded == STAND_IN:
            lookalike = lookalike or char
        elif folded.isascii() and folded.isalpha():
            return char
        elif script(char) == "LATIN":
            latin = True
    return lookalike if latin else None


def first_odd_word(text: str) -> tuple[str, str] | None:
    """The first word of ``text`` with a letter that only looks like a real one (`odd_letter`),
    and that letter; None when no word has one."""
    if not may_fold(text):
        return None
    for match in _WORD.finditer(text):
        odd = odd_letter(match.group())
        if odd is not None:
            return match.group(), odd
    return None


def odd_word_note(text: str) -> str:
    """What a finding of a missing term or unit adds when ``text`` has a word with a letter that
    only looks like a real one (it may be the term, written with it): the word and the letter,
    after a colon; "" when it has none."""
    found = first_odd_word(text)
    if found is None:
        return ""
    word, letter = found
    return f": '{word}' has {named(letter)}, which only looks like a Latin letter"
