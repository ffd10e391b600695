"""Files under the content root that nothing reads: templates and catalogs of a procedure that no
longer exists, folders of a locale that is not registered (the pipeline's own folders under
locales/, the templates and the release record, are none), and procedure files whose extension the
pipeline does not read (`.yml`). `pipeline check` reports them (W318); `pipeline clean --orphans`
removes the generated ones, never source content, and never a folder that spells a registered
locale another way (zh-Hans for zh_Hans), which holds a translator's work the pipeline does not
read: that is for a person to move.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..checks.model import Stray
from ..lock import exclusive
from ..project import Project


def _procedure_strays(project: Project) -> list[Stray]:
    out = []
    folder = project.procedures_dir
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.name.startswith(".") or (path.is_file() and path.suffix == ".yaml"):
            continue
        if path.is_file() and path.suffix in (".yml", ".YAML", ".Yaml", ".YML"):
            problem = f"not read: procedures are read from .yaml files only; rename it to {path.stem}.yaml"
        else:
            problem = "not read: source/procedures holds one <id>.yaml file per procedure; move it elsewhere"
        out.append(Stray(project.rel(path) + ("/" if path.is_dir() else ""), problem, removable=False))
    return out


def _locale_strays(project: Project, procedures: set[str], registered: set[str]) -> list[Stray]:
    out = []
    for path in sorted(project.templates_dir.glob("*.pot")):
        if path.stem not in procedures:
            out.append(Stray(project.rel(path), f"template of procedure {path.stem!r}, which does not exist "
                                                "(source/procedures has no such file)", removable=True))
    locales_dir = project.root / "locales"
    spelled = {_spelling(posix): posix for posix in registered}
    for folder in sorted(p for p in locales_dir.iterdir() if p.is_dir()) if locales_dir.is_dir() else []:
        if folder.name.startswith(".") or folder in (project.templates_dir, project.releases_dir):
            continue  # the pipeline's own folders: templates, the release record
        if folder.name not in registered:
            same = spelled.get(_spelling(folder.name))
            if same is None:
                out.append(Stray(project.rel(folder) + "/", f"folder of locale {folder.name!r}, which is not in "
                                                            "locales/locales.yaml", removable=True))
            elif not _same_folder(folder, locales_dir / same):
                # a translator's work saved under another spelling (zh-Hans for zh_Hans): theirs to move
                out.append(Stray(project.rel(folder) + "/", f"not read: the catalogs of {same} are read from "
                                                            f"locales/{same}/; move what it holds there",
                                 removable=False))
            continue
        for path in sorted((folder / "LC_MESSAGES").glob("*.po")):
            if path.stem not in procedures:
                out.append(Stray(project.rel(path), f"catalog of procedure {path.stem!r}, which does not exist "
                                                    "(its translations stay in git history)", removable=True))
    return out


def _spelling(name: str) -> str:
    """A locale folder's name as spellings of one locale share it: zh-Hans, zh_hans, zh_Hans."""
    return name.replace("-", "_").casefold()


def _same_folder(folder: Path, registered: Path) -> bool:
    """Whether a folder is the registered locale's own, as a file system that does not tell
    letter cases apart sees it (locales/ES is locales/es)."""
    try:
        return folder.samefile(registered)
    except OSError:
        return False


def find_strays(project: Project) -> tuple[Stray, ...]:
    """Every stray file and folder under the content root, in path order."""
    procedures = set(project.procedure_ids())
    registered = {info.posix for info in project.locales}
    return tuple(sorted(_procedure_strays(project) + _locale_strays(project, procedures, registered),
                        key=lambda s: s.path))


def remove(project: Project, strays: tuple[Stray, ...]) -> None:
    """Remove the removable strays (files, and whole folders of unregistered locales)."""
    for stray in strays:
        if not stray.removable:
            continue
        path = project.root / stray.path.rstrip("/")
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def clean(project: Project, apply: bool) -> tuple[Stray, ...]:
    """The files nothing reads; with ``apply``, the removable ones are removed, under the
    repository lock."""
    with exclusive(project.root):
        found = find_strays(project)
        if apply:
            remove(project, tuple(s for s in found if s.removable))
    return found
