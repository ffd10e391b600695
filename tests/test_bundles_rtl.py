"""Right-to-left bundles: placeholders isolated (FSI…PDI) so that their values keep their order, laid
out with a real implementation of the Unicode bidirectional algorithm (python-bidi) and filled by
the real i18next."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from bidi import get_display  # type: ignore[import-untyped]
from click.testing import Result

from .test_bundles import build, node_i18next, set_locale_config  # noqa: F401 - node_i18next: a fixture

FSI, PDI = "\u2068", "\u2069"
PHONE = "555-0100"
VALUES = {"clinic_name": "North Clinic", "clinic_phone": PHONE, "surgeon_name": "Dr. Ruiz"}
PROCEDURES = ["endoscopic-discectomy", "endoscopic-neurotomy", "endoscopic-rhizotomy",
              "microdiscectomy-rehabilitation"]

Run = Callable[..., Result]


def fill(text: str) -> str:
    for name, value in VALUES.items():
        text = text.replace("{" + name + "}", value)
    return text


@pytest.fixture()
def arabic_out(content_root: Path, run: Run) -> Path:
    """Bundles built with Arabic published (missing strings falling back to English)."""
    set_locale_config(content_root, "ar: {required: false, min_translated: 80}",
                      "ar: {required: false, min_translated: 80, fallback: string, allow_unreviewed: true}")
    result, out = build(run, content_root, "--mo")
    assert result.exit_code == 0, result.output
    return Path(out)


def test_shipped_arabic_contact_line_reorders_the_phone_number_without_isolation() -> None:
    """What the bundles prevent: the shipped translation, filled in as it is, shows 0100-555."""
    shipped = "إذا كانت لديك أسئلة، فاتصل بـ {clinic_name} على الرقم {clinic_phone}."
    assert "0100-555" in get_display(fill(shipped), base_dir="R")


@pytest.mark.parametrize("procedure", PROCEDURES)
@pytest.mark.parametrize("output", ["document", "flat"])
def test_arabic_bundles_keep_placeholder_values_in_order(arabic_out: Path, procedure: str, output: str) -> None:
    if output == "flat":
        text = json.loads((arabic_out / f"ar/{procedure}.i18n.json").read_text("utf-8"))["contact.call"]
    else:
        doc = json.loads((arabic_out / f"ar/{procedure}.json").read_text("utf-8"))
        contact = next(s for s in doc["sections"] if s["id"] == "contact")
        text = next(b for b in contact["blocks"] if b["id"] == "call")["text"]["text"]
    assert f"{FSI}{{clinic_phone}}{PDI}" in text and text.count(FSI) == text.count(PDI) == text.count("{")
    shown = get_display(fill(text), base_dir="R")
    assert PHONE in shown and "North Clinic" in shown and "0100-555" not in shown


def test_arabic_mo_isolates_placeholders_too(arabic_out: Path) -> None:
    mo = polib.mofile(str(arabic_out / "ar/endoscopic-neurotomy.mo"))
    text = next(e.msgstr for e in mo if e.msgctxt == "contact.call")
    assert PHONE in get_display(fill(text), base_dir="R")


def test_left_to_right_bundles_are_unchanged(arabic_out: Path) -> None:
    for locale in ("en", "es", "zh-Hans"):
        for path in (arabic_out / locale).glob("*.json"):
            assert FSI not in path.read_text("utf-8"), path


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_arabic_phone_number_keeps_its_order_through_real_i18next(arabic_out: Path, node_i18next: Path,  # noqa: F811
                                                                   procedure: str) -> None:
    flat = arabic_out / f"ar/{procedure}.i18n.json"
    result = subprocess.run(["node", str(node_i18next), "ar", procedure, str(flat), "contact.call",
                             *(f"{k}={v}" for k, v in VALUES.items())], check=True, capture_output=True, text=True)
    text = json.loads(result.stdout)["text"]
    assert f"{FSI}{PHONE}{PDI}" in text
    assert PHONE in get_display(text, base_dir="R")


def test_an_english_string_falling_back_in_arabic_keeps_its_own_order(content_root: Path, run: Run) -> None:
    """A string that fell back to English is left to right inside the Arabic screen: isolating its
    placeholders would make each a neutral that an RTL paragraph moves, the phone number first."""
    catalog = content_root / "locales/ar/LC_MESSAGES/endoscopic-neurotomy.po"
    po = polib.pofile(str(catalog))
    next(e for e in po if e.msgctxt == "contact.call").msgstr = ""  # untranslated: it falls back
    po.save(str(catalog))
    set_locale_config(content_root, "ar: {required: false, min_translated: 80}",
                      "ar: {required: false, min_translated: 80, fallback: string, allow_unreviewed: true}")
    result, out = build(run, content_root)
    assert result.exit_code == 0, result.output
    doc = json.loads((Path(out) / "ar/endoscopic-neurotomy.json").read_text("utf-8"))
    contact = next(s for s in doc["sections"] if s["id"] == "contact")
    text = next(b for b in contact["blocks"] if b["id"] == "call")["text"]
    assert text["lang"] == "en" and FSI not in text["text"]
    shown = get_display(fill(text["text"]), base_dir="R")
    assert shown.index("If you have questions") < shown.index(PHONE), shown
    other = json.loads((Path(out) / "ar/endoscopic-discectomy.json").read_text("utf-8"))  # translated there
    call = next(b for s in other["sections"] if s["id"] == "contact" for b in s["blocks"] if b["id"] == "call")
    assert call["text"]["lang"] == "ar" and f"{FSI}{{clinic_phone}}{PDI}" in call["text"]["text"]
