"""Every file under locales/ and source/procedures is one the pipeline reads.

Deleting a procedure leaves its template and catalogs behind; a folder of a locale removed from
the registry stays; a procedure saved as `.yml` is never read, so its leaflet silently does not
exist. `pipeline clean --orphans` lists, and with `--apply` removes, the generated leftovers
(templates, catalogs, locale folders); a source file with a wrong extension, and a folder that
spells a registered locale another way (zh-Hans for zh_Hans: catalogs saved there are never read),
are for a person to rename or move. The pipeline's own folders under locales/ (templates, and
releases, the record of what was published, which `pipeline build` writes and reads) are never
reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Options, ProjectLayout

CODE = "W318"
NAME = "orphaned-file"
SEVERITY = "warning"
SCOPE = "project"
SAFETY = False
OPTIONS: dict[str, object] = {}


def check(layout: ProjectLayout, options: Options) -> Iterator[tuple[str, int, str]]:
    for stray in layout.strays:
        hint = " (`pipeline clean --orphans` removes it)" if stray.removable else ""
        yield stray.path, 1, stray.problem + hint
