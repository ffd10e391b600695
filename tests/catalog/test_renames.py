"""An id rename the content lead declares (``renamed_from:``) keeps each unchanged entry's translation and
sign-off; an undeclared one, or one whose text changed too, is offered as fuzzy (as msgmerge would)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pipeline.catalog.po_reader import read_po
from pipeline.review.signoff import ReviewState, review_state_of

NEUROTOMY = "source/procedures/endoscopic-neurotomy.yaml"
CATALOG = "locales/es/LC_MESSAGES/endoscopic-neurotomy.po"
REVIEWERS = frozenset({"es-clinical-review"})


def rename_recovery(root: Path, declare: str | None, new_text: bool = False) -> None:
    path = root / NEUROTOMY
    text = path.read_text("utf-8").replace("  - id: recovery\n", "  - id: healing\n", 1)
    if declare:
        text = text.replace("id: endoscopic-neurotomy\n", f"id: endoscopic-neurotomy\nrenamed_from:\n  {declare}\n", 1)
    if new_text:
        text = text.replace("at least 2–4 weeks.", "at least 4–6 weeks.", 1)
    path.write_text(text, "utf-8")


def states(path: Path) -> dict[str, ReviewState]:
    return {e.msgctxt: review_state_of(e, REVIEWERS) for e in read_po(path) if not e.obsolete}


@pytest.mark.parametrize("declare,new_text,activity,title,cell", [
    ("healing: recovery", False, ReviewState.SIGNED_OFF, ReviewState.SIGNED_OFF, "published"),  # section prefix
    ("healing.activity: recovery.activity", False, ReviewState.SIGNED_OFF, ReviewState.FUZZY, "outdated"),  # one entry
    (None, False, ReviewState.FUZZY, ReviewState.FUZZY, "outdated"),  # undeclared: offered as fuzzy
    ("healing: recovery", True, ReviewState.FUZZY, ReviewState.SIGNED_OFF, "outdated"),  # text changed too
])
def test_declared_renames_keep_translation_and_sign_off(content_root, run, declare, new_text, activity, title, cell):
    assert run("build").exit_code == 0
    before = {e.msgctxt: e.msgstr for e in read_po(content_root / CATALOG)}
    rename_recovery(content_root, declare, new_text)
    assert run("extract").exit_code == 0 and run("update").exit_code == 0
    after = states(content_root / CATALOG)
    assert (after["healing.activity"], after["healing.title"]) == (activity, title)
    moved = {e.msgctxt: e.msgstr for e in read_po(content_root / CATALOG) if not e.obsolete}
    assert moved["healing.activity"] == before["recovery.activity"]  # never lost, at worst fuzzy
    result = run("build")
    assert result.exit_code == 0, result.output
    manifest = json.loads((content_root / "dist/bundles/manifest.json").read_text("utf-8"))
    es = next(loc for loc in manifest["locales"] if loc["posix"] == "es")
    assert next(p for p in es["procedures"] if p["id"] == "endoscopic-neurotomy")["status"] == cell


@pytest.mark.parametrize("new_text,before,after", [
    (False, ReviewState.FUZZY, ReviewState.SIGNED_OFF),  # the moved copy: its sign-off re-keyed
    (True, ReviewState.UNTRANSLATED, ReviewState.FUZZY),  # text changed too: offered as fuzzy, as when declared at once
])
def test_a_declaration_after_an_update_moves_the_translation(content_root, run, new_text, before, after):
    old = {e.msgctxt: e.msgstr for e in read_po(content_root / CATALOG)}["recovery.activity"]
    rename_recovery(content_root, None, new_text)
    assert run("extract").exit_code == 0 and run("update").exit_code == 0
    assert states(content_root / CATALOG)["healing.activity"] is before
    path = content_root / NEUROTOMY
    path.write_text(path.read_text("utf-8").replace("id: endoscopic-neurotomy\n",
                                                    "id: endoscopic-neurotomy\nrenamed_from: {healing: recovery}\n"))
    assert run("extract").exit_code == 0 and run("update").exit_code == 0
    assert states(content_root / CATALOG)["healing.activity"] is after
    assert {e.msgctxt: e.msgstr for e in read_po(content_root / CATALOG) if not e.obsolete}["healing.activity"] == old


def msgmerge(catalog: Path, template: Path, out: Path) -> dict[str, Any]:
    subprocess.run(["msgmerge", "--quiet", "--previous", "-o", str(out), str(catalog), str(template)], check=True)
    return {e.msgctxt: e for e in read_po(out) if not e.obsolete}


def test_gnu_msgmerge_keeps_a_carried_sign_off_and_alone_would_fuzzy_the_rename(content_root, run, tmp_path):
    original = tmp_path / "original.po"
    original.write_bytes((content_root / CATALOG).read_bytes())
    rename_recovery(content_root, "healing: recovery")
    assert run("extract").exit_code == 0 and run("update").exit_code == 0
    template = content_root / "locales/templates/endoscopic-neurotomy.pot"
    ours = msgmerge(content_root / CATALOG, template, tmp_path / "ours.po")
    assert "fuzzy" not in ours["healing.activity"].flags
    assert review_state_of(ours["healing.activity"], REVIEWERS) is ReviewState.SIGNED_OFF
    theirs = msgmerge(original, template, tmp_path / "theirs.po")
    assert review_state_of(theirs["healing.activity"], REVIEWERS) is not ReviewState.SIGNED_OFF
