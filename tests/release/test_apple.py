"""Apple String Catalogs: parsed back, placeholders formatted as Foundation would, compared with the source of truth."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.release import apple

from .helpers import PLACEHOLDER, build_with_targets, filled, manifest_of, published, strings, value_for

SPECIFIER = re.compile(r"%(?:(\d+)\$@|%)")


def foundation_format(value: str, source: str) -> str:
    """String(format:) with each placeholder's value, in source order (no arguments: not formatted)."""
    order = list(dict.fromkeys(PLACEHOLDER.findall(source)))
    if not order:
        return value
    return SPECIFIER.sub(lambda m: value_for(order[int(m.group(1)) - 1]) if m.group(1) else "%", value)


@pytest.mark.parametrize(("text", "source", "stored"), [
    ("Call {clinic_name} on {clinic_phone}.", None, "Call %1$@ on %2$@."),
    ("{surgeon_name} en {clinic_name}", "{clinic_name} with {surgeon_name}", "%2$@ en %1$@"),
    ("100% of {clinic_name}", None, "100%% of %1$@"),
    ("50% of people", None, "50% of people"),
    ('It\'s "quoted"\nand \\ kept', None, 'It\'s "quoted"\nand \\ kept'),
])
def test_values_and_positional_arguments(text: str, source: str | None, stored: str) -> None:
    catalog = json.loads(apple.render([strings({"k": text}, {"k": source or text}, locale="es")], "en"))
    assert catalog["strings"]["k"]["localizations"]["es"]["stringUnit"] == {"state": "translated", "value": stored}
    assert foundation_format(stored, source or text) == filled(text)


def test_a_placeholder_the_source_lacks_is_a_build_error() -> None:
    with pytest.raises(InputError, match="apple: es 'k': placeholder {clinica} is not in the source text"):
        apple.render([strings({"k": "Llame a {clinica}"}, {"k": "Call {clinic_name}"})], "en")


def test_catalog_holds_every_published_locale_and_reads_back(content_root: Path, run) -> None:
    out = build_with_targets(run, content_root, ["documents", "i18next", "apple"])
    manifest = manifest_of(out)
    sources = {pid: flat for locale, pid, flat in published(out) if locale == "en"}
    for pid, source in sources.items():
        raw = (out / f"apple/{pid}.xcstrings").read_bytes()
        assert manifest["files"][f"apple/{pid}.xcstrings"]["sha256"] == hashlib.sha256(raw).hexdigest()
        catalog = json.loads(raw)
        assert (catalog["sourceLanguage"], catalog["version"], sorted(catalog["strings"])) == ("en", "1.0", sorted(source))
        # Laid out as Xcode saves it, so a round trip through Xcode changes nothing.
        assert raw.decode() == json.dumps(catalog, ensure_ascii=False, indent=2, sort_keys=True,
                                          separators=(",", " : ")) + "\n"
        shown = {(locale, key): foundation_format(unit["stringUnit"]["value"], source[key])
                 for key, entry in catalog["strings"].items() for locale, unit in entry["localizations"].items()}
        expected = {(locale, key): filled(text) for locale, p, flat in published(out) if p == pid
                    for key, text in flat.items()}
        assert shown == expected
    assert any(locale == "ar" for locale, _, _ in published(out))
