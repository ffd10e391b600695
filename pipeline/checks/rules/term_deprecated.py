"""A deprecated term is used in the translation: use the preferred one instead."""

CODE = "E204"
NAME = "term-deprecated"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict = {}


def check(entry, ctx, options):
    seen = set()
    for hit in ctx.target.find(entry.msgstr):
        if hit.term.status != "deprecated" or hit.term.display in seen:
            continue
        seen.add(hit.term.display)
        preferred = hit.concept.preferred(ctx.language)
        better = f": use '{preferred.display}'" if preferred else ""
        yield f"deprecated term '{hit.term.display}' ({hit.concept.id}){better}"
