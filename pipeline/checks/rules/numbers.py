"""Every number of the source appears in the translation, and no other.

Numbers are compared as values, each side read with its locale's separators through Babel:
Spanish `1,5` equals `1.5`, but `15` does not. Ranges compare by their ends (`2–4`, `2-4`, "2 to
4" rendered "2 a 4"). Arabic-Indic and full-width digits count as digits. A translation is read
the way that differs least from the source among: as written; with thousands grouped by a plain
space joined (`1 000`, as Spanish style guides write them); with a time written with a point
split (`8.30` for 8:30, where the source has a time); with Chinese myriads multiplied out (`1万`
for 10,000); and with a number and a half said after its unit as one ("1 hora y media", 1个半小时).
So `2 100 mg` stays two numbers where the source has 2 and 100. A month the
source names ("from 5 March") is no number of the translation where a Chinese or Vietnamese date
writes it as one (从3月5日起, từ ngày 5 tháng 3), and 4月 for March is still reported. A time on the
hour may drop its minutes ("8:00" as "a las 8"), an afternoon or evening time may be on the 24-hour
clock ("8:30 p.m." as 20:30), "noon" and "midnight" may be 12 and "every other
day" every 2 days; a vulgar fraction is its value ("1½" is 1.5). A time the source gives in the
morning (a.m.) that the translation places in the afternoon or evening ("8:30 de la noche", 晚上8:30,
مساءً, "nan aswè"), or the other way round, is reported: the dose is taken twelve hours off. The source is
read as written, and, where it writes a number as an English word ("two weeks", which W312 asks to
write with digits), also with that word as its number, so "2 semanas" is its translation. A
number of the source that the translation writes as a word of its language is found as that word:
"dos semanas", 两周, and the Arabic dual of what is counted (أسبوعين, two weeks; قرصين, two
tablets) are 2, and "tres semanas" is not; a number the source uses as an ordinal, after what it
numbers ("type 2", "day 3"), may be an ordinal of its value (Arabic السكري من النوع الثاني; Chinese
术后第二天 for "day 2 after surgery").
A translation writes no number as a word beyond the source's either, with or without digits of its
own: "treinta a cuarenta minutos" for "30 minutes" adds 40, "Tome 1 tableta cada 30 minutos, dos
veces" adds 2, 休息2周零三天 for "Rest for 2 weeks" adds 3 (from two up, since "one" is also an article:
uno de, 一个, một). A number the source names in other words is not extra: "both" as "las dos" or 两侧,
an ordinal ("a third", 三分之一), "a few days" as 两三天, "at noon" as "a las doce", and a length of time
in a smaller unit ("a week" or "the first week" as "siete días", "ocho días" or 七天; "an hour"
as "una hora"). Nor are the number words of phrases
that count nothing: los dos and cả hai (both; but "a los dos días" is two days, "a las dos" two
o'clock), de dos en dos (two at a time), nấu chín (cooked), tháng Ba (March), gen de fwa (sometimes), 周三 (Wednesday),
三月 (March), الاثنين (Monday), and terms such as 三角巾 (a sling), 二手烟 (second-hand smoke) and الاثني
عشر (the duodenum). A number the source writes as an English word (one to ninety-nine, once, twice)
that the translation renders as another number, with digits or as a word of its language, is
reported too: "two weeks" as "tres semanas" or 三周, "twice a day" as "tres veces al día". A length of
time said with a half or a quarter may be given in a smaller unit: "half an hour" as "30 minutos",
"an hour and a half" as 90 minutes, "a day and a half" as 36 hours; or in its own unit with its
half (1,5 horas, "1 hora y media", 一个半小时, một tiếng rưỡi), which is read as the one number it
is: "2 horas y media" is 2.5, not 2. A translation that halves a length of time the source
gives whole ("an hour" as "media hora", "a day" as 半天, nửa tiếng, نصف ساعة, "mwatye jounen") is
reported where the source has no half, quarter, fraction or 30 minutes. A time at half past may
say its half with a word (8点半, 8 giờ rưỡi, 8è edmi, "las 8 y media", 8 والنصف for 8:30). "Half a
tablet" must be a half in the translation too (medio, mitad, ½, 半, nửa, نصف, mwatye). A month the source names
must be the month a translation names by its name: "5 March" as "5 de mayo", "5 me" or "5 أيار"
(May) is reported, as a Chinese or Vietnamese date with another month's number is.
Number words are read as the term checks read a text: in Unicode's composed form (NFC), in any
case, and in Arabic with or without short vowels, tanween and the tatweel (خمسًا, ستّة).
Words that also mean something else are not read as numbers (Vietnamese năm, five and year;
Haitian Creole de, two and of; Chinese 一, 四 and 十, in many words; Spanish un and una, which
are also "a"), so a translation that writes such a number as a word is asked to write digits;
right before what they count they are read (una semana, un comprimido, yon jou, một tuần, năm
ngày), so that "two weeks" rendered "una semana" is reported. A number the source writes as a
word right before what it counts ("two weeks", "three tablets", "twice") must have a number in the
translation: "durante semanas" or أسبوع (one week) is reported. There any word that may be the
number counts (四周, de, năm, "un par de", an Arabic dual). A changed dose, duration or size in
patient material is a safety defect, so this cannot be silenced.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any, NamedTuple

from babel.numbers import get_group_symbol

from ...locales import LocaleInfo
from ...termbase.matching import Matcher, as_read, normalize, with_clitics, without_clitics, without_optional_marks
from ..model import Entry, LocaleContext, Options
from ..text import (
    ENGLISH_NUMBER_WORD,
    ENGLISH_NUMBER_WORDS,
    NUMBER_WORDS,
    ZH_NUMERALS,
    ascii_digits,
    ascii_lowered,
    english_numbers,
    numbers,
    source_has_digits,
)

CODE = "E201"
NAME = "numbers"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict[str, Any] = {}


def prepare(info: LocaleInfo) -> None:
    """Load Babel's number data of the locale and of English (the source's) ahead: once for every
    worker forked after it, instead of in each worker at its first catalog of the locale."""
    for locale in (info.posix, "en"):
        get_group_symbol(locale)


# A month the source names ("5 March", "March 2027") is a number in a Chinese or Vietnamese date
# (3月5日, ngày 5 tháng 3, tháng 3 năm 2027): there it stands for the source's word, not for one of
# its numbers. Only a month the source names is read so: 4月 for March stays a number.
_MONTH_NUMBER = {"zh": ("月", re.compile(r"(?<![\d.,])(\d{1,2})\s*月")),
                 "vi": ("háng", re.compile(r"\btháng\s+(\d{1,2})(?!\d|[.,]\d)", re.IGNORECASE))}
_ENGLISH_MONTH = re.compile(r"\b(?:(Jan)(?:uary)?|(Feb)(?:ruary)?|(Mar)(?:ch)?|(Apr)(?:il)?|(May)|(June?)|(July?)"
                            r"|(Aug)(?:ust)?|(Sept?)(?:ember)?|(Oct)(?:ober)?|(Nov)(?:ember)?|(Dec)(?:ember)?)\b")


# What every month's name starts with: a search for these alone skips from one capital letter of
# them to the next, where `_ENGLISH_MONTH` tries its twelve names at every word.
_MONTH_START = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _english_months(text: str) -> Counter[Decimal]:
    """The months an English text names by their names (each group of `_ENGLISH_MONTH` is one)."""
    if _MONTH_START.search(text) is None:  # most texts
        return Counter()
    return Counter(Decimal(match.lastindex or 0) for match in _ENGLISH_MONTH.finditer(text))


def _named_months(entry: Entry, language: str) -> Counter[Decimal]:
    """The numbers of the translation's dates that stand for a month the source names."""
    word, pattern = _MONTH_NUMBER.get(language.split("_")[0], ("", None))
    if pattern is None or word not in entry.msgstr or not (named := _english_months(entry.msgid)):
        return Counter()
    return Counter(Decimal(int(match.group(1))) for match in pattern.finditer(entry.msgstr)) & named


