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
    # Arabic with short vowels, and a tanween ending with the alif that carries it
    ("ar", "Call us if you notice bleeding or new numbness.", "اتصل بنا إذا لاحظت نزيفًا أو خدراً جديدًا.", {}),
    ("ar", "Call us if you notice bleeding or new numbness.", "اتَّصِلْ بنا إذا لاحَظْتَ نَزِيفًا أَوْ خَدَرًا جَدِيدًا.", {}),
    # a link's address, an e-mail address or a tag names no term: it is copied as written
    ("es", "Read about https://clinic.example/nerve-root-pain before you go home.",
     "Lea sobre https://clinic.example/nerve-root-pain antes de irse a casa.", {}),
    ("es", '<a href="https://clinic.example/nerve-root">Read this</a> first.',
     '<a href="https://clinic.example/nerve-root">Lea esto</a> primero.', {}),
    ("es", "Read [this](/nerve-root) first.", "Lea [esto](/nerve-root) primero.", {}),
    ("es", "Write to nerve-root@clinic.example with questions.", "Escriba a nerve-root@clinic.example si tiene dudas.",
     {}),
]

FLAGGED = [
    # locale, source, translation, options, telling part of the message
    ("es", PRESSURE, NERVES, {}, "'nerve root' must be translated with the approved term raíz nerviosa"),
    # the term named in the text beside a link still counts, and a link's address cannot stand for it
    ("es", "The nerve root pain: see https://clinic.example/raiz-nerviosa.",
     "El dolor: vea https://clinic.example/raiz-nerviosa.", {}, "'nerve root' must be translated"),
    # the first nerve root rendered as just a nerve: the second is right, so the term is there once
    ("es", TWICE, planted(TWICE_ES, "una raíz nerviosa.", "un nervio."), {},
     "'nerve root' is named 2 times in the source, its approved term raíz nerviosa / raíz del nervio 1 time, and "
     "nerve (nervio) more often than the source: a nerve root rendered as just a nerve?"),
    # a term written with a hyphen (X-ray) is named by the source: a translation that drops it is told
    ("es", "Your doctor may do X-rays.", "Su médico puede hacerle pruebas.", {},
     "'X-ray' must be translated with the approved term radiografía / rayos X"),
    # a word that starts like the term (prefix mode) but ends with a letter that only looks like a real one
    ("es", "It is a minimally invasive operation.", "Es una operación mínimamente invasi\u0475a.", {},
     "'minimally invasive' must be translated with the approved term mínimamente invasivo: 'invasi\u0475a' has "
     "U+0475 CYRILLIC SMALL LETTER IZHITSA, which only looks like a Latin letter"),
    ("es", "You have a bulging disc.", "Tiene un disco abultad\u043e.", {},
     "'bulging disc' must be translated with the approved term disco abultado / abombamiento discal: "
     "'abultad\u043e' has U+043E CYRILLIC SMALL LETTER O, which only looks like a Latin letter"),
    ("es", "You have a bulging disc.", "Tiene un disco abultadｏ.", {},
     "'abultadｏ' has U+FF4F FULLWIDTH LATIN SMALL LETTER O, which only looks like a Latin letter"),
    # a term that is not found because of such a letter: the finding says which, as the text looks right
    ("zh_Hans", "You will have an MRI scan.", "您将做\u041cRI检查。", {},
     "'MRI scan' must be translated with the approved term 磁共振 / 核磁共振 / MRI: '\u041cRI' has U+041C "
     "CYRILLIC CAPITAL LETTER EM, which only looks like a Latin letter"),
    ("vi", "You will have an MRI scan.", "Bạn sẽ được chụp ＭＲＩ.", {},
     "'ＭＲＩ' has U+FF2D FULLWIDTH LATIN CAPITAL LETTER M, which only looks like a Latin letter"),
    ("es", "You will have an MRI scan.", "Le harán una resonancia magnéti\u0441a.", {},
     "'magnéti\u0441a' has U+0441 CYRILLIC SMALL LETTER ES, which only looks like a Latin letter"),
]


@pytest.mark.parametrize("locale,msgid,msgstr,options", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr, options):
    assert run(term_missing, entry(msgid, msgstr, locale), **options) == []


@pytest.mark.parametrize("locale,msgid,msgstr,options,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, options, expected):
    assert_flagged(run(term_missing, entry(msgid, msgstr, locale), **options), "E203", expected)
