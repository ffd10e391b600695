"""The content lead's release workflow (README, "Releasing one procedure at a time"), end to end on a
copy of this repository as CI sees it: the committed release record, no dist/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from pipeline.catalog.commands import render
from pipeline.catalog.po_reader import read_po
from pipeline.cli import main

NEUROTOMY = "source/procedures/endoscopic-neurotomy.yaml"
ES_NEUROTOMY = "locales/es/LC_MESSAGES/endoscopic-neurotomy.po"


class Lead:
    """A content lead at the content root: runs commands and reads what apps get."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.runner = CliRunner()

    def __call__(self, *args: str) -> Result:
        return self.runner.invoke(main, ["--root", str(self.root), *args], catch_exceptions=False)

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.root / name
        text = path.read_text("utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), "utf-8")

    def merge(self) -> None:
        assert self("extract").exit_code == 0 and self("update").exit_code == 0

    def cell(self, posix: str, pid: str) -> dict[str, Any]:
        manifest = json.loads((self.root / "dist/bundles/manifest.json").read_text("utf-8"))
        locale = next(loc for loc in manifest["locales"] if loc["posix"] == posix)
        found: dict[str, Any] = next(p for p in locale["procedures"] if p["id"] == pid)
        return found

    def shipped(self, bcp47: str, pid: str) -> str:
        return (self.root / f"dist/bundles/{bcp47}/{pid}.json").read_text("utf-8")


def test_the_content_leads_release_workflow(content_root: Path) -> None:
    lead = Lead(content_root)
    assert lead("build").exit_code == 0  # a fresh clone: everything signed off ships
    assert lead.cell("es", "endoscopic-neurotomy")["status"] == "published"

    # 1. A new procedure starts as a draft: translated and reviewed, never published, never blocking.
    (content_root / "source/procedures/facet-injection.yaml").write_text(
        "id: facet-injection\nstatus: draft\ntitle: Facet joint injection\n"
        "summary: An injection of medicine into a small joint of your spine.\nsections:\n"
        "  - id: overview\n    title: What is a facet joint injection?\n    blocks:\n"
        "      - id: what\n        paragraph: Your doctor injects medicine into a facet joint.\n", "utf-8")
    lead.merge()
    assert lead("build").exit_code == 0
    assert lead.cell("es", "facet-injection")["status"] == "draft"

    # 2. An English figure is corrected: English ships at once, Spanish keeps its last good version.
    lead.edit(NEUROTOMY, "heavy lifting for at least 2–4 weeks.", "heavy lifting for at least 4–6 weeks.")
    lead.edit(NEUROTOMY, "Wait at least 2–4 weeks", "Wait at least 4–6 weeks")
    lead.merge()
    plan = lead("release", "plan", "--format", "json")
    assert plan.exit_code == 0
    outcomes = {(c["posix"], c["procedure"]): c["outcome"] for c in json.loads(plan.output)["cells"]}
    assert outcomes[("en", "endoscopic-neurotomy")] == "new" and outcomes[("es", "endoscopic-neurotomy")] == "outdated"
    assert lead("build").exit_code == 0
    assert "4–6 weeks" in lead.shipped("en", "endoscopic-neurotomy")
    assert "2–4 semanas" in lead.shipped("es", "endoscopic-neurotomy")
    spanish = lead.cell("es", "endoscopic-neurotomy")
    assert spanish["status"] == "outdated" and spanish["reason_codes"] == ["source-changed", "fuzzy", "sample-review"]

    # 3. The old figure is unsafe: the lead withdraws the Spanish at once; es is required, so the
    #    build fails (naming the cell) until a new translation is signed off, but the withdrawal ships.
    assert lead("release", "withdraw", "--locale", "es", "--procedure", "endoscopic-neurotomy",
                "--reason", "the old recovery time is unsafe").exit_code == 0
    blocked = lead("build")
    assert blocked.exit_code == 1 and "es/endoscopic-neurotomy: withdrawn on" in blocked.output
    assert not (content_root / "dist/bundles/es/endoscopic-neurotomy.json").exists()
    assert lead.cell("es", "endoscopic-neurotomy")["withdrawn"]["reason"] == "the old recovery time is unsafe"
    catalog = read_po(content_root / ES_NEUROTOMY)
    for entry in catalog:
        if "fuzzy" in entry.flags:
            entry.msgstr = entry.msgstr.replace("2–4 semanas", "4–6 semanas")
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
    (content_root / ES_NEUROTOMY).write_bytes(render(catalog))
    assert lead("review", "approve", "--locale", "es", "--reviewer", "es-clinical-review",
                "--procedure", "endoscopic-neurotomy").exit_code == 0
    assert lead("build").exit_code == 0
    assert lead.cell("es", "endoscopic-neurotomy")["status"] == "published"
    assert "4–6 semanas" in lead.shipped("es", "endoscopic-neurotomy")

    # 4. A procedure is retired: it leaves every bundle, and the manifest tells apps to delete it.
    lead.edit("source/procedures/endoscopic-rhizotomy.yaml", "id: endoscopic-rhizotomy\n",
              "id: endoscopic-rhizotomy\nstatus: retired\n")
    assert lead("build").exit_code == 0
    assert lead.cell("es", "endoscopic-rhizotomy")["status"] == "retired"
    assert not list((content_root / "dist/bundles").rglob("endoscopic-rhizotomy*"))

    # 5. A section id is renamed and declared: translations and sign-offs stay, nothing goes outdated.
    lead.edit("source/procedures/endoscopic-discectomy.yaml", "  - id: overview\n", "  - id: about\n")
    lead.edit("source/procedures/endoscopic-discectomy.yaml", "id: endoscopic-discectomy\n",
              "id: endoscopic-discectomy\nrenamed_from: {about: overview}\n")
    lead.merge()
    assert lead("build").exit_code == 0
    for posix in ("es", "zh_Hans", "vi"):
        assert lead.cell(posix, "endoscopic-discectomy")["status"] == "published"
    assert lead("build", "--check").exit_code == 0
