"""A locale's language has negation markers and a term for every concept (said once per locale).

The lost-negation check (E207) counts the markers `source/negation.yaml` lists for the source
language and for the translation's, and the units and terms checks (E202, E203, E204, E209) look for
the termbase's terms in the translation's language: a language with no markers or no terms listed is
not checked by them, nor a concept without an approved term in it, and a new locale would
otherwise pass them in silence. Add the language's markers (docs/negation.md) and terms
(docs/termbase.md); a regional locale uses its base language's (es for es_MX). The finding is
attached to the locale's first translated entry; an `ignore:` comment there does not silence it
(set the check's severity in pipeline.yaml to accept the gap).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...termbase.coverage import coverage
from ...wording import count
from ..model import Catalog, Entry, LocaleContext, Options

CODE = "W319"
NAME = "safety-coverage"
SEVERITY = "warning"
SCOPE = "locale"
SAFETY = True  # a locale-wide gap: a translator's comment on one entry cannot hide it
OPTIONS: dict[str, object] = {}


def check(catalogs: Sequence[Catalog], ctx: LocaleContext, options: Options) -> Iterator[tuple[Entry, str]]:
    first = next((e for c in catalogs for e in c.entries if e.msgstr), None)
    if first is None:
        return
    gaps = coverage(ctx.termbase, ctx.negation, ctx.source.language, ctx.language)
    name = f"{ctx.info.english_name} ({ctx.info.posix})"
    if gaps.unmarked:
        unlisted = [f"the source language ({lang})" if lang == ctx.source.language else name for lang in gaps.unmarked]
        yield first, (f"no negation markers for {' and '.join(unlisted)}: lost negations (E207) are not checked; "
                      "add the language's markers to source/negation.yaml")
    if gaps.no_terms:
        yield first, (f"no termbase terms for {name}: units and terms (E202, E203, E204, E209) are not checked; add "
                      "the language's terms to source/termbase.yaml")
    elif gaps.unnamed:
        yield first, (f"no approved term for {name} in {count(len(gaps.unnamed), 'concept')} "
                      f"({gaps.unnamed_list()}): units and terms (E202, E203, E209) are not checked for them; add the "
                      "terms to source/termbase.yaml")
