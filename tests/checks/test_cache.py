"""Cached and parallel check runs give exactly the results of a plain run; the cache is never
trusted when corrupt or when anything it depends on changed."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from pipeline import parallel
from pipeline.checks import cache
from pipeline.checks.runner import Execution, Selection, run_checks
from pipeline.project import Project

from .helpers import plant_inconsistency


def as_json(report) -> str:
    return json.dumps([f.as_dict() for f in report.findings] + [report.summary()], sort_keys=True)


def test_cold_warm_and_parallel_runs_agree(content_root, tmp_path):
    cache = tmp_path / "cache"
    plain = as_json(run_checks(Project(content_root)))
    assert as_json(run_checks(Project(content_root), execution=Execution(cache_dir=cache))) == plain
    assert (cache / "results.sqlite").exists()
    assert as_json(run_checks(Project(content_root), execution=Execution(cache_dir=cache))) == plain
    assert as_json(run_checks(Project(content_root), execution=Execution(jobs=2))) == plain


def test_corrupt_cache_entries_are_ignored(content_root, tmp_path):
    import sqlite3

    cache = tmp_path / "cache"
    plain = as_json(run_checks(Project(content_root), execution=Execution(cache_dir=cache)))
    db = sqlite3.connect(cache / "results.sqlite")
    keys = [row[0] for row in db.execute("SELECT key FROM results ORDER BY key")]
    with db:
        db.execute("UPDATE results SET payload = ? WHERE key = ?", (b"{not json", keys[0]))
        db.execute("UPDATE results SET payload = ? WHERE key = ?", (b'{"findings": [], "silenced": [], "entries": []}', keys[1]))
    db.close()
    assert as_json(run_checks(Project(content_root), execution=Execution(cache_dir=cache))) == plain
    (cache / "results.sqlite").write_bytes(b"this is not a database")
    assert as_json(run_checks(Project(content_root), execution=Execution(cache_dir=cache))) == plain


def test_a_changed_catalog_or_termbase_is_checked_again(content_root, tmp_path):
    cache = tmp_path / "cache"
    run_checks(Project(content_root), execution=Execution(cache_dir=cache))
    catalog = content_root / "locales/es/LC_MESSAGES/endoscopic-neurotomy.po"
    catalog.write_text(catalog.read_text("utf-8").replace("2–4 semanas", "2–6 semanas", 1), "utf-8")
    report = run_checks(Project(content_root), execution=Execution(cache_dir=cache))
    assert any(f.code == "E201" and f.locale == "es" for f in report.findings)
    termbase = content_root / "source/termbase.yaml"
    text = termbase.read_text("utf-8")
    old = "{term: semana, status: preferred, pos: noun, match: forms, forms: [semana, semanas]}"
    assert old in text
    termbase.write_text(text.replace(old, "{term: semanita, status: preferred, pos: noun}"), "utf-8")
    report = run_checks(Project(content_root), execution=Execution(cache_dir=cache))
    assert any(f.code == "E202" and "semanita" in f.message for f in report.findings)


def test_worker_pool_gives_the_plain_results(content_root, monkeypatch):

    plain = as_json(run_checks(Project(content_root), execution=Execution(jobs=1)))
    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    assert as_json(run_checks(Project(content_root), execution=Execution(jobs=2))) == plain


def test_bad_input_in_a_worker_is_reported_with_its_place(content_root, monkeypatch):
    import pytest

    from pipeline.errors import InputError

    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    catalog = content_root / "locales/vi/LC_MESSAGES/endoscopic-rhizotomy.po"
    catalog.write_text(catalog.read_text("utf-8") + '\nmsgid "unterminated\nmsgstr ""\n', "utf-8")
    with pytest.raises(InputError) as caught:
        run_checks(Project(content_root), execution=Execution(jobs=2))
    assert str(caught.value).startswith("locales/vi/LC_MESSAGES/endoscopic-rhizotomy.po:")
    assert "unterminated string" in str(caught.value)


@pytest.mark.parametrize("lose_entries", [False, True], ids=["entries-cached", "entries-rows-lost"])
def test_locale_wide_checks_after_one_catalog_changed_read_the_others_from_the_cache(
        content_root, tmp_path, lose_entries):
    import sqlite3

    cache = tmp_path / "cache"
    run_checks(Project(content_root), execution=Execution(cache_dir=cache))
    if lose_entries:  # the other catalogs' translations are then read from the catalogs again
        db = sqlite3.connect(cache / "results.sqlite")
        with db:
            assert db.execute("DELETE FROM results WHERE key LIKE '%/entries'").rowcount > 0
        db.close()
    plant_inconsistency(content_root)
    warm = run_checks(Project(content_root), execution=Execution(cache_dir=cache))
    assert any(f.code == "W308" and f.file.endswith("endoscopic-rhizotomy.po") for f in warm.findings)
    assert as_json(warm) == as_json(run_checks(Project(content_root)))


def test_a_translator_comment_silences_a_locale_wide_finding(content_root):
    path = content_root / "locales/es/LC_MESSAGES/endoscopic-rhizotomy.po"
    catalog = polib.pofile(str(path))
    entry = next(e for e in catalog if e.msgid == "Common questions")
    entry.msgstr += " (revisadas)"
    catalog.save()
    report = run_checks(Project(content_root), Selection(select=("W308",)))
    assert [f.code for f in report.findings if f.file.endswith("endoscopic-rhizotomy.po")] == ["W308"]
    entry.tcomment = "ignore: W308"
    catalog.save()
    report = run_checks(Project(content_root), Selection(select=("W308",)))
    assert not [f for f in report.findings if f.file.endswith("endoscopic-rhizotomy.po")]
    assert [(f.code, f.msgctxt) for f in report.silenced] == [("W308", entry.msgctxt)]


def reference_json(report) -> str:
    data = {"findings": [f.as_dict() for f in report.findings], "summary": report.summary()}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def test_json_report_from_encoded_parts_is_the_plain_encoding_of_the_findings(content_root, tmp_path):
    from collections import Counter

    from pipeline.checks.formats import format_json

    path = content_root / "locales/es/LC_MESSAGES/endoscopic-rhizotomy.po"
    catalog = polib.pofile(str(path))
    entry = next(e for e in catalog if e.msgid == "Common questions")
    entry.msgstr += " (revisadas) 3 mg"  # a locale-wide finding and an entry finding in one file
    catalog.save()
    for run in (lambda: run_checks(Project(content_root)),
                lambda: run_checks(Project(content_root), execution=Execution(cache_dir=tmp_path / "c")),
                lambda: run_checks(Project(content_root), execution=Execution(cache_dir=tmp_path / "c"))):
        report = run()
        codes = {f.code for f in report.findings if f.file.endswith("endoscopic-rhizotomy.po")}
        assert {"W308", "E201"} <= codes
        assert list(report.findings) == sorted(report.findings)
        assert format_json(report) == reference_json(report)
        summary = report.summary()
        assert summary["by_code"] == dict(sorted(Counter(f.code for f in report.findings).items()))
        assert summary["errors"] == sum(f.severity == "error" for f in report.findings)


def rows(cache) -> set[str]:
    import sqlite3

    db = sqlite3.connect(cache / "results.sqlite")
    try:
        return {row[0] for row in db.execute("SELECT key FROM results")}
    finally:
        db.close()


@pytest.mark.parametrize("by_key", [1000, 0], ids=["stale-rows-by-key", "stale-rows-as-a-set"])
def test_a_whole_run_keeps_only_the_rows_it_used(content_root, tmp_path, monkeypatch, by_key):
    from pipeline.checks import cache as runner

    monkeypatch.setattr(runner, "_STALE_BY_KEY", by_key)
    cache = tmp_path / "cache"
    run_checks(Project(content_root), execution=Execution(cache_dir=cache))
    first = rows(cache)
    catalog = content_root / "locales/es/LC_MESSAGES/endoscopic-neurotomy.po"
    catalog.write_text(catalog.read_text("utf-8").replace("2–4 semanas", "2–6 semanas", 1), "utf-8")
    run_checks(Project(content_root), Selection(locales=("es",)), Execution(cache_dir=cache))
    assert rows(cache) > first  # a partial run adds its rows and deletes nothing
    run_checks(Project(content_root), execution=Execution(cache_dir=cache))
    fresh = tmp_path / "fresh"
    run_checks(Project(content_root), execution=Execution(cache_dir=fresh))
    assert rows(cache) == rows(fresh)
    assert len(rows(cache)) == len(first)  # the edited catalog's rows and its locale's were replaced
    termbase = content_root / "source/termbase.yaml"
    termbase.write_text(termbase.read_text("utf-8") + "\n", "utf-8")  # every key changes
    run_checks(Project(content_root), execution=Execution(cache_dir=cache))
    assert rows(cache).isdisjoint(first) and len(rows(cache)) == len(first)


@pytest.mark.parametrize("payload", [
    b'{"count":3,"tally":[],"silenced":[]}',  # no findings part
    b'{"count":3,"tally":[],"silenced":[]}\n',  # an empty findings part
    b'{"count":3,"tally":[],"silenced":[]}\n{"findings":[]}',  # not an array
    b'{"count":3}\n[]',  # a summary without its fields
    b'[]\n{"count":3,"tally":[],"silenced":[]}',  # the parts swapped
], ids=["no-findings", "empty-findings", "object-not-array", "short-summary", "swapped"])
def test_a_well_signed_row_of_the_wrong_shape_is_recomputed(content_root, tmp_path, payload):
    """A row whose digest matches but whose shape is wrong (an older layout, a bug) is not used."""
    import hashlib
    import sqlite3

    cache = tmp_path / "cache"
    plain = as_json(run_checks(Project(content_root), execution=Execution(cache_dir=cache)))
    db = sqlite3.connect(cache / "results.sqlite")
    with db:
        db.execute("UPDATE results SET payload = ?, digest = ? WHERE key NOT LIKE '%/%'",
                   (payload, hashlib.sha256(payload).hexdigest()))
    db.close()
    assert as_json(run_checks(Project(content_root), execution=Execution(cache_dir=cache))) == plain


def test_a_catalog_edited_while_the_run_reads_it_is_stored_under_what_was_checked(content_root, tmp_path,
                                                                                 monkeypatch):
    from pipeline.checks import cache as results

    cache = tmp_path / "cache"
    catalog = content_root / "locales/es/LC_MESSAGES/endoscopic-neurotomy.po"
    clean = catalog.read_bytes()
    run_checks(Project(content_root), execution=Execution(cache_dir=cache))  # the cache exists
    edited = clean.replace("2–4 semanas".encode(), "2–4 semanas.".encode(), 1)  # a new version, clean too
    defect = clean.replace("2–4 semanas".encode(), "2–6 semanas".encode(), 1)
    assert edited != clean and defect != clean
    catalog.write_bytes(defect)  # what the job reads, after the run has hashed `edited`
    reads: list[str] = []
    original = results.read_file

    def first_read_sees_the_edit(path: str) -> bytes:
        reads.append(path)
        if path == str(catalog) and reads.count(path) == 1:
            return edited
        return original(path)

    monkeypatch.setattr(results, "read_file", first_read_sees_the_edit)
    racing = run_checks(Project(content_root), execution=Execution(cache_dir=cache, jobs=1))
    assert any(f.code == "E201" and f.file.endswith("endoscopic-neurotomy.po") for f in racing.findings)
    monkeypatch.undo()
    catalog.write_bytes(edited)  # the findings of `defect` must not come back for these bytes
    report = run_checks(Project(content_root), execution=Execution(cache_dir=cache))
    assert as_json(report) == as_json(run_checks(Project(content_root)))


def test_a_cold_run_reads_each_file_once(content_root, tmp_path, monkeypatch):
    from pipeline.checks import cache as results

    reads: list[str] = []
    original = results.read_file

    def counted(path: str) -> bytes:
        reads.append(path)
        return original(path)

    monkeypatch.setattr(results, "read_file", counted)
    run_checks(Project(content_root), execution=Execution(cache_dir=tmp_path / "cache", jobs=1))
    project = Project(content_root)
    expected = [str(project.procedures_dir / f"{pid}.yaml") for pid in project.procedure_ids()]
    expected += [str(content_root / project.catalog_file(info.posix, pid))
                 for info in project.locales for pid in project.procedure_ids()]
    assert sorted(reads) == sorted(expected)


def test_the_key_covers_every_file_that_decides_a_finding() -> None:
    """The Python modules, the compiled modules' C sources and the schemas: editing any of them
    must make every stored result stale."""
    package = Path(cache.__file__).resolve().parent.parent
    names = {path.relative_to(package).as_posix() for path in cache.code_files()}
    assert {"termbase/_words.c", "catalog/_live.c", "termbase/matching.py", "checks/rules/numbers.py",
            "schemas/procedure.schema.json"} <= names
    assert names >= {path.relative_to(package).as_posix() for path in package.rglob("*.py")}


def test_storing_results_does_not_wait_for_the_disk(tmp_path):
    """A cold run stores results while its workers go on; a commit that waited for the disk
    would hold them up. The cache is a shortcut whose rows are checked against their digests."""
    store = cache.ResultCache(tmp_path / "cache")
    store.put_many({"a" * 64: b"{}"})
    db = store._connect()
    assert db is not None and db.execute("PRAGMA synchronous").fetchone() == (0,)
    assert store.get_raw("a" * 64) == b"{}"
