"""merge(): a template into a catalog like msgmerge, on in-memory catalogs; nothing is lost."""

from __future__ import annotations

import subprocess

import polib
import pytest

from pipeline.catalog.commands import render
from pipeline.catalog.hints import Hint
from pipeline.catalog.merge import merge
from pipeline.catalog.po_reader import parse_po
from pipeline.locales import LocaleInfo

ES = LocaleInfo("es", "es", "Spanish", "español", "ltr", "nplurals=2; plural=(n != 1);", ("one", "other"))
AR = LocaleInfo("ar", "ar", "Arabic", "العربية", "rtl",
                "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
                "n%100>=11 ? 4 : 5);", ("few", "many", "one", "other", "two", "zero"))


def pot(*entries: tuple[str, str] | tuple[str, str, str]) -> polib.POFile:
    """A template of (msgctxt, msgid[, msgid_plural]) entries."""
    out = polib.POFile()
    out.metadata = {"Content-Type": "text/plain; charset=UTF-8", "POT-Creation-Date": "2026-11-01 00:00+0000"}
    for ctx, msgid, *plural in entries:
        out.append(polib.POEntry(msgctxt=ctx, msgid=msgid, msgid_plural=plural[0] if plural else "",
                                 occurrences=[("source/procedures/x.yaml", "3")]))
    return out


def po(*entries: polib.POEntry) -> polib.POFile:
    out = polib.POFile()
    out.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es"}
    for entry in entries:
        out.append(entry)
    return out


def e(ctx: str, msgid: str, msgstr: str = "", **fields: object) -> polib.POEntry:
    return polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr=msgstr, **fields)


def by_ctx(catalog: polib.POFile, ctx: str, obsolete: bool = False) -> polib.POEntry:
    return next(x for x in catalog if x.msgctxt == ctx and bool(x.obsolete) == obsolete)


def test_a_translation_is_kept_with_its_comments():
    merged, summary = merge(po(e("a", "Rest.", "Descanse.", tcomment="signed-off: r 2026-11-22 0123456789abcdef")),
                            pot(("a", "Rest.")), ES)
    entry = by_ctx(merged, "a")
    assert (entry.msgstr, entry.flags, entry.tcomment) == ("Descanse.", [], "signed-off: r 2026-11-22 0123456789abcdef")
    assert entry.occurrences == [("source/procedures/x.yaml", "3")]
    assert (summary.kept, summary.fuzzied, summary.new, summary.obsoleted) == (1, (), (), ())


CHANGED = [
    # old entry in the catalog, new source, expected (msgstr, fuzzy, previous msgid), in summary.fuzzied / new
    (e("a", "Rest for 2 days.", "Descanse 2 días."), "Rest for 3 days.",
     ("Descanse 2 días.", True, "Rest for 2 days."), "fuzzied"),
    # changed twice before a translator looked: the previous msgid is still the one translated
    (e("a", "Rest for 3 days.", "Descanse 2 días.", flags=["fuzzy"], previous_msgid="Rest for 2 days."),
     "Rest for 4 days.", ("Descanse 2 días.", True, "Rest for 2 days."), "fuzzied"),
    (e("a", "Rest for 2 days.", ""), "Rest for 3 days.", ("", False, None), "new"),
    (e("a", "Rest.", "Descanse.", flags=["fuzzy"]), "Rest.", ("Descanse.", True, None), "kept"),
]


@pytest.mark.parametrize("old,source,expected,counted", CHANGED, ids=["changed", "changed-twice", "untranslated",
                                                                      "still-fuzzy"])
def test_a_changed_source_keeps_the_translation_as_fuzzy(old, source, expected, counted):
    merged, summary = merge(po(old), pot(("a", source)), ES)
    entry = by_ctx(merged, "a")
    assert (entry.msgid, entry.msgstr, "fuzzy" in entry.flags, entry.previous_msgid) == (source, *expected)
    assert {"fuzzied": summary.fuzzied == ("a",), "new": summary.new == ("a",), "kept": summary.kept == 1}[counted]


def test_a_removed_translation_becomes_obsolete_and_an_empty_one_is_dropped():
    catalog = po(e("a", "Rest.", "Descanse."), e("gone", "Walk.", "Camine."), e("empty", "Sit.", ""))
    merged, summary = merge(catalog, pot(("a", "Rest.")), ES)
    gone = by_ctx(merged, "gone", obsolete=True)
    assert (gone.msgstr, gone.occurrences) == ("Camine.", [])
    assert [x.msgctxt for x in merged] == ["a", "gone"]
    assert summary.obsoleted == ("gone",)


@pytest.mark.parametrize("msgid,previous", [("Walk.", None), ("Walk slowly.", "Walk.")],
                         ids=["same-source", "changed-source"])
