"""The writer prints real catalogs byte for byte as GNU msgcat does (the fixture's files)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pipeline.catalog.commands import render
from pipeline.catalog.po_reader import read_po

from ..conftest import FIXTURE

FILES = sorted((FIXTURE / "locales/templates").glob("*.pot")) + sorted((FIXTURE / "locales").glob("*/LC_MESSAGES/*.po"))


def test_the_fixture_has_templates_and_catalogs():
    assert len(FILES) >= 24


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(FIXTURE)))
def test_msgcat_round_trip_is_byte_identical(path: Path):
    printed = subprocess.run(["msgcat", str(path)], check=True, capture_output=True).stdout
    assert printed == path.read_bytes()
    assert render(read_po(path)) == printed


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: es\\n"\n\n'
LONG = " ".join(["word"] * 20)
OBSOLETE = [
    # an obsolete entry as msgmerge (Poedit's "Update from POT") leaves it: its flags stay, as msgcat keeps them
    '#, python-brace-format\n#~ msgctxt "contact.call"\n#~ msgid "Call {clinic_phone}."\n#~ msgstr "Llame al {clinic_phone}."\n',
    '#, fuzzy, python-brace-format\n#~| msgid "Call {clinic_name}."\n#~ msgid "Call {clinic_phone}."\n'
    '#~ msgstr "Llame al {clinic_phone}."\n',
    f'#, no-wrap\n#~ msgid "{LONG} a"\n#~ msgstr "{LONG} b"\n',
]


@pytest.mark.parametrize("entry", OBSOLETE, ids=["format-flag", "fuzzy-previous", "no-wrap"])
def test_an_obsolete_entry_is_printed_as_msgcat_prints_it(tmp_path: Path, entry: str):
    path = tmp_path / "es.po"
    path.write_text(HEADER + entry, "utf-8")
    printed = subprocess.run(["msgcat", str(path)], check=True, capture_output=True).stdout
    assert printed == path.read_bytes()
    assert render(read_po(path)) == printed
