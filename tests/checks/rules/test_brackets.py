"""W307 brackets: brackets and quotation marks balanced in the translation when the source's are."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.checks.rules import brackets

from .helpers import assert_flagged, entry, row_ids, run
from .sentences import ACTIVITY, ACTIVITY_T, planted

ES = ACTIVITY_T["es"]

CLEAN = [
    # locale, source, translation
    ("es", ACTIVITY, ES),
    ("es", ACTIVITY, planted(ES, "Evite", "Evite (sí)")),
    ("es", ACTIVITY, planted(ES, "Evite", "Evite ((sí) (no))")),
    ("es", "Rest (1) or 2)", "Descanse (1) o 2)"),  # the source is unbalanced: nothing to compare
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("es", ACTIVITY, planted(ES, "Evite", "Evite ("), "unbalanced ( )"),
    ("es", ACTIVITY, planted(ES, "Evite", "Evite )sí("), "unbalanced ( )"),
    ("es", ACTIVITY, planted(ES, "Evite", "Evite (sí)) (no("), "unbalanced ( )"),
    ("es", ACTIVITY, planted(ES, "Evite", "Evite «sí"), "unbalanced « »"),
    ("es", ACTIVITY, planted(ES, "Evite", 'Evite "sí'), 'unbalanced " quotation marks'),
]


@pytest.mark.parametrize("locale,msgid,msgstr", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr):
    assert run(brackets, entry(msgid, msgstr, locale)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, expected):
    assert_flagged(run(brackets, entry(msgid, msgstr, locale)), "W307", expected)


def _reference(msgid: str, msgstr: str) -> list[str]:
    """The rule as it reads: every pair in order, then the straight quotation marks."""
    found = [f"unbalanced {pair[0]} {pair[1]}" for pair in brackets.PAIRS
             if brackets._balanced(msgid, pair) and not brackets._balanced(msgstr, pair)]
    if msgid.count('"') % 2 == 0 and msgstr.count('"') % 2 == 1:
        found.append('unbalanced " quotation marks')
    return found


_MARKS = st.text(alphabet="".join(brackets.PAIRS) + '"a ', max_size=12)


@settings(max_examples=400, deadline=None)
@given(_MARKS, _MARKS)
def test_same_findings_as_every_pair_in_turn(msgid, msgstr):
    """The rule looks only at the pairs the translation has a mark of, and the source's balance is
    kept per text: the findings, and their order, are those of trying every pair."""
    assert list(brackets.check(entry(msgid, msgstr, "es"), None, {})) == _reference(msgid, msgstr)


def _balanced_reference(text: str, pair: str) -> bool:
    """A pair's balance read character by character: never more closed than opened, and as many."""
    depth = 0
    for char in text:
        depth += (char == pair[0]) - (char == pair[1])
        if depth < 0:
            return False
    return depth == 0


@settings(max_examples=400, deadline=None)
@given(_MARKS, st.sampled_from(brackets.PAIRS))
def test_balance_is_read_as_character_by_character(text, pair):
    assert brackets._balanced(text, pair) == _balanced_reference(text, pair)
