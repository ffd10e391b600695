"""Helpers for the review-site tests: the fixture content's release matrix, a planted hostile
translation."""

from __future__ import annotations

from pathlib import Path

from pipeline.catalog.commands import render
from pipeline.catalog.po_reader import read_po

# The fixture content's cell state per locale, procedures in the dashboard's column order; the
# model tests read the keys, the browser tests the labels the dashboard shows for them.
MATRIX = [
    ("en", ("published",) * 4),
    ("es", ("published",) * 4),
    ("zh_Hans", ("published",) * 4),
    ("vi", ("published", "published", "withheld", "withheld")),
    ("ar", ("withheld",) * 4),
    ("ht", ("withheld",) * 4),
]

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def plant(root: Path, locale: str = "es", procedure: str = "endoscopic-discectomy", msgctxt: str = "summary",
          text: str = HOSTILE) -> str:
    """Append ``text`` to one translation in a catalog under ``root``; return the new translation."""
    path = root / "locales" / locale / "LC_MESSAGES" / f"{procedure}.po"
    catalog = read_po(path, str(path))
    entry = next(e for e in catalog if e.msgctxt == msgctxt)
    entry.msgstr = f"{entry.msgstr} {text}"
    path.write_bytes(render(catalog))
    return entry.msgstr
