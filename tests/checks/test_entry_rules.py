"""Entry checks on real shipped translations: clean as shipped, and each planted defect caught."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import (
    brackets,
    dnt,
    length,
    markup,
    numbers,
    placeholders,
    punctuation,
    term_deprecated,
    term_missing,
    unchanged,
    units,
    whitespace,
)

from .helpers import planted, run, shipped

NEURO = "endoscopic-neurotomy"
DISC = "endoscopic-discectomy"

CASES = [
    # check, locale, procedure, entry, planted (old, new) or None, expected message (None: clean)
    (numbers, "es", NEURO, "recovery.activity", None, None),
    (numbers, "es", NEURO, "recovery.activity", ("2–4", "2–5"), "number 4 of the source is missing"),
    (numbers, "es", NEURO, "recovery.activity", ("2–4", "2-4"), None),
    (numbers, "es", NEURO, "during.steps.incision", ("5 mm", "5,0 mm"), None),
    (numbers, "es", NEURO, "during.steps.incision", ("5 mm", "15 mm"), "number 5 of the source is missing"),
    (numbers, "es", NEURO, "during.steps.incision", ("5 mm", "5 mm (1,5)"), "number 1.5 is not in the source"),
    (numbers, "zh_Hans", NEURO, "recovery.activity", ("2–4", "２–４"), None),
    (numbers, "ar", NEURO, "recovery.activity", ("2–4", "٢–٤"), None),
    (numbers, "ar", NEURO, "recovery.activity", ("2–4", "2–3"), "number 4"),
    (units, "es", NEURO, "recovery.activity", None, None),
    (units, "es", NEURO, "recovery.activity", ("2–4 semanas", "2–4 días"),
     "unit 'weeks' is not rendered with its approved term semana (found día instead)"),
    (units, "zh_Hans", NEURO, "recovery.activity", ("2–4周", "2–4天"), "unit 'weeks'"),
    (units, "vi", NEURO, "recovery.activity", ("tuần", "ngày"), "unit 'weeks'"),
    (placeholders, "es", NEURO, "contact.call", None, None),
    (placeholders, "es", NEURO, "contact.call", ("{clinic_phone}", "{telefono}"),
     "placeholder {clinic_phone} missing"),
    (placeholders, "zh_Hans", NEURO, "contact.call", ("{surgeon_name}", "{surgeon_name} %s"), "%s"),
    (markup, "es", NEURO, "contact.call", None, None),
    (markup, "es", NEURO, "contact.call", (None, " <script>alert(1)</script>"), "HTML tag '<script>'"),
    (markup, "es", NEURO, "contact.call", (None, ' <img src=x onerror=alert(1)>'), "event-handler attribute"),
    (markup, "ar", NEURO, "contact.call", (None, " https://evil.example/x"), "URL 'https://evil.example/x'"),
    (markup, "es", NEURO, "contact.call", (None, " [aquí](javascript:alert(1))"), "Markdown link"),
    (markup, "es", NEURO, "contact.call", (None, " &lt;b&gt;"), "HTML entity"),
    (markup, "es", NEURO, "contact.call", (None, " WWW.evil.example"), "URL 'WWW.evil.example'"),
    (markup, "es", NEURO, "contact.call", (None, " data:text/html,x"), "script link 'data:'"),
    (markup, "es", NEURO, "contact.call", (None, " a@b.example"), "e-mail address 'a@b.example'"),
    (placeholders, "es", NEURO, "recovery.activity", (None, " %d"), "placeholder %d is not in the source"),
    (term_missing, "es", DISC, "during.pressure", None, None),
    (term_missing, "es", DISC, "during.pressure", ("raíces nerviosas", "nervios"),
     "'nerve root' must be translated with the approved term raíz nerviosa"),
    (term_deprecated, "zh_Hans", DISC, "spine.disc-problems", ("椎间盘", "椎间碟"),
     "deprecated term '椎间碟' (disc): use '椎间盘'"),
    (dnt, "zh_Hans", DISC, "indications.tests", ("MRI", "Mri"), "'Mri' must be written exactly 'MRI'"),
    (unchanged, "es", DISC, "overview.title", None, None),
    (unchanged, "es", DISC, "overview.title", ("¿Qué es una discectomía endoscópica?",
                                              "What is an endoscopic discectomy?"), "identical"),
    (whitespace, "es", NEURO, "recovery.activity", ("Evite la", "Evite  la"), "doubled space"),
    (whitespace, "es", NEURO, "recovery.activity", (None, " "), "trailing white space"),
    (punctuation, "es", DISC, "overview.title", None, None),
    (punctuation, "es", DISC, "overview.title", ("¿", ""), "opens with '¿'"),
    (punctuation, "zh_Hans", DISC, "overview.title", ("？", "?"), "end the translation with '？'"),
    (punctuation, "ar", DISC, "overview.title", ("؟", "?"), "end the translation with '؟'"),
    (punctuation, "zh_Hans", NEURO, "recovery.activity", ("重物。", "重物"), "end the translation with '。'"),
    (brackets, "es", NEURO, "recovery.activity", ("Evite", "Evite ("), "unbalanced ( )"),
    (brackets, "es", NEURO, "recovery.activity", ("Evite", "Evite (sí)"), None),
    (brackets, "es", NEURO, "recovery.activity", ("Evite", "Evite )sí("), "unbalanced ( )"),
    (brackets, "es", NEURO, "recovery.activity", ("Evite", "Evite ((sí) (no))"), None),
    (brackets, "es", NEURO, "recovery.activity", ("Evite", "Evite (sí)) (no("), "unbalanced ( )"),
    (brackets, "es", NEURO, "recovery.activity", ("Evite", "Evite «sí"), "unbalanced « »"),
    (length, "es", NEURO, "recovery.activity", None, None),
    (length, "es", NEURO, "recovery.activity", ("Por lo general, puede volver a hacer actividades ligeras en "
                                                "unos pocos días. Evite la actividad física intensa y "
                                                "levantar objetos pesados durante al menos 2–4 semanas.",
                                                "Evite cargar peso 2–4 semanas."), "length ratio"),
]


@pytest.mark.parametrize("module,locale,procedure,msgctxt,plant,expected", CASES,
                         ids=[f"{c[0].NAME}-{c[1]}-{'clean' if c[5] is None else c[5][:30]}" for c in CASES])
def test_rule_on_real_content(module, locale, procedure, msgctxt, plant, expected):
    entry = shipped(locale, procedure, msgctxt)
    if plant is not None:
        entry = planted(entry, *plant)
    messages = run(module, entry, locale)
    if expected is None:
        assert messages == []
    else:
        assert any(expected in m for m in messages), messages


def test_unchanged_allows_a_string_of_only_placeholders_and_numbers():
    from dataclasses import replace

    entry = replace(shipped("es", NEURO, "contact.call"), msgid="{clinic_phone} 24/7", msgstr="{clinic_phone} 24/7")
    assert run(unchanged, entry, "es") == []


def test_plural_forms_must_match_the_locale():
    from dataclasses import replace

    from pipeline.checks.rules import plurals

    entry = replace(shipped("ar", NEURO, "contact.call"), msgid_plural="{n} days",
                    msgstr_plural=("a", "b", "c"))
    assert run(plurals, entry, "ar") == ["3 plural forms, the locale needs 6"]
