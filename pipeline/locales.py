"""Locales: parsing user input into CLDR locales, and the checked-in registry that pins them.

Folders use the POSIX form (``es``, ``zh_Hans``, ``pt_BR``); bundles use BCP 47 (``zh-Hans``).
Every fact about a locale (plural forms, direction, names) comes from Babel's CLDR data when the
locale is added and is then pinned in ``locales/locales.yaml``, which the content lead may edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

import babel
from babel import Locale, UnknownLocaleError

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
    try:
        locale = Locale.parse(normalized)
    except (UnknownLocaleError, ValueError):
        raise InputError(f"unknown locale {code!r}: CLDR has no such locale "
                         "(check the language code, e.g. es, vi, zh_Hans)") from None
    if str(locale).lower() != normalized.lower():
        raise InputError(f"{code!r} is an alias that CLDR turns into {locale}: use {locale} "
                         "explicitly so the folder and the language agree")
    if locale.variant:
        raise InputError(f"{code!r} has a variant ({locale.variant}): bundles and app locale matching "
                         "take a language, script and region only (e.g. ca, ca_ES)")
    if locale.language == source_language and not locale.territory and not locale.script:
        raise InputError(f"{code!r} is the source language: it has no catalogs to translate")
    return locale


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


@cache
def right_to_left(bcp47: str) -> bool:
    """Whether text in the language of a BCP 47 tag is written right to left (CLDR's character
    order); False for a tag CLDR does not know."""
    try:
        return bool(Locale.parse(bcp47, sep="-").character_order == "right-to-left")
    except (ValueError, UnknownLocaleError):
        return False


def cldr_version() -> str:
    return str(babel.core.get_cldr_version())
