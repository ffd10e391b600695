"""What the safety checks can look for in a language: its negation markers and its terms.

The lost-negation check counts the markers of the source language and of the translation's; the
units and terms checks look for a concept's approved terms in the translation's language. A
language without them is not checked by them: `coverage` says what is missing, for the check
that reports it (W319) and for `pipeline init`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Termbase
from .negation import Negation


@dataclass(frozen=True)
class Coverage:
    unmarked: tuple[str, ...]  # the source language and the language, those without negation markers
    no_terms: bool  # the termbase has no term in the language
    unnamed: tuple[str, ...]  # concepts without an approved term in the language (none listed when no_terms)

    @property
    def complete(self) -> bool:
        return not (self.unmarked or self.no_terms or self.unnamed)

    def unnamed_list(self, shown: int = 5) -> str:
        """The first ``shown`` concepts without a term, "…" after them when there are more."""
        return ", ".join(self.unnamed[:shown]) + (", …" if len(self.unnamed) > shown else "")


def coverage(termbase: Termbase, negation: Negation, source_language: str, language: str) -> Coverage:
    """What ``termbase`` and ``negation`` lack for the safety checks of a translation from
    ``source_language`` into ``language`` (termbase language codes)."""
    unmarked = tuple(lang for lang in dict.fromkeys((source_language, language)) if negation.for_language(lang) is None)
    no_terms = not any(concept.terms_for(language) for concept in termbase.concepts)
    unnamed = () if no_terms else tuple(c.id for c in termbase.concepts if not c.approved(language))
    return Coverage(unmarked, no_terms, unnamed)
