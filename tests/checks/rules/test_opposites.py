"""E210 reversed, with the pairs of the shipped source/negation.yaml, in every shipped language."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from pipeline.checks.model import Entry, LocaleContext
from pipeline.checks.rules import opposites
from pipeline.termbase.negation import NEGATION_FILE, Negation, NegationMarkers, read_negation

from ...conftest import REPO
from .real_entries import context


@cache
def opposites_context(locale: str) -> LocaleContext:
    return replace(context(locale), negation=read_negation(REPO / NEGATION_FILE))


def findings(locale: str, source: str, translation: str, ctx: LocaleContext | None = None) -> list[str]:
    entry = Entry(locale=locale, procedure="p", file="p.po", line=1, msgctxt="c", msgid=source, msgstr=translation)
    return list(opposites.check(entry, ctx or opposites_context(locale), opposites.OPTIONS))


# Sources of several rows below.
_ASPIRIN = "Stop taking aspirin 7 days before your endoscopic neurotomy, unless {surgeon_name} tells you otherwise."
_WITH_FOOD = "Take the anti-inflammatory tablets with food, never on an empty stomach."
_SUGAR = "Do not let your blood sugar fall below 4 mmol/L."
_CHILDREN = "Do not give this medicine to children under 12."
_LIFTING = "Avoid lifting anything heavier than 5 kg for 6 weeks."
_WORSE = "Call us at once if the pain in your leg becomes worse than it was before the procedure."
_NOT_BETTER = "Call us if your leg pain does not get better within 2 weeks."

CLEAN = [
    # locale, source, translation
    ("es", "Walk for at least 20 minutes a day.", "Camine al menos 20 minutos al día."),
    ("es", "Walk for at least 20 minutes a day.", "Camine 20 minutos o más al día."),  # said otherwise
    ("es", "Walk for at least 20 minutes a day.", "Camine 20 minutos al día."),  # left out: not turned round
    ("es", "Do not take more than 4 tablets in 24 hours.", "Tome como máximo 4 comprimidos en 24 horas."),
    ("es", "Do not take more than 4 tablets in 24 hours.", "No tome más de 4 comprimidos en 24 horas."),
    ("es", "The procedure takes more or less an hour.", "El procedimiento dura más o menos una hora."),
    ("es", "Walk at least 10 minutes, but no more than 30.", "Camine como mínimo 10 minutos y como máximo 30."),
    ("zh_Hans", "Do not sit for more than 30 minutes at a time.", "每次坐着不要超过30分钟。"),
    ("zh_Hans", "Walk for at least 20 minutes a day.", "每天至少步行20分钟。"),
    ("vi", "Do not sit for more than 30 minutes at a time.", "Mỗi lần ngồi không quá 30 phút."),
    ("vi", "Rest for at least 2 days.", "Nghỉ ngơi ít nhất 2 ngày."),
    ("ar", "Take no more than 2 tablets at a time.", "لا تتناول أكثر من قرصين في كل مرة."),
    ("ar", "Wait at least 6 weeks before you play golf.", "انتظر ستة أسابيع على الأقل قبل أن تلعب الغولف."),
    ("ht", "Do not take more than 3 tablets a day.", "Pa pran plis pase 3 grenn pa jou."),
    ("ht", "Walk at least 20 minutes a day.", "Mache omwen 20 minit pa jou."),
    # what comes before or after the operation, a meal or bed, said the same way round, or said otherwise
    ("es", "Stop taking ibuprofen 7 days before your operation.", "Deje de tomar ibuprofeno 7 días antes de la operación."),
    ("es", "Wait 48 hours before removing the dressing.", "Retire el apósito después de 48 horas."),  # no event
    ("es", "Take the tablets after meals.", "Tome los comprimidos con las comidas, luego descanse."),
    ("zh_Hans", "Take the tablet 30 minutes before breakfast.", "早餐前30分钟服药。"),
    ("zh_Hans", "Rest for a day after the procedure, then walk a little.", "术后休息一天，然后稍微走动。"),
    ("vi", "Stop taking aspirin 7 days before your surgery.", "Ngừng uống aspirin 7 ngày trước khi phẫu thuật."),
    ("vi", "Rest for two weeks after surgery.", "Nghỉ ngơi hai tuần sau phẫu thuật."),
    ("ar", "Do not eat for 6 hours before surgery.", "لا تأكل شيئًا لمدة 6 ساعات قبل الجراحة."),
    ("ar", "Take your tablets after meals.", "تناول أقراصك بعد الوجبات."),
    ("ht", "Stop taking aspirin 7 days before your surgery.", "Sispann pran aspirin 7 jou anvan operasyon w."),
    # with food, or on an empty stomach, the same way round
    ("es", "Take your tablets with food to protect your stomach.", "Tome los comprimidos con alimentos para proteger "
     "el estómago."),
    ("zh_Hans", "Take this medicine on an empty stomach.", "请空腹服用此药。"),
    ("vi", "Take the tablet with a meal.", "Uống thuốc trong bữa ăn."),
    ("ar", "Take the tablets with food.", "تناول الأقراص مع الطعام."),
    ("ht", "Take this medicine on an empty stomach.", "Pran medikaman sa a san manje nan vant ou."),
    # above or below a number, said the same way round; "above the wound" (no number) is no bound
    ("es", "Call us if your temperature is above 38°C.", "Llámenos si su temperatura es superior a 38 °C."),
    ("es", "Call us if your temperature is above 38°C.", "Llámenos si tiene más de 38 °C de fiebre."),
    ("es", "If your blood sugar is below 4, eat something sweet.", "Si su azúcar en sangre es inferior a 4, coma algo "
     "dulce."),
    ("es", "Do not lift more than 5 kg.", "No levante más de 5 kg."),
    ("es", "Keep your leg above the level of your heart for less than an hour at a time.",
     "Mantenga la pierna por encima del corazón menos de una hora cada vez."),
    ("zh_Hans", "Call us if your temperature is above 38°C.", "如果体温高于38°C，请给我们打电话。"),
    ("zh_Hans", "Do not take more than 8 tablets in 24 hours.", "24小时内别超过8片。"),
    # Chinese writes a bound after the number and its unit: 以上 (that or more), 以下 (that or less)
    ("zh_Hans", "This procedure is for adults over 18 years of age.", "本手术适用于18岁以上的成年人。"),
    ("zh_Hans", "If your blood sugar drops below 4 mmol/L, eat something sugary.", "如果血糖降到4 mmol/L以下，请吃点含糖的东西。"),
    ("zh_Hans", "Do not lift more than 5 kg.", "不要提5公斤以上的东西。"),
    ("zh_Hans", "Do not sleep less than 7 hours a night.", "每晚睡眠不要在7小时以下。"),
    ("zh_Hans", "Walk for at least 20 minutes, and note the following.", "至少步行20分钟，并注意以下几点。"),
    ("vi", "Call us if your temperature is above 38°C.", "Hãy gọi cho chúng tôi nếu nhiệt độ trên 38°C."),
    ("vi", "Put the cream on the skin above the wound for less than 5 minutes.",
     "Thoa kem lên vùng da phía trên vết mổ trong chưa đến 5 phút."),
    ("ar", "Call us if your temperature is above 38°C.", "اتصل بنا إذا كانت حرارتك أعلى من 38 درجة مئوية."),
    ("ar", "Children under 12 must not take this medicine.", "لا يجوز للأطفال دون 12 سنة تناول هذا الدواء."),
    ("ht", "Call us if your temperature is above 38°C.", "Rele nou si tanperati w plis pase 38°C."),
    ("ht", "Walk 3 times a day for more than 10 minutes.", "Mache 3 fwa pa jou pou plis pase 10 minit."),
    # in the morning, or in the evening and at night, the same way round (mañana alone is also tomorrow)
    ("es", "Take the tablets at night.", "Tome los comprimidos por la noche."),
    ("es", "Take the tablet in the morning.", "Tome el comprimido por la mañana."),
    ("es", "Take the tablet at bedtime and call us tomorrow if it hurts.", "Tome el comprimido al acostarse y "
     "llámenos mañana si le duele."),
    ("es", "Take one tablet in the morning and one at night.", "Tome un comprimido por la mañana y otro por la noche."),
    ("zh_Hans", "Take the tablets at night.", "晚上服用药片。"),
    ("zh_Hans", "Take the tablet every morning.", "每天早上服用一片。"),
    ("vi", "Take the tablets at night.", "Uống thuốc vào buổi tối."),
    ("vi", "Take the tablet in the morning.", "Uống thuốc vào buổi sáng."),
    ("ar", "Take the tablets at night.", "تناول الأقراص ليلاً."),
    ("ar", "Take the tablet in the morning.", "تناول القرص في الصباح."),
    ("ht", "Take the tablets at night.", "Pran grenn yo nan aswè."),
    ("ht", "Take the tablet in the morning.", "Pran grenn nan nan maten."),
    ("ht", "Call us either in the morning or the evening.", "Rele nou swa nan maten swa nan aswè."),
    # a "not" after an "if" is of the state the bound measures: said with or without a negation before it
    ("es", "Call us if you cannot pass urine for more than 8 hours.", "Llámenos si no puede orinar durante más de "
     "8 horas."),
    ("zh_Hans", "Call us if you do not pass urine for more than 8 hours.", "如果您超过8小时没有排尿，请致电我们。"),
    ("zh_Hans", "Call us if you cannot pass urine for more than 8 hours.", "如果您不能排尿超过8小时，请致电我们。"),
    ("ar", "Call us if you cannot pass urine for more than 8 hours.", "اتصل بنا إذا كنت لا تستطيع التبول لأكثر من 8 "
     "ساعات."),
    ("ht", "Call us if you cannot pass urine for more than 8 hours.", "Rele nou si ou pa ka pipi pandan plis pase 8 "
     "èdtan."),
    ("vi", "Call us if you cannot pass urine for more than 8 hours.", "Hãy gọi cho chúng tôi nếu bạn không thể đi "
     "tiểu quá 8 giờ."),
    # a comparative under a prohibition, said with the same comparative or with another way round
    ("es", "Do not lift anything heavier than 5 kg.", "No levante nada que pese más de 5 kg."),
    ("vi", "Avoid long car journeys of over 100 km.", "Tránh những chuyến đi xa bằng ô tô trên 100 km."),
    ("zh_Hans", "Avoid carrying anything heavier than 3 kg.", "避免提超过3公斤的重物。"),
    # a source with both bounds, rendered with both
    ("es", "Avoid lifting anything heavier than 5 kg for at least 6 weeks.", "Evite levantar objetos de más de 5 kg "
     "durante al menos 6 semanas."),
    ("ar", "Keep your blood sugar between 4 and 10: not lower than 4 and not higher than 10.", "حافظ على سكر الدم بين 4 "
     "و10، بحيث لا يقل عن 4 ولا يزيد على 10."),
    # a source with two words of one side, rendered with both
    ("es", "If your temperature stays over 38 °C for more than 2 days, call us.", "Si su temperatura se mantiene "
     "por encima de 38 °C durante más de 2 días, llámenos."),
    # a length of time within which, and one after which
    ("es", "Call us within 24 hours of your operation.", "Llámenos dentro de las 24 horas siguientes a su operación."),
    ("zh_Hans", "Call us within 24 hours of your operation.", "请在手术后24小时内给我们打电话。"),
    ("vi", "Call us within 24 hours of your operation.", "Hãy gọi cho chúng tôi trong vòng 24 giờ sau ca mổ."),
    ("ar", "Call us within 24 hours of your operation.", "اتصل بنا في غضون 24 ساعة من العملية."),
    ("es", "You can shower after 48 hours, but do not bathe within 2 weeks.", "Puede ducharse después de 48 horas, "
     "pero no se bañe dentro de las 2 semanas siguientes."),
    ("zh_Hans", "You can shower after 48 hours.", "48小时之后可以淋浴。"),
    # a time after a length of time
    ("es", "You can usually return to office work after about 2 weeks.", "Normalmente puede volver al trabajo de "
     "oficina después de unas 2 semanas."),
    ("zh_Hans", "You can usually return to office work after about 2 weeks.", "通常大约2周后可以恢复办公室工作。"),
    ("ht", "You can usually return to office work after about 2 weeks.", "Anjeneral ou ka retounen nan travay biwo "
     "apre apeprè 2 semèn."),
    ("es", "The numbness wears off after 4 to 6 hours, so take a painkiller before it fades.", "El entumecimiento "
     "desaparece al cabo de 4 a 6 horas, así que tome un analgésico antes de que se le pase."),
    ("ar", "Do not drive until at least 3 months after surgery; most people can walk after 2 weeks.", "لا تقد السيارة "
     "قبل مرور 3 أشهر على الأقل من الجراحة، ويستطيع معظم الناس المشي بعد أسبوعين."),
    # "only" said with a negation and "except" (لا … إلا): not a negated bound
    ("ar", "For the first 6 weeks, only carry things that weigh under 2 kg.", "خلال أول 6 أسابيع، لا تحمل إلا أشياء "
     "يقل وزنها عن 2 كغ."),
    # "not before a time has passed": a wait, said without "after"
    ("ar", "Return to desk work no sooner than 10 days after microdiscectomy.", "لا تعُد إلى العمل المكتبي قبل مضيّ 10 "
     "أيام على استئصال القرص المجهري."),
    ("es", "Return to desk work no sooner than 10 days after microdiscectomy.", "No se reincorpore a su trabajo de "
     "oficina antes de que hayan transcurrido 10 días desde la microdiscectomía."),
    ("zh_Hans", "Restart your blood thinner only if your surgeon confirms it, and not before 72 hours after the nerve "
     "ablation.", "只有在外科医生确认后才能重新开始服用抗凝药，并且不得早于神经消融术后72小时。"),
    # with food, and the other side negated; both turned round
    ("ar", _WITH_FOOD, "تناول أقراص مضاد الالتهاب مع الطعام، وليس على معدة فارغة أبدًا."),
    ("es", _WITH_FOOD, "Tome las pastillas antiinflamatorias con comida, nunca con el estómago vacío."),
    ("ht", _WITH_FOOD, "Pran grenn kont enflamasyon yo ak manje, pa janm pran yo lè vant ou vid."),
    ("vi", _WITH_FOOD, "Uống thuốc chống viêm cùng với bữa ăn, không bao giờ uống lúc bụng đói."),
    ("zh_Hans", _WITH_FOOD, "抗炎药请随餐服用，切勿空腹服用。"),
    ("es", "Do not take ibuprofen on an empty stomach.", "No tome ibuprofeno con el estómago vacío."),
    ("zh_Hans", "Do not take ibuprofen on an empty stomach.", "不要空腹服用布洛芬。"),
    ("vi", "Do not take ibuprofen on an empty stomach.", "Không uống ibuprofen khi bụng đói."),
    ("ar", "Do not take ibuprofen on an empty stomach.", "لا تتناول الإيبوبروفين على معدة فارغة."),
    ("ht", "Do not take ibuprofen on an empty stomach.", "Pa pran ibipwofèn lè vant ou vid."),
    # a bound below a number under a negation turns round, said with each language's word for below
    ("es", _SUGAR, "No deje que el azúcar en sangre baje por debajo de 4 mmol/L."),
    ("zh_Hans", _SUGAR, "不要让血糖低于4 mmol/L。"),
    ("vi", _SUGAR, "Không để đường huyết xuống dưới 4 mmol/L."),
    ("ar", _SUGAR, "لا تدع سكر الدم ينخفض دون 4 مليمول/لتر."),
    ("ht", _SUGAR, "Pa kite sik nan san ou desann anba 4 mmol/L."),
    # ... but a negation before "under 12" is of what is given, and the age says who
    ("zh_Hans", _CHILDREN, "不要给12岁以下的儿童服用此药。"),
    ("vi", _CHILDREN, "Không cho trẻ em dưới 12 tuổi dùng thuốc này."),
    ("ar", _CHILDREN, "لا تعطِ هذا الدواء للأطفال دون 12 عامًا."),
    ("ht", _CHILDREN, "Pa bay timoun anba 12 an medikaman sa a."),
    ("es", _CHILDREN, "No dé este medicamento a niños menores de 12 años."),
    # the negations each language's bounds are said under, with every word of a bound
    ("vi", "Do not sit higher than your hips.", "Đừng ngồi cao hơn hông."),
    ("vi", _LIFTING, "Tránh nâng vật nặng hơn 5 kg trong 6 tuần."),
    ("ar", _LIFTING, "تجنب رفع أي شيء يزيد وزنه عن 5 كغ لمدة 6 أسابيع."),
    ("ht", _LIFTING, "Evite leve anyen ki pi lou pase 5 kg pandan 6 semèn."),
    ("ht", "Keep each walk shorter than 20 minutes at first.", "Okòmansman, kenbe chak mach pi kout pase 20 minit."),
    ("ht", "Do not walk for longer than 30 minutes at a time.", "Pa mache pi lontan pase 30 minit alafwa."),
    ("ar", "You will no longer need the back brace once you can walk upwards of 2 km without pain.", "لن تحتاج بعد "
     "الآن إلى حزام دعم الظهر عندما تتمكن من المشي لمسافة تزيد على كيلومترين دون ألم."),
    ("ar", "Avoid lifting anything heavier than 1 kg.", "تجنب رفع أي شيء يزيد وزنه على كيلوغرام واحد."),
    # "after two weeks from" is "2 weeks after": no bound, as in English
    ("ar", "Physiotherapy starts 2 weeks after the endoscopic discectomy and lasts 6 weeks or longer.", "يبدأ العلاج "
     "الطبيعي بعد أسبوعين من استئصال القرص بالمنظار، ويستمر 6 أسابيع أو أكثر."),
    # "nor" (ni) is a negation of the bound after it
    ("es", "Take no fewer than 2 and no more than 4 tablets a day.", "No tome menos de 2 ni más de 4 comprimidos al día."),
    ("ht", "Take no fewer than 2 and no more than 4 tablets a day.", "Pa pran mwens pase 2 grenn, ni plis pase 4 grenn "
     "pa jou."),
    # worse, and not better: said with the same word under a negation (a lost negation is E207's)
    ("es", _WORSE, "Llámenos de inmediato si el dolor de la pierna empeora respecto a antes del procedimiento."),
    ("zh_Hans", _WORSE, "如果腿部疼痛比手术前加重，请立即给我们打电话。"),
    ("vi", _WORSE, "Hãy gọi cho chúng tôi ngay nếu cơn đau ở chân trở nên tệ hơn so với trước thủ thuật."),
    ("ar", _WORSE, "اتصل بنا فورًا إذا أصبح الألم في ساقك أسوأ مما كان عليه قبل الإجراء."),
    ("ht", _WORSE, "Rele nou touswit si doulè nan janm ou vin pi mal pase jan li te ye anvan pwosedi a."),
    ("es", _NOT_BETTER, "Llámenos si el dolor de pierna no mejora en 2 semanas."),
    ("zh_Hans", _NOT_BETTER, "如果腿痛在2周内没有好转，请给我们打电话。"),
    ("vi", _NOT_BETTER, "Hãy gọi cho chúng tôi nếu cơn đau chân không đỡ hơn trong vòng 2 tuần."),
    ("ar", _NOT_BETTER, "اتصل بنا إذا لم يتحسن ألم ساقك خلال أسبوعين."),
    ("ht", _NOT_BETTER, "Rele nou si doulè nan janm ou pa vin pi byen nan 2 semèn."),
    ("es", "Your walking should improve week by week.", "Su capacidad para caminar debería mejorar semana a semana."),
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("es", "Walk for at least 20 minutes a day.", "Camine como máximo 20 minutos al día.",
     "the source says a lower bound (at least), the translation an upper bound (como máximo)"),
    ("es", "Do not take more than 4 tablets in 24 hours.", "No tome menos de 4 comprimidos en 24 horas.",
     "an upper bound turned into a lower bound"),
    ("zh_Hans", "Drink at least 2 litres of water a day.", "每天最多喝2升水。", "(最多)"),
    ("zh_Hans", "Do not sit for more than 30 minutes at a time.", "每次坐着的时间不要少于30分钟。", "(不要少于)"),
    ("vi", "Rest for at least 2 days before going back to work.", "Nghỉ ngơi tối đa 2 ngày trước khi đi làm lại.",
     "(tối đa)"),
    ("vi", "Take no more than 3 tablets in one day.", "Uống không ít hơn 3 viên mỗi ngày.", "(không ít hơn)"),
    ("ar", "Wait at least 6 weeks before you play golf.", "انتظر ستة أسابيع على الأكثر قبل أن تلعب الغولف.",
     "(على الأكثر)"),
    ("ar", "Do not exceed 4 g of paracetamol a day.", "تناول 4 غرامات على الأقل من الباراسيتامول يوميًا.",
     "(على الأقل)"),
    ("ht", "Wait at least 4 weeks before heavy work.", "Tann pou pi plis 4 semèn anvan travay ki di.",
     "(pou pi plis)"),
    ("ht", "Do not sit for more than 30 minutes.", "Pa chita mwens pase 30 minit.", "(pa chita mwens pase)"),
    ("es", "Stop taking ibuprofen 7 days before your operation.", "Deje de tomar ibuprofeno 7 días después de la "
     "operación.", "the source says before (before your operation), the translation after (después)"),
    ("zh_Hans", "Take the tablet one hour before the operation.", "请在手术后一小时服用药片。", "(后)"),
    ("vi", "Take the tablet 30 minutes before breakfast.", "Uống thuốc 30 phút sau bữa sáng.", "(sau)"),
    ("ar", "Take your ibuprofen tablets after meals.", "تناول أقراص الإيبوبروفين قبل الوجبات.", "(قبل)"),
    ("ar", "Do not eat or drink for 6 hours before surgery.", "لا تأكل ولا تشرب شيئاً لمدة 6 ساعات بعد الجراحة.",
     "(بعد)"),
    ("ht", "Stop taking aspirin 7 days before your surgery.", "Sispann pran aspirin 7 jou apre operasyon w.",
     "(apre)"),
    ("es", "Take your tablets with food to protect your stomach.", "Tome los comprimidos en ayunas para proteger el "
     "estómago.", "the source says with food (with food), the translation on an empty stomach (en ayunas)"),
    ("zh_Hans", "Take the tablets with food.", "请空腹服用药片。", "(空腹)"),
    ("vi", "Take this medicine on an empty stomach.", "Uống thuốc này trong bữa ăn.", "(trong bữa ăn)"),
    ("ar", "Take the tablets with food.", "تناول الأقراص على معدة فارغة.", "(على معدة فارغة)"),
    ("ht", "Take the tablets with food.", "Pran grenn yo san manje nan vant ou.", "(san manje)"),
    ("es", "Call us if your temperature is above 38°C.", "Llámenos si su temperatura es inferior a 38 °C.",
     "the source says a lower bound (above 38), the translation an upper bound (inferior a)"),
    ("es", "If your blood sugar is below 4, eat something sweet.", "Si su azúcar en sangre es superior a 4, coma algo "
     "dulce.", "(superior a)"),
    ("zh_Hans", "Call us if your temperature is above 38°C.", "如果体温低于38°C，请给我们打电话。", "(低于)"),
    ("zh_Hans", "Call us if your temperature is above 38 °C.", "如果您的体温在38°C以下，请给我们打电话。",
     "the source says a lower bound (above 38), the translation an upper bound (38°c以下)"),
    ("zh_Hans", "Walk for at least 20 minutes a day.", "每天步行20分钟以下。", "(20分钟以下)"),
    ("zh_Hans", "Walk for at least 20 minutes a day.", "每天步行20分钟以内。", "(20分钟以内)"),
    ("zh_Hans", "Do not lift more than 5 kg.", "不要提5公斤以下的东西。", "(不要提5公斤以下)"),
    ("zh_Hans", "Children under 12 must not take this medicine.", "12岁以上的儿童不得服用此药。", "(12岁以上)"),
    # the number a 以下 follows is the last one before it: 6周 is not what 以下 bounds
    ("zh_Hans", "Do not lift anything over 5 kg for 6 weeks.", "6周内不要提5公斤以下的物品。", "(不要提5公斤以下)"),
    # English bounds said after the number, and a bound under a negation
    ("zh_Hans", "Patients aged 18 and over can take 2 tablets at a time.", "18岁以下的患者每次可服2片。", "(and over)"),
    ("zh_Hans", "Most patients can return to office work within 4 weeks.", "大多数患者要4周以上才能回去做办公室工作。",
     "the source says an upper bound (within 4)"),
    ("es", "Do not carry bags of over 3 kg.", "No cargue bolsas de menos de 3 kg.", "(do not carry bags of over 3)"),
    ("vi", "Call us if your temperature is above 38°C.", "Hãy gọi cho chúng tôi nếu nhiệt độ dưới 38°C.", "(dưới 38)"),
    ("ar", "Call us if your temperature is above 38°C.", "اتصل بنا إذا كانت حرارتك أقل من 38 درجة مئوية.",
     "(أقل من 38)"),
    ("ht", "Call us if your temperature is above 38°C.", "Rele nou si tanperati w pi ba pase 38°C.", "(pi ba pase)"),
    ("es", "Take the tablets at night.", "Tome los comprimidos por la mañana.",
     "the source says in the evening or at night (night), the translation in the morning (por la mañana)"),
    ("es", "Take the tablet in the morning.", "Tome el comprimido antes de acostarse.", "(antes de acostarse)"),
    ("zh_Hans", "Take the tablets at night.", "早上服用药片。", "(早上)"),
    ("zh_Hans", "Take the tablet every morning.", "每晚睡前服用一片。", "(每晚, 睡前)"),
    ("vi", "Take the tablets at night.", "Uống thuốc vào buổi sáng.", "(buổi sáng)"),
    ("vi", "Take the tablet in the morning.", "Uống thuốc trước khi đi ngủ.", "(trước khi đi ngủ)"),
    ("ar", "Take the tablets at night.", "تناول الأقراص صباحاً.", "(صباحا)"),
    ("ar", "Take the tablet in the morning.", "تناول القرص قبل النوم.", "(قبل النوم)"),
    ("ht", "Take the tablets at night.", "Pran grenn yo nan maten.", "(nan maten)"),
    ("ht", "Take the tablet in the morning.", "Pran grenn nan chak swa.", "(chak swa)"),
    # a comparative under a prohibition turned round
    ("es", "Do not lift anything heavier than 5 kg.", "No levante nada que pese menos de 5 kg.",
     "an upper bound turned into a lower bound"),
    ("ar", "Do not lift anything heavier than 5 kg.", "لا ترفع أي شيء يقل وزنه عن ٥ كغ.", "a lower bound"),
    ("zh_Hans", "Avoid sitting for more than 30 minutes at a time.", "避免每次连续坐少于30分钟。", "(避免每次连续坐少于)"),
    # a source with both bounds, one of them turned round in the translation
    ("es", "Avoid lifting anything heavier than 5 kg for at least 6 weeks.", "Evite levantar objetos de más de 5 kg "
     "durante un máximo de 6 semanas.", "the source says a lower bound (at least) and an upper bound"),
    # one of two words of the source's side turned round, the other kept
    ("ar", "If your temperature stays over 37.5 °C for more than 48 hours, contact your doctor.",
     "إذا بقيت حرارتك دون 37.5 درجة مئوية لأكثر من 48 ساعة، فاتصل بطبيبك.", "(دون 37.5)"),
    ("vi", "Patients under 60 kg should take no more than 3 g of paracetamol per day.",
     "Bệnh nhân nặng trên 60 kg không nên dùng quá 3 g paracetamol mỗi ngày.", "(trên 60)"),
    # within a length of time turned into after it
    ("es", "Call us within 24 hours of your operation.", "Llámenos después de 24 horas de su operación.",
     "an upper bound turned into a lower bound"),
    ("zh_Hans", "Call us within 24 hours of your operation.", "请在手术后24小时之后给我们打电话。", "(24小时之后)"),
    ("vi", "Call us within 24 hours of your operation.", "Hãy gọi cho chúng tôi sau 24 giờ kể từ ca mổ.", "(sau 24)"),
    ("ar", "Call us within 24 hours of your operation.", "اتصل بنا بعد 24 ساعة من العملية.", "(بعد 24)"),
    ("es", "You can drive again after 6 weeks.", "Puede volver a conducir dentro de las 6 semanas siguientes.",
     "a lower bound turned into an upper bound"),
    ("es", "You can usually return to office work after about 2 weeks.", "Normalmente puede volver al trabajo de "
     "oficina antes de unas 2 semanas.", "after turned into before"),
    ("vi", "You can usually return to office work after a few days.", "Thông thường bạn có thể đi làm văn phòng trở "
     "lại trước vài ngày.", "(trước)"),
    # before or after the procedure named
    ("es", _ASPIRIN, "Deje de tomar aspirina 7 días después de su neurotomía endoscópica, a menos que "
     "{surgeon_name} le indique otra cosa.", "before turned into after"),
    ("zh_Hans", _ASPIRIN, "请在内镜神经切断术后7天停用阿司匹林，除非{surgeon_name}另有指示。", "(后)"),
    ("vi", _ASPIRIN, "Ngừng uống aspirin 7 ngày sau khi nội soi cắt dây thần kinh, trừ khi {surgeon_name} có chỉ định "
     "khác.", "(sau)"),
    ("ar", _ASPIRIN, "توقف عن تناول الأسبرين بعد 7 أيام من قطع العصب بالمنظار، ما لم يخبرك {surgeon_name} بغير ذلك.",
     "(بعد)"),
    ("ht", _ASPIRIN, "Sispann pran aspirin 7 jou apre newotomi andoskopik ou a, sòf si {surgeon_name} di w yon lòt "
     "bagay.", "(apre)"),
    ("es", "Can you eat before your endoscopic rhizotomy? Do not eat anything for 6 hours before the procedure.",
     "¿Puede comer antes de su rizotomía endoscópica? No coma nada durante las 6 horas posteriores al procedimiento.",
     "(posteriores)"),
    # a comparison of heights turned round, in the plural and in Arabic's other word for lower
    ("es", "Sit on a firm chair with armrests, with your hips higher than your knees.", "Siéntese en una silla firme "
     "con reposabrazos, con las caderas más bajas que las rodillas.", "(más bajas que)"),
    ("ar", "Sit on a firm chair with armrests, with your hips higher than your knees.", "اجلس على كرسي ثابت بمسندين "
     "للذراعين، بحيث يكون وركاك أخفض من ركبتيك.", "(أخفض من)"),
    # with food, and the other side negated: both turned round
    ("ar", _WITH_FOOD, "تناول أقراص مضاد الالتهاب على معدة فارغة، وليس مع الطعام أبدًا.",
     "with food turned into on an empty stomach"),
    ("es", _WITH_FOOD, "Tome las pastillas antiinflamatorias con el estómago vacío, nunca con comida.",
     "with food turned into on an empty stomach"),
    ("ht", _WITH_FOOD, "Pran grenn kont enflamasyon yo lè vant ou vid, pa janm pran yo ak manje.",
     "with food turned into on an empty stomach"),
    ("vi", _WITH_FOOD, "Uống thuốc chống viêm lúc bụng đói, không bao giờ uống cùng với bữa ăn.",
     "with food turned into on an empty stomach"),
    ("zh_Hans", _WITH_FOOD, "抗炎药请空腹服用，切勿随餐服用。", "with food turned into on an empty stomach"),
    # a bound under a negation, said in the translation under one of its own language's negations
    ("vi", _LIFTING, "Tránh nâng vật nặng dưới 5 kg trong 6 tuần.", "(tránh nâng vật nặng dưới 5)"),
    ("ar", _LIFTING, "تجنب رفع أي شيء وزنه دون 5 كغ لمدة 6 أسابيع.", "an upper bound turned into a lower bound"),
    ("ht", _LIFTING, "Evite leve anyen ki anba 5 kg pandan 6 semèn.", "(evite leve anyen ki anba 5)"),
    ("vi", "Do not sit higher than your hips.", "Đừng ngồi thấp hơn hông.", "(đừng ngồi thấp hơn)"),
    ("es", _SUGAR, "No deje que el azúcar suba por encima de 4 mmol/L.", "a lower bound turned into an upper bound"),
    ("vi", _SUGAR, "Không để đường huyết lên trên 4 mmol/L.", "a lower bound turned into an upper bound"),
    ("ar", _SUGAR, "لا تدع سكر الدم يرتفع فوق 4 مليمول/لتر.", "a lower bound turned into an upper bound"),
    ("ht", _SUGAR, "Pa kite sik nan san ou monte anwo 4 mmol/L.", "a lower bound turned into an upper bound"),
    ("zh_Hans", _SUGAR, "不要让血糖高于4 mmol/L。", "a lower bound turned into an upper bound"),
    ("ht", "Keep each walk shorter than 20 minutes at first.", "Okòmansman, kenbe chak mach pi long pase 20 minit.",
     "(pi long pase 20)"),
    ("ht", "Do not walk for longer than 30 minutes at a time.", "Pa mache pi kout pase 30 minit alafwa.",
     "an upper bound turned into a lower bound"),
    # a number an Arabic dual says (كيلومترين, two kilometres) or written with a word (كيلوغرام واحد)
    ("ar", "You will no longer need the back brace once you can walk upwards of 2 km without pain.", "لن تحتاج بعد "
     "الآن إلى حزام دعم الظهر عندما تتمكن من المشي لمسافة تقل عن كيلومترين دون ألم.",
     "a lower bound turned into an upper bound"),
    ("ar", "Avoid lifting anything heavier than 1 kg.", "تجنب رفع أي شيء يقل وزنه عن كيلوغرام واحد.",
     "an upper bound turned into a lower bound"),
    # worse said better, and the other way round
    ("es", _WORSE, "Llámenos de inmediato si el dolor de la pierna es mejor que antes del procedimiento.",
     "the source says worse (worse), the translation better (mejor): worse turned into better"),
    ("zh_Hans", _WORSE, "如果腿痛比手术前减轻，请立即给我们打电话。", "(减轻)"),
    ("vi", _WORSE, "Hãy gọi cho chúng tôi ngay nếu cơn đau ở chân đỡ hơn so với trước thủ thuật.", "(đỡ hơn)"),
    ("ar", _WORSE, "اتصل بنا فورًا إذا أصبح الألم في ساقك أخف مما كان عليه قبل الإجراء.", "worse turned into better"),
    ("ht", _WORSE, "Rele nou touswit si doulè nan janm ou vin pi byen pase jan li te ye anvan pwosedi a.", "(pi byen)"),
    ("es", "Your walking should improve week by week.", "Su capacidad para caminar debería empeorar semana a semana.",
     "better turned into worse"),
]


@pytest.mark.parametrize(("locale", "source", "translation"), CLEAN)
def test_no_finding(locale: str, source: str, translation: str) -> None:
    assert findings(locale, source, translation) == []


@pytest.mark.parametrize(("locale", "source", "translation", "expected"), FLAGGED)
def test_finding(locale: str, source: str, translation: str, expected: str) -> None:
    found = findings(locale, source, translation)
    assert len(found) == 1 and expected in found[0], found


def test_a_language_without_bounds_is_not_checked() -> None:
    listed = Negation({"en": NegationMarkers("en", ("not",), lower=("at least",)),
                       "es": NegationMarkers("es", ("no",))})
    ctx = replace(context("es"), negation=listed)
    assert findings("es", "Walk for at least 20 minutes.", "Camine como máximo 20 minutos.", ctx) == []