# The months a translation names by their names, where the source names one: a date whose month
# changed ("5 March" as "5 de mayo") has every number of the source. Haitian Creole me (May) is
# also "but", mas "mass", out "out": its months are read after a day or "mwa" (month) only. Arabic
# writes the Egyptian and Gulf names (مارس) or the Levantine ones (آذار), with a clitic or not.
_MONTH_NAMES = {
    "es": {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
           "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12},
    "ht": {"janvye": 1, "fevriye": 2, "mas": 3, "avril": 4, "me": 5, "jen": 6, "jiyè": 7, "out": 8, "septanm": 9,
           "oktòb": 10, "novanm": 11, "desanm": 12},
    "ar": {"يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
           "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11,
           "ديسمبر": 12, "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
           "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12},
}
_ENGLISH_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                        "October", "November", "December")


@cache
def _month_names(base: str) -> re.Pattern[str] | None:
    """The month names of a language, as `_MONTH_NAMES` says each is read (made on first use)."""
    names = _MONTH_NAMES.get(base)
    if names is None:
        return None
    words = _alternatives(names)
    if base == "ht":
        return re.compile(rf"(?:\b\d{{1,2}}\s+|\bmwa\s+)({words})\b")
    if base == "ar":
        return re.compile(rf"(?<!\w)[وبل]?({words})(?!\w)")
    return re.compile(rf"\b({words})\b")


def _changed_month(entry: Entry, named: Counter[Decimal], language: str) -> str | None:
    """A month the translation names by its name that the source, which names the months ``named``,
    does not."""
    base = language.split("_")[0]
    if (pattern := _month_names(base)) is None:
        return None
    text = entry.msgstr.casefold() if base != "ar" else without_optional_marks(entry.msgstr)
    others = [word for word in dict.fromkeys(m.group(1) for m in pattern.finditer(text))
              if Decimal(_MONTH_NAMES[base][word]) not in named]
    if not others:
        return None
    source = ", ".join(_ENGLISH_MONTH_NAMES[int(n) - 1] for n in sorted(named) if 1 <= n <= 12)
    return f"month {', '.join(others)} of the translation is not the source's ({source}): a date has changed"


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_numbers(text: str) -> Counter[Decimal]:
    return Counter(numbers(text, "en"))


# How a translation may say the source's times: "8:00" as 8 (a las 8, 8点), an afternoon or evening
# time on the 24-hour clock ("8:30 p.m." as 20:30, "8 p.m." as "20 giờ"), "noon" and "midnight" as
# 12 (a las 12 de la noche, 中午12点), and "every other day" as every 2 days (cada 2 días).
_ON_THE_HOUR = re.compile(r"(?<![\d:.,])(\d{1,2}):00(?![\d:]|[.,]\d)")
_AFTERNOON = re.compile(r"(?<![\d:.,])(\d{1,2})(?=(?::\d{2})?\s?p\.?\s?m\b)", re.IGNORECASE)
_SPOKEN = re.compile(r"\b(?:(noon|midday|midnight)|every other)\b")
_PM = re.compile(r"\d\s?p\.?\s?m\b")  # in lower case: whether `_AFTERNOON` has anything to find


def _on_24_hours(match: re.Match[str]) -> str:
    hour = int(match.group(1))
    return str(hour + 12) if 1 <= hour <= 11 else match.group(1)


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_spoken(text: str) -> tuple[Counter[Decimal], ...]:
    """The source's numbers as its times may be said: on the hour without their minutes, in the
    afternoon on the 24-hour clock (with and without the minutes of an hour), each with the
    numbers its words for times name (`_SPOKEN`); none when it has no such time or word."""
    lowered = ascii_lowered(text)
    said = Counter(Decimal(12 if match.group(1) else 2) for match in _SPOKEN.finditer(lowered)) \
        if "noon" in lowered or "mid" in lowered or "other" in lowered else Counter()
    afternoon = _AFTERNOON.sub(_on_24_hours, text) if "m" in lowered and _PM.search(lowered) else text
    # in this order, the first reading as close as another to a translation being the one a finding names
    texts = [t for t in dict.fromkeys((_ON_THE_HOUR.sub(r"\1", text), afternoon, _ON_THE_HOUR.sub(r"\1", afternoon)))
             if t != text]
    if not said and not texts:
        return ()
    return tuple(Counter(numbers(spoken, "en")) + said for spoken in texts or [text])


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_with_words(text: str) -> Counter[Decimal] | None:
    """The source's numbers with its number words among them, or None when it writes none."""
    words = english_numbers(text)
    return _source_numbers(text) + Counter(map(Decimal, words)) if words else None


@lru_cache(maxsize=50_000)
def _spelled(text: str) -> Counter[Decimal]:
    """The numbers the source writes as English words (one to ninety-nine, once and twice, and the
    lengths of time said with a half or a quarter: `_LENGTH_VALUES`), each time."""
    found: Counter[Decimal] = Counter(Decimal(value) for value in english_numbers(text) if value)
    lowered = ascii_lowered(text)
    if "once" in lowered or "twice" in lowered:
        for match in _TIMES.finditer(lowered):
            found[Decimal(_TIMES_VALUES[match.group(0)])] += 1
    if "half" in lowered or "quarter" in lowered:
        for match in _LENGTHS.finditer(lowered):  # "half an hour" may be "30 minutos"
            found[Decimal(_LENGTH_VALUES[match.group(0)])] += 1
    return found


@lru_cache(maxsize=50_000)
def _lengths_own(text: str) -> tuple[Counter[Decimal], Counter[Decimal]]:
    """The source's lengths said with a half or a quarter (`_LENGTHS`) in the smaller unit `_spelled`
    reads them in, and in their own unit (`_LENGTH_OWN`): "an hour and a half" as 90 and as 1.5.
    Empty when it has none."""
    lowered = ascii_lowered(text)
    if "half" not in lowered and "quarter" not in lowered:
        return Counter(), Counter()
    found = [match.group(0) for match in _LENGTHS.finditer(lowered)]
    return Counter(Decimal(_LENGTH_VALUES[f]) for f in found), Counter(Decimal(_LENGTH_OWN[f]) for f in found)


# "once" counts only a frequency ("once a day"): "at once" is now, "once you are home" is when
_TIMES = re.compile(r"\b(?:once(?=\s+(?:a|an|per|every|each|daily|weekly|monthly|nightly)\b)|twice\b)")
_TIMES_VALUES = {"once": 1, "twice": 2}
# Lengths of time said with a half or a quarter, in the unit a translation may give them in:
# "half an hour" may be "30 minutos", "a day and a half" 36 hours.
_LENGTH_VALUES = {"half an hour": 30, "a quarter of an hour": 15, "an hour and a half": 90, "one hour and a half": 90,
                  "one and a half hours": 90, "an hour and a quarter": 75, "a day and a half": 36}
# The same lengths in their own unit, as a translation may give them too: "1 hora y media", 1.5 hours.
_LENGTH_OWN = {"half an hour": "0.5", "a quarter of an hour": "0.25", "an hour and a half": "1.5",
               "one hour and a half": "1.5", "one and a half hours": "1.5", "an hour and a quarter": "1.25",
               "a day and a half": "1.5"}
_LENGTHS = re.compile(rf"\b(?:{'|'.join(sorted(_LENGTH_VALUES, key=len, reverse=True))})\b")


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_VI_UNITS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7,
             "tám": 8, "chín": 9}
