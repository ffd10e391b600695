"""E203 term-missing: a concept the source names is named with an approved term."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import term_missing

from .helpers import assert_flagged, entry, row_ids, run
from .sentences import PRESSURE, PRESSURE_ES, planted

NERVES = planted(PRESSURE_ES, "raíces nerviosas", "nervios")
# A term named twice, the second time inside a sentence about the term it holds (nerve in nerve root)
TWICE = "The pain comes from pressure on a nerve root. A nerve root is the part of a nerve where it leaves the spine."
TWICE_ES = ("El dolor se debe a la presión sobre una raíz nerviosa. Una raíz nerviosa es la parte del nervio por "
            "donde este sale de la columna.")

CLEAN = [
    # locale, source, translation, options
    ("es", PRESSURE, PRESSURE_ES, {}),
    ("es", PRESSURE, planted(PRESSURE_ES, "raíces nerviosas", "raíces del nervio"), {}),  # the admitted term
    ("es", PRESSURE, NERVES, {"subjects": ["condition"]}),  # anatomy is not among the checked subjects
    ("es", TWICE, TWICE_ES, {}),
    # named once the second time, as a translator may: no other term stands in for it
    ("es", TWICE, "El dolor se debe a la presión sobre una raíz nerviosa, la parte del nervio por donde este sale "
     "de la columna.", {}),
]

FLAGGED = [
    # locale, source, translation, options, telling part of the message
    ("es", PRESSURE, NERVES, {}, "'nerve root' must be translated with the approved term raíz nerviosa"),
    # the first nerve root rendered as just a nerve: the second is right, so the term is there once
    ("es", TWICE, planted(TWICE_ES, "una raíz nerviosa.", "un nervio."), {},
     "'nerve root' is named 2 times in the source, its approved term raíz nerviosa / raíz del nervio 1 time, and "
     "nerve (nervio) more often than the source: a nerve root rendered as just a nerve?"),
    # a term written with a hyphen (X-ray) is named by the source: a translation that drops it is told
    ("es", "Your doctor may do X-rays.", "Su médico puede hacerle pruebas.", {},
     "'X-ray' must be translated with the approved term radiografía / rayos X"),
]


@pytest.mark.parametrize("locale,msgid,msgstr,options", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr, options):
    assert run(term_missing, entry(msgid, msgstr, locale), **options) == []


@pytest.mark.parametrize("locale,msgid,msgstr,options,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, options, expected):
    assert_flagged(run(term_missing, entry(msgid, msgstr, locale), **options), "E203", expected)