def test_an_obsolete_entry_comes_back_as_fuzzy(msgid, previous):
    dead = e("walk", "Walk.", "Camine.", obsolete=True)
    merged, summary = merge(po(e("a", "Rest.", "Descanse."), dead), pot(("a", "Rest."), ("walk", msgid)), ES)
    entry = by_ctx(merged, "walk")
    assert (entry.msgstr, "fuzzy" in entry.flags, entry.previous_msgid) == ("Camine.", True, previous)
    assert summary.resurrected == ("walk",)
    assert not [x for x in merged if x.obsolete]


RESTORED = [
    # the live entry msgmerge (Poedit's "Update from POT") left beside the obsolete one, expected obsolete after
    (e("walk", "Sit.", ""), []),
    (e("walk", "Sit.", "Siéntese."), [("walk", "Sit.", "Siéntese.")]),
    (e("walk", "Sit.", "Siéntese.", flags=["fuzzy"], previous_msgid="Walk."), [("walk", "Sit.", "Siéntese.")]),
]


@pytest.mark.parametrize("live,obsolete", RESTORED, ids=["untranslated", "translated", "fuzzy"])
def test_a_restored_source_gets_its_obsolete_translation_back_and_no_entry_is_written_twice(live, obsolete):
    dead = e("walk", "Walk.", "Camine.", obsolete=True, tcomment="signed-off: r 2026-11-22 0123456789abcdef")
    merged, summary = merge(po(live, dead), pot(("walk", "Walk.")), ES)
    entry = by_ctx(merged, "walk")
    assert (entry.msgid, entry.msgstr, "fuzzy" in entry.flags) == ("Walk.", "Camine.", True)
    assert entry.tcomment == "signed-off: r 2026-11-22 0123456789abcdef"
    assert [(x.msgctxt, x.msgid, x.msgstr) for x in merged if x.obsolete] == obsolete
    assert summary.resurrected == ("walk",)
    assert render(merged) == render(parse_po("es.po", render(merged)))  # read back: no duplicate entry


def test_a_moved_paragraph_is_offered_as_fuzzy_with_its_previous_context():
    merged, summary = merge(po(e("before.rest", "Rest.", "Descanse.")), pot(("after.rest", "Rest.")), ES)
    moved = by_ctx(merged, "after.rest")
    assert (moved.msgstr, "fuzzy" in moved.flags) == ("Descanse.", True)
    assert (moved.previous_msgctxt, moved.previous_msgid) == ("before.rest", "Rest.")
    assert by_ctx(merged, "before.rest", obsolete=True).msgstr == "Descanse."  # the original is kept too
    assert (summary.fuzzied, summary.obsoleted) == (("after.rest",), ("before.rest",))


def test_a_fuzzy_translation_is_never_offered_for_a_moved_paragraph():
    merged, summary = merge(po(e("before", "Rest.", "Descanse.", flags=["fuzzy"])), pot(("after", "Rest.")), ES)
    assert (by_ctx(merged, "after").msgstr, summary.new) == ("", ("after",))


PLURALS = [
    # locale, old entry, expected msgstr_plural, fuzzy
    (ES, e("d", "{n} day", msgid_plural="{n} days", msgstr_plural={0: "{n} día", 1: "{n} días"}),
     {0: "{n} día", 1: "{n} días"}, False),
    (AR, e("d", "{n} day", msgid_plural="{n} days", msgstr_plural={0: "a", 1: "b"}),
     {0: "a", 1: "b", 2: "", 3: "", 4: "", 5: ""}, False),
    (ES, e("d", "{n} day", "{n} día"), {0: "{n} día", 1: ""}, True),  # became a plural: fuzzy
    (ES, None, {0: "", 1: ""}, False),
]


@pytest.mark.parametrize("locale,old,expected,fuzzy", PLURALS, ids=["kept", "padded-to-6", "became-plural", "new"])
def test_plural_entries_get_the_locales_number_of_forms(locale, old, expected, fuzzy):
    merged, _ = merge(po(*([old] if old else [])), pot(("d", "{n} day", "{n} days")), locale)
    entry = by_ctx(merged, "d")
    assert (entry.msgstr_plural, "fuzzy" in entry.flags) == (expected, fuzzy)
    assert merged.metadata["Plural-Forms"] == locale.plural_forms


def test_obsolete_entries_are_sorted_by_context_and_a_second_merge_changes_no_byte():
    dead = [e(ctx, f"Text {ctx}.", f"Texto {ctx}.", obsolete=True) for ctx in ("m", "b", "z")]
    template = pot(("a", "Rest."))
    merged, _ = merge(po(e("a", "Rest.", "Descanse."), e("k", "Gone.", "Ido."), *dead), template, ES)
    assert [x.msgctxt for x in merged if x.obsolete] == ["b", "k", "m", "z"]
    again, _ = merge(polib.pofile(render(merged).decode("utf-8")), template, ES)
    assert render(again) == render(merged)
    reversed_input, _ = merge(po(e("a", "Rest.", "Descanse."), *reversed(dead), e("k", "Gone.", "Ido.")), template, ES)
    assert render(reversed_input) == render(merged)


