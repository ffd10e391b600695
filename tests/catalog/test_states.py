"""The one definition of "translated", as every part of the pipeline asks it."""

from __future__ import annotations

import polib
import pytest

from pipeline.catalog.states import TranslationState, forms_of, has_translation, state_of, translation_state
from pipeline.checks.engine import entry_scope
from pipeline.checks.model import Entry, Scope

U, F, T = TranslationState.UNTRANSLATED, TranslationState.FUZZY, TranslationState.TRANSLATED


@pytest.mark.parametrize(("forms", "fuzzy", "state", "any_text"), [
    (("",), False, U, False),
    (("",), True, U, False),  # a fuzzy flag on nothing is still nothing
    (("Hola",), False, T, True),
    (("Hola",), True, F, True),
    (("uno", "otros"), False, T, True),
    (("uno", ""), False, U, True),  # a plural entry is translated only with every form
    (("uno", ""), True, F, True),
    (("", ""), False, U, False),
])
def test_translation_state(forms, fuzzy, state, any_text):
    assert translation_state(forms, fuzzy) is state
    assert has_translation(forms) is any_text


@pytest.mark.parametrize(("forms", "fuzzy", "scope"), [
    (("Hola",), False, Scope.ENTRY),
    (("Hola",), True, Scope.FUZZY),
    (("",), False, None),
    (("uno", ""), False, Scope.ENTRY),  # not translated, but its text is checked (W303 names the gap)
    (("uno", "otros"), False, Scope.ENTRY),
])
def test_checks_look_at_every_text_a_translator_wrote(forms, fuzzy, scope):
    plural = len(forms) > 1
    entry = Entry("es", "p", "f.po", 1, "ctx", "one", forms[0], msgid_plural="many" if plural else None,
                  msgstr_plural=forms if plural else (), fuzzy=fuzzy)
    assert entry_scope(entry) == scope
    assert entry.translated is (translation_state(forms, fuzzy) is T)
    assert entry.translated is (forms != ("uno", "") and scope is Scope.ENTRY)


def test_a_polib_entry_and_a_check_entry_agree():
    po = polib.POEntry(msgid="one", msgid_plural="many", msgstr_plural={0: "uno", 1: ""})
    assert forms_of(po) == ["uno", ""]
    assert state_of(po) is U
