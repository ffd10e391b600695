"""Review sheets on disk: CSV the way Excel opens and saves it, and XLSX through openpyxl.

A cell a spreadsheet would run as a formula (one starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) is written with a leading apostrophe, as OWASP advises for CSV; a cell that
itself starts with an apostrophe gets one more, so that `restore` gives back the exact text. In
XLSX every cell is typed as text, which no spreadsheet evaluates.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..characters import describe, find_forbidden
from ..errors import InputError
from ..fsutil import read_input
from ..spreadsheet import neutralise, restore

FIELDS = ("locale", "procedure", "msgctxt", "state", "source", "translation", "terms", "findings", "silenced",
          "changes", "fingerprint", "verdict", "reason")
REQUIRED = frozenset({"locale", "procedure", "msgctxt", "fingerprint", "verdict"})
VERDICTS = ("approve", "reject")
# A reviewer may correct the translation: import applies it as the reviewer's own translation,
# which a second reviewer then signs off.
EDITABLE = ("translation", "verdict", "reason")
_DELIMITERS = (",", ";", "\t")  # Excel saves "CSV" with the list separator of the system's region
_WIDTHS = {"source": 60, "translation": 60, "terms": 40, "findings": 40, "silenced": 30, "changes": 40, "reason": 40,
           "msgctxt": 28, "procedure": 24, "state": 14, "fingerprint": 18}


@dataclass(frozen=True)
class Row:
    line: int  # the row's first line in a CSV, its row number in an XLSX sheet
    sheet: str  # the XLSX sheet's title, "" for CSV
    cells: dict[str, str]


def write_csv(rows: Sequence[dict[str, str]]) -> bytes:
    """UTF-8 with a BOM (without one Excel reads UTF-8 as the region's ANSI code page), CRLF."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: neutralise(v) for k, v in row.items()})
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _sheet_title(name: str, taken: set[str]) -> str:
    title = "".join("_" if c in "[]:*?/\\" else c for c in name)[:31] or "sheet"
    base, n = title, 2
    while title.lower() in taken:
        suffix = f"~{n}"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _fill(ws: Any, rows: Sequence[dict[str, str]]) -> None:
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wrap, unlocked = Alignment(wrap_text=True, vertical="top"), Protection(locked=False)
    for col, name in enumerate(FIELDS, 1):
        cell = ws.cell(1, col, name)
        cell.font = Font(bold=True)
        ws.column_dimensions[get_column_letter(col)].width = _WIDTHS.get(name, 10)
    for r, row in enumerate(rows, 2):
        for col, name in enumerate(FIELDS, 1):
            cell = ws.cell(r, col)
            cell.value = row.get(name, "")
            cell.data_type = "s"  # text, even when it starts with "=": never a formula
            cell.alignment = wrap
            if name in EDITABLE:
                cell.protection = unlocked
    verdict = get_column_letter(FIELDS.index("verdict") + 1)
    check = DataValidation(type="list", formula1='"' + ",".join(VERDICTS) + '"', allow_blank=True,
                           showErrorMessage=True, error="Write approve or reject, or leave the cell empty.")
    check.add(f"{verdict}2:{verdict}{max(len(rows), 1) + 1}")
    ws.add_data_validation(check)
    ws.freeze_panes = "A2"
    ws.protection.sheet = True  # locked key columns: only the EDITABLE ones can be changed
    ws.protection.formatColumns = ws.protection.formatRows = False  # widths and heights may change


def write_xlsx(by_procedure: dict[str, list[dict[str, str]]], date: str | None) -> bytes:
    """One sheet per procedure; the same bytes for the same rows (dates only from ``date``)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for procedure, rows in by_procedure.items():
        _fill(book.create_sheet(_sheet_title(procedure, taken)), rows)
    if not by_procedure:
        _fill(book.create_sheet("pending"), [])
    stamp = datetime.datetime.strptime(date, "%Y-%m-%d %H:%M+0000") if date else datetime.datetime(1980, 1, 1)
    book.properties.created = book.properties.modified = stamp
    raw = io.BytesIO()
    book.save(raw)
    return _normalise_zip(raw.getvalue(), stamp)


def _normalise_zip(data: bytes, stamp: datetime.datetime) -> bytes:
    """The archive with every member's time, and the workbook's "modified" property, set to
    ``stamp``: openpyxl and zipfile both record the clock's time when saving."""
    modified = rb"\g<1>" + f"{stamp:%Y-%m-%dT%H:%M:%SZ}".encode() + rb"\g<2>"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", modified, content)
            member = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, content)
    return out.getvalue()


