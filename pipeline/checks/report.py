"""Formatters: pure functions from a check report to text (text, json, github, junit)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from itertools import groupby
from typing import Iterator

from .base import CheckSpec, Finding
from .runner import CheckReport

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


def format_text(report: CheckReport, colour: bool = False) -> str:
    lines = []
    for file, group in groupby(report.findings, key=lambda f: f.file):
        lines.append(f"\033[1m{file}{_RESET}" if colour else file)
        for f in group:
            severity = f"{_COLOURS[f.severity]}{f.severity}{_RESET}" if colour else f.severity
            where = f" [{f.msgctxt}]" if f.msgctxt else ""
            lines.append(f"  {f.file}:{f.line}: {severity} {f.code} {f.name}{where}: {f.message}")
    s = report.summary()
    lines.append(f"{s['errors']} errors, {s['warnings']} warnings, {s['silenced']} silenced "
                 f"({s['catalogs']} catalogs, {s['entries']} entries)")
    return "\n".join(lines) + "\n"


def json_chunks(report: CheckReport) -> Iterator[bytes]:
    """``{"findings": [...], "summary": {...}}`` in UTF-8, compact with sorted keys, in pieces. A
    large library's report has 100,000s of findings: the runner hands them over already encoded,
    file by file, and they are copied out without being decoded or joined into one string."""
    yield b'{"findings":['
    first = True
    for _, array in report.parts:
        if len(array) > 2:
            yield array[1:-1] if first else b"," + array[1:-1]
            first = False
    summary = json.dumps(report.summary(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    yield ('],"summary":' + summary + "}\n").encode("utf-8")


def format_json(report: CheckReport) -> str:
    return b"".join(json_chunks(report)).decode("utf-8")


def _escape_property(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def format_github(report: CheckReport) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    lines = [f"::{kinds[f.severity]} file={_escape_property(f.file)},line={f.line},"
             f"title={_escape_property(f.code + ' ' + f.name)}::{_escape_data(f.message)}"
             for f in report.findings]
    s = report.summary()
    lines.append(f"{s['errors']} errors, {s['warnings']} warnings, {s['silenced']} silenced")
    return "\n".join(lines) + "\n"


def format_junit(report: CheckReport) -> str:
    """JUnit XML: one test case per finding (failed), grouped in a suite per file."""
    suites = ET.Element("testsuites", {"name": "pipeline check"})
    for file, group in groupby(report.findings, key=lambda f: f.file):
        items: list[Finding] = list(group)
        suite = ET.SubElement(suites, "testsuite", {"name": file, "tests": str(len(items)),
                                                    "failures": str(len(items))})
        for f in items:
            case = ET.SubElement(suite, "testcase", {"classname": file, "name": f"{f.code} line {f.line} {f.msgctxt or ''}".strip()})
            ET.SubElement(case, "failure", {"type": f.severity, "message": f"{f.code} {f.name}"}).text = f.message
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
