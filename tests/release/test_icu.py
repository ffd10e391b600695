"""ICU MessageFormat bundles, formatted by FormatJS's intl-messageformat and compared with the source of truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.release import icu

from ..node_tools import run_script
from .helpers import PLACEHOLDER, build_with_targets, filled, manifest_of, published, strings, value_for

TRICKY = [
    "It's a small incision.",
    "The surgeon's 'endoscope' is thin.",
    "Call {clinic_name}'s front desk.",
    "A literal { brace and } another.",
    "Quoted '{' and '}' and ''.",
    "'{clinic_name}'",
    "Ends with an apostrophe'",
    "{'",
    "Pain < 5 and mobility > 3, 50% #1 | done.",
    "Line one.\nLine two.",
    "{clinic_name}{surgeon_name} {clinic_phone}",
    "اتصل بـ {clinic_name} على الرقم {clinic_phone}.",
    "请致电 {clinic_name}：{clinic_phone}。",
]


def format_all(jobs: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    payload = [{"locale": locale, "message": message,
                "values": {name: value_for(name) for name in PLACEHOLDER.findall(source)}}
               for locale, message, source in jobs]
    return run_script("format_icu.mjs", payload)


def test_tricky_text_formats_back_to_itself() -> None:
    bundle = json.loads(icu.render(strings({f"k{i}": text for i, text in enumerate(TRICKY)})))
    results = format_all([("es", bundle[f"k{i}"], text) for i, text in enumerate(TRICKY)])
    assert [r.get("text", r.get("error")) for r in results] == [filled(text) for text in TRICKY]


@pytest.mark.parametrize(("text", "escaped"), [
    ("It's", "It''s"),
    ("a { b", "a '{' b"),
    ("}{", "'}{'"),
    ("'{'", "'''{'''"),
    ("{clinic_name}'s", "{clinic_name}''s"),
])
def test_escaping(text: str, escaped: str) -> None:
    assert icu.message(strings({"k": text}), "k") == escaped


@pytest.mark.parametrize(("translation", "complaint"), [
    ("Llame a {clinic}.", "placeholder {clinic} is not in the source text"),
    ("Llame a <b>{clinic_name}</b>.", "reads as markup"),
])
def test_a_message_that_cannot_be_exact_is_a_build_error(translation: str, complaint: str) -> None:
    with pytest.raises(InputError) as error:
        icu.render(strings({"contact.call": translation}, {"contact.call": "Call {clinic_name}."}))
    assert complaint in str(error.value)
    assert str(error.value).startswith("locales/es/LC_MESSAGES/endoscopic-discectomy.po: icu: es 'contact.call'")


def test_every_shipped_string_formats_to_its_source_of_truth(content_root: Path, run) -> None:
    out = build_with_targets(run, content_root, ["documents", "i18next", "icu"])
    jobs, expected = [], []
    for locale, procedure, flat in published(out):
        bundle = json.loads((out / locale / f"{procedure}.icu.json").read_text("utf-8"))
        assert sorted(bundle) == sorted(flat)
        for key, text in flat.items():
            jobs.append((locale, bundle[key], text))
            expected.append(filled(text))
    assert {locale for locale, _, _ in jobs} >= {"en", "es", "zh-Hans", "vi", "ar"}
    assert [r.get("text", r.get("error")) for r in format_all(jobs)] == expected
    listed = manifest_of(out)["locales"][2]["procedures"][0]["files"]
    assert any(path.endswith(".icu.json") for path in listed)
