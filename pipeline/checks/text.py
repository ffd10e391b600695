"""Small text helpers shared by checks: numbers, sentences, placeholders, markup tokens."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, DecimalException, localcontext
from functools import lru_cache

from babel.numbers import NumberFormatError, get_group_symbol, parse_decimal

BRACE = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
# Possessive: flags and width both accept "0", so "%000..." would otherwise try every split of the zeros.
PRINTF = re.compile(r"%(?:\([A-Za-z_]\w*+\))?[#0\-+]*+\d*+(?:\.\d++)?[diouxXeEfFgGcrs]")
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f\u066b\u066c]\d+)*")
# A sentence ends at . ! ? (and the Arabic ؟) followed by white space, or at a full-width 。！？
# followed by anything. Each pattern starts with what it looks for (a white-space character whose
# predecessor ends a sentence; a full-width mark), which the engine finds far faster than a
# pattern starting with a look-behind, tried at every position.
_SPACE_AFTER_END = re.compile(r"\s(?<=[.!?。！？؟]\s)\s*")
_AFTER_FULL_WIDTH_END = re.compile(r"(?<=[。！？])")
_FULL_WIDTH_END = re.compile(r"[。！？]")


def placeholders(text: str) -> set[str]:
    if "{" not in text and "%" not in text:  # both patterns start with one of these
        return set()
    return set(BRACE.findall(text)) | set(PRINTF.findall(text))


def _digit_table() -> dict[int, str]:
    table = {code: str(unicodedata.decimal(chr(code))) for code in range(0x80, 0x110000)
             if unicodedata.category(chr(code)) == "Nd"}
    table[0x066B] = "."  # Arabic decimal separator
    table[0x066C] = ","  # Arabic thousands separator
    return table


_DIGITS: dict[int, str] = {}
# A decimal digit other than 0-9 (a word character, not a non-digit, not 0-9), and the Arabic
# separators: classes, which the engine scans for quickly.
_OTHER_DIGIT = re.compile(r"[^\W\D0-9]")
_ARABIC_SEPARATOR = re.compile("[\u066b\u066c]")


def ascii_digits(text: str) -> str:
    """Arabic-Indic, Persian, full-width and every other decimal digit (and Arabic separators) as
    ASCII."""
    if text.isascii() or not (_OTHER_DIGIT.search(text) or _ARABIC_SEPARATOR.search(text)):
        return text
    if not _DIGITS:
        _DIGITS.update(_digit_table())
    return text.translate(_DIGITS)


# Beyond what str.lower() gives, the regular-expression engine's IGNORECASE takes three characters
# for an ASCII letter: İ and ı for i, ſ for s (İ also lowers into two characters).
_LIKE_ASCII = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def ascii_lowered(text: str) -> str:
    """``text`` lowered so that a pattern of lower-case ASCII letters finds in it what the same
    pattern with IGNORECASE finds in ``text``, at the same places. A pattern without IGNORECASE
    runs several times faster over a long text."""
    if not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text):
        text = text.translate(_LIKE_ASCII)
    return text.lower()


@lru_cache(maxsize=20_000)  # a library's numbers repeat ("2", "4", "6 weeks") in every locale
def _parse(token: str, locale: str) -> Decimal | None:
    # Babel re-formats the value to test strictness, which rounds to the context's precision (28
    # digits by default) and raises on longer numbers: give the context room for every digit.
    with localcontext() as context:
        context.prec = max(context.prec, len(token) + 2)
        try:
            return parse_decimal(token, locale=locale, strict=True)
        except (NumberFormatError, ValueError, DecimalException):
            return None


def _unparsed(token: str) -> Decimal:
    """A token neither the locale nor English reads: one separator is a decimal point, several
    are grouping. Built from the digits alone, so any token gives a value."""
    parts = re.split(r"[.,]", re.sub(r"[^\d.,]", "", token))
    return Decimal(f"{parts[0]}.{parts[1]}") if len(parts) == 2 else Decimal("".join(parts))


def numbers(text: str, locale: str = "en") -> list[Decimal]:
    """Every number in ``text`` as a value, read with the locale's separators through Babel.

    A token the locale cannot read strictly (Spanish "1.5") is read as an English decimal, so a
    kept English separator still compares equal; "15" never equals "1.5".
    """
    values = []
    for match in _NUMBER.finditer(ascii_digits(text)):
        token = match.group(0).replace("\u00a0", " ").replace("\u202f", " ")
        if " " in token:
            token = token.replace(" ", get_group_symbol(locale))
        value = _parse(token, locale)
        if value is None:
            value = _parse(token, "en")
        if value is None:
            value = _unparsed(token)
        values.append(value)
    return values


def sentences(text: str) -> list[str]:
    parts = _SPACE_AFTER_END.split(text)
    if _FULL_WIDTH_END.search(text):
        parts = [piece for part in parts for piece in _AFTER_FULL_WIDTH_END.split(part)]
    return [s for s in (part.strip() for part in parts) if s]


@lru_cache(maxsize=50_000)  # the long-sentence and reading-level checks read the same source texts
def sentence_words(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The sentences of an English text (`sentences`), each with its words (`WORD`): the words of
    the whole text, sentence by sentence, since no word spans the white space or full-width mark
    where a sentence ends."""
    return tuple((sentence, tuple(WORD.findall(sentence))) for sentence in sentences(text))


_IGNORE = re.compile(r"^\s*ignore:\s*(.+)$", re.IGNORECASE | re.MULTILINE)


def ignored(translator_comment: str) -> list[str]:
    """The codes and names a translator's `ignore:` comments name, lower case, in order."""
    # "ignore:", in any case, ends in "e:" or "E:", which term hints and sign-offs do not have:
    # most comments are answered without lowering them.
    if not translator_comment or ("e:" not in translator_comment and "E:" not in translator_comment):
        return []
    if "gnore:" not in translator_comment.lower():
        return []
    return [token.strip().lower() for match in _IGNORE.finditer(translator_comment)
            for token in re.split(r"[,\s]+", match.group(1)) if token.strip()]


WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
