"""Locales: parsing user input into CLDR locales, and the checked-in registry that pins them.

Folders use the POSIX form (``es``, ``zh_Hans``, ``pt_BR``); bundles use BCP 47 (``zh-Hans``).
Every fact about a locale (plural forms, direction, names) comes from Babel's CLDR data when the
locale is added and is then pinned in ``locales/locales.yaml``, which the content lead may edit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property

import babel
from babel import Locale, UnknownLocaleError
from babel.core import get_global

from .errors import InputError

_CODE = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class LocaleInfo:
    """One target locale as the pipeline uses it."""

    posix: str
    bcp47: str
    english_name: str
    native_name: str
    direction: str  # "ltr" or "rtl"
    plural_forms: str
    plural_categories: tuple[str, ...]
    fallback: tuple[str, ...] = ()

    @property
    def nplurals(self) -> int:
        match = re.search(r"nplurals\s*=\s*(\d+)", self.plural_forms)
        return int(match.group(1)) if match else 2

    @cached_property  # asked for every entry by several checks
    def language(self) -> str:
        return self.posix.split("_")[0]


def parse_locale(code: str, source_language: str = "en") -> Locale:
    """Turn ``es-MX``, ``es_MX`` or ``zh-Hans`` into a CLDR locale; refuse anything else."""
    if not _CODE.fullmatch(code):
        raise InputError(f"{code!r} is not a locale code: use a form such as es, es_MX, es-MX or "
                         "zh_Hans (no encodings, paths or modifiers)")
    normalized = code.replace("-", "_")
    locale = _cldr_locale(normalized)
    if locale is None:
        raise InputError(f"unknown locale {code!r}: CLDR has no such locale "
                         "(check the language code, e.g. es, vi, zh_Hans)")
    if str(locale).lower() != normalized.lower():
        raise InputError(f"{code!r} is an alias that CLDR turns into {locale}: use {locale} "
                         "explicitly so the folder and the language agree")
    if locale.variant:
        raise InputError(f"{code!r} has a variant ({locale.variant}): bundles and app locale matching "
                         "take a language, script and region only (e.g. ca, ca_ES)")
    if locale.language == source_language and not locale.territory and not locale.script:
        raise InputError(f"{code!r} is the source language: it has no catalogs to translate")
    return locale


def _cldr_locale(code: str) -> Locale | None:
    """The CLDR locale Babel reads a POSIX code as (es_MX, zh_Hans), None where CLDR has none."""
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None


def spellings(locale: Locale) -> tuple[str, str]:
    """A CLDR locale's POSIX and BCP 47 spellings (``zh_Hans``, ``zh-Hans``), without loading its
    data: what reading the registry confirms of each locale."""
    return str(locale), "-".join(p for p in (locale.language, locale.script, locale.territory, locale.variant) if p)


def describe(locale: Locale) -> LocaleInfo:
    """The registry facts for a CLDR locale (read from CLDR when a locale is added)."""
    from babel.messages.plurals import get_plural  # gettext's plural tables: only here

    posix, bcp47 = spellings(locale)
    categories = tuple(sorted(set(locale.plural_form.tags) | {"other"}))
    return LocaleInfo(
        posix=posix,
        bcp47=bcp47,
        english_name=locale.english_name or posix,
        native_name=locale.display_name or posix,
        direction="rtl" if locale.character_order == "right-to-left" else "ltr",
        plural_forms=get_plural(locale).plural_forms,
        plural_categories=categories,
    )


# --- subtags: the same locale however a tool spells it ----------------------------------------------

Subtags = tuple[str, str, str]  # language, script, region ("" when absent)


def split(tag: str) -> Subtags | None:
    """``zh_Hans_CN`` or ``es-419`` as (language, script, region); None for tags with variants."""
    parts = tag.replace("_", "-").split("-")
    language, script, region = parts[0].lower(), "", ""
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha() and not script and not region:
            script = part.title()
        elif (len(part) == 2 and part.isalpha() or len(part) == 3 and part.isdigit()) and not region:
            region = part.upper()
        else:
            return None
    return language, script, region


def bcp47(subtags: Subtags) -> str:
    return "-".join(p for p in subtags if p)


def likely(language: str, region: str) -> Subtags:
    """CLDR's likely subtags of a language (and region): es -> es, Latn, ES; zh_TW -> zh, Hant, TW."""
    likely: Mapping[str, str] = get_global("likely_subtags")
    found = likely.get(f"{language}_{region}") if region else None
    found = found or likely.get(language) or language
    full = split(found)
    return full if full is not None else (language, "", "")


