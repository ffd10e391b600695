"""Nothing a user does loses work: output folders that are not ours, two commands at once,
leftovers of killed runs, symlinks, half-done init, and OS errors that name their file."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pipeline import fsutil, lock
from pipeline.catalog.po_reader import read_po

from .conftest import REPO

ES = "locales/es/LC_MESSAGES/endoscopic-discectomy.po"
VI_RHIZOTOMY = "locales/vi/LC_MESSAGES/endoscopic-rhizotomy.po"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".pipeline-cache" not in p.parts}


def pipeline_process(root: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    environ = {**os.environ, "PYTHONPATH": str(REPO), **env}
    return subprocess.Popen([sys.executable, "-m", "pipeline", "--root", str(root), *args], env=environ,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# --- 1. one guard for every command that replaces a folder ---------------------------------------

def _git(root: Path) -> None:
    (root / ".git").mkdir()
    (root / ".git/HEAD").write_text("ref: refs/heads/main\n")


def _elsewhere(name: str, content: str) -> Callable[[Path, Path], str]:
    def make(root: Path, tmp: Path) -> str:
        folder = tmp / name
        folder.mkdir()
        (folder / content).mkdir() if content.endswith("/") else (folder / content).write_text("x")
        return str(folder)
    return make


TARGETS: list[tuple[str, Callable[[Path, Path], str], str]] = [
    ("catalogs", lambda root, tmp: str(root / "locales"), "content"),
    ("sources", lambda root, tmp: str(root / "source"), "content"),
    ("one locale", lambda root, tmp: str(root / "locales/es"), "content"),
    ("content root", lambda root, tmp: str(root), "content root"),
    ("content root, relative", lambda root, tmp: str(root / "source/.."), "content root"),
    ("git repository", lambda root, tmp: (_git(root), str(root))[1], "content root"),
    ("ancestor", lambda root, tmp: str(root.parent), "content root"),
    ("another project", _elsewhere("other", "pipeline.yaml"), "pipeline.yaml"),
    ("another repository", _elsewhere("repo", ".git/"), ".git"),
    ("a folder with sources", _elsewhere("s", "source/"), "source"),
    ("a folder of someone else's files", _elsewhere("photos", "holiday.jpg"), "did not write"),
    ("a PWA folder with a manifest.json", _elsewhere("public", "manifest.json"), "did not write"),
    ("a file", lambda root, tmp: (tmp.joinpath("f.txt").write_text("x"), str(tmp / "f.txt"))[1], "file"),
]


@pytest.mark.parametrize("command", ["build", "report"])
@pytest.mark.parametrize("label, make, message", TARGETS, ids=[t[0] for t in TARGETS])
def test_out_that_is_not_ours_is_refused_and_nothing_is_touched(content_root: Path, run: Any, tmp_path: Path,
                                                                 command: str, label: str,
                                                                 make: Callable[[Path, Path], str],
                                                                 message: str) -> None:
    out = make(content_root, tmp_path)
    before = snapshot(tmp_path)
    result = run(command, "--out", out)
    assert result.exit_code == 2, result.output
    # one line of ours, or click's own usage error for a file where a folder is expected
    last = result.output.strip().splitlines()[-1]
    assert message in last and (result.output.startswith("Usage:") or "\n" not in result.output.strip())
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command, other", [("build", "report"), ("report", "build")])
def test_one_command_never_replaces_the_others_output(content_root: Path, run: Any, command: str,
                                                      other: str) -> None:
    out = content_root / "dist/out"
    assert run(other, "--out", str(out)).exit_code in (0, 1)
    before = snapshot(out)
    result = run(command, "--out", str(out))
    assert result.exit_code == 2 and "did not write" in result.output
    assert snapshot(out) == before


@pytest.mark.parametrize("command", ["build", "report"])
@pytest.mark.parametrize("prepare", ["missing", "empty", "earlier output"])
def test_new_empty_or_own_folders_are_accepted(content_root: Path, run: Any, tmp_path: Path, command: str,
                                               prepare: str) -> None:
    out = tmp_path / "out"
    if prepare == "empty":
        out.mkdir()
    if prepare == "earlier output":
        assert run(command, "--out", str(out)).exit_code == 0
    result = run(command, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / ("manifest.json" if command == "build" else "index.html")).is_file()


# --- 2. one writer at a time ---------------------------------------------------------------------

HOLD_THE_LOCK = """import sys, time
from pathlib import Path
from pipeline.lock import exclusive
with exclusive(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(30)
"""

WRITERS = [
    ("extract",),
    ("init", "fr"),
    ("update",),
    ("build",),
    ("report",),
    ("review", "approve", "--locale", "vi", "--reviewer", "vi-clinical-review"),
    ("review", "reject", "--locale", "es", "--reviewer", "es-clinical-review", "--entry", "endoscopic-discectomy:title",
     "--reason", "too long"),
    ("glossary", "import", "GLOSSARY"),
]


@pytest.mark.parametrize("args", WRITERS, ids=[" ".join(a[:2]) for a in WRITERS])
def test_a_writer_is_refused_while_another_command_holds_the_repository(content_root: Path, tmp_path: Path,
                                                                      args: tuple[str, ...]) -> None:
    glossary = tmp_path / "g.tbx"
    subprocess.run([sys.executable, "-m", "pipeline", "--root", str(content_root), "glossary", "export",
                    "--out", str(glossary)], check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    (content_root / "source/termbase.yaml").write_text("concepts: []\n")
    (content_root / "source/procedures/endoscopic-neurotomy.yaml").touch()
    before = snapshot(content_root)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_LOCK, str(content_root)],
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        argv = [str(glossary) if a == "GLOSSARY" else a for a in args]
        process = pipeline_process(content_root, *argv, PIPELINE_LOCK_WAIT="0.3")
        _, err = process.communicate(timeout=20)
    finally:
        holder.kill()
        holder.wait()
    assert process.returncode == 2, err
    assert f"another pipeline command is running in this repository (pid {holder.pid})" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert snapshot(content_root) == before


def _signoffs(root: Path) -> set[tuple[str, str, str]]:
    found = set()
    for path in sorted(root.glob("locales/*/LC_MESSAGES/*.po")):
        for entry in read_po(path):
            for line in entry.tcomment.splitlines():
                if line.startswith("signed-off: "):
                    found.add((path.relative_to(root).as_posix(), entry.msgctxt, line))
    return found


def change_every_summary(root: Path) -> None:
    """A source edit that makes `update` rewrite a catalog per locale and procedure."""
    for path in sorted((root / "source/procedures").glob("*.yaml")):
        text = path.read_text("utf-8")
        assert "\nsummary: " in text
        path.write_text(text.replace("\nsummary: ", "\nsummary: In short, ", 1), "utf-8")


@pytest.mark.parametrize("trial", range(3))
def test_approve_while_update_runs_loses_no_sign_off(content_root: Path, trial: int) -> None:
    change_every_summary(content_root)
    assert pipeline_process(content_root, "extract").wait() == 0
    before = _signoffs(content_root)
    update = pipeline_process(content_root, "update")
    approve = pipeline_process(content_root, "review", "approve", "--locale", "vi",
                               "--reviewer", "vi-clinical-review", "--procedure", "endoscopic-rhizotomy")
    approve_out, approve_err = approve.communicate(timeout=60)
    _, update_err = update.communicate(timeout=60)
    assert update.returncode == 0, update_err
    assert approve.returncode in (0, 1), approve_err
    approved = int(approve_out.strip().splitlines()[-1].split(" approved")[0])
    after = _signoffs(content_root)
    assert before <= after
    new = {s for s in after - before if s[0] == VI_RHIZOTOMY}
    assert approved > 0 and len(new) == approved


def test_two_builds_at_once_leave_one_whole_tree(content_root: Path) -> None:
    first = pipeline_process(content_root, "build")
    second = pipeline_process(content_root, "build")
    results = [(p.wait(timeout=60), p.communicate()[1]) for p in (first, second)]
    assert [code for code, _ in results] == [0, 0], results
    out = content_root / "dist/bundles"
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    listed = {path for loc in manifest["locales"] for p in loc["procedures"] for path in p["files"]}
    listed |= set(manifest.get("files", {}))  # files for the whole tree: the schemas, the app catalogs
    assert listed | {"manifest.json"} == set(snapshot(out))
    assert not list((content_root / "dist").glob(".bundles*"))


# --- 3. leftovers of a killed run --------------------------------------------------------------

def test_temp_files_of_a_killed_write_are_removed_by_the_next_writer(content_root: Path, run: Any) -> None:
    folder = content_root / "locales/es/LC_MESSAGES"
    (content_root / "locales/releases").mkdir(exist_ok=True)
    leftovers = [folder / ".endoscopic-discectomy.po.k3x_9a2q.tmp", content_root / "locales/.locales.yaml.abcd1234.tmp",
                 content_root / "locales/templates/.endoscopic-neurotomy.pot.zz99yy88.tmp",
                 content_root / "locales/releases/.vi.json.nupkl3o2.tmp",  # a release record (build)
                 content_root / "source/.termbase.yaml.q1w2e3r4.tmp",
                 content_root / "locales/es/memory/.vendor.tmx.p0o9i8u7.tmp"]  # a kept memory (tm import)
    (content_root / "locales/es/memory").mkdir()
    kept = [folder / ".notes.txt", folder / "draft.tmp"]
    for path in leftovers + kept:
        path.write_text("half a catalog")
    assert run("update").exit_code == 0
    assert [p for p in leftovers if p.exists()] == []
    assert all(p.exists() for p in kept)


@pytest.mark.parametrize("command, name", [("build", "bundles"), ("report", "report")])
@pytest.mark.parametrize("linked", [False, True])
def test_staging_folders_of_a_killed_build_are_removed(content_root: Path, run: Any, tmp_path: Path,
                                                       command: str, name: str, linked: bool) -> None:
    dist = content_root / "dist"
    dist.mkdir()
    if linked:
        real = tmp_path / "published"
        real.mkdir()
        (dist / name).symlink_to(real)
        (dist / f".{name}.new-abc123").symlink_to(tmp_path)  # what an interrupted swap of a link left
        (real.parent / ".published.new-xyz789").mkdir()
    (dist / f".{name}.new-q1w2e3").mkdir()
    (dist / f".{name}.new-q1w2e3/half.json").write_text("{")
    assert run(command).exit_code == 0
    assert sorted(p.name for p in dist.iterdir()) == [name]
    assert tmp_path.is_dir()  # a leftover link is removed, never what it points to
    if linked:
        assert not list(tmp_path.glob(".published.*"))


# --- 4. symlinks -------------------------------------------------------------------------------

def test_a_symlinked_catalog_is_written_through_to_its_target(content_root: Path, run: Any,
                                                              tmp_path: Path) -> None:
    target = tmp_path / "shared/vi-rhizotomy.po"
    target.parent.mkdir()
    catalog = content_root / VI_RHIZOTOMY
    target.write_bytes(catalog.read_bytes())
    catalog.unlink()
    catalog.symlink_to(target)
    result = run("review", "approve", "--locale", "vi", "--reviewer", "vi-clinical-review",
                 "--procedure", "endoscopic-rhizotomy")
    assert result.exit_code in (0, 1), result.output
    assert catalog.is_symlink() and catalog.resolve() == target
    assert "signed-off: vi-clinical-review" in target.read_text("utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["vi-rhizotomy.po"]


def test_a_symlinked_template_stays_a_link(content_root: Path, run: Any, tmp_path: Path) -> None:
    template = content_root / "locales/templates/endoscopic-neurotomy.pot"
    target = tmp_path / "neurotomy.pot"
    target.write_text("")
    template.unlink()
    template.symlink_to(target)
    assert run("extract").exit_code == 0
    assert template.is_symlink() and "msgctxt" in target.read_text("utf-8")


@pytest.mark.parametrize("command, name", [("build", "bundles"), ("report", "report")])
def test_a_symlinked_output_folder_is_refreshed_through_the_link(content_root: Path, run: Any, tmp_path: Path,
                                                                 command: str, name: str) -> None:
    real = tmp_path / "www"
    real.mkdir()
    (content_root / "dist").mkdir()
    link = content_root / "dist" / name
    link.symlink_to(real)
    for _ in range(2):
        result = run(command)
        assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real
    assert (real / ("manifest.json" if command == "build" else "index.html")).is_file()
    assert sorted(p.name for p in (content_root / "dist").iterdir()) == [name]
    assert not list(tmp_path.glob(".www*"))


# --- 5. init validates everything before it writes -----------------------------------------------

def test_init_against_a_broken_template_registers_nothing(content_root: Path, run: Any) -> None:
    template = content_root / "locales/templates/endoscopic-rhizotomy.pot"
    template.write_text(template.read_text("utf-8") + '\nmsgid "unterminated\n', "utf-8")
    before = snapshot(content_root)
    result = run("init", "fr", "de")
    assert result.exit_code == 2 and "endoscopic-rhizotomy.pot:" in result.output
    assert snapshot(content_root) == before


# --- 6. OS errors name the file and what to do -----------------------------------------------------

def _full_disk(*_: Any, **__: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("args, sabotage, message", [
    (("review", "approve", "--locale", "vi", "--reviewer", "vi-clinical-review"), "full disk",
     f"{VI_RHIZOTOMY}: No space left on device: free some disk space"),
    (("extract",), "full disk, new source", "locales/templates/endoscopic-discectomy.pot: No space left on device"),
    (("build",), "full disk", "dist/bundles"),
    (("review", "approve", "--locale", "vi", "--reviewer", "vi-clinical-review"), "folder",
     f"{VI_RHIZOTOMY}: Is a directory: a folder is where a file should be"),
])
def test_os_errors_name_the_file_and_what_to_do(content_root: Path, run: Any, monkeypatch: pytest.MonkeyPatch,
                                                args: tuple[str, ...], sabotage: str, message: str) -> None:
    if sabotage.startswith("full disk"):
        if sabotage.endswith("new source"):
            change_every_summary(content_root)
        monkeypatch.setattr(os, "fsync", _full_disk)
    else:
        run("update")  # the catalog changes: approve will want to write it
        target = content_root / VI_RHIZOTOMY
        real_replace = os.replace

        def replace_into_folder(src: Any, dst: Any) -> None:
            if Path(dst) == target:
                target.unlink()
                target.mkdir()
            real_replace(src, dst)
        monkeypatch.setattr(os, "replace", replace_into_folder)
    result = run(*args)
    assert result.exit_code == 2, result.output
    line = result.output.strip()
    assert "\n" not in line and message in line, line
    assert ".tmp" not in line and ".new-" not in line
    assert not [p for p in content_root.rglob("*.tmp")]


@pytest.mark.parametrize("args", [
    ("glossary", "export", "--format", "tbx", "--out"),
    ("tm", "export", "--locale", "es", "--out"),
    ("check", "--format", "json", "--output"),
    ("review", "export", "--locale", "es", "--out"),
])
def test_a_file_output_that_is_not_a_regular_file_is_refused(content_root: Path, tmp_path: Path,
                                                             args: tuple[str, ...]) -> None:
    """A pipe (or a device, such as /dev/zero) named as the output is neither read to compare it
    nor replaced by a regular file: the command stops with one line."""
    fifo = tmp_path / ("sheet.csv" if args[0] == "review" else "out")
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "pipeline", "--root", str(content_root), *args, str(fifo)],
                            capture_output=True, text=True, timeout=20, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 2, result.stderr
    line = result.stderr.strip()
    assert "\n" not in line and str(fifo) in line and "not a regular file" in line, line
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("args", [("glossary", "import"), ("tm", "import", "--locale", "es"),
                                  ("review", "import", "--reviewer", "es-clinical-review")])
def test_an_input_without_end_is_refused(content_root: Path, args: tuple[str, ...]) -> None:
    """/dev/zero named as the file to import is read up to a bound, not until memory runs out."""
    result = _bounded(content_root, *args[:2], "/dev/zero", *args[2:])
    assert result.returncode == 2, result.stderr[-2000:]
    line = result.stderr.strip()
    assert "\n" not in line and "/dev/zero" in line and "larger than" in line, line


@pytest.mark.parametrize("rel", ["pipeline.yaml", "locales/locales.yaml", "source/termbase.yaml", "source/negation.yaml",
                                 "source/procedures/endoscopic-neurotomy.yaml",
                                 "locales/es/LC_MESSAGES/endoscopic-neurotomy.po"])
def test_a_content_file_without_end_is_refused(content_root: Path, rel: str) -> None:
    """A content file linked to /dev/zero stops `check` with one line naming it."""
    _assert_refused(content_root, rel, "check")


@pytest.mark.parametrize("command, rel", [
    ("extract", "locales/templates/endoscopic-neurotomy.pot"),   # compared with the new template
    ("build", "source/notes.yaml"),                              # a file of source/ the build digests
    ("build", "locales/releases/es.json"),                       # the release record
])
def test_a_file_a_command_reads_without_end_is_refused(content_root: Path, command: str, rel: str) -> None:
    _assert_refused(content_root, rel, command)


@pytest.mark.parametrize("command", ["build", "report"])
def test_a_bundle_manifest_without_end_is_no_manifest(content_root: Path, command: str) -> None:
    """dist/bundles/manifest.json linked to /dev/zero: build refuses the folder as not its own,
    report reads no shipped state; neither reads the link to its end."""
    result = _run_bounded(content_root, "dist/bundles/manifest.json", command)
    assert result.returncode in (0, 1, 2) and "Traceback" not in result.stderr, result.stderr[-2000:]
    if command == "build":
        assert "did not write" in result.stderr


def _run_bounded(content_root: Path, rel: str, command: str) -> subprocess.CompletedProcess[str]:
    """``command`` with ``rel`` linked to /dev/zero."""
    (content_root / rel).parent.mkdir(parents=True, exist_ok=True)
    (content_root / rel).unlink(missing_ok=True)
    (content_root / rel).symlink_to("/dev/zero")
    return _bounded(content_root, command)


def _bounded(content_root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A command run with 2 GiB of address space, so that reading without end cannot take the
    machine's memory."""
    import resource

    def bounded() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run([sys.executable, "-m", "pipeline", "--root", str(content_root), *args],
                          capture_output=True, text=True, timeout=60, preexec_fn=bounded,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def _assert_refused(content_root: Path, rel: str, command: str) -> None:
    result = _run_bounded(content_root, rel, command)
    assert result.returncode == 2, result.stderr[-2000:]
    line = result.stderr.strip()
    assert "\n" not in line and rel in line, line


def test_an_input_larger_than_the_bound_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fsutil, "INPUT_LIMIT", 1000)
    (tmp_path / "small").write_bytes(b"x" * 1000)
    (tmp_path / "large").write_bytes(b"x" * 1001)
    assert fsutil.read_input(tmp_path / "small", "small") == b"x" * 1000
    with pytest.raises(fsutil.InputError, match="large: larger than"):
        fsutil.read_input(tmp_path / "large", "large")


def test_tbx_content_error_names_the_tbx_and_its_line(content_root: Path, run: Any, tmp_path: Path) -> None:
    tbx = tmp_path / "incoming.tbx"
    tbx.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic">\n<text><body>\n'
                   '<termEntry id="ok-concept"><descrip type="definition">A joint.</descrip><descrip type="subjectField">anatomy</descrip>\n<langSet xml:lang="en"><tig><term>knee</term></tig></langSet>\n'
                   '</termEntry>\n<termEntry id="bad-concept"><descrip type="definition">A stem.</descrip><descrip type="subjectField">anatomy</descrip>\n<langSet xml:lang="en">\n'
                   '<tig><term>stem</term><note>pipeline:match=prefix</note></tig>\n'
                   '</langSet>\n</termEntry>\n</body></text></martif>\n', "utf-8")
    before = (content_root / "source/termbase.yaml").read_bytes()
    result = run("glossary", "import", str(tbx))
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {tbx}:9:"), result.output
    assert "bad-concept" in result.output and "termbase.yaml" not in result.output
    assert (content_root / "source/termbase.yaml").read_bytes() == before


