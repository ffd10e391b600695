"""The guidance `pipeline update` writes on each entry (term hints) survives the tools translators
use on PO files: after a round trip through each, `pipeline update` has nothing to change."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from translate.storage import po as ttk_po

from pipeline.catalog.commands import render
from pipeline.catalog.hints import Hint, hint_lines, split_hints
from pipeline.catalog.po_reader import read_po

CATALOG = "locales/es/LC_MESSAGES/endoscopic-discectomy.po"
TEMPLATE = "locales/templates/endoscopic-discectomy.pot"


def _msgmerge(po: Path, pot: Path) -> None:
    # What Poedit's "Update from POT" and Weblate's msgmerge add-on run.
    subprocess.run(["msgmerge", "--quiet", "--previous", "--backup=off", "-U", str(po), str(pot)], check=True)


def _msgcat(po: Path, pot: Path) -> None:
    subprocess.run(["msgcat", "-o", str(po), str(po)], check=True)


def _polib(po: Path, pot: Path) -> None:
    polib.pofile(str(po)).save()


def _translate_toolkit(po: Path, pot: Path) -> None:
    # Weblate reads and writes PO files through translate-toolkit's PO storage.
    store = ttk_po.pofile.parsefile(str(po))
    po.write_bytes(bytes(store))


# tool, its round trip, whether its output is byte-identical to the pipeline's (polib re-wraps every
# msgid and msgstr its own way, so only `pipeline update`, not `--check`, is clean after it)
TOOLS: list[tuple[str, Callable[[Path, Path], None], bool]] = [
    ("msgmerge --previous -U", _msgmerge, True),
    ("msgcat", _msgcat, True),
    ("polib load/save", _polib, False),
    ("translate-toolkit (Weblate)", _translate_toolkit, True),
]


def _hints_by_entry(path: Path) -> dict[str, list[Hint]]:
    return {e.msgctxt: split_hints(e.tcomment)[0] for e in read_po(path) if not e.obsolete}


@pytest.mark.parametrize("name, tool, byte_identical", TOOLS, ids=[t[0] for t in TOOLS])
def test_hints_survive_a_round_trip(content_root: Path, run, name: str, tool, byte_identical: bool) -> None:
    assert run("update").exit_code == 0
    po, pot = content_root / CATALOG, content_root / TEMPLATE
    # a translator's own comment, even one that looks like the old hint, comes through untouched
    po.write_text(po.read_text("utf-8").replace('msgctxt "summary"\n', '# Terms: mine\nmsgctxt "summary"\n', 1))
    assert run("update").exit_code == 0
    before_bytes = po.read_bytes()
    before = _hints_by_entry(po)
    assert sum(len(h) for h in before.values()) > 30

    tool(po, pot)

    assert _hints_by_entry(po) == before, f"{name} lost or changed hints"
    check = run("update", "--check")
    if byte_identical:
        assert check.exit_code == 0, check.output
    assert run("update").exit_code == 0
    assert po.read_bytes() == before_bytes


def _as_extracted_notes(path: Path) -> None:
    """Rewrite a catalog the way earlier versions wrote term hints: one extracted comment line."""
    catalog = read_po(path)
    for entry in catalog:
        hints, others = split_hints(entry.tcomment)
        if hints:
            entry.tcomment = "\n".join(others)
            entry.comment = "\n".join([entry.comment or "", "Terms: " + "; ".join(h.text for h in hints)]).strip()
    path.write_bytes(render(catalog))


def test_update_migrates_extracted_term_notes_once(content_root: Path, run) -> None:
    po = content_root / CATALOG
    _as_extracted_notes(po)
    assert "#. Terms: " in po.read_text("utf-8")
    assert run("update", "--check").exit_code == 1
    assert run("update").exit_code == 0
    text = po.read_text("utf-8")
    assert "#. Terms: " not in text
    assert "# (pipeline) term: disc = disco\n" in text
    assert run("update", "--check").exit_code == 0


def test_a_translator_comment_is_kept_beside_the_hints(content_root: Path, run) -> None:
    po = content_root / CATALOG
    assert run("update").exit_code == 0
    text = po.read_text("utf-8")
    text = text.replace('msgctxt "summary"\n', '# Terms: I chose the shorter word\nmsgctxt "summary"\n', 1)
    po.write_text(text, "utf-8")
    assert run("update").exit_code == 0
    entry = next(e for e in read_po(po) if e.msgctxt == "summary")
    hints, others = split_hints(entry.tcomment)
    assert "Terms: I chose the shorter word" in others
    assert [h.kind for h in hints] == ["term"] * 4


@pytest.mark.parametrize("text", [
    "disc = disco",
    "lower back = parte baja de la espalda, zona lumbar, región lumbar, espalda baja",
    "a " * 90,
])
def test_hint_lines_fit_polib_width_and_read_back(text: str) -> None:
    lines = hint_lines(Hint("term", text))
    assert all(len(line) <= 76 for line in lines)  # polib wraps comment lines longer than 78 - len("# ")
    hints, others = split_hints("\n".join(["signed-off: a 2026-01-01 0123456789abcdef", *lines, "mine"]))
    assert hints == [Hint("term", " ".join(text.split()))] and others == [
        "signed-off: a 2026-01-01 0123456789abcdef", "mine"]
