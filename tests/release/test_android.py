"""Android string resources, compiled and linked by the real aapt2 and read back with aapt."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.release import android

from .helpers import PLACEHOLDER, build_with_targets, filled, manifest_of, published, strings, value_for

MANIFEST = ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="org.example.leaflets"/>\n')

TRICKY = {
    "apostrophe": "It's the surgeon's \"endoscope\".",
    "at-start": "@home after 2 days",
    "question-start": "? Ask your surgeon",
    "percent-with-argument": "100% of {clinic_name} staff",
    "percent-alone": "50% of people",
    "newline": "Line one.\nLine two.\tTabbed.",
    "spaces": "  two  spaces and a trailing one ",
    "backslash": "C:\\path and \\n stays",
    "markup-like": "Pain < 5 & mobility > 3",
    "unicode-escape-like": "\\u0041 is not A",
    "reordered": "{surgeon_name} at {clinic_name}",
    "placeholder-first": "{clinic_name} calls you.",
    "rtl": "اتصل بـ {clinic_name} على الرقم {clinic_phone}.",
}
SOURCE = {**TRICKY, "reordered": "{clinic_name} with {surgeon_name}"}


@pytest.mark.parametrize(("bcp47", "expected"), [
    ("es", "es"), ("es-MX", "es-rMX"), ("zh-Hans", "b+zh+Hans"), ("es-419", "b+es+419"),
    ("ar", "ar"), ("fil", "b+fil"), ("sr-Latn-RS", "b+sr+Latn+RS"), ("pt-BR", "pt-rBR"),
])
def test_qualifier(bcp47: str, expected: str) -> None:
    assert android.qualifier(bcp47) == expected


@pytest.mark.parametrize(("key", "name"), [
    ("faq.how-long.answer", "endoscopic_discectomy_faq_how_long_answer"),
    ("title", "endoscopic_discectomy_title"),
    ("during.steps.incision", "endoscopic_discectomy_during_steps_incision"),
])
def test_resource_names_are_valid_and_stable(key: str, name: str) -> None:
    assert android.names(strings({key: "x"})) == {key: name}


@pytest.mark.parametrize(("texts", "procedure", "complaint"), [
    ({"faq.how-long": "a", "faq.how.long": "b"}, "endoscopic-discectomy",
     ("source/procedures/endoscopic-discectomy.yaml:7: android: 'faq.how.long': becomes resource name "
      "'endoscopic_discectomy_faq_how_long', as 'faq.how-long' does")),
    ({"title": "a"}, "2-level", "resource name '2_level_title' must start with a letter"),
    ({"title": "bell \x07"}, "endoscopic-discectomy", "control character"),
])
def test_what_android_cannot_hold_is_a_build_error(texts: dict[str, str], procedure: str, complaint: str) -> None:
    with pytest.raises(InputError) as error:
        android.render(strings(texts, procedure=procedure))
    assert complaint in str(error.value)


def test_a_placeholder_the_source_lacks_names_the_catalog() -> None:
    with pytest.raises(InputError) as error:
        android.render(strings({"contact.call": "Llame a {clinica}."}, {"contact.call": "Call {clinic_name}."}))
    assert str(error.value).startswith("locales/es/LC_MESSAGES/endoscopic-discectomy.po: android: es 'contact.call': "
                                       "placeholder {clinica} is not in the source text")


def tool(*args: str) -> str:
    result = subprocess.run(args, check=False, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(args[:2])} refused the resources:\n{result.stderr}"
    return result.stdout


def compiled_values(res_dirs: list[Path], scratch: Path) -> dict[tuple[str, str], str]:
    """Compile and link resource folders with aapt2; (configuration, name) -> the stored string."""
    (scratch / "AndroidManifest.xml").write_text(MANIFEST)
    flats = []
    for i, res in enumerate(res_dirs):
        flat = scratch / f"compiled-{i}.zip"
        tool("aapt2", "compile", "--dir", str(res), "-o", str(flat))
        flats.append(str(flat))
    apk = scratch / "leaflets.apk"
    tool("aapt2", "link", "-o", str(apk), "--manifest", str(scratch / "AndroidManifest.xml"), *flats)
    dump = tool("aapt", "dump", "--values", "resources", str(apk))
    values: dict[tuple[str, str], str] = {}
    config = ""
    lines = dump.splitlines()
    for line, following in itertools.pairwise(lines):
        if match := re.match(r"\s+config (\S+):", line):
            config = match.group(1)
        elif match := re.match(r"\s+resource 0x\w+ [\w.]+:string/(\w+): t=0x03", line):
            stored = re.fullmatch(r'\s+\(string(?:8|16)\) "(.*)"', following)
            assert stored, following
            values[(config, match.group(1))] = re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1),
                                                                                                 m.group(1)),
                                                      stored.group(1))
    return values


def formatted(stored: str, source: str) -> str:
    """What Java's String.format gives with each placeholder's value, in source order."""
    order = list(dict.fromkeys(PLACEHOLDER.findall(source)))
    if not order:
        return stored
    return re.sub(r"%(?:(\d+)\$s|%)", lambda m: value_for(order[int(m.group(1)) - 1]) if m.group(1) else "%", stored)


needs_aapt = pytest.mark.skipif(not shutil.which("aapt2") or not shutil.which("aapt"),
                                reason="Debian's aapt package (installed by .ci/run)")


@needs_aapt
def test_tricky_text_survives_aapt(tmp_path: Path) -> None:
    for folder, locale, texts in (("values", "en", SOURCE), ("values-ar", "ar", TRICKY)):
        (tmp_path / "res" / folder).mkdir(parents=True)  # aapt2 drops a string that has no default value
        (tmp_path / "res" / folder / "strings.xml").write_bytes(
            android.render(strings(texts, SOURCE, locale=locale, direction="rtl" if locale == "ar" else "ltr")))
    values = compiled_values([tmp_path / "res"], tmp_path)
    shown = {key: formatted(values[("ar", android.resource_name("endoscopic-discectomy", key))], SOURCE[key])
             for key in TRICKY}
    assert shown == {key: filled(text) for key, text in TRICKY.items()}


@needs_aapt
def test_every_shipped_string_compiles_and_reads_back(content_root: Path, run, tmp_path: Path) -> None:
    out = build_with_targets(run, content_root, ["documents", "i18next", "android"])
    res_dirs = sorted(out.glob("android/*/res"))
    values = compiled_values(res_dirs, tmp_path)
    source = {(pid, key): text for locale, pid, flat in published(out) if locale == "en" for key, text in flat.items()}
    expected, shown = {}, {}
    for locale, pid, flat in published(out):
        config = "(default)" if locale == "en" else android.qualifier(locale)
        for key, text in flat.items():
            expected[(config, pid, key)] = filled(text)
            shown[(config, pid, key)] = formatted(values[(config, android.resource_name(pid, key))], source[(pid, key)])
    assert {config for config, _, _ in expected} >= {"(default)", "es", "b+zh+Hans", "vi", "ar"}
    assert shown == expected
    listed = {path for locale in manifest_of(out)["locales"] for proc in locale["procedures"] for path in proc["files"]}
    assert {p.relative_to(out).as_posix() for p in out.glob("android/*/res/*/strings.xml")} == listed & {
        p for p in listed if p.startswith("android/")}
