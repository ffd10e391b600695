"""Every (locale, procedure) cell moves on its own: procedure lifecycle (draft, active, retired), the
last good version kept in the committed release record, withdrawals, and what `required` means."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from ..test_bundles import manifest_of, procedure, tree_hashes
from .helpers import texts_of

NEUROTOMY = "source/procedures/endoscopic-neurotomy.yaml"
OLD_WEEKS, NEW_WEEKS = "at least 2–4 weeks", "at least 4–6 weeks"


def set_status(root: Path, pid: str, status: str) -> None:
    path = root / f"source/procedures/{pid}.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace(f"id: {pid}\n", f"id: {pid}\nstatus: {status}\n", 1), "utf-8")


def add_procedure(root: Path, pid: str, status: str | None) -> None:
    """A new procedure written from the content model, never translated."""
    lines = [f"id: {pid}"] + ([f"status: {status}"] if status else []) + [
        "title: Facet joint injection", "summary: An injection of medicine into a small joint of your spine.",
        "sections:", "  - id: overview", "    title: What is a facet joint injection?", "    blocks:",
        "      - id: what", "        paragraph: Your doctor injects medicine into a facet joint."]
    (root / f"source/procedures/{pid}.yaml").write_text("\n".join(lines) + "\n", "utf-8")


def fix_english_number(run: Any, root: Path) -> None:
    """The content lead corrects a figure in the English; the catalogs follow (the entries go fuzzy)."""
    path = root / NEUROTOMY
    text = path.read_text("utf-8")
    assert OLD_WEEKS in text
    path.write_text(text.replace(OLD_WEEKS, NEW_WEEKS), "utf-8")
    assert run("extract").exit_code == 0 and run("update").exit_code == 0


def record_of(root: Path, posix: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((root / f"locales/releases/{posix}.json").read_text("utf-8"))
    return data


def doc(out: Path, locale: str, pid: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / f"{locale}/{pid}.json").read_text("utf-8"))
    return data


# --- lifecycle ---------------------------------------------------------------------------------

@pytest.mark.parametrize("status,exit_code,manifest_status", [
    (None, 1, "withheld"),  # active by default: a required locale has nothing to ship, the build fails
    ("active", 1, "withheld"),
    ("draft", 0, "draft"),  # never published, never blocks
])
def test_a_new_procedure_blocks_only_when_active(content_root, run, status, exit_code, manifest_status):
    add_procedure(content_root, "facet-injection", status)
    assert run("extract").exit_code == 0 and run("update").exit_code == 0
    assert (content_root / "locales/es/LC_MESSAGES/facet-injection.po").exists()  # translated like any other
    result = run("build")
    assert result.exit_code == exit_code, result.output
    if exit_code:
        assert "es/facet-injection" in result.output and "zh_Hans/facet-injection" in result.output
        return
    out = content_root / "dist/bundles"
    manifest = manifest_of(out)
    for posix in ("en", "es", "ar"):
        cell = procedure(manifest, posix, "facet-injection")
        assert (cell["status"], cell["reason_codes"][0], cell["files"]) == (manifest_status, "draft", {})
    assert not list(out.rglob("facet-injection*"))
    assert "facet-injection" not in record_of(content_root, "en")["procedures"]


def test_a_draft_that_becomes_active_follows_the_normal_rules(content_root, run):
    set_status(content_root, "endoscopic-rhizotomy", "draft")
    assert run("build").exit_code == 0
    assert procedure(manifest_of(content_root / "dist/bundles"), "es", "endoscopic-rhizotomy")["status"] == "draft"
    path = content_root / "source/procedures/endoscopic-rhizotomy.yaml"
    path.write_text(path.read_text("utf-8").replace("status: draft\n", "status: active\n"), "utf-8")
    assert run("build").exit_code == 0
    assert procedure(manifest_of(content_root / "dist/bundles"), "es", "endoscopic-rhizotomy")["status"] == "published"


def test_a_retired_procedure_leaves_every_bundle_and_the_manifest_says_so(content_root, run):
    assert run("build").exit_code == 0
    assert "endoscopic-rhizotomy" in record_of(content_root, "es")["procedures"]
    set_status(content_root, "endoscopic-rhizotomy", "retired")
    result = run("build")
    assert result.exit_code == 0, result.output
    out = content_root / "dist/bundles"
    for posix in ("en", "es", "zh_Hans", "vi", "ar"):
        cell = procedure(manifest_of(out), posix, "endoscopic-rhizotomy")
        assert (cell["status"], cell["reason_codes"], cell["files"]) == ("retired", ["retired"], {})
    assert not list(out.rglob("endoscopic-rhizotomy*"))
    assert "endoscopic-rhizotomy" not in record_of(content_root, "es")["procedures"]


def test_a_deleted_procedure_is_listed_as_retired_wherever_it_was_published(content_root, run):
    # Deleting the YAML instead of marking it retired must still tell apps to delete their copy,
    # in this build and the next ones (an app may skip a release).
    assert run("build").exit_code == 0
    published = {posix for posix in ("en", "es", "zh_Hans", "vi", "ar", "ht")
                 if (content_root / f"locales/releases/{posix}.json").exists()
                 and "endoscopic-neurotomy" in record_of(content_root, posix)["procedures"]}
    assert {"en", "es"} <= published
    (content_root / "source/procedures/endoscopic-neurotomy.yaml").unlink()
    for _ in range(2):
        result = run("build")
        assert result.exit_code == 0, result.output
        out = content_root / "dist/bundles"
        manifest = manifest_of(out)
        for loc in manifest["locales"]:
            cells = [p for p in loc["procedures"] if p["id"] == "endoscopic-neurotomy"]
            assert bool(cells) == (loc["posix"] in published), loc["posix"]
            for cell in cells:
                assert (cell["status"], cell["reason_codes"], cell["files"]) == ("retired", ["retired"], {})
                assert "deleted" in cell["reasons"][0]
        assert not list(out.rglob("endoscopic-neurotomy*"))
        assert run("build", "--check").exit_code == 0



@pytest.mark.parametrize("posix", ["es", "vi"])  # a required locale, an optional one
def test_a_deleted_procedure_whose_cell_was_withdrawn_is_listed_as_retired(content_root, run, posix):
    # The withdrawn cell keeps no strings in the record; deleting the YAML must still retire it.
    assert run("build").exit_code == 0
    assert run("release", "withdraw", "--locale", posix, "--procedure", "endoscopic-neurotomy",
               "--reason", "old recovery time is unsafe").exit_code == 0
    (content_root / NEUROTOMY).unlink()
    for command in (("release", "plan"), ("build",), ("build", "--check")):
        result = run(*command)
        assert result.exit_code == 0, result.output
    cell = procedure(manifest_of(content_root / "dist/bundles"), posix, "endoscopic-neurotomy")
    assert (cell["status"], cell["reason_codes"], cell["files"]) == ("retired", ["retired"], {})


# --- last good version -------------------------------------------------------------------------

def test_build_records_what_it_published_deterministically(content_root, run):
    assert run("build").exit_code == 0
    first = {p.name: p.read_bytes() for p in (content_root / "locales/releases").iterdir()}
    assert set(first) == {"en.json", "es.json", "zh_Hans.json", "vi.json"}  # ar and ht have published nothing
    es = record_of(content_root, "es")["procedures"]["endoscopic-neurotomy"]
    built = doc(content_root / "dist/bundles", "es", "endoscopic-neurotomy")
    assert es["strings"][0] == {"key": "title", "kind": "title", "source": "Endoscopic neurotomy for back pain",
                                "text": built["title"]["text"], "lang": "es", "fingerprint": es["strings"][0]["fingerprint"]}
    assert run("build").exit_code == 0
    assert {p.name: p.read_bytes() for p in (content_root / "locales/releases").iterdir()} == first
    assert run("build", "--check").exit_code == 0  # the manifest's digest covers the record as the build left it


def test_an_english_fix_ships_while_translations_keep_their_last_good_version(content_root, run):
    assert run("build").exit_code == 0
    before = doc(content_root / "dist/bundles", "es", "endoscopic-neurotomy")
    fix_english_number(run, content_root)
    shutil.rmtree(content_root / "dist")  # CI: a fresh clone, only the committed record
    result = run("build")
    assert result.exit_code == 0, result.output
    out = content_root / "dist/bundles"
    assert NEW_WEEKS in json.dumps(doc(out, "en", "endoscopic-neurotomy"), ensure_ascii=False)
    assert doc(out, "es", "endoscopic-neurotomy") == before  # the whole last good version, unchanged
    cell = procedure(manifest_of(out), "es", "endoscopic-neurotomy")
    assert cell["status"] == "outdated" and cell["reason_codes"] == ["source-changed", "fuzzy", "sample-review"]
    assert cell["lags_behind"]["keys"] == ["faq.lifting.answer", "recovery.activity"]
    assert cell["lags_behind"]["published_for"] != cell["lags_behind"]["source_digest"]
    assert "outdated endoscopic-neurotomy: ships the version published for an earlier English text" in result.output


def test_a_hand_edited_record_is_refused(content_root, run):
    assert run("build").exit_code == 0
    path = content_root / "locales/releases/es.json"
    path.write_text(path.read_text("utf-8").replace("Discectomía endoscópica", "Discectomía", 1), "utf-8")
    result = run("build")
    assert result.exit_code == 2
    assert "locales/releases/es.json" in result.output and "fingerprint" in result.output


def test_the_record_is_not_written_when_the_build_is_blocked_or_checking(content_root, run):
    add_procedure(content_root, "facet-injection", None)
    assert run("extract").exit_code == 0 and run("update").exit_code == 0
    checked = run("build", "--check")
    assert checked.exit_code == 1 and "would be blocked" in checked.output
    assert not (content_root / "locales/releases").exists()
    assert run("build").exit_code == 1
    assert not (content_root / "locales/releases").exists()


# --- withdrawal ---------------------------------------------------------------------------------

def test_a_withdrawn_cell_never_ships_its_text_again_and_blocks_a_required_locale(content_root, run):
    assert run("build").exit_code == 0
    fix_english_number(run, content_root)
    result = run("release", "withdraw", "--locale", "es", "--procedure", "endoscopic-neurotomy",
                 "--reason", "the old recovery time is unsafe")
    assert result.exit_code == 0, result.output
    cell = record_of(content_root, "es")["procedures"]["endoscopic-neurotomy"]
    assert cell["withdrawn"]["reason"] == "the old recovery time is unsafe" and "strings" not in cell
    result = run("build")
    assert result.exit_code == 1  # required: es has no publishable version of an active procedure
    assert "es/endoscopic-neurotomy: withdrawn on" in result.output
    out = content_root / "dist/bundles"
    assert not (out / "es/endoscopic-neurotomy.json").exists()  # the withdrawal reached the bundles at once
    manifest = manifest_of(out)
    entry = procedure(manifest, "es", "endoscopic-neurotomy")
    assert (entry["status"], entry["reason_codes"][0]) == ("withdrawn", "withdrawn")
    assert entry["withdrawn"]["reason"] == "the old recovery time is unsafe"
    assert next(l for l in manifest["locales"] if l["posix"] == "es")["fallback"] == ["en"]


def test_a_withdrawn_cell_in_an_optional_locale_does_not_block(content_root, run):
    assert run("build").exit_code == 0
    assert run("release", "withdraw", "--locale", "vi", "--procedure", "endoscopic-discectomy",
               "--reason", "wrong dosage").exit_code == 0
    assert run("build").exit_code == 0
    entry = procedure(manifest_of(content_root / "dist/bundles"), "vi", "endoscopic-discectomy")
    assert (entry["status"], entry["files"]) == ("withdrawn", {})


def test_a_withdrawn_cell_stands_behind_no_locale_that_falls_back_to_it(content_root, run):
    assert run("init", "es_MX").exit_code == 0  # its chain: es, then en
    config = content_root / "pipeline.yaml"
    config.write_text(config.read_text("utf-8").replace("locales:\n", "locales:\n  es_MX: {fallback: string}\n", 1))
    assert run("build").exit_code == 0
    out = content_root / "dist/bundles"
    assert texts_of(doc(out, "es-MX", "endoscopic-neurotomy")) == texts_of(doc(out, "es", "endoscopic-neurotomy"))
    assert run("release", "withdraw", "--locale", "es", "--procedure", "endoscopic-neurotomy",
               "--reason", "the old recovery time is unsafe").exit_code == 0
    assert run("build").exit_code == 1  # es is required
    # Mexican Spanish patients get the English, never the withdrawn Spanish
    assert texts_of(doc(out, "es-MX", "endoscopic-neurotomy")) == texts_of(doc(out, "en", "endoscopic-neurotomy"))


def test_withdrawn_english_stands_behind_no_locale_not_even_in_its_last_good_version(content_root, run):
    """A locale that falls back string by string ships the source's strings where it has none of its
    own: once the source cell is withdrawn, neither its current text nor a version published before
    with those strings in it ships them again."""
    config = content_root / "pipeline.yaml"
    config.write_text(config.read_text("utf-8").replace("  ht: {required: false, min_translated: 40}\n",
                                                        "  ht: {required: false, fallback: string}\n", 1))
    assert run("build").exit_code == 0
    out = content_root / "dist/bundles"
    english = texts_of(doc(out, "en", "endoscopic-discectomy"))
    fallen = {k for k, v in texts_of(doc(out, "ht", "endoscopic-discectomy")).items() if v == english[k]}
    assert fallen  # Haitian Creole patients got some English strings
    assert run("release", "withdraw", "--locale", "en", "--procedure", "endoscopic-discectomy",
               "--reason", "the English gives the wrong number of weeks").exit_code == 0
    run("build")
    entry = procedure(manifest_of(out), "ht", "endoscopic-discectomy")
    assert entry["status"] not in ("published", "outdated") and entry["files"] == {}
    assert not (out / "ht/endoscopic-discectomy.json").exists()
    for pid in ("endoscopic-neurotomy",):  # the other procedures still ship
        assert procedure(manifest_of(out), "ht", pid)["status"] in ("published", "outdated")


def test_a_locale_falls_back_along_its_chain_whatever_its_name_sorts_after(content_root, run):
    """Catalan (ca) falling back to Spanish gets the Spanish, though `ca` comes before `es`."""
    assert run("init", "ca").exit_code == 0
    registry = content_root / "locales/locales.yaml"
    text = registry.read_text("utf-8")
    catalan = "  ca:\n    bcp47: ca\n"
    assert text.count(catalan) == 1 and text.count("    fallback:\n      - en\n") > 1
    head, tail = text.split(catalan)
    registry.write_text(head + catalan + tail.replace("    fallback:\n      - en\n",
                                                      "    fallback:\n      - es\n      - en\n", 1), "utf-8")
    config = content_root / "pipeline.yaml"
    config.write_text(config.read_text("utf-8").replace("locales:\n", "locales:\n  ca: {fallback: string}\n", 1))
    assert run("build").exit_code == 0
    out = content_root / "dist/bundles"
    assert texts_of(doc(out, "ca", "endoscopic-neurotomy")) == texts_of(doc(out, "es", "endoscopic-neurotomy"))


def test_a_withdrawn_text_stays_withdrawn_when_only_its_keys_change(content_root, run):
    """Renaming a section (`renamed_from`) carries translations and sign-offs to the new keys: the
    same withdrawn texts under other keys are no new version, and never ship again."""
    assert run("build").exit_code == 0
    assert run("release", "withdraw", "--locale", "zh_Hans", "--procedure", "endoscopic-discectomy",
               "--reason", "wrong dosage").exit_code == 0
    assert run("build").exit_code == 1  # zh_Hans is required
    path = content_root / "source/procedures/endoscopic-discectomy.yaml"
    text = path.read_text("utf-8")
    assert text.count("  - id: overview\n") == 1
    text = text.replace("  - id: overview\n", "  - id: about\n", 1)
    path.write_text(text.replace("sections:\n", "renamed_from: {about: overview}\nsections:\n", 1), "utf-8")
    assert run("extract").exit_code == 0 and run("update").exit_code == 0
    result = run("build")
    assert result.exit_code == 1, result.output
    out = content_root / "dist/bundles"
    assert not list(out.glob("zh-Hans/endoscopic-discectomy*"))
    assert procedure(manifest_of(out), "zh_Hans", "endoscopic-discectomy")["status"] == "withdrawn"
    assert "withdrawn" in record_of(content_root, "zh_Hans")["procedures"]["endoscopic-discectomy"]


def test_withdrawing_a_cell_that_was_never_published_is_refused(content_root, run):
    result = run("release", "withdraw", "--locale", "ht", "--procedure", "endoscopic-discectomy", "--reason", "x")
    assert result.exit_code == 2 and "nothing to withdraw" in result.output


def test_a_new_signed_off_version_ends_a_withdrawal(content_root, run):
    assert run("build").exit_code == 0
    before = tree_hashes(content_root / "dist/bundles")
    assert run("release", "withdraw", "--locale", "es", "--procedure", "endoscopic-discectomy",
               "--reason", "recheck").exit_code == 0
    assert run("build").exit_code == 1  # the same version stays withdrawn
    path = content_root / "locales/es/LC_MESSAGES/endoscopic-discectomy.po"
    text = path.read_text("utf-8")
    path.write_text(text.replace('msgstr "Discectomía endoscópica"', 'msgstr "La discectomía endoscópica"', 1))
    assert run("review", "approve", "--locale", "es", "--reviewer", "es-clinical-review",
               "--procedure", "endoscopic-discectomy", "--entry", "title").exit_code == 0
    assert run("build").exit_code == 0
    assert procedure(manifest_of(content_root / "dist/bundles"), "es", "endoscopic-discectomy")["status"] == "published"
    assert "withdrawn" not in record_of(content_root, "es")["procedures"]["endoscopic-discectomy"]
    assert tree_hashes(content_root / "dist/bundles") != before
