"""A catalog with two live entries for one context (a bad git merge makes one): update loses neither."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.catalog.po_reader import read_po

CATALOG = "locales/es/LC_MESSAGES/endoscopic-rhizotomy.po"
STALE = ('#, fuzzy\nmsgctxt "title"\nmsgid "Rhizotomy for back pain"\nmsgstr "Rizotomía para el dolor"\n\n')


def add_stale_double(root: Path, where: str) -> tuple[str, str]:
    """Add a fuzzy entry for the context "title" with an older source, before or after the current
    one; return the current entry's translation and translator comment."""
    path = root / CATALOG
    text = path.read_text("utf-8")
    current = text.index('msgctxt "title"\n')
    start = text.rindex("\n\n", 0, current) + 2
    end = text.index("\n\n", current) + 2
    at = start if where == "before" else end
    path.write_text(text[:at] + STALE + text[at:], "utf-8")
    entry = next(e for e in read_po(root / CATALOG) if e.msgctxt == "title"
                 and e.msgid != "Rhizotomy for back pain")
    return entry.msgstr, entry.tcomment


@pytest.mark.parametrize("where", ["before", "after"])
def test_update_keeps_the_current_translation_and_obsoletes_the_double(content_root, run, where):
    msgstr, tcomment = add_stale_double(content_root, where)
    assert "signed-off:" in tcomment

    result = run("update")
    assert result.exit_code == 0, result.output

    catalog = read_po(content_root / CATALOG)
    titles = [e for e in catalog if e.msgctxt == "title"]
    live = [e for e in titles if not e.obsolete]
    obsolete = [e for e in titles if e.obsolete]
    assert [(e.msgid, e.msgstr, e.tcomment, e.flags) for e in live] == [
        ("Endoscopic rhizotomy for back pain", msgstr, tcomment, [])]
    assert [(e.msgid, e.msgstr) for e in obsolete] == [("Rhizotomy for back pain", "Rizotomía para el dolor")]
    assert run("update", "--check").exit_code == 0


def test_a_double_whose_source_left_the_template_keeps_both_translations(content_root, run):
    add_stale_double(content_root, "after")
    procedure = content_root / "source/procedures/endoscopic-rhizotomy.yaml"
    text = procedure.read_text("utf-8")
    procedure.write_text(text.replace("Endoscopic rhizotomy for back pain", "Endoscopic rhizotomy for pain", 1),
                         "utf-8")
    assert run("extract").exit_code == 0
    assert run("update").exit_code == 0

    titles = [e for e in read_po(content_root / CATALOG) if e.msgctxt == "title"]
    live = [e for e in titles if not e.obsolete]
    # the signed-off translation is the one offered for the changed source, the stale one stays obsolete
    assert [(e.msgstr, e.previous_msgid, "fuzzy" in e.flags) for e in live] == [
        ("Rizotomía endoscópica para el dolor de espalda", "Endoscopic rhizotomy for back pain", True)]
    assert [(e.msgid, e.msgstr) for e in titles if e.obsolete] == [
        ("Rhizotomy for back pain", "Rizotomía para el dolor")]
