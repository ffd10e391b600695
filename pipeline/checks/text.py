"""Small text helpers shared by checks: numbers, sentences, placeholders, markup tokens."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, DecimalException, localcontext
from functools import lru_cache, partial

from babel.numbers import NumberFormatError, get_group_symbol, parse_decimal

BRACE = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
# Possessive: flags and width both accept "0", so "%000..." would otherwise try every split of the zeros.
PRINTF = re.compile(r"%(?:\([A-Za-z_]\w*+\))?[#0\-+]*+\d*+(?:\.\d++)?[diouxXeEfFgGcrs]")

# What a text copies as written, never as words of its language: a URL, an e-mail address, an HTML
# tag (with its attributes) and a Markdown link's target. Each is linear: no repetition runs over
# the character that starts another attempt.
_COPIED = re.compile(r"(?<![A-Za-z])(?:https?|ftp)://[^\s<>\"]++|(?<![A-Za-z0-9])www\.[^\s<>\"]++"
                     r"|(?<![A-Za-z0-9._+-])[A-Za-z0-9._+-]++@[A-Za-z0-9_-]++(?:\.[A-Za-z0-9_-]++)++"
                     r"|</?[A-Za-z][^<>]*+>|(?<=\]\()[^()\s]++(?=\))", re.IGNORECASE)


@lru_cache(maxsize=50_000)  # a source text recurs in every locale's catalog, and three checks ask
def prose(text: str) -> str:
    """``text`` with what it copies as written (`_COPIED`: link addresses, e-mail addresses, tags)
    blanked out, each character a space, so that the words a reader reads stay where they were: the
    term checks find no term in https://clinic.example/rehabilitation. ``text`` itself when it has
    none (most texts)."""
    if "://" not in text and "@" not in text and "<" not in text and "www." not in text and "](" not in text:
        return text
    return _COPIED.sub(lambda match: " " * len(match.group(0)), text)
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f\u066b\u066c]\d+)*")
# A sentence ends at . ! ? … and the Arabic ؟ and ۔ (with one closing quote or bracket after it)
# followed by white space, at a line break (a list item), or right after a run of full-width 。．｡！？
# and its closing quotes. Each pattern starts with what it looks for (a white-space character whose
# predecessor ends a sentence; a full-width mark), which the engine finds far faster than a
# pattern starting with a look-behind, tried at every position.
_SPACE_AFTER_END = re.compile(r"\s(?<=[.!?…؟۔]\s)\s*|\s(?<=[.!?…؟۔][\"'”’»)\]]\s)\s*|\n\s*")
_FULL_WIDTH_END = re.compile(r"[。．｡！？]")
_FULL_WIDTH_END_KEPT = re.compile(r"([。．｡！？]+[”’」』）\"'»)]*)")
# A full stop after these words is not the end of a sentence (English, Spanish, Vietnamese titles
# and Latin or Spanish shorthands, lower case, without their last full stop; "p" opens "p. ej.",
# "ee" "EE. UU.").
# Initials (one capital letter) and list numbers are told apart by their form.
ABBREVIATIONS = frozenset({
    "dr", "dra", "drs", "mr", "mrs", "ms", "prof", "st", "sr", "sra", "srta", "ud", "uds", "núm",
    "e.g", "i.e", "eg", "ie", "p", "ej", "p.ej", "ee", "vs", "approx", "aprox", "bs", "ths", "ts", "pgs", "gs",
})
_OPENING = "([{\"'“‘«¿¡"
# Lower-case letters of the cased scripts below U+2000 (Latin with Vietnamese, Greek, Cyrillic,
# Armenian, Georgian), as one class: what "a lower-case word goes on" means here.
_LOWER = "[" + "".join(re.escape(c) for c in map(chr, range(0x2000)) if c.islower()) + "]"
_LOWER_AT = re.compile(_LOWER)
_WINDOW = 40  # characters before a full stop that hold its word and the one before


def _abbreviated() -> str:
    """Look-behinds for a full stop after an abbreviation, one per length (a look-behind has a
    fixed width)."""
    by_length: dict[int, list[str]] = {}
    for word in sorted(ABBREVIATIONS):
        by_length.setdefault(len(word), []).append(re.escape(word))
    return "|".join(rf"(?<=\b(?i:{'|'.join(words)})\.\s)" for words in by_length.values())


# Where a sentence may go on past an end mark (`_goes_on`), found at once: a text without any is
# cut by `_SPACE_AFTER_END` alone. It finds more than `_goes_on` keeps (any one-letter word, any
# number before ". "), never less. Like `_SPACE_AFTER_END`, it starts with white space after an
# end mark (a version starting at the mark itself took more instructions).
_MAY_GO_ON = re.compile(rf"\s(?<=[.!?…؟۔]\s)(?:\s*{_LOWER}|(?<=\b\w\.\s)|(?<=\d\.\s)|{_abbreviated()})"
                        rf"|\s(?<=[.!?…؟۔][\"'”’»)\]]\s)\s*{_LOWER}")


def placeholders(text: str) -> set[str]:
    if "{" not in text and "%" not in text:  # both patterns start with one of these
        return set()
    return set(BRACE.findall(text)) | set(PRINTF.findall(text))


# A decimal digit other than 0-9 (a word character, not a non-digit, not 0-9), and the Arabic
# separators: classes, which the engine scans for quickly.
_OTHER_DIGIT = re.compile(r"[^\W\D0-9]|[\u066b\u066c]")
_SEPARATORS = {"\u066b": ".", "\u066c": ","}  # the Arabic decimal and thousands separators


def _ascii_digit(match: re.Match[str]) -> str:
    char = match.group(0)
    return _SEPARATORS.get(char) or str(unicodedata.decimal(char))


def ascii_digits(text: str) -> str:
    """Arabic-Indic, Persian, full-width and every other decimal digit (and Arabic separators) as
    ASCII. Each is replaced where it stands: a table of every digit would be built from all of
    Unicode's code points, a fifth of a second in every process that meets one."""
    if text.isascii():
        return text
    return _OTHER_DIGIT.sub(_ascii_digit, text)


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


