"""E208 rtl-order: numbers and Latin runs of a right-to-left translation are shown as written, laid out
with python-bidi (the Unicode bidirectional algorithm)."""

from __future__ import annotations

import dataclasses
import itertools
import re

import pytest
from bidi import get_display  # type: ignore[import-untyped]
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.bidi import isolate_placeholders
from pipeline.checks.rules import rtl_order

from .real_entries import context, planted, run, shipped

NEURO = "endoscopic-neurotomy"
FSI, PDI = "\u2068", "\u2069"

SHIPPED = [
    # procedure, entry, planted (old, new) or None, expected token out of order (None: clean)
    (NEURO, "contact.call", None, None),  # placeholders are isolated as the bundles isolate them
    (NEURO, "contact.call", ("{clinic_phone}", "555-0100"), "555-0100"),
    (NEURO, "contact.call", ("{clinic_phone}", f"{FSI}555-0100{PDI}"), None),
    (NEURO, "contact.call", ("{clinic_phone}", "+1 555 0100"), "+1 555 0100"),
    (NEURO, "contact.call", ("{clinic_phone}", "٥٥٥-٠١٠٠"), "٥٥٥-٠١٠٠"),
    (NEURO, "recovery.activity", None, None),  # 2–4 weeks: a range reads from the right
    (NEURO, "recovery.activity", ("2–4", "2-4"), "2-4"),
    (NEURO, "contact.call", ("{clinic_phone}", "(555) 0100"), "(555) 0100"),  # shown 0100 (555)
    (NEURO, "contact.call", ("{clinic_phone}", "(٥٥٥) ٠١٠٠"), "(٥٥٥) ٠١٠٠"),
    (NEURO, "contact.call", ("{clinic_phone}", "+1 (555) 555-0100"), "+1 (555) 555-0100"),
    (NEURO, "contact.call", ("{clinic_phone}", "555 - 0100"), "555 - 0100"),
    (NEURO, "contact.call", ("{clinic_phone}", f"{FSI}(555) 0100{PDI}"), None),
    (NEURO, "recovery.activity", ("2–4", "2 - 4"), "2 - 4"),
    (NEURO, "recovery.activity", ("2–4", "2 – 4"), None),
]


@pytest.mark.parametrize(("procedure", "msgctxt", "plant", "token"), SHIPPED)
def test_shipped_arabic(procedure: str, msgctxt: str, plant: tuple[str, str] | None, token: str | None) -> None:
    entry = shipped("ar", procedure, msgctxt)
    if plant is not None:
        entry = planted(entry, *plant)
    messages = run(rtl_order, entry, "ar")
    if token is None:
        assert messages == []
    else:
        assert len(messages) == 1 and messages[0].startswith(f"'{token}' is shown out of order"), messages
        assert token not in get_display(entry.msgstr, base_dir="R")


TEXTS = [
    # an Arabic translation, the token shown out of order (None: every token in order)
    ("الساعة 10:30 صباحًا", None),
    ("جرعة 1.5 ملغ", None),
    ("بين الفقرتين L4-L5 في الظهر", None),
    ("الاستئصال (RFA) التقليدي", None),
    ("اسأل الدكتور Dr. Ruiz اليوم", None),
    ("تناول 2 × 10 ملغ", None),  # × and ÷ are symbols, not Latin letters
    ("الجرعة 10 ÷ 2 ملغ", None),
    ("مرتين 2-3 يوميًا", "2-3"),
    ("رمز الموعد 12/05-7 هنا", "12/05-7"),
    (f"اتصل على الرقم {FSI}+1 {{clinic_phone}}{PDI} اليوم", None),  # isolated with the placeholder by the translator
    # digits joined by brackets, spaced hyphens or a placeholder are one number too
    ("من الساعة 9:00 - 17:00 يوميًا", "9:00 - 17:00"),
    ("رمز الغرفة (1) 2 هنا", "(1) 2"),
    ("اتصل على 1 {clinic_phone} اليوم", "1 {clinic_phone}"),
    ("اتصل على {clinic_phone} 12 اليوم", "{clinic_phone} 12"),
    ("اتصل على +1 {clinic_phone} اليوم", "+1 {clinic_phone}"),
    ("اتصل على (1) {clinic_phone} اليوم", "(1) {clinic_phone}"),
    ("اتصل على (+{clinic_phone}) اليوم", "(+{clinic_phone})"),  # shown (555-0100+)
    ("اتصل على [555] 0100 اليوم", "[555] 0100"),
    ("اتصل على 555 (0100) اليوم", "555 (0100)"),
    ("اتصل على 555\u20090100 اليوم", "555\u20090100"),  # a thin space
    ("اتصل على 555.0100 اليوم", None),  # shown in order: a point between digits joins them
    ("التاريخ 10/20 هنا", None),
    # numbers the text itself separates are read from the right, like the words around them
    ("الأيام 1، 2، 3 فقط", None),
    ("الأيام 1, 2, 3 فقط", None),
    ("نحو 50% من المرضى", None),
    ("حرارة لا تزيد على 104 °F عند الاستحمام", None),  # the unit after a number, as in a faithful translation
    ("تناول 5 mg مرتين", None),
    ("جهاز MRI 3T حديث", None),
    ("اتصل بـ {clinic_name} {clinic_phone} اليوم", None),  # two values filled in side by side
]


