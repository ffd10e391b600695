"""Placeholders of right-to-left text set between FSI and PDI, and what a patient then sees, laid out
with python-bidi (the Unicode bidirectional algorithm)."""

from __future__ import annotations

import pytest
from bidi import get_display  # type: ignore[import-untyped]

from pipeline.bidi import isolate_placeholders

FSI, PDI = "\u2068", "\u2069"
VALUES = {"clinic_name": "North Clinic", "clinic_phone": "555-0100", "surgeon_name": "Ruiz"}

AROUND_MORE = [
    # an Arabic translation whose translator isolated more than a placeholder, as the bundles isolate it
    (f"اتصل على الرقم {FSI}+1 {{clinic_phone}}{PDI} اليوم.",
     f"اتصل على الرقم {FSI}+1 {FSI}{{clinic_phone}}{PDI}{PDI} اليوم."),
    (f"اسأل {FSI}Dr. {{surgeon_name}}{PDI} أو اتصل بنا اليوم.", f"اسأل {FSI}Dr. {FSI}{{surgeon_name}}{PDI}{PDI} أو اتصل بنا اليوم."),
    (f"اتصل بـ {FSI}{{clinic_name}} ({{clinic_phone}}){PDI} اليوم.",
     f"اتصل بـ {FSI}{FSI}{{clinic_name}}{PDI} ({FSI}{{clinic_phone}}{PDI}){PDI} اليوم."),
]


def shown(text: str) -> str:
    """``text`` filled in and laid out right to left, as a patient sees it (the marks themselves unseen)."""
    for name, value in VALUES.items():
        text = text.replace("{" + name + "}", value)
    return get_display(text, base_dir="R").replace(FSI, "").replace(PDI, "")


@pytest.mark.parametrize(("text", "isolated"), AROUND_MORE)
def test_an_isolate_around_more_than_a_placeholder_keeps_its_marks(text: str, isolated: str) -> None:
    assert isolate_placeholders(text) == isolated
    assert isolate_placeholders(isolated) == isolated
    assert shown(isolated) == shown(text)  # what the translator laid out is what the patient sees