def test_lock_is_reentrant_within_one_process(tmp_path: Path) -> None:
    with lock.exclusive(tmp_path), lock.exclusive(tmp_path):
        fsutil.write_atomic(tmp_path / "x", b"1")
    with lock.exclusive(tmp_path):
        pass


def _special(kind: str, path: Path) -> None:
    """Put a file of ``kind`` where a content file belongs."""
    import contextlib
    import socket

    path.unlink(missing_ok=True)
    if kind == "pipe":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path.symlink_to("/dev/null")
    else:
        server = socket.socket(socket.AF_UNIX)
        with contextlib.chdir(path.parent):  # a socket's path is short: bind it by its name
            server.bind(path.name)
        server.close()


NEUROTOMY_ES = "locales/es/LC_MESSAGES/endoscopic-neurotomy.po"
NEUROTOMY_POT = "locales/templates/endoscopic-neurotomy.pot"
NEUROTOMY_SOURCE = "source/procedures/endoscopic-neurotomy.yaml"
SPECIAL_FILES = [
    # (command, the content file that is not a regular file, what it is)
    (("check",), NEUROTOMY_ES, "pipe"),
    (("check",), NEUROTOMY_ES, "folder"),
    (("check",), NEUROTOMY_ES, "socket"),
    (("status",), NEUROTOMY_ES, "pipe"),
    (("status",), NEUROTOMY_ES, "device"),
    (("update",), NEUROTOMY_ES, "pipe"),
    (("update", "--check"), NEUROTOMY_ES, "folder"),
    (("update",), NEUROTOMY_POT, "pipe"),
    (("build", "--check"), NEUROTOMY_ES, "pipe"),
    (("build",), NEUROTOMY_ES, "folder"),
    (("review", "pending", "--locale", "es"), NEUROTOMY_ES, "pipe"),
    (("review", "export", "--locale", "es", "--out", "sheet.csv"), NEUROTOMY_ES, "pipe"),
    (("release", "plan"), NEUROTOMY_ES, "socket"),
    (("report",), NEUROTOMY_ES, "pipe"),
    (("tm", "export", "--locale", "es"), NEUROTOMY_ES, "pipe"),
    (("check",), NEUROTOMY_SOURCE, "pipe"),
    (("extract", "--check"), NEUROTOMY_SOURCE, "pipe"),
    (("status",), NEUROTOMY_SOURCE, "folder"),
    (("check",), "source/termbase.yaml", "pipe"),
    (("glossary", "export"), "source/termbase.yaml", "pipe"),
    (("update",), "source/termbase.yaml", "device"),
    (("check",), "source/negation.yaml", "pipe"),
]


@pytest.mark.parametrize("args, rel, kind", SPECIAL_FILES, ids=[f"{' '.join(a[:2])}-{r}-{k}" for a, r, k in SPECIAL_FILES])
def test_a_content_file_that_is_not_a_regular_file_is_refused(content_root: Path, tmp_path: Path,
                                                               args: tuple[str, ...], rel: str, kind: str) -> None:
    """A pipe, a socket, a device or a folder named like a catalog, a template, a procedure or the
    termbase stops the command at once with one line naming it (a pipe would be waited on for
    ever), and is left as it is."""
    _special(kind, content_root / rel)
    result = subprocess.run([sys.executable, "-m", "pipeline", "--root", str(content_root), *args],
                            capture_output=True, text=True, timeout=30, cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 2, result.stderr[-2000:]
    line = result.stderr.strip()
    assert "\n" not in line and f"{rel}: not a regular file" in line, line
    assert (content_root / rel).is_dir() if kind == "folder" else (content_root / rel).exists() or kind == "socket"
