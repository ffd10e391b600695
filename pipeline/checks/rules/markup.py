"""No markup, link, URL or e-mail address in a translation that the source lacks.

Bundles are rendered by apps: an HTML tag, an entity, an event-handler attribute (`onerror=`), a
`javascript:` link or a Markdown link added by a translator (or a compromised tool) must never
reach a patient's screen. URLs and e-mail addresses must be exactly the source's.
"""

import re

CODE = "E102"
NAME = "markup"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict = {}

PATTERNS = {
    "HTML tag": re.compile(r"</?[A-Za-z][^<>]*>|<!--|-->"),
    "HTML entity": re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);"),
    "event-handler attribute": re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE),
    "script link": re.compile(r"\b(?:javascript|vbscript|data):", re.IGNORECASE),
    "Markdown link": re.compile(r"!?\[[^\]]*\]\([^)]*\)"),
    "URL": re.compile(r"\b(?:https?|ftp)://[^\s<>\"]+|\bwww\.[^\s<>\"]+", re.IGNORECASE),
    "e-mail address": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
}


# Every pattern above needs one of these; most sentences have none, so most entries stop here.
_TRIGGER = re.compile(r"[<>&=@\[]|://|www\.|script:|data:", re.IGNORECASE)


def check(entry, ctx, options):
    if not _TRIGGER.search(entry.msgstr) and not _TRIGGER.search(entry.msgid):
        return
    for kind, pattern in PATTERNS.items():
        source = set(pattern.findall(entry.msgid))
        target = set(pattern.findall(entry.msgstr))
        for token in sorted(target - source):
            yield f"{kind} {token!r} is not in the source: remove it"
        if kind in ("URL", "e-mail address"):
            for token in sorted(source - target):
                yield f"{kind} {token!r} from the source is missing: copy it unchanged"