@pytest.mark.parametrize(("text", "token"), TEXTS)
def test_arabic_text(text: str, token: str | None) -> None:
    entry = shipped("ar", NEURO, "recovery.activity")._replace(msgstr=text)
    messages = run(rtl_order, entry, "ar")
    assert [m.split("'")[1] for m in messages] == ([token] if token else [])


# What a phone number (the value of {clinic_phone}) is filled in as for the layout.
PHONE = "555-0100"

LAID_OUT = [
    # an Arabic text, the token reported (None: none), the text's number or code as python-bidi shows it
    # (a room, bed or ward code, a spinal level, a date, a time)
    ("السرير 12-A في الجناح", "12-A", "A-12"),  # bed 12-A: a patient looks for bed A-12
    ("الغرفة 3-B في الطابق", "3-B", "B-3"),
    ("الغرفة 12/A هنا", "12/A", "A/12"),
    ("الرمز 12-A-3 هنا", "12-A-3", "A-3-12"),
    ("السرير 12\u2011A هنا", "12\u2011A", "A\u201112"),  # a non-breaking hyphen
    # a dash between a number and letters makes no range: a code, laid out as one
    ("السرير 12–A هنا", "12–A", "A–12"),
    ("السرير 12 — A هنا", "12 — A", "A — 12"),
    ("بين الفقرتين 4–L5 هنا", "4–L5", "L5–4"),
    ("الجناح A–12 هنا", None, "A–12"),
    ("السرير 12 - A هنا", "12 - A", "A - 12"),
    ("السرير ١٢-A هنا", "١٢-A", "A-١٢"),  # Arabic-Indic digits
    ("الرمز 12-3B هنا", "12-3B", "3B-12"),
    ("مستقبلات 5-HT3 في الدماغ", "5-HT3", "HT3-5"),
    ("الغرفة 3B في الطابق", None, "3B"),  # a code starting with digits, joined without a separator
    ("الطابق B2 هنا", None, "B2"),
    ("الفقرة T12 هنا", None, "T12"),
    ("بين الفقرتين L4-L5 هنا", None, "L4-L5"),
    ("بين الفقرتين L5-S1 هنا", None, "L5-S1"),
    ("الجناح A-12 هنا", None, "A-12"),  # a code starting with a letter is laid out left to right
    ("الغرفة 12A-3 هنا", None, "12A-3"),
    ("السرير 12 A هنا", None, "A 12"),  # a space: a number and a word, read from the right like 5 mg
    ("الموعد 10:30am غدًا", None, "10:30am"),
    ("الموعد 10:30 AM غدًا", None, "AM 10:30"),
    ("من 9am إلى 5pm", None, "5pm"),
    ("التاريخ 15/03/2026 هنا", None, "15/03/2026"),
    ("التاريخ 2026-03-15 هنا", "2026-03-15", "15-03-2026"),
    ("الجرعة 5mg/kg يوميًا", None, "5mg/kg"),
]


