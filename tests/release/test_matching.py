"""Locale matching in the manifest: CLDR's answers, and FormatJS's matcher agreeing with them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.release import matching

from ..node_tools import run_script

SHIPPED = ("en", "ar", "es", "ht", "vi", "zh-Hans")


@pytest.mark.parametrize(("request_tag", "shipped", "expected"), [
    ("zh-CN", SHIPPED, "zh-Hans"),
    ("zh-SG", SHIPPED, "zh-Hans"),
    ("zh", SHIPPED, "zh-Hans"),
    ("zh-Hans-HK", SHIPPED, "zh-Hans"),
    ("zh_Hans_CN", SHIPPED, "zh-Hans"),
    ("zh-TW", SHIPPED, None),  # Traditional script: never served Simplified by inheritance
    ("zh-Hant", SHIPPED, None),
    ("zh-HK", SHIPPED, None),
    ("es-419", SHIPPED, "es"),
    ("es-MX", SHIPPED, "es"),
    ("es-ES", SHIPPED, "es"),
    ("es-MX", ("es", "es-419"), "es-419"),  # CLDR parent locale before the language
    ("es-ES", ("es-419", "en"), None),
    ("en-GB", SHIPPED, "en"),
    ("ar-EG", SHIPPED, "ar"),
    ("ht-HT", SHIPPED, "ht"),
    ("fr-FR", SHIPPED, None),
    ("pt", ("en", "pt-BR"), "pt-BR"),  # a bare language holds its likeliest region's content
    ("pt-AO", ("pt-BR", "pt-PT"), "pt-PT"),
    ("sr-Latn", ("sr",), None),  # a non-default script does not fall to the language
    ("ca-ES-valencia", ("ca",), None),  # variants are not guessed at
])
def test_best_match_follows_cldr(request_tag: str, shipped: tuple[str, ...], expected: str | None) -> None:
    assert matching.best_match(request_tag, shipped) == expected


@pytest.mark.parametrize(("own", "fallback", "expected"), [
    ("zh-Hans", ["zh", "en"], ["en"]),
    ("es-MX", ["es-419", "es", "en"], ["es", "en"]),
    ("ar", ["en"], ["en"]),
    ("ht", ["fr", "en", "en"], ["en"]),
])
def test_fallback_chains_name_only_shipped_locales(own: str, fallback: list[str], expected: list[str]) -> None:
    assert matching.shipped_chain(own, fallback, ("en", "es", "zh-Hans", "ar", "ht", "es-MX")) == expected


def test_every_request_is_served_by_one_locale() -> None:
    served = matching.served(SHIPPED)
    every = [tag for tags in served.values() for tag in tags]
    assert len(every) == len(set(every))
    assert {"zh-CN", "zh-SG", "zh-Hans"} <= set(served["zh-Hans"]) and "zh-TW" not in every
    assert {"es-419", "es-MX", "es-US"} <= set(served["es"])


def manifest_of(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text("utf-8"))


def test_formatjs_matcher_agrees_with_the_manifest(content_root: Path, run) -> None:
    assert run("build").exit_code == 0
    manifest = manifest_of(content_root / "dist/bundles")
    available = [locale["bcp47"] for locale in manifest["locales"]]
    expected = {request: locale["bcp47"] for locale in manifest["locales"] for request in locale["serves"]}
    assert {"zh-CN", "zh-SG", "es-419", "es-MX"} <= set(expected)
    chosen = run_script("match_locales.mjs", {"available": available, "default": "en", "requests": sorted(expected)})
    assert {r: c for r, c in chosen.items() if c != expected[r]} == {}
    for locale in manifest["locales"]:
        assert set(locale["fallback"]) <= set(available) - {locale["bcp47"]}


def test_reason_codes_stand_beside_the_english_reasons(content_root: Path, run) -> None:
    run("build")
    manifest = manifest_of(content_root / "dist/bundles")
    procedures = {(l["posix"], p["id"]): p for l in manifest["locales"] for p in l["procedures"]}
    assert procedures[("vi", "endoscopic-rhizotomy")]["reason_codes"] == ["unreviewed"]
    assert procedures[("ar", "endoscopic-discectomy")]["reason_codes"] == ["untranslated", "fuzzy", "unreviewed"]
    assert procedures[("es", "endoscopic-discectomy")]["reason_codes"] == ["sample-review"]
    assert all(len(p["reasons"]) == len(p["reason_codes"]) for p in procedures.values())
