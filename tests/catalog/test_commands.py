"""extract, init, update and status on a scratch content root holding one tiny procedure."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

from pipeline.catalog.commands import extract, init, render, status, update
from pipeline.catalog.po_reader import read_po
from pipeline.errors import InputError
from pipeline.project import Project

TINY = """\
id: tiny
title: Knee care
summary: Rest your knee for 2 days.
sections:
  - id: after
    title: After the operation
    blocks:
      - id: call
        paragraph:
          text: Call {clinic_phone} if the wound bleeds.
          note: The number of the clinic's day ward.
      - id: tips
        list:
          - id: ice
            text: Put ice on your knee.
      - id: faq
        question: Can I walk?
        answer: Yes, a little every day.
"""

TERMBASE = """\
concepts:
  - id: knee
    subject: anatomy
    definition: The joint in the middle of the leg.
    terms:
      en:
        - {term: knee, status: preferred, pos: noun}
      es:
        - {term: rodilla, status: preferred, pos: noun}
"""

CONTEXTS = ["title", "summary", "after.title", "after.call", "after.tips.ice", "after.faq.question",
            "after.faq.answer"]
TEMPLATE = "locales/templates/tiny.pot"
CATALOG = "locales/es/LC_MESSAGES/tiny.po"


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "source/procedures").mkdir(parents=True)
    (tmp_path / "pipeline.yaml").write_text("project: Tiny\nbugs_address: lead@clinic.invalid\n"
                                            "placeholders: [clinic_phone]\n", "utf-8")
    (tmp_path / "source/procedures/tiny.yaml").write_text(TINY, "utf-8")
    (tmp_path / "source/termbase.yaml").write_text(TERMBASE, "utf-8")
    return tmp_path


def edit_source(root: Path, old: str, new: str) -> None:
    path = root / "source/procedures/tiny.yaml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def translate(root: Path, translations: dict[str, str]) -> None:
    catalog = read_po(root / CATALOG)
    for entry in catalog:
        if entry.msgctxt in translations:
            entry.msgstr = translations[entry.msgctxt]
    (root / CATALOG).write_bytes(render(catalog))


def msgcat(path: Path) -> bytes:
    return subprocess.run(["msgcat", str(path)], check=True, capture_output=True).stdout


def test_extract_writes_one_template_entry_per_string_in_document_order(root):
    report = extract(Project(root))
    assert [(f.path, f.state) for f in report.files] == [(TEMPLATE, "created")]
    pot = polib.pofile(str(root / TEMPLATE))
    assert [e.msgctxt for e in pot] == CONTEXTS
    call = pot[3]
    assert (call.msgid, call.comment, call.flags) == ("Call {clinic_phone} if the wound bleeds.",
                                                       "The number of the clinic's day ward.", ["python-brace-format"])
    assert call.occurrences == [("source/procedures/tiny.yaml", "10")]
    assert "POT-Creation-Date" not in pot.metadata  # no wall-clock time without SOURCE_DATE_EPOCH
    assert msgcat(root / TEMPLATE) == (root / TEMPLATE).read_bytes()


def test_extract_again_changes_nothing_and_check_only_reports(root):
    extract(Project(root))
    before = (root / TEMPLATE).read_bytes()
    assert [f.state for f in extract(Project(root)).files] == ["unchanged"]
    edit_source(root, "Put ice on your knee.", "Put ice on your knee for 20 minutes.")
    report = extract(Project(root), check=True)
    assert report.stale == (TEMPLATE,) and (root / TEMPLATE).read_bytes() == before
    assert [f.state for f in extract(Project(root)).files] == ["written"]


def test_source_date_epoch_sets_the_creation_date(root, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    extract(Project(root))
    assert polib.pofile(str(root / TEMPLATE)).metadata["POT-Creation-Date"] == "2026-11-18 11:06+0000"


def test_init_needs_a_template(root):
    with pytest.raises(InputError) as caught:
        init(Project(root), ("es",))
    assert str(caught.value) == f"{TEMPLATE}: template missing: run `pipeline extract` first"


def test_init_registers_the_locale_and_creates_its_catalog_once(root):
    extract(Project(root))
    [report] = init(Project(root), ("es",))
    assert (report.locale.posix, report.registered) == ("es", True)
    assert [(f.path, f.state) for f in report.files] == [(CATALOG, "created")]
    catalog = polib.pofile(str(root / CATALOG))
    assert catalog.metadata["Language"] == "es" and catalog.metadata["Plural-Forms"] == report.locale.plural_forms
    assert [e.msgctxt for e in catalog] == CONTEXTS and not any(e.msgstr for e in catalog)
    assert "es:" in (root / "locales/locales.yaml").read_text("utf-8")
    translate(root, {"title": "Cuidado de la rodilla"})
    before = (root / CATALOG).read_bytes()
    [again] = init(Project(root), ("es",))
    assert (again.registered, [f.state for f in again.files]) == (False, ["kept"])
    assert (root / CATALOG).read_bytes() == before


FALLBACK_CHAINS = [
    # locale added, the fallback chain init registers: the bare language only when it is
    # written in the same script (bare zh is Simplified, bare sr Cyrillic, bare pa Gurmukhi),
    # the source language once
    ("pt_BR", ["pt", "en"]),
    ("es_419", ["es", "en"]),
    ("zh_Hans", ["zh", "en"]),
    ("zh_Hant", ["en"]),
    ("sr_Latn", ["en"]),
    ("pa_Arab", ["en"]),
    ("uz_Arab", ["en"]),
    ("en_GB", ["en"]),
]


@pytest.mark.parametrize("code,chain", FALLBACK_CHAINS)
def test_init_falls_back_only_to_a_language_the_reader_can_read(root, code, chain):
    extract(Project(root))
    init(Project(root), (code,))
    [info] = [i for i in Project(root).locales if i.posix == code]
    assert list(info.fallback) == chain


SAME_LOCALE = [
    # registered first, then asked for: the same locale to CLDR and apps (zh is written in Hans)
    ("zh_Hans", "zh"),
    ("zh", "zh-Hans"),
    ("sr", "sr_Cyrl"),
    ("pa", "pa_Guru"),
]


@pytest.mark.parametrize("registered,code", SAME_LOCALE)
def test_init_refuses_a_second_spelling_of_a_registered_locale(root, registered, code):
    extract(Project(root))
    init(Project(root), (registered,))
    registry = (root / "locales/locales.yaml").read_bytes()
    with pytest.raises(InputError, match=f"is the same locale as {registered} "):
        init(Project(root), (code,))
    assert (root / "locales/locales.yaml").read_bytes() == registry
    assert sorted(p.name for p in (root / "locales").iterdir()) == sorted([registered, "locales.yaml", "templates"])


def test_update_keeps_translations_marks_changed_ones_fuzzy_and_obsoletes_removed_ones(root):
    extract(Project(root))
    init(Project(root), ("es",))
    translate(root, {"summary": "Descanse la rodilla 2 días.", "after.tips.ice": "Póngase hielo en la rodilla.",
                     "title": "Cuidado de la rodilla"})
    edit_source(root, "Rest your knee for 2 days.", "Rest your knee for 3 days.")
    edit_source(root, "          - id: ice\n            text: Put ice on your knee.\n", "          - id: ice2\n"
                "            text: Keep your leg up.\n")
    extract(Project(root))
    assert update(Project(root), check=True).stale == (CATALOG,)
    [outcome] = update(Project(root)).outcomes
    assert (outcome.summary.kept, outcome.summary.fuzzied, outcome.summary.obsoleted) == (
        5, ("summary",), ("after.tips.ice",))
    catalog = polib.pofile(str(root / CATALOG))
    summary = next(e for e in catalog if e.msgctxt == "summary")
    assert (summary.msgstr, summary.flags, summary.previous_msgid) == (
        "Descanse la rodilla 2 días.", ["fuzzy"], "Rest your knee for 2 days.")
    assert [e.msgstr for e in catalog if e.obsolete] == ["Póngase hielo en la rodilla."]
    title = next(e for e in catalog if e.msgctxt == "title")
    assert "(pipeline) term: knee = rodilla" in title.tcomment.split("\n") and not title.comment
    assert update(Project(root), check=True).stale == ()
    assert msgcat(root / CATALOG) == (root / CATALOG).read_bytes()


def test_status_counts_strings_and_words(root):
    extract(Project(root))
    init(Project(root), ("es",))
    translate(root, {"title": "Cuidado de la rodilla", "after.faq.question": "¿Puedo caminar?"})
    [row] = status(Project(root))
    assert (row.locale, row.procedure) == ("es", "tiny")
    p = row.progress
    assert (p.total, p.translated, p.fuzzy, p.untranslated) == (7, 2, 0, 5)
    assert (p.translated_words, p.total_words) == (5, 30)
    assert (row.reviewed, row.reviewed_percent) == (0, 0.0)


def test_status_without_a_catalog_says_what_to_run(root):
    extract(Project(root))
    init(Project(root), ("es",))
    (root / CATALOG).unlink()
    with pytest.raises(InputError) as caught:
        status(Project(root))
    assert str(caught.value).startswith(f"{CATALOG}: catalog missing: run `pipeline update`")


# name, source edit (old, new) or None, run `pipeline update` after `pipeline extract`, stale
STALE_AFTER_EXTRACT = [
    ("a sentence rewritten", ("Put ice on your knee.", "Put ice on your knee for 20 minutes."), False, True),
    ("a translator note changed", ("day ward.", "day ward, open at night."), False, True),
    ("the title changed", ("title: Knee care", "title: Knee care at home"), False, True),
    ("a string added", ("            text: Put ice on your knee.\n",
                        "            text: Put ice on your knee.\n          - id: rest\n            text: Rest.\n"),
     False, True),
    ("a string removed", ("      - id: faq\n        question: Can I walk?\n        answer: Yes, a little every day.\n",
                          ""), False, True),
    ("a placeholder added", ("Put ice on your knee.", "Put ice on your knee and call {clinic_phone}."), False, True),
    ("a line moved", ("title: Knee care\n", "\ntitle: Knee care\n"), False, True),
    ("updated after extract", ("Put ice on your knee.", "Put ice on your knee for 20 minutes."), True, False),
    ("nothing changed", None, False, False),
]


@pytest.mark.parametrize("name,edit,updated,stale", STALE_AFTER_EXTRACT, ids=[r[0] for r in STALE_AFTER_EXTRACT])
def test_status_says_a_catalog_is_behind_its_template(root, name, edit, updated, stale):
    """`pipeline extract` changed the template and `pipeline update` has not merged it in: the
    catalog's counts are of the old strings, and status says so."""
    extract(Project(root))
    init(Project(root), ("es",))
    translate(root, {"title": "Cuidado de la rodilla", "after.tips.ice": "Póngase hielo en la rodilla."})
    if edit is not None:
        edit_source(root, *edit)
    extract(Project(root))
    if updated:
        update(Project(root))
    [row] = status(Project(root))
    assert row.stale is stale
    if stale:  # `update --check` says so too (and more: a termbase hint it would refresh)
        assert update(Project(root), check=True).stale == (CATALOG,)


