"""The command line: help for every command, and clean errors (one line, exit 2) for bad input."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pipeline.cli import main

COMMANDS = ["extract", "init", "update", "status", "check", "glossary", "glossary export", "glossary import",
            "review", "review pending", "review approve", "review reject", "review export", "review import",
            "report"]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help(command):
    args = [*command.split(), "--help"] if command else ["--help"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert "Usage:" in result.output


def one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


ERRORS = [
    # args, fragment of the one-line message
    (["init", "../etc"], "not a locale code"),
    (["init", "xx"], "unknown locale"),
    (["init", "tl"], "alias"),
    (["status", "--locale", "fr"], "not in locales/locales.yaml"),
    (["status", "--procedure", "nope"], "unknown procedure 'nope'"),
    (["check", "--procedure", "endoscopic-discetomy"], "did you mean 'endoscopic-discectomy'?"),
    (["review", "pending", "--procedure", "microdiscectomy-rehab"], "did you mean 'microdiscectomy-rehabilitation'?"),
    (["update", "--locale", "en_US.UTF-8"], "not a locale code"),
]


@pytest.mark.parametrize("args,message", ERRORS, ids=[" ".join(e[0]) for e in ERRORS])
def test_error_paths(run, args, message):
    assert message in one_line_error(run(*args))


def test_usage_error_exits_2_without_traceback(run):
    result = run("status", "--format", "xml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output and "Traceback" not in result.output


def test_missing_root_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(main, ["--root", str(tmp_path / "nowhere"), "status"])
    assert "not a directory" in one_line_error(result)


def test_missing_config_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(main, ["--root", str(tmp_path), "extract"])
    assert "pipeline.yaml: file not found" in one_line_error(result)


def test_unknown_config_key_is_refused_with_its_line(content_root, run):
    config = content_root / "pipeline.yaml"
    config.write_text(config.read_text() + "colour: blue\n")
    line = one_line_error(run("extract"))
    assert line.startswith("error: pipeline.yaml:")
    assert "unknown field 'colour'" in line


def test_malformed_source_names_file_line_and_nothing_is_written(content_root, run):
    source = content_root / "source/procedures/endoscopic-neurotomy.yaml"
    source.write_text(source.read_text().replace("sections:", "sections: !!python/object:os.system\n", 1))
    before = {p: p.read_bytes() for p in (content_root / "locales").rglob("*.po*")}
    line = one_line_error(run("extract"))
    assert "source/procedures/endoscopic-neurotomy.yaml:" in line and "tag" in line
    assert {p: p.read_bytes() for p in (content_root / "locales").rglob("*.po*")} == before


def test_malformed_catalog_names_file_and_line(content_root, run):
    catalog = content_root / "locales/es/LC_MESSAGES/endoscopic-neurotomy.po"
    catalog.write_text(catalog.read_text() + '\nmsgid "broken\n')
    line = one_line_error(run("status"))
    assert "locales/es/LC_MESSAGES/endoscopic-neurotomy.po:" in line
    assert "unterminated string" in line


def test_status_json(run):
    import json

    result = run("status", "--format", "json", "--locale", "es")
    assert result.exit_code == 0
    rows = json.loads(result.output)["catalogs"]
    assert {r["procedure"] for r in rows} == {"endoscopic-discectomy", "endoscopic-neurotomy",
                                              "endoscopic-rhizotomy", "microdiscectomy-rehabilitation"}
    for row in rows:
        strings = row["strings"]
        assert strings["translated"] + strings["fuzzy"] + strings["untranslated"] == strings["total"]
        assert row["words"]["total"] > strings["total"]


@pytest.mark.parametrize("locale", ["es", "ar", "zh_Hans"])
def test_status_says_which_catalogs_await_update_after_extract(content_root, run, locale):
    """A changed source sentence, extracted but not merged: the locale's catalog of that procedure
    is marked in the table and in JSON, and one line says what to run."""
    source = content_root / "source/procedures/endoscopic-neurotomy.yaml"
    source.write_text(source.read_text().replace("long-term back pain.", "long-lasting back pain.", 1))
    assert run("extract").exit_code == 0
    result = run("status", "--locale", locale)
    assert result.exit_code == 0
    rows = [line for line in result.output.splitlines() if line.startswith(locale + " ")]
    assert [("endoscopic-neurotomy" in line) for line in rows if "stale" in line] == [True]
    assert ("1 catalog is behind its template (`pipeline extract` changed it since the last `pipeline update`): "
            "run `pipeline update`") in result.output
    import json

    catalogs = json.loads(run("status", "--locale", locale, "--format", "json").output)["catalogs"]
    assert {r["procedure"] for r in catalogs if r["stale"]} == {"endoscopic-neurotomy"}
    assert run("update").exit_code == 0
    assert "stale" not in run("status", "--locale", locale).output


def test_init_never_overwrites_a_catalog(content_root, run):
    catalog = content_root / "locales/es/LC_MESSAGES/endoscopic-discectomy.po"
    before = catalog.read_bytes()
    result = run("init", "es")
    assert result.exit_code == 0
    assert "kept: locales/es/LC_MESSAGES/endoscopic-discectomy.po" in result.output
    assert catalog.read_bytes() == before


def test_init_new_locale_pins_cldr_facts(content_root, run):
    result = run("init", "pt-BR")
    assert result.exit_code == 0, result.output
    registry = (content_root / "locales/locales.yaml").read_text()
    assert "pt_BR:" in registry and "bcp47: pt-BR" in registry
    po = (content_root / "locales/pt_BR/LC_MESSAGES/endoscopic-rhizotomy.po").read_text()
    assert '"Language: pt_BR\\n"' in po and "Plural-Forms: nplurals=2; plural=(n > 1);" in po


def stderr_on_a_terminal(root, *args, env_extra=None):
    """Run the real `pipeline` with its stderr on a pseudo-terminal; return what it drew there."""
    import os
    import pty
    import subprocess
    import sys
    from pathlib import Path

    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    env.update(env_extra or {})
    pipeline = Path(sys.executable).parent / "pipeline"
    subprocess.run([str(pipeline), "--root", str(root), *args], stdout=subprocess.DEVNULL, stderr=slave,
                   env=env, check=False)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the terminal's other side is closed and drained
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


PROGRESS = [
    # arguments, environment, progress line expected on the terminal
    (("check", "--no-cache"), {}, True),
    (("update",), {}, True),
    (("--quiet", "check", "--no-cache"), {}, False),
    (("check", "--no-cache"), {"CI": "true"}, False),
]


@pytest.mark.parametrize("args,env,shown", PROGRESS)
def test_progress_only_on_a_terminal(content_root, args, env, shown):
    drawn = stderr_on_a_terminal(content_root, *args, env_extra=env)
    assert (("checking 1/" in drawn or "updating 1/" in drawn) and "\033[K" in drawn) is shown, drawn[:200]


def test_no_progress_into_a_pipe(run):
    result = run("check", "--no-cache")
    assert "\033[K" not in result.output


@pytest.mark.parametrize("args", [("check", "--no-cache"), ("check", "--no-cache", "--format", "json"),
                                  ("status",)], ids=["check-text", "check-json", "status"])
def test_a_reader_that_goes_away_ends_the_command_quietly(content_root, args):
    """`pipeline check | head`: no traceback and no error line when the pipe closes."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "--root", str(content_root), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # before the command has started: its first write meets a closed pipe
    stderr = proc.stderr.read()
    proc.wait()
    assert stderr == b"" and proc.returncode == 1


