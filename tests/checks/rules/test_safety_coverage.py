"""W319 safety-coverage: a locale whose language has no negation markers or no termbase terms is
told once that the safety checks needing them do not cover it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.checks.model import LocaleContext
from pipeline.checks.rules import safety_coverage
from pipeline.cli import main
from pipeline.termbase.model import Termbase
from pipeline.termbase.negation import Negation

from .helpers import catalog, context, entry, messages, project, run

_NO_TERMS = Termbase(concepts=())


def _without_spanish(*ids: str) -> Termbase:
    """The fixture's termbase with the Spanish terms of concepts ``ids`` taken out."""
    return Termbase(tuple(dataclasses.replace(c, terms={k: v for k, v in c.terms.items() if k != "es"})
                          if c.id in ids else c for c in project().termbase.concepts))


def _context(markers: tuple[str, ...], terms: bool | Termbase) -> LocaleContext:
    """The Spanish context with the fixture's negation markers of ``markers`` only, and its terms,
    none, or the termbase given."""
    ctx = context("es", termbase=terms if isinstance(terms, Termbase) else None if terms else _NO_TERMS)
    listed = project().negation.languages
    return dataclasses.replace(ctx, negation=Negation({language: listed[language] for language in markers}))


_TRANSLATED = [catalog(entry("Rest.", "Descanse."), procedure="a"), catalog(entry("Walk.", "Camine."), procedure="b")]
_UNTRANSLATED = [catalog(entry("Rest.", ""), procedure="a")]

CLEAN = [
    # catalogs, languages with markers, terms (all, none, or this termbase)
    (_TRANSLATED, ("en", "es"), True),
    (_UNTRANSLATED, (), False),  # nothing translated yet: nothing to check, nothing to say
]
FLAGGED = [
    # catalogs, languages with markers, terms (all, none, or this termbase), the start of each message
    (_TRANSLATED, ("en",), True, ["no negation markers for Spanish (es): lost negations (E207) are not checked"]),
    (_TRANSLATED, ("es",), True, ["no negation markers for the source language (en): lost negations"]),
    (_TRANSLATED, (), True, ["no negation markers for the source language (en) and Spanish (es): lost"]),
    (_TRANSLATED, ("en", "es"), False,
     ["no termbase terms for Spanish (es): units and terms (E202, E203, E204, E209) are not checked"]),
    (_TRANSLATED, ("en",), False, ["no negation markers for Spanish (es)", "no termbase terms for Spanish (es)"]),
    (_TRANSLATED, ("en", "es"), _without_spanish("week", "spine"),
     ["no approved term for Spanish (es) in 2 concepts (spine, week): units and terms (E202, E203, E209) are not checked"]),
]


@pytest.mark.parametrize(("catalogs", "markers", "terms"), CLEAN)
def test_a_covered_or_untranslated_locale_says_nothing(catalogs, markers: tuple[str, ...], terms: bool | Termbase) -> None:
    assert run(safety_coverage, catalogs, _context(markers, terms)) == []


@pytest.mark.parametrize(("catalogs", "markers", "terms", "expected"), FLAGGED)
def test_a_language_the_safety_checks_cannot_cover_is_said_once(catalogs, markers: tuple[str, ...],
                                                                terms: bool | Termbase,
                                                                expected: list[str]) -> None:
    found = run(safety_coverage, catalogs, _context(markers, terms))
    texts = messages(found, "W319")
    assert len(texts) == len(expected) and all(t.startswith(e) for t, e in zip(texts, expected, strict=True)), texts
    assert {msgctxt for _, msgctxt, _ in found} == {"c"}  # on the locale's first translated entry


def test_a_new_locale_is_told_what_its_checks_miss(content_root: Path) -> None:
    """A locale just added (Hebrew: no markers, no terms) gets the two warnings once, in the
    report a content lead reads; the fixture's own locales get none."""
    cli = CliRunner()

    def run_cli(*args: str):
        return cli.invoke(main, ["--root", str(content_root), *args], catch_exceptions=False)

    added = run_cli("init", "he")
    assert added.exit_code == 0
    assert "to check he, still needed: negation markers for Hebrew (he)" in added.output, added.output
    assert "to check he, still needed: terms for Hebrew (he)" in added.output
    assert "to check es" not in run_cli("init", "es").output  # a covered locale: nothing to add
    po = content_root / "locales/he/LC_MESSAGES/endoscopic-discectomy.po"
    text = po.read_text("utf-8")
    translated = 'msgid "Endoscopic discectomy"\nmsgstr "כריתת דיסק אנדוסקופית"'
    po.write_text(text.replace('msgid "Endoscopic discectomy"\nmsgstr ""', translated, 1), "utf-8")
    output = run_cli("check").output
    assert output.count("W319") == 2, output
    assert "no negation markers for Hebrew (he)" in output and "no termbase terms for Hebrew (he)" in output
    # a translator's comment on the entry it is attached to does not hide it, and is itself reported
    entry = 'msgctxt "title"\n' + translated
    po.write_text(po.read_text("utf-8").replace(entry, "# ignore: safety-coverage\n" + entry, 1), "utf-8")
    output = run_cli("check").output
    assert output.count("warning W319") == 2 and "ignore: W319 safety-coverage cannot be silenced" in output, output
