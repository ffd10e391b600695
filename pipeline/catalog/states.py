"""Where an entry stands in translation: the one definition of "translated".

An entry is translated when every one of its forms (one, or one per plural category) has text
and it is not marked fuzzy. A fuzzy entry with text counts as fuzzy, never as translated: it
waits for a translator's confirmation and never ships. Counting, checking, releasing and review
all ask this module, so the rule cannot drift between them.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

import polib


class TranslationState(StrEnum):
    UNTRANSLATED = "untranslated"
    FUZZY = "fuzzy"
    TRANSLATED = "translated"


def translation_state(forms: Sequence[str], fuzzy: bool) -> TranslationState:
    """The state of an entry with these translated forms; a partly translated plural entry is
    untranslated (unless fuzzy: then it is fuzzy, as the translator left it)."""
    if not any(forms):
        return TranslationState.UNTRANSLATED
    if fuzzy:
        return TranslationState.FUZZY
    return TranslationState.TRANSLATED if all(forms) else TranslationState.UNTRANSLATED


def is_translated(forms: Sequence[str], fuzzy: bool) -> bool:
    return translation_state(forms, fuzzy) is TranslationState.TRANSLATED


def has_translation(forms: Sequence[str]) -> bool:
    """Whether the entry holds any translated text at all: work that a merge must never drop."""
    return any(forms)


def forms_of(entry: polib.POEntry) -> list[str]:
    """An entry's translated forms, in plural-index order."""
    if entry.msgid_plural:
        return [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def state_of(entry: polib.POEntry) -> TranslationState:
    return translation_state(forms_of(entry), "fuzzy" in entry.flags)
