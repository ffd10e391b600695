"""E202 units: a unit after a number in the source is rendered with its approved term."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import units
from pipeline.termbase.model import Concept, Term, Termbase

from .helpers import assert_flagged, context, entry, row_ids, run
from .sentences import ACTIVITY, ACTIVITY_T, planted

CLEAN = [
    # locale, source, translation
    ("es", ACTIVITY, ACTIVITY_T["es"]),
    ("zh_Hans", ACTIVITY, ACTIVITY_T["zh_Hans"]),
    ("vi", ACTIVITY, ACTIVITY_T["vi"]),
    ("es", "A week of rest helps.", "Una semana de descanso ayuda."),  # a unit without a number, rendered
    ("vi", "Do not lift more than 5 kg.", "Không nâng vật nặng hơn 5 ki-lô-gam."),  # an approved term with hyphens
    ("vi", "The cut is about 5 mm.", "Vết cắt dài khoảng 5 mi-li-mét."),
    ("es", "It is a same-day procedure.", "Es un procedimiento ambulatorio."),  # the day of a longer term names no day
    # a number and its unit read alike written apart, glued, or with a no-break space between them
    ("es", "The cut is about 5 mm.", "El corte mide unos 5mm."),
    ("es", "The cut is about 5mm.", "El corte mide unos 5 mm."),
    ("es", "The cut is 5–10 mm long.", "El corte mide 5–10mm."),
    ("es", "The cut is 5 mm long.", "El corte mide 5\u202fmm."),
    ("es", "Do not lift more than 5 kg.", "No levante más de 5kg."),
    ("vi", "The cut is about 5 mm.", "Vết cắt dài khoảng 5mm."),
    ("vi", "Do not lift more than 5 kg.", "Không nâng vật nặng hơn 5kg."),
    ("ht", "The cut is about 5 mm.", "Koupi a mezire anviwon 5mm."),
    ("ar", "The cut is about 5 mm.", "يبلغ طول الجرح حوالي ٥مم."),
    ("ar", "The cut is about 5 mm.", "يبلغ طول الجرح حوالي 5\u00a0مم."),
    # Arabic written with short vowels, tanween and shadda (as a fully vowelled text has them)
    ("ar", "Do not drive for two weeks after your operation.", "لَا تَقُدِ السَّيَّارَةَ لِمُدَّةِ أُسْبُوعَيْنِ بَعْدَ الْعَمَلِيَّةِ."),
    ("ar", "You may feel some leg pain for weeks.", "قد تشعر ببعض الألم في ساقك لِأَسَابِيعَ."),
    ("ar", "Numbness may last for months.", "قد يستمر الخدر لِشُهُورٍ."),
    ("zh_Hans", "The cut is about 5 mm.", "切口长约 5 毫米。"),
    # a unit the source names without a number, said in a smaller unit with the number it makes
    # (which number is the numbers check's to compare)
    ("es", "Walk for half an hour every day.", "Camine 30 minutos todos los días."),
    ("ht", "Walk for half an hour every day.", "Mache 30 minit chak jou."),
    ("vi", "The procedure takes an hour and a half.", "Thủ thuật kéo dài 90 phút."),
    ("zh_Hans", "Do not take a bath for a week.", "7天内不要泡澡。"),
    ("es", "Keep the dressing dry for a day.", "Mantenga el apósito seco durante 24 horas."),
    # a week said in days with a number word: "siete días", "ocho días" and "uit jou" (a week, as
    # Spanish and Haitian Creole say it), bảy ngày, 七天, سبعة أيام
    ("es", "Do not take a bath for a week.", "No se bañe en la bañera durante siete días."),
    ("es", "Rest for a week.", "Descanse ocho días."),
    ("ht", "Rest for a week.", "Repoze w pandan uit jou."),
    ("vi", "Rest for a week.", "Nghỉ ngơi bảy ngày."),
    ("ar", "Rest for a week.", "استرح لمدة سبعة أيام."),
    # "one week" is "a week": it may be said in days with a number, a word between them or not
    ("vi", "Keep the wound clean and dry for one week.", "Giữ vết mổ sạch và khô trong 7 ngày."),
    ("ht", "Your pain should slowly improve over the first week.",
     "Doulè w la ta dwe diminye tou dousman pandan 7 premye jou yo."),
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("es", ACTIVITY, planted(ACTIVITY_T["es"], "2–4 semanas", "2–4 días"),
     "unit 'weeks' is not rendered with its approved term semana (found día instead)"),
    ("zh_Hans", ACTIVITY, planted(ACTIVITY_T["zh_Hans"], "2–4周", "2–4天"), "unit 'weeks'"),
    ("vi", ACTIVITY, planted(ACTIVITY_T["vi"], "tuần", "ngày"), "unit 'weeks'"),
    ("es", "A week of rest helps.", "Descansar ayuda.", "week"),  # a unit without a number still counts
    # a unit changed is named however the number and the unit are spaced, in the source or the translation
    ("es", "The cut is about 5 mm.", "El corte mide unos 5cm.",
     "unit 'mm' is not rendered with its approved term milímetro / mm (found cm instead)"),
    ("es", "The cut is about 5mm.", "El corte mide unos 5 cm.", "unit 'mm' is not rendered"),
    ("es", "The cut is about 5mm.", "El corte mide unos 5cm.", "unit 'mm' is not rendered"),
    ("vi", "The cut is about 5mm.", "Vết cắt dài khoảng 5cm.", "unit 'mm' is not rendered"),
    ("ar", "The cut is about 5 mm.", "يبلغ طول الجرح حوالي ٥سم.", "(found سم instead)"),
    ("ar", "Do not drive for two weeks.", "لَا تَقُدِ السَّيَّارَةَ لِمُدَّةِ يَوْمَيْنِ.", "(found يوم instead)"),
    ("zh_Hans", "The cut is about 5mm.", "切口长约5厘米。", "unit 'mm' is not rendered with its approved term 毫米 / mm"),
    ("es", "Rest for 24hours.", "Descanse 24 minutos.", "unit 'hours'"),
    # a smaller unit stands for a unit without a number only with a number of its own
    ("es", "Rest for a week.", "Descanse unos días.", "unit 'week' is not rendered with its approved term semana"),
    ("es", "Walk for half an hour.", "Camine 30 segundos.", "unit 'hour'"),
    ("es", "Rest for 2 weeks.", "Descanse 2 días.", "unit 'weeks'"),
    # a unit written with letters that only look like Latin ones (full-width, as an input method
    # types them; Cyrillic) names no unit: the finding says which letter, as the text looks right
    ("zh_Hans", "The cut is about 5 mm.", "切口长约５ｍｍ。",
     "unit 'mm' is not rendered with its approved term 毫米 / mm: '５ｍｍ' has U+FF4D FULLWIDTH LATIN SMALL "
     "LETTER M, which only looks like a Latin letter"),
    ("es", "The cut is about 5 mm.", "El corte mide unos 5 ｃｍ.",
     "'ｃｍ' has U+FF43 FULLWIDTH LATIN SMALL LETTER C, which only looks like a Latin letter"),
    ("es", "Do not lift more than 5 kg.", "No levante más de 5 кg.",
     "'кg' has U+043A CYRILLIC SMALL LETTER KA, which only looks like a Latin letter"),
    # a number before what it counts is no number of days for a week
    ("ar", "Do physiotherapy exercises 3 times a week.", "مارس تمارين العلاج الطبيعي 3 مرات يوميًا.",
     "unit 'week' is not rendered"),
    ("ht", "Do the exercises 3 times a week.", "Fè egzèsis yo 3 fwa pa jou.", "(found jou"),
    # a number word that is no number of days (un, una is "a"), or none at all
    ("es", "Rest for a week.", "Descanse unos días.", "unit 'week' is not rendered"),
    ("es", "Rest for a week.", "Descanse un día.", "unit 'week' is not rendered"),
]


@pytest.mark.parametrize("locale,msgid,msgstr", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr):
    assert run(units, entry(msgid, msgstr, locale)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, expected):
    assert_flagged(run(units, entry(msgid, msgstr, locale)), "E202", expected)


# Units whose Chinese terms hold one another: 克 (gram) is inside 毫克 (milligram), 升 (litre)
# inside 毫升 (millilitre).
NESTED = Termbase(tuple(Concept(cid, "unit", "", {"en": (Term(en, "preferred", match="forms", forms=(en, en + "s")),),
                                                  "zh_Hans": (Term(zh, "preferred"),)})
                        for cid, en, zh in (("gram", "gram", "克"), ("milligram", "milligram", "毫克"),
                                            ("litre", "litre", "升"), ("millilitre", "millilitre", "毫升"))))

NESTED_ROWS = [
    # source, translation, telling part of the message (None: clean)
    ("Each tablet holds 1 gram.", "每片含1克。", None),
    ("Each tablet holds 1 milligram.", "每片含1毫克。", None),
    ("Each tablet holds 1 gram.", "每片含1毫克。", "unit 'gram' is not rendered with its approved term 克 (found 毫克 instead)"),
    ("The bag holds 2 litres.", "袋子容量为2毫升。", "unit 'litres' is not rendered"),
    ("Take 1 gram, then 5 milligrams.", "先服1克，再服5毫克。", None),
    ("Take 1 gram, then 5 milligrams.", "先服1毫克，再服5毫克。", "unit 'gram'"),
]


@pytest.mark.parametrize("msgid,msgstr,expected", NESTED_ROWS, ids=row_ids(NESTED_ROWS))
def test_a_unit_inside_a_longer_unit_of_another_concept_is_that_unit(msgid, msgstr, expected):
    found = run(units, entry(msgid, msgstr, "zh_Hans"), context("zh_Hans", termbase=NESTED))
    if expected is None:
        assert found == []
    else:
        assert_flagged(found, "E202", expected)