@cache
def without_sole_script(subtags: Subtags) -> Subtags:
    """``subtags`` without a script that is the language's own by CLDR's likely subtags and that CLDR
    keeps no locale of its own for: es-Latn is es (Spanish is written in Latin letters only),
    ar-Arab-EG is ar-EG, so that a tool that writes the script in names the same language, not a
    new one. A script that tells a language's locales apart (zh-Hans and zh-Hant, sr-Cyrl and
    sr-Latn) stays, and so does one that is not the language's (es-Arab), which ``cldr_fault``
    refuses."""
    language, script, region = subtags
    if not script or likely(language, region)[1] != script:
        return subtags
    locale = _cldr_locale(f"{language}_{script}")
    return (language, "", region) if locale is not None and not locale.script else subtags


def default_script(language: str) -> str:
    return likely(language, "")[1]


def explicit(tag: str) -> Subtags:
    """A shipped locale's subtags with its script made explicit (``es`` -> es, Latn, '')."""
    parsed = split(tag)
    if parsed is None:
        raise ValueError(f"locale {tag!r} has variants")
    language, script, region = parsed
    return language, script or likely(language, region)[1], region


def same_language(tag: str, wanted: str) -> bool:
    """Whether a tag a CAT tool wrote (``en-US``, ``es-ES``, ``ZH-CN``) names the ``wanted``
    language: language and script agree, the script filled in from the likely subtags (``zh-CN``
    is Simplified Chinese, ``zh-TW`` is not), and the regions too when both name one (``es-ES``
    serves ``es``, not ``es-MX``)."""
    try:
        have, want = explicit(tag), explicit(wanted)
    except ValueError:  # a tag with variants: only the very same tag
        return tag.replace("_", "-").lower() == wanted.replace("_", "-").lower()
    return have[:2] == want[:2] and (not have[2] or not want[2] or have[2] == want[2])


def default_region_of(tag: str, language: str) -> bool:
    """Whether ``tag`` is ``language`` written with the region CLDR takes it to mean (es-ES is es,
    zh-CN is zh_Hans, en-US is en); es-MX is not es."""
    try:
        have, base = explicit(tag), explicit(language)
    except ValueError:  # a tag with variants
        return False
    if have[:2] != base[:2] or not have[2] or base[2]:
        return False
    table: Mapping[str, str] = get_global("likely_subtags")
    full = split(table.get(f"{base[0]}_{base[1]}") or table.get(base[0]) or "")
    return full is not None and full[2] == have[2]


@cache
def cldr_fault(tag: str) -> str | None:
    """Why a language tag a file gives (``xx``, ``tlh``, ``es-XX``, ``iw``) names no locale CLDR
    knows, None where it names one: the test ``parse_locale`` makes for `pipeline init`, so that no
    language comes in that no locale of the project could ever have. Babel reads an unknown script or
    region, an old code and ``und`` as another locale (sr-ZZ as sr_Cyrl_RS, iw as he_IL, und as
    en_US): such a tag is refused too, saying which. A tag that differs from its locale only by the
    default script CLDR fills in is that locale (zh-CN is zh_Hans_CN, as CAT tools write it). A tag
    with a variant is not a locale here (``split``)."""
    subtags = split(tag)
    if subtags is None:
        return "which has a variant or extension"
    locale = _cldr_locale("_".join(part for part in subtags if part))
    if locale is None:
        return "which names no locale CLDR knows"
    if explicit(str(locale)) != explicit(bcp47(subtags)):
        return f"which CLDR does not know as written (it reads it as {spellings(locale)[1]})"
    return None


@cache
def right_to_left(tag: str) -> bool:
    """Whether text in the language of a BCP 47 tag is written right to left (CLDR's character
    order); False for a tag CLDR does not know."""
    try:
        return bool(Locale.parse(tag, sep="-").character_order == "right-to-left")
    except (ValueError, UnknownLocaleError):
        return False


def cldr_version() -> str:
    return str(babel.core.get_cldr_version())
