"""E202 units: a unit of time or measure anywhere in the source, with or without a number before it,
is rendered with its approved term, and a unit of the same kind put in its place is named."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import units

from .real_entries import planted, run, shipped

DISC = "endoscopic-discectomy"
RHIZO = "endoscopic-rhizotomy"
NEURO = "endoscopic-neurotomy"

CASES = [
    # locale, procedure, entry, planted (old, new) or None, expected message (None: clean)
    ("es", DISC, "faq.how-long.answer", None, None),
    ("es", DISC, "faq.how-long.answer", ("semanas", "días"),
     "unit 'weeks' is not rendered with its approved term semana (found día instead)"),
    ("es", DISC, "faq.how-long.answer", ("meses", "años"),
     "unit 'months' is not rendered with its approved term mes (found año instead)"),
    ("es", RHIZO, "recovery.guidelines.usual-activities", ("un mes", "una semana"),
     "unit 'month' is not rendered with its approved term mes (found semana instead)"),
    # "the rest of the day ... a few days": one of two days kept is not enough
    ("es", DISC, "recovery.care", ("unos días", "unas horas"),
     "unit 'day' is named 2 times in the source, its approved term día only 1 time (found hora instead)"),
    ("es", DISC, "recovery.care", ("unos días", "un tiempo"),
     "unit 'day' is named 2 times in the source, its approved term día only 1 time"),
    ("zh_Hans", DISC, "recovery.care", None, None),
    ("zh_Hans", DISC, "recovery.care", ("几天", "几周"),
     "unit 'day' is named 2 times in the source, its approved term 天 only 1 time (found 周 instead)"),
    ("zh_Hans", RHIZO, "recovery.guidelines.usual-activities", ("一个月", "一年"), "unit 'month'"),
    ("vi", RHIZO, "recovery.guidelines.usual-activities", ("một tháng", "một tuần"), "unit 'month'"),
    ("ar", RHIZO, "recovery.guidelines.usual-activities", None, None),
    ("ar", RHIZO, "recovery.guidelines.usual-activities", ("خلال شهر", "خلال أسبوع"), "unit 'month'"),
    ("ar", DISC, "recovery.care", ("بضعة أيام", "بضعة أسابيع"), "unit 'day' is named 2 times"),
    ("es", NEURO, "recovery.activity", ("2–4 semanas", "2–4 días"),  # after a number, as before
     "unit 'weeks' is not rendered with its approved term semana (found día instead)"),
    ("es", DISC, "faq.home.answer", ("el mismo día", "enseguida"),
     "unit 'day' is not rendered with its approved term día"),
]


@pytest.mark.parametrize(("locale", "procedure", "msgctxt", "plant", "expected"), CASES)
def test_units_anywhere(locale: str, procedure: str, msgctxt: str, plant: tuple[str, str] | None,
                        expected: str | None) -> None:
    entry = shipped(locale, procedure, msgctxt)
    if plant is not None:
        entry = planted(entry, *plant)
    messages = run(units, entry, locale)
    if expected is None:
        assert messages == []
    else:
        assert len(messages) == 1 and messages[0].startswith(expected), messages
