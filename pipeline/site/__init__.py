"""`pipeline report`: a static, self-contained review site (no network, no CDN).

gather (model.py) -> render_site (render.py) -> one atomic swap of the output folder, the way
bundles are written: a reader never sees a half-written site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..fsutil import replace_tree
from ..project import Project
from .model import CELL_STATES, Site, gather
from .render import render_site

MARKERS = ("index.html", "static/report.js")  # how a folder written by `pipeline report` is recognised


@dataclass(frozen=True)
class ReportResult:
    out: Path
    files: tuple[str, ...]
    locales: int
    procedures: int
    states: tuple[tuple[str, int], ...]  # (cell state, count) over the target locales

    def count(self, state: str) -> int:
        return dict(self.states).get(state, 0)


def _check_target(project: Project, out: Path) -> None:
    """The whole folder is replaced: refuse anything that is not a new folder or an earlier site."""
    target = out.resolve()
    if target.exists() and not target.is_dir():
        raise InputError("--out is a file: name a folder for the site", str(out))
    if target == project.root or target in project.root.parents:
        raise InputError("--out would replace the content root: name a folder of its own (default dist/report)",
                         str(out))
    if target.is_dir() and any(target.iterdir()) and not all((target / m).is_file() for m in MARKERS):
        raise InputError("--out is a folder that `pipeline report` did not write and it would be replaced "
                         "whole: name a new or empty folder", str(out))


def report(project: Project, out: Path) -> ReportResult:
    """Write the review site of ``project`` to ``out``, replacing an earlier site whole."""
    _check_target(project, out)
    site: Site = gather(project)
    files = render_site(site)
    replace_tree(out, files)
    states = tuple((key, site.cells_in(key)) for key, _, _ in CELL_STATES)
    return ReportResult(out, tuple(sorted(files)), len(site.targets), len(site.procedures), states)