# after mươi or mười, five is lăm: "mười năm" is ten years
_VI_FOLLOWING = {word: n for word, n in _VI_UNITS.items() if word != "năm"}
# the units of a number of several words: not a dual, which is no part of one (its ending is the two)
_AR_UNITS = {word: n for word, n in NUMBER_WORDS["ar"].items() if n < 10 and not word.endswith(("ين", "ان"))
             or word in ("اثنين", "اثنان", "اثنتين", "اثنتان")} | {"اثنا": 2, "اثني": 2, "إحدى": 1, "أحد": 1, "ثمان": 8}
_AR_TENS = {word: n for word, n in NUMBER_WORDS["ar"].items() if n >= 20}
_ES_UNITS = {"un": 1, "uno": 1, "una": 1, **{w: n for w, n in NUMBER_WORDS["es"].items() if 2 <= n <= 9}}
_ES_TENS = {w: n for w, n in NUMBER_WORDS["es"].items() if n >= 30 and n % 10 == 0 and n < 100}
# Numbers of several words, each one number: the tens and a unit (treinta y seis, أربع وعشرين, ba
# mươi, 二十四), a teen (ثلاثة عشر, mười hai, 十二), and 十 counting a unit (十天).
_COMPOUNDS: dict[str, tuple[re.Pattern[str], Callable[[re.Match[str]], int]]] = {
    "es": (re.compile(rf"\b({_alternatives(_ES_TENS)}) y ({_alternatives(_ES_UNITS)})\b"),
           lambda m: _ES_TENS[m.group(1)] + _ES_UNITS[m.group(2)]),
    "ar": (re.compile(rf"(?<!\w)[وفبل]?({_alternatives(_AR_UNITS)}) (?:و({_alternatives(_AR_TENS)})|(عشرة?))(?!\w)"),
           lambda m: _AR_UNITS[m.group(1)] + (_AR_TENS[m.group(2)] if m.group(2) else 10)),
    "vi": (re.compile(rf"\b(?:({_alternatives(_VI_UNITS)}) mươi|(mười))(?: ({_alternatives(_VI_FOLLOWING)}))?\b"),
           lambda m: (_VI_UNITS[m.group(1)] * 10 if m.group(1) else 10) + _VI_FOLLOWING.get(m.group(3) or "", 0)),
    "zh": (re.compile(r"([一二两三四五六七八九])?十([一二三四五六七八九])?"
                      r"(?(1)|(?(2)|(?=[天日周年月次片粒个秒岁倍]|分钟|小时)))"),
           lambda m: _ZH_DIGITS.get(m.group(1) or "一", 1) * 10 + _ZH_DIGITS.get(m.group(2) or "", 0)),
}
# A word that is a number only where it counts something that follows it: Haitian Creole de (two,
# and "of") and kat (four, and a card), Vietnamese năm (five, and "year"), Chinese 一 and 四 (in
# 一般, 四周: "usual", "around").
# The word for one is also "a" (una, yon, một): it is 1 only before what it counts, where "once"
# (una vez, yon fwa, một lần) may stand for a "twice" of the source.
_COUNTED_WORDS = {"es": {"una": 1, "un": 1}, "ht": {"de": 2, "kat": 4, "yon": 1}, "vi": {"năm": 5, "một": 1}}
_COUNTED_UNITS = {  # what such a word counts, after a space
    "es": ("vez", "semana", "día", "noche", "hora", "minuto", "mes", "año", "comprimido", "tableta", "pastilla",
           "cápsula", "gota"),
    "ht": ("fwa", "jou", "semèn", "mwa", "ane", "èdtan", "minit", "segonn", "grenn", "kapsil", "tablèt", "konprime",
           "mèt", "kilomèt", "lit", "gout"),
    "vi": ("ngày", "đêm", "tuần", "tháng", "năm", "giờ", "tiếng", "phút", "giây", "lần", "viên", "bước", "mét", "km",
           "cây số", "buổi", "bữa", "phần", "cốc", "ly", "gói", "vòng", "người", "loại"),
}
_COUNTING = {base: re.compile(rf"\b({'|'.join(_COUNTED_WORDS[base])}) (?=(?:{'|'.join(units)})\b)")
             for base, units in _COUNTED_UNITS.items()}
# A number word and a half said with its unit: 一天半 and 一个半小时 (a day, an hour and a half), một
# tiếng rưỡi and "una hora y media" (an hour and a half); each number word matched alone.
_HALF_WORDS: dict[str, tuple[str, re.Pattern[str], dict[str, int]]] = {  # (what the text has, ...)
    "zh": ("半", re.compile(r"([一两二三四五六七八九])(?=个半|[天日年周]半)"), _ZH_DIGITS),
    "vi": ("rưỡi", re.compile(rf"\b({_alternatives(_VI_UNITS)})(?=\s+(?:tiếng|giờ|ngày|tuần|tháng|năm|phút)\s+rưỡi\b)"),
           _VI_UNITS),
    "es": (" y medi", re.compile(rf"\b({_alternatives(_ES_UNITS)})(?=\s+\w+\s+y\s+medi[oa]\b)"), _ES_UNITS),
}
_ZH_COUNTED = re.compile(r"([一四])(?=[天日年月次片粒个秒岁倍]|分钟|小时|星期)|一(?=周)")

