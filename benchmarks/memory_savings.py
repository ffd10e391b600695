"""What the translation memory saves on the shipped content: source words pre-filled by `update`.

    .venv/bin/python benchmarks/memory_savings.py

Leave one out: for each locale and procedure, a scratch copy of the shipped content has that
procedure's catalog emptied (every translation, flag and sign-off removed), then `update` runs
and the entries it pre-filled from the memory (exact matches, fuzzy) and the entries it offered
near matches for are counted, in English source words (what a CAT tool's analysis counts).

Two memories per locale: `as shipped` holds the signed-off translations only, as `update` does;
`if signed off` first signs off every finished entry of the copy under a stand-in reviewer (added
to the copy's pipeline.yaml), which is what the memory would hold once a qualified reviewer had
read the locale. Haitian Creole and Arabic have no qualified sign-off in the shipped catalogs,
so their `as shipped` memory is empty and only the second row says what reuse there is to gain.

A second table runs `update` on the catalogs as they are and counts, of the entries untranslated
today, the source words pre-filled and offered, with the same two memories.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.catalog.commands import approved_memory, render, update
from pipeline.catalog.hints import split_hints
from pipeline.catalog.po_reader import read_po
from pipeline.project import Project
from pipeline.review.signoff import set_sign_off

LOCALES = ["es", "zh_Hans", "vi", "ar", "ht"]
STAND_IN = "memory-benchmark-review"


def words(text: str) -> int:
    return len(text.split())


def copy(origin: Path, target: Path) -> None:
    target.mkdir()
    shutil.copy(origin / "pipeline.yaml", target)
    shutil.copytree(origin / "source", target / "source")
    shutil.copytree(origin / "locales", target / "locales")


def sign_everything(root: Path, posix: str) -> None:
    config = (root / "pipeline.yaml").read_text("utf-8")
    config = config.replace("\nreviewers:\n", f"\nreviewers:\n  {STAND_IN}: {{locales: [{posix}]}}\n", 1)
    (root / "pipeline.yaml").write_text(config, "utf-8")
    for path in sorted((root / "locales" / posix / "LC_MESSAGES").glob("*.po")):
        catalog = read_po(path)
        for entry in catalog:
            if not entry.obsolete and entry.msgid and entry.msgstr and "fuzzy" not in entry.flags:
                set_sign_off(entry, STAND_IN, "2026-11-29")
        path.write_bytes(render(catalog))


def empty(path: Path) -> int:
    """Remove every translation of a catalog; the source words of its entries."""
    catalog = read_po(path)
    total = 0
    for entry in catalog:
        if entry.obsolete or not entry.msgid:
            continue
        total += words(entry.msgid)
        entry.msgstr, entry.tcomment = "", ""
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        entry.previous_msgid = None
    path.write_bytes(render(catalog))
    return total


def main() -> None:
    ids = Project(REPO).procedure_ids()
    print("| locale | memory | units | source words | pre-filled (exact, fuzzy) | with near-match suggestions |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as scratch:
        for posix in LOCALES:
            for memory in ("as shipped", "if signed off"):
                total = filled = suggested = units = 0
                for pid in ids:
                    root = Path(scratch) / f"{posix}-{memory.replace(' ', '-')}-{pid}"
                    copy(REPO, root)
                    if memory == "if signed off":
                        sign_everything(root, posix)
                    path = root / "locales" / posix / "LC_MESSAGES" / f"{pid}.po"
                    total += empty(path)
                    project = Project(root)
                    units += len(approved_memory(project, posix))
                    update(project, (posix,), jobs=1)
                    for entry in read_po(path):
                        if entry.obsolete or not entry.msgid:
                            continue
                        kinds = {h.kind for h in split_hints(entry.tcomment)[0]}
                        filled += words(entry.msgid) if "memory" in kinds else 0
                        suggested += words(entry.msgid) if "suggestion" in kinds else 0
                    shutil.rmtree(root)
                print(f"| {posix} | {memory} | {units // len(ids)} | {total} | {filled} ({filled / total:.1%}) "
                      f"| {suggested} ({suggested / total:.1%}) |")
        print()
        print("| locale | memory | untranslated source words today | pre-filled | offered near matches |")
        print("| --- | --- | ---: | ---: | ---: |")
        for posix in LOCALES:
            for memory in ("as shipped", "if signed off"):
                root = Path(scratch) / f"{posix}-today"
                copy(REPO, root)
                if memory == "if signed off":
                    sign_everything(root, posix)
                before = {(pid, e.msgctxt, e.msgid): words(e.msgid) for pid in ids
                          for e in read_po(root / "locales" / posix / "LC_MESSAGES" / f"{pid}.po")
                          if not e.obsolete and e.msgid and not e.msgstr}
                update(Project(root), (posix,), jobs=1)
                filled = suggested = 0
                for pid in ids:
                    for e in read_po(root / "locales" / posix / "LC_MESSAGES" / f"{pid}.po"):
                        if (pid, e.msgctxt, e.msgid) in before:
                            kinds = {h.kind for h in split_hints(e.tcomment)[0]}
                            filled += words(e.msgid) if "memory" in kinds else 0
                            suggested += words(e.msgid) if "suggestion" in kinds else 0
                shutil.rmtree(root)
                total = sum(before.values())
                print(f"| {posix} | {memory} | {total} | {filled} | {suggested} |")


if __name__ == "__main__":
    main()
