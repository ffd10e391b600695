"""Flutter ARB files, read back with gen-l10n's rules: names, @@locale, placeholder metadata, literal text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.release import flutter

from .helpers import PLACEHOLDER, build_with_targets, filled, manifest_of, published, strings

DART_IDENTIFIER = re.compile(r"[a-z][A-Za-z0-9]*")


@pytest.mark.parametrize(("key", "name"), [
    ("faq.how-long.answer", "faqHowLongAnswer"), ("title", "title"), ("during.steps.incision", "duringStepsIncision"),
])
def test_message_names_are_dart_identifiers(key: str, name: str) -> None:
    assert flutter.names(strings({key: "x"})) == {key: name}


@pytest.mark.parametrize(("texts", "complaint"), [
    ({"faq.how-long": "a", "faq.how.long": "b"}, "'faq.how.long': becomes message name 'faqHowLong', as 'faq.how-long'"),
    ({"in": "a"}, "message name 'in' is not a Dart identifier"),
    ({"2nd.step": "a"}, "message name '2ndStep' is not a Dart identifier"),
    ({"k": "a { b"}, "a literal brace cannot be written"),
    ({"k": "Call {class}"}, "placeholder {class} cannot be a Dart parameter name"),
])
def test_what_flutter_cannot_express_is_a_build_error(texts: dict[str, str], complaint: str) -> None:
    with pytest.raises(InputError, match=re.escape(complaint)):
        flutter.render(strings(texts), True)


def test_apostrophes_and_placeholders_stay_as_flutter_reads_them() -> None:
    arb = json.loads(flutter.render(strings({"contact.call": "Call {clinic_name}'s desk, {surgeon_name}."}), True))
    assert arb["contactCall"] == "Call {clinic_name}'s desk, {surgeon_name}."
    assert arb["@contactCall"]["placeholders"] == {"clinic_name": {"type": "String"}, "surgeon_name": {"type": "String"}}


def test_every_published_locale_has_an_arb_gen_l10n_accepts(content_root: Path, run) -> None:
    out = build_with_targets(run, content_root, ["documents", "i18next", "flutter"])
    listed = {path for locale in manifest_of(out)["locales"] for proc in locale["procedures"] for path in proc["files"]}
    for locale, pid, flat in published(out):
        path = f"flutter/{pid}/app_{locale.replace('-', '_')}.arb"
        assert path in listed
        arb = json.loads((out / path).read_text("utf-8"))
        template = json.loads((out / f"flutter/{pid}/app_en.arb").read_text("utf-8"))
        assert arb["@@locale"] == locale.replace("-", "_")
        messages = {name: text for name, text in arb.items() if not name.startswith("@")}
        assert all(DART_IDENTIFIER.fullmatch(name) for name in messages)
        assert sorted(messages) == sorted(flutter.message_name(key) for key in flat)
        for key, text in flat.items():
            name = flutter.message_name(key)
            declared = template[f"@{name}"].get("placeholders", {})
            assert set(PLACEHOLDER.findall(messages[name])) == set(declared)
            assert all(spec == {"type": "String"} for spec in declared.values())
            # With use-escaping off, gen-l10n substitutes {name} and keeps every other character.
            assert PLACEHOLDER.sub(lambda m: f"«{m.group(1)}»", messages[name]) == filled(text)
    assert any(locale == "ar" for locale, _, _ in published(out))
