"""`pipeline glossary` and the term notes `pipeline update` writes for translators."""

from __future__ import annotations

import difflib

import pytest

from pipeline.catalog.hints import split_hints
from pipeline.catalog.po_reader import read_po


def test_export_import_into_empty_termbase_round_trips(content_root, run, tmp_path):
    out = tmp_path / "terms.tbx"
    assert run("glossary", "export", "--format", "tbx", "--out", str(out)).exit_code == 0
    first = out.read_bytes()
    (content_root / "source/termbase.yaml").write_text("concepts: []\n")
    result = run("glossary", "import", str(out))
    assert result.exit_code == 0, result.output
    assert "0 conflicts (termbase written)" in result.output
    again = run("glossary", "export", "--format", "tbx")
    assert again.output.encode("utf-8") == first


def test_import_conflict_exits_1_and_changes_nothing(content_root, run, tmp_path):
    tbx = run("glossary", "export").output.replace("preferredTerm-admn-sts", "deprecatedTerm-admn-sts", 1)
    path = tmp_path / "changed.tbx"
    path.write_text(tbx, "utf-8")
    before = (content_root / "source/termbase.yaml").read_bytes()
    result = run("glossary", "import", str(path))
    assert result.exit_code == 1 and "conflict: " in result.output
    assert (content_root / "source/termbase.yaml").read_bytes() == before


@pytest.mark.parametrize(("ours", "theirs"), [
    ("es", "es-ES"), ("zh-Hans", "zh-CN"), ("en", "en-US"),
    # the case a tool writes a tag in is no other language (MultiTerm writes EN, DE; tags are case-insensitive)
    ("es", "ES"), ("ar", "AR"), ("ht", "HT"), ("vi", "VI-VN"), ("zh-Hans", "zh-hans"), ("zh-Hans", "ZH-HANS-CN"),
    # the script of a language written in one script only (es-Latn is Spanish), with or without its region
    ("es", "es-Latn"), ("es", "ES-LATN-es"), ("ar", "ar-Arab"), ("ht", "ht-Latn-HT"), ("vi", "vi-Latn"),
    ("en", "en-Latn-US"),
])
def test_a_language_tagged_with_its_default_region_is_the_termbase_language(content_root, run, tmp_path,
                                                                             ours: str, theirs: str):
    """Trados and memoQ write es-ES and zh-CN, MultiTerm EN: an unedited export that a CAT tool tagged
    so adds no second copy of the language (es_ES:, zh_CN:, zh_hans:) and changes nothing."""
    tbx = run("glossary", "export").output
    assert f'xml:lang="{ours}"' in tbx
    path = tmp_path / "regions.tbx"
    path.write_text(tbx.replace(f'xml:lang="{ours}"', f'xml:lang="{theirs}"'), "utf-8")
    before = (content_root / "source/termbase.yaml").read_bytes()
    result = run("glossary", "import", str(path))
    assert result.exit_code == 0, result.output
    assert "0 terms added" in result.output
    assert (content_root / "source/termbase.yaml").read_bytes() == before


def test_a_language_in_another_region_stays_its_own(content_root, run, tmp_path):
    tbx = run("glossary", "export").output.replace('xml:lang="es"', 'xml:lang="es-MX"')
    path = tmp_path / "mexico.tbx"
    path.write_text(tbx, "utf-8")
    result = run("glossary", "import", str(path))
    assert result.exit_code == 0, result.output
    assert "es_MX:" in (content_root / "source/termbase.yaml").read_text("utf-8")


def test_hostile_import_is_a_clean_error(content_root, run, tmp_path):
    path = tmp_path / "evil.tbx"
    path.write_text('<!DOCTYPE m [<!ENTITY a "x">]><martif>&a;</martif>')
    before = (content_root / "source/termbase.yaml").read_bytes()
    result = run("glossary", "import", str(path))
    assert result.exit_code == 2 and "refused" in result.output
    assert (content_root / "source/termbase.yaml").read_bytes() == before


def test_a_tbx_v3_export_is_imported(content_root, run, tmp_path):
    """A TBX v3 file (ISO 30042:2019, DCA style) adds its terms like a TBX v2 file."""
    tbx = ('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" '
           'xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="ice-pack"><descrip type="subjectField">'
           'care</descrip><descrip type="definition">A cold pack held on a sore area.</descrip><langSec xml:lang="en">'
           '<termSec><term>ice pack</term></termSec></langSec><langSec xml:lang="es-ES"><termSec><term>bolsa de hielo'
           "</term></termSec></langSec></conceptEntry></body></text></tbx>\n")
    path = tmp_path / "v3.tbx"
    path.write_text(tbx, "utf-8")
    result = run("glossary", "import", str(path))
    assert result.exit_code == 0 and "2 terms added" in result.output, result.output
    assert "{term: bolsa de hielo, status: admitted" in (content_root / "source/termbase.yaml").read_text("utf-8")


