"""`pipeline build`: release policy outcomes, schemas, determinism, atomicity, i18next, RTL."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from pipeline import fsutil
from pipeline.catalog.commands import render
from pipeline.catalog.po_reader import read_po
from pipeline.release import bundles, policy

from .conftest import REPO
from .node_tools import ensure_node_modules

SCHEMAS = REPO / "pipeline/schemas"


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((SCHEMAS / name).read_text()))


def build(run, content_root: Path, *args: str):
    result = run("build", *args)
    return result, content_root / "dist/bundles"


def manifest_of(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text("utf-8"))


def procedure(manifest: dict, locale: str, pid: str) -> dict:
    loc = next(l for l in manifest["locales"] if l["posix"] == locale)
    return next(p for p in loc["procedures"] if p["id"] == pid)


def tree_hashes(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def set_locale_config(root: Path, line: str, new: str) -> None:
    config = root / "pipeline.yaml"
    text = config.read_text()
    assert line in text
    config.write_text(text.replace(line, new))


def test_release_outcomes(content_root, run):
    result, out = build(run, content_root)
    assert result.exit_code == 0, result.output
    manifest = manifest_of(out)
    for pid in ("endoscopic-discectomy", "endoscopic-rhizotomy"):
        assert procedure(manifest, "es", pid)["status"] == "published"
        assert procedure(manifest, "zh_Hans", pid)["status"] == "published"
    assert procedure(manifest, "vi", "endoscopic-discectomy")["status"] == "published"
    withheld = procedure(manifest, "vi", "endoscopic-rhizotomy")
    assert withheld["status"] == "withheld" and withheld["files"] == {}
    assert withheld["reasons"] == ["50 strings not signed off by a reviewer"]
    arabic = procedure(manifest, "ar", "endoscopic-discectomy")
    assert arabic["status"] == "withheld"
    assert any("fuzzy" in r for r in arabic["reasons"]) and any("untranslated" in r for r in arabic["reasons"])
    assert not (out / "ar").exists() and not (out / "vi/endoscopic-rhizotomy.json").exists()
    assert "withheld endoscopic-rhizotomy: 50 strings not signed off" in result.output


def test_every_output_validates_against_the_published_schemas(content_root, run):
    _, out = build(run, content_root)
    validator("manifest.schema.json").validate(manifest_of(out))
    documents = sorted(p for p in out.glob("*/*.json") if p.parent.name != "schemas")
    assert documents
    for path in documents:
        data = json.loads(path.read_text("utf-8"))
        name = "bundle-flat.schema.json" if path.name.endswith(".i18n.json") else "bundle-document.schema.json"
        validator(name).validate(data)
    for schema in SCHEMAS.glob("*.json"):
        Draft202012Validator.check_schema(json.loads(schema.read_text()))


def test_manifest_describes_locales_and_files(content_root, run):
    _, out = build(run, content_root)
    manifest = manifest_of(out)
    arabic = next(l for l in manifest["locales"] if l["posix"] == "ar")
    assert (arabic["direction"], arabic["bcp47"], arabic["native_name"]) == ("rtl", "ar", "العربية")
    assert set(arabic["plural_categories"]) == {"zero", "one", "two", "few", "many", "other"}
    chinese = next(l for l in manifest["locales"] if l["posix"] == "zh_Hans")
    assert chinese["bcp47"] == "zh-Hans" and chinese["fallback"] == ["en"]
    for path, info in procedure(manifest, "es", "endoscopic-neurotomy")["files"].items():
        data = (out / path).read_bytes()
        assert info == {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    assert manifest["cldr_version"] and manifest["content_digest"].startswith("sha256:")


def test_builds_are_deterministic_and_honour_source_date_epoch(content_root, run, monkeypatch):
    _, out = build(run, content_root)
    first = tree_hashes(out)
    build(run, content_root)
    assert tree_hashes(out) == first
    assert "generated_at" not in manifest_of(out)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(run, content_root)
    assert manifest_of(out)["generated_at"] == "2023-11-14 22:13+0000"


def test_check_detects_stale_output(content_root, run):
    _, out = build(run, content_root)
    assert run("build", "--check").exit_code == 0
    (out / "es/endoscopic-discectomy.json").write_text("{}")
    result = run("build", "--check")
    assert result.exit_code == 1 and "es/endoscopic-discectomy.json: stale" in result.output


def test_files_are_readable_by_a_web_server(content_root, run):
    _, out = build(run, content_root)
    assert all(oct(p.stat().st_mode & 0o777) == "0o644" for p in out.rglob("*") if p.is_file())
    assert all(oct(p.stat().st_mode & 0o777) == "0o755" for p in [out, *out.rglob("*")] if p.is_dir())


@pytest.mark.parametrize("command", [("build",), ("report",), ("tm", "import", "--locale", "es")])
def test_folders_a_command_makes_are_readable_by_a_web_server_whatever_the_umask(content_root, run, tmp_path,
                                                                                  command):
    """`dist/` and a locale's memory folder are entered by a web server or another account, as the
    0644 files in them are read: a umask of 077 must not make them 0700."""
    made = {"build": "dist", "report": "dist", "tm": "locales/es/memory"}[command[0]]
    if command[0] == "tm":
        assert run("tm", "export", "--locale", "es", "--out", str(tmp_path / "es.tmx")).exit_code == 0
        command = (*command, str(tmp_path / "es.tmx"))
    old = os.umask(0o077)
    try:
        result = run(*command)
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    folders = [content_root / made, *(p for p in (content_root / made).rglob("*") if p.is_dir())]
    assert {oct(p.stat().st_mode & 0o777) for p in folders} == {"0o755"}


def test_failure_mid_build_leaves_the_previous_bundles_intact(content_root, run, monkeypatch):
    _, out = build(run, content_root)
    before = tree_hashes(out)
    catalog = read_po(content_root / "locales/es/LC_MESSAGES/endoscopic-discectomy.po")
    catalog[0].msgstr = "Título cambiado"
    (content_root / "locales/es/LC_MESSAGES/endoscopic-discectomy.po").write_bytes(render(catalog))
    written = []

    def failing_write(path, data):
        written.append(path)
        if len(written) == 5:
            raise OSError(28, "No space left on device", str(path))
        fsutil.write_file(path, data)

    from pipeline.project import Project

    with pytest.raises(OSError):
        fsutil.replace_tree(out, bundles.render(Project(content_root), policy.plan(Project(content_root))),
                             write=failing_write)
    assert tree_hashes(out) == before
    assert not list(out.parent.glob(".bundles.*"))


def test_required_locale_that_cannot_publish_fails_and_keeps_old_bundles(content_root, run):
    _, out = build(run, content_root)
    before = tree_hashes(out)
    shutil.rmtree(content_root / "locales/releases")  # nothing published before: no last good version
    path = content_root / "locales/es/LC_MESSAGES/endoscopic-neurotomy.po"
    catalog = read_po(path)
    entry = next(e for e in catalog if e.msgctxt == "contact.call")
    entry.msgstr += " <script>alert(1)</script>"
    path.write_bytes(render(catalog))
    result = run("build")
    assert result.exit_code == 1
    assert "es/endoscopic-neurotomy" in result.output and "E102 markup" in result.output
    assert tree_hashes(out) == before


def test_fallback_policy_marks_fallen_back_strings_and_never_ships_fuzzy(content_root, run):
    set_locale_config(content_root, "ar: {required: false, min_translated: 80}",
                      "ar: {required: false, min_translated: 80, fallback: string}")
    result, out = build(run, content_root)
    assert result.exit_code == 0, result.output
    doc = json.loads((out / "ar/endoscopic-discectomy.json").read_text("utf-8"))
    assert doc["direction"] == "rtl" and doc["locale"] == "ar"
    fuzzy = {e.msgctxt for e in read_po(content_root / "locales/ar/LC_MESSAGES/endoscopic-discectomy.po")
             if "fuzzy" in e.flags}
    assert fuzzy and fuzzy <= set(doc["fallback_keys"])
    english = json.loads((out / "en/endoscopic-discectomy.i18n.json").read_text("utf-8"))
    texts = {t["key"]: t for s in doc["sections"] for b in s["blocks"] for t in [b.get("text")] if t}
    for key in set(doc["fallback_keys"]) & set(texts):
        shown = texts[key]["text"].replace("\u2068", "").replace("\u2069", "")  # placeholders isolated in RTL
        assert (shown, texts[key]["lang"]) == (english[key], "en")
    flat = out / "ar/endoscopic-discectomy.i18n.json"  # only Arabic strings: none is signed off, so no file
    assert not flat.exists() or not set(doc["fallback_keys"]) & set(json.loads(flat.read_text("utf-8")))
    assert procedure(manifest_of(out), "ar", "endoscopic-discectomy")["fallback_strings"] == len(doc["fallback_keys"])


def test_mo_output_round_trips_through_msgunfmt(content_root, run):
    result, out = build(run, content_root, "--mo")
    assert result.exit_code == 0
    text = subprocess.run(["msgunfmt", str(out / "es/endoscopic-discectomy.mo")], check=True,
                          capture_output=True, text=True).stdout
    flat = json.loads((out / "es/endoscopic-discectomy.i18n.json").read_text("utf-8"))
    assert 'msgctxt "title"' in text and flat["title"] in text


@pytest.fixture(scope="session")
def node_i18next() -> Path:
    return ensure_node_modules() / "load_bundle.mjs"


def test_flat_bundle_loads_in_real_i18next(content_root, run, node_i18next):
    _, out = build(run, content_root)
    flat = out / "es/endoscopic-neurotomy.i18n.json"
    data = json.loads(flat.read_text("utf-8"))

    def load(key, *values):
        result = subprocess.run(["node", str(node_i18next), "es", "endoscopic-neurotomy", str(flat), key, *values],
                                check=True, capture_output=True, text=True)
        return json.loads(result.stdout)

    assert load("recovery.activity") == {"text": data["recovery.activity"], "exists": True}
    filled = load("contact.call", "clinic_name=Clínica Norte", "clinic_phone=555-0100", "surgeon_name=Dra. Ruiz")
    assert "Clínica Norte" in filled["text"] and "555-0100" in filled["text"] and "{" not in filled["text"]
