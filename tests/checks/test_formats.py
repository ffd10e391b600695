"""The report formats, written from the runner's pre-rendered parts, say exactly what a
rendering of the decoded findings says: cold or from the cache, with locale-wide findings merged
into a file's own, with colour or without."""

from __future__ import annotations

import hashlib
import sqlite3
from itertools import groupby

import pytest

from pipeline.checks import formats
from pipeline.checks.encoded import CheckResult, encode_findings
from pipeline.checks.runner import Execution, run_checks
from pipeline.project import Project

from .helpers import plant_inconsistency

BOLD, RESET = "\033[1m", "\033[0m"
COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}


def reference_text(report, colour: bool) -> str:
    """The text report, a finding at a time from `report.findings`: what blocks a release first
    (the files with an error, each with its errors before its other findings), then the other
    files."""
    lines = []
    files = [(file, list(group)) for file, group in groupby(report.findings, key=lambda f: f.file)]
    files.sort(key=lambda item: not any(f.severity == "error" for f in item[1]))  # stable
    for file, group in files:
        lines.append(f"{BOLD}{file}{RESET}" if colour else file)
        for f in sorted(group, key=lambda f: f.severity != "error"):
            severity = f"{COLOURS[f.severity]}{f.severity}{RESET}" if colour else f.severity
            where = f" [{f.msgctxt}]" if f.msgctxt else ""
            message = f.message.replace("\r", "\\r").replace("\n", "\\n")  # one finding, one line
            lines.append(f"  {f.file}:{f.line}: {severity} {f.code} {f.name}{where}: {message}")
    s = report.summary()
    lines.append(f"{s['errors']} errors, {s['warnings']} warnings, {s['silenced']} silenced "
                 f"({s['catalogs']} catalogs, {s['entries']} entries)")
    return "\n".join(lines) + "\n"


def reference_github(report) -> str:
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    lines = [f"::{kinds[f.severity]} file={formats._escape_property(f.file)},line={f.line},"
             f"title={formats._escape_property(f.code + ' ' + f.name)}::{formats._escape_data(f.message)}"
             for f in report.findings]
    s = report.summary()
    lines.append(f"{s['errors']} errors, {s['warnings']} warnings, {s['silenced']} silenced")
    return "\n".join(lines) + "\n"


def damage_text_rows(cache, how: str) -> None:
    db = sqlite3.connect(cache / "results.sqlite")
    with db:
        if how == "lost":
            assert db.execute("DELETE FROM results WHERE key LIKE '%/text'").rowcount > 0
        else:  # well-signed rows that are wrong: empty for a job with findings, lines for one without
            for key, payload in db.execute("SELECT key, payload FROM results WHERE key LIKE '%/text'").fetchall():
                forged = b"" if payload else b"  forged line\n"
                db.execute("UPDATE results SET payload = ?, digest = ? WHERE key = ?",
                           (forged, hashlib.sha256(forged).hexdigest(), key))
    db.close()


@pytest.mark.parametrize("run", ["no-cache", "cold", "warm", "warm-after-json", "text-rows-lost",
                                 "text-rows-forged"])
@pytest.mark.parametrize("text", [True, False], ids=["text-run", "json-run"])
@pytest.mark.parametrize("colour", [False, True], ids=["plain", "colour"])
def test_text_and_github_reports_match_the_findings(content_root, tmp_path, run, text, colour):
    plant_inconsistency(content_root)
    plant_wrong_number(content_root)
    cache = None if run == "no-cache" else tmp_path / "cache"
    if run != "no-cache" and run != "cold":
        run_checks(Project(content_root), execution=Execution(cache_dir=cache, text_lines=run != "warm-after-json"))
    if run.startswith("text-rows-"):
        damage_text_rows(cache, run.rsplit("-", 1)[1])
    report = run_checks(Project(content_root), execution=Execution(cache_dir=cache, text_lines=text))
    merged = [f for f in report.findings if f.code == "W308"]
    assert merged and any(f.file == merged[0].file and f.code != "W308" for f in report.findings)
    assert formats.format_text(report, colour=colour) == reference_text(report, colour)
    assert formats.format_github(report) == reference_github(report)
    assert ("\033[" in formats.format_text(report, colour=colour)) is colour
    first = formats.format_text(report).split("\n")[1]  # the first finding, under its file's name
    assert ": error E201 numbers [" in first, first


def plant_wrong_number(root) -> None:
    """A duration changed in the Vietnamese rhizotomy catalog (E201), a file listed after
    others with findings and with warnings of its own."""
    catalog = root / "locales/vi/LC_MESSAGES/endoscopic-rhizotomy.po"
    text = catalog.read_text("utf-8")
    old = 'msgstr "Toàn bộ thủ thuật thường mất chưa đến 60 phút."'
    assert old in text
    catalog.write_text(text.replace(old, old.replace("60", "90")), "utf-8")


def test_the_reports_but_junit_load_no_xml_library() -> None:
    """A check's report modules are imported before its work starts: the XML library only the
    JUnit report uses is imported by that report."""
    import subprocess
    import sys

    code = "import sys, pipeline.checks.formats, pipeline.checks.runner; print('xml.etree' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


# A finding's field, text in it that XML 1.0 cannot hold or can, and how the JUnit report shows it
JUNIT_TEXT = [
    ("message", "translated differently: «qué \uffff pasa»", "translated differently: «qué \\uffff pasa»"),
    ("message", "\ufffe at the start", "\\ufffe at the start"),
    ("message", "tab\tand\nline", "tab\tand\nline"),
    ("file", "locales/ab\x01cd/", "locales/ab\\x01cd/"),  # a stray folder (W318)
    ("file", "locales/a\x1bb/", "locales/a\\x1bb/"),
    ("msgctxt", "steps.\x7f", "steps.\x7f"),  # DEL: discouraged in XML, not forbidden
]


@pytest.mark.parametrize("field,value,shown", JUNIT_TEXT, ids=[f"{t[0]}-{t[1]!r}" for t in JUNIT_TEXT])
def test_the_junit_report_is_xml_for_any_finding_text(field, value, shown):
    import xml.etree.ElementTree as ET

    finding = {"code": "W308", "name": "inconsistent-translation", "severity": "warning", "locale": "es",
               "procedure": "p", "file": "locales/es/LC_MESSAGES/p.po", "line": 3, "msgctxt": "title",
               "msgid": "Title", "message": "differs"} | {field: value}
    report = CheckResult(((finding["file"], encode_findings([finding]), b""),), (), 1, 1, ((("W308", "warning"), 1),))
    suite = ET.fromstring(formats.format_junit(report).split("\n", 1)[1].encode("utf-8")).find("testsuite")
    case = suite.find("testcase")
    got = {"message": case.find("failure").text, "file": suite.get("name"), "msgctxt": case.get("name")}[field]
    assert got == (f"W308 line 3 {shown}" if field == "msgctxt" else shown)
    if field == "file":
        assert case.get("classname") == shown
