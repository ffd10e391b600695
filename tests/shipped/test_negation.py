"""The shipped negation markers (source/negation.yaml), through the lost-negation check (E207): the
usual ways each language says "do not" and "avoid" are counted, so a faithful translation is not
reported, and a dropped negation still is."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import negation

from .helpers import findings


def _findings(locale: str, source: str, translation: str) -> list[str]:
    return findings(negation, locale, source, translation)


KEPT = [
    # locale, source, a translation that keeps its negation
    ("es", "Avoid it.", "Evítelo."),
    ("es", "Avoid them.", "Evítelas."),
    ("es", "Avoid heavy lifting.", "Evita levantar peso."),
    ("es", "Avoid heavy lifting.", "Es mejor evitarlo."),
    ("es", "Do not drive.", "Está prohibido conducir."),
    ("es", "Do not smoke.", "Queda prohibido fumar."),
    ("es", "Heavy lifting should be avoided.", "Debe evitar levantar peso."),
    ("es", "Smoking is not allowed.", "No se permite fumar."),
    ("vi", "Avoid lifting.", "Tránh nâng vật nặng."),
    ("ar", "Avoid lifting.", "تجنّب رفع الأشياء الثقيلة."),
    ("zh_Hans", "Never lift.", "切勿提重物。"),
    ("ht", "Avoid lifting.", "Evite leve bagay lou."),
    ("ht", "Do not smoke.", "Pinga fimen."),
    ("ar", "Do not lift anything heavy.", "امتنع عن رفع الأشياء الثقيلة."),
    ("ar", "Smoking is prohibited.", "يمنع التدخين."),
    ("ar", "You should not drive.", "يجب ألا تقود السيارة."),  # ألا: أن + لا
    ("ar", "You do not need to fast.", "لست بحاجة إلى الصيام."),
    ("ar", "Most people walk without pain.", "يمشي معظم الناس بلا ألم."),
    ("zh_Hans", "Smoking is prohibited.", "严禁吸烟。"),
    ("zh_Hans", "Avoid spicy food.", "忌辛辣食物。"),
    ("zh_Hans", "Nothing to eat after midnight.", "午夜后禁食。"),        # 禁食: fast, "forbid food"
    ("zh_Hans", "Do not eat or drink after midnight.", "午夜后禁食禁水。"),
    ("zh_Hans", "Do not use a heating pad.", "禁用热敷垫。"),
    ("ar", "Avoid heavy lifting.", "ابتعد عن حمل الأثقال."),                  # ابتعد عن: keep away from
    ("ar", "Avoid hard physical activity.", "يجب الابتعاد عن المجهود البدني العنيف."),
    ("zh_Hans", "Drink not less than 2 litres a day.", "每天饮水不少于2升。"),  # 不少于, though 不少 (many) is not one
    ("ht", "Walk without pain.", "Mache san doulè."),  # san: without
    ("ht", "Do not drink alcohol before your blood test.", "Pa bwè alkòl anvan tès san ou."),
    ("ar", "This is not allowed.", "هذا غير مسموح."),  # غير: not
    ("es", "Do not drive for 2 weeks.", "Absténgase de conducir durante 2 semanas."),  # abstain from
    ("es", "Do not drink alcohol.", "Debe abstenerse de beber alcohol."),
    ("ht", "You cannot drive for 2 weeks.", "Ou paka kondi pandan 2 semèn."),          # paka: pa ka, cannot
    ("es", "Abstain from alcohol.", "Absténgase del alcohol."),
    # "stop taking", said with a word that stops or with a plain negation
    ("es", "Stop taking aspirin 7 days before surgery.", "Deje de tomar aspirina 7 días antes de la cirugía."),
    ("es", "Stop taking aspirin 7 days before surgery.", "No tome aspirina en los 7 días previos a la cirugía."),
    ("zh_Hans", "Stop taking aspirin 7 days before surgery.", "术前7天停用阿司匹林。"),
    ("vi", "Stop taking aspirin 7 days before surgery.", "Ngừng uống aspirin 7 ngày trước phẫu thuật."),
    ("ar", "Stop taking aspirin 7 days before surgery.", "توقف عن تناول الأسبرين قبل الجراحة بـ 7 أيام."),
    ("ht", "Stop taking aspirin 7 days before surgery.", "Sispann pran aspirin 7 jou anvan operasyon an."),
    ("es", "Do not stop taking your medicine.", "No deje de tomar su medicamento."),
    # "no longer": something stops, said with a word that stops or with a plain negation
    ("es", "The nerve can no longer send pain signals.", "El nervio ya no puede enviar señales de dolor."),
    ("es", "The nerve can no longer send pain signals.", "El nervio deja de enviar señales de dolor."),
    ("ar", "The nerve can no longer send pain signals.", "يتوقف العصب عن نقل إشارات الألم."),
    ("vi", "The nerve can no longer send pain signals.", "Dây thần kinh ngừng truyền tín hiệu đau."),
    ("zh_Hans", "The nerve can no longer send pain signals.", "神经停止传递疼痛信号。"),
    ("ht", "The nerve can no longer send pain signals.", "Nè a sispann voye siyal doulè."),
    ("zh_Hans", "Refrain from sex for 4 weeks.", "4周内暂停性生活。"),
    ("vi", "Refrain from heavy housework for 1 month.", "Kiêng làm việc nhà nặng trong 1 tháng."),
    ("ar", "No lifting during the first month.", "يُحظر رفع الأشياء الثقيلة خلال الشهر الأول."),
    ("zh_Hans", "If you do not agree, tell your doctor.", "如果您不同意，请告诉医生。"),  # 不同意, though 不同 is no negation
    ("zh_Hans", "If the painkillers do not work, call us.", "如果止痛药不管用，请联系我们。"),
    # "unable" and "fails to" negate: said with a plain negation, or with a word for unable
    ("es", "Call us if you are unable to pass urine.", "Llámenos si no puede orinar."),
    ("es", "Call us if you are unable to pass urine.", "Llámenos si es incapaz de orinar."),
    ("vi", "Call us if you are unable to pass urine.", "Gọi cho chúng tôi nếu bạn không thể đi tiểu."),
    ("zh_Hans", "Call us if you are unable to pass urine.", "如果您无法排尿，请联系我们。"),
    ("ar", "Call us if you are unable to pass urine.", "اتصل بنا إذا كنت غير قادر على التبول."),
    ("ar", "Call us if you are unable to pass urine.", "اتصل بنا إذا كنت عاجزًا عن التبول."),
    ("ar", "Call us if you are unable to pass urine.", "اتصل بنا إذا تعذّر عليك التبول."),
    ("ht", "Call us if you are unable to pass urine.", "Rele nou si ou pa kapab pipi."),
    ("ht", "Call us if you are unable to pass urine.", "Rele nou si ou enkapab pipi."),
    ("es", "Call us if the pain fails to improve.", "Llámenos si el dolor no mejora."),
    ("zh_Hans", "Call us if the pain fails to improve.", "如果疼痛没有改善，请联系我们。"),
    ("ar", "Call us if the pain fails to improve.", "اتصل بنا إذا لم يتحسن الألم."),
    ("es", "Heart failure is not a reason to stop.", "La insuficiencia cardiaca no es motivo para parar."),
]

DROPPED = [
    # locale, source, a translation that lost its negation
    # "unable" and "fails to" dropped: a symptom to call about becomes its opposite
    ("es", "Call us if you are unable to pass urine.", "Llámenos si puede orinar."),
    ("vi", "Call us if you are unable to pass urine.", "Gọi cho chúng tôi nếu bạn đi tiểu được."),
    ("zh_Hans", "Call us if you are unable to pass urine.", "如果您能排尿，请联系我们。"),
    ("ar", "Call us if you are unable to pass urine.", "اتصل بنا إذا كنت قادرًا على التبول."),
    ("ht", "Call us if you are unable to pass urine.", "Rele nou si ou kapab pipi."),
    ("es", "Call us if the pain fails to improve.", "Llámenos si el dolor mejora."),
    ("vi", "Call us if the pain failed to improve.", "Gọi cho chúng tôi nếu cơn đau đã cải thiện."),
    ("es", "Heavy lifting should be avoided.", "Debe levantar peso."),
    ("es", "Smoking is prohibited.", "Se puede fumar."),
    ("es", "Abstain from alcohol.", "Beba alcohol con moderación."),
    ("ht", "You cannot drive for 2 weeks.", "Ou ka kondi pandan 2 semèn."),
    # Chinese words that hold a marker without negating: 非甾体 (non-steroidal), 别人 (others), 否则
    # (otherwise), 是否 (whether), 无菌 (sterile), 不少 (many), 不久 (soon), 无力 (weakness), 非处方 (OTC)
    ("zh_Hans", "Do not take ibuprofen or other anti-inflammatory drugs.", "请服用布洛芬或其他非甾体抗炎药。"),
    ("zh_Hans", "Never bend; ask someone else to pick things up.", "请弯腰；让别人帮您捡东西。"),
    ("zh_Hans", "Do not eat, otherwise the operation may be postponed.", "请进食，否则手术可能需要推迟。"),
    ("zh_Hans", "Do not stop the medicine; your doctor will say whether to.", "请停药；医生会告诉您是否需要停药。"),
    ("zh_Hans", "Do not touch the dressing; it must stay sterile.", "请触碰敷料，敷料需要保持无菌。"),
    ("zh_Hans", "Many feel better soon, but do not return to heavy work.", "不少人不久就感觉好转，但请恢复重体力劳动。"),
    ("zh_Hans", "Do not ignore new weakness in your leg.", "腿部新出现的无力，请忽视。"),
    ("zh_Hans", "Do not take cold remedies bought over the counter.", "请服用非处方感冒药。"),
    # a marker's homograph: Haitian Creole san (blood) and pa (per, a step), Arabic غير (change!),
    # Vietnamese tránh thai (contraception)
    ("ht", "Do not drink alcohol before your blood test.", "Bwè alkòl anvan tès san ou."),
    ("ht", "Do not take aspirin; it thins the blood.", "Pran aspirin; li fè san an vin klè."),
    ("ht", "Do not lift more than 5 kg; walk 3 times a day.", "Leve plis pase 5 kg; mache 3 fwa pa jou."),
    ("ht", "Do not walk far; take a few steps.", "Mache lwen; fè kèk pa."),
    ("ar", "Do not change the dressing yourself.", "غيّر الضمادة بنفسك."),
    ("vi", "Do not take these tablets if you use birth control pills.", "Uống thuốc này nếu bạn dùng thuốc tránh thai."),
    ("vi", "Heavy lifting should be avoided.", "Nên nâng vật nặng."),
    ("zh_Hans", "Smoking is forbidden.", "可以吸烟。"),
    ("zh_Hans", "Do not eat or drink after midnight. Avoid contraindicated drugs.", "午夜后禁食。注意禁忌药物。"),
    # "stop taking" rendered "keep taking"; "do not stop" rendered "stop"
    ("es", "Stop taking aspirin 7 days before surgery.", "Siga tomando aspirina 7 días antes de la cirugía."),
    ("zh_Hans", "Stop taking aspirin 7 days before surgery.", "术前7天继续服用阿司匹林。"),
    ("vi", "Stop taking aspirin 7 days before surgery.", "Tiếp tục uống aspirin 7 ngày trước phẫu thuật."),
    ("ar", "Stop taking aspirin 7 days before surgery.", "استمر في تناول الأسبرين قبل الجراحة بـ 7 أيام."),
    ("ht", "Stop taking aspirin 7 days before surgery.", "Kontinye pran aspirin 7 jou anvan operasyon an."),
    ("es", "Do not stop the tablets suddenly.", "Suspenda las pastillas de golpe."),
    ("es", "The nerve can no longer send pain signals.", "El nervio puede enviar señales de dolor."),
    ("ar", "The nerve can no longer send pain signals.", "يستطيع العصب نقل إشارات الألم."),
    ("zh_Hans", "The nerve can no longer send pain signals.", "神经可以传递疼痛信号。"),
    ("es", "You no longer need the brace.", "Necesita la faja."),
    ("vi", "Do not stop your medicine suddenly.", "Ngừng thuốc đột ngột."),
    ("es", "Refrain from smoking; it certainly slows healing.", "Fume; sin duda retrasa la curación."),  # sin duda
    ("zh_Hans", "Do not shower unless the dressing is waterproof.", "除非敷料防水，否则请淋浴。"),  # 除非: unless
    # a connective or a word that holds a marker without negating: Spanish sin embargo and no obstante
    # (however), Chinese 别的 (other), 不同 (different), 不良 (adverse), 不管 (regardless), 不得不 (have
    # to), Arabic لا بد (must) and لا يزال (still)
    ("es", "However, do not lift anything heavy.", "Sin embargo, levante objetos pesados."),
    ("es", "However, do not lift anything heavy.", "No obstante, levante objetos pesados."),
    ("zh_Hans", "Do not take other painkillers.", "请服用别的止痛药。"),
    ("zh_Hans", "Do not lift heavy objects; people recover at different speeds.", "请提重物；不同的人恢复速度不同。"),
    ("zh_Hans", "Do not take this medicine again if it gave you side effects.", "如果出现过不良反应，请再次服用这种药。"),
    ("zh_Hans", "Do not drive, whatever the pain.", "不管疼痛如何，请开车。"),
    ("zh_Hans", "Do not drive; you must rest.", "请开车；您不得不休息。"),
    ("ar", "Do not lift anything heavy; you must rest.", "ارفع الأشياء الثقيلة؛ لا بد أن ترتاح."),
    ("ar", "You may still feel pain, but do not take more tablets.", "قد لا يزال الألم موجودًا، لكن تناول المزيد من الأقراص."),
]


@pytest.mark.parametrize(("locale", "source", "translation"), KEPT)
def test_a_negation_said_the_usual_way_is_counted(locale: str, source: str, translation: str) -> None:
    assert _findings(locale, source, translation) == []


@pytest.mark.parametrize(("locale", "source", "translation"), DROPPED)
def test_a_dropped_negation_is_reported(locale: str, source: str, translation: str) -> None:
    found = _findings(locale, source, translation)
    # "a negation is lost" where the translation negates nowhere, "a negation may be lost" where it
    # negates fewer times than the source ("do not … unless" rendered with 除非 only)
    assert len(found) == 1 and ("a negation is lost" in found[0] or "a negation may be lost" in found[0]), found
