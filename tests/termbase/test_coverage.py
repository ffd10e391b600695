"""What the safety checks can look for in a language: the shipped termbase and markers against
languages they list in full, in part, or not at all."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.project import Project
from pipeline.termbase.coverage import Coverage, coverage
from pipeline.termbase.model import Termbase
from pipeline.termbase.negation import Negation

from ..conftest import FIXTURE

_PROJECT = Project(FIXTURE)
_TERMBASE, _NEGATION = _PROJECT.termbase, _PROJECT.negation
_PARTIAL = Termbase(tuple(dataclasses.replace(c, terms={k: v for k, v in c.terms.items() if k != "es"})
                          if c.id in ("spine", "week") else c for c in _TERMBASE.concepts))
_ONLY_ENGLISH = Negation({"en": _NEGATION.languages["en"]})

COVERAGE = [
    # termbase, markers, termbase language (es for es_MX: termbase_language), what is missing
    (_TERMBASE, _NEGATION, "es", Coverage((), False, ())),
    (_TERMBASE, _ONLY_ENGLISH, "es", Coverage(("es",), False, ())),
    (_TERMBASE, Negation(), "es", Coverage(("en", "es"), False, ())),
    (_PARTIAL, _NEGATION, "es", Coverage((), False, ("spine", "week"))),
    (_TERMBASE, _NEGATION, "he", Coverage(("he",), True, ())),
]


@pytest.mark.parametrize(("termbase", "negation", "language", "expected"), COVERAGE)
def test_what_the_safety_checks_lack(termbase: Termbase, negation: Negation, language: str,
                                     expected: Coverage) -> None:
    found = coverage(termbase, negation, "en", language)
    assert found == expected
    assert found.complete is (expected == Coverage((), False, ()))


def test_the_concepts_without_a_term_are_listed_up_to_a_limit() -> None:
    assert Coverage((), False, tuple("abcdefg")).unnamed_list() == "a, b, c, d, e, …"
    assert Coverage((), False, ("a", "b")).unnamed_list() == "a, b"
