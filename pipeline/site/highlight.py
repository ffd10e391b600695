"""Termbase terms in a text, as plain segments the template wraps in <mark>: never HTML built here.

The Matcher finds terms on the NFC, case-folded text; spans are mapped back to the NFC text
character by character, so a fold that changes length (ß -> ss) still lands on whole characters. A
text not in NFC (decomposed accents) is shown as written, without terms: the page never shows
characters the catalog does not hold.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from ..termbase.matching import Hit, Matcher, termbase_language
from ..termbase.model import Concept, Term, Termbase


@dataclass(frozen=True)
class Segment:
    text: str
    title: str = ""  # what hovering shows; empty for text that is not a term
    kind: str = ""  # "approved" or "deprecated" for a term, else ""


def _fold_map(nfc: str) -> list[int] | None:
    """For each index of the case-folded text, the index of the NFC character it came from."""
    starts: list[int] = []
    for index, char in enumerate(nfc):
        starts.extend([index] * len(char.casefold()))
    if len(starts) != len(nfc.casefold()):
        return None  # casefold was not character by character: show the text without terms
    starts.append(len(nfc))
    return starts


def _spans(hits: list[Hit]) -> list[tuple[int, int, list[Hit]]]:
    """Non-overlapping spans, the longest term first; hits on the same span are kept together."""
    spans: list[tuple[int, int, list[Hit]]] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start), h.concept.id, h.term.text)):
        if spans and (hit.start, hit.end) == spans[-1][:2]:
            spans[-1][2].append(hit)
        elif not spans or hit.start >= spans[-1][1]:
            spans.append((hit.start, hit.end, [hit]))
    return spans


def _names(terms: tuple[Term, ...]) -> str:
    return ", ".join(t.display + (" (do not translate)" if t.dnt else "") for t in terms)


class Highlighter:
    """Terms of one language pair: the source language and a catalog locale."""

    def __init__(self, termbase: Termbase, source_language: str, posix: str, target_name: str) -> None:
        self.source_language = source_language
        self.target_language = termbase_language(termbase, posix)
        self.target_name = target_name
        self.source = Matcher(termbase, source_language)
        self.target = Matcher(termbase, self.target_language)

    def _source_title(self, concept: Concept, term: Term) -> str:
        approved = concept.approved(self.target_language)
        wanted = f"approved {self.target_name} term: {_names(approved)}" if approved else \
            f"no approved {self.target_name} term yet"
        if not term.approved:
            preferred = concept.preferred(self.source_language)
            return f"{term.display} (deprecated: use {preferred.display if preferred else '?'}) — {wanted}"
        return f"{term.display} — {wanted}"

    def _target_title(self, concept: Concept, term: Term) -> str:
        preferred = concept.preferred(self.source_language)
        source = f" for “{preferred.display}”" if preferred else ""
        if term.approved:
            return f"{term.display} — approved {self.target_name} term{source}"
        return f"{term.display} — deprecated: use {_names(concept.approved(self.target_language)) or '?'}{source}"

    def _segments(self, text: str, matcher: Matcher, title: Callable[[Concept, Term], str]) -> tuple[Segment, ...]:
        nfc = unicodedata.normalize("NFC", text)
        starts = _fold_map(nfc)
        if starts is None or nfc != text or not text:  # spans on the NFC text would show other characters
            return (Segment(text),) if text else ()
        out: list[Segment] = []
        position = 0
        for start, end, hits in _spans(matcher.find(text)):
            begin, finish = starts[start], starts[end - 1] + 1
            if begin > position:
                out.append(Segment(nfc[position:begin]))
            titles = list(dict.fromkeys(title(h.concept, h.term) for h in hits))
            kind = "approved" if all(h.term.approved for h in hits) else "deprecated"
            out.append(Segment(nfc[begin:finish], "; ".join(titles), kind))
            position = finish
        if position < len(nfc):
            out.append(Segment(nfc[position:]))
        return tuple(out)

    def source_segments(self, text: str) -> tuple[Segment, ...]:
        return self._segments(text, self.source, self._source_title)

    def target_segments(self, text: str) -> tuple[Segment, ...]:
        return self._segments(text, self.target, self._target_title)

    def terms(self, text: str) -> tuple[tuple[str, str], ...]:
        """(source term, approved target terms) for each concept the source text mentions."""
        out = []
        for hit in self.source.concepts_in(text, approved_only=True):
            approved = hit.concept.approved(self.target_language)
            if approved:
                out.append((hit.term.display, _names(approved)))
        return tuple(out)