def test_a_tbx_v3_in_the_dct_style_is_a_one_line_error(content_root, run, tmp_path):
    path = tmp_path / "dct.tbx"
    path.write_text('<tbx type="TBX-Basic" style="dct" xmlns="urn:iso:std:iso:30042:ed-2"><text><body/></text></tbx>')
    before = (content_root / "source/termbase.yaml").read_bytes()
    result = run("glossary", "import", str(path))
    assert result.exit_code == 2 and result.output.startswith(f"error: {path}:1: "), result.output
    assert result.output.count("\n") == 1 and 'style="dca"' in result.output
    assert (content_root / "source/termbase.yaml").read_bytes() == before


def test_csv_needs_a_locale(run):
    result = run("glossary", "export", "--format", "csv")
    assert result.exit_code == 2 and "--locale" in result.output


def test_update_writes_term_notes_once_and_regenerates_them(content_root, run):
    assert run("update", "--locale", "es").exit_code == 0
    assert run("update", "--locale", "es").exit_code == 0
    catalog = read_po(content_root / "locales/es/LC_MESSAGES/endoscopic-neurotomy.po")
    notes = {e.msgctxt: [h.text for h in split_hints(e.tcomment)[0] if h.kind == "term"] for e in catalog}
    term_lines = [line for lines in notes.values() for line in lines]
    assert term_lines and all(len(lines) == len(set(lines)) for lines in notes.values())
    assert "week = semana" in term_lines
    # a changed termbase changes the note at the next update, without duplicating it
    termbase = content_root / "source/termbase.yaml"
    termbase.write_text(termbase.read_text("utf-8").replace("{term: semana,", "{term: semanita,", 1), "utf-8")
    assert run("update", "--locale", "es").exit_code == 0
    catalog = read_po(content_root / "locales/es/LC_MESSAGES/endoscopic-neurotomy.po")
    comments = "\n".join(e.tcomment for e in catalog)
    assert "week = semanita" in comments and "week = semana;" not in comments


CSV_HEADER = "source,target,context,developer_comments,translator_comments\n"
BAD_CSV = [
    # name, rows after the header, line named in the error, message fragment
    ("a cell over the csv module's limit", "disc,disco,disc,,\nnerve," + "n" * 140_000 + ",nerve,,\n", 3,
     "longer than"),
    ("an unclosed quote swallowing the file", 'disc,"disco,disc,,\n' + "nerve,nervio,nerve,,\n" * 8000, 2,
     "longer than"),
    ("a NUL in a term", "disc,dis\x00co,disc,,\n", 2, "U+0000"),
    ("a control character in a term", "disc,dis\x1bco,disc,,\n", 2, "U+001B"),
    # a cell past the header's last column (an unquoted comma in a note): its text is never cut off
    ("a comma in a note, unquoted", "disc,disco,disc,,\ndisc,discazo,disc,,admitted: informal, rare\n", 3,
     "this row has 6 cells, the header names 5"),
    ("two cells too many", "disc,discazo,disc,A pad,admitted,, rare\n", 2, "this row has 7 cells"),
]


@pytest.mark.parametrize("name,rows,line,message", BAD_CSV, ids=[b[0] for b in BAD_CSV])
def test_a_bad_csv_is_refused_with_its_line(content_root, run, tmp_path, name, rows, line, message):
    path = tmp_path / "terms.csv"
    path.write_text(CSV_HEADER + rows, "utf-8")
    before = (content_root / "source/termbase.yaml").read_bytes()
    result = run("glossary", "import", "--locale", "es", str(path))
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: {path}:{line}:") and message in result.output, result.output
    assert (content_root / "source/termbase.yaml").read_bytes() == before