def read_rows(path: Path) -> list[Row]:
    """Every row of a filled-in sheet, CSV or (by extension) XLSX, cells restored to their text.
    A line break a spreadsheet wrote as CR LF (or CR) in a cell the reviewer edits is a line break;
    any other character the catalogs cannot hold is refused with its row, before anything is
    written: a catalog holding one could not be read again."""
    rows = _read_xlsx(path) if path.suffix.lower() == ".xlsx" else _read_csv(path)
    for row in rows:
        for column in EDITABLE:
            text = row.cells.get(column)
            if not text:
                continue
            if "\r" in text:
                text = row.cells[column] = text.replace("\r\n", "\n").replace("\r", "\n")
            bad = find_forbidden(text)
            if bad is not None:
                where = f"sheet {row.sheet!r}, " if row.sheet else ""
                raise InputError(f"{where}column {column}: {describe(text[bad])}", str(path), row.line)
    return rows


def _decode(path: Path) -> str:
    data = read_input(path, str(path), special=True)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not valid UTF-8: save the sheet as \"CSV UTF-8\"", str(path)) from None


def _header_delimiter(header: str, name: str) -> str:
    """The delimiter that splits the header line into the sheet's column names."""
    def found(delimiter: str) -> int:
        return len(REQUIRED & {c.strip().strip('"') for c in header.split(delimiter)})

    best = max(_DELIMITERS, key=found)
    missing = REQUIRED - {c.strip().strip('"') for c in header.split(best)}
    if missing:
        raise InputError(f"missing columns: {', '.join(sorted(missing))} (the first line must name the "
                         f"columns, separated by a comma, semicolon or tab)", name, 1)
    return best


def _read_csv(path: Path) -> list[Row]:
    name, text = str(path), _decode(path)
    delimiter = _header_delimiter(text.split("\n", 1)[0].rstrip("\r"), name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))  # a cell is at most the whole file
    try:
        return list(_csv_rows(reader))
    except csv.Error as exc:
        raise InputError(f"not a readable CSV sheet: {exc}", name, reader.line_num) from None
    finally:
        csv.field_size_limit(limit)


def _csv_rows(reader: Any) -> Iterator[Row]:
    header = [c.strip() for c in next(reader)]
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        if any(cells):
            yield Row(start, "", {h: restore(c) for h, c in zip(header, cells)})


_MEMBER_LIMIT = 256 << 20  # uncompressed bytes per part of a workbook: far above any review sheet


def _screen_xlsx(path: Path, name: str) -> None:
    """Refuse a workbook whose XML declares a DTD before any XML parser sees it. openpyxl parses
    through lxml without entity expansion, or through defusedxml, depending on what is installed;
    this check does not depend on either. Spreadsheets never write a DTD into an XLSX part."""
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.file_size > _MEMBER_LIMIT:
                raise InputError(f"refused: {info.filename} unpacks to {info.file_size} bytes", name)
            with archive.open(info) as member:
                head = member.read(_MEMBER_LIMIT + 1)
            if len(head) > _MEMBER_LIMIT or b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
                raise InputError(f"refused: {info.filename} declares a DTD or entities, which a spreadsheet "
                                 "never writes", name)


def _read_xlsx(path: Path) -> list[Row]:
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    name = str(path)
    try:
        _screen_xlsx(path, name)
        book = load_workbook(path, read_only=True, data_only=False)
        try:
            return _xlsx_rows(book, name)
        finally:
            book.close()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    except (zipfile.BadZipFile, InvalidFileException, DefusedXmlException, SyntaxError, KeyError, ValueError,
            TypeError, IndexError, AttributeError) as exc:  # what openpyxl raises for a damaged workbook
        raise InputError(f"not a readable XLSX workbook ({type(exc).__name__}): save it again from the "
                         "spreadsheet", name) from None


def _xlsx_rows(book: Any, name: str) -> list[Row]:
    rows: list[Row] = []
    for ws in book.worksheets:
        values = ws.iter_rows(values_only=True)
        header = [str(v).strip() if v is not None else "" for v in next(values, ())]
        if REQUIRED - set(header):
            raise InputError(f"sheet {ws.title!r}: missing columns: {', '.join(sorted(REQUIRED - set(header)))}",
                             name, 1)
        for number, cells in enumerate(values, 2):
            text = {h: "" if v is None else str(v) for h, v in zip(header, cells)}
            if any(text.values()):
                rows.append(Row(number, ws.title, text))
    return rows
