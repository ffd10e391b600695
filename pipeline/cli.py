"""The `pipeline` command: parses arguments, calls the core, formats results. Nothing more."""

from __future__ import annotations

import atexit
import gc
import os
import sys
from collections.abc import Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import GC_THRESHOLDS, __version__  # `workflow` is imported by the commands that use it: `check` starts faster
from .exit_codes import ExitCode, exit_code_for
from .fsutil import describe_os_error

if TYPE_CHECKING:  # the commands import what they use: `pipeline --help` starts faster
    from .catalog.commands import FileOutcome
    from .release.policy import ProcedureRelease
    from .review.commands import Decision
from .jsonout import dumps
from .project import Project
from .wording import count

gc.set_threshold(*GC_THRESHOLDS)  # a command keeps what it builds to its end (see GC_THRESHOLDS)

# When a command ends, the interpreter's last garbage collection would walk every object still
# alive (a large check holds millions: the termbase, its memos, the findings) only for the process
# to free them: they are frozen first, out of its reach. Files are closed and the cache committed
# before then, so nothing waits on that collection.
atexit.register(gc.freeze)


class _Group(click.Group):
    """Turns the core's exceptions into exit codes (exit_codes.FOR_EXCEPTION): bad input is one
    line on stderr and code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("interrupted: every file is whole, as before or as written; run the command again",
                       err=True)
            ctx.exit(ExitCode.INTERRUPTED)
        except Exception as exc:
            code = exit_code_for(exc)
            if code is None:
                raise
            if isinstance(exc, BrokenPipeError):
                # The reader went away (`pipeline check | head`): stop quietly, as other tools do,
                # with standard output pointed at /dev/null so that the exit's flush cannot fail.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            else:
                click.echo(f"error: {_describe(exc)}", err=True)
            ctx.exit(code)


def _describe(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    return str(exc)


def find_root(start: Path) -> Path:
    """The nearest folder from ``start`` up that holds pipeline.yaml; ``start`` itself when none does
    (the command then says pipeline.yaml is missing there)."""
    for folder in (start, *start.parents):
        if (folder / "pipeline.yaml").is_file():
            return folder
    return start


def _set_root(ctx: click.Context, _: click.Parameter, value: Path | None) -> None:
    if value is not None:
        state = ctx.find_object(_State)
        if state is not None:
            state.root = value


def _root_after_command(command: click.Command) -> None:
    """Give a command (and a group's commands) a --root of its own: `pipeline status --root X`."""
    command.params.append(click.Option(["--root"], type=click.Path(file_okay=False, path_type=Path),
                                       expose_value=False, is_eager=True, callback=_set_root,
                                       help="The content root (as `pipeline --root`)."))
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _root_after_command(sub)


def colour_wanted(choice: str, tty: bool, env: Mapping[str, str]) -> bool:
    """--color always/never decide; auto colours a terminal unless NO_COLOR is set (no-color.org)
    or TERM=dumb."""
    if choice != "auto":
        return choice == "always"
    return tty and not env.get("NO_COLOR") and env.get("TERM") != "dumb"


class _State:
    def __init__(self, root: Path, quiet: bool, command: str | None = None, colour: str = "auto") -> None:
        self.root = root
        self.quiet = quiet
        self.colour = colour
        self.command = command
        self._project: Project | None = None
        self._drawn = 0.0

    @property
    def project(self) -> Project:
        if self._project is None:  # `init` registers locales that pipeline.yaml may already name
            self._project = Project(self.root, check_references=self.command != "init")
        return self._project

    @cached_property  # asked at every step of a run: a terminal stays one
    def interactive(self) -> bool:
        """Progress goes to a terminal only: never with --quiet, in CI, or into a pipe or file."""
        return (not self.quiet and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"
                and sys.stderr.isatty())

    def progress(self, label: str) -> None:
        """One status line, redrawn at most ten times a second (a large run has 10,000s of steps)."""
        import time

        now = time.monotonic()
        if now - self._drawn >= 0.1 and self.interactive:
            self._drawn = now
            click.echo(f"\r\033[K{label}", err=True, nl=False)

    def end_progress(self) -> None:
        if self.interactive:
            click.echo("\r\033[K", err=True, nl=False)


pass_state = click.make_pass_decorator(_State)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None, envvar="PIPELINE_ROOT",
              help="The content root (holds pipeline.yaml, source/ and locales/); also accepted after the command "
                   "name. Default: the nearest folder holding pipeline.yaml, from here up, as git finds .git.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and results (check: only the summary line).")