# A glossary saved by a spreadsheet: Excel in a European locale separates cells with semicolons (a
# comma is the decimal mark there), its "Unicode text" with tabs in UTF-16, and a user may capitalise
# the header or write Excel's "sep=;" line first. Each is read as what it is; a header that names
# no required column in any of these is refused saying what the header has.
SPREADSHEET_CSV = [
    # name, content, line of the refusal (None: the term discazo is added), message fragment
    ("semicolons", b"source;target;context;developer_comments\ndisc;discazo;disc;\n", None, None),
    ("semicolons, BOM, CRLF, quoted", '\ufeff"source";"target";"context"\r\n"disc";"discazo";"disc"\r\n'.encode(),
     None, None),
    ("semicolons, a comma in a cell", b"source;target;context;translator_comments\ndisc;discazo;disc;"
     b"admitted: informal, rare\n", None, None),
    ("tabs", b"source\ttarget\tcontext\ndisc\tdiscazo\tdisc\n", None, None),
    ("Excel's Unicode text: tabs in UTF-16", "source\ttarget\tcontext\r\ndisc\tdiscazo\tdisc\r\n".encode("utf-16"),
     None, None),
    ("a capitalised header", b"Source;Target;Context\ndisc;discazo;disc\n", None, None),
    ("Excel's sep= line", b"sep=;\nsource;target;context\ndisc;discazo;disc\n", None, None),
    ("sep= line, then a bad row", b"sep=;\nsource;target;context\ndisc;;disc\n", 3,
     "a row needs a context"),
    ("no known column", b"term;translation\ndisc;discazo\n", 1,
     "missing CSV columns: context, source, target (the header has: term, translation)"),
    # a header in one separator over rows in another (a header a tool wrote, rows a spreadsheet
    # saved): the refusal says so, at the first such row, rather than that the row lacks a context
    ("a comma header over semicolon rows", b"source,target,context\ndisc;discazo;disc\n", 2,
     "this row seems to separate its cells with semicolons, the header with commas"),
    ("a semicolon header over comma rows", b"source;target;context\ndisc,discazo,disc\n", 2,
     "this row seems to separate its cells with commas, the header with semicolons"),
    ("a comma header over tab rows", b"source,target,context\ndisc\tdiscazo\tdisc\n", 2,
     "this row seems to separate its cells with tabs, the header with commas"),
    ("a tab header over comma rows, quoted", b'source\ttarget\tcontext\ttranslator_comments\n'
     b'"disc","discazo","disc","admitted: rare, informal"\n', 2,
     "this row seems to separate its cells with commas, the header with tabs"),
    ("a comma header, a semicolon row with a comma in a cell", b"source,target,context,developer_comments\n"
     b"disc,disco,disc,\ndisc;discazo;disc;A pad, between bones\n", 3,
     "this row seems to separate its cells with semicolons, the header with commas"),
    ("a sep= line over comma rows", b"sep=;\nsource;target;context\ndisc,discazo,disc\n", 3,
     "this row seems to separate its cells with commas, the header with semicolons"),
    ("a row in the header's separator without a target", b"source,target,context\ndisc,,disc\n", 2,
     "a row needs a context"),
    # a column the import does not read (a usage note, a part of speech, a definition under another
    # name) is refused at the first row that fills it, never dropped; an empty one loses nothing, and
    # Weblate's own columns (location, id; fuzzy, refused where a term is marked as needing editing)
    # hold no terminology
    ("a usage note column", b"source,target,context,usage note\ndisc,discazo,disc,\n"
     b"disc,discazo,disc,use only for the lumbar spine\n", 3, "column 'usage note' is not read by the import"),
    ("a part of speech column", b"source;target;context;Part of speech\ndisc;discazo;disc;noun\n", 2,
     "column 'part of speech' is not read by the import"),
    ("a notes column, tabs", b"source\ttarget\tcontext\tnotes\ndisc\tdiscazo\tdisc\tinformal\n", 2,
     "column 'notes' is not read by the import"),
    ("an empty extra column", b"source,target,context,notes\ndisc,discazo,disc,\n", None, None),
    ("Weblate's own columns", b"location,source,target,id,fuzzy,context,translator_comments,developer_comments\n"
     b",disc,discazo,4f2a,False,disc,,\n", None, None),
    ("a fuzzy Weblate row", b"location,source,target,id,fuzzy,context,translator_comments,developer_comments\n"
     b",disc,discazo,4f2a,True,disc,,\n", 2, "marked fuzzy"),
]


