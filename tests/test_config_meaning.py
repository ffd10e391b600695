"""Settings in pipeline.yaml mean what they say: YAML 1.1 booleans are strings where a string is
wanted, a setting naming something that does not exist is refused with its place, and what a new
locale still needs is said."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.errors import InputError

MINIMAL = "project: P\n"


@pytest.mark.parametrize("text, expected", [
    ("checks:\n  W313: {severity: off}\n", {"W313": {"severity": "off"}}),
    ("checks:\n  reading-level:\n    severity: off\n", {"reading-level": {"severity": "off"}}),
    ("checks:\n  W313: {severity: 'off'}\n", {"W313": {"severity": "off"}}),
])
def test_off_is_a_string_where_the_schema_wants_one(tmp_path: Path, text: str, expected: dict) -> None:
    (tmp_path / "pipeline.yaml").write_text(MINIMAL + text, "utf-8")
    assert load_config(tmp_path).checks == expected


@pytest.mark.parametrize("text, field, expected", [
    ("project: yes\n", "project", "yes"),
    ("project: P\nbugs_address: on\n", "bugs_address", "on"),
    ("project: P\nplaceholders: [no, off]\n", "placeholders", frozenset({"no", "off"})),
    ("project: 1.0\n", "project", "1.0"),
])
def test_every_string_field_keeps_its_text(tmp_path: Path, text: str, field: str, expected: object) -> None:
    (tmp_path / "pipeline.yaml").write_text(text, "utf-8")
    assert getattr(load_config(tmp_path), field) == expected


def test_a_boolean_field_still_reads_yes_as_true(tmp_path: Path) -> None:
    (tmp_path / "pipeline.yaml").write_text(MINIMAL + "locales:\n  'no': {required: yes}\n", "utf-8")
    assert load_config(tmp_path).settings("no").required is True


def test_a_key_no_is_norwegian_not_false(tmp_path: Path) -> None:
    (tmp_path / "pipeline.yaml").write_text(MINIMAL + "locales:\n  no: {required: true}\n", "utf-8")
    assert list(load_config(tmp_path).locales) == ["no"]


def test_severity_off_turns_a_check_off(content_root: Path, run) -> None:
    before = run("check", "--locale", "vi", "--format", "json").output
    assert '"W313"' in before
    config = content_root / "pipeline.yaml"
    config.write_text(config.read_text("utf-8") + "checks:\n  W313: {severity: off}\n", "utf-8")
    result = run("check", "--locale", "vi", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    assert '"W313"' not in result.output


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize("addition, anchor, column, message", [
    ("checks:\n  W999: {severity: error}\n", "W999", 3, "checks.W999: no such check"),
    ("checks:\n  W311: {max_word: 3}\n", "max_word", 10, "checks.W311: unknown option 'max_word'"),
    ("checks:\n  W311: {max_words: thirty}\n", "max_words", 10, "checks.W311.max_words: 'thirty' is not a whole"),
    ("checks:\n  W311: {max_words: true}\n", "max_words", 10, "checks.W311.max_words: True is not a whole"),
    ("checks:\n  reading-level: {max_grade: '8'}\n", "max_grade", 19, "checks.reading-level.max_grade: '8' is not a"),
    ("checks:\n  term-missing: {subjects: [anatomyy]}\n", "subjects", 18,
     "checks.term-missing.subjects: 'anatomyy' is not one of: anatomy,"),
    ("checks:\n  E203: {subjects: anatomy}\n", "subjects", 10, "checks.E203.subjects: 'anatomy' is not a list"),
    ("checks:\n  E203: {subjects: []}\n", "subjects", 10, "checks.E203.subjects: [] is not a list"),
])
@pytest.mark.parametrize("command", [["check"], ["review", "pending", "--locale", "vi"]])
def test_a_check_setting_error_names_its_line(content_root: Path, run, addition: str, anchor: str, column: int,
                                              message: str, command: list[str]) -> None:
    config = content_root / "pipeline.yaml"
    config.write_text(config.read_text("utf-8") + addition, "utf-8")
    result = run(*command)
    assert result.exit_code == 2
    assert f"pipeline.yaml:{_line_of(config, anchor)}:{column}: {message}" in result.output


@pytest.mark.parametrize("old, new, anchor, token, message", [
    ("  ht: {required: false, min_translated: 40}", "  ht: {required: false, min_translated: 40}\n  de: {required: true}",
     "  de:", "de:", "locales.de: locale de is not in locales/locales.yaml"),
    ("locales: [ar]}", "locales: [ar, fr]}", "ar-clinical-review", "fr]",
     "reviewers.ar-clinical-review.locales: locale fr is not in locales/locales.yaml"),
])
@pytest.mark.parametrize("command", [["check"], ["build", "--check"], ["status"], ["report"]])
def test_a_setting_for_an_unregistered_locale_is_refused(content_root: Path, run, old: str, new: str, anchor: str,
                                                         token: str, message: str, command: list[str]) -> None:
    config = content_root / "pipeline.yaml"
    assert old in config.read_text("utf-8")
    config.write_text(config.read_text("utf-8").replace(old, new), "utf-8")
    result = run(*command)
    assert result.exit_code == 2, result.output
    line = _line_of(config, anchor)
    column = config.read_text("utf-8").splitlines()[line - 1].index(token) + 1
    assert f"pipeline.yaml:{line}:{column}: {message}" in result.output


def test_init_registers_a_locale_pipeline_yaml_already_names(content_root: Path, run) -> None:
    config = content_root / "pipeline.yaml"
    config.write_text(config.read_text("utf-8").replace("  ht: {", "  de: {required: false}\n  ht: {"), "utf-8")
    result = run("init", "de")
    assert result.exit_code == 0, result.output
    assert run("status", "--locale", "de").exit_code == 0


# --- what nothing reads, and what nobody may review ----------------------------------------------

def _orphans(root: Path) -> list[str]:
    (root / "source/procedures/endoscopic-rhizotomy.yaml").unlink()
    (root / "source/procedures/new-leaflet.yml").write_text("id: new-leaflet\n", "utf-8")
    (root / "locales/de/LC_MESSAGES").mkdir(parents=True)
    (root / "locales/de/LC_MESSAGES/endoscopic-discectomy.po").write_text("", "utf-8")
    return ["locales/de/", "locales/templates/endoscopic-rhizotomy.pot",
            *(f"locales/{loc}/LC_MESSAGES/endoscopic-rhizotomy.po" for loc in ("ar", "es", "ht", "vi", "zh_Hans"))]


def test_check_reports_orphans_and_wrong_extensions(content_root: Path, run) -> None:
    removable = _orphans(content_root)
    report = run("check", "--select", "W318", "--format", "json")
    found = {f["file"]: f["message"] for f in json.loads(report.output)["findings"]}
    assert set(found) == {*removable, "source/procedures/new-leaflet.yml"}
    assert "rename it to new-leaflet.yaml" in found["source/procedures/new-leaflet.yml"]


def test_clean_lists_by_default_and_removes_with_apply(content_root: Path, run) -> None:
    removable = _orphans(content_root)
    listed = run("clean", "--orphans")
    assert listed.exit_code == 0, listed.output
    assert all(f"would remove: {path}" in listed.output for path in removable)
    assert "left for you: source/procedures/new-leaflet.yml" in listed.output
    assert all((content_root / path).exists() for path in removable)
    applied = run("clean", "--orphans", "--apply")
    assert applied.exit_code == 0 and f"{len(removable)} files or folders removed" in applied.output
    assert not any((content_root / path).exists() for path in removable)
    assert (content_root / "source/procedures/new-leaflet.yml").exists()
    after = json.loads(run("check", "--select", "W318", "--format", "json").output)
    assert [f["file"] for f in after["findings"]] == ["source/procedures/new-leaflet.yml"]


def test_the_release_record_is_never_an_orphan(content_root: Path, run, tmp_path: Path) -> None:
    """locales/releases/ is the record of what was published, which `build` writes and reads (the
    last good version of a cell): not a locale folder, never reported and never removed."""
    built = run("build", "--out", str(tmp_path / "dist"))
    assert built.exit_code == 0, built.output
    records = sorted(p.relative_to(content_root).as_posix() for p in (content_root / "locales/releases").iterdir())
    assert records  # the build published and recorded it
    report = json.loads(run("check", "--select", "W318", "--format", "json").output)
    assert report["findings"] == []
    removable = _orphans(content_root)
    assert "locales/releases/" not in run("clean", "--orphans").output
    assert run("clean", "--orphans", "--apply").exit_code == 0
    assert not any((content_root / path).exists() for path in removable)
    assert sorted(p.relative_to(content_root).as_posix()
                  for p in (content_root / "locales/releases").iterdir()) == records


@pytest.mark.parametrize("folder, registered", [
    ("zh-Hans", "zh_Hans"),  # the BCP 47 spelling
    ("zh_hans", "zh_Hans"),  # another case
    ("ES", "es"),
])
def test_a_folder_spelling_a_registered_locale_otherwise_is_never_removed(content_root: Path, run, folder: str,
                                                                          registered: str) -> None:
    """A translator who saved catalogs under another spelling of a registered locale's folder did
    work the pipeline does not read: it is reported with where to move it, and clean keeps it."""
    if (content_root / "locales" / folder).exists():
        pytest.skip("a file system that does not tell the spellings apart: the folder is the registered one")
    saved = content_root / "locales" / folder / "LC_MESSAGES" / "endoscopic-discectomy.po"
    saved.parent.mkdir(parents=True)
    saved.write_bytes((content_root / "locales" / registered / "LC_MESSAGES" / "endoscopic-discectomy.po").read_bytes())
    report = json.loads(run("check", "--select", "W318", "--format", "json").output)
    assert [(f["file"], f["message"]) for f in report["findings"]] == [
        (f"locales/{folder}/", f"not read: the catalogs of {registered} are read from locales/{registered}/; "
                               "move what it holds there")]
    listed = run("clean", "--orphans")
    assert f"left for you: locales/{folder}/" in listed.output and "would remove" not in listed.output
    assert run("clean", "--orphans", "--apply").exit_code == 0
    assert saved.exists()


def test_check_reports_a_locale_nobody_may_review(content_root: Path, run) -> None:
    config = content_root / "pipeline.yaml"
    report = json.loads(run("check", "--select", "W317", "--format", "json").output)
    assert [(f["file"], f["line"]) for f in report["findings"]] == [("pipeline.yaml", _line_of(config, "  ht:"))]
    assert "no reviewer is listed for ht" in report["findings"][0]["message"]


def test_init_says_what_a_new_locale_still_needs(content_root: Path, run) -> None:
    result = run("init", "fr")
    assert result.exit_code == 0, result.output
    assert "to publish fr, still needed: a qualified reviewer" in result.output
    assert "to publish fr, still needed: release settings" in result.output
    assert "to check fr, still needed: negation markers for French (fr)" in result.output
    config = content_root / "pipeline.yaml"
    config.write_text(config.read_text("utf-8").replace("  ht: {", "  fr: {required: false}\n  ht: {")
                      + "  fr-review: {name: French reviewer, locales: [fr]}\n", "utf-8")
    assert "to publish fr" not in run("init", "fr").output


# --- --check says what differs -----------------------------------------------------------------------

def test_update_check_shows_what_differs(content_root: Path, run) -> None:
    catalog = content_root / "locales/vi/LC_MESSAGES/endoscopic-rhizotomy.po"
    catalog.write_text(catalog.read_text("utf-8").replace('msgid "Endoscopic rhizotomy for back pain"',
                                                          'msgid "Endoscopic rhizotomy for pain"'), "utf-8")
    result = run("update", "--check")
    assert result.exit_code == 1
    assert "locales/vi/LC_MESSAGES/endoscopic-rhizotomy.po: stale: run `pipeline update`" in result.output
    assert '-msgid "Endoscopic rhizotomy for pain"' in result.output
    assert "(on disk)" in result.output and "(expected)" in result.output


def test_extract_check_shows_what_differs(content_root: Path, run) -> None:
    source = content_root / "source/procedures/endoscopic-rhizotomy.yaml"
    source.write_text(source.read_text("utf-8").replace("less than 60 minutes", "less than 90 minutes"), "utf-8")
    result = run("extract", "--check")
    assert result.exit_code == 1
    assert "locales/templates/endoscopic-rhizotomy.pot: stale" in result.output
    assert "-" in result.output and "90 minutes" in result.output


# --- sample sign-offs are never presented as a clinical review ----------------------------------------

def test_status_says_which_sign_offs_are_sample_data(content_root: Path, run) -> None:
    rows = json.loads(run("status", "--format", "json").output)["catalogs"]
    kinds = {(r["locale"], r["review"]["kind"]) for r in rows if r["review"]["signed_off"]}
    assert ("es", "sample") in kinds and ("zh_Hans", "sample") in kinds and ("vi", "clinical") in kinds
    assert all(r["review"]["sample_signed_off"] == r["review"]["signed_off"] for r in rows if r["locale"] == "es")
    text = run("status", "--locale", "es").output
    assert "sample sign-off" in text and "no qualified clinical reviewer" in text
    assert "sample sign-off" not in run("status", "--locale", "vi").output


@pytest.mark.parametrize("settings, accepted", [
    ("{fallback: string, allow_unreviewed: true}", True),
    ("{fallback: string, allow_unreviewed: false}", True),
    ("{fallback: none, allow_unreviewed: false}", True),
    ("{allow_unreviewed: true}", False),
    ("{fallback: none, allow_unreviewed: true}", False),
    ("{required: true, allow_unreviewed: yes}", False),
])
def test_allow_unreviewed_without_string_fallback_is_refused(tmp_path: Path, settings: str, accepted: bool) -> None:
    # It lets a translated string stand before its sign-off only when strings fall back one by
    # one; elsewhere it would be silently ignored, and the person who set it would think it works.
    (tmp_path / "pipeline.yaml").write_text(MINIMAL + f"locales:\n  es: {settings}\n", "utf-8")
    if accepted:
        load_config(tmp_path)
        return
    with pytest.raises(InputError) as error:
        load_config(tmp_path)
    assert error.value.location and error.value.location.line == 3 and "allow_unreviewed" in str(error.value) and "fallback: string" in str(error.value)