# Number words that name no number: a weekday or an ordinal (thứ hai, Monday; 星期二, Tuesday; 第二,
# second), a father (ba mẹ, parents), and words that hold a number word (十二指肠, duodenum).
_NOT_NUMBERS = {
    "vi": re.compile(r"\bthứ (?:hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)\b|\bba (?=(?:mẹ|má|tôi|của|hoặc|và|ơi)\b)"),
    "zh": re.compile(r"(?:第|星期|礼拜)[一二两三四五六七八九十]+|十二指肠|二甲双胍|二氧化碳|三叉神经|三明治|三甲|五官"),
}


_ANY_WORD = re.compile(r"\w+")


# A number the source uses as an ordinal, after what it numbers ("type 2", "stage 1", "day 3"),
# which Arabic writes as an ordinal word (السكري من النوع الثاني, type 2 diabetes; المرحلة الأولى).
_ORDINAL_USE = re.compile(r"\b(?:type|stage|grade|phase|step|level|day|week|month|year|class|degree|part|cycle)"
                          r"\s+(\d{1,2})\b(?![.,]\d)", re.IGNORECASE)
_ZH_ORDINAL = re.compile("第([一二两三四五六七八九十])(?![一二两三四五六七八九十])")
_ORDINAL_WORDS = {
    "ar": {"أول": 1, "اول": 1, "أولى": 1, "اولى": 1, "ثاني": 2, "ثان": 2, "ثانية": 2, "ثالث": 3, "ثالثة": 3,
           "رابع": 4, "رابعة": 4, "خامس": 5, "خامسة": 5, "سادس": 6, "سادسة": 6, "سابع": 7, "سابعة": 7,
           "ثامن": 8, "ثامنة": 8, "تاسع": 9, "تاسعة": 9, "عاشر": 10, "عاشرة": 10},
}


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _ordinal_uses(text: str) -> Counter[Decimal]:
    """The numbers an English text uses as ordinals, after what they number."""
    return Counter(Decimal(int(match.group(1))) for match in _ORDINAL_USE.finditer(text))


def _ordinal_words(text: str, language: str) -> Counter[Decimal]:
    """The ordinals ``text`` writes as words of ``language`` (with clitics: الثاني; Chinese 第二), as
    numbers."""
    base = language.split("_")[0]
    if base == "zh":
        return Counter(Decimal(_ZH_DIGITS.get(digit, 10)) for digit in _ZH_ORDINAL.findall(text))  # 十: 10
    words = _ORDINAL_WORDS.get(base)
    return _valued(normalize(without_optional_marks(text)), language, words) if words else Counter()


def _valued(folded: str, language: str, words: dict[str, int]) -> Counter[Decimal]:
    """The values of the words of ``folded`` that ``words`` lists, as written or without their
    clitics (Arabic والثاني, اثنين), each time."""
    found: Counter[Decimal] = Counter()
    for word in _ANY_WORD.findall(folded):
        for form in (word, *without_clitics(word, language)):
            if form in words:
                found[Decimal(words[form])] += 1
                break
    return found


def _number_words(text: str, language: str) -> Counter[Decimal]:
    """The numbers ``text`` writes as words of ``language``, each time it does."""
    base = language.split("_")[0]
    words = NUMBER_WORDS.get(base)
    if not words:
        return Counter()
    # as the term matcher reads a text (`Matcher.words`, which `_may_have_words` looks in): NFC,
    # case-folded, without the marks writing may leave out
    folded = text.casefold() if base == "zh" else normalize(as_read(text))
    found: Counter[Decimal] = Counter()
    if base in _NOT_NUMBERS:
        folded = _NOT_NUMBERS[base].sub(" ", folded)
    if base in _HALF_WORDS and _HALF_WORDS[base][0] in folded:  # 一天半, một tiếng rưỡi, una hora y media: 1.5
        _, pattern, units = _HALF_WORDS[base]
        for match in pattern.finditer(folded):
            found[Decimal(units[match.group(1)]) + Decimal("0.5")] += 1
        folded = pattern.sub(" ", folded)
    if base in _COMPOUNDS:
        pattern, value = _COMPOUNDS[base]
        for match in pattern.finditer(folded):
            found[Decimal(value(match))] += 1
        folded = pattern.sub(" ", folded)
    if base in _COUNTING:
        for word in _COUNTING[base].findall(folded):
            found[Decimal(_COUNTED_WORDS[base][word])] += 1
    if base == "zh":
        for match in _ZH_COUNTED.finditer(folded):
            found[Decimal(_ZH_DIGITS[match.group(1) or "一"])] += 1
        for word, number in words.items():  # 两 and 二 are both 2: their counts add up
            found[Decimal(number)] += folded.count(word)
        return +found
    return found + _valued(folded, language, words)


# Number words that count nothing a patient takes, does or waits for, left out where a translation's
# words are read for numbers beyond the source's: "both" (los dos, cả hai, hai chân, 两侧, 两端), a
# weekday or a month (周三, 三月, الاثنين), set phrases (de dos en dos, one by one; gen de fwa,
# sometimes; nấu chín, cooked; 三餐, meals) and terms (三角巾, a sling; 二手烟, second-hand smoke;
# الاثني عشر, the duodenum). Where the source has the number, such a word may still render it.
_IDIOMS = {  # compiled on first use (`_idioms`): a project pays only for its languages
    # los dos and las dos are "both" where they count no length of time and tell no time of day:
    # "a los dos días" is two days later, "a las dos" two o'clock
    "es": (r"(?<!\ba )\b(?:los|las) dos\b(?! (?:segundos?|minutos?|horas?|días?|noches?|semanas?|mes|meses|años?"
           r"|veces)\b)|\bde (dos|tres|cuatro) en \1\b|\bdos por tres\b|\bcien por cien(?:to)?\b"),
    "vi": (r"\bcả (?:hai|ba|bốn)\b|\bhai (?:bên|đầu|tay|chân|mắt|tai|vai|gối|phổi|thận)\b"
           r"|\b(?:nấu|luộc|hấp|chiên|rán|nướng|ăn|chưa|đã|được) chín\b|\bchín (?:chắn|muồi|kỹ|kĩ|hẳn|đều)\b"
           r"|\bba lô\b|\bbốn (?:phía|bề|phương)\b"
           # a month named by its number: tháng Ba (March), not ba tháng (three months)
           r"|\btháng (?:một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?: một| hai)?|giêng|chạp)\b(?! lần)"),
    "zh": (r"两(?:侧|边|者|旁|方|端|头|[手脚腿眼耳肩膝臂肺肾]|[条只][手脚腿眼])"
           r"|[二三]头肌|[二三]尖瓣|三角|二手|三餐|五谷|三高|二便|[八九]成|三思|七上八下|乱七八糟"
           r"|三天两头|接二连三|独一无二|五花八门|二次(?=感染|损伤|伤害|手术|骨折|出血|污染|复发)"
           r"|(?<![\d一二两三四五六七八九十])周[一二三四五六日](?![次个])"
           r"|(?<![\d一二两三四五六七八九十个])(?:十[一二]|[一二三四五六七八九十])月"),
    "ar": r"(?<!\w)[وفب]?(?:ال|لل)[اإ]ثن(?:ين|ان|ا|ي|ى)(?: عشري?)?(?!\w)|\bيوم [اإ]ثنين\b",
    "ht": r"\bgen de fwa\b|\btou (?:le )?de\b",
}


