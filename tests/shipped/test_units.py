"""The shipped termbase's units of time and measure, through the units check (E202): a dose, a
volume or a duration put in another unit's place is caught in every shipped language, and the
usual ways of writing each unit pass."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import units

from .helpers import findings


def _findings(locale: str, source: str, translation: str) -> list[str]:
    return findings(units, locale, source, translation)


DOSE = "The usual dose is 500 mg."
GRAMS = "Each tablet holds 1 gram."
DRINK = "Drink 250 ml of water."
LITRES = "The bag holds 2 litres."
MICRO = "The patch gives 25 micrograms."
LIFT = "Do not lift more than 10 pounds."
CUT = "The cut is about 1 inch long."
WAIT = "Wait 30 min before you stand up."
EVERY = "Take it every 8 hours."
EVERY_HRS = "Take it every 8 hrs."
FEVER = "Call us if your temperature is 38 °C or higher."
FEVER_F = "Call us if your temperature is 100.4 °F or higher."
HOLD = "Hold each stretch for 20 to 30 seconds."
WALK = "Walk 100 metres, then rest."
WALK_M = "Walk 100 m, then rest."
FAR = "Most people can walk 2 km by week 6."
DRIVE = "Do not drive more than 50 miles a day."

CLEAN = [
    # locale, source, translation
    ("es", DOSE, "La dosis habitual es de 500 mg."),
    ("es", DOSE, "La dosis habitual es de 500 miligramos."),
    ("es", GRAMS, "Cada comprimido contiene 1 gramo."),
    ("es", GRAMS, "Cada comprimido contiene 1 g."),
    ("es", DRINK, "Beba 250 ml de agua."),
    ("es", LITRES, "La bolsa contiene 2 litros."),
    ("es", MICRO, "El parche libera 25 microgramos."),
    ("es", LIFT, "No levante más de 10 libras."),
    ("es", CUT, "El corte mide aproximadamente 1 pulgada."),
    ("es", WAIT, "Espere 30 min antes de ponerse de pie."),
    ("es", WAIT, "Espere 30 minutos antes de ponerse de pie."),
    ("es", EVERY, "Tómelo cada 8 h."),  # the symbol Spanish dosing instructions use
    ("es", EVERY_HRS, "Tómelo cada 8 horas."),
    ("zh_Hans", DOSE, "常用剂量为500毫克。"),
    ("zh_Hans", GRAMS, "每片含1克。"),
    ("zh_Hans", DRINK, "喝250毫升水。"),
    ("zh_Hans", LITRES, "袋子容量为2升。"),
    ("vi", DOSE, "Liều thông thường là 500 mg."),
    ("vi", GRAMS, "Mỗi viên chứa 1 gam."),
    ("vi", DRINK, "Uống 250 ml nước."),
    ("vi", LITRES, "Túi chứa 2 lít."),
    ("ar", DOSE, "الجرعة المعتادة 500 ملغ."),
    ("ar", GRAMS, "يحتوي كل قرص على 1 غرام."),
    ("ar", DRINK, "اشرب 250 مل من الماء."),
    ("ar", LITRES, "يتسع الكيس لـ 2 لتر."),
    ("ht", DOSE, "Dòz abityèl la se 500 mg."),
    ("ht", GRAMS, "Chak grenn gen 1 gram."),
    ("ht", DRINK, "Bwè 250 ml dlo."),
    ("ht", LITRES, "Sak la kenbe 2 lit."),
    # "daily", "weekly", "monthly": a frequency names its unit
    ("es", "Take 2 tablets a day.", "Tome 2 comprimidos diarios."),
    ("es", "Walk every day.", "Camine a diario."),
    ("es", "Walk every day.", "Camine diariamente."),
    ("es", "Check the wound every week.", "Revise la herida semanalmente."),
    ("es", "See your doctor every month.", "Consulte a su médico mensualmente."),
    ("es", "See your doctor every year.", "Consulte a su médico anualmente."),
    ("zh_Hans", "Walk every day.", "每日步行。"),
    ("zh_Hans", "Take it 3 times a day.", "每日3次。"),
    ("ar", "Walk every day.", "امشِ يوميًا."),
    ("ar", "Check the wound every week.", "افحص الجرح أسبوعيًا."),
    ("ar", "See your doctor every month.", "راجع طبيبك شهريًا."),
    ("ar", "See your doctor every year.", "راجع طبيبك سنويًا."),
    # an age in years, and the daytime, as each language says them
    ("zh_Hans", "Most patients are between 30 and 50 years old.", "大多数患者在30到50岁之间。"),
    ("vi", "Most patients are between 30 and 50 years old.", "Hầu hết bệnh nhân ở độ tuổi từ 30 đến 50."),
    ("ar", "Walk every hour during the day.", "امشِ كل ساعة خلال النهار."),
    ("ar", "Walk every hour during the day.", "امشِ كل ساعة نهارًا."),
    ("ht", "Walk every hour during the day.", "Mache chak èdtan pandan lajounen."),
    ("zh_Hans", "Walk every hour during the day.", "白天每小时走动一下。"),
    ("zh_Hans", "The pain around the nerve lasts 2 to 3 weeks.", "神经周围的疼痛会持续2～3周。"),
    # a unit next to the start of another word, which an exception must not swallow: 周 + 到 (to) is
    # not 周到 (thoughtful), 周 + 期间 (during) not 周期 (cycle), 天 + 然后 (then) not 天然 (natural)
    ("zh_Hans", "Relief lasts several weeks to months.", "疼痛缓解可以持续几周到几个月。"),
    ("zh_Hans", "During these 2 weeks, rest.", "在这2周期间，请休息。"),
    ("zh_Hans", "Rest for 3 days, then walk.", "休息3天然后散步。"),
    ("zh_Hans", "Your check-up is at the end of week 1.", "术后1周末复查。"),  # after a number: the week
    ("zh_Hans", "Stitches come out 10 to 14 days after; the date is in your letter.",
     "缝线通常在术后10～14天拆除，具体日期会写在您的出院小结中。"),
    # an English frequency names its unit; everyday life does not
    ("es", "Do these exercises daily.", "Haga estos ejercicios a diario."),
    ("vi", "Do these exercises daily.", "Hãy tập các bài tập này hằng ngày."),
    ("zh_Hans", "We will call you monthly.", "我们会每月给您打电话。"),
    ("ar", "We will call you monthly.", "سنتصل بك شهريًا."),
    ("ht", "Come for an annual check-up.", "Vin fè yon egzamen anyèl."),
    ("es", "Go back to your daily activities.", "Vuelva a sus actividades cotidianas."),
    ("vi", "Go back to light daily tasks.", "Trở lại các việc nhẹ nhàng thường ngày."),
    # temperatures, seconds and distances, as each language writes them (a symbol or a word)
    ("es", FEVER, "Llámenos si su temperatura es de 38 °C o más."),
    ("es", FEVER, "Llámenos si su temperatura es de 38 ºC o más."),  # the ordinal sign, as often typed
    ("es", FEVER, "Llámenos si su temperatura es de 38 grados centígrados o más."),
    ("es", FEVER_F, "Llámenos si su temperatura es de 100,4 °F o más."),
    ("zh_Hans", FEVER, "如果体温达到38℃或更高，请联系我们。"),
    ("zh_Hans", FEVER, "如果体温达到38摄氏度或更高，请联系我们。"),
    ("vi", FEVER, "Hãy gọi cho chúng tôi nếu nhiệt độ của bạn từ 38 độ C trở lên."),
    ("vi", FEVER, "Hãy gọi cho chúng tôi nếu nhiệt độ của bạn từ 38°C trở lên."),
    ("ar", FEVER, "اتصل بنا إذا بلغت حرارتك 38 درجة مئوية أو أكثر."),
    ("ar", FEVER, "اتصل بنا إذا بلغت حرارتك 38°م أو أكثر."),
    ("ht", FEVER, "Rele nou si tanperati w rive 38 °C oswa plis."),
    ("es", HOLD, "Mantenga cada estiramiento de 20 a 30 segundos."),
    ("zh_Hans", HOLD, "每个拉伸动作保持20～30秒。"),
    ("vi", HOLD, "Giữ mỗi động tác kéo giãn trong 20 đến 30 giây."),
    ("ar", HOLD, "اثبت في كل تمرين إطالة من 20 إلى 30 ثانية."),
    ("ht", HOLD, "Kenbe chak detire pandan 20 a 30 segonn."),
    ("es", WALK, "Camine 100 metros y luego descanse."),
    ("es", WALK_M, "Camine 100 m y luego descanse."),
    ("zh_Hans", WALK, "步行100米，然后休息。"),
    ("vi", WALK, "Đi bộ 100 mét rồi nghỉ."),
    ("ar", WALK, "امشِ 100 متر ثم استرح."),
    ("ht", WALK_M, "Mache 100 m, epi repoze w."),
    ("es", FAR, "La mayoría puede caminar 2 km hacia la semana 6."),
    ("zh_Hans", FAR, "大多数人到第6周可以步行2公里。"),
    ("vi", FAR, "Đến tuần thứ 6, hầu hết mọi người có thể đi bộ 2 cây số."),
    ("ar", FAR, "يستطيع معظم الناس المشي 2 كم بحلول الأسبوع 6."),
    ("es", DRIVE, "No conduzca más de 50 millas al día."),
    ("zh_Hans", DRIVE, "每天驾车不要超过50英里。"),
    # the same letters, no unit: a.m., I'm, a glucose meter, the extra mile, an ordinal second
    ("es", "Rest until 9 a.m., then walk.", "Descanse hasta las 9 de la mañana y luego camine."),
    ("es", "If I'm in pain, can I walk?", "Si tengo dolor, ¿puedo caminar?"),
    ("es", "Check your sugar with a glucose meter.", "Mida su azúcar con un glucómetro."),
    ("es", "Our nurses go the extra mile for you.", "Nuestras enfermeras hacen todo lo posible por usted."),
    ("es", "Ask for a second opinion.", "Pida una segunda opinión."),
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("es", DOSE, "La dosis habitual es de 500 g.", "unit 'mg' is not rendered with its approved term"),
    ("es", DOSE, "La dosis habitual es de 500 g.", "(found g instead)"),
    ("es", GRAMS, "Cada comprimido contiene 1 mg.", "unit 'gram' is not rendered"),
    ("es", DRINK, "Beba 250 l de agua.", "unit 'ml' is not rendered"),
    ("es", LITRES, "La bolsa contiene 2 mililitros.", "unit 'litres' is not rendered"),
    ("es", MICRO, "El parche libera 25 miligramos.", "unit 'micrograms' is not rendered"),
    ("es", LIFT, "No levante más de 10 kilos.", "unit 'pounds' is not rendered"),
    ("es", CUT, "El corte mide aproximadamente 1 centímetro.", "unit 'inch' is not rendered"),
    ("es", WAIT, "Espere 30 segundos antes de ponerse de pie.", "unit 'min' is not rendered"),
    ("es", EVERY, "Tómelo cada 8 min.", "unit 'hours' is not rendered"),
    ("es", EVERY_HRS, "Tómelo cada 8 días.", "unit 'hrs' is not rendered"),
    ("zh_Hans", DOSE, "常用剂量为500克。", "unit 'mg'"),
    ("zh_Hans", GRAMS, "每片含1毫克。", "unit 'gram'"),  # 克 inside 毫克 is not a gram
    ("zh_Hans", DRINK, "喝250升水。", "unit 'ml'"),
    ("zh_Hans", LITRES, "袋子容量为2毫升。", "unit 'litres'"),  # 升 inside 毫升 is not a litre
    ("vi", DOSE, "Liều thông thường là 500 g.", "unit 'mg'"),
    ("vi", DRINK, "Uống 250 lít nước.", "unit 'ml'"),
    ("ar", DOSE, "الجرعة المعتادة 500 غرام.", "unit 'mg'"),
    ("ar", DRINK, "اشرب 250 لتر من الماء.", "unit 'ml'"),
    ("ht", DOSE, "Dòz abityèl la se 500 g.", "unit 'mg'"),
    ("ht", DRINK, "Bwè 250 lit dlo.", "unit 'ml'"),
    ("es", "Walk every day.", "Camine semanalmente.", "unit 'day' is not rendered with its approved term día"),
    ("ar", "Check the wound every week.", "افحص الجرح يوميًا.", "unit 'week'"),
    ("zh_Hans", "Rest for 2 years.", "休息2个月。", "unit 'years'"),
    ("ar", "Walk every hour during the day.", "امشِ كل ساعة خلال الليل.", "unit 'day'"),
    ("ht", "Walk every hour during the day.", "Mache chak èdtan pandan lannwit.", "unit 'day'"),
    # a Chinese unit inside a word that does not name it: 周围 (around), 成年 (adult), 休克 (shock), 今天 (today)
    ("zh_Hans", "The pain around the nerve lasts 2 to 3 weeks.", "神经周围的疼痛会持续2～3天。", "unit 'weeks'"),
    ("zh_Hans", "Adults rest for 2 years.", "成年人休息2个月。", "unit 'years'"),
    ("zh_Hans", "Take 1 gram to prevent shock.", "为防止休克，服用1毫克。", "unit 'gram'"),
    ("zh_Hans", "From today, the wound heals in 5 days.", "从今天起，伤口会在5周内愈合。", "unit 'days'"),
    # the words of a Chinese translator who had not seen the catalogs: 日期 (date), 小时候 (childhood),
    # 年轻 (young), 天气 (weather), 日常 (daily), 周末 (weekend), 四周 (around), 天然 (natural)
    ("zh_Hans", "Stitches come out 10 to 14 days after; the date is in your letter.",
     "缝线通常在术后10～14周拆除，具体日期会写在您的出院小结中。", "unit 'days'"),
    ("zh_Hans", "If you had a curved spine as a child, lie flat for 2 hours.",
     "如果您小时候有脊柱侧弯，需要平躺2分钟。", "unit 'hours'"),
    ("zh_Hans", "Relief can last 1 to 2 years, longer in younger patients.",
     "疼痛缓解可持续1～2个月，年轻患者有时更久。", "unit 'years'"),
    ("zh_Hans", "Walk twice a day, indoors if the weather is bad.", "每周步行两次，天气不好时可以在室内走。",
     "unit 'day'"),
    ("zh_Hans", "Most people go back to daily activities within 2 days.", "大多数人在2周内即可恢复日常活动。",
     "unit 'days'"),
    ("zh_Hans", "Book physiotherapy for 2 weeks after surgery; weekend times are free.",
     "请将物理治疗预约在术后2天，周末也可以预约。", "unit 'weeks'"),
    ("zh_Hans", "Check the skin around the wound for 2 weeks.", "2天内请检查伤口四周的皮肤。", "unit 'weeks'"),
    ("zh_Hans", "The dose is like a few days of natural radiation.", "剂量相当于几周的天然本底辐射。", "unit 'days'"),
    # an English frequency rendered as another
    ("es", "Do these exercises daily.", "Haga estos ejercicios semanalmente.", "unit 'daily' is not rendered"),
    ("zh_Hans", "Check your wound daily.", "请每周检查一次伤口。", "unit 'daily'"),
    ("ar", "We will call you monthly.", "سنتصل بك أسبوعيًا.", "unit 'monthly'"),
    ("ht", "Do these exercises daily.", "Fè egzèsis sa yo chak semèn.", "unit 'daily'"),
    ("vi", "Check the wound hourly.", "Kiểm tra vết mổ hằng ngày.", "unit 'hourly'"),
    # a temperature in the other scale, seconds as minutes, metres as kilometres, a symbol dropped
    ("es", FEVER, "Llámenos si su temperatura es de 38 °F o más.", "unit '°C' is not rendered"),
    ("es", FEVER_F, "Llámenos si su temperatura es de 100,4 °C o más.", "unit '°F' is not rendered"),
    ("zh_Hans", FEVER, "如果体温达到38华氏度或更高，请联系我们。", "unit '°C'"),
    ("vi", FEVER, "Hãy gọi cho chúng tôi nếu nhiệt độ của bạn từ 38 độ F trở lên.", "unit '°C'"),
    ("ar", FEVER, "اتصل بنا إذا بلغت حرارتك 38 درجة فهرنهايت أو أكثر.", "unit '°C'"),
    ("ht", FEVER, "Rele nou si tanperati w rive 38 °F oswa plis.", "unit '°C'"),
    ("es", "A fever over 38.5 ºC may mean an infection.", "Una fiebre de más de 38,5 puede indicar una infección.",
     "unit 'ºC'"),
    ("es", HOLD, "Mantenga cada estiramiento de 20 a 30 minutos.", "unit 'seconds' is not rendered"),
    ("zh_Hans", HOLD, "每个拉伸动作保持20～30分钟。", "unit 'seconds'"),
    ("vi", HOLD, "Giữ mỗi động tác kéo giãn trong 20 đến 30 phút.", "unit 'seconds'"),
    ("ar", HOLD, "اثبت في كل تمرين إطالة من 20 إلى 30 دقيقة.", "unit 'seconds'"),
    ("ht", HOLD, "Kenbe chak detire pandan 20 a 30 minit.", "unit 'seconds'"),
    ("es", WALK, "Camine 100 kilómetros y luego descanse.", "unit 'metres' is not rendered"),
    ("zh_Hans", WALK, "步行100公里，然后休息。", "unit 'metres'"),
    ("vi", WALK_M, "Đi bộ 100 bước rồi nghỉ.", "unit 'm'"),
    ("ar", WALK, "امشِ 100 كيلومتر ثم استرح.", "unit 'metres'"),
    ("ht", WALK_M, "Mache 100, epi repoze w.", "unit 'm'"),
    ("es", FAR, "La mayoría puede caminar 2 millas hacia la semana 6.", "unit 'km'"),
    ("zh_Hans", DRIVE, "每天驾车不要超过50公里。", "unit 'miles'"),
    # a look-alike in the translation names no unit: 米饭 (rice), giây lát (a moment), مرة ثانية (again)
    ("zh_Hans", "Eat your rice, then walk 100 metres.", "吃完米饭后步行100步。", "unit 'metres'"),
    ("vi", "Hold for 10 seconds; breathe for a moment.", "Giữ 10 phút; hít thở trong giây lát.", "unit 'seconds'"),
    ("ar", "Hold for 30 seconds, then repeat once more.", "اثبت لمدة 30 دقيقة، ثم كرر التمرين مرة ثانية.",
     "unit 'seconds'"),
]


@pytest.mark.parametrize(("locale", "source", "translation"), CLEAN)
def test_the_usual_ways_of_writing_a_unit_pass(locale: str, source: str, translation: str) -> None:
    assert _findings(locale, source, translation) == []


@pytest.mark.parametrize(("locale", "source", "translation", "expected"), FLAGGED)
def test_a_unit_put_in_another_units_place_is_caught(locale: str, source: str, translation: str,
                                                      expected: str) -> None:
    found = _findings(locale, source, translation)
    assert len(found) == 1 and expected in found[0], found


def test_an_abbreviation_in_english_prose_is_not_a_unit() -> None:
    """'e.g.' and a lone letter are not grams or litres: the source side names no unit there."""
    assert _findings("es", "Rest, e.g. lie down, for a while.", "Descanse, p. ej. acostado, un rato.") == []