@pytest.mark.parametrize("name,content,line,message", SPREADSHEET_CSV, ids=[s[0] for s in SPREADSHEET_CSV])
def test_a_csv_saved_by_a_spreadsheet(content_root, run, tmp_path, name, content, line, message):
    path = tmp_path / "terms.csv"
    path.write_bytes(content)
    termbase = content_root / "source/termbase.yaml"
    before = termbase.read_bytes()
    result = run("glossary", "import", "--locale", "es", str(path))
    if line is None:
        assert result.exit_code == 0 and "1 term added" in result.output, result.output
        assert "{term: discazo, status: admitted" in termbase.read_text("utf-8")
        return
    assert result.exit_code == 2 and result.output.startswith(f"error: {path}:{line}: "), result.output
    assert message in result.output and result.output.count("\n") == 1, result.output
    assert termbase.read_bytes() == before


def test_an_imported_exception_without_its_term_is_refused_at_its_line(content_root, run, tmp_path):
    """A TBX term whose exception does not contain it (周, week, said not to be in 星期) is refused,
    naming the term's line in the imported file, and nothing is written."""
    tbx = ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en"><text><body>\n'
           '<termEntry id="fortnight"><descrip type="subjectField">time</descrip>'
           '<descrip type="definition">Two weeks.</descrip>\n<langSet xml:lang="zh-Hans">\n'
           '<tig><term>两周</term><note>pipeline:exception=星期</note></tig>\n'
           '</langSet></termEntry>\n</body></text></martif>\n')
    path = tmp_path / "terms.tbx"
    path.write_text(tbx, "utf-8")
    before = (content_root / "source/termbase.yaml").read_bytes()
    result = run("glossary", "import", str(path))
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: {path}:5:") and "'星期' does not contain the term" in result.output
    assert (content_root / "source/termbase.yaml").read_bytes() == before


def _with_additions(tbx: str) -> str:
    """A TBX export with a Spanish term added to the concept disc, a Haitian Creole term to the
    concept surgeon (whose entry must have none), and a concept of its own, whose definition is
    wrapped over two lines as a CAT tool pretty-prints it."""
    entry = tbx.index('<termEntry id="disc">')
    spanish_end = tbx.index("</langSet>", tbx.index('<langSet xml:lang="es">', entry))
    tbx = (tbx[:spanish_end] + "<tig><term>discos</term><termNote type=\"administrativeStatus\">admittedTerm-admn-sts"
           "</termNote><termNote type=\"partOfSpeech\">noun</termNote></tig>" + tbx[spanish_end:])
    surgeon_end = tbx.index("</termEntry>", tbx.index('<termEntry id="surgeon">'))
    tbx = (tbx[:surgeon_end] + '<langSet xml:lang="ht"><tig><term>chirijyen</term><termNote type="administrativeStatus">'
           'preferredTerm-admn-sts</termNote><termNote type="partOfSpeech">noun</termNote></tig></langSet>'
           + tbx[surgeon_end:])
    body_end = tbx.index("</body>")
    return (tbx[:body_end] + '<termEntry id="ice-pack"><descrip type="subjectField">care</descrip>'
            '<descrip type="definition">A cold pack held on a sore area:\n      "ice" here, not frozen water.</descrip>'
            '<langSet xml:lang="en"><tig><term>ice pack</term><termNote type="administrativeStatus">'
            'preferredTerm-admn-sts</termNote><termNote type="partOfSpeech">noun</termNote></tig></langSet>'
            '</termEntry>' + tbx[body_end:])


def test_an_import_adds_its_lines_and_keeps_the_file_as_written(content_root, run, tmp_path):
    """The termbase is the linguists' file in git: an import adds the lines of what is new and
    leaves every other line as it was, comments, blank lines and folded definitions included."""
    termbase = content_root / "source/termbase.yaml"
    surgeon_ht = "      ht:\n        - {term: chirijyen, status: preferred, pos: noun}\n"
    termbase.write_text(termbase.read_text("utf-8").replace(surgeon_ht, "", 1), "utf-8")
    before = termbase.read_text("utf-8").splitlines()
    assert any(line.lstrip().startswith("#") for line in before[1:])  # comments beyond the first line
    path = tmp_path / "more.tbx"
    path.write_text(_with_additions(run("glossary", "export").output), "utf-8")
    result = run("glossary", "import", str(path))
    assert result.exit_code == 0 and "3 terms added" in result.output, result.output
    after = termbase.read_text("utf-8").splitlines()
    diff = [line for line in difflib.ndiff(before, after) if line[:2] in ("- ", "+ ")]
    assert not [line for line in diff if line.startswith("- ")], diff
    added = "\n".join(line[2:] for line in diff)
    for text in ("discos", "chirijyen", "ht:", "id: ice-pack", "ice pack"):
        assert text in added, added
    # each where it belongs: the new language after the concept's last, before the blank line and
    # the comment that follow it
    at = after.index("        - {term: chirijyen, status: preferred, pos: noun}")
    assert after[at - 1:at + 3] == ["      ht:", after[at], "", before[before.index(after[at + 2])]], after[at - 3:at + 4]
    again = run("glossary", "import", str(path))  # nothing new the second time: the file is not written
    assert again.exit_code == 0 and termbase.read_text("utf-8").splitlines() == after
    exported = run("glossary", "export").output
    assert all(term in exported for term in ("<term>discos</term>", "<term>chirijyen</term>", "<term>ice pack</term>"))


