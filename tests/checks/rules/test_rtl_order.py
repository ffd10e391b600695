"""E208 rtl-order: numbers and Latin runs of a right-to-left translation are shown as written, laid out
with python-bidi (the Unicode bidirectional algorithm)."""

from __future__ import annotations

import pytest
from bidi import get_display  # type: ignore[import-untyped]

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
]


@pytest.mark.parametrize(("text", "token"), TEXTS)
def test_arabic_text(text: str, token: str | None) -> None:
    entry = shipped("ar", NEURO, "recovery.activity")._replace(msgstr=text)
    messages = run(rtl_order, entry, "ar")
    assert [m.split("'")[1] for m in messages] == ([token] if token else [])


def test_left_to_right_locales_are_not_checked() -> None:
    entry = planted(shipped("es", NEURO, "contact.call"), "{clinic_phone}", "555-0100")
    assert context("es").info.direction == "ltr" and run(rtl_order, entry, "es") == []

CLEAN = [row for row in [*SHIPPED, *TEXTS] if row[-1] is None]
FLAGGED = [row for row in [*SHIPPED, *TEXTS] if row[-1] is not None]
