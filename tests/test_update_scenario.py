"""Editing the source never loses a translation: the msgmerge contract, end to end via the CLI."""

from __future__ import annotations

import os
from pathlib import Path

import polib

from pipeline import parallel
from pipeline.catalog.commands import render
from pipeline.catalog.po_reader import read_po

PROCEDURE = "source/procedures/endoscopic-rhizotomy.yaml"
CATALOG = "locales/es/LC_MESSAGES/endoscopic-rhizotomy.po"


def translate_everything(root: Path) -> dict[str, str]:
    """Give every entry of the Spanish catalog a known translation; return them by context."""
    path = root / CATALOG
    catalog = read_po(path)
    for entry in catalog:
        entry.msgstr = f"[es] {entry.msgid}"
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        entry.previous_msgid = None
    path.write_bytes(render(catalog))
    return {e.msgctxt: e.msgstr for e in catalog if not e.obsolete}


def edit_source(root: Path) -> None:
    path = root / PROCEDURE
    text = path.read_text("utf-8")
    # 1. insert a list item in the middle of a list
    anchor = "          - id: not-improved\n"
    text = text.replace(anchor, "          - id: new-item\n            text: Pain that wakes you at night.\n"
                        + anchor, 1)
    # 2. change a number in a sentence
    assert "less than 60 minutes" in text
    text = text.replace("less than 60 minutes", "less than 90 minutes", 1)
    # 3. delete a paragraph
    start = text.index("      - id: lamina\n")
    end = text.index("  - id: before\n")
    text = text[:start] + text[end:]
    path.write_text(text, "utf-8")


def test_edit_extract_update_keeps_every_translation(content_root, run):
    before = translate_everything(content_root)
    edit_source(content_root)

    assert run("extract").exit_code == 0
    assert run("update", "--check").exit_code == 1
    result = run("update")
    assert result.exit_code == 0, result.output

    catalog = read_po(content_root / CATALOG)
    live = {e.msgctxt: e for e in catalog if not e.obsolete}
    obsolete = {e.msgctxt: e for e in catalog if e.obsolete}
    fuzzy = {ctx for ctx, e in live.items() if "fuzzy" in e.flags}
    new = {ctx for ctx, e in live.items() if not e.msgstr}

    assert fuzzy == {"during.duration"}
    changed = live["during.duration"]
    assert "60 minutes" in changed.previous_msgid and "90 minutes" in changed.msgid
    assert changed.msgstr == before["during.duration"]  # the old translation is offered, not dropped
    assert set(obsolete) == {"comparison.lamina"}
    assert obsolete["comparison.lamina"].msgstr == before["comparison.lamina"]
    assert new == {"indications.suitable.new-item"}
    untouched = set(before) - {"during.duration", "comparison.lamina"}
    assert {ctx: live[ctx].msgstr for ctx in untouched} == {ctx: before[ctx] for ctx in untouched}
    assert not any("fuzzy" in live[ctx].flags for ctx in untouched)
    # document order follows the source: the new item sits between its neighbours
    order = [e.msgctxt for e in catalog if not e.obsolete]
    i = order.index("indications.suitable.new-item")
    assert order[i - 1:i + 2] == ["indications.suitable.block-relief", "indications.suitable.new-item",
                                  "indications.suitable.not-improved"]


def test_translating_a_fuzzy_entry_again_then_reverting_the_source(content_root, run):
    """A fuzzy entry keeps the source its translation was made for, across several edits."""
    translate_everything(content_root)
    path = content_root / PROCEDURE
    text = path.read_text("utf-8")
    path.write_text(text.replace("less than 60 minutes", "less than 90 minutes", 1), "utf-8")
    run("extract"), run("update")
    path.write_text(text.replace("less than 60 minutes", "less than 75 minutes", 1), "utf-8")
    run("extract"), run("update")
    entry = next(e for e in read_po(content_root / CATALOG) if e.msgctxt == "during.duration")
    assert "fuzzy" in entry.flags and "60 minutes" in entry.previous_msgid


def test_second_update_changes_no_byte_and_rewrites_nothing(content_root, run):
    assert run("extract").exit_code == 0
    assert run("update").exit_code == 0
    files = sorted((content_root / "locales").rglob("*.po")) + sorted((content_root / "locales").rglob("*.pot"))
    for path in files:
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    snapshot = {p: p.read_bytes() for p in files}
    assert run("extract").exit_code == 0
    result = run("update")
    assert result.exit_code == 0 and "(0 written)" in result.output
    assert {p: p.read_bytes() for p in files} == snapshot
    assert all(p.stat().st_mtime_ns == 1_000_000_000 for p in files)
    assert run("update", "--check").exit_code == 0
    assert run("extract", "--check").exit_code == 0


def test_check_modes_write_nothing_and_fail_when_stale(content_root, run):
    path = content_root / PROCEDURE
    path.write_text(path.read_text("utf-8").replace("less than 60 minutes", "less than 90 minutes", 1))
    template = content_root / "locales/templates/endoscopic-rhizotomy.pot"
    before = template.read_bytes()
    result = run("extract", "--check")
    assert result.exit_code == 1
    assert "locales/templates/endoscopic-rhizotomy.pot: stale" in result.output
    assert template.read_bytes() == before


def test_written_files_are_atomic_outputs_with_mode_0644(content_root, run):
    translate_everything(content_root)
    edit_source(content_root)
    run("extract"), run("update")
    for path in (content_root / "locales").rglob("*.po*"):
        assert oct(path.stat().st_mode & 0o777) == "0o644"
    assert not list((content_root / "locales").rglob("*.tmp"))


def test_removed_untranslated_entry_is_simply_dropped(content_root, run):
    """An entry nobody translated has no work to keep: it disappears, as with msgmerge + msgcat."""
    path = content_root / PROCEDURE
    text = path.read_text("utf-8")
    start = text.index("      - id: lamina\n")
    path.write_text(text[:start] + text[text.index("  - id: before\n"):], "utf-8")
    run("extract"), run("update", "--locale", "ht")
    catalog = polib.pofile(str(content_root / "locales/ht/LC_MESSAGES/endoscopic-rhizotomy.po"))
    assert "comparison.lamina" not in {e.msgctxt for e in catalog}


def test_worker_pool_update_writes_the_same_bytes(content_root, tmp_path, monkeypatch):
    import shutil

    from pipeline.catalog import commands as workflow
    from pipeline.project import Project

    translate_everything(content_root)
    edit_source(content_root)
    workflow.extract(Project(content_root))
    twin = tmp_path / "twin"
    shutil.copytree(content_root, twin)
    serial = workflow.update(Project(content_root), jobs=1)
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    pooled = workflow.update(Project(twin), jobs=2)
    assert [(o.locale, o.procedure, o.file.state) for o in pooled.outcomes] == \
           [(o.locale, o.procedure, o.file.state) for o in serial.outcomes]
    assert any(o.file.state == "written" for o in serial.outcomes)
    for path in sorted(content_root.glob("locales/*/LC_MESSAGES/*.po")):
        assert (twin / path.relative_to(content_root)).read_bytes() == path.read_bytes(), path