@click.option("--color", "colour", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the check report; auto: on a terminal, unless NO_COLOR is set or TERM=dumb.")
@click.version_option(__version__, prog_name="pipeline")
@click.pass_context
def main(ctx: click.Context, root: Path | None, quiet: bool, colour: str) -> None:
    """Translation pipeline for patient-education content.

    Exit codes: 0 success, 1 stale files (--check) or blocking findings, 2 bad input or usage,
    130 interrupted (Ctrl-C; every file is whole).
    """
    ctx.obj = _State(root if root is not None else find_root(Path.cwd()), quiet, ctx.invoked_subcommand, colour)


def _report_stale(stale: Sequence[FileOutcome], command: str) -> None:
    """Each stale file, and what differs (the start of a unified diff from disk to expected)."""
    for outcome in stale:
        click.echo(f"{outcome.path}: stale: run `pipeline {command}`")
        for line in outcome.diff.splitlines():
            click.echo(f"  {line}")
    if stale:
        sys.exit(ExitCode.FAILED)


@main.command()
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when templates on disk are stale.")
@pass_state
def extract(state: _State, check: bool) -> None:
    """Write one gettext template per procedure to locales/templates/."""
    from .catalog import commands as workflow

    report = workflow.extract(state.project, check=check)
    if check:
        _report_stale([f for f in report.files if f.state == "stale"], "extract")
        click.echo(f"{count(len(report.files), 'template')} up to date")
        return
    for outcome in report.files:
        if outcome.state != "unchanged" and not state.quiet:
            click.echo(f"{outcome.state}: {outcome.path}")
    click.echo(f"{count(len(report.files), 'template')} ({report.count('written') + report.count('created')} written)")


@main.command()
@click.argument("locales", nargs=-1, required=True)
@pass_state
def init(state: _State, locales: tuple[str, ...]) -> None:
    """Add LOCALES (es, es-MX, zh_Hans...) to the registry and create their catalogs.

    Existing catalogs are never overwritten.
    """
    from .catalog import commands as workflow

    for report in workflow.init(state.project, locales):
        info = report.locale
        verb = "registered" if report.registered else "already registered"
        click.echo(f"{info.posix} ({info.bcp47}, {info.english_name}, {info.direction}): {verb}")
        for outcome in report.files:
            click.echo(f"  {outcome.state}: {outcome.path}")
        for need in workflow.still_needed(state.project, info.posix):
            click.echo(f"  to publish {info.posix}, still needed: {need}")
        for need in workflow.unchecked(state.project, info.posix):
            click.echo(f"  to check {info.posix}, still needed: {need}")


@main.command()
@click.option("--locale", "locales", multiple=True, help="Only this locale (repeatable).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when catalogs on disk are stale.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None, help="Worker processes (default: all cores).")
@click.option("--suggest", is_flag=True,
              help="Offer memory matches again on every untranslated entry, not only on entries this update "
                   "creates or changes (after `tm import` or a round of sign-offs).")
@pass_state
def update(state: _State, locales: tuple[str, ...], check: bool, jobs: int | None, suggest: bool) -> None:
    """Merge the templates into every catalog; no translation is ever lost.

    An untranslated entry is pre-filled (fuzzy) from an identical signed-off translation of the
    locale whenever there is one; near matches are offered on entries this update creates or
    changes, and with --suggest on every untranslated entry.
    """
    from .catalog import commands as workflow

    report = workflow.update(state.project, locales, check=check, on_progress=state.progress, jobs=jobs,
                             suggest=suggest)
    state.end_progress()
    if check:
        _report_stale([o.file for o in report.outcomes if o.file.state == "stale"], "update")
        click.echo(f"{count(len(report.outcomes), 'catalog')} up to date")
        return
    changed = 0
    for outcome in report.outcomes:
        s = outcome.summary
        if outcome.file.state != "unchanged":
            changed += 1
            if not state.quiet:
                click.echo(f"{outcome.file.state}: {outcome.file.path} (new {len(s.new)}, "
                           f"fuzzy {len(s.fuzzied)}, obsolete {len(s.obsoleted)})")
    click.echo(f"{count(len(report.outcomes), 'catalog')} ({changed} written)")


def _pct(value: float) -> str:
    return f"{value:5.1f}%"


@main.command()
@click.option("--orphans", is_flag=True, required=True,
              help="Templates, catalogs and locale folders nothing reads (what `check` reports as W318).")
@click.option("--apply", "apply_", is_flag=True, help="Remove them; without it, only list what would go.")
@pass_state
def clean(state: _State, orphans: bool, apply_: bool) -> None:
    """List, or with --apply remove, the files the pipeline no longer reads.

    Source files (a procedure saved as .yml) are listed but never removed: rename them.
    """
    from .catalog import orphans as strays

    found = strays.clean(state.project, apply_)
    removable = [s for s in found if s.removable]
    for stray in found:
        verb = ("removed" if apply_ else "would remove") if stray.removable else "left for you"
        click.echo(f"{verb}: {stray.path}: {stray.problem}")
    done = "removed" if apply_ else "to remove (run with --apply)"
    click.echo(f"{count(len(removable), 'file or folder', 'files or folders')} {done}")


@main.command()
@click.option("--locale", "locales", multiple=True, help="Only this locale (repeatable).")
@click.option("--procedure", "procedures", multiple=True, help="Only this procedure (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_state
def status(state: _State, locales: tuple[str, ...], procedures: tuple[str, ...], fmt: str) -> None:
    """Translated, fuzzy and untranslated counts per locale and procedure, in strings and words; a
    catalog whose template `pipeline extract` changed since the last `pipeline update` is marked stale."""
    from .catalog import commands as workflow

    rows = workflow.status(state.project, locales, procedures)
    if fmt == "json":
        click.echo(dumps({"catalogs": [{
            "locale": r.locale, "procedure": r.procedure,
            "strings": {"total": r.progress.total, "translated": r.progress.translated,
                        "fuzzy": r.progress.fuzzy, "untranslated": r.progress.untranslated,
                        "percent": r.progress.percent},
            "words": {"total": r.progress.total_words, "translated": r.progress.translated_words,
                      "fuzzy": r.progress.fuzzy_words, "untranslated": r.progress.untranslated_words,
                      "percent": r.progress.percent_words},
            "review": {"signed_off": r.reviewed, "needs_rereview": r.needs_rereview,
                       "percent": r.reviewed_percent, "sample_signed_off": r.sample,
                       "kind": "sample" if r.sample else ("clinical" if r.reviewed else "none")},
            "stale": r.stale,
        } for r in rows]}), nl=False)
        return
    width = max([len(r.procedure) for r in rows] + [9])
    click.echo(f"{'locale':<8} {'procedure':<{width}} {'translated':>10} {'fuzzy':>5} "
               f"{'untransl.':>9} {'strings':>7} {'words':>11} {'words':>7} {'reviewed':>8} {'re-review':>9}")
    for r in rows:
        p = r.progress
        click.echo(f"{r.locale:<8} {r.procedure:<{width}} {p.translated:>10} {p.fuzzy:>5} "
                   f"{p.untranslated:>9} {_pct(p.percent):>7} "
                   f"{p.translated_words:>5}/{p.total_words:<5} {_pct(p.percent_words):>7} "
                   f"{_pct(r.reviewed_percent):>8} {r.needs_rereview:>9}" + ("  sample sign-off" if r.sample else "")
                   + ("  stale" if r.stale else ""))
    if any(r.sample for r in rows):
        click.echo("sample sign-off: signed off by reviewers marked `sample: true` in pipeline.yaml; "
                   "no qualified clinical reviewer has read them")
    stale = sum(1 for r in rows if r.stale)
    if stale:
        click.echo(_behind_templates(stale))


def _behind_templates(n: int) -> str:
    """What status says of catalogs marked stale: their counts are of strings the source no longer has."""
    one = n == 1
    return (f"{count(n, 'catalog is', 'catalogs are')} behind {'its template' if one else 'their templates'} "
            f"(`pipeline extract` changed {'it' if one else 'them'} since the last `pipeline update`): "
            "run `pipeline update`")


@main.group()
def glossary() -> None:
    """Exchange the termbase with CAT tools: TBX-Basic (Trados, memoQ, Weblate) and Weblate CSV."""


@glossary.command("export")
@click.option("--format", "fmt", type=click.Choice(["tbx", "csv"]), default="tbx", show_default=True)
@click.option("--locale", default=None, help="Target locale (required for csv).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@pass_state
def glossary_export(state: _State, fmt: str, locale: str | None, out: Path | None) -> None:
    """Write the termbase as TBX-Basic or as a Weblate CSV glossary."""
    from .termbase import commands as glossary_commands

    data = glossary_commands.glossary_export(state.project, fmt, locale)
    if out is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        from .fsutil import write_atomic

        write_atomic(out, data)
        click.echo(f"wrote {out}")


@glossary.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["tbx", "csv"]), default=None,
              help="Default: from the file extension.")
@click.option("--locale", default=None, help="The CSV's target locale.")
@pass_state
def glossary_import(state: _State, file: Path, fmt: str | None, locale: str | None) -> None:
    """Add the terms of FILE to the termbase. Conflicts are reported (exit 1), never applied."""
    from .termbase import commands as glossary_commands

    report = glossary_commands.glossary_import(state.project, file, fmt, locale)
    for conflict in report.conflicts:
        click.echo(f"conflict: {conflict.concept} [{conflict.language}] {conflict.term}: {conflict.message}")
    click.echo(f"{count(report.added, 'term')} added, {count(len(report.conflicts), 'conflict')}"
               + (" (termbase written)" if report.written else ""))
    if report.conflicts:
        sys.exit(ExitCode.FAILED)


@main.group()
def tm() -> None:
    """Translation memory: the signed-off translations of a locale, for CAT tools (TMX 1.4b)."""


@tm.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--locale", required=True, help="The target locale.")
@pass_state
def tm_import(state: _State, file: Path, locale: str) -> None:
    """Keep FILE, a TMX 1.4b memory from a CAT tool, as locales/LOCALE/memory/NAME.tmx.

    `update` then offers its matches (exact ones too) as suggestions with their score on entries
    it creates or changes, and `update --suggest` on every untranslated entry; it never fills an
    entry from it, since its wording was not signed off in this project. Only the units of the
    project's source language and LOCALE are kept; DTDs and entities are refused.
    """
    from .catalog import commands as workflow
    from .fsutil import read_input

    data = read_input(file, str(file), missing="file not found", special=True)
    path, units = workflow.tm_import(state.project, locale, str(file), data)
    click.echo(f"{count(units, 'unit')} kept in {state.project.rel(path)}; `pipeline update --suggest --locale "
               f"{locale}` offers its matches on the entries already waiting")


@tm.command("export")
@click.option("--locale", required=True, help="The target locale.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@pass_state
def tm_export(state: _State, locale: str, out: Path | None) -> None:
    """Write the locale's signed-off translations as TMX 1.4b (memoQ, Trados, OmegaT)."""
    from .catalog import commands as workflow

    data = workflow.tm_export(state.project, locale)
    if out is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        from .fsutil import write_atomic

        write_atomic(out, data)
        click.echo(f"wrote {out}")


@main.command()
@click.option("--locale", "locales", multiple=True, help="Only this locale (repeatable).")
@click.option("--procedure", "procedures", multiple=True, help="Only this procedure (repeatable).")
@click.option("--select", multiple=True, help="Only these checks: code, prefix or name (repeatable).")
@click.option("--ignore", multiple=True, help="Skip these checks: code, prefix or name (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["auto", "text", "json", "github", "junit"]),
              default="auto", show_default=True,
              help="auto: github annotations under GitHub Actions, else text.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--list", "list_checks", is_flag=True, help="Print the catalogue of checks and exit.")
@click.option("--no-cache", is_flag=True, help="Do not read or write .pipeline-cache/.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None, help="Worker processes (default: all cores).")
@pass_state
def check(state: _State, locales: tuple[str, ...], procedures: tuple[str, ...], select: tuple[str, ...],
          ignore: tuple[str, ...], fmt: str,
          output: Path | None, strict: bool, list_checks: bool, no_cache: bool, jobs: int | None) -> None:
    """Run every check over the source, the termbase and the catalogs.

    Exit 0 when clean, 1 when an error-level finding exists (--strict: warnings too), 2 for bad
    input. A translator silences a non-safety finding on one entry with a translator comment
    "ignore: W304" (code or name); E1 and E2 findings cannot be silenced.
    """
    from .checks import ahead
    from .checks.cache import cache_dir, holds_results

    directory = None if no_cache else cache_dir(state.project)
    loading = None
    if not list_checks and not holds_results(directory):  # cold: the dictionaries load while the checks import
        loading = ahead.start([info.posix for info in state.project.select_locales(locales)])
    from .checks import formats
    from .checks.runner import Execution, Selection, catalogue, run_checks

    if list_checks:
        click.echo(formats.format_catalogue(catalogue()), nl=False)
        return
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    execution = Execution(cache_dir=directory, jobs=jobs, text_lines=fmt == "text", on_progress=state.progress,
                          loading=loading)
    result = run_checks(state.project, Selection(locales, procedures, select, ignore), execution)
    state.end_progress()
    if fmt == "json":
        chunks = formats.json_chunks(result)
    elif fmt == "github":
        chunks = formats.github_chunks(result)
    elif fmt == "junit":
        chunks = iter((formats.format_junit(result).encode("utf-8"),))
    else:
        chunks = formats.text_chunks(result, colour=colour_wanted(state.colour, output is None and sys.stdout.isatty(),
                                                                   os.environ))
        if state.quiet:  # the summary line, always the last chunk
            chunks = iter(list(chunks)[-1:])
    if output is not None:
        from .fsutil import write_atomic_chunks

        write_atomic_chunks(output, chunks)
        s = result.summary()
        click.echo(f"{count(s['errors'], 'error')}, {count(s['warnings'], 'warning')}, {s['silenced']} silenced "
                   f"-> {output}")
    else:
        sys.stdout.flush()
        out = sys.stdout.buffer
        batch: list[bytes] = []
        size = 0
        for chunk in chunks:  # a file's findings at a time, written about a megabyte at a time
            batch.append(chunk)
            size += len(chunk)
            if size >= 1 << 20:
                out.write(b"".join(batch))
                batch, size = [], 0
        out.write(b"".join(batch))
        out.flush()
    sys.exit(ExitCode.FAILED if result.blocking(strict) else ExitCode.SUCCESS)


@main.group()
def review() -> None:
    """Second-linguist review: what is pending, sign-off, rejection, review sheets."""


_locale_opt = click.option("--locale", "locale", required=True, help="The locale under review.")
_procedure_opt = click.option("--procedure", "procedures", multiple=True, help="Only this procedure (repeatable).")


@review.command("pending")
@click.option("--locale", "locales", multiple=True, help="Only this locale (repeatable).")
@_procedure_opt
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_state
def review_pending(state: _State, locales: tuple[str, ...], procedures: tuple[str, ...], fmt: str) -> None:
    """Entries never signed off or needing re-review, with terms and check findings."""
    from .review import commands as reviewing

    items = reviewing.pending(state.project, locales, procedures)
    if fmt == "json":
        click.echo(dumps([item.as_dict() for item in items]), nl=False)
        return
    for item in items:
        origin = f" translated by {item.translator}{' (machine)' if item.machine else ''}" if item.translator else ""
        click.echo(f"{item.file}:{item.line} [{item.msgctxt}] {item.state}{origin}")
        click.echo(f"  source:      {item.source}")
        click.echo(f"  translation: {item.translation}")
        for term in item.terms:
            click.echo(f"  term:        {term}")
        for finding in item.findings:
            click.echo(f"  {finding.severity}:  {finding.code} {finding.name}: {finding.message}")
        for finding in item.silenced:
            click.echo(f"  silenced by the translator: {finding.code} {finding.name}: {finding.message}")
        for line in item.changes.splitlines():
            click.echo(f"  changed:     {line}")
    click.echo(f"{count(len(items), 'entry')} pending review")


def _finish_decisions(decisions: Sequence[Decision]) -> None:
    """Every review command ends the same way: what it did, each refusal with its reason, and
    exit 1 when it could not do all it was asked."""
    from .review.commands import OUTCOMES

    for d in decisions:
        if d.outcome != "approved":
            click.echo(f"{d.outcome}: {d.locale}/{d.procedure} [{d.msgctxt}]" + (f": {d.reason}" if d.reason else ""))
    counts = {o: sum(1 for d in decisions if d.outcome == o) for o in OUTCOMES}
    click.echo(", ".join(f"{n} {o}" for o, n in counts.items()))
    if counts["refused"]:
        sys.exit(ExitCode.FAILED)


@review.command("approve")
@_locale_opt
@click.option("--reviewer", required=True, help="Reviewer id, as listed in pipeline.yaml.")
@_procedure_opt
@click.option("--entry", "entries", multiple=True, help="Only this entry: CTX or PROCEDURE:CTX (repeatable).")
@pass_state
def review_approve(state: _State, locale: str, reviewer: str, procedures: tuple[str, ...],
                   entries: tuple[str, ...]) -> None:
    """Sign off translated, non-fuzzy entries free of error findings; refuse the rest, saying why."""
    from .review import commands as reviewing

    _finish_decisions(reviewing.approve(state.project, locale, reviewer, procedures, entries))


@review.command("reject")
@_locale_opt
@click.option("--reviewer", required=True, help="Reviewer id, as listed in pipeline.yaml.")
@_procedure_opt
@click.option("--entry", "entries", multiple=True, required=True,
              help="Entry to reject: CTX or PROCEDURE:CTX (repeatable).")
@click.option("--reason", required=True, help="What the translator should change.")
@pass_state
def review_reject(state: _State, locale: str, reviewer: str, procedures: tuple[str, ...], entries: tuple[str, ...],
                  reason: str) -> None:
    """Mark entries fuzzy and leave the reason for the translator as a translator comment."""
    from .review import commands as reviewing

    _finish_decisions(reviewing.reject_entries(state.project, locale, reviewer, reason, procedures, entries))


@review.command("export")
@_locale_opt
@_procedure_opt
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write: sheet.xlsx (one sheet per procedure) or sheet.csv (UTF-8 with BOM).")
@pass_state
def review_export(state: _State, locale: str, procedures: tuple[str, ...], out: Path) -> None:
    """Write a review sheet (XLSX or CSV, by the extension of --out) for reviewers who do not use git.

    The reviewer fills in the verdict column with one of: approve, reject (with a reason), or
    leaves it empty to decide later.
    """
    from .fsutil import write_atomic
    from .review import commands as reviewing

    fmt = "xlsx" if out.suffix.lower() == ".xlsx" else "csv"
    write_atomic(out, reviewing.export_sheet(state.project, locale, procedures, fmt))
    click.echo(f"wrote {out}")


@review.command("import")
@click.argument("sheet", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--reviewer", required=True, help="Reviewer id, as listed in pipeline.yaml.")
@pass_state
def review_import(state: _State, sheet: Path, reviewer: str) -> None:
    """Apply a filled-in review sheet (XLSX, or CSV separated by commas, semicolons or tabs).

    Verdicts: approve, reject (needs a reason), or empty (no decision). Every row is checked
    before any catalog is written; rows whose translation changed since export are refused.
    """
    from .review import commands as reviewing

    _finish_decisions(reviewing.import_sheet(state.project, sheet, reviewer))


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: dist/bundles under the content root).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when the output folder is stale.")
@click.option("--mo", is_flag=True, help="Also write gettext .mo files for gettext consumers.")
@pass_state
def build(state: _State, out: Path | None, check: bool, mo: bool) -> None:
    """Build the bundles apps load: documents, flat i18next files and a manifest.

    A cell whose current content cannot be published ships its last good version (from the release
    record, locales/releases/) marked outdated. Exit 1 when an active procedure has nothing
    publishable in a `required` locale (the previous bundles and the record are left as they were)
    or, with --check, when the output is stale or a build would be blocked.
    """
    from .release import bundles

    project = state.project
    target = out if out is not None else project.root / "dist" / "bundles"
    report = bundles.build(project, target, check=check, mo=mo)
    if check:
        for path in report.stale:
            click.echo(f"{path}: stale: run `pipeline build`")
        _print_blocked(project, report.required_blocked, "would be blocked")
        if report.stale or report.required_blocked:
            sys.exit(ExitCode.FAILED)
        click.echo(f"{target}: up to date ({count(len(report.files), 'file')})")
        return
    by_locale: dict[str, list[ProcedureRelease]] = {}
    for release in report.releases:
        language = release.locale.posix if release.locale else project.config.source_language
        by_locale.setdefault(language, []).append(release)
    sampled = 0
    for locale, releases in by_locale.items():
        sample = sum(1 for r in releases if r.ships and r.review == "sample")
        sampled += sample
        click.echo(f"{locale:<8} published {sum(r.ships for r in releases)}/{len(releases)}"
                   + (f" ({sample} on a sample sign-off)" if sample else ""))
        for release in releases:
            if release.status != "published":
                click.echo(f"         {release.status} {release.procedure.id}: {'; '.join(release.reasons)}")
            elif release.fallback_keys:
                click.echo(f"         {release.procedure.id}: {count(len(release.fallback_keys), 'string')} fall back")
    if sampled:
        click.echo("sample sign-off: signed off by reviewers marked `sample: true` in pipeline.yaml; no qualified "
                   "clinical reviewer has read them")
    unreviewed = sum(r.unreviewed for r in report.releases)
    if unreviewed:
        click.echo(f"unreviewed: {count(unreviewed, 'string')} ship without a reviewer's sign-off (allow_unreviewed)")
    if report.required_blocked:
        _print_blocked(project, report.required_blocked, "blocked")
        click.echo(f"withdrawals published in {target}; exit 1 until every required cell has a version"
                   if report.written else "the previous bundles are unchanged", err=True)
        sys.exit(ExitCode.FAILED)
    click.echo(f"{count(len(report.files), 'file')} in {target}")


def _print_blocked(project: Project, cells: Sequence[ProcedureRelease], verb: str) -> None:
    if not cells:
        return
    click.echo(f"{verb}: these cells of required locales have nothing publishable (no current content and no "
               "last good version that was not withdrawn):", err=True)
    for release in cells:
        where = release.locale.posix if release.locale else project.config.source_language
        click.echo(f"  {where}/{release.procedure.id}: {'; '.join(release.reasons)}", err=True)
        for line in release.blocking:
            click.echo(f"    {line}", err=True)


@main.group()
def release() -> None:
    """What a build would ship per cell, and withdrawing a cell at once."""


@release.command("plan")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_state
def release_plan(state: _State, fmt: str) -> None:
    """Per locale and procedure: new, unchanged, outdated, withdrawn, withheld, draft or retired, with
    reason codes. Writes nothing. Exit 1 when a required cell has nothing publishable."""
    from .release import commands as releasing

    cells = releasing.release_plan(state.project)
    stopped = releasing.blocking(cells)
    if fmt == "json":
        click.echo(dumps({"cells": [c.as_dict() for c in cells],
                          "blocked": [f"{c.posix}/{c.procedure}" for c in stopped]}), nl=False)
    else:
        for cell in cells:
            why = f": {'; '.join(cell.release.reasons)}" if cell.release.reasons else ""
            codes = f" [{', '.join(cell.release.reason_codes)}]" if cell.release.reason_codes else ""
            mark = " BLOCKS" if cell.blocking else ""
            click.echo(f"{cell.posix:<8} {cell.procedure:<32} {cell.outcome:<9}{mark}{codes}{why}")
        if stopped:
            click.echo(f"would be blocked: {', '.join(f'{c.posix}/{c.procedure}' for c in stopped)}", err=True)
    if stopped:
        sys.exit(ExitCode.FAILED)


@release.command("withdraw")
@click.option("--locale", required=True, help="The locale (POSIX or BCP 47; the source language too).")
@click.option("--procedure", required=True, help="The procedure id.")
@click.option("--reason", required=True, help="Why: recorded in locales/releases/ and in the manifest.")
@pass_state
def release_withdraw(state: _State, locale: str, procedure: str, reason: str) -> None:
    """Withdraw a cell at once: its published text never ships again (a safety correction). The next
    `pipeline build` removes it from the bundles; a new, different version publishes as usual."""
    from .release import commands as releasing

    cell = releasing.withdraw(state.project, locale, procedure, reason)
    assert cell.withdrawn is not None
    click.echo(f"withdrawn {locale}/{procedure} on {cell.withdrawn.date}: {cell.withdrawn.reason}; "
               "run `pipeline build` to publish the withdrawal")


@main.command("report")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Output folder, replaced whole (default: dist/report under the content root).")
@pass_state
def report_command(state: _State, out: Path | None) -> None:
    """Write the review site: release dashboard, translations beside their source, patient previews.

    The site is static and self-contained (no network): open index.html or serve the folder.
    Exit 0 whatever the release state (`pipeline build` is the gate), 2 for bad input.
    """
    from .site import report

    project = state.project
    target = out if out is not None else project.root / "dist" / "report"
    result = report(project, target)
    always = ("published", "withheld", "blocked")
    counts = ", ".join(f"{n} {state}" for state, n in result.states if n or state in always)
    click.echo(f"{count(result.locales, 'locale')} x {count(result.procedures, 'procedure')}: {counts}; "
               f"{count(len(result.files), 'file')} in {target}")


for _command in main.commands.values():
    _root_after_command(_command)
