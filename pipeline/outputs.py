"""The one guard for commands that replace a folder whole (`build`, `report`).

A folder is replaced only when it is new, empty, or recognisably the command's own earlier
output. Content (the content root, its ancestors, anything holding a project, a repository,
sources or catalogs) is never a candidate, whatever --out says.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .errors import InputError
from .fsutil import read_input

# Whatever holds one of these is someone's work, never an output folder.
PROTECTED_ENTRIES = ("pipeline.yaml", ".git", "source", "locales")

Recogniser = Callable[[Path], bool]


def has_files(*names: str) -> Recogniser:
    """A recogniser: the folder holds every one of these files."""
    return lambda folder: all((folder / name).is_file() for name in names)


def pipeline_manifest(folder: Path) -> bool:
    """A recogniser for bundles: a manifest.json that `pipeline build` wrote (a web app's own
    manifest.json, which many public/ folders hold, does not count)."""
    try:
        manifest = json.loads(read_input(folder / "manifest.json", "manifest.json"))
    except (InputError, ValueError):  # missing, unreadable, without end (/dev/zero) or not JSON
        return False
    return isinstance(manifest, dict) and manifest.get("generator", {}).get("name") == "pipeline"


def _refuse(message: str, out: Path, default: str) -> InputError:
    return InputError(f"{message}: name a folder of its own (default {default})", str(out))


def check_output_folder(root: Path, out: Path, ours: Recogniser, command: str, default: str) -> None:
    """Raise InputError unless ``out`` may be replaced whole by ``command``.

    ``root`` is the content root; ``ours`` recognises the command's earlier output; ``default``
    names the usual folder for the message."""
    target = out.resolve()
    content = root.resolve()
    if target.exists() and not target.is_dir():
        raise _refuse("--out is a file", out, default)
    if target == content or target in content.parents:
        raise _refuse("--out would replace the content root", out, default)
    inside = [content / name for name in PROTECTED_ENTRIES]
    if any(target == area or area in target.parents for area in inside):
        raise _refuse("--out is inside the content (sources, catalogs or .git)", out, default)
    if not target.is_dir():
        return
    held = [name for name in PROTECTED_ENTRIES if (target / name).exists()]
    if held:
        raise _refuse(f"--out holds {held[0]}, so it is someone's work", out, default)
    if any(target.iterdir()) and not ours(target):
        raise _refuse(f"--out is a folder that `pipeline {command}` did not write and it would be "
                      "replaced whole", out, default)
