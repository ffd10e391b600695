"""E201 numbers: every number of the source is in the translation, compared as a value."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.checks.rules import numbers
from pipeline.checks.text import NUMBER_WORDS

from .helpers import assert_flagged, entry, matcher, row_ids, run
from .sentences import ACTIVITY, ACTIVITY_T, INCISION, INCISION_ES, planted

CLEAN = [
    # locale, source, translation
    ("es", ACTIVITY, ACTIVITY_T["es"]),
    ("es", ACTIVITY, planted(ACTIVITY_T["es"], "2–4", "2-4")),  # a hyphen for the en dash
    ("es", INCISION, planted(INCISION_ES, "5 mm", "5,0 mm")),  # the same value, Spanish separator
    ("zh_Hans", ACTIVITY, planted(ACTIVITY_T["zh_Hans"], "2–4", "２–４")),  # full-width digits
    ("ar", ACTIVITY, planted(ACTIVITY_T["ar"], "2–4", "٢–٤")),  # Arabic-Indic digits
    ("es", "Rest.", "Descanse."),
    # Thousands grouped with a plain space, as Spanish style guides write them (RAE: "1 000")
    ("es", "Take 1,000 mg.", "Tome 1 000 mg."),
    ("es", "About 2,500,000 people.", "Unos 2 500 000 pacientes."),
    ("es", "Take 2 100 mg tablets.", "Tome 2 comprimidos de 100 mg."),  # two numbers, not 2,100
    ("es", "Take 2 100 mg tablets.", "Tome 2 100 mg."),
    ("es", "Come at 8:30.", "Venga a las 8.30."),  # a time written with a point, as in Spain
    ("es", "Come at 8:30 or 10:15.", "Venga a las 8.30 o a las 10:15."),
    ("es", "Take 8.3 mg.", "Tome 8.30 mg."),  # a decimal, read as before
    ("zh_Hans", "About 10,000 people.", "约1万人。"),  # 万: ten thousand
    ("zh_Hans", "About 15,000 people.", "约1.5万人。"),
    ("zh_Hans", "About 200,000,000 people.", "约2亿人。"),  # 亿: a hundred million
    # A number the source writes as a word (W312 asks for a numeral there), written with digits
    ("es", "Rest for two weeks.", "Descanse 2 semanas."),
    ("es", "Take one or two tablets every 6 hours.", "Tome 1 o 2 comprimidos cada 6 horas."),
    ("vi", "Rest for twenty-one days.", "Nghỉ ngơi 21 ngày."),
    ("zh_Hans", "Walk for Ten minutes, three times a day.", "每天步行3次，每次10分钟。"),
    # a number of the source written as a word in the translation ("dos semanas", 两周, an Arabic dual)
    ("es", "Rest for 2 weeks.", "Descanse dos semanas."),
    ("es", "It may be worse for 1 or 2 days.", "Puede empeorar durante uno o dos días."),
    ("es", "Rest for 2 weeks, then do 1 of the exercises.", "Descanse dos semanas y haga uno de los ejercicios."),
    ("zh_Hans", "Rest for 2 weeks and see a doctor.", "休息两周，然后去看一个医生。"),  # 一个: "a"
    ("es", "Take 2 tablets every 8 hours.", "Tome dos comprimidos cada 8 horas."),
    ("zh_Hans", "Rest for 2 weeks.", "休息两周。"),
    ("zh_Hans", "Rest for 2–3 weeks.", "休息两到三周。"),
    ("zh_Hans", "Take 2 tablets, 2 times a day.", "每天二次，每次两片。"),  # 两 and 二 are both 2
    ("ar", "Rest for 2 weeks.", "استرح لمدة أسبوعين."),
    ("ar", "Rest for 2 days.", "استرح يومين."),
    ("ar", "Walk 2 times a day.", "امشِ مرتين في اليوم."),
    ("ar", "Rest for 3 weeks.", "استرح لمدة ثلاثة أسابيع."),
    ("vi", "Rest for 2 weeks.", "Nghỉ ngơi hai tuần."),
    ("ht", "Rest for 3 weeks.", "Repoze w twa semèn."),
    # a number the source writes as a word, written as a word or left to a word that is not read
    ("es", "Rest for two weeks.", "Descanse dos semanas."),
    ("es", "Take it twice a day.", "Tómelo dos veces al día."),
    ("ar", "Take it twice a day.", "تناوله مرتين يوميًا."),
    ("zh_Hans", "Take it twice a day.", "每天服用两次。"),
    ("zh_Hans", "Inject it once a day for 4 weeks.", "每天注射1次，连续4周。"),  # once: 1
    ("es", "Once you are home, walk twice a day.", "Cuando esté en casa, camine dos veces al día."),
    ("vi", "Call at once if both legs are numb.", "Hãy gọi ngay nếu cả hai chân bị tê."),  # at once: now
    # half a dose, said the ways each language says it
    ("es", "Take half a tablet at night.", "Tome medio comprimido por la noche."),
    ("es", "Take half a tablet at night.", "Tome la mitad de un comprimido por la noche."),
    ("es", "Take half a tablet at night.", "Tome ½ comprimido por la noche."),
    ("zh_Hans", "Take half a tablet at night.", "晚上服半片。"),
    ("vi", "Take half a tablet at night.", "Uống nửa viên vào buổi tối."),
    ("ar", "Take half a tablet at night.", "تناول نصف قرص ليلًا."),
    ("ht", "Take half a tablet at night.", "Pran mwatye grenn nan aswè."),
    ("es", "Rest for half an hour.", "Descanse media hora."),  # a time, not a dose
    ("es", "Rest for half an hour.", "Descanse 30 minutos."),
    ("zh_Hans", "Wait a quarter of an hour.", "等待15分钟。"),
    ("es", "Walk for an hour and a half.", "Camine 90 minutos."),
    ("es", "Walk for an hour and a half.", "Camine una hora y media."),
    ("vi", "Walk for one and a half hours.", "Đi bộ 90 phút."),
    ("zh_Hans", "Keep the dressing on for a day and a half.", "敷料保留36小时。"),
    ("ht", "Rest for 2 weeks.", "Repoze w de semèn."),  # de (two, and "of") before what it counts
    ("ht", "Rest for two weeks, from time to time.", "Repoze de semèn, de tan zan tan."),
    ("zh_Hans", "Take 1 tablet.", "服一片。"),  # 一 (one, and in 一般, usual) before what it counts
    ("vi", "Rest for 5 days.", "Nghỉ ngơi năm ngày."),  # năm (five, and "year") before what it counts
    ("zh_Hans", "Keep it dry for twenty-four hours.", "保持干燥二十四小时。"),  # a number of several words
    ("zh_Hans", "Come back in twelve days.", "十二天后复诊。"),
    ("vi", "Come back in twelve days.", "Tái khám sau mười hai ngày."),
    ("vi", "Sit for thirty minutes at most.", "Ngồi tối đa ba mươi phút."),
    ("vi", "Rest for fifteen minutes.", "Nghỉ mười lăm phút."),  # after mười, five is lăm
    ("vi", "The implant lasts ten years.", "Bộ phận cấy ghép dùng được mười năm."),  # năm: the years
    ("ar", "Keep it dry for twenty-four hours.", "حافظ على جفافه أربعًا وعشرين ساعة."),
    ("ar", "Come back in twelve days.", "عد بعد اثني عشر يومًا."),
    ("es", "Keep it dry for forty-eight hours.", "Manténgalo seco cuarenta y ocho horas."),
    ("es", "Rest for two or three weeks.", "Descanse entre dos y tres semanas."),
    # a weekday or an ordinal is no number: thứ Hai (Monday), 第二天 (the second day), 十二指肠 (duodenum)
    ("vi", "Come on Monday, two weeks after surgery.", "Hãy đến vào thứ Hai, hai tuần sau phẫu thuật."),
    ("zh_Hans", "Take one tablet with food to protect the duodenum.", "随餐服一片，以保护十二指肠。"),
    ("ht", "Bring two forms and your insurance card.", "Pote de fòm ak kat asirans ou."),  # kat: a card
    ("vi", "Ask your parents to stay for two days.", "Nhờ ba mẹ ở lại hai ngày."),  # ba mẹ: parents
    ("vi", "Rest for five weeks.", "Nghỉ ngơi năm tuần."),  # năm: also "year"
    ("es", "One of the nerves is treated in 30 minutes.", "Se trata uno de los nervios en 30 minutos."),
    ("es", "Take 2 tablets; no one else should take them.", "Tome 2 comprimidos; nadie más debe tomarlos."),
    ("es", "Take one tablet.", "Tome un comprimido."),  # un: also "a", not read
    # a number word that names a number the source names some other way, or names none
    ("es", "Call us if both legs are numb.", "Llámenos si tiene las dos piernas entumecidas."),  # both: 2
    ("vi", "Call us if both legs are numb.", "Hãy gọi nếu cả hai chân bị tê."),
    ("zh_Hans", "Rest for a week.", "休息七天。"),  # a week: 7 days
    ("es", "Rest for a day.", "Descanse veinticuatro horas."),
    ("ar", "Rest for a week.", "استرح سبعة أيام."),
    ("zh_Hans", "You may feel sore for a few days.", "您可能会疼两三天。"),  # a few: 2 or 3
    ("ht", "You may feel sore for a few days.", "Ou ka santi doulè pandan de twa jou."),
    ("es", "Take a third of the tablet 2 times a day.", "Tome un tercio del comprimido dos veces al día."),
    ("zh_Hans", "Take a third of the tablet.", "服三分之一片。"),  # a third: 1/3
    ("vi", "Come back on the third day.", "Quay lại vào ngày thứ ba."),  # ordinals
    ("zh_Hans", "Come back on the second day.", "第二天复诊。"),
    ("es", "Come back at noon.", "Vuelva a las doce."),
    ("es", "Keep your feet up for 30 minutes.", "Mantenga los dos pies en alto durante 30 minutos."),
    ("es", "Walk a little at a time, 10 minutes.", "Camine poco a poco, de dos en dos pasos, 10 minutos."),
    ("vi", "Eat only well-cooked food for 2 weeks.", "Chỉ ăn thức ăn nấu chín trong 2 tuần."),  # chín: cooked
    ("vi", "Both methods ease pain.", "Cả hai phương pháp đều giảm đau."),
    ("ht", "Sometimes relief lasts 2 weeks.", "Gen de fwa, soulajman an dire 2 semèn."),  # de fwa: sometimes
    ("zh_Hans", "Wear the sling for 2 weeks.", "佩戴三角巾2周。"),  # 三角巾: a sling
    ("zh_Hans", "Avoid smoke for 4 weeks.", "4周内避免吸二手烟。"),  # 二手烟: second-hand smoke
    ("zh_Hans", "Come back on Wednesday.", "周三复诊。"),  # 周三: Wednesday
    ("zh_Hans", "Take it 3 times a week.", "每周三次。"),
    ("zh_Hans", "Take 1 tablet with meals.", "随三餐服1片。"),  # 三餐: meals
    ("zh_Hans", "Keep both sides clean for 2 days.", "保持两侧清洁2天。"),
    ("zh_Hans", "Strengthen your biceps for 6 weeks.", "锻炼二头肌6周。"),
    ("ar", "Come back on Monday.", "عد يوم الاثنين."),  # الاثنين: Monday
    ("ar", "It protects the duodenum for 6 hours.", "يحمي الاثني عشر لمدة 6 ساعات."),  # the duodenum
    ("ar", "See us on a Monday, 6 weeks later.", "راجعنا يوم اثنين، بعد 6 أسابيع."),
    ("zh_Hans", "The knot at each end will dissolve.", "两端的线结会自行溶解。"),  # 两端: both ends
    ("es", "Take 2 tablets 2 times a day.", "Tome 2 comprimidos dos veces al día."),  # a digit as a word
    ("es", "Diabetes type 2 may slow healing.", "La diabetes tipo 2 puede retrasar la cicatrización."),
    ("vi", "Rest for 2 weeks; come back in 2 weeks.", "Nghỉ 2 tuần; tái khám sau hai tuần."),
    # the Arabic dual of what is counted names two of it, as a number written with digits would
    ("ar", "Take 2 tablets.", "تناول قرصين."),
    ("ar", "Take 2 capsules, 2 times a day.", "تناول كبسولتين مرتين في اليوم."),
    ("ar", "Stay 2 nights.", "ابق ليلتين."),
    ("ar", "Take 2 doses.", "تناول جرعتين."),
    # and two of a length, a weight, a volume walked, lifted or drunk
    ("ar", "Walk upwards of 2 km without pain.", "امشِ لمسافة تزيد على كيلومترين دون ألم."),
    ("ar", "Do not lift more than 2 kg.", "لا ترفع أكثر من كيلوغرامين."),
    ("ar", "Drink 2 litres of water a day.", "اشرب لترين من الماء يوميًا."),
    ("ar", "Keep 2 metres between you and others.", "ابقَ على بعد مترين من الآخرين."),
    ("es", "Keep both feet up.", "Mantenga los dos pies en alto."),  # los dos before what is not a time
    # a date's month that the source names by its name, written as a number in a Chinese or
    # Vietnamese date (3月5日, ngày 5 tháng 3: 5 March)
    ("zh_Hans", "Rest for 3 days from 5 March.", "从3月5日起休息3天。"),
    ("zh_Hans", "Take 3 tablets from 3 March.", "从3月3日起服用3片。"),
    ("zh_Hans", "Come back on March 5.", "请于3月5日复诊。"),
    ("zh_Hans", "Your next visit is on 12 May 2027.", "您的下次就诊在2027年5月12日。"),
    ("zh_Hans", "Stop it on 1 Dec.", "12月1日停用。"),
    ("vi", "Rest for 3 days from 5 March.", "Nghỉ 3 ngày kể từ ngày 5 tháng 3."),
    ("vi", "Come back in March 2027.", "Hãy quay lại vào tháng 3 năm 2027."),
    # a number the source uses as an ordinal ("type 2", "day 3"), as Arabic writes it: an ordinal word
    ("ar", "Diabetes type 2 may slow healing.", "قد يؤخر السكري من النوع الثاني التئام الجرح."),
    ("ar", "Stage 1 lasts 2 weeks.", "تستمر المرحلة الأولى أسبوعين."),
    ("ar", "From day 3, walk for 10 minutes.", "من اليوم الثالث، امشِ لمدة 10 دقائق."),
    ("ar", "Type 2 diabetes and type 1 diabetes.", "السكري من النوع الثاني والسكري من النوع الأول."),
    # a time on the hour without its ":00", a time the source names with a word (noon, midnight), and
    # "every other day" as every two days
    ("es", "Take your evening dose at 8:00 p.m.", "Tome la dosis de la noche a las 8 de la noche."),
    ("vi", "Take your evening dose at 8:00 p.m.", "Uống liều buổi tối lúc 8 giờ tối."),
    ("es", "Do not eat or drink after midnight.", "No coma ni beba nada después de las 12 de la noche."),
    ("ar", "Do not eat or drink after midnight.", "لا تأكل ولا تشرب شيئًا بعد الساعة ١٢ ليلًا."),
    ("zh_Hans", "Take your second dose at noon.", "中午12点服用第二剂。"),
    ("es", "Take your tablet every other day.", "Tome el comprimido cada dos días."),
    ("es", "Take 1 tablet every other day.", "Tome 1 comprimido cada 2 días."),
    ("vi", "Take your tablet every other day.", "Uống thuốc hai ngày một lần."),
    ("ar", "Take your tablet every other day.", "تناول القرص كل يومين."),
    # a fraction written with a vulgar fraction sign is its value (1½ is 1.5)
    ("es", "The procedure takes about 1½ hours.", "El procedimiento dura aproximadamente 1,5 horas."),
    ("zh_Hans", "The procedure takes about 1½ hours.", "手术大约需要1.5小时。"),
    ("es", "Take ½ tablet at night.", "Tome 0,5 comprimidos por la noche."),
    ("es", "Rest for 1½ hours after lunch.", "Descanse 1 hora y media después del almuerzo."),
    ("vi", "The procedure takes about 1½ hours.", "Thủ thuật mất khoảng 1 tiếng rưỡi."),
    ("zh_Hans", "Rest for 1½ hours.", "休息1个半小时。"),
    ("ht", "Rest for 1½ hours.", "Repoze 1 èdtan edmi."),
    # a Chinese ordinal for a number the source uses as one (第二天 for "day 2")
    ("zh_Hans", "On day 2 after surgery you can shower.", "术后第二天可以淋浴。"),
    # a Vietnamese month named with its number word (tháng Ba, March)
    ("vi", "Your follow-up visit is in March.", "Buổi tái khám của bạn vào tháng Ba."),
    # a length of time the source says with a word, given with digits in a smaller unit
    ("zh_Hans", "Do not take a bath for a week.", "7天内不要泡澡。"),
    ("es", "Keep the dressing dry for a day.", "Mantenga el apósito seco durante 24 horas."),
    # once, said with the word for one before the word for a time
    ("es", "Take it once a day.", "Tómelo una vez al día."),
    ("ht", "Take it once a day.", "Pran l yon fwa pa jou."),
    ("vi", "Take it once a day.", "Uống một lần mỗi ngày."),
    ("ar", "Take it once a day.", "تناوله مرة يوميًا."),
    ("es", "Once you are home, rest for 2 days.", "Una vez en casa, descanse 2 días."),
    # an afternoon or evening time on the 24-hour clock, as most of these languages write it
    ("es", "Take your evening dose at 8:30 p.m.", "Tome la dosis de la noche a las 20:30."),
    ("zh_Hans", "Take your evening dose at 8:30 p.m.", "晚上20:30服用晚间剂量。"),
    ("vi", "Take your evening dose at 8 p.m.", "Uống liều buổi tối lúc 20 giờ."),
    ("es", "Take your evening dose at 8:00 p.m.", "Tome la dosis de la noche a las 20 h."),
    ("ar", "Come at 2 PM.", "تعال الساعة 14:00."),
    # a morning time said as one, an evening time as one
    ("es", "Take your first dose at 8:30 a.m.", "Tome la primera dosis a las 8:30 de la mañana."),
    ("zh_Hans", "Take your first dose at 8:30 a.m.", "上午8:30服用第一剂。"),
    ("vi", "Take your first dose at 8:30 a.m.", "Uống liều đầu tiên lúc 8:30 sáng."),
    ("ar", "Arrive at 7 a.m.", "احضر الساعة ٧ صباحًا."),
    ("ht", "Take your first dose at 8:30 a.m.", "Pran premye dòz ou a 8:30 nan maten."),
    ("es", "Take it at 8 a.m. and again in the evening.", "Tómelo a las 8 de la mañana y otra vez por la noche."),
    ("vi", "Take it at 8 a.m.; do not take more than the maximum dose.", "Uống lúc 8 giờ sáng; không uống quá liều tối đa."),
    # half past the hour said as a word
    ("zh_Hans", "Take your first dose at 8:30 a.m.", "上午8点半服用第一剂。"),
    ("vi", "Take your first dose at 8:30 a.m.", "Uống liều đầu tiên lúc 8 giờ rưỡi sáng."),
    ("ht", "Take your first dose at 8:30 a.m.", "Pran premye dòz ou a 8è edmi nan maten."),
    ("es", "Take your first dose at 8:30 a.m.", "Tome la primera dosis a las 8 y media de la mañana."),
    ("ar", "Take your first dose at 8:30 a.m.", "تناول الجرعة الأولى الساعة 8 والنصف صباحًا."),
    # a length of time with a half, in its own unit (1.5 hours) as well as in the smaller one (90 minutes)
    ("es", "Rest for an hour and a half.", "Descanse 1 hora y media."),
    ("es", "Rest for an hour and a half.", "Descanse 1,5 horas."),
    ("es", "Rest for half an hour.", "Descanse 0,5 horas."),
    ("vi", "Rest for an hour and a half.", "Nghỉ ngơi 1 tiếng rưỡi."),
    ("vi", "Rest for an hour and a half.", "Nghỉ ngơi một tiếng rưỡi."),
    ("ht", "Rest for an hour and a half.", "Repoze 1 èdtan edmi."),
    ("zh_Hans", "Rest for an hour and a half.", "休息一个半小时。"),
    ("zh_Hans", "Rest for a day and a half.", "休息一天半。"),
    ("zh_Hans", "Rest for 1.5 days.", "休息一天半。"),
    ("zh_Hans", "Rest for 1.5 hours.", "休息一个半小时。"),
    ("zh_Hans", "Rest for 2.5 days.", "休息两天半。"),
    # Spanish un and una before what they count are one: where the source has one too, nothing is told
    ("es", "Walk for an hour, twice a day.", "Camine una hora, dos veces al día."),
    ("es", "Rest for a week, then walk for 2 days.", "Descanse una semana y luego camine 2 días."),
    ("es", "Rest for 1 week.", "Descanse una semana."),
    # a month the source names, named by the translation too; a month named in no way read is not told
    ("es", "Your follow-up visit is on 5 March.", "Su consulta de control es el 5 de marzo."),
    ("es", "May cause dizziness. Come back on 5 June.", "Puede causar mareo. Vuelva el 5 de junio."),
    ("ht", "Your follow-up visit is on 5 March.", "Randevou swivi w la se 5 mas."),
    ("ht", "Your follow-up visit is on 5 May.", "Randevou swivi w la se 5 me."),
    ("ht", "Rest for 5 days, but call us.", "Repoze 5 jou, me rele nou."),  # me is also "but"
    ("ar", "Your follow-up visit is on 5 March.", "موعد المتابعة في 5 مارس."),
    ("ar", "Your follow-up visit is on 5 March.", "موعد المتابعة في 5 آذار."),
    ("es", "Take one tablet twice a day for two weeks.", "Tome un comprimido dos veces al día durante dos semanas."),
    ("es", "Rest for two days and a night.", "Descanse dos días y una noche."),
    # "an hour" is one hour, "the first week" seven days, as "a week" is
    ("es", "The ablation usually takes half an hour to an hour.", "La ablación suele durar entre media hora y una hora."),
    ("es", "Avoid sitting for more than 30 minutes at a time during the first week.",
     "Durante los primeros 7 días, evite estar sentado más de 30 minutos seguidos."),
    ("ht", "Your pain should slowly improve over the first week.",
     "Doulè w la ta dwe diminye tou dousman pandan 7 premye jou yo."),
    ("vi", "Keep the wound clean and dry for one week.", "Giữ vết mổ sạch và khô trong 7 ngày."),
    # a half the source has, in the translation
    ("es", "Rest for half an hour.", "Descanse media hora."),
    ("zh_Hans", "Walk for an hour and a half.", "步行一个半小时。"),
    ("es", "Take your tablets in the middle of the day.", "Tome los comprimidos a mediodía."),
    # a word that may be the number where the source has it, though it also means something else
    ("zh_Hans", "Stop smoking at least four weeks before surgery.", "手术前至少四周戒烟。"),
    ("ht", "You can go home after one or two nights.", "Ou ka ale lakay ou apre youn oswa de nwit."),
    ("vi", "Wait five days.", "Hãy chờ năm ngày."),
    ("es", "Do not swim for two weeks.", "No nade durante un par de semanas."),
    ("ar", "Do not take two medicines that both contain paracetamol.", "لا تتناول دواءين يحتوي كلاهما على الباراسيتامول."),
    # a number word that counts nothing, or numbers what comes before it
    ("es", "By week six, walk 2 kilometres a day.", "Para la sexta semana, camine 2 km al día."),
    ("es", "One of the two nerves is treated.", "Se trata uno de los nervios."),
    ("es", "Take two tablets, wait an hour, then take one more.",
     "Tome dos comprimidos, espere una hora y luego tome uno más."),
]

FLAGGED = [
    # locale, source, translation, telling part of the message
    ("es", ACTIVITY, planted(ACTIVITY_T["es"], "2–4", "2–5"), "number 4 of the source is missing"),
    ("es", INCISION, planted(INCISION_ES, "5 mm", "15 mm"), "number 5 of the source is missing"),
    ("es", INCISION, planted(INCISION_ES, "5 mm", "5 mm (1,5)"), "number 1.5 is not in the source"),
    ("ar", ACTIVITY, planted(ACTIVITY_T["ar"], "2–4", "2–3"), "number 4"),
    ("es", "Rest.", "Descanse 2 días.", "number 2 is not in the source"),
    ("es", "Take 1,000 mg.", "Tome 1 00 mg.", "number 1000 of the source is missing"),
    ("es", "Take 1,000 mg.", "Tome 1 100 mg.", "number 1000 of the source is missing"),
    ("es", "Take 2 100 mg tablets.", "Tome 2 200 mg.", "number 100 of the source is missing"),
    ("es", "Come at 8:30.", "Venga a las 8.45.", "number 30 of the source is missing"),
    ("es", "Take 2 x 10 mg.", "Tome 2.10 mg.", "number 2, 10 of the source is missing"),  # no time in the source
    ("zh_Hans", "About 10,000 people.", "约10万人。", "number 10000 of the source is missing"),
    ("es", "Rest for two weeks.", "Descanse 3 semanas.", "number 3 is not in the source"),
    # a translation without any digit: the message says how numbers are written
    ("es", "Rest for 2 weeks.", "Descanse unas semanas.",
     "number 2 of the source is missing from the translation: write numbers with digits, as the source does"),
    # a number word is the number it names, and no other
    ("es", "Rest for 2 weeks.", "Descanse tres semanas.", "number 2 of the source is missing"),
    ("es", "Take 2 tablets every 8 hours.", "Tome dos comprimidos cada seis horas.", "number 8 of the source is missing"),
    ("zh_Hans", "Rest for 2 weeks.", "休息三周。", "number 2 of the source is missing"),
    ("zh_Hans", "Take 1 tablet.", "一般服用药片。", "number 1 of the source is missing"),  # 一 is in too many words
    ("zh_Hans", "Check it for 4 weeks.", "检查伤口四周。", "number 4 of the source is missing"),  # 四周: also "around"
    ("ar", "Rest for 3 weeks.", "استرح لمدة أسبوعين.", "number 3 of the source is missing"),
    ("vi", "Rest for 5 years.", "Nghỉ ngơi trong năm.", "number 5 of the source is missing"),  # năm: also "year"
    ("ht", "Rest for 2 weeks.", "Repoze de tan zan tan.", "number 2 of the source is missing"),  # de: also "of"
    # "un" is also "a": the 1 dropped from "1 o 2 días" is not found in "un poco" (make compare plants this)
    ("es", "It may be worse for 1 or 2 days.", "Puede ser un poco peor durante o 2 días.",
     "number 1 of the source is missing"),
    ("es", "Rest for two weeks, then walk 20 minutes.", "Descanse 2 semanas y camine 30 minutos.",
     "number 20 of the source is missing"),
    # a number the translation writes as a word beyond those that stand for the source's is extra
    ("es", "Stay for 30 minutes.", "Quédese treinta a cuarenta minutos.", "number 40 is not in the source"),
    ("es", "The cut is about 5 mm long.", "El corte mide unos cinco o seis mm.", "number 6 is not in the source"),
    ("zh_Hans", "Rest for 2 weeks.", "休息两到三周。", "number 3 is not in the source"),
    ("vi", "Rest for 2 weeks.", "Nghỉ ngơi hai hoặc ba tuần.", "number 3 is not in the source"),
    ("ar", "Rest for 2 weeks.", "استرح أسبوعين أو ثلاثة أسابيع.", "number 3 is not in the source"),
    # a number the source writes as a word, rendered as another number (a word or digits)
    ("es", "Rest for two weeks.", "Descanse tres semanas.",
     "number 2 of the source (written as a word) is not in the translation, which has 3 in its place"),
    ("es", "Take one tablet twice a day.", "Tome un comprimido tres veces al día.", "which has 3 in its place"),
    ("es", "Take one tablet.", "Tome dos comprimidos.", "number 1 of the source"),
    ("es", "Take two tablets every 6 hours.", "Tome tres comprimidos cada 6 horas.", "which has 3 in its place"),
    ("zh_Hans", "Rest for two weeks.", "休息三周。", "number 2 of the source"),
    ("vi", "Rest for two weeks.", "Nghỉ ngơi ba tuần.", "number 2 of the source"),
    ("ar", "Rest for two weeks.", "استرح ثلاثة أسابيع.", "number 2 of the source"),
    ("ht", "Rest for two weeks.", "Repoze twa semèn.", "number 2 of the source"),
    # half a length of time the source gives whole
    ("es", "Rest for an hour.", "Descanse media hora.", "(media hora), which the source does not"),
    ("zh_Hans", "Rest for a day.", "休息半天。", "(半天)"),
    ("vi", "Wait an hour before you eat.", "Chờ nửa tiếng trước khi ăn.", "(nửa tiếng)"),
    ("ar", "Rest for an hour.", "استرح لمدة نصف ساعة.", "(نصف ساعة)"),
    ("ht", "Rest for a day.", "Repoze pandan mwatye jounen.", "(mwatye jounen)"),
    ("es", "Rest for half an hour.", "Descanse una hora.", "number 30 of the source"),
    # a number the source writes as a word before what it counts, rendered without any number
    ("es", "Use the cream for two weeks.", "Use la crema durante semanas.",
     "number 2 of the source (written as a word) is not in the translation"),
    ("ar", "Do not drive for two weeks.", "لا تقد السيارة لمدة أسبوع.", "number 2 of the source (written as a word)"),
    ("ar", "Rest for three days.", "استرح بضعة أيام.", "number 3 of the source (written as a word)"),
    ("ht", "Use the cream for two weeks.", "Sèvi ak krèm nan pandan semèn nan.", "number 2 of the source"),
    ("vi", "Keep the dressing on for three more days.", "Giữ băng thêm vài ngày nữa.", "number 3 of the source"),
    ("zh_Hans", "Take two tablets at night.", "晚上服药片。", "number 2 of the source"),
    ("es", "Take it twice a day.", "Tómelo a diario.", "number 2 of the source"),
    ("es", "Rest for two weeks and walk 10 minutes a day.", "Descanse unas semanas y camine 10 minutos al día.",
     "number 2 of the source (written as a word)"),
    ("es", "Rest for twenty-four hours.", "Descanse cuarenta y ocho horas.", "number 24 of the source"),
    ("ar", "Come back in thirty days.", "عد بعد عشرين يومًا.", "which has 20 in its place"),
    ("ht", "Keep it dry for twenty-four hours.", "Kenbe l sèk pandan karantuit èdtan.", "which has 48 in its place"),
    ("ht", "Take it twice a day.", "Pran l twa fwa pa jou.", "which has 3 in its place"),
    ("es", "Take it once a day.", "Tómelo dos veces al día.", "which has 2 in its place"),
    ("es", "Rest for half an hour.", "Descanse 45 minutos.", "number 45 is not in the source"),
    ("es", "Walk for an hour and a half.", "Camine 60 minutos.", "number 60 is not in the source"),
    # half a dose rendered as a whole one
    ("es", "Take half a tablet at night.", "Tome un comprimido por la noche.", "'half a' of the source"),
    ("zh_Hans", "Take half a tablet at night.", "晚上服一片。", "'half a' of the source"),
    ("vi", "Take half a tablet at night.", "Uống một viên vào buổi tối.", "'half a' of the source"),
    ("ar", "Take half a tablet at night.", "تناول قرصًا كاملًا ليلًا.", "'half a' of the source"),
    ("ht", "Take half a tablet at night.", "Pran yon grenn nan aswè.", "'half a' of the source"),
    ("ht", "Take it every two hours.", "Pran l chak kat èdtan.", "which has 4 in its place"),  # kat before a unit
    ("vi", "Come on Monday, two weeks after surgery.", "Hãy đến vào thứ Hai, ba tuần sau phẫu thuật.",
     "which has 3 in its place"),  # the "hai" of thứ Hai (Monday) is not the two weeks
    ("zh_Hans", "Come back in twelve days.", "十天后复诊。", "which has 10 in its place"),
    ("zh_Hans", "Take two tablets every 6 hours.", "每6小时服用一片。", "which has 1 in its place"),
    # a number word beyond every number of the source, where the translation has all of them
    ("es", "Take 1 tablet every 30 minutes.", "Tome 1 tableta cada 30 minutos, dos veces.", "number 2 is not in the source"),
    ("es", "Rest for 2 weeks.", "Descanse durante 2 semanas y tres días.", "number 3 is not in the source"),
    ("es", "Stay for 30 minutes.", "Quédese 30 minutos o cuarenta.", "number 40 is not in the source"),
    ("es", "Rest for 2 weeks.", "Descanse 2 semanas y luego camine treinta y cinco minutos.",
     "number 35 is not in the source"),
    ("es", "Rest.", "Descanse dos días.", "number 2 is not in the source"),  # no digit on either side
    ("es", "Rest for two weeks.", "Descanse dos semanas y tres días.", "number 3 is not in the source"),
    ("es", "Take 2 tablets if both legs hurt.", "Tome 2 comprimidos cada seis horas si le duelen las dos piernas.",
     "number 6 is not in the source"),
    ("vi", "Take 1 tablet every 30 minutes.", "Uống 1 viên mỗi 30 phút, hai lần.", "number 2 is not in the source"),
    ("vi", "Rest for 2 weeks.", "Nghỉ ngơi 2 tuần và ba ngày.", "number 3 is not in the source"),
    ("vi", "Rest for 2 weeks.", "Nghỉ ngơi 2 tuần rồi đi bộ ba mươi phút.", "number 30 is not in the source"),
    ("vi", "Rest.", "Nghỉ ngơi năm ngày.", "number 5 is not in the source"),
    ("zh_Hans", "Rest for 2 weeks.", "休息2周零三天。", "number 3 is not in the source"),
    ("zh_Hans", "Take 1 tablet every 30 minutes.", "每30分钟服1片，共两次。", "number 2 is not in the source"),
    ("zh_Hans", "Rest for 2 weeks.", "休息2周，再休息十天。", "number 10 is not in the source"),
    ("zh_Hans", "Rest for 2 weeks.", "休息2周，每天走二十分钟。", "number 20 is not in the source"),
    ("zh_Hans", "Rest.", "休息四天。", "number 4 is not in the source"),
    ("ar", "Rest for 2 weeks.", "استرح لمدة ٢ أسبوع وثلاثة أيام.", "number 3 is not in the source"),
    ("ar", "Take 1 tablet every 30 minutes.", "تناول ١ قرص كل ٣٠ دقيقة، مرتين.", "number 2 is not in the source"),
    ("ar", "Rest for 2 weeks.", "استرح ٢ أسبوع ثم امش خمسًا وعشرين دقيقة.", "number 25 is not in the source"),
    ("ar", "Rest.", "استرح يومين.", "number 2 is not in the source"),
    ("ht", "Rest for 2 weeks.", "Repoze 2 semèn ak twa jou.", "number 3 is not in the source"),
    ("ht", "Take 1 tablet every 30 minutes.", "Pran 1 grenn chak 30 minit, de fwa.", "number 2 is not in the source"),
    ("ht", "Rest.", "Repoze senk jou.", "number 5 is not in the source"),
    ("vi", "Rest.", "Nghỉ ngơi năm mươi phút.", "number 50 is not in the source"),  # năm mươi: 50
    # decomposed letters (NFD) read as composed, as the term checks read them
    ("vi", "Rest.", "Nghỉ ngơi bo\u0302\u0301n ngày.", "number 4 is not in the source"),
    ("es", "Rest for 2 weeks.", "Descanse 2 semanas y diecise\u0301is días.", "number 16 is not in the source"),
    ("vi", "Rest for 2 weeks.", "Nghỉ 2 tuần rồi đi bộ Năm mươi lăm phút.", "number 55 is not in the source"),
    # "los dos" and "las dos" are "both" only where they count no time: a los dos días is two days
    # later, a las dos two o'clock
    ("es", "Most people go home the same day.", "La mayoría se va a casa a los dos días.",
     "number 2 is not in the source"),
    ("es", "Come back in the afternoon.", "Vuelva a las dos de la tarde.", "number 2 is not in the source"),
    ("es", "Rest for a day.", "Descanse las dos semanas.", "number 2 is not in the source"),
    ("ar", "Take 3 tablets.", "تناول قرصين.", "number 3 of the source is missing"),
    ("ar", "Take 1 tablet.", "تناول حبتين.", "number 2 is not in the source"),
    # a date's month stands for the month the source names, never for one of its numbers
    ("zh_Hans", "Take 3 tablets from 5 March.", "从3月5日起服用药片。", "number 3 of the source is missing"),
    ("zh_Hans", "Rest for 3 days from 5 March.", "从3月5日起休息4天。", "number 3 of the source is missing"),
    ("zh_Hans", "Rest for 3 days from 5 March.", "从4月5日起休息3天。", "number 4 is not in the source"),
    ("vi", "Take 3 tablets from 5 March.", "Uống thuốc từ ngày 5 tháng 3.", "number 3 of the source is missing"),
    ("vi", "Rest for 3 days from 5 March.", "Nghỉ 3 ngày kể từ ngày 5 tháng 4.", "number 4 is not in the source"),
    # an Arabic ordinal stands only for a number the source uses as one, and only for its own value
    ("ar", "Diabetes type 2 may slow healing.", "قد يؤخر السكري من النوع الأول التئام الجرح.",
     "number 2 of the source is missing"),
    ("ar", "Take 2 tablets on day 3.", "تناول قرصًا في اليوم الثاني.", "number 2, 3 of the source is missing"),
    ("ar", "Take 2 tablets on day 3.", "تناول قرصًا في اليوم الثالث.", "number 2 of the source is missing"),
    # a vulgar fraction is read whole: 1½ is not 1
    ("es", "The procedure takes about 1½ hours.", "El procedimiento dura aproximadamente 1 hora.",
     "number 1.5 of the source is missing"),
    ("zh_Hans", "Take 1½ tablets at bedtime.", "睡前服用1片。", "number 1.5 of the source is missing"),
    ("es", "Rest for 1½ hours.", "Descanse 2 horas y media.", "number 1.5 of the source is missing"),
    ("es", "Rest for a week.", "Descanse 6 días.", "number 6 is not in the source"),
    # twice rendered once: the word for one before the word for a time is 1
    ("es", "Take 1 tablet twice a day.", "Tome 1 comprimido una vez al día.", "which has 1 in its place"),
    ("ht", "Take 1 tablet twice a day.", "Pran 1 grenn yon fwa pa jou.", "which has 1 in its place"),
    ("vi", "Take 1 tablet twice a day.", "Uống 1 viên, mỗi ngày một lần.", "which has 1 in its place"),
    ("ar", "Take 1 tablet twice a day.", "تناول قرصًا واحدًا مرة يوميًا.", "which has 1 in its place"),
    ("es", "Take your evening dose at 8:30 p.m.", "Tome la dosis de la noche a las 21:30.",
     "number 8 of the source is missing"),
    # a morning time given in the evening, or the other way round
    ("es", "Take your first dose at 8:30 a.m.", "Tome la primera dosis a las 8:30 de la noche.",
     "8:30 a.m. of the source is in the morning; the translation says de la noche"),
    ("zh_Hans", "Take your first dose at 8:30 a.m.", "晚上8:30服用第一剂。", "the translation says 晚上"),
    ("vi", "Take your first dose at 8:30 a.m.", "Uống liều đầu tiên lúc 8 giờ 30 tối.", "the translation says tối"),
    ("ar", "Take your first dose at 8:30 a.m.", "تناول الجرعة الأولى الساعة ٨:٣٠ مساءً.", "the translation says مساءً"),
    ("ht", "Take your first dose at 8:30 a.m.", "Pran premye dòz ou a 8:30 nan aswè.", "the translation says"),
    ("es", "Take your evening dose at 8 p.m.", "Tome la dosis a las 8 de la mañana.",
     "8 p.m. of the source is in the afternoon or evening; the translation says de la mañana"),
    # a time on the hour may drop its ":00", not its hour; noon is 12, not another hour
    ("es", "Take your evening dose at 8:00 p.m.", "Tome la dosis de la noche a las 9 de la noche.",
     "number 8 of the source is missing"),
    ("es", "Take your second dose at noon.", "Tome la segunda dosis a las 11.", "number 11 is not in the source"),
    ("zh_Hans", "On day 2 after surgery you can shower.", "术后第三天可以淋浴。", "number 2 of the source is missing"),
    # half past is read as the half hour it is, and only there
    ("zh_Hans", "Take your first dose at 8:30 a.m.", "上午9点半服用第一剂。", "number 8 of the source is missing"),
    ("es", "Take your first dose at 8:30 a.m.", "Tome la primera dosis a las 8 y cuarto de la mañana.",
     "number 30 of the source is missing"),
    ("es", "Take your first dose at 8:15 a.m.", "Tome la primera dosis a las 8 y media de la mañana.",
     "number 15 of the source is missing"),
    # a length with a half is still the length the source gives
    ("es", "Rest for an hour and a half.", "Descanse 2 horas y media.", "number 2.5 is not in the source"),
    ("vi", "Rest for an hour and a half.", "Nghỉ ngơi hai tiếng rưỡi.", "which has 2.5 in its place"),
    ("zh_Hans", "Rest for a day and a half.", "休息两天半。", "which has 2.5 in its place"),
    ("zh_Hans", "Rest for 1.5 days.", "休息两天半。", "number 1.5 of the source is missing"),
    # the month of a date changed
    ("es", "Your follow-up visit is on 5 March.", "Su consulta de control es el 5 de mayo.",
     "month mayo of the translation is not the source's (March)"),
    ("ht", "Your follow-up visit is on 5 March.", "Randevou swivi w la se 5 me.",
     "month me of the translation is not the source's (March)"),
    ("ar", "Your follow-up visit is on 5 March.", "موعد المتابعة في 5 أيار.",
     "month أيار of the translation is not the source's (March)"),
    ("es", "Stop the tablets on 1 March; come back in April.", "Suspenda las pastillas el 1 de mayo; vuelva en abril.",
     "month mayo of the translation is not the source's (March, April)"),
    # "two weeks" rendered "a week"
    ("es", "Do not drive for two weeks.", "No conduzca durante una semana.", "which has 1 in its place"),
    ("es", "Take two tablets a day.", "Tome un comprimido al día.", "which has 1 in its place"),
]


@pytest.mark.parametrize("locale,msgid,msgstr", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr):
    assert run(numbers, entry(msgid, msgstr, locale)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, expected):
    assert_flagged(run(numbers, entry(msgid, msgstr, locale)), "E201", expected)


def test_prepare_loads_the_number_data_a_worker_reads(tmp_path):
    """A worker forked after `prepare` reads the locale's and English numbers without loading
    any of Babel's locale data itself (each worker would load it again)."""
    import subprocess
    import sys

    script = (
        "import babel.localedata\n"
        "from babel import Locale\n"
        "from pipeline.checks.rules import numbers\n"
        "from pipeline.checks.text import numbers as read\n"
        "from pipeline.locales import describe\n"
        "numbers.prepare(describe(Locale.parse('vi')))\n"
        "def refuse(*args, **kwargs):\n"
        "    raise AssertionError('locale data loaded after prepare')\n"
        "babel.localedata.pickle.load = refuse\n"
        "print(read('1.234,5 mg', 'vi'), read('1,234.5 mg', 'en'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[Decimal('1234.5')]", "[Decimal('1234.5')]"]