def test_a_command_leaves_its_objects_to_the_process_end(content_root):
    """At exit the interpreter's last collection would walk every object still alive (a large run
    holds millions) only to free them with the process: the command freezes them first. A handler
    registered before the CLI is imported runs after the CLI's own, and sees them frozen."""
    import subprocess
    import sys

    code = ("import atexit, gc, sys\n"
            "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))\n"
            "from pipeline.cli import main\n"
            f"sys.argv = ['pipeline', '--root', {str(content_root)!r}, 'status']\n"
            "main()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.rstrip().endswith("frozen True")


def test_a_command_collects_cycles_less_often_than_the_default():
    """What a command builds it keeps to its end: a young collection every 700 allocations (the
    interpreter's default) would mostly walk it again."""
    import subprocess
    import sys

    code = "import gc, pipeline.cli; print(gc.get_threshold()[0])"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) >= 10_000


# A locale or procedure named twice, or in two spellings of the same locale, is selected once.
REPEATED = [
    (("check", "--format", "json", "--no-cache"), ("--locale", "es"), ("--locale", "es", "--locale", "ES")),
    (("check", "--format", "json", "--no-cache"), ("--locale", "zh_Hans"), ("--locale", "zh-Hans", "--locale", "zh_Hans")),
    (("check", "--format", "json", "--no-cache", "--locale", "es"), ("--procedure", "endoscopic-neurotomy"),
     ("--procedure", "endoscopic-neurotomy", "--procedure", "endoscopic-neurotomy")),
    (("status", "--format", "json"), ("--locale", "vi"), ("--locale", "vi", "--locale", "vi")),
    (("status", "--format", "json"), ("--procedure", "endoscopic-rhizotomy"),
     ("--procedure", "endoscopic-rhizotomy", "--procedure", "endoscopic-rhizotomy")),
    (("review", "pending", "--format", "json", "--locale", "vi"), ("--procedure", "endoscopic-rhizotomy"),
     ("--procedure", "endoscopic-rhizotomy", "--procedure", "endoscopic-rhizotomy")),
    (("review", "pending", "--format", "json"), ("--locale", "vi"), ("--locale", "vi", "--locale", "VI")),
]


@pytest.mark.parametrize("command,once,twice", REPEATED, ids=[" ".join(r[0][:1] + r[2]) for r in REPEATED])
def test_a_selection_named_twice_counts_once(run, command, once, twice):
    expected = run(*command, *once)
    assert expected.exit_code in (0, 1)
    assert run(*command, *twice).output == expected.output