WEBLATE_HEADER = "location,source,target,id,fuzzy,context,translator_comments,developer_comments\r\n"
TBX_ENTRY = ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en"><text><body>\n'
             '<termEntry id="{id}"><langSet xml:lang="es"><tig><term>{term}</term></tig></langSet></termEntry>\n'
             "</body></text></martif>\n")
WITHOUT_DEFINITION = [
    # name, file name, content, line of the refusal (None: the term is added), message fragment
    ("csv, known concept, no developer_comments column", "g.csv", "source,target,context\ndisc,discazo,disc\n",
     None, "1 term added"),
    ("csv, known concept, empty developer_comments", "g.csv", CSV_HEADER + "disc,discazo,disc,,admitted\n",
     None, "1 term added"),
    ("Weblate csv with BOM and CRLF, known concept", "g.csv",
     "\ufeff" + WEBLATE_HEADER + ',disc,discazo,,False,disc,"",""\r\n', None, "1 term added"),
    ("tbx, known concept", "g.tbx", TBX_ENTRY.format(id="disc", term="discazo"), None, "1 term added"),
    ("csv, new concept", "g.csv", CSV_HEADER + "disc,discazo,disc,,\nice pack,bolsa de hielo,ice-pack,,\n", 3,
     "concept ice-pack is not in the termbase and the file gives it no definition: write its English definition "
     "in the developer_comments column"),
    ("Weblate csv, new concept", "g.csv", "\ufeff" + WEBLATE_HEADER + ',ice pack,bolsa de hielo,,False,ice-pack,,\r\n',
     2, "in the developer_comments column"),
    ("tbx, new concept", "g.tbx", TBX_ENTRY.format(id="ice-pack", term="bolsa de hielo"), 3,
     'concept ice-pack is not in the termbase and the file gives it no definition: add <descrip type="definition">'),
]


@pytest.mark.parametrize("name,file,content,line,message", WITHOUT_DEFINITION, ids=[w[0] for w in WITHOUT_DEFINITION])
def test_a_row_without_a_definition(content_root, run, tmp_path, name, file, content, line, message):
    """A CSV row or TBX entry without a definition adds its term to a concept the termbase has (the
    definition is the termbase's; Weblate leaves developer_comments empty); a new concept needs one,
    and the refusal names its row and where to write it."""
    path = tmp_path / file
    path.write_bytes(content.encode("utf-8"))
    before = (content_root / "source/termbase.yaml").read_bytes()
    result = run("glossary", "import", "--locale", "es", str(path))
    if line is None:
        assert result.exit_code == 0 and message in result.output, result.output
        assert "{term: discazo, status: admitted" in (content_root / "source/termbase.yaml").read_text("utf-8")
        return
    assert result.exit_code == 2 and result.output.startswith(f"error: {path}:{line}: concept "), result.output
    assert message in result.output and result.output.count("\n") == 1
    assert (content_root / "source/termbase.yaml").read_bytes() == before


@pytest.mark.parametrize(("rows", "added", "english"), [
    # a new concept is named in English by the source column: without that term it would never be found
    ("ice pack,bolsa de hielo,ice-pack,A cold pack.,,care\n", "2 terms added", ["{term: ice pack, status: preferred"]),
    # the definition given once (Weblate leaves developer_comments empty on the other rows)
    ("ice pack,bolsa de hielo,ice-pack,A cold pack.,,care\ncold pack,compresa fría,ice-pack,,,\n", "4 terms added",
     ["{term: ice pack, status: preferred", "{term: cold pack, status: admitted"]),
    # for a concept the termbase has, the source column is the export's reference, not an edit
    ("disc,discazo,disc,,,\n", "1 term added", []),
])
def test_a_csv_source_names_a_new_concept_in_english(content_root, run, tmp_path, rows, added, english):
    path = tmp_path / "terms.csv"
    path.write_text(CSV_HEADER.replace("\n", ",subject\n") + rows, "utf-8")
    termbase = content_root / "source/termbase.yaml"
    english_before = termbase.read_text("utf-8").count("      en:\n")
    result = run("glossary", "import", "--locale", "es", str(path))
    assert result.exit_code == 0 and result.output.startswith(f"{added}, 0 conflicts"), result.output
    text = termbase.read_text("utf-8")
    assert all(term in text for term in english), text[-400:]
    assert text.count("      en:\n") == english_before + (1 if english else 0)