def test_header_follows_the_template_and_the_locale():
    catalog = po()
    catalog.metadata["Plural-Forms"] = "nplurals=3; plural=0;"
    merged, _ = merge(catalog, pot(("a", "Rest.")), ES, {("a", "Rest."): [Hint("term", "rest = descanso")]})
    assert merged.metadata["POT-Creation-Date"] == "2026-11-01 00:00+0000"
    assert merged.metadata["Plural-Forms"] == ES.plural_forms and merged.metadata["Language"] == "es"
    assert by_ctx(merged, "a").tcomment == "(pipeline) term: rest = descanso"


# The header lines a translator's tool wrote (after `msgstr ""`), and the lines expected after a merge
# (None: the very same). msgcat and msgmerge keep a header as written: only a field the pipeline sets
# (the locale's Plural-Forms, the template's POT-Creation-Date) may change, and it changes alone.
FIELDS = ['"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: es\\n"',
          '"POT-Creation-Date: 2026-11-01 00:00+0000\\n"', '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"']
HEADERS = [
    ("as msgcat writes it", FIELDS, None),
    ("two spaces after the colon", ['"Last-Translator:  Ana   Pérez <ana@clinic.invalid>\\n"', *FIELDS], None),
    ("no space after the colon", ['"Language-Team:Spanish\\n"', *FIELDS], None),
    ("a space before the colon", ['"Language : es\\n"', *FIELDS[:1], *FIELDS[2:]], None),
    ("spaces after the value", ['"Project-Id-Version: leaflets 1  \\n"', *FIELDS], None),
    ("a tab after the colon", ['"X-Poedit-Basepath:\\t..\\n"', *FIELDS], None),
    ("a field without a value", [*FIELDS, '"X-Poedit-Bookmarks:\\n"', '"X-Poedit-SearchPath-0: \\n"'], None),
    ("Poedit's fields", [*FIELDS, '"X-Generator: Poedit 3.4.2\\n"', '"X-Poedit-SourceCharset: UTF-8\\n"',
                         '"X-Poedit-KeywordsList: _;gettext;gettext_noop\\n"'], None),
    ("Weblate's fields", [*FIELDS, '"X-Generator: Weblate 5.8.4\\n"'], None),
    ("Plural-Forms first", [FIELDS[3], *FIELDS[:3]], None),
    ("no line break after the last field", [*FIELDS[:3], FIELDS[3].replace("\\n", "")], None),
    ("a long value, wrapped as msgcat wraps it",
     [*FIELDS, '"X-Poedit-SearchPath-0: source/procedures/endoscopic-discectomy.yaml;source/"',
      '"procedures/knee-arthroscopy.yaml\\n"'], None),
    ("a field name in lower case", [*FIELDS[:3], FIELDS[3].replace("Plural-Forms", "plural-forms")], None),
    ("the wrong plural formula", ['"Language-Team:Spanish\\n"', *FIELDS[:3], '"Plural-Forms:  nplurals=1; plural=0;\\n"'],
     ['"Language-Team:Spanish\\n"', *FIELDS]),
    ("the wrong plural formula, in lower case", [*FIELDS[:3], '"plural-forms: nplurals=1; plural=0;"'],
     [*FIELDS[:3], '"plural-forms: nplurals=2; plural=(n != 1);\\n"']),  # rewritten as msgmerge writes a field
    ("an older template date", [*FIELDS[:2], '"pot-creation-date:  2026-10-01 00:00+0000\\n"', FIELDS[3]],
     [*FIELDS[:2], '"pot-creation-date: 2026-11-01 00:00+0000\\n"', FIELDS[3]]),
    ("no Plural-Forms yet", ['"Language-Team:Spanish\\n"', *FIELDS[:3]], ['"Language-Team:Spanish\\n"', *FIELDS]),
]


def header_text(lines: list[str]) -> bytes:
    return "\n".join(["# Ana Pérez <ana@clinic.invalid>, 2026.", "#", 'msgid ""', 'msgstr ""', *lines, "",
                      "#: source/procedures/x.yaml:3", 'msgctxt "a"', 'msgid "Rest."', 'msgstr "Descanse."', ""]
                     ).encode("utf-8")


@pytest.mark.parametrize("name,written,expected", HEADERS, ids=[h[0] for h in HEADERS])
def test_the_header_is_kept_as_written_and_a_field_the_pipeline_sets_changes_alone(name, written, expected):
    for lines in (written, expected or written):  # the table's catalogs are as msgcat prints them
        data = header_text(lines)
        assert subprocess.run(["msgcat", "-"], input=data, check=True, capture_output=True).stdout == data
    merged, _ = merge(parse_po("es.po", header_text(written)), pot(("a", "Rest.")), ES)
    assert render(merged).decode("utf-8") == header_text(expected or written).decode("utf-8")
    again, _ = merge(parse_po("es.po", render(merged)), pot(("a", "Rest.")), ES)  # reads back, changes nothing
    assert render(again) == render(merged)
