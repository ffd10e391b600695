"""Targets are chosen in pipeline.yaml; without a choice a build writes what it always wrote."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from pipeline.errors import InputError
from pipeline.release import targets

from .helpers import build_with_targets, manifest_of, strings


def written(out: Path) -> set[str]:
    kinds = set()
    for path in out.rglob("*"):
        if path.is_file():
            name = path.relative_to(out).as_posix()
            kinds.add(name.split("/")[0] if name.split("/")[0] in {"android", "apple", "flutter", "schemas"}
                      else "." + ".".join(path.name.split(".")[1:]))
    return kinds


def test_default_targets_are_documents_and_i18next(content_root: Path, run) -> None:
    assert run("build").exit_code == 0
    assert written(content_root / "dist/bundles") == {".json", ".i18n.json", "schemas"}


def test_every_target_at_once(content_root: Path, run) -> None:
    out = build_with_targets(run, content_root, ["documents", "i18next", "icu", "android", "apple", "flutter"])
    assert written(out) == {".json", ".i18n.json", ".icu.json", "android", "apple", "flutter", "schemas"}


@pytest.mark.parametrize("line", ["bundles: {targets: [ios]}", "bundles: {targets: []}", "bundles: {format: icu}"])
def test_an_unknown_target_is_refused_with_its_position(content_root: Path, run, line: str) -> None:
    config = content_root / "pipeline.yaml"
    config.write_text(config.read_text("utf-8") + line + "\n", "utf-8")
    result = run("build")
    assert result.exit_code == 2 and "pipeline.yaml:" in result.output


def android_value(out: Path, folder: str, name: str) -> str:
    root = ElementTree.parse(out / f"android/endoscopic-discectomy/res/{folder}/strings.xml").getroot()
    return next(e.text or "" for e in root if e.get("name") == name)


def apple_value(out: Path, locale: str, key: str) -> str:
    catalog = json.loads((out / "apple/endoscopic-discectomy.xcstrings").read_text("utf-8"))
    return str(catalog["strings"][key]["localizations"][locale]["stringUnit"]["value"])


REORDERED = "Your surgeon is {surgeon_name}. If you have questions, call {clinic_name} on {clinic_phone}."


@pytest.mark.parametrize(("stored", "specifier"), [
    (lambda out, locale: android_value(out, "values-es" if locale == "es" else "values",
                                       "endoscopic_discectomy_contact_call"), r"%(\d)\$s"),
    (lambda out, locale: apple_value(out, locale, "contact.call"), r"%(\d)\$@"),
])
def test_a_last_good_version_takes_its_arguments_in_the_order_apps_pass_them(content_root: Path, run, stored,
                                                                             specifier: str) -> None:
    """Apps pass positional arguments in the order of the current source text (values/, the English):
    a translation that ships its last good version, made for an older order, numbers them the same."""
    out = build_with_targets(run, content_root, ["documents", "android", "apple"], rtl=False)
    path = content_root / "source/procedures/endoscopic-discectomy.yaml"
    old = "If you have questions, call {clinic_name} on {clinic_phone}. You can also ask your surgeon, {surgeon_name}."
    path.write_text(path.read_text("utf-8").replace(old, REORDERED), "utf-8")
    assert run("extract").exit_code == 0 and run("update").exit_code == 0
    assert run("build").exit_code == 0
    cell = next(p for loc in manifest_of(out)["locales"] if loc["bcp47"] == "es" for p in loc["procedures"]
                if p["id"] == "endoscopic-discectomy")
    assert cell["status"] == "outdated"
    passed = ["Dr Ruiz", "Clinica Sol", "555-0100"]  # in the order of REORDERED, as the app passes them
    spanish = json.loads((out / "es/endoscopic-discectomy.json").read_text("utf-8"))
    text = next(b["text"]["text"] for s in spanish["sections"] for b in s["blocks"] if b["id"] == "call")
    shown = re.sub(specifier, lambda m: passed[int(m.group(1)) - 1], stored(out, "es"))
    assert shown == text.format(surgeon_name="Dr Ruiz", clinic_name="Clinica Sol", clinic_phone="555-0100")
    assert re.sub(specifier, lambda m: passed[int(m.group(1)) - 1], stored(out, "en")) == REORDERED.format(
        surgeon_name="Dr Ruiz", clinic_name="Clinica Sol", clinic_phone="555-0100")


def test_an_english_that_drops_a_placeholder_ships_while_no_version_using_it_does(content_root: Path, run) -> None:
    """Apps stop passing a value the English no longer has: a last good version that uses it would
    show the patient a raw code (or crash a positional format), so it stays back, and the English
    correction still ships on every platform."""
    out = build_with_targets(run, content_root, ["documents", "android", "apple", "icu", "flutter"], rtl=False)
    path = content_root / "source/procedures/endoscopic-discectomy.yaml"
    old = "If you have questions, call {clinic_name} on {clinic_phone}. You can also ask your surgeon, {surgeon_name}."
    new = "If you have questions, call {clinic_name} on {clinic_phone}."
    path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    assert run("extract").exit_code == 0 and run("update").exit_code == 0
    result = run("build")
    assert result.exit_code == 1, result.output  # es is required: its cell has nothing it may ship
    assert "placeholders the current English text no longer has (contact.call)" in result.output
    config = content_root / "pipeline.yaml"
    config.write_text(config.read_text("utf-8").replace("{required: true}", "{required: false}"), "utf-8")
    result = run("build")
    assert result.exit_code == 0, result.output
    cells = {(loc["bcp47"], p["id"]): p for loc in manifest_of(out)["locales"] for p in loc["procedures"]}
    assert cells[("en", "endoscopic-discectomy")]["status"] == "published"
    spanish = cells[("es", "endoscopic-discectomy")]
    assert spanish["status"] == "withheld" and "placeholders-changed" in spanish["reason_codes"]
    assert not list(out.glob("es/endoscopic-discectomy*"))
    android = (out / "android/endoscopic-discectomy/res/values/strings.xml").read_text("utf-8")
    assert "surgeon" not in android and "%2$s" in android
    assert cells[("es", "endoscopic-neurotomy")]["status"] == "published"  # the rest ships as before


@pytest.mark.parametrize(("text", "complaint"), [
    ("Llame a {clinic_name} al {clinic_phone}.", None),
    ("Llame a \u2068{clinic_name}\u2069.", None),
    ("Una llave } suelta, y { otra.", None),
    ("Pregunte { a su cirujano, {surgeon_name}.", "'{ a su cirujano, {surgeon_name}' reads as i18next syntax"),
    ("Llame a { {clinic_name} }.", "'{ {clinic_name}' reads as i18next syntax"),
    ("Llame a {-clinic_name}.", "'{-clinic_name}' reads as i18next syntax"),
    ("Vea $t(title).", "'$t(' reads as i18next syntax"),
])
def test_what_i18next_would_not_show_as_written_is_a_build_error(text: str, complaint: str | None) -> None:
    source = "Call {clinic_name} on {clinic_phone}, or ask {surgeon_name}."
    texts = strings({"contact.call": text}, {"contact.call": source})
    if complaint is None:
        targets.check_i18next(texts, ["contact.call"])
        return
    with pytest.raises(InputError) as error:
        targets.check_i18next(texts, ["contact.call"])
    assert str(error.value).startswith("locales/es/LC_MESSAGES/endoscopic-discectomy.po: i18next: es 'contact.call': ")
    assert complaint in str(error.value)
