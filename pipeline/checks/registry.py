"""The one list of checks. A check is on when it is listed here; `--list` prints this catalogue."""

from __future__ import annotations

from .model import CheckSpec, Scope
from .rules import (
                    ambiguous,
                    brackets,
                    completeness,
                    consistency,
                    dnt,
                    ignore_comment,
                    length,
                    long_sentence,
                    markup,
                    negation,
                    no_reviewer,
                    number_words,
                    numbers,
                    opposites,
                    orphaned_file,
                    placeholders,
                    plurals,
                    punctuation,
                    quantities,
                    reading_level,
                    rtl_order,
                    safety_coverage,
                    sentence_count,
                    source_deprecated,
                    spelling,
                    spelling_dictionary,
                    stale,
                    term_deprecated,
                    term_missing,
                    unchanged,
                    units,
                    unreviewed,
                    whitespace,
)

MODULES = (
    placeholders, markup,                                                    # E1 structure
    numbers, units, term_missing, term_deprecated, dnt, source_deprecated, negation,  # E2 patient safety
    rtl_order, quantities, opposites,
    completeness, stale, plurals, unchanged, whitespace, punctuation, brackets,  # W3 completeness
    consistency, ambiguous, length, long_sentence, number_words, reading_level,  # and quality
    spelling, spelling_dictionary, safety_coverage, sentence_count,
    unreviewed, no_reviewer,                                                 # review
    orphaned_file,                                                           # layout
    ignore_comment,                                                          # and silencing
)

REGISTRY: tuple[CheckSpec, ...] = tuple(
    CheckSpec(code=m.CODE, name=m.NAME, severity=m.SEVERITY, scope=Scope(m.SCOPE), safety=m.SAFETY,
              options=dict(m.OPTIONS), module=m)
    for m in MODULES
)

BY_CODE = {spec.code: spec for spec in REGISTRY}
BY_NAME = {spec.name: spec for spec in REGISTRY}
