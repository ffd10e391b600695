"""`pipeline check` end to end on a copy of the fixture content."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest

from pipeline.catalog.commands import render
from pipeline.catalog.po_reader import read_po

NEURO_ES = "locales/es/LC_MESSAGES/endoscopic-neurotomy.po"


def edit_entry(root: Path, rel: str, msgctxt: str, **changes) -> None:
    path = root / rel
    catalog = read_po(path)
    entry = next(e for e in catalog if e.msgctxt == msgctxt)
    for key, value in changes.items():
        setattr(entry, key, value)
    path.write_bytes(render(catalog))


def findings(run, *args):
    result = run("check", "--format", "json", *args)
    return result.exit_code, json.loads(result.output)


def test_json_contract(run):
    _, report = findings(run)
    keys = {"code", "name", "severity", "locale", "procedure", "file", "line", "msgctxt", "msgid", "message"}
    assert report["findings"] and all(set(f) == keys for f in report["findings"])
    source = [f for f in report["findings"] if f["file"].startswith("source/")]
    assert source and all(f["locale"] is None for f in source)
    order = [(f["file"], f["line"], f["code"]) for f in report["findings"]]
    assert order == sorted(order)
    assert {"errors", "warnings", "silenced", "by_code"} <= set(report["summary"])


def test_planted_number_error_exits_1_and_names_the_place(content_root, run):
    catalog = read_po(content_root / NEURO_ES)
    entry = next(e for e in catalog if e.msgctxt == "recovery.activity")
    edit_entry(content_root, NEURO_ES, "recovery.activity", msgstr=entry.msgstr.replace("2–4", "2–6"))
    code, report = findings(run, "--locale", "es")
    assert code == 1
    numbers = [f for f in report["findings"] if f["code"] == "E201"]
    assert sorted(f["message"] for f in numbers) == ["number 4 of the source is missing from the translation",
                                                     "number 6 is not in the source"]
    finding = numbers[0]
    assert (finding["locale"], finding["procedure"], finding["msgctxt"]) == ("es", "endoscopic-neurotomy",
                                                                           "recovery.activity")
    line = read_po(content_root / NEURO_ES)
    assert finding["line"] == next(e.linenum for e in line if e.msgctxt == "recovery.activity")


def test_translator_comment_silences_a_warning_but_never_a_safety_error(content_root, run):
    catalog = read_po(content_root / NEURO_ES)
    entry = next(e for e in catalog if e.msgctxt == "recovery.activity")
    edit_entry(content_root, NEURO_ES, "recovery.activity",
               msgstr=entry.msgstr.replace("2–4", "2–6").replace("Evite la", "Evite  la"),
               tcomment="ignore: W305, E201")
    code, report = findings(run, "--locale", "es")
    codes = [f["code"] for f in report["findings"]]
    assert "E201" in codes and "W305" not in codes
    assert report["summary"]["silenced"] == 1 and code == 1


def test_select_and_ignore_by_code_prefix_and_name(run):
    _, only_e2 = findings(run, "--select", "E2")
    assert {f["code"][:2] for f in only_e2["findings"]} <= {"E2"}
    _, by_name = findings(run, "--select", "stale")
    assert {f["code"] for f in by_name["findings"]} == {"W302"}
    _, ignored = findings(run, "--ignore", "W3")
    assert not [f for f in ignored["findings"] if f["code"].startswith("W3")]


@pytest.mark.parametrize("option,selector", [
    ("--select", "Z999"),
    ("--ignore", "Z999"),
    ("--ignore", ""),  # an unset variable in a CI script: would turn every check off
    ("--ignore", " "),
    ("--select", ""),
])
def test_unknown_selector_is_a_usage_error(run, option, selector):
    result = run("check", option, selector)
    assert result.exit_code == 2 and "matches no check" in result.output


def test_strict_fails_on_warnings(run):
    assert run("check", "--locale", "ar", "--format", "json").exit_code == 0
    assert run("check", "--locale", "ar", "--strict", "--format", "json").exit_code == 1


def test_stale_reports_old_and_new_source(content_root, run):
    source = content_root / "source/procedures/endoscopic-neurotomy.yaml"
    source.write_text(source.read_text("utf-8").replace("at least 2–4 weeks", "at least 3–4 weeks", 1), "utf-8")
    run("extract"), run("update")
    _, report = findings(run, "--locale", "es", "--select", "stale")
    [finding] = report["findings"]
    assert "was «" in finding["message"] and "2–4 weeks" in finding["message"] and "3–4 weeks" in finding["message"]


@pytest.mark.parametrize("cache", [(), ("--no-cache",)], ids=["cached", "no-cache"])
def test_a_finding_is_one_line_of_the_text_report(content_root, run, cache):
    edit_entry(content_root, NEURO_ES, "recovery.activity", previous_msgid="Old\nsource", flags=["fuzzy"])
    result = run("check", "--locale", "es", "--select", "stale", *cache)
    [line] = [line for line in result.output.splitlines() if " W302 " in line]
    assert line.endswith("was «Old\\nsource», now «You can usually go back to light activities within a "
                         "few days. Avoid hard physical activity and heavy lifting for at least 2–4 weeks.»")
    _, report = findings(run, "--locale", "es", "--select", "stale", *cache)
    assert "«Old\nsource»" in report["findings"][0]["message"]  # the JSON report keeps the text as it is


def test_source_deprecated_term_has_file_and_line(content_root, run):
    source = content_root / "source/procedures/endoscopic-neurotomy.yaml"
    text = source.read_text("utf-8")
    new = text.replace("id: overview\n    title: ", "id: overview\n    title: Slipped disk, and ", 1)
    source.write_text(new, "utf-8")
    line = next(n for n, row in enumerate(new.split("\n"), start=1) if "Slipped disk" in row)
    _, report = findings(run, "--select", "E206")
    assert report["findings"]
    for finding in report["findings"]:
        assert finding["file"] == "source/procedures/endoscopic-neurotomy.yaml" and finding["line"] == line
        assert finding["locale"] is None
    assert any("write 'disc'" in f["message"] for f in report["findings"])


def test_consistency_across_procedures(content_root, run):
    rhizo = "locales/es/LC_MESSAGES/endoscopic-rhizotomy.po"
    shared = {e.msgid for e in polib.pofile(str(content_root / NEURO_ES))} & \
        {e.msgid for e in polib.pofile(str(content_root / rhizo))}
    msgid = next(m for m in sorted(shared) if m)
    ctx = next(e.msgctxt for e in polib.pofile(str(content_root / rhizo)) if e.msgid == msgid)
    edit_entry(content_root, rhizo, ctx, msgstr="Otra traducción distinta para la misma frase.")
    _, report = findings(run, "--locale", "es", "--select", "W308")
    assert [f["procedure"] for f in report["findings"]] == ["endoscopic-rhizotomy"]


@pytest.mark.parametrize("fmt", ["text", "github", "junit"])
def test_other_formats(run, fmt):
    result = run("check", "--format", fmt, "--locale", "ar")
    assert result.exit_code == 0
    if fmt == "github":
        assert result.output.startswith("::warning file=locales/ar/")
    elif fmt == "junit":
        root = ET.fromstring(result.output.split("\n", 1)[1])
        assert root.tag == "testsuites" and root.find("testsuite/testcase/failure") is not None
    else:
        assert "errors," in result.output.splitlines()[-1]


def test_github_format_is_automatic_under_actions(run, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run("check", "--locale", "ar").output.startswith("::")


def test_list_prints_every_check_with_its_documentation(run):
    from pipeline.checks.registry import REGISTRY

    output = run("check", "--list").output
    for spec in REGISTRY:
        assert f"{spec.code} {spec.name}" in output and spec.summary in output


def test_config_severity_and_unknown_check(content_root, run):
    config = content_root / "pipeline.yaml"
    original = config.read_text()
    config.write_text(original + "checks:\n  stale: {severity: error}\n")
    code, report = findings(run, "--locale", "ar", "--select", "W302")
    assert code == 1 and {f["severity"] for f in report["findings"]} == {"error"}
    config.write_text(original + "checks:\n  nonsense: {severity: error}\n")
    result = run("check")
    assert result.exit_code == 2 and "checks.nonsense" in result.output
