"""A termbase concept named in the source is named with an approved term in the translation.

For every concept the source mentions (the longest match wins: "herniated disc" is one concept,
not also "disc"), the translation must contain one of its preferred or admitted terms in the
locale's language, found with the term's match mode (inflections tolerated).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Entry, LocaleContext, Options

CODE = "E203"
NAME = "term-missing"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS = {"subjects": ["anatomy", "condition", "procedure", "tool", "care", "medication"]}


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    wanted = [hit for hit in ctx.source.concepts_in(entry.msgid, approved_only=True)
              if hit.concept.subject in options["subjects"]]
    if not wanted:
        return
    target = {hit.concept.id for hit in ctx.target.find(entry.msgstr) if hit.term.approved}
    for hit in wanted:
        approved = hit.concept.approved(ctx.language)
        if approved and hit.concept.id not in target:
            terms = " / ".join(t.display for t in approved)
            yield f"'{hit.term.display}' must be translated with the approved term {terms}"