# The English words of the numbers 0 to 99 ("two", "twenty", and "twenty-one" of two), as a source
# may write a number instead of its digits.
ENGLISH_ONES = tuple(("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                      "fifteen sixteen seventeen eighteen nineteen").split())
ENGLISH_TENS = tuple("twenty thirty forty fifty sixty seventy eighty ninety".split())
ENGLISH_NUMBER_WORDS = {**{word: n for n, word in enumerate(ENGLISH_ONES)},
                        **{word: 20 + 10 * n for n, word in enumerate(ENGLISH_TENS)}}
# Those words in `ascii_lowered` text. The lookahead on their first letters skips most words at once.
ENGLISH_NUMBER_WORD = re.compile(
    rf"\b(?=[{''.join(sorted({w[0] for w in ENGLISH_ONES + ENGLISH_TENS}))}])"
    rf"(?:({'|'.join(ENGLISH_TENS)})(?:[-\s]({'|'.join(ENGLISH_ONES[1:10])}))?|({'|'.join(ENGLISH_ONES)}))\b")


# The Chinese numerals from two up: a number written with them (两周, 十天).
ZH_NUMERALS = "两俩二三四五六七八九十"

# The words of small numbers per language (the termbase's language codes), as a translation may
# write a number of the source (E201), or the number of a smaller unit (E202: "siete días" for a
# week). A word that also means something else in patient text is left out.
NUMBER_WORDS: dict[str, dict[str, int]] = {
    # un, una, một and yon are also "a": a number 1 dropped beside "un poco" would pass
    "es": {"uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
           "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
           "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
           "veintiuno": 21, "veintiuna": 21, "veintiún": 21, "veintidós": 22, "veintitrés": 23, "veinticuatro": 24,
           "veinticinco": 25, "veintiséis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
           "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
           "noventa": 90, "cien": 100},
    # năm (5) is also "year", ba (3) also "father"; "thứ hai" is Monday, or "the second"
    "vi": {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10},
    # de (2) is also "of", kat (4) also a card (kat asirans), nèf (9) also "new"
    "ht": {"twa": 3, "senk": 5, "sis": 6, "sèt": 7, "uit": 8, "dis": 10, "onz": 11, "douz": 12,
           "trèz": 13, "katòz": 14, "kenz": 15, "sèz": 16, "disèt": 17, "dizuit": 18, "diznèf": 19, "ven": 20,
           "vennkat": 24, "trant": 30, "karant": 40, "karantuit": 48, "senkant": 50, "swasant": 60},
    # clitics in front of a word are read off (لمدة يومين, ولأسبوعين)
    "ar": {"واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3,
           "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8,
           "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
           # the dual of what is counted names two of it: twice, two minutes... two years, two
           # tablets, pills, capsules, doses, nights, drops, puffs, and two metres, kilometres,
           # kilograms, litres, cups and spoonfuls (not ميلين, two miles, also myelin)
           **dict.fromkeys(["مرتين", "مرتان", "دقيقتين", "دقيقتان", "ساعتين", "ساعتان", "يومين", "يومان",
                            "أسبوعين", "أسبوعان", "شهرين", "شهران", "سنتين", "سنتان", "عامين", "عامان",
                            "قرصين", "قرصان", "حبتين", "حبتان", "كبسولتين", "كبسولتان", "جرعتين", "جرعتان",
                            "ليلتين", "ليلتان", "قطرتين", "قطرتان", "بختين", "بختان", "مترين", "متران",
                            "كيلومترين", "كيلومتران", "كيلوغرامين", "كيلوغرامان",
                            "كيلوجرامين", "كيلوجرامان", "لترين", "لتران", "كوبين", "كوبان", "ملعقتين",
                            "ملعقتان"], 2),
           "مرة": 1,  # once (مرة يوميًا, once a day); the word for one is also "a" in the other languages
           "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40, "خمسون": 50,
           "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80,
           "تسعون": 90, "تسعين": 90,
           # the accusative, its tanween read off (أربعًا)
           "واحدا": 1, "ثلاثا": 3, "أربعا": 4, "خمسا": 5, "ستا": 6, "سبعا": 7, "ثمانيا": 8, "تسعا": 9},
    # written without spaces: found anywhere; left out are 一 (1), in too many words (一般, 一起),
    # 四 (4), as in 四周 (around, and four weeks), and 十 (10), as in 十分 (very), unless it makes a
    # number with another (十二, 二十四) or counts a unit (十天)
    "zh": {"两": 2, "俩": 2, "二": 2, "三": 3, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9},
}


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog, and checks share it
def english_numbers(text: str) -> tuple[int, ...]:
    """The numbers an English ``text`` writes as words (zero to ninety-nine), each time."""
    return tuple(sum(ENGLISH_NUMBER_WORDS[part] for part in match.groups() if part)
                 for match in ENGLISH_NUMBER_WORD.finditer(ascii_lowered(text)))


_ANY_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog, and checks share it
def source_has_digits(text: str) -> bool:
    """Whether a source text has a digit: asked of every entry by the checks of numbers."""
    return _ANY_DIGIT.search(text) is not None


# What may stand between a number and its unit: white space (a no-break one too), a hyphen or a
# dash, and the invisible marks of bidirectional text (LRM, RLM, ALM, the isolates around a number
# in Arabic).
NUMBER_UNIT_GAP = frozenset(" \t\n\u00a0\u202f-\u2010\u2011\u2012\u2013\u2014"
                            "\u200e\u200f\u061c\u2066\u2067\u2068\u2069")


# A vulgar fraction, after a whole number ("1½") or alone ("½ tablet"), as the decimal it is.
_FRACTIONS = {"½": "5", "¼": "25", "¾": "75"}
_FRACTION = re.compile(r"(\d*)\s?([½¼¾])")


def _decimal_fraction(match: re.Match[str]) -> str:
    return f"{match.group(1) or '0'}.{_FRACTIONS[match.group(2)]}"


def numbers(text: str, locale: str = "en") -> list[Decimal]:
    """Every number in ``text`` as a value, read with the locale's separators through Babel.

    A token the locale cannot read strictly (Spanish "1.5") is read as an English decimal, so a
    kept English separator still compares equal; "15" never equals "1.5". A vulgar fraction is
    its decimal: "1½" is 1.5, "½" 0.5.
    """
    text = ascii_digits(text)
    if not text.isascii() and ("½" in text or "¼" in text or "¾" in text):
        text = _FRACTION.sub(_decimal_fraction, text)
    return [_value(match.group(0), locale) for match in _NUMBER.finditer(text)]


def value_of(token: str, locale: str = "en") -> Decimal:
    """The value of one number as `numbers` reads it (any decimal digits)."""
    return _value(ascii_digits(token), locale)


def _value(token: str, locale: str) -> Decimal:
    token = token.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in token:
        token = token.replace(" ", get_group_symbol(locale))
    value = _parse(token, locale)
    if value is None:
        value = _parse(token, "en")
    if value is None:
        value = _unparsed(token)
    return value


def _goes_on(text: str, begin: int, start: int, end: int) -> bool:
    """Whether the white space at ``text[start:end]``, after an end mark, is inside the sentence
    begun at ``begin``: the next word is in lower case ("e.g. the", "etc. and"), or the word before
    the full stop is an abbreviation, an initial or a list number ("1." opening a sentence or
    after a colon)."""
    if "\n" in text[start:end]:
        return False
    if _LOWER_AT.match(text, end):
        return True
    if text[start - 1] != ".":
        return False
    # The last two words, from a short window: a long sentence is not copied at every mark.
    window = max(begin, start - 1 - _WINDOW)
    before = text[window:start - 1].rsplit(None, 2)
    if not before:
        return False
    word = before[-1].lstrip(_OPENING)
    if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()):  # "J. Smith", not Haitian "a."
        return True
    opens = len(before) == 1 and window == begin
    return word.isdigit() and (opens or (len(before) > 1 and before[-2].endswith(":")))


def _cut(text: str) -> list[str]:
    """``text`` cut where a sentence ends before white space or a line break: by one split when
    nothing in it may go on past an end mark (most texts), else mark by mark."""
    if not _MAY_GO_ON.search(text):
        return _SPACE_AFTER_END.split(text)
    return _cut_each(text)


def _cut_each(text: str) -> list[str]:
    """`_cut`, asking `_goes_on` at each end mark."""
    parts = []
    begin = 0
    for match in _SPACE_AFTER_END.finditer(text):
        if not _goes_on(text, begin, match.start(), match.end()):
            parts.append(text[begin:match.start()])
            begin = match.end()
    parts.append(text[begin:])
    return parts


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` in any shipped language: see `_SPACE_AFTER_END`, `_goes_on` and
    `_FULL_WIDTH_END` for where one ends. A decimal ("2.5") or a full stop inside a word ("e.g.,")
    ends none, having no white space after it."""
    parts = _cut(text)
    if _FULL_WIDTH_END.search(text):
        parts = [piece for part in parts for piece in _after_full_width(part)]
    return [s for s in (part.strip() for part in parts) if s]


# Where `sentences` may cut, for `sentence_bounds`: each place has a mark of its own (the mark before
# white space, with a closing quote or bracket between or not; a line break; the first mark of a
# full-width run), which is matched, so that the matches bound the cuts from above. A group is
# filled where a sentence surely ends with more text after it (`_goes_on` says so): ! ? … ؟ ۔ (or
# . and a closing quote) before white space and a character that is not a lower-case letter; a
# full stop there after a letter that is not a capital (no initial, no list number) or after . %
# ) ] } ” ’ » " ' (no abbreviation ends so; "}" ends a placeholder), not after an abbreviation; a full-width run with
# something after its closing quotes and white space. The pattern starts at a mark, which the
# engine finds with one pass over a class, before looking around it. Compiled when first asked
# for: where `_sentences` is compiled (most runs) it never is, and a cold check does not wait for
# its classes of letters.
_QUOTE = "\"'”’»)\\]"
_UNSURE = ("", "")


def _not_abbreviated() -> str:
    """Negative look-behinds for a full stop after an abbreviation (each letter in lower or upper
    case, the forms whose `str.lower` it is), one per length."""
    by_length: dict[int, list[str]] = {}
    for word in sorted(ABBREVIATIONS):
        by_length.setdefault(len(word), []).append("".join(f"[{re.escape(c)}{re.escape(c.upper())}]" for c in word))
    return "".join(rf"(?<!\b(?:{'|'.join(words)})\.)" for words in by_length.values())


@lru_cache(maxsize=1)
def _end_mark() -> re.Pattern[str]:
    """The pattern described above."""
    no_capital = "".join(re.escape(c) for c in map(chr, range(0x80, 0x2000)) if c.isalpha() and not c.isupper())
    return re.compile(
        rf"[.!?…؟۔\n。．｡！？]"
        rf"(?:(?<=[.!?…؟۔])(?=[{_QUOTE}]?\s)"
        rf"(?:(?:(?<=[!?…؟۔])|(?<=\.)(?=[{_QUOTE}])|(?<=[{no_capital}.%)\]}}”’»\"']\.)|(?<=[a-z]\.){_not_abbreviated()})"
        rf"(?=[{_QUOTE}]?\s+([^\s{_LOWER[1:]})))?"
        rf"|(?<=\n)"
        rf"|(?<![。．｡！？]{{2}})(?<=[。．｡！？])(?=[。．｡！？]*+[”’」』）\"'»)]*+\s*(\S))?)")


def _sentence_bounds_python(text: str) -> tuple[int, int]:
    """`sentence_bounds` with the regular expression `_end_mark`: the compiled `_sentences.bounds`
    does the same in a fraction of the time; this is its reference and stands in for it where it
    was not compiled."""
    found = _end_mark().findall(text)
    return len(found) + 1 - found.count(_UNSURE), len(found) + 1


sentence_bounds: Callable[[str], tuple[int, int]]
"""At least and at most how many sentences `sentences` finds in a text that is not blank, from one
scan of its end marks, without cutting it: at most one more than the marks that can end a sentence,
since each cut has a mark of its own; at least one more than the marks that surely end one with
text after them (`_end_mark`), since each opens a sentence of its own after the one before it.
Other cuts only add sentences."""
try:
    from ._sentences import bounds as _bounds
except ImportError:  # not compiled
    sentence_bounds = _sentence_bounds_python
else:
    sentence_bounds = partial(_bounds, tuple(sorted(ABBREVIATIONS)))


def _after_full_width(text: str) -> list[str]:
    """``text`` cut after each run of full-width end marks and the closing quotes after it."""
    pieces = _FULL_WIDTH_END_KEPT.split(text)  # text, end, text, end, ..., text
    return [pieces[index] + pieces[index + 1] for index in range(0, len(pieces) - 1, 2)] + [pieces[-1]]


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
