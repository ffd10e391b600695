"""A termbase concept named in the source is named with an approved term in the translation.

For every concept the source mentions (the longest match wins: "herniated disc" is one concept,
not also "disc"), the translation must contain one of its preferred or admitted terms in the
locale's language, found with the term's match mode (inflections tolerated). A concept the
source names more often than the translation does, where the translation names more often than
the source a concept the source has only inside it, was rendered as that shorter term: "pressure
on a nerve root. A nerve root is part of a nerve" with its first "nerve root" rendered "nervio".

A word with a letter that only looks like a real one (the Cyrillic о in "abultadо", the
full-width letters of "ＭＲＩ", the Cyrillic М in "МRI") names no term: a patient's search or a
screen reader does not take it for one. Where the translation has such a word and a concept is
missing, the finding names the letter, as the text looks right to whoever reads it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ...termbase import lookalike
from ...termbase.matching import Hit, Matcher, named_counts, uncovered
from ...termbase.model import SUBJECTS
from ..model import Entry, LocaleContext, Options
from ..text import prose

CODE = "E203"
NAME = "term-missing"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS = {"subjects": ["anatomy", "condition", "procedure", "tool", "care", "medication"]}
OPTION_CHOICES = {"subjects": SUBJECTS}  # a subject no concept has would silently check nothing


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _nesting(matcher: Matcher, text: str) -> tuple[dict[str, int], dict[str, dict[str, str]]]:
    """How often the source names each concept (not counting one inside a longer term of another),
    and, for each concept, the concepts found inside its terms, with their English term (nerve
    inside nerve root)."""
    hits = [hit for hit in matcher.find(text) if hit.term.approved]  # by start, longest first
    inner: dict[str, dict[str, str]] = {}
    for index, outer in enumerate(hits):
        # only the hits that start before this one ends can be inside it: linear for most texts
        after = index + 1
        while after < len(hits) and hits[after].start < outer.end:
            hit = hits[after]
            after += 1
            if hit.concept.id != outer.concept.id and hit.end <= outer.end and (hit.start, hit.end) != (
                    outer.start, outer.end):
                inner.setdefault(outer.concept.id, {}).setdefault(hit.concept.id, hit.term.display)
    return named_counts(uncovered(hits)), inner


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _wanted(matcher: Matcher, text: str, subjects: tuple[str, ...]) -> tuple[tuple[Hit, ...], bool]:
    """The concepts of ``subjects`` the source names (one hit each), and whether one of them is
    named more than once with another concept inside its term (what the second test looks for)."""
    wanted = tuple(hit for hit in matcher.concepts_in(text, approved_only=True) if hit.concept.subject in subjects)
    if not wanted:
        return wanted, False
    named, inner = _nesting(matcher, text)
    return wanted, any(named.get(hit.concept.id, 0) > 1 and hit.concept.id in inner for hit in wanted)


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    source = prose(entry.msgid)  # a link's address names no term: it is copied as written
    wanted, nested = _wanted(ctx.source, source, tuple(options["subjects"]))
    if not wanted:
        return
    found = ctx.target.find(prose(entry.msgstr))
    target = {hit.concept.id for hit in found if hit.term.approved}
    odd: str | None = None
    for hit in wanted:
        if hit.concept.id in target:  # most: asked first, the approved terms only when missing
            continue
        if approved := hit.concept.approved(ctx.language):
            terms = " / ".join(t.display for t in approved)
            odd = lookalike.odd_word_note(entry.msgstr) if odd is None else odd
            yield f"'{hit.term.display}' must be translated with the approved term {terms}{odd}"
    if not nested:
        return  # most entries: no concept named twice with another inside it
    named, inner = _nesting(ctx.source, source)
    rendered = named_counts(uncovered([hit for hit in found if hit.term.approved]))
    for hit in wanted:
        concept, times = hit.concept.id, rendered.get(hit.concept.id, 0)
        if concept not in target or times >= named.get(concept, 0):
            continue
        for other, english in sorted(inner.get(concept, {}).items()):
            if rendered.get(other, 0) > named.get(other, 0):
                written = next(entry.msgstr[h.start:h.end] for h in found if h.concept.id == other)
                terms = " / ".join(t.display for t in hit.concept.approved(ctx.language))
                yield (f"'{hit.term.display}' is named {named[concept]} times in the source, its approved term "
                       f"{terms} {times} time{'s' if times > 1 else ''}, and {english} ({written}) more often than "
                       f"the source: a {hit.term.display} rendered as just a {english}?")
                break