@cache
def _idioms(base: str) -> re.Pattern[str] | None:
    """`_IDIOMS` of a language, compiled."""
    return re.compile(_IDIOMS[base]) if base in _IDIOMS else None
# The numbers English words of the source imply, which a faithful translation may write: "both"
# as "las dos", "a few days" as 两三天, 三五天 or "de twa jou", "a third" as 三分之一, "at noon" as
# "a las doce", and a length of time given in a smaller unit: "a week" as "siete días", 七天, or
# "ocho días" and "uit jou" as Spanish and Haitian Creole say it, "a fortnight" as "quince días".
_IMPLIED_VALUES: dict[str, tuple[int, ...]] = {
    "both": (2,), "pair": (2,), "double": (2,), "bilateral": (2,), "second": (2,), "couple": (2, 3), "few": (2, 3, 5),
    "several": (2, 3, 5), "third": (3,), "triple": (3,), "thrice": (3,), "fourth": (4,), "quarter": (4,), "fifth": (5,),
    "sixth": (6,), "seventh": (7,), "eighth": (8,), "ninth": (9,), "tenth": (10,), "eleventh": (11,), "twelfth": (12,),
    "dozen": (12,), "noon": (12,), "midday": (12,), "midnight": (12,), "hundred": (100,), "fortnight": (2, 14, 15),
    "every other": (2,),
    "week": (7, 8), "weekly": (7, 8), "day": (24,), "daily": (24,), "hour": (60,), "hourly": (60,), "minute": (60,),
    "month": (4, 30), "monthly": (4, 30), "year": (12, 365), "yearly": (12, 365),
}
_UNITS_OF_TIME = ("week", "day", "hour", "minute", "month", "year")
_IMPLIED = re.compile(rf"\b(?:(?:a|an|one|per|each|every|the (?:first|next|last|following|coming|past|same|whole"
                      rf"|entire))\s+({'|'.join(_UNITS_OF_TIME)})\b|("
                      + _alternatives(word for word in _IMPLIED_VALUES if word not in _UNITS_OF_TIME)
                      + r")s?\b)")


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _implied(text: str) -> Counter[Decimal]:
    """The numbers the source's words imply (`_IMPLIED_VALUES`): each word once, each of its values.
    The hour of "half an hour" implies no 60: the length is `_spelled`'s (30)."""
    lowered = ascii_lowered(text)
    if "half" in lowered or "quarter" in lowered:
        lowered = _LENGTHS.sub(" ", lowered)
    return Counter(Decimal(value) for match in _IMPLIED.finditer(lowered)
                   for value in _IMPLIED_VALUES[match.group(1) or match.group(2)])


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _single(text: str) -> Counter[Decimal]:
    """A 1 for each length of time the source gives as one of its unit ("an hour", "a week", "one
    day"), which a translation may say with its word for one (una hora, yon semèn, một ngày)."""
    lowered = ascii_lowered(text)
    if "half" in lowered or "quarter" in lowered:
        lowered = _LENGTHS.sub(" ", lowered)
    return Counter({Decimal(1): len(_SINGLE.findall(lowered))}) if _SINGLE.search(lowered) else Counter()


# "an hour" as a length (for, within, after an hour; half an hour to an hour), not as a rate ("twice
# a day", "two tablets a day")
_SINGLE = re.compile(rf"(?:^|\b(?:for|in|within|after|about|around|over|than|to|take|takes|last|lasts|wait|rest"
                     rf"|only|just|least|nearly|almost|and|or)\s+)(?:a|an|one)\s+(?:{'|'.join(_UNITS_OF_TIME)})\b")


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _named(text: str) -> frozenset[Decimal]:
    """Every number the source names: with digits, as an English number word (`_spelled`), or
    implied by a word (`_IMPLIED_VALUES`)."""
    return frozenset(_source_numbers(text)) | frozenset(_spelled(text)) | frozenset(_implied(text))


def _beyond(words: Counter[Decimal], named: frozenset[Decimal]) -> Counter[Decimal]:
    """The numbers written as words that the source names nowhere, from two up: "one" is also an
    article (uno de, 一个, một)."""
    return Counter({value: n for value, n in words.items() if value >= 2 and value not in named})


def _counting_words(text: str, language: str) -> Counter[Decimal]:
    """`_number_words` of ``text`` without the words of its idioms (`_IDIOMS`)."""
    idioms = _idioms(language.split("_")[0])
    return _number_words(idioms.sub(" ", text.casefold()) if idioms else text, language)


def _show(values: Iterable[Decimal]) -> str:
    return ", ".join(format(v.normalize(), "f") for v in sorted(values))


_ANY_DIGIT = re.compile(r"\d")
# A plain space between digits and a group of exactly three: "1 000", "2 500 000".
_SPACE_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
# A time of day written with a point, "8.30" for 8:30: read so only where the source has a time.
_CLOCK = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{2})(?!\d|[.,]\d)")
_SOURCE_CLOCK = re.compile(r"(?<![\d.,])\d{1,2}:\d{2}(?!\d)")
# Chinese and Japanese count large numbers in myriads: 1万 is 10,000, 2亿 is 200,000,000.
_MYRIAD = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s?([万萬亿億])")
_MYRIADS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}


def _myriad(match: re.Match[str]) -> str:
    return format(Decimal(match.group(1)) * _MYRIADS[match.group(2)], "f")


# A number and a half said after its unit: "1 hora y media", "1 tiếng rưỡi", "1 èdtan edmi", 1个半小时,
# 1天半. It is read so and only so (`_halved`): "2 horas y media" is 2.5 hours, never 2.
_AND_A_HALF = {"es": re.compile(r"(\d+)(\s+\w+\s+y\s+medi[oa])\b"), "vi": re.compile(r"(\d+)(\s+\w+\s+rưỡi)\b"),
               "ht": re.compile(r"(\d+)(\s*\w*\s+edmi)\b"), "zh": re.compile(r"(\d+)(个?半|[天日年周]半)")}
