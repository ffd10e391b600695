"""E207 lost-negation on real shipped translations: clean as shipped, a dropped negation caught in
every shipped language, and the markers read from source/negation.yaml (cache included)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import Result

from pipeline.checks.model import Entry, LocaleContext
from pipeline.checks.rules import negation
from pipeline.termbase.negation import Negation, NegationMarkers

from .real_entries import context, planted, project, shipped

NEURO = "endoscopic-neurotomy"
RHIZO = "endoscopic-rhizotomy"
MICRO = "microdiscectomy-rehabilitation"


def negation_context(locale: str) -> LocaleContext:
    return replace(context(locale), negation=project().negation)


CASES = [
    # locale, procedure, entry, planted (old, new) or None, expected message part (None: clean)
    ("es", NEURO, "recovery.activity", None, None),
    ("es", NEURO, "recovery.activity", ("Evite", "Haga"), "negates (avoid) but its translation does not"),
    ("es", RHIZO, "overview.facet-joints", ("que no desaparece", "que desaparece"), "negation is lost"),
    ("es", RHIZO, "faq.painful.answer", ("y no duran", "y duran"), "'Soreness afterwards is mild and does not"),
    ("es", MICRO, "faq.surgery-needed.answer", ("No siempre", "Siempre"), "'Not always.' negates (not)"),
    ("zh_Hans", NEURO, "recovery.activity", None, None),
    ("zh_Hans", NEURO, "recovery.activity", ("请避免", "请进行"), "negation is lost"),
    ("zh_Hans", RHIZO, "faq.painful.answer", ("也不会", "也会"), "negation is lost"),  # 不适 is no negation
    ("zh_Hans", MICRO, "comparison.comes-and-goes", None, None),  # 不适合: not suitable
    ("zh_Hans", NEURO, "during.close", ("就不能", "就能"), "negation is lost"),  # 无菌 elsewhere cannot hide it
    ("vi", NEURO, "recovery.activity", ("Tránh", "Thực hiện"), "negation is lost"),
    ("vi", RHIZO, "overview.intro", None, None),  # chẳng hạn: for example
    ("vi", RHIZO, "overview.intro", ("chưa giúp", "đã giúp"), "negation is lost"),
    ("vi", MICRO, "comparison.comes-and-goes", ("có thể không", "có thể"), "negation is lost"),
    ("ar", NEURO, "recovery.activity", None, None),  # تجنّب with its shadda is تجنب
    ("ar", NEURO, "recovery.activity", ("وتجنّب", "ومارس"), "negation is lost"),
    ("ar", MICRO, "faq.surgery-needed.answer", ("ليس دائمًا", "دائمًا"), "negation is lost"),
    ("ar", RHIZO, "indications.suitable.injury", ("ولم تنجح", "ونجحت"), "negation is lost"),
    ("ht", NEURO, "recovery.activity", ("Evite", "Fè"), "negation is lost"),
    ("ht", NEURO, "overview.terms", ("pa mache", "mache"), "negation is lost"),
    ("ht", NEURO, "during.close", ("pa ka", "ka"), "negation is lost"),
    ("ht", NEURO, "during.close", None, None),
]


@pytest.mark.parametrize(("locale", "procedure", "msgctxt", "plant", "expected"), CASES)
def test_lost_negation(locale: str, procedure: str, msgctxt: str, plant: tuple[str, str] | None,
                       expected: str | None) -> None:
    entry = shipped(locale, procedure, msgctxt)
    if plant is not None:
        entry = planted(entry, *plant)
    messages = list(negation.check(entry, negation_context(locale), negation.OPTIONS))
    if expected is None:
        assert messages == []
    else:
        assert len(messages) == 1 and expected in messages[0], messages


def test_a_language_without_markers_is_not_checked() -> None:
    entry = planted(shipped("es", NEURO, "recovery.activity"), "Evite", "Haga")
    ctx = replace(negation_context("es"), negation=replace(project().negation, languages={
        k: v for k, v in project().negation.languages.items() if k != "es"}))
    assert list(negation.check(entry, ctx, negation.OPTIONS)) == []


def _errors(result: Result) -> list[str]:
    return [f["message"] for f in json.loads(result.output)["findings"] if f["code"] == "E207"]


def test_markers_come_from_the_data_file_and_a_change_reaches_a_cached_run(
        content_root: Path, run: Callable[..., Result]) -> None:
    """A linguist removing a Spanish marker makes the shipped "Evite" an error at once, cache or not."""
    args = ("check", "--locale", "es", "--procedure", NEURO, "--format", "json")
    assert _errors(run(*args)) == []
    path = content_root / "source/negation.yaml"
    path.write_text(path.read_text("utf-8").replace("evite, eviten, ", ""), "utf-8")
    assert any("(avoid)" in m for m in _errors(run(*args)))

CLEAN = [row for row in CASES if row[-1] is None]
FLAGGED = [row for row in CASES if row[-1] is not None]


# "Stop taking" a medicine is said with words that stop: counted against the source's own.
_STOPPING = Negation({
    "en": NegationMarkers("en", ("not", "don't"), stops=("stop taking",)),
    "es": NegationMarkers("es", ("no",), stops=("deje de", "suspenda")),
})
STOPS = [
    # source, translation, telling part of the message (None: clean)
    ("Stop taking aspirin 7 days before.", "Deje de tomar aspirina 7 días antes.", None),
    ("Stop taking aspirin 7 days before.", "Suspenda la aspirina 7 días antes.", None),
    ("Stop taking aspirin 7 days before.", "No tome aspirina durante los 7 días previos.", None),
    ("Stop taking aspirin 7 days before.", "Siga tomando aspirina 7 días antes.", "negation is lost"),
    ("Do not stop taking it.", "No deje de tomarlo.", None),
    ("Do not stop taking it.", "Deje de tomarlo.", "negates 2 times"),
    # a word that stops does not stand for a "not": "do not stop" rendered "stop" is the opposite
    ("Don't stop the tablets; we will say whether to.", "Suspenda las pastillas; le diremos si debe suspenderlas.",
     "negation is lost"),
]


# "No more than 2" caps an amount, which a translation may say with a word that limits (como
# máximo, 最多, tối đa): counted against the source's own.
_LIMITING = Negation({
    "en": NegationMarkers("en", ("not", "no", "don't"), limits=("no more than", "not take more than"),
                          upper=("no more than", "do not … more than")),
    "es": NegationMarkers("es", ("no",), limits=("como máximo", "máximo")),
})
LIMITS = [
    # source, translation, telling part of the message (None: clean)
    ("Take no more than 2 tablets a day.", "Tome como máximo 2 comprimidos al día.", None),
    ("Take no more than 2 tablets a day.", "No tome más de 2 comprimidos al día.", None),
    ("Do not take more than 2 tablets a day.", "Tome un máximo de 2 comprimidos al día.", None),
    ("Take no more than 2 tablets a day.", "Tome más de 2 comprimidos al día.", "negation is lost"),
    # a word that limits does not stand for a "not" the source has elsewhere
    ("Do not take the maximum dose.", "Tome la dosis máxima, como máximo 2 comprimidos.", "negation is lost"),
    ("Take no more than 2 tablets. Do not drive.", "Tome como máximo 2 comprimidos. Conduzca.", "negation is lost"),
    # an upper bound under a negation, whatever its verb ("do not sit for more than", an E210 upper
    # bound), caps an amount too: "siéntese como máximo 30 minutos"
    ("Do not sit for more than 30 minutes at a time.", "Siéntese como máximo 30 minutos seguidos.", None),
    ("Do not sit for more than 30 minutes at a time.", "Siéntese más de 30 minutos seguidos.", "negation is lost"),
    ("Do not sit for more than 30 minutes. Do not drive.", "Siéntese como máximo 30 minutos. Conduzca.",
     "negation is lost"),
    ("Do not drive for 2 weeks.", "Conduzca como máximo 2 semanas.", "negation is lost"),
]


# "Do not shower until the wound is dry" may be said "wait until the wound is dry to shower" (espere, 等):
# a word that tells to wait counts against the source's negations that an "until" follows.
_WAITING = Negation({
    "en": NegationMarkers("en", ("not", "don't"), waits=("until", "till")),
    "es": NegationMarkers("es", ("no",), waits=("espere", "esperar")),
})
WAITS = [
    # source, translation, telling part of the message (None: clean)
    ("Do not shower until the wound is dry.", "Espere a que la herida esté seca para ducharse.", None),
    ("Do not shower until the wound is dry.", "No se duche hasta que la herida esté seca.", None),
    ("Walk every day until you feel tired.", "Camine todos los días hasta que se sienta cansado.", None),
    ("Do not shower until the wound is dry.", "Dúchese hasta que la herida esté seca.", "negation is lost"),
    # nor without a length of time it lasts ("do not shower for 48 hours": wait 48 hours to shower)
    ("Do not shower for the first 48 hours.", "Espere 48 horas antes de ducharse.", None),
    ("Do not drive for 2 weeks after surgery.", "Espere 2 semanas después de la cirugía para conducir.", None),
    ("Do not lift anything heavy for two to four weeks.", "Espere de dos a cuatro semanas para levantar peso.", None),
    ("Do not shower for the first 48 hours.", "Dúchese durante las primeras 48 horas.", "negation is lost"),
    ("Do not take this for pain.", "Espere y tome esto para el dolor.", "negation is lost"),
    ("Do not shower for 48 hours. Do not drive.", "Espere 48 horas para ducharse y espere para conducir.",
     "negates 2 times"),
    # a word that waits does not stand for a "not" without an "until"
    ("Do not shower. Wait for the nurse.", "Dúchese. Espere a la enfermera.", "negation is lost"),
]


# Each table with the markers it is read with: the words that stop, limit or wait of one kind count
# only against the source's own of that kind.
KINDS = [(_STOPPING, *row) for row in STOPS] + [(_LIMITING, *row) for row in LIMITS] + \
    [(_WAITING, *row) for row in WAITS]


@pytest.mark.parametrize(("markers", "source", "translation", "expected"), KINDS)
def test_words_that_stop_limit_or_wait_count_only_against_the_sources_own(
        markers: Negation, source: str, translation: str, expected: str | None) -> None:
    entry = Entry(locale="es", procedure="p", file="p.po", line=1, msgctxt="c", msgid=source, msgstr=translation)
    messages = list(negation.check(entry, replace(negation_context("es"), negation=markers), negation.OPTIONS))
    if expected is None:
        assert messages == []
    else:
        assert len(messages) == 1 and expected in messages[0], messages
