"""Formatters: pure functions from a check report to text (text, json, github, junit)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import groupby
from typing import Any

from ..wording import count
from .encoded import CheckResult
from .model import CheckSpec, Finding, text_line

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


def _files(report: CheckResult) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Each file's findings as the report dicts they decode to. A large library's report has
    100,000s of findings: formatting them from the dicts, file by file, never holds them all
    decoded, nor builds a Finding of each."""
    for file, array, _ in report.parts:
        items = json.loads(array)
        if items:
            yield file, items


def _summary_line(report: CheckResult, counts: bool = True) -> str:
    s = report.summary()
    line = f"{count(s['errors'], 'error')}, {count(s['warnings'], 'warning')}, {s['silenced']} silenced"
    return line + (f" ({count(s['catalogs'], 'catalog')}, {count(s['entries'], 'entry')})" if counts else "")


def text_chunks(report: CheckResult, colour: bool = False) -> Iterator[bytes]:
    """The text report in UTF-8, a file at a time: the file's name, then a line per finding (as
    the runner rendered them when asked to, else from the decoded findings; with colour, each
    line's severity is coloured). What blocks a release comes first, so that the first screen
    shows it: the files with an error, each with its errors before its other findings, then the
    other files, each in report order."""
    parts = [part for part in report.parts if part[1] != b"[]"]
    for blocking in (True, False):
        for file, array, text in parts:
            if (_ERROR in array) is not blocking:
                continue
            lines = text or "".join(map(text_line, json.loads(array))).encode("utf-8")
            name = file.encode("utf-8")
            if blocking:
                lines = _errors_first(lines, name)
            if colour:
                prefix = re.compile(rb"^(  " + re.escape(name) + rb":\d+: )(error|warning|info) ", re.MULTILINE)
                lines = prefix.sub(lambda m: m[1] + _COLOURS[m[2].decode()].encode() + m[2] + _RESET.encode() + b" ",
                                   lines)
                yield b"\033[1m" + name + _RESET.encode() + b"\n" + lines
            else:
                yield name + b"\n" + lines
    yield (_summary_line(report) + "\n").encode("utf-8")


# A report array is compact JSON with sorted keys: these bytes are in it exactly when a finding is
# an error (inside a message, a quote is escaped).
_ERROR = b'"severity":"error"'


def _errors_first(lines: bytes, name: bytes) -> bytes:
    """A file's text lines with its errors first, each group in report order."""
    prefix = b"  " + name + b":"
    rows = lines.splitlines(keepends=True)

    def is_error(row: bytes) -> bool:  # "  {file}:{line}: error ..."
        return row.startswith(prefix) and row[len(prefix):].lstrip(b"0123456789").startswith(b": error ")

    return b"".join([row for row in rows if is_error(row)] + [row for row in rows if not is_error(row)])


def format_text(report: CheckResult, colour: bool = False) -> str:
    return b"".join(text_chunks(report, colour)).decode("utf-8")


def json_chunks(report: CheckResult) -> Iterator[bytes]:
    """``{"findings": [...], "summary": {...}}`` in UTF-8, compact with sorted keys, in pieces. A
    large library's report has 100,000s of findings: the runner hands them over already encoded,
    file by file, and they are copied out without being decoded or joined into one string."""
    yield b'{"findings":['
    first = True
    for _, array, _ in report.parts:
        if len(array) > 2:
            yield array[1:-1] if first else b"," + array[1:-1]
            first = False
    summary = json.dumps(report.summary(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    yield ('],"summary":' + summary + "}\n").encode("utf-8")


def format_json(report: CheckResult) -> str:
    return b"".join(json_chunks(report)).decode("utf-8")


def _escape_property(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_chunks(report: CheckResult) -> Iterator[bytes]:
    """GitHub Actions workflow commands in UTF-8: one annotation per finding, a file at a time."""
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    for _, items in _files(report):
        yield "".join(f"::{kinds[f['severity']]} file={_escape_property(f['file'])},line={f['line']},"
                      f"title={_escape_property(f['code'] + ' ' + f['name'])}::{_escape_data(f['message'])}\n"
                      for f in items).encode("utf-8")
    yield (_summary_line(report, counts=False) + "\n").encode("utf-8")


def format_github(report: CheckResult) -> str:
    return b"".join(github_chunks(report)).decode("utf-8")


# What XML 1.0 cannot hold, even as a character reference: C0 controls but tab, line feed and
# carriage return, surrogates, U+FFFE and U+FFFF. A translation may hold U+FFFE or U+FFFF, a folder
# name anything.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: str) -> str:
    """``value`` with each character XML cannot hold written as its escape (\\x01, \\uffff)."""
    return _NOT_XML.sub(lambda m: m[0].encode("unicode_escape", "backslashreplace").decode("ascii"), value)


def format_junit(report: CheckResult) -> str:
    """JUnit XML: one test case per finding (failed), grouped in a suite per file."""
    import xml.etree.ElementTree as ET  # only for this format: the other reports start faster

    suites = ET.Element("testsuites", {"name": "pipeline check"})
    for file, group in groupby(report.findings, key=lambda f: f.file):
        items: list[Finding] = list(group)
        file = _xml_text(file)
        suite = ET.SubElement(suites, "testsuite", {"name": file, "tests": str(len(items)),
                                                    "failures": str(len(items))})
        for f in items:
            name = _xml_text(f"{f.code} line {f.line} {f.msgctxt or ''}".strip())
            case = ET.SubElement(suite, "testcase", {"classname": file, "name": name})
            ET.SubElement(case, "failure", {"type": f.severity, "message": f"{f.code} {f.name}"}).text = \
                _xml_text(f.message)
    if not len(suites):
        ET.SubElement(suites, "testsuite", {"name": "pipeline check", "tests": "1", "failures": "0"}).append(
            ET.Element("testcase", {"classname": "pipeline", "name": "no findings"}))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def format_catalogue(specs: list[CheckSpec]) -> str:
    lines = []
    for spec in specs:
        safety = ", cannot be silenced" if spec.safety else ""
        lines.append(f"{spec.code} {spec.name} ({spec.severity}, {spec.scope}{safety})")
        for line in spec.doc.splitlines():
            lines.append(f"    {line}".rstrip())
        if spec.options:
            lines.append("    options: " + ", ".join(f"{k}={v}" for k, v in spec.options.items()))
        lines.append("")
    return "\n".join(lines)
