"""A defect planted into a copy of the fixture content, for the tests of whole check runs."""

from __future__ import annotations

from pathlib import Path

import polib


def plant_inconsistency(root: Path) -> None:
    """A heading the procedures share translated differently in one of them (W308, locale-wide),
    in one edit of the Spanish rhizotomy catalog."""
    catalog = root / "locales/es/LC_MESSAGES/endoscopic-rhizotomy.po"
    entry = next(e for e in polib.pofile(str(catalog)) if e.msgid == "Common questions")
    text = catalog.read_text("utf-8")
    old = f'msgid "Common questions"\nmsgstr "{entry.msgstr}"'
    assert old in text
    catalog.write_text(text.replace(old, f'{old[:-1]} (revisadas)"'), "utf-8")
