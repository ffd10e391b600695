"""`pipeline release plan`: what a build would ship per cell, with reason codes and an exit status CI
can use; and fallback honesty: unreviewed strings only when allowed and always counted, flat i18next
files holding only their own language, fallback chains through locales that ship."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pipeline.release.policy import REASON_CODES

from ..conftest import REPO
from ..node_tools import ensure_node_modules
from ..test_bundles import manifest_of, procedure, set_locale_config
from .test_lifecycle import add_procedure, fix_english_number, set_status

AR_LINE = "ar: {required: false, min_translated: 80}"


def plan_json(run: Any) -> tuple[int, dict[tuple[str, str], dict[str, Any]], dict[str, Any]]:
    result = run("release", "plan", "--format", "json")
    data = json.loads(result.output)
    return result.exit_code, {(c["posix"], c["procedure"]): c for c in data["cells"]}, data


def test_plan_says_what_would_ship_per_cell(content_root, run):
    assert run("build").exit_code == 0
    fix_english_number(run, content_root)
    set_status(content_root, "endoscopic-rhizotomy", "retired")
    assert run("release", "withdraw", "--locale", "vi", "--procedure", "endoscopic-discectomy",
               "--reason", "wrong dosage").exit_code == 0
    code, cells, data = plan_json(run)
    assert code == 0 and data["blocked"] == []
    expected = {
        ("en", "endoscopic-neurotomy"): ("new", []),
        ("en", "endoscopic-discectomy"): ("unchanged", []),
        ("es", "endoscopic-neurotomy"): ("outdated", ["source-changed", "fuzzy", "sample-review"]),
        ("es", "endoscopic-discectomy"): ("unchanged", ["sample-review"]),  # es sign-offs are sample data
        ("vi", "endoscopic-discectomy"): ("withdrawn", ["withdrawn"]),
        ("vi", "microdiscectomy-rehabilitation"): ("withheld", ["unreviewed"]),
        ("es", "endoscopic-rhizotomy"): ("retired", ["retired"]),
    }
    assert {k: (cells[k]["outcome"], cells[k]["reason_codes"]) for k in expected} == expected
    assert cells[("es", "endoscopic-neurotomy")]["lags_behind"]["keys"] == ["faq.lifting.answer", "recovery.activity"]
    assert all(code in REASON_CODES for c in cells.values() for code in c["reason_codes"])
    text = run("release", "plan")
    assert "es       endoscopic-neurotomy             outdated  [source-changed, fuzzy, sample-review]" in text.output


def test_plan_and_check_fail_when_a_required_cell_has_nothing_publishable(content_root, run):
    add_procedure(content_root, "facet-injection", None)
    assert run("extract").exit_code == 0 and run("update").exit_code == 0
    code, cells, data = plan_json(run)
    assert code == 1 and data["blocked"] == ["es/facet-injection", "zh_Hans/facet-injection"]
    assert cells[("es", "facet-injection")]["blocking"] and not cells[("vi", "facet-injection")]["blocking"]
    checked = run("build", "--check")
    assert checked.exit_code == 1 and "would be blocked" in checked.output and "es/facet-injection" in checked.output


def test_manifest_schema_lists_every_reason_code():
    schema = json.loads((REPO / "pipeline/schemas/manifest.schema.json").read_text())
    assert sorted(schema["$defs"]["procedure"]["properties"]["reason_codes"]["items"]["enum"]) == sorted(REASON_CODES)


# --- fallback honesty ---------------------------------------------------------------------------

@pytest.mark.parametrize("setting,unreviewed", [
    ("fallback: string", 0),  # only signed-off Arabic strings stand; the rest fall back
    ("fallback: string, allow_unreviewed: true", 36),  # said out loud
])
def test_unreviewed_strings_ship_only_when_allowed_and_are_counted(content_root, run, setting, unreviewed):
    set_locale_config(content_root, AR_LINE, f"ar: {{required: false, min_translated: 80, {setting}}}")
    result = run("build")
    assert result.exit_code == 0, result.output
    entry = procedure(manifest_of(content_root / "dist/bundles"), "ar", "endoscopic-discectomy")
    assert entry["unreviewed_strings"] == unreviewed
    assert ("unreviewed-shipped" in entry["reason_codes"]) == bool(unreviewed)
    total = sum(p["unreviewed_strings"] for loc in manifest_of(content_root / "dist/bundles")["locales"]
                for p in loc["procedures"])
    assert (f"unreviewed: {total} strings ship without a reviewer's sign-off" in result.output) == bool(unreviewed)


def chain(out: Path, pid: str, key: str, *langs: str) -> dict[str, str]:
    files = [f"{lang}={out / lang / f'{pid}.i18n.json'}" for lang in langs]
    result = subprocess.run(["node", str(ensure_node_modules() / "load_chain.mjs"), pid, key, *files],
                            check=True, capture_output=True, text=True)
    data: dict[str, str] = json.loads(result.stdout)
    return data


def test_flat_files_hold_only_their_own_language_and_i18next_falls_back(content_root, run):
    set_locale_config(content_root, AR_LINE, f"{AR_LINE[:-1]}, fallback: string, allow_unreviewed: true}}")
    assert run("build").exit_code == 0
    out = content_root / "dist/bundles"
    doc = json.loads((out / "ar/endoscopic-discectomy.json").read_text("utf-8"))
    flat = json.loads((out / "ar/endoscopic-discectomy.i18n.json").read_text("utf-8"))
    assert doc["fallback_keys"] and not set(doc["fallback_keys"]) & set(flat)
    english = json.loads((out / "en/endoscopic-discectomy.i18n.json").read_text("utf-8"))
    fell = doc["fallback_keys"][0]
    own = next(k for k in flat)
    assert chain(out, "endoscopic-discectomy", fell, "ar", "en") == {"text": english[fell], "usedLng": "en", "dir": "ltr"}
    assert chain(out, "endoscopic-discectomy", own, "ar", "en") == {"text": flat[own], "usedLng": "ar", "dir": "rtl"}


def test_fallback_chains_list_only_locales_that_ship(content_root, run):
    registry = content_root / "locales/locales.yaml"
    text = registry.read_text("utf-8")
    registry.write_text(text.replace("    fallback:\n      - en\n", "    fallback:\n      - ht\n      - en\n", 1))
    assert run("build").exit_code == 0
    manifest = manifest_of(content_root / "dist/bundles")
    arabic = next(loc for loc in manifest["locales"] if loc["posix"] == "ar")
    assert arabic["fallback"] == ["en"]  # ht ships nothing


def test_the_build_summary_says_which_published_cells_rest_on_sample_sign_offs(content_root, run):
    # The fixture's es, zh_Hans and vi sign-offs are by reviewers marked `sample: true`.
    result = run("build")
    assert result.exit_code == 0, result.output
    manifest = manifest_of(content_root / "dist/bundles")
    for loc in manifest["locales"]:
        sample = [p["id"] for p in loc["procedures"] if p["review"] == "sample"]
        line = next(line for line in result.output.splitlines() if line.startswith(f"{loc['posix']} "))
        assert ("sample sign-off" in line) == bool(sample), line
        if sample:
            assert f"{len(sample)} on a sample sign-off" in line
    assert "no qualified clinical reviewer has read them" in result.output
