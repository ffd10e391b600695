"""A registered locale has at least one reviewer in pipeline.yaml.

A procedure is published in a locale only when its entries are signed off by a reviewer listed
for that locale (`reviewers:` id -> locales). A locale nobody may review can never be published,
however complete its translations: add a qualified reviewer, or set `fallback: string` knowing
what it means.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Options, ProjectLayout

CODE = "W317"
NAME = "no-reviewer"
SEVERITY = "warning"
SCOPE = "project"
SAFETY = False
OPTIONS: dict[str, object] = {}


def check(layout: ProjectLayout, options: Options) -> Iterator[tuple[str, int, str]]:
    for posix in layout.locales:
        if not layout.reviewers.get(posix):
            line, _ = layout.places.get(f"locales.{posix}", layout.places.get("reviewers", (1, 1)))
            yield "pipeline.yaml", line, (f"no reviewer is listed for {posix}: nothing in it can be signed off, so "
                                          f"it can never be published; add one under `reviewers:` with "
                                          f"`locales: [{posix}]`")
