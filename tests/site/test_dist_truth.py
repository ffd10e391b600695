"""The review site says what dist/ holds for a cell whenever that is not what the working tree would
publish, and `make build` writes the site even when the build is blocked (still failing)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from pipeline.project import Project
from pipeline.site.model import gather

from ..conftest import REPO
from ..release.test_lifecycle import add_procedure, fix_english_number


def cells(root: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    site = gather(Project(root))
    return {(row.posix, c.procedure_id): (c.state, c.in_dist) for row in site.locales for c in row.cells}


def test_cells_show_what_dist_holds_when_it_differs(content_root, run):
    assert set(v[1] for v in cells(content_root).values()) == {None}  # no build yet: nothing to compare
    assert run("build").exit_code == 0
    assert set(v[1] for v in cells(content_root).values()) == {None}  # dist/ is what the tree publishes
    fix_english_number(run, content_root)
    found = cells(content_root)
    assert found[("en", "endoscopic-neurotomy")] == ("published", "published")  # an older English in dist/
    assert found[("es", "endoscopic-neurotomy")] == ("outdated", "published")
    assert found[("es", "endoscopic-discectomy")] == ("published", None)
    assert run("report").exit_code == 0
    page = (content_root / "dist/report/index.html").read_text("utf-8")
    assert page.count("In <code>dist/</code>: published, not what the working tree would publish") == 4  # en es vi zh
    assert run("build").exit_code == 0
    assert {v[1] for v in cells(content_root).values()} == {None}


def test_make_build_writes_the_site_when_the_build_is_blocked(content_root, tmp_path):
    shutil.copy(REPO / "Makefile", content_root / "Makefile")
    # `setup` is up to date (what it is made from is older than its stamp): the repository's venv is used
    rule = next(line for line in (REPO / "Makefile").read_text("utf-8").splitlines() if line.startswith("$(STAMP):"))
    for name in rule.split(":", 1)[1].split():
        (content_root / name).parent.mkdir(parents=True, exist_ok=True)
        (content_root / name).write_text("")
        os.utime(content_root / name, (0, 0))
    add_procedure(content_root, "facet-injection", None)  # active and untranslated: required locales block
    venv = REPO / ".venv"
    result = subprocess.run(["make", "-s", "build", f"BIN={venv}/bin", f"STAMP={venv}/.installed-stamp"],
                            cwd=content_root, capture_output=True, text=True)
    assert result.returncode != 0
    assert "es/facet-injection" in result.stderr
    assert (content_root / "dist/report/index.html").is_file()