@pytest.mark.parametrize(("text", "token", "shown"), LAID_OUT)
def test_codes_as_laid_out(text: str, token: str | None, shown: str) -> None:
    """Each row's layout is python-bidi's: the code is shown as the row says, and reported exactly
    when that is not how it is written."""
    display = get_display(isolate_placeholders(text).replace("{clinic_phone}", PHONE), base_dir="R")
    assert shown in display.replace(FSI, "").replace(PDI, ""), display
    assert token is None or token not in display
    entry = ACTIVITY._replace(msgstr=text)
    assert [m.split("'")[1] for m in run(rtl_order, entry, "ar")] == ([token] if token else [])


# Realistic values of the project's placeholders: pipeline.yaml says {clinic_phone} holds a number.
VALUES = {"clinic_name": ["Clinica Ruiz", "عيادة النور", "Clinic 5"], "surgeon_name": ["Dr. Ana Ruiz", "د. أحمد"],
          "clinic_phone": [PHONE, "+1 555 0100", "(555) 0100"]}

FILLED = [
    # an Arabic text, the number reported (None: none), the text's numbers as python-bidi shows them,
    # with {name} standing for the value of that placeholder as it is shown, for each realistic value
    ("اتصل بـ {clinic_name} 24 ساعة في اليوم.", None, "24 {clinic_name}"),  # a name, then 24 hours
    ("مفتوح 24 {clinic_name} ساعة", None, "{clinic_name} 24"),
    ("الجراح {surgeon_name} 2 مرات", None, "2 {surgeon_name}"),
    ("عيادة {clinic_name}-2 هنا", None, "2-{clinic_name}"),
    ("عيادة {clinic_name} (2) هنا", None, ")2( {clinic_name}"),
    ("اتصل بـ {clinic_name} {clinic_phone} 24", "{clinic_phone} 24", "24 {clinic_phone} {clinic_name}"),
    ("اتصل على +1 {clinic_phone} اليوم", "+1 {clinic_phone}", "{clinic_phone} 1+"),  # the country code after
    ("اتصل على {clinic_phone} 12 اليوم", "{clinic_phone} 12", "12 {clinic_phone}"),  # 12 before the number
    ("اتصل على 1 {clinic_phone} اليوم", "1 {clinic_phone}", "{clinic_phone} 1"),
]


def _layouts(text: str) -> list[tuple[str, dict[str, str]]]:
    """``text`` laid out as an app shows it, with every combination of realistic values, each with
    the values it was filled with."""
    names = re.findall(r"\{(\w+)\}", text)
    shown = []
    for values in itertools.product(*(VALUES[name] for name in names)):
        filled = isolate_placeholders(text)
        for name, value in zip(names, values, strict=True):
            filled = filled.replace("{" + name + "}", value, 1)
        shown.append((get_display(filled, base_dir="R").replace(FSI, "").replace(PDI, ""), dict(zip(names, values))))
    return shown


@pytest.mark.parametrize(("text", "token", "shown"), FILLED)
def test_placeholders_as_laid_out_with_their_values(text: str, token: str | None, shown: str) -> None:
    """A placeholder joins the digits next to it only when it holds a number: a name is a word of its
    own, read from the right like the words around it. Each row's layout is python-bidi's."""
    for display, values in _layouts(text):
        expected = shown
        for name, value in values.items():
            expected = expected.replace("{" + name + "}", get_display(value))  # an isolate takes its own direction
        assert expected in display, (display, values)
        if token is not None:
            written = token
            for name, value in values.items():
                written = written.replace("{" + name + "}", value)
            assert written not in display
    entry = ACTIVITY._replace(msgstr=text)
    assert [m.split("'")[1] for m in run(rtl_order, entry, "ar")] == ([token] if token else [])


def test_without_number_placeholders_every_placeholder_may_hold_a_number() -> None:
    """A project whose pipeline.yaml does not say which placeholders hold numbers is checked as if
    every one did: a name next to digits is then reported rather than a phone number missed."""
    entry = ACTIVITY._replace(msgstr="اتصل بـ {clinic_name} 24 ساعة في اليوم.")
    ctx = dataclasses.replace(context("ar"), settings={**context("ar").settings, "number_placeholders": None})
    assert [m.split("'")[1] for m in rtl_order.check(entry, ctx, {})] == ["{clinic_name} 24"]


