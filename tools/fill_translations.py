"""Fill catalog translations from a JSON file {msgctxt: translation} (a helper for bulk work).

Usage: python tools/fill_translations.py LOCALE PROCEDURE FILE.json [--fuzzy CTX ...]
Entries not in the JSON are left as they are. Run `pipeline update --locale LOCALE` afterwards.
"""

import json
import sys
from pathlib import Path

import polib

locale, procedure, source = sys.argv[1:4]
fuzzy = set(sys.argv[5:]) if len(sys.argv) > 4 and sys.argv[4] == "--fuzzy" else set()
path = Path("locales") / locale / "LC_MESSAGES" / f"{procedure}.po"
catalog = polib.pofile(str(path), wrapwidth=79)
translations = json.loads(Path(source).read_text("utf-8"))
known = {e.msgctxt for e in catalog}
unknown = sorted(set(translations) - known)
if unknown:
    sys.exit(f"unknown contexts in {source}: {', '.join(unknown)}")
for entry in catalog:
    if entry.msgctxt in translations:
        entry.msgstr = translations[entry.msgctxt]
        if entry.msgctxt in fuzzy and "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")
catalog.save(str(path))
print(f"{path}: {len(translations)} translations")