# Half past an hour said with a word, for a source's time at half past: 8点半, 8 giờ rưỡi, 8è edmi,
# "las 8 y media", الساعة 8 والنصف (8:30).
_HALF_PAST = {"zh": re.compile(r"(\d{1,2})\s*点半"), "vi": re.compile(r"(\d{1,2})\s*giờ\s+rưỡi\b"),
              "ht": re.compile(r"(\d{1,2})\s*[èh]\s*edmi\b"), "es": re.compile(r"(\d{1,2})\s+y\s+media\b"),
              "ar": re.compile(r"(\d{1,2})\s+والنصف")}


def _halved(text: str, base: str) -> str:
    """``text`` with each number and a half said after its unit written with its half (1.5 hora y
    media), as `text.numbers` then reads it; ``text`` itself when it has none."""
    half = _AND_A_HALF.get(base)
    if half is None or not half.search(text):
        return text
    return half.sub(r"\1.5\2", text)


def _readings(source: str, text: str, locale: str, plain: Counter[Decimal]) -> list[Counter[Decimal]]:
    """The ways a translation's numbers can be read: as its locale writes them (first), with
    plain-space thousands joined, with point-written times split when the source has a time
    ("2.10 mg" for "2 x 10 mg" is a dose, never two numbers), with myriads multiplied out, with
    a number and a half said after its unit as one number, and only so (1 hora y media: 1.5), with a
    time on the hour without its minutes where the source gives none ("14:00" for "2 PM"), and with
    half past an hour said with a word where the source has a time at half past (8点半: 8:30)."""
    base = locale.split("_")[0]
    halved = _halved(text, base)
    readings = [plain if halved is text else Counter(numbers(halved, locale))]
    if ":00" in text and ":00" not in source:  # "14:00" for "2 PM"
        readings.append(Counter(numbers(_ON_THE_HOUR.sub(r"\1", text), locale)))
    if ":30" in source and (past := _HALF_PAST.get(base)) is not None and past.search(text):  # 8点半 for 8:30
        readings.append(Counter(numbers(past.sub(r"\1:30", text), locale)))
    if " " in text and _SPACE_GROUP.search(text):
        readings.append(Counter(numbers(_SPACE_GROUP.sub("\u00a0", text), locale)))
    if "." in text and _CLOCK.search(text) and ":" in source and _SOURCE_CLOCK.search(source):
        readings.append(Counter(numbers(_CLOCK.sub(r"\1:\2", text), locale)))
    if _MYRIAD.search(text):
        readings.append(Counter(numbers(_MYRIAD.sub(_myriad, ascii_digits(text)), locale)))
    return readings


def _differences(source: Counter[Decimal], target: Counter[Decimal]) -> int:
    return sum(((source - target) + (target - source)).values())


# "half a tablet": a dose of a half, which a translation must say too (not "half an hour", a time)
_HALF_A = re.compile(r"\bhalf an? (?!(?:hour|day|minute|week|month|year)s?\b)", re.IGNORECASE)
_HALVES = {
    "es": re.compile(r"\b(?:medio|media|mitad)\b"),
    "vi": re.compile(r"\b(?:nửa|rưỡi)\b"),
    "zh": re.compile("半"),
    "ar": re.compile("نصف"),
    "ht": re.compile(r"\b(?:mwatye|mwatyè|demi)\b"),
}
_HALF_WRITTEN = re.compile(r"[½]|\b0[.,]5\b")
# Half a length of time, said with a word for half (media hora, 半天, nửa tiếng, نصف ساعة, mwatye
# jounen); and what in a source may be a half: half, a quarter (of an hour as 15 minutes, or not),
# a fraction, a decimal, or minutes (30 minutes may be half an hour).
_HALF_OF_UNIT = {
    "es": re.compile(r"\b(?:medi[oa]s? (?:hora|día|semana|mes|año|minuto)s?"
                     r"|(?:hora|día|semana|mes|año)s? y medi[oa])\b"),
    "zh": re.compile("半(?:个)?(?:小时|钟头|天|日|周|星期|月|年|分钟)|(?:小时|天|周|月|年)半"),
    "vi": re.compile(r"\b(?:nửa (?:tiếng|giờ|ngày|tuần|tháng|năm|phút)|(?:tiếng|giờ|ngày|tuần|tháng|năm|phút) rưỡi)\b"),
    "ar": re.compile("نصف (?:ال)?(?:ساعة|يوم|أسبوع|شهر|سنة|عام|دقيقة)"),
    "ht": re.compile(r"\b(?:mwatye|mwatyè|demi) (?:èdtan|lè|jou|jounen|semèn|mwa|ane|minit)\b|\bedmi\b"),
}
_HALF_SOURCE = re.compile(r"half|quarter|[½¼¾]|\d[.,]\d|\b(?:30|15|45|90)\b|\d\s*:\s*30", re.IGNORECASE)


# What every `_HALF_OF_UNIT` of a language holds, looked for first: most translations have none.
_HALF_HINTS = {"es": ("medi",), "zh": ("半",), "vi": ("nửa", "rưỡi"), "ar": ("نصف",), "ht": ("mwaty", "demi", "edmi")}


def _half_of_unit(text: str, language: str) -> str | None:
    """Half a length of time the translation names (`_HALF_OF_UNIT`), as it writes it."""
    base = language.split("_")[0]
    if base not in _HALF_OF_UNIT:
        return None
    lowered = text.casefold()
    if not any(hint in lowered for hint in _HALF_HINTS[base]):
        return None
    found = _HALF_OF_UNIT[base].search(normalize(text))
    return found.group(0) if found else None


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _half_source(text: str) -> bool:
    """Whether the source may say a half (`_HALF_SOURCE`)."""
    return _HALF_SOURCE.search(text) is not None


@lru_cache(maxsize=50_000)
def _half_a(text: str) -> bool:
    return "half" in text.lower() and bool(_HALF_A.search(text))


