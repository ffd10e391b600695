"""Cells a spreadsheet must never run: CSV written for people who open it in Excel or LibreOffice.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a formula
(``=HYPERLINK(...)`` runs when the sheet is opened). As OWASP advises, such a cell is written with
a leading apostrophe, which spreadsheets show as text; a cell that already starts with an
apostrophe gets one more, so that `restore` gives back exactly what was written.
"""

from __future__ import annotations

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(TRIGGERS) else text


def restore(text: str) -> str:
    return text.removeprefix("'")
