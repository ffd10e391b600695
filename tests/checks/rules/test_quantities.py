"""E209 number-unit: a number of the source stays with its unit in the translation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.checks.rules import quantities, units
from pipeline.checks.text import _NUMBER
from pipeline.termbase.model import Concept, Term, Termbase

from .helpers import assert_flagged, context, entry, row_ids, run
from .sentences import ACTIVITY, ACTIVITY_T, INCISION, INCISION_ES

REST = "Rest for 2 days, then walk for 3 weeks."

CLEAN = [
    # locale, source, translation
    ("es", ACTIVITY, ACTIVITY_T["es"]),
    ("zh_Hans", ACTIVITY, ACTIVITY_T["zh_Hans"]),
    ("ar", ACTIVITY, ACTIVITY_T["ar"]),
    ("vi", ACTIVITY, ACTIVITY_T["vi"]),
    ("es", INCISION, INCISION_ES),
    ("es", REST, "Descanse 2 días y luego camine 3 semanas."),
    ("es", REST, "Camine 3 semanas después de descansar 2 días."),  # the order of a sentence may change
    ("zh_Hans", REST, "休息2天，然后步行3周。"),
    ("zh_Hans", "Rest for 2 days, then walk for 3 months.", "休息2天，然后步行3个月。"),  # 个 between them
    ("vi", REST, "Nghỉ ngơi 2 ngày, sau đó đi bộ 3 tuần."),
    ("ar", REST, "استرح لمدة ٢ أيام ثم امش لمدة ٣ أسابيع."),  # Arabic-Indic digits
    ("ht", REST, "Repoze 2 jou, apre sa mache 3 semèn."),
    ("es", "The cut is 10 mm. Do not lift more than 5 kg.", "El corte mide 10 mm. No levante más de 5 kg."),
    ("es", "Walk for 2 to 4 weeks after 3 days.", "Camine de 2 a 4 semanas después de 3 días."),
    ("es", "A 3-day course, then 2 weeks of rest.", "Un tratamiento de 3 días y luego 2 semanas de descanso."),
    # each side is read as far as it goes: a number written as a word, a unit the termbase does
    # not list, a number without a unit
    ("es", REST, "Descanse dos días y luego camine 3 semanas."),
    ("es", REST, "Descanse 2 jornadas y luego camine 3 semanas."),
    ("es", "Day 2: walk for 3 weeks.", "Día 2: camine 3 semanas."),
    ("es", "On day 3, rest for 2 weeks.", "El día 3, descanse 2 semanas."),
    # a unit the source does not name at all is the units check's finding (E202), said once
    ("es", "Do not drive for 2 weeks.", "No conduzca durante 2 días."),
    # a unit with fewer of the source's numbers (a range said once), or with a number the source
    # does not have at all (the numbers check's finding)
    ("es", "Rest for 2 weeks to 4 weeks.", "Descanse de 2 a 4 semanas."),
    ("zh_Hans", "Rest for 2 weeks to 4 weeks.", "休息2到4周。"),
    ("es", "Rest for 1.5 hours.", "Descanse 1 hora y media."),
    ("es", "Walk for 10 minutes, 3 times a day.", "Camine 10 minutos, 3 veces al día."),
    ("es", "Rest for two days, then walk for three weeks.", "Descanse 2 días y luego camine 3 semanas."),
    ("es", "Rest for two days, then walk for three weeks.", "Descanse dos días y luego camine tres semanas."),
    ("es", "Walk for twenty-one days.", "Camine 21 días."),
    ("es", "Rest for one day, then often for weeks.", "Descanse 1 día y luego, a menudo, durante semanas."),
    # in Chinese an ordinal (第4天, the fourth day) and a date (3月5日, 5 March) count nothing
    ("zh_Hans", "Rest for 3 days. On day 4 you can shower.", "休息三天。第4天可以淋浴。"),
    ("zh_Hans", "Rest for 3 days. On day 4 you can shower.", "休息三天。第 4 天可以淋浴。"),
    ("zh_Hans", "Walk for 1 hour 30 minutes.", "步行1小时30分钟。"),
    ("vi", "Rest for 3 months from 5 March.", "Nghỉ ngơi ba tháng kể từ ngày 5 tháng 3."),
    ("vi", "Rest for 3 months from 5 March 2027.", "Nghỉ ngơi ba tháng kể từ Ngày 5 tháng 3 năm 2027."),
    # a unit the source does not name, where the translation has no word of the source's: the units
    # check's finding (E202), said once
    ("es", "Rest for 2 weeks.", "Descanse 2 días."),
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("es", REST, "Descanse 3 días y luego camine 2 semanas.",
     "a number is given another unit: 3 días where the source has 3 weeks; 2 semanas where the source has 2 days"),
    ("es", "Rest for 2 days; the wound heals within weeks.", "Descanse 2 semanas; la herida sana en días.",
     "2 semanas where the source has 2 days"),
    ("es", "The cut is 10 mm. Do not lift more than 5 kg.", "El corte mide 5 mm. No levante más de 10 kg.",
     "5 mm where the source has 5 kg; 10 kg where the source has 10 mm"),
    ("es", "The cut is about 5 mm; the scar fades over 6 months.", "El corte mide 6 mm; la cicatriz se aclara en 5 meses.",
     "6 mm where the source has 6 months"),
    ("es", "Rest for 2–4 weeks after 3 days.", "Descanse 2–4 días después de 3 semanas.", "4 días where the source has 4 weeks"),
    ("zh_Hans", "Rest for 2 days, then walk for 3 months.", "休息3天，然后步行2个月。", "3 天 where the source has 3 months"),
    # a unit given another number of the source, which E201 (the same numbers) and E202 (the same
    # units) pass
    ("es", "Walk for 10 minutes, 3 times a day.", "Camine 3 minutos, 10 veces al día.",
     "a unit is given another number of the source: 3 minutos where the source has 10 minutes"),
    ("zh_Hans", "Walk for 10 minutes, 3 times a day.", "每天步行10次，每次3分钟。", "3 分钟 where the source has 10 minutes"),
    ("vi", "Walk for 10 minutes, 3 times a day.", "Đi bộ 3 phút, ngày 10 lần.", "3 phút where the source has 10 minutes"),
    ("ar", "Walk for 10 minutes, 3 times a day.", "امشِ 3 دقائق، 10 مرات في اليوم.", "3 دقائق where the source has 10 minutes"),
    ("ht", "Walk for 10 minutes, 3 times a day.", "Mache 3 minit, 10 fwa pa jou.", "3 minit where the source has 10 minutes"),
    # the source may write a number as an English word (W312 asks for digits): still its unit's
    ("es", "Rest for two days, then walk for three weeks.", "Descanse 3 días y luego camine 2 semanas.",
     "3 días where the source has 3 weeks; 2 semanas where the source has 2 days"),
    ("zh_Hans", "Rest for two days, then walk for twenty-one days or three weeks.", "休息3天，然后步行21天或2周。",
     "2 周 where the source has 2 days"),
    ("vi", "Walk for ten minutes, three times a day.", "Đi bộ 3 phút, ngày 10 lần.", "3 phút where the source has 10 minutes"),
    # a number before a unit beside an ordinal or a date is still read
    ("vi", "Rest for 3 months, then walk for 5 days from 5 March.",
     "Nghỉ ngơi 5 tháng, sau đó đi bộ 3 ngày kể từ ngày 5 tháng 3.", "5 tháng where the source has 5 days"),
    ("zh_Hans", "Rest for 3 days, then from day 4 walk for 2 weeks.", "休息2天，然后从第4天起步行3周。",
     "2 天 where the source has 2 weeks; 3 周 where the source has 3 days"),
    # the source names both units, once each, and so does the translation: E202 passes it
    ("es", "Rest for a few days, then walk for 2 weeks.", "Descanse unas semanas y luego camine 2 días.",
     "2 días where the source has 2 weeks"),
    ("ar", REST, "استرح لمدة 3 أيام ثم امش لمدة 2 أسابيع.", "2 أسابيع where the source has 2 days"),
    ("ar", REST, "استرح لمدة ٣ أيام ثم امش لمدة ٢ أسابيع.", "3 أيام where the source has 3 weeks"),
    # the marks an Arabic text may hold around a number (LRM, an isolate) stand between nothing
    ("ar", REST, "استرح لمدة \u200e3\u200e أيام ثم امش لمدة \u20682\u2069 أسابيع.", "3 أيام where the source has 3 weeks"),
    ("vi", REST, "Nghỉ ngơi 3 ngày, sau đó đi bộ 2 tuần.", "2 tuần where the source has 2 days"),
    ("ht", REST, "Repoze 3 jou, apre sa mache 2 semèn.", "3 jou where the source has 3 weeks"),
    # a unit the source does not name, where the translation still names the source's unit elsewhere
    # (al día siguiente, ngày hôm sau, chak jou, 第10天), so that the units check finds it there
    ("es", "Remove the dressing after 2 days and shower the next day.",
     "Retire el apósito a las 2 semanas y dúchese al día siguiente.", "2 semanas where the source has 2 days"),
    ("vi", "Remove the dressing after 2 days and shower the next day.",
     "Tháo băng sau 2 tuần và tắm vào ngày hôm sau.", "2 tuần where the source has 2 days"),
    ("ht", "Rest for 3 days; walk a little each day.", "Repoze w pandan 3 semèn; mache yon ti kras chak jou.",
     "3 semèn where the source has 3 days"),
    ("zh_Hans", "Rest for 3 days. Come back on day 10.", "休息3周。第10天复诊。", "3 周 where the source has 3 days"),
]


@pytest.mark.parametrize("locale,msgid,msgstr", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr):
    assert run(quantities, entry(msgid, msgstr, locale)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, expected):
    assert_flagged(run(quantities, entry(msgid, msgstr, locale)), "E209", expected)


def test_one_number_before_two_units_is_not_read_as_a_swap():
    # "2 days, then 2 weeks" with its units swapped keeps 2 before a day and 2 before a week: the
    # pairs are the same, and only the order of the sentence tells them apart
    assert run(quantities, entry("Rest for 2 days, then walk for 2 weeks.",
                                 "Descanse 2 semanas y luego camine 2 días.", "es")) == []


@settings(max_examples=500)
@given(st.text(alphabet="0123456789٣５.,\u00a0\u202f\u066b\u066c a-", max_size=16))
def test_a_number_read_back_from_its_unit_is_the_number_read_forwards(text):
    # the numbers check reads numbers forwards (`text.numbers`); this check reads back from a unit
    numbers = list(_NUMBER.finditer(text))
    expected = numbers[-1].group(0) if numbers and numbers[-1].end() == len(text) else None
    assert quantities._number_before(text, len(text)) == expected


# Units as the shipped termbase writes them in Chinese, 日 (day) and 月 (month) among them, which
# the fixture's termbase does not have: the numbers of a date stand before them.
DATED = Termbase(tuple(Concept(cid, "time", "", {"en": (Term(en, "preferred", match="forms", forms=(en, en + "s")),),
                                                 "zh_Hans": tuple(Term(zh, "preferred") for zh in zhs)})
                       for cid, en, zhs in (("day", "day", ("天", "日")), ("month", "month", ("个月", "月")),
                                            ("year", "year", ("年",)))))
DATED_ROWS = [
    # source, translation, telling part of the message (None: no finding)
    ("Rest for 3 days from 5 March.", "从3月5日起休息三天。", None),
    ("Rest for 3 days from 5 March 2027.", "从2027年3月5日起休息三天。", None),
    ("Rest for 3 days from 5 March.", "从3月5日起休息5天。", "5 天 where the source has 3 days"),
]


@pytest.mark.parametrize("msgid,msgstr,expected", DATED_ROWS, ids=row_ids(DATED_ROWS))
def test_the_numbers_of_a_chinese_date_count_nothing(msgid, msgstr, expected):
    found = run(quantities, entry(msgid, msgstr, "zh_Hans"), context("zh_Hans", termbase=DATED))
    if expected is None:
        assert found == []
    else:
        assert_flagged(found, "E209", expected)


# What a number counts besides a unit (subject `count`): the times something is done and the tablets
# of a dose, beside units of time. The shipped termbase has them; the fixture's does not.
def _concept(cid: str, subject: str, **terms: tuple[str, ...]) -> Concept:
    return Concept(cid, subject, "", {lang: (Term(forms[0], "preferred", match="forms", forms=forms),)
                                      for lang, forms in terms.items()})


COUNTED = Termbase((
    _concept("times", "count", en=("times",), es=("vez", "veces")),
    _concept("tablet", "count", en=("tablet", "tablets"), es=("comprimido", "comprimidos")),
    _concept("day", "time", en=("day", "days"), es=("día", "días")),
    _concept("drop", "count", en=("drop", "drops"), es=("gota", "gotas")),
    _concept("millilitre", "unit", en=("ml",), es=("ml",)),
))
COUNTED_ROWS = [
    # source, translation, telling part of the message (None: no finding)
    ("Take 2 tablets 3 times a day.", "Tome 2 comprimidos 3 veces al día.", None),
    ("Take 2 tablets 3 times a day.", "Tome 2 comprimidos tres veces al día.", None),
    ("Take 2 tablets twice a day.", "Tome 2 comprimidos 2 veces al día.", None),
    ("Change the dressing every 2 days.", "Cambie el apósito cada 2 días.", None),
    # the dose and the frequency trade places
    ("Take 2 tablets 3 times a day.", "Tome 3 comprimidos 2 veces al día.",
     "3 comprimidos where the source has 3 times; 2 veces where the source has 2 tablets"),
    # a frequency becomes an interval, and an interval a frequency
    ("Take 1 tablet 2 times a day.", "Tome 1 comprimido cada 2 días.", "2 días where the source has 2 times"),
    ("Change the dressing every 2 days.", "Cambie el apósito 2 veces al día.", "2 veces where the source has 2 days"),
    # what the source counts turned into a measure it does not name, which the units check (E202)
    # does not ask for; a measure the source names beside its count stays clean
    ("Put 2 drops in each eye 3 times a day.", "Ponga 2 gotas en cada ojo 3 veces al día.", None),
    ("Take 1 tablet (5 ml) twice a day.", "Tome 1 comprimido (5 ml) 2 veces al día.", None),
    ("Take 2 tablets 3 times a day.", "Tome 2 ml 3 veces al día.", "2 ml where the source has 2 tablets"),
    ("Put 2 drops in each eye 3 times a day.", "Ponga 2 ml en cada ojo 3 veces al día.",
     "2 ml where the source has 2 drops"),
]


@pytest.mark.parametrize("msgid,msgstr,expected", COUNTED_ROWS, ids=row_ids(COUNTED_ROWS))
def test_a_number_stays_with_what_it_counts(msgid, msgstr, expected):
    found = run(quantities, entry(msgid, msgstr, "es"), context("es", termbase=COUNTED))
    if expected is None:
        assert found == []
    else:
        assert_flagged(found, "E209", expected)


def test_a_count_word_is_not_a_unit_the_translation_must_repeat():
    # "at all times" names no count: the units check (E202) asks nothing for a `count` concept
    found = run(units, entry("Keep the wound dry at all times, for 3 times as long.",
                             "Mantenga la herida seca siempre, durante el triple de tiempo.", "es"),
                context("es", termbase=COUNTED))
    assert found == []
