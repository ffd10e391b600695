"""One translation is used for different source texts (longer strings only).

Two different English sentences rarely mean the same thing; the same long translation for both
usually means one was pasted in the wrong place. Strings shorter than `min_chars` are skipped.
"""

CODE = "W309"
NAME = "same-translation"
SEVERITY = "warning"
SCOPE = "locale"
SAFETY = False
OPTIONS = {"min_chars": 40}


def check(catalogs, ctx, options):
    first = {}
    for catalog in catalogs:
        for entry in catalog.entries:
            if len(entry.msgstr) < options["min_chars"] or entry.fuzzy:
                continue
            seen = first.setdefault(entry.msgstr, entry)
            if seen.msgid != entry.msgid:
                yield entry, (f"same translation as {seen.procedure} ({seen.msgctxt}), whose source "
                              f"is different: «{seen.msgid}»")
