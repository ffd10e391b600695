"""The termbase model (TBX-Basic shape): concepts with terms per language. No file knowledge."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

STATUSES = ("preferred", "admitted", "deprecated")
APPROVED = ("preferred", "admitted")
MATCH_MODES = ("exact", "stem", "prefix", "forms", "substring")
SUBJECTS = ("anatomy", "condition", "procedure", "tool", "care", "medication", "count", "time", "unit")
UNIT_SUBJECTS = ("time", "unit")  # the concepts that are units of time or measure (E202, E209)
# What a number may count besides a unit: the times something is done ("3 times a day") and the
# tablets or capsules of a dose. A number must stay with it (E209), but the word itself is not one a
# translation must repeat (E202): "at all times" names no count.
QUANTITY_SUBJECTS = (*UNIT_SUBJECTS, "count")
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "other")


@dataclass(frozen=True)
class Term:
    text: str  # as written; in prefix mode a "|" marks where a word's fixed stem ends
    status: str
    pos: str = "noun"
    match: str | None = None  # None: the language's default mode
    forms: tuple[str, ...] = ()
    dnt: bool = False
    note: str | None = None
    line: int | None = field(default=None, compare=False)  # where the term is in an imported file
    # words that hold the term without naming it (Chinese 周围, "around", holds 周, "week"): an
    # occurrence inside one is not the term; for terms found as substrings
    exceptions: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        return self.text.replace("|", "")

    @cached_property  # asked of every hit by several checks: after the first time, an attribute
    def approved(self) -> bool:
        return self.status in APPROVED


@dataclass(frozen=True)
class Concept:
    id: str
    subject: str
    definition: str
    terms: dict[str, tuple[Term, ...]] = field(default_factory=dict)  # language -> terms
    line: int | None = None  # where the concept starts in its file, for messages
    # the definitions an imported file gives the concept besides ``definition`` (a second CSV row's,
    # a second TBX definition), each with its line: the import reports them as conflicts
    other_definitions: tuple[tuple[str, int | None], ...] = field(default=(), compare=False)
    # likewise the subjects in the termbase's words it gives besides ``subject`` (a second CSV row's,
    # a second subjectField)
    other_subjects: tuple[tuple[str, int | None], ...] = field(default=(), compare=False)

    def terms_for(self, language: str) -> tuple[Term, ...]:
        return self.terms.get(language, ())

    def approved(self, language: str) -> tuple[Term, ...]:
        return self._approved.get(language, ())

    @cached_property
    def _approved(self) -> dict[str, tuple[Term, ...]]:
        """The approved terms per language, worked out once: checks ask for every hit."""
        return {language: tuple(t for t in terms if t.approved) for language, terms in self.terms.items()}

    def preferred(self, language: str) -> Term | None:
        for term in self.terms_for(language):
            if term.status == "preferred":
                return term
        approved = self.approved(language)
        return approved[0] if approved else None


@dataclass(frozen=True)
class Termbase:
    concepts: tuple[Concept, ...]

    def concept(self, concept_id: str) -> Concept | None:
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        return None

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({lang for c in self.concepts for lang in c.terms}))
