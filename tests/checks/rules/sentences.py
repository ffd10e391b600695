"""Real source sentences and their translations (as in the fixture content), shared by the rule
tables: each table plants one defect into one of them."""

from __future__ import annotations

ACTIVITY = ("You can usually go back to light activities within a few days. Avoid hard physical activity "
            "and heavy lifting for at least 2–4 weeks.")
ACTIVITY_T = {
    "es": ("Por lo general, puede volver a hacer actividades ligeras en unos pocos días. Evite la actividad "
           "física intensa y levantar objetos pesados durante al menos 2–4 semanas."),
    "zh_Hans": "通常几天内您就可以恢复轻度活动。至少2–4周内，请避免剧烈的体力活动和提重物。",
    "ar": ("يمكنك عادةً العودة إلى الأنشطة الخفيفة خلال بضعة أيام. وتجنّب النشاط البدني الشاق ورفع الأشياء "
           "الثقيلة لمدة 2–4 أسابيع على الأقل."),
    "vi": ("Thường thì bạn có thể quay lại các hoạt động nhẹ trong vòng vài ngày. Tránh hoạt động thể chất "
           "nặng và nâng vật nặng trong ít nhất 2–4 tuần."),
}

INCISION = "Your surgeon makes a small incision of about 5 mm. It is near the part of your spine that causes pain."
INCISION_ES = ("Su cirujano hace una pequeña incisión de unos 5 mm. Está cerca de la parte de la columna "
               "vertebral que causa el dolor.")

CALL = "If you have questions, call {clinic_name} on {clinic_phone}. You can also ask your surgeon, {surgeon_name}."
CALL_T = {
    "es": ("Si tiene preguntas, llame a {clinic_name} al {clinic_phone}. También puede preguntarle a su "
           "cirujano, {surgeon_name}."),
    "zh_Hans": "如有疑问，请拨打{clinic_name}的电话{clinic_phone}。您也可以咨询您的外科医生{surgeon_name}。",
    "ar": ("إذا كانت لديك أسئلة، فاتصل بـ {clinic_name} على الرقم {clinic_phone}. ويمكنك أيضًا أن تسأل الجراح "
           "المعالج لك، {surgeon_name}."),
}

PRESSURE = "This takes pressure off the nearby nerve roots when a disc is herniated or bulging."
PRESSURE_ES = ("Esto quita la presión sobre las raíces nerviosas cercanas cuando hay una hernia discal o un "
               "disco abultado.")

DISC_PROBLEMS = ("Discs that bulge, protrude (stick out) or herniate can all cause back pain and leg pain. "
                 "A herniated disc has a tear that lets material leak out.")
DISC_PROBLEMS_ZH = "椎间盘膨出、突出（向外凸出）或疝出，都可能引起背痛和腿痛。椎间盘突出是指椎间盘出现裂口，里面的物质会从裂口漏出来。"

TESTS = ("Your doctor will usually do tests such as X-rays or an MRI scan. These may show a bulging disc or "
         "a nerve root that is being pressed on.")
TESTS_ZH = "医生通常会为您做X光或磁共振（MRI）等检查。这些检查可能会显示椎间盘膨出，或者神经根受到压迫。"

QUESTION = "What is an endoscopic discectomy?"
QUESTION_T = {
    "es": "¿Qué es una discectomía endoscópica?",
    "zh_Hans": "什么是内镜下椎间盘切除术？",
    "ar": "ما هو استئصال القرص بالمنظار؟",
}


def planted(text: str, old: str | None, new: str) -> str:
    """``text`` with one defect planted: the first ``old`` replaced by ``new`` (None: ``new`` appended)."""
    if old is None:
        return text + new
    assert old in text, (old, text)
    return text.replace(old, new, 1)