# A time of the source in the morning (a.m.) or in the afternoon or evening (p.m.), and the words of
# each language that say which: a dose at 8:30 a.m. given "de la noche" is taken twelve hours late.
_SOURCE_PERIOD = re.compile(r"(?<![\d:.,])(\d{1,2}(?::\d{2})?)\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
_SOURCE_OTHER_PERIOD = {"a": re.compile(r"\b(?:evening|night|tonight|bedtime|afternoon|dinner|supper)s?\b"),
                        "p": re.compile(r"\b(?:morning|breakfast)s?\b")}
_PERIODS = {  # (the morning's words, the afternoon's and evening's)
    "es": (r"\bde la (?:mañana|madrugada)\b|\ba\.\s?m\.", r"\bde la (?:tarde|noche)\b|\bp\.\s?m\."),
    "zh": ("上午|早上|早晨|清晨|凌晨", "下午|晚上|傍晚|夜间|夜里|夜晚"),
    # the words after a time (8 giờ 30 sáng), found without the time: the finding names the word
    "vi": (r"(?:(?<=\d)|(?<=\bgiờ)|(?<=\brưỡi))\s+sáng\b|\bbuổi sáng\b",
           r"(?:(?<=\d)|(?<=\bgiờ)|(?<=\brưỡi))\s+(?:chiều|tối|đêm)\b|\bbuổi (?:chiều|tối)\b|\bban đêm\b"),
    "ar": ("صباح[\u064b-\u0652]*ا?", "مساء[\u064b-\u0652]*|ليل[\u064b-\u0652]*ا|الليل"),  # with tanween or not
    "ht": (r"\b(?:nan|di) maten\b", r"\b(?:nan|di) (?:apremidi|aswè)\b|\bdiswa\b"),
}


@cache
def _periods(base: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """`_PERIODS` of a language, compiled."""
    return (re.compile(_PERIODS[base][0]), re.compile(_PERIODS[base][1])) if base in _PERIODS else None


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_half(text: str) -> tuple[str, str] | None:
    """The source's first time and its half of the day ("a" or "p"), where every time it gives is in
    that half and no word of the other half is there ("at 8 a.m. and again in the evening")."""
    if not source_has_digits(text):
        return None
    times = [(match.group(0).strip(), match.group(2).lower()) for match in _SOURCE_PERIOD.finditer(text)]
    halves = {half for _, half in times}
    if len(halves) != 1:
        return None
    half = halves.pop()
    return None if _SOURCE_OTHER_PERIOD[half].search(ascii_lowered(text)) else (times[0][0], half)


def _time_of_day(entry: Entry, language: str) -> Iterator[str]:
    """A time the source gives in the morning only (or in the afternoon or evening only) that the
    translation places in the other half of the day, and not in its own."""
    if (source := _source_half(entry.msgid)) is None or (periods := _periods(language.split("_")[0])) is None:
        return
    time, half = source
    own, other = periods if half == "a" else periods[::-1]
    text = normalize(entry.msgstr)
    if (said := other.search(text)) and not own.search(text):
        when = "in the morning" if half == "a" else "in the afternoon or evening"
        yield f"{time} of the source is {when}; the translation says {said.group(0).strip()}"


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if (named := _english_months(entry.msgid)) and (month := _changed_month(entry, named, ctx.language)):
        yield month
    if _source_half(entry.msgid) is not None:  # most sources give no time of day
        yield from _time_of_day(entry, ctx.language)
    if (half := _half_of_unit(entry.msgstr, ctx.language)) and not _half_source(entry.msgid):
        yield f"the translation has half a length of time ({half}), which the source does not: a length halved"
    if _half_a(entry.msgid) and (halves := _HALVES.get(ctx.language.split("_")[0])):
        if not halves.search(entry.msgstr.casefold()) and not _HALF_WRITTEN.search(entry.msgstr):
            yield "'half a' of the source is not in the translation: a half dose must stay a half"
    spelled = _spelled(entry.msgid)
    if source_has_digits(entry.msgid) or _ANY_DIGIT.search(entry.msgstr):
        found = list(_compared(entry, ctx))
        if found:
            yield from found
            return
    if spelled:
        found = list(_changed_words(entry, ctx, spelled))
        if not found:
            found = list(_dropped_words(entry, ctx, spelled))
        if found:
            yield from found
            return
    yield from _extra_words(entry, ctx)


# An English number word from two up right before what it counts ("two weeks", "three more
# days", "four tablets") or "twice": the lengths, doses and counts a translation must give a
# number for.
_COUNTED_NOUNS = ("week", "day", "night", "hour", "minute", "second", "month", "year", "time", "tablet", "capsule",
                  "pill", "dose", "drop", "injection", "session", "visit", "step", "metre", "meter", "kilometre",
                  "kilometer", "mile", "litre", "liter", "glass", "cup")
_WORD_COUNT = re.compile(rf"(?:{ENGLISH_NUMBER_WORD.pattern})(?=(?:[-\s]+(?:more|full|whole|extra|further|"
                         rf"consecutive|separate|short|long))?[-\s]+(?:{'|'.join(_COUNTED_NOUNS)})s?\b)|\btwice\b")


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _counted_in_words(text: str) -> Counter[Decimal]:
    """The numbers from two up that ``text`` writes as English words before what they count, and
    its "twice"s (`_WORD_COUNT`)."""
    found: Counter[Decimal] = Counter()
    for match in _WORD_COUNT.finditer(ascii_lowered(text)):
        value = 2 if match.group(0) == "twice" else sum(ENGLISH_NUMBER_WORDS[part] for part in match.groups() if part)
        if value >= 2:
            found[Decimal(value)] += 1
    return found


# Words that may be a number where the source has it, though they are not read as one elsewhere
# (they also mean something else): Chinese 一, 四 and 十 (四周, four weeks, and around), Haitian
# Creole de (two, of), Vietnamese năm (five, year), Spanish "un par de" (a couple of, two), and an
# Arabic dual (دواءين, two medicines), which may be 2.
_MAY_BE: dict[str, tuple[re.Pattern[str], Callable[[str], int]]] = {
    "zh": (re.compile("[一二两三四五六七八九十]"), lambda word: _ZH_DIGITS.get(word, 10)),
    "ht": (re.compile(r"\bde\b"), lambda word: 2),
    "vi": (re.compile(r"\bnăm\b"), lambda word: 5),
    "es": (re.compile(r"\bun par\b"), lambda word: 2),
    "ar": (re.compile(r"\w{3,}(?:ين|ان|تين|تان)(?!\w)"), lambda word: 2),
}


def _may_be_numbers(text: str, base: str) -> Counter[Decimal]:
    """The numbers ``text`` may write with words of `_MAY_BE`."""
    if base not in _MAY_BE:
        return Counter()
    pattern, value = _MAY_BE[base]
    return Counter(Decimal(value(match.group(0))) for match in pattern.finditer(normalize(text)))



def _dropped_words(entry: Entry, ctx: LocaleContext, spelled: Counter[Decimal]) -> Iterator[str]:
    """A length, a dose or a count the source writes with an English word from two up right before
    its unit ("two weeks", "three tablets", "twice") that the translation gives no number for at
    all: "durante semanas", "semèn nan", أسبوع (one week). Any word of the translation that may
    be the number counts (Chinese 四 in 四周, Haitian Creole de, Vietnamese năm, an Arabic dual),
    so only a translation without the number is reported."""
    wanted = _counted_in_words(entry.msgid)
    if not wanted:
        return
    base = ctx.language.split("_")[0]
    target = Counter(numbers(_halved(entry.msgstr, base), ctx.info.posix)) + _number_words(entry.msgstr, ctx.language)
    if (missing := wanted - target) and (missing := missing - _may_be_numbers(entry.msgstr, base)):
        yield f"number {_show(missing.elements())} of the source (written as a word) is not in the translation"



def _compared(entry: Entry, ctx: LocaleContext) -> Iterator[str]:
    """The source's numbers against the translation's, where either side has digits."""
    source = _source_numbers(entry.msgid)
    plain = Counter(numbers(entry.msgstr, ctx.info.posix))
    months = _named_months(entry, ctx.language)
    target = plain - months if months else plain
    if target == source:  # the common case, compared in C
        return
    readings = [reading - months for reading in _readings(entry.msgid, entry.msgstr, ctx.info.posix, plain)]
    with_words = _source_with_words(entry.msgid)
    smaller, own = _lengths_own(entry.msgid)
    sources = [source, *([with_words] if with_words is not None else []), *_source_spoken(entry.msgid),
               *([source + own] if own else [])]
    # the first of the closest pairs of readings
    source, target = min(((s, t) for s in sources for t in readings), key=lambda pair: _differences(*pair))
    if target == source:
        return
    missing_values = source - target
    spelled = _spelled(entry.msgid)
    # a number the source also writes as a word is not extra ("two tablets… in twenty-four hours" as 24)
    extra_values = target - source - (spelled - smaller + own if own and own <= target else spelled)
    if extra_values:  # nor one its words imply, written with digits ("for a week" as 7天, "for a day" as "24 horas")
        extra_values -= _implied(entry.msgid)
    if missing_values:  # a number the translation writes as a word is not missing
        words = _number_words(entry.msgstr, ctx.language)
        # and one it writes as a word beyond those is extra ("treinta a cuarenta minutos" for "30
        # minutes"), unless the source names it otherwise ("both" as "las dos")
        counting = _counting_words(entry.msgstr, ctx.language)
        extra_values += _beyond(counting - (missing_values & counting), _named(entry.msgid))
        missing_values -= words
        if missing_values & (uses := _ordinal_uses(entry.msgid)):  # "type 2" as النوع الثاني
            missing_values -= _ordinal_words(entry.msgstr, ctx.language) & uses
    if missing := list(missing_values.elements()):
        # a translation without digits most likely wrote the numbers as words ("dos semanas", 两周)
        hint = "" if _ANY_DIGIT.search(entry.msgstr) else ": write numbers with digits, as the source does"
        yield f"number {_show(missing)} of the source is missing from the translation{hint}"
    if extra := list(extra_values.elements()):
        yield f"number {_show(extra)} is not in the source"


def _changed_words(entry: Entry, ctx: LocaleContext, spelled: Counter[Decimal]) -> Iterator[str]:
    """A number the source writes as a word, rendered as another number: one the translation
    writes (with digits, or as a word of its language) that the source has nowhere. A word that
    also means something else is not read (Haitian Creole de, two and "of"), so a translation
    that writes the number with one is not reported."""
    target = Counter(numbers(_halved(entry.msgstr, ctx.language.split("_")[0]), ctx.info.posix)) \
        - _named_months(entry, ctx.language) + _number_words(entry.msgstr, ctx.language)
    missing = spelled - target
    smaller, own = _lengths_own(entry.msgid)
    if missing and own and not (spelled - smaller + own) - target:  # "an hour and a half" as "1 tiếng rưỡi"
        return
    if not missing:
        return
    if extra := target - (_source_numbers(entry.msgid) + spelled + _single(entry.msgid)) - _implied(entry.msgid):
        yield (f"number {_show(missing.elements())} of the source (written as a word) is not in the translation, "
               f"which has {_show(extra.elements())} in its place")


def _extra_words(entry: Entry, ctx: LocaleContext) -> Iterator[str]:
    """A number the translation writes as a word where it has every number of the source, and
    that the source names nowhere: "Tome 1 tableta cada 30 minutos, dos veces" for "Take 1 tablet
    every 30 minutes". Most translations have no number word, which `_may_have_words` tells
    before any reading."""
    if not _may_have_words(entry.msgstr, ctx.language, ctx.target):
        return
    if extra := _beyond(_counting_words(entry.msgstr, ctx.language), _named(entry.msgid)):
        yield f"number {_show(extra.elements())} is not in the source"


# What `_may_have_words` looks for: a Chinese numeral of two up, or a word `_number_words` reads.
_ZH_NUMERAL = re.compile(f"[{ZH_NUMERALS}]")
# Words of a number of several words that `NUMBER_WORDS` has not: Vietnamese mươi (ten, after a
# unit), whose unit may be năm (năm mươi, 50), read as five only there.
_PARTS = {"vi": ("mươi",)}


class _Hint(NamedTuple):
    """The words that `_may_have_words` looks for in one language."""

    words: frozenset[str]  # read as a number from two up, or part of one (`_PARTS`); in Arabic, with clitics
    counted: frozenset[str]  # `_COUNTED_WORDS` from two up: a number only before what they count,
    units: frozenset[str]  # the first words of which


@cache
def _hint(base: str) -> _Hint | None:
    """`_Hint` of a language that `_number_words` reads words of, made on first use."""
    if base not in NUMBER_WORDS:
        return None
    words = [word for word, value in NUMBER_WORDS[base].items() if value >= 2] + list(_PARTS.get(base, ()))
    return _Hint(frozenset(form for word in words for form in with_clitics(word, base)),
                 frozenset(w for w, v in _COUNTED_WORDS.get(base, {}).items() if v >= 2),
                 frozenset(u.split()[0] for u in _COUNTED_UNITS.get(base, ())))


def _may_have_words(text: str, language: str, matcher: Matcher) -> bool:
    """Whether ``text`` may write a number as a word: true of every text `_number_words` reads a
    number from two up in (Chinese 一 is in too many words to look for). Most translations have
    none: the words the term matcher has split the text into (`Matcher.words`, which every check
    of terms asks for) are looked up in a set, where reading them takes a Python loop over every
    word (and over its clitics in Arabic)."""
    base = language.split("_")[0]
    if base == "zh":
        return _ZH_NUMERAL.search(text) is not None
    hint = _hint(base)
    if hint is None:
        return False
    words = matcher.words(text)
    if hint.words.isdisjoint(words):
        # a word read only where it counts something (Haitian Creole de, of and two) and a unit
        return not hint.counted.isdisjoint(words) and not hint.units.isdisjoint(words) \
            and _COUNTING[base].search(normalize(text)) is not None
    return True