_READ = {"es": [*NUMBER_WORDS["es"], "treinta y un", "Dos", "TRES", "DIECISÉIS", "diecise\u0301is", "dOs"],
         "vi": [*NUMBER_WORDS["vi"], "ba mươi", "mười lăm", "năm ngày", "Hai", "năm mươi", "mươi",
                "bo\u0302\u0301n", "NĂM NGÀY", "năm cây số"],
         "ht": [*NUMBER_WORDS["ht"], "de fwa", "kat jou", "Twa", "DE JOU", "sèt"],
         "ar": [*NUMBER_WORDS["ar"], "ولثلاثة", "بخمسة", "أربعًا وعشرين", "اثنا عشر", "خَمسة", "ستّة",
                "للثلاثة", "فبالأربعة", "ثلاثـة", "ا\u0654ربعة", "يومين"],
         "zh": [*NUMBER_WORDS["zh"], "十天", "二十四", "四天", "一片"]}
_FILLER = ["de", "y", "các", "nan", "في", "天", "días", "todos", "bạn", "fwa", "ال", "一般", ",", ".", "\u064e", "-"]
_MATCHERS = {language: matcher(language) for language in _READ}


@given(st.sampled_from(sorted(_READ)).flatmap(
    lambda language: st.tuples(st.just(language), st.lists(st.sampled_from(_READ[language] + _FILLER), max_size=8),
                               st.sampled_from(["", " "]))))
@settings(max_examples=600, deadline=None)
def test_a_text_with_number_words_is_never_skipped(case):
    """`_may_have_words` only skips: every text with a word read as a number from two up (the
    numbers that can be extra) passes it, in any case, with marks or decomposed letters, with or
    without spaces between the words."""
    language, pieces, space = case
    text = ("" if language == "zh" else space).join(pieces)
    if max(numbers._number_words(text, language), default=0) >= 2:
        assert numbers._may_have_words(text, language, _MATCHERS[language])