# A header field as `pipeline init` writes it, and as a translator's tool (Poedit, Weblate, Lokalize)
# may save it: `pipeline update` with nothing else to change leaves the file alone.
HEADER_EDITS = [
    ('"Last-Translator: none yet\\n"', '"Last-Translator:  Ana   Pérez <ana@clinic.invalid>\\n"'),
    ('"Language-Team: Spanish\\n"', '"Language-Team:Spanish\\n"'),
    ('"Language: es\\n"', '"Language: es\\n"\n"X-Generator: Poedit 3.4.2\\n"\n"X-Poedit-Bookmarks:\\n"'),
    ('"Language: es\\n"', '"Language : es  \\n"\n"X-Generator: Weblate 5.8.4\\n"'),
    ('"Plural-Forms: nplurals=2; plural=(n != 1);\\n"', '"plural-forms: nplurals=2; plural=(n != 1);"'),
]


@pytest.mark.parametrize("written,edited", HEADER_EDITS, ids=["spaces-after-colon", "no-space-after-colon",
                                                              "poedit-fields", "weblate-fields", "lower-case-name"])
def test_update_with_nothing_to_change_leaves_an_edited_header_alone(root, written, edited):
    extract(Project(root))
    init(Project(root), ("es",))
    update(Project(root))
    path = root / CATALOG
    text = path.read_text("utf-8")
    assert written in text
    path.write_text(text.replace(written, edited, 1), "utf-8")
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    assert update(Project(root), check=True).stale == ()
    assert [o.file.state for o in update(Project(root)).outcomes] == ["unchanged"]
    assert (path.read_bytes(), path.stat().st_mtime_ns) == (before, mtime)
    assert msgcat(path) == before
