"""An entry with plural forms has exactly the locale's number of forms, all translated."""

CODE = "W303"
NAME = "plural-forms"
SEVERITY = "warning"
SCOPE = "entry"
SAFETY = False
OPTIONS: dict = {}


def check(entry, ctx, options):
    if entry.msgid_plural is None:
        return
    expected = ctx.info.nplurals
    if len(entry.msgstr_plural) != expected:
        yield f"{len(entry.msgstr_plural)} plural forms, the locale needs {expected}"
    elif not all(entry.msgstr_plural):
        yield "some plural forms are empty"
