"""Read PO/POT files strictly: anything gettext would refuse is refused here, with file and line."""

from __future__ import annotations

from pathlib import Path

import polib

from ..errors import InputError
from .fastread import read_entries, to_polib


def parse_po(path: str, data: bytes) -> polib.POFile:
    """Parse PO bytes into a polib catalog, refusing malformed input with file:line."""
    return to_polib(read_entries(path, data))


def read_po(path: Path, display: str | None = None) -> polib.POFile:
    """Read and parse the PO file at ``path``; ``display`` is the name used in error messages."""
    name = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    return parse_po(name, data)