# A concept's subject decides which checks look at it (time and unit: the units check, E202; the
# subjects E203 looks for): a new concept must bring one, from a CSV's subject column or a TBX
# subjectField, in the termbase's words (any case); a file without it is refused, never given a
# guessed subject. A concept the termbase has keeps its subject; one the file gives in the termbase's
# words otherwise is a conflict, another tool's own subject words are not ours to compare (the
# known concept's rows give no definition: the termbase's is kept).
NEW_CSV = "source,target,context,developer_comments{extra}\nmilligram,miligramo,milligram-2,A thousandth of a gram.{row}\n"
NEW_TBX = ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en"><text><body>\n'
           '<termEntry id="{id}">{subject}<descrip type="definition">{definition}</descrip>\n'
           '<langSet xml:lang="es"><tig><term>miligramo</term></tig></langSet></termEntry>\n</body></text></martif>\n')
SUBJECTS_OF_NEW_CONCEPTS = [
    # name, file name, content, exit code, fragment of the output, fragment of the termbase after
    ("csv without a subject column", "g.csv", NEW_CSV.format(extra="", row=""), 2,
     ":2: concept milligram-2 is not in the termbase and the file gives it no subject: add a subject column", None),
    ("csv with an empty subject", "g.csv", NEW_CSV.format(extra=",subject", row=","), 2, "gives it no subject", None),
    ("csv with a subject", "g.csv", NEW_CSV.format(extra=",subject", row=",unit"), 0, "2 terms added",
     "id: milligram-2\n    subject: unit\n"),
    ("csv with a subject in capitals, semicolons", "g.csv",
     "Source;Target;Context;Developer_Comments;Subject\nmilligram;miligramo;milligram-2;A gram / 1000.; Unit \n", 0,
     "2 terms added", "id: milligram-2\n    subject: unit\n"),
    ("csv with a subject the checks do not know", "g.csv", NEW_CSV.format(extra=",subject", row=",medicine"), 2,
     ":2: concept milligram-2: subject 'medicine' is none of the termbase's: use one of anatomy, condition,", None),
    ("tbx without a subjectField", "g.tbx", NEW_TBX.format(id="milligram-2", subject="", definition="A gram / 1000."), 2,
     ':3: concept milligram-2 is not in the termbase and the file gives it no subject: add <descrip '
     'type="subjectField">', None),
    ("tbx with a subjectField in capitals", "g.tbx", NEW_TBX.format(
        id="milligram-2", subject='<descrip type="subjectField">Unit</descrip>', definition="A gram / 1000."), 0, "1 term added",
     "id: milligram-2\n    subject: unit\n"),
    ("tbx, a known concept given another subject", "g.tbx", NEW_TBX.format(
        id="disc", subject='<descrip type="subjectField">unit</descrip>', definition=""), 1,
     "conflict: disc [en] (subject): subject unit in the file, anatomy in the termbase", None),
    ("tbx, a known concept in another tool's subject", "g.tbx", NEW_TBX.format(
        id="disc", subject='<descrip type="subjectField">Medicine</descrip>', definition=""), 0, "1 term added, 0 conflicts", None),
]


@pytest.mark.parametrize("name,file,content,code,output,written", SUBJECTS_OF_NEW_CONCEPTS,
                         ids=[s[0] for s in SUBJECTS_OF_NEW_CONCEPTS])
def test_a_new_concept_needs_its_subject(content_root, run, tmp_path, name, file, content, code, output, written):
    path = tmp_path / file
    path.write_text(content, "utf-8")
    termbase = content_root / "source/termbase.yaml"
    before = termbase.read_text("utf-8")
    result = run("glossary", "import", "--locale", "es", str(path))
    assert result.exit_code == code and output in result.output, result.output
    if code == 2:
        assert result.output.startswith(f"error: {path}:") and result.output.count("\n") == 1, result.output
        assert termbase.read_text("utf-8") == before
    if written is not None:
        assert written in termbase.read_text("utf-8")
    assert "subject: anatomy" in termbase.read_text("utf-8").split("id: disc\n", 1)[1][:30]
