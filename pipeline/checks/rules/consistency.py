"""The same source text is translated the same way everywhere in a locale.

A sentence that appears in several procedures (a contact line, a warning) with two different
translations confuses patients and reviewers; one of them is probably outdated.
"""

CODE = "W308"
NAME = "inconsistent-translation"
SEVERITY = "warning"
SCOPE = "locale"
SAFETY = False
OPTIONS: dict = {}


def check(catalogs, ctx, options):
    first = {}
    for catalog in catalogs:
        for entry in catalog.entries:
            if not entry.msgstr or entry.fuzzy:
                continue
            seen = first.setdefault(entry.msgid, entry)
            if seen.msgstr != entry.msgstr:
                yield entry, (f"translated differently in {seen.procedure} ({seen.msgctxt}): "
                              f"«{seen.msgstr}»")
