"""W320 sentence-count: a translation with fewer sentences (and fewer clauses) than its source has
left one out; one with more than twice as many has something added."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.checks.rules import sentence_count
from pipeline.checks.text import _sentence_bounds_python, sentence_bounds

from .helpers import assert_flagged, entry, row_ids, run
from .sentences import ACTIVITY, ACTIVITY_T, CALL, CALL_T, INCISION, INCISION_ES, QUESTION, QUESTION_T

WOUND = "Keep the wound dry. Call us if the wound turns red."
WOUND_T = {
    "es": "Mantenga la herida seca. Llámenos si la herida se pone roja.",
    "zh_Hans": "请保持伤口干燥。如果伤口发红，请给我们打电话。",
    "ar": "حافظ على الجرح جافًا. اتصل بنا إذا احمرّ الجرح.",
    "vi": "Giữ vết thương khô ráo. Gọi cho chúng tôi nếu vết thương bị đỏ.",
    "ht": "Kenbe blesi a sèk. Rele nou si blesi a vin wouj.",
}
FEVER = "Do you have a fever? Call us at once!"
FEVER_T = {
    "es": "¿Tiene fiebre? ¡Llámenos de inmediato!",
    "ar": "هل لديك حمى؟ اتصل بنا فورًا!",
    "zh_Hans": "您发烧了吗？请立即给我们打电话！",
}
DOCTOR = "Dr. Lee will see you, e.g. on the day before. Bring your medicines, inhalers etc. They check them."
DOCTOR_ES = "La Dra. Lee lo verá, p. ej. el día anterior. Traiga sus medicamentos, inhaladores, etc. Los revisarán."
DOSE = "Take 2.5 mg twice a day. Stop after 5 days."

CLEAN = [
    # locale, source, translation
    ("es", WOUND, WOUND_T["es"]),
    ("zh_Hans", WOUND, WOUND_T["zh_Hans"]),
    ("ar", WOUND, WOUND_T["ar"]),
    ("vi", WOUND, WOUND_T["vi"]),
    ("ht", WOUND, WOUND_T["ht"]),
    ("es", ACTIVITY, ACTIVITY_T["es"]),
    ("zh_Hans", ACTIVITY, ACTIVITY_T["zh_Hans"]),
    ("ar", ACTIVITY, ACTIVITY_T["ar"]),
    ("vi", ACTIVITY, ACTIVITY_T["vi"]),
    ("es", CALL, CALL_T["es"]),
    ("zh_Hans", CALL, CALL_T["zh_Hans"]),
    ("ar", CALL, CALL_T["ar"]),
    ("es", QUESTION, QUESTION_T["es"]),
    ("es", FEVER, FEVER_T["es"]),                      # ¿ and ¡ open the two sentences
    ("ar", FEVER, FEVER_T["ar"]),                      # the Arabic question mark ends one
    ("zh_Hans", FEVER, FEVER_T["zh_Hans"]),
    ("es", INCISION, INCISION_ES),
    # two sentences joined with a comma, a semicolon or 、: every clause is still there
    ("es", WOUND, "Mantenga la herida seca, y llámenos si la herida se pone roja."),
    ("vi", WOUND, "Giữ vết thương khô ráo; gọi cho chúng tôi nếu vết thương bị đỏ."),
    ("zh_Hans", WOUND, "请保持伤口干燥，如果伤口发红，请给我们打电话。"),
    ("zh_Hans", WOUND, "请保持伤口干燥．如果伤口发红，请给我们打电话．"),           # full-width full stops
    ("ar", WOUND, "حافظ على الجرح جافًا، واتصل بنا إذا احمرّ الجرح."),
    ("ht", WOUND, "Kenbe blesi a sèk, epi rele nou si blesi a vin wouj."),
    # abbreviations, decimals, ellipses, quotes and a sentence ending in a placeholder
    ("es", DOCTOR, DOCTOR_ES),
    ("es", DOSE, "Tome 2,5 mg dos veces al día. Deje de tomarlo después de 5 días."),
    ("es", "Wait a little... Then stand up slowly.", "Espere un poco… Luego levántese despacio."),
    ("es", 'Say "stop." Then rest.', "Diga «pare». Luego descanse."),
    ("zh_Hans", 'Say "stop." Then rest.', "请说“停下。”然后休息。"),
    ("es", "Call {clinic_phone}. {clinic_name} is open every day.",
     "Llame al {clinic_phone}. {clinic_name} abre todos los días."),
    ("vi", "Dr. Lee will call you. Rest until then.", "BS. Lee sẽ gọi cho bạn. Hãy nghỉ ngơi đến lúc đó."),
    ("ar", "You may feel sore. This is normal.", "قد تشعر بألم۔ هذا أمر طبيعي۔"),
    # a list, one item a line
    ("es", "Bring:\n1. your medicines\n2. your ID card", "Traiga:\n1. sus medicamentos\n2. su documento de identidad"),
    # one sentence split in two is fine
    ("es", INCISION, "Su cirujano hace una pequeña incisión. Mide unos 5 mm. Está cerca de la parte que duele."),
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("es", WOUND, "Mantenga la herida seca.", "the source has 2 sentences, the translation 1"),
    ("es", WOUND, "Mantenga la herida seca.", "check that no sentence is left out"),
    ("es", WOUND, "Mantenga la herida seca.", "«Call us if the wound turns red.»"),
    ("zh_Hans", WOUND, "请保持伤口干燥。", "the source has 2 sentences, the translation 1"),
    ("ar", WOUND, "حافظ على الجرح جافًا.", "the source has 2 sentences, the translation 1"),
    ("vi", WOUND, "Gọi cho chúng tôi nếu vết thương bị đỏ.", "the source has 2 sentences, the translation 1"),
    ("ht", WOUND, "Rele nou si blesi a vin wouj.", "the source has 2 sentences, the translation 1"),
    ("es", ACTIVITY, ACTIVITY_T["es"].split(". ")[1], "the source has 2 sentences"),
    ("zh_Hans", ACTIVITY, ACTIVITY_T["zh_Hans"].split("。")[0] + "。", "the source has 2 sentences"),
    ("ar", ACTIVITY, ACTIVITY_T["ar"].split(". ")[1], "the source has 2 sentences"),
    ("vi", ACTIVITY, ACTIVITY_T["vi"].split(". ")[0] + ".", "the source has 2 sentences"),
    ("es", FEVER, "¿Tiene fiebre?", "the source has 2 sentences, the translation 1"),
    ("ar", FEVER, "هل لديك حمى؟", "the source has 2 sentences, the translation 1"),
    ("zh_Hans", FEVER, "请立即给我们打电话！", "the source has 2 sentences, the translation 1"),
    ("es", CALL, CALL_T["es"].split(". ")[0] + ".", "the source has 2 sentences"),
    # an abbreviation or a decimal in the translation does not stand for the lost sentence
    ("es", DOCTOR, "La Dra. Lee lo verá, p. ej. el día anterior. Los revisarán.",
     "the source has 3 sentences, the translation 2"),
    ("es", DOSE, "Tome 2,5 mg dos veces al día.", "the source has 2 sentences, the translation 1"),
    ("vi", "Dr. Lee will call you. Rest until then.", "BS. Lee sẽ gọi cho bạn.", "the translation 1"),
    ("ar", "You may feel sore. This is normal.", "قد تشعر بألم۔", "the source has 2 sentences, the translation 1"),
    ("zh_Hans", 'Say "stop." Then rest.', "请说“停下。”", "the source has 2 sentences, the translation 1"),
    ("es", "Bring:\n1. your medicines\n2. your ID card", "Traiga:\n1. sus medicamentos", "the translation 2"),
    # far more sentences than the source: something added or repeated
    ("es", "Rest.", "Descanse. Camine a diario. Llámenos.", "the translation has 3 sentences, the source 1"),
    ("zh_Hans", WOUND, "请保持伤口干燥。请保持伤口干燥。如果伤口发红，请打电话。如果伤口发红，请打电话。我们会帮助您。",
     "check that nothing is added or repeated"),
]


@pytest.mark.parametrize("locale,msgid,msgstr", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr):
    assert run(sentence_count, entry(msgid, msgstr, locale)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, expected):
    assert_flagged(run(sentence_count, entry(msgid, msgstr, locale)), "W320", expected)


def test_each_plural_form_is_counted_against_its_source():
    one, many = "Rest for {n} day. Then walk.", "Rest for {n} days. Then walk."
    found = run(sentence_count, entry(one, "", "es", msgid_plural=many,
                                      msgstr_plural=("Descanse {n} día. Luego camine.", "Descanse {n} días.")))
    assert [text.split(":")[0] for _, _, text in found] == ["the source has 2 sentences, the translation 1"]


# Translations as long as their source, in every shipped language: their end marks alone show that
# no sentence is missing or added, and they are not split.
PASSED_OVER = [
    # locale, source, translation
    ("es", WOUND, WOUND_T["es"]),
    ("zh_Hans", WOUND, WOUND_T["zh_Hans"]),
    ("ar", WOUND, WOUND_T["ar"]),
    ("vi", WOUND, WOUND_T["vi"]),
    ("ht", WOUND, WOUND_T["ht"]),
    ("es", FEVER, FEVER_T["es"]),
    ("ar", FEVER, FEVER_T["ar"]),
    ("zh_Hans", FEVER, FEVER_T["zh_Hans"]),
    ("es", DOCTOR, DOCTOR_ES),                                      # "Dra.", "p. ej.", "etc." before a capital
    ("es", DOSE, "Tome 2,5 mg dos veces al día. Deje de tomarlo después de 5 días."),
    ("es", "Wait a little... Then stand up slowly.", "Espere un poco... Luego levántese despacio."),
    ("es", 'Say "stop." Then rest.', 'Diga "pare." Luego descanse.'),
    ("zh_Hans", 'Say "stop." Then rest.', "请说“停下。”然后休息。"),
    ("vi", "Dr. Lee will call you. Rest until then.", "BS. Lee sẽ gọi cho bạn. Hãy nghỉ ngơi đến lúc đó."),
    ("ar", "You may feel sore. This is normal.", "قد تشعر بألم۔ هذا أمر طبيعي۔"),
    ("ht", "He takes out the needle. Rest.", "Li retire zegwi a. Repoze w."),  # Haitian "a." ends a sentence
    ("es", "The bones (vertebrae). Rest.", "Los huesos (vértebras). Descanse."),
    ("ar", "Ask {surgeon_name}. Rest.", "اسأل {surgeon_name}. استرح."),                   # a placeholder ends one
    ("vi", "Ask {surgeon_name}. Rest.", "Hãy hỏi {surgeon_name}. Hãy nghỉ ngơi."),
    ("es", INCISION, "Su cirujano hace una pequeña incisión. Mide unos 5 mm. Está cerca de la parte que duele."),
]


@pytest.mark.parametrize("locale,msgid,msgstr", PASSED_OVER, ids=row_ids(PASSED_OVER))
def test_a_translation_as_long_as_its_source_is_not_split(locale, msgid, msgstr, monkeypatch):
    def split(*args):
        raise AssertionError(f"split: {msgstr!r}")

    monkeypatch.setattr(sentence_count, "_counted", split)
    assert run(sentence_count, entry(msgid, msgstr, locale)) == []


# Texts in every shipped language, with what decides where a sentence ends: every end mark, full-width
# runs and closing quotes, abbreviations, initials, list numbers, decimals, lower-case words, line
# breaks, clause marks.
_PIECES = ["Rest", "rest", "día", "chỗ", "a", "Lee", "Dr.", "Dra.", "p. ej.", "e.g.", "etc.", "BS.", "EE.", "J.",
           "1.", "12.", "٣.", "2.5", "2,5", ".", "!", "?", "…", "...", "؟", "۔", "¿", "¡", "。", "．", "｡", "！", "？",
           "？！", "”", "“", '"', "'", ")", "(", "»", "«", ",", ";", ":", "،", "؛", "，", "；", "：", "、", "الجرح",
           "ً", "伤口", "Ạ", "ạ", "%", "{clinic_name}", "}", " ", " ", " ", "  ", "\n", "\u00a0", "\u3000"]
_TEXTS = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=16).map("".join)


@given(source=_TEXTS, translation=_TEXTS)
@settings(max_examples=3000, deadline=None)
def test_passing_over_gives_the_verdict_of_counting(source, translation):
    """With the compiled bounds and with their Python reference."""
    parts, clauses = sentence_count._source(source)
    expected = sentence_count._counted(parts, clauses, translation)
    for bounds in (sentence_bounds, _sentence_bounds_python):
        with patch.object(sentence_count, "sentence_bounds", bounds):
            assert sentence_count._finding(source, translation) == expected


# Whole sentences of every shipped language, with abbreviations, decimals, quotes and placeholders.
_SENTENCES = ["Mantenga la herida seca.", "Llámenos si la herida se pone roja.", "La Dra. Lee lo verá, p. ej. el lunes.",
              "Tome 2,5 mg dos veces al día.", "¿Tiene fiebre?", "¡Llámenos de inmediato!", 'Diga "pare."',
              "Espere un poco...", "Llame a {clinic_name}.", "Camine (despacio).", "请保持伤口干燥。", "如果伤口发红，请打电话。",
              "您发烧了吗？", "请说“停下。”", "هل لديك حمى؟", "حافظ على الجرح جافًا.", "قد تشعر بألم۔",
              "BS. Lee sẽ gọi cho bạn.", "Gọi cho chúng tôi nếu vết thương bị đỏ.", "Li retire zegwi a.", "Repoze w!"]


@given(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=6), st.data())
@settings(max_examples=2000, deadline=None)
def test_a_left_out_sentence_gets_the_verdict_of_counting(chosen, data):
    """A translation that leaves out one sentence, or none, or repeats one."""
    source = " ".join(chosen)
    left = data.draw(st.integers(0, len(chosen)))
    kept = chosen[:left] + chosen[left + 1:] + data.draw(st.lists(st.sampled_from(chosen), max_size=len(chosen) + 2))
    translation = " ".join(kept)
    parts, clauses = sentence_count._source(source)
    assert sentence_count._finding(source, translation) == sentence_count._counted(parts, clauses, translation)