def test_left_to_right_locales_are_not_checked() -> None:
    entry = planted(shipped("es", NEURO, "contact.call"), "{clinic_phone}", "555-0100")
    assert context("es").info.direction == "ltr" and run(rtl_order, entry, "es") == []

CLEAN = [row for row in [*SHIPPED, *TEXTS] if row[-1] is None]
FLAGGED = [row for row in [*SHIPPED, *TEXTS] if row[-1] is not None]


ARABIC_WORDS = ["اتصل", "على", "الرقم", "لمدة", "أسابيع", "ملغ", "و"]
JOINERS = [" ", "-", " - ", "/", ".", ":", ",", ") ", " (", ")-", ") (", "\u00a0", "\u2009", "\u200e "]
DIVIDERS = [" – ", "–", " × ", ", ", "، ", " mg ", " °F ", "% ", " x ", ". "]
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@st.composite
def arabic_numbers(draw: st.DrawFn) -> tuple[str, list[tuple[str, ...]]]:
    """An Arabic text with numbers of one to three groups (each group of digits written once) and
    at most one placeholder among them, and the groups of each number."""
    values = draw(st.lists(st.integers(0, 99999).map(str).filter(lambda g: g not in ("555", "0100")),
                           min_size=1, max_size=6, unique=True))
    text, numbers, placeholder = draw(st.sampled_from(ARABIC_WORDS)), [], False
    while values:
        size = draw(st.integers(1, min(3, len(values))))
        groups, values = values[:size], values[size:]
        if not placeholder and draw(st.booleans()):
            groups.insert(draw(st.integers(0, len(groups))), "{clinic_phone}")
            placeholder = True
        if draw(st.booleans()):
            groups = [g.translate(ARABIC_INDIC) for g in groups]
        number = groups[0]
        for group in groups[1:]:
            number += draw(st.sampled_from(JOINERS)) + group
        lead = draw(st.sampled_from(["", "", "+", "("]))
        number = lead + number
        numbers.append((lead.strip("("), *groups) if lead == "+" else tuple(groups))
        after = draw(st.sampled_from(DIVIDERS)) if values and draw(st.booleans()) else " " + draw(
            st.sampled_from(ARABIC_WORDS)) + " "
        text += " " + number + after
    return text.rstrip() + " " + draw(st.sampled_from(ARABIC_WORDS)), numbers


def in_order(shown: str, groups: tuple[str, ...]) -> bool:
    """Whether ``groups`` appear in ``shown`` left to right, with nothing but punctuation, spaces and
    bidirectional marks between them (the placeholder shown as its value 555-0100), and a leading
    `+` right before the first."""
    sign = groups[0] == "+"
    groups = tuple(part for g in groups[sign:] for part in (("555", "0100") if g.startswith("{") else (g,)))
    spans = [re.search(rf"(?<!\d){g}(?!\d)", shown) for g in groups]
    assert all(spans), (groups, shown)
    before = shown[:spans[0].start()].replace(FSI, "").replace(PDI, "")  # type: ignore[union-attr]
    return (not sign or before.endswith("+")) and all(
        a.end() <= b.start() and not re.search(r"\w", shown[a.end():b.start()])  # type: ignore[union-attr]
        for a, b in zip(spans, spans[1:], strict=False))


ACTIVITY = shipped("ar", NEURO, "recovery.activity")


@given(arabic_numbers())
@settings(max_examples=400, deadline=None)
def test_the_numbers_reported_are_those_python_bidi_shows_out_of_order(case: tuple[str, list[tuple[str, ...]]]) -> None:
    """Every number of digits python-bidi shows with its groups out of written order is reported,
    and no other: found here by where each (distinct) group lands on screen."""
    text, numbers = case
    shown = get_display(isolate_placeholders(text).replace("{clinic_phone}", "555-0100"), base_dir="R")
    expected = {groups for groups in numbers if groups != ("{clinic_phone}",) and not in_order(shown, groups)}
    entry = ACTIVITY._replace(msgstr=text)
    reported = {tuple(re.findall(r"^\+|\d+|\{clinic_phone\}", m.split("'")[1])) for m in run(rtl_order, entry, "ar")}
    assert reported == expected, (text, shown)
