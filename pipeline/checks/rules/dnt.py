"""A do-not-translate term of the source appears verbatim in the translation.

Names flagged `dnt` in the termbase (for example the symbol mm, or MRI where the language keeps
it) must be copied letter for letter, case included, in a language whose approved terms for the
concept are all do-not-translate. Where the language also approves a translated term (Chinese
毫米 for mm), either is accepted, and the term check sees to it that one is used.
"""

CODE = "E205"
NAME = "dnt-altered"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict = {}


def check(entry, ctx, options):
    for hit in ctx.source.find(entry.msgid):
        source_text = entry.msgid[hit.start:hit.end]
        if not hit.term.dnt:
            continue
        approved = hit.concept.approved(ctx.language)
        target_dnt = [t for t in approved if t.dnt]
        if not target_dnt or len(target_dnt) < len(approved):
            continue
        if not any(t.display in entry.msgstr for t in target_dnt):
            yield f"'{source_text}' must stay as '{target_dnt[0].display}' (do not translate)"
