"""Schema patterns mean what JSON Schema says (ECMA-262): `$` is the end of the text. Python's `$`
also matches before a final newline, which let `bcp47: "es\\n"` through and made a folder `es\\n`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.yamlio import python_pattern

from .conftest import REPO

SCHEMAS = sorted((REPO / "pipeline/schemas").glob("*.json"))

# every pattern of the packaged schemas, with a value it accepts
SAMPLES = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "endoscopic-rhizotomy",
    "^[A-Za-z_][A-Za-z0-9_]*$": "clinic_name",
    "^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*$": "before.fasting-2",
    "^[a-z]{2,3}$": "en",
    "^[A-Za-z0-9][A-Za-z0-9._-]*$": "es-clinical-review",
    "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$": "zh-Hans",
    "^nplurals=[1-6]; plural=.+;$": "nplurals=2; plural=(n != 1);",
    "^sha256:[0-9a-f]{64}$": "sha256:" + "0" * 64,
    "^[0-9a-f]{64}$": "a" * 64,
    "^\\S(.*\\S)?$": "A title",
    "^[a-z]{2,3}(_[A-Za-z0-9]{2,8})*$": "zh_Hans",
    "^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*){0,2}$": "overview.intro",
    "^\\d{4}-\\d{2}-\\d{2}$": "2026-11-29",
    "^[0-9a-f]{16}$": "6273918de80eb24f",
    "^[^\\s…]([^…]*[^\\s…])?( ?… ?[^\\s…]([^…]*[^\\s…])?)*$": "not … more than",
}


def patterns(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [v for k, v in node.items() if k == "pattern" and isinstance(v, str)]
        found += list(node.get("patternProperties", {})) if isinstance(node.get("patternProperties"), dict) else []
        return found + [p for v in node.values() for p in patterns(v)]
    if isinstance(node, list):
        return [p for v in node for p in patterns(v)]
    return []


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_pattern_is_listed_with_a_sample(path: Path):
    assert set(patterns(json.loads(path.read_text("utf-8")))) <= set(SAMPLES)


@pytest.mark.parametrize("pattern,sample", SAMPLES.items())
def test_a_pattern_refuses_its_sample_with_a_trailing_newline(pattern, sample):
    compiled = re.compile(python_pattern(pattern))
    assert compiled.search(sample)
    assert not compiled.search(sample + "\n")


@pytest.mark.parametrize("pattern,expected", [
    ("^a$", "^a\\Z"),
    ("^a[$]$", "^a[$]\\Z"),          # a dollar in a class is a character
    ("^a\\$$", "^a\\$\\Z"),          # so is an escaped one
    ("^[\\]$]x$", "^[\\]$]x\\Z"),
    ("^(a|b$)", "^(a|b\\Z)"),
])
def test_python_pattern_rewrites_only_anchors(pattern, expected):
    assert python_pattern(pattern) == expected


@pytest.mark.parametrize("field,value", [
    ("bcp47", '"es\\n"'), ("bcp47", "es-MX"), ("bcp47", "fr"),
    ("plural_forms", '"nplurals=2; plural=(n != 1);\\n"'),
])
def test_the_registry_refuses_a_bad_value(content_root, run, field, value):
    path = content_root / "locales/locales.yaml"
    text = path.read_text("utf-8")
    start = text.index("  es:\n")
    line_start = text.index(f"    {field}:", start)
    line_end = text.index("\n", line_start)
    line = text[:line_start].count("\n") + 1
    path.write_text(text[:line_start] + f"    {field}: {value}" + text[line_end:], "utf-8")
    result = run("status")
    assert result.exit_code == 2, result.output
    assert f"locales/locales.yaml:{line}:" in result.output, result.output
    assert not list((content_root / "locales").glob("es?*"))
