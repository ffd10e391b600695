"""`pipeline report`: a static, self-contained review site (no network, no CDN).

gather (model.py) -> render_site (render.py) -> one atomic swap of the output folder, the way
bundles are written: a reader never sees a half-written site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..fsutil import replace_tree
from ..lock import exclusive
from ..outputs import check_output_folder, has_files
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


def report(project: Project, out: Path) -> ReportResult:
    """Write the review site of ``project`` to ``out``, replacing an earlier site whole."""
    check_output_folder(project.root, out, has_files(*MARKERS), "report", "dist/report")
    with exclusive(project.root):
        site: Site = gather(project)
        files = render_site(site)
        replace_tree(out, files)
    states = tuple((key, site.cells_in(key)) for key, _, _ in CELL_STATES)
    return ReportResult(out, tuple(sorted(files)), len(site.targets), len(site.procedures), states)
