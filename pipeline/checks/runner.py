"""Run the active checks over the source, the termbase and the catalogs of a project.

The run is a list of jobs (each procedure's source, then every catalog, locale by locale; with
workers, each takes a run of procedures and their jobs in that order), whose results are taken as
they come; a locale's cross-catalog checks run as soon as its last catalog is in, so only the
translations of the locales in progress are held (the workers go through the locales in the same
order: about one or two at a time). What
the checks do is in `engine`; this module only feeds them: from the cache (`cache`) when the
inputs are unchanged, else in this process or in forked workers (`parallel`), keeping the
findings encoded (`encoded`).
"""

from __future__ import annotations

import gc
import json
import os
import sys
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import parallel
from ..content.reader import parse_procedure
from ..errors import InputError
from ..fsutil import read_input
from ..locales import LocaleInfo
from ..project import Project
from ..termbase.matching import Matcher, termbase_language
from . import cache as results
from .encoded import ORDER, CheckResult, decode_finding, decode_own, encode, encode_findings, join, text_lines
from .engine import (
    ActiveCheck,
    Collector,
    active_checks,
    by_scope,
    catalog_from_po,
    check_catalog,
    check_locale,
    check_procedure,
    check_project,
    entry_scope,
)
from .model import Catalog, CheckSpec, Entry, Finding, LocaleContext, ProjectLayout, Scope, SourceContext
from .registry import REGISTRY
from .text import ignored

Job = tuple[str, str, str, str]  # (POSIX locale, or "" for a procedure's source; procedure; file; path)
Encoded = tuple[str, bytes, bytes, bytes, bytes]  # (cache key, summary, findings array, translations, text lines)
_META = frozenset({"count", "tally", "silenced"})
_entry = tuple.__new__  # Entry's fields in order (its keyword constructor is a Python function)
_CACHE_BATCH = 500
_WARM_UP_SWITCH = 0.0005  # seconds


def _quiet(_: str) -> None:
    pass


@dataclass(frozen=True)
class Selection:
    """What to check: locales, procedures and checks (empty: all)."""

    locales: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @property
    def everything(self) -> bool:
        return not (self.locales or self.procedures or self.select or self.ignore)


@dataclass(frozen=True)
class Execution:
    """How to run: the cache, worker processes, progress, and whether to keep the findings as
    text report lines too (for the text report). None of it changes what is found."""

    cache_dir: Path | None = None
    jobs: int | None = None
    text_lines: bool = False
    on_progress: Callable[[str], None] = field(default=_quiet, compare=False)
    # Dictionaries the caller started opening before importing the checks (`ahead.start`): joined
    # before any catalog is checked or worker is forked.
    loading: threading.Thread | None = field(default=None, compare=False)


@dataclass(frozen=True)
class _Setup:
    """What every job needs, prepared once in the parent and inherited by forked workers."""

    project: Project
    checks: dict[Scope, list[ActiveCheck]]
    contexts: dict[str, LocaleContext]
    source_matcher: Matcher
    digest: str | None  # what every cache key starts with; None without a cache
    # Findings of entries already checked, for the locale a process is on (see check_catalog).
    memo: dict[str, dict[tuple[object, ...], Any]] = field(default_factory=dict)


_STATE: dict[str, _Setup] = {}  # set in the parent before forking workers, inherited by them


def _run_job(job: Job) -> Encoded:
    """The checks of one job as the documents the cache stores, so the parent only stores them
    and decodes the small one. First the job's cache key, made from the very bytes checked (a
    file edited while the run reads it is stored under what was checked); then ``{"count",
    "tally", "silenced"}`` (entries seen, [code, severity, n] per kind of finding, silenced
    findings as dicts); the job's findings as one array in report order and report encoding
    (all in the job's own file); ``{"entries"}``, the translated entries as [line, msgctxt,
    msgid, msgstr, translator comment] for the locale-wide checks; and the findings as lines of
    the text report."""
    setup = _STATE["setup"]
    out = Collector()
    count, rows = 0, []
    posix, pid, file, path = job
    try:
        data = results.read_file(path)
    except OSError:  # said as the user knows the file
        data = read_input(Path(path), file, "catalog missing: run `pipeline update`" if posix else None)
    key = results.job_key(setup.digest, posix or "source", file, data) if setup.digest is not None else ""
    if not posix:
        procedure = parse_procedure(file, data, setup.project.config.placeholders, expected_id=pid)
        ctx = SourceContext(setup.project.termbase, setup.source_matcher, (procedure,))
        check_procedure(procedure, file, setup.checks.get(Scope.SOURCE, []), ctx, out)
    else:
        catalog = catalog_from_po(posix, pid, file, data)
        if posix not in setup.memo:  # jobs come locale by locale: keep one locale's memo at a time
            setup.memo.clear()
            setup.memo[posix] = {}
        check_catalog(catalog, setup.checks, setup.contexts[posix], out, setup.memo[posix])
        count = len(catalog.entries)
        # The locale-wide checks read a translator comment only for its `ignore:` lines: the rest
        # (term hints, sign-offs) would only be sent, stored and decoded again.
        rows = [[e.line, e.msgctxt, e.msgid, e.msgstr, e.translator_comment if ignored(e.translator_comment) else ""]
                for e in catalog.entries if entry_scope(e) is Scope.ENTRY]
    findings = sorted(out.findings, key=ORDER)
    tally = Counter((f.code, f.severity) for f in findings)
    meta = {"count": count, "tally": [[c, s, n] for (c, s), n in sorted(tally.items())],
            "silenced": [f.as_dict() for f in out.silenced]}
    dicts = [f.as_dict() for f in findings]
    return key, encode(meta), encode_findings(dicts), encode({"entries": rows}), text_lines(dicts)


class _WarmUp(threading.Thread):
    """A thread running the checks' optional `warm_up(info)` for every locale: loading what a check
    needs where the loading runs in C without the interpreter (a spelling dictionary), beside the
    run's own preparation, and once for every worker forked after it instead of in each. Finished
    (`finish`) before any catalog is checked or worker is forked. What is read in Python (Babel's
    locale data) would only wait for the interpreter here and hold up the fork: a check's
    `prepare(info)` does that on the main thread (`_head_start`).

    Back from each call into C the thread needs the interpreter, which the main thread keeps for
    the switch interval (5 ms by default): it is shortened while the thread runs."""

    def __init__(self, checks: list[ActiveCheck], locales: tuple[LocaleInfo, ...]) -> None:
        super().__init__(name="warm-up", daemon=True)
        self.hooks = [hook for check in checks if (hook := getattr(check.spec.module, "warm_up", None)) is not None]
        self.locales = locales
        self.switch = sys.getswitchinterval()
        if self.hooks:
            sys.setswitchinterval(_WARM_UP_SWITCH)
        self.start()

    def run(self) -> None:
        for info in self.locales:
            for hook in self.hooks:
                try:
                    hook(info)
                except Exception:  # only a head start: the check itself meets and reports the problem
                    continue

    def finish(self) -> None:
        self.join()
        sys.setswitchinterval(self.switch)


def _contexts(project: Project, posix_ids: list[str], source_matcher: Matcher) -> dict[str, LocaleContext]:
    termbase = project.termbase
    contexts = {}
    for info in project.select_locales(tuple(posix_ids)):
        language = termbase_language(termbase, info.posix)
        contexts[info.posix] = LocaleContext(info, language, termbase, source_matcher, Matcher(termbase, language),
                                             project.config.check_settings(info.posix), project.negation)
    return contexts


def _jobs(project: Project, selection: Selection, source: bool, key_of: Callable[[str, str, bytes], str] | None
          ) -> tuple[list[Job], dict[Job, str]]:
    """The run's jobs in order, with their cache keys ("" without a cache)."""
    chosen = project.select_procedure_ids(selection.procedures)
    order: list[Job] = []
    keys: dict[Job, str] = {}
    if source:
        for pid in chosen:
            path = project.procedures_dir / f"{pid}.yaml"
            job = ("", pid, project.rel(path), str(path))
            keys[job] = key_of("source", job[2], project.source_bytes(pid)) if key_of else ""
            order.append(job)
    root = str(project.root)
    for info in project.select_locales(selection.locales):
        for pid in chosen:
            file = project.catalog_file(info.posix, pid)
            job = (info.posix, pid, file, os.path.join(root, file))  # strings: a large library has 10,000s
            keys[job] = _catalog_key(job, key_of)
            order.append(job)
    return order, keys


def _catalog_key(job: Job, key_of: Callable[[str, str, bytes], str] | None) -> str:
    try:
        if key_of is None:
            if not os.path.exists(job[3]):
                raise FileNotFoundError(job[3])
            return ""
        return key_of(job[0], job[2], results.read_file(job[3]))
    except FileNotFoundError:
        raise InputError("catalog missing: run `pipeline update`", job[2]) from None
    except OSError:  # not a regular file, or unreadable: said as the user knows the file
        read_input(Path(job[3]), job[2])
        raise


@dataclass
class _Totals:
    """The run's findings as they come in, per file, still encoded."""

    text: bool
    parts: dict[str, list[tuple[bytes, bytes] | list[Finding]]] = field(default_factory=dict)
    tally: Counter[tuple[str, str]] = field(default_factory=Counter)
    silenced: list[Finding] = field(default_factory=list)
    entries: int = 0

    def add_job(self, file: str, meta: dict[str, Any], array: bytes, lines: bytes) -> None:
        if meta["tally"]:
            self.parts.setdefault(file, []).append((array, lines if self.text else b""))
            self.tally.update({(c, s): n for c, s, n in meta["tally"]})
        self.silenced += map(decode_finding, meta["silenced"])
        self.entries += meta["count"]

    def add_locale(self, findings: list[Finding], silenced: list[Finding]) -> None:
        for finding in findings:
            self.parts.setdefault(finding.file, []).append([finding])
            self.tally[(finding.code, finding.severity)] += 1
        self.silenced += silenced

    def result(self, catalogs: int) -> CheckResult:
        self.silenced.sort(key=ORDER)
        # Popped as they are joined, so a file's arrays are never held twice.
        parts = tuple((file, *join(self.parts.pop(file), self.text)) for file in sorted(self.parts))
        return CheckResult(parts, tuple(self.silenced), catalogs, self.entries, tuple(sorted(self.tally.items())))


class _Rows:
    """The cached rows of a run's jobs: read in one pass over the table for a whole run (most rows
    are wanted), else looked up a stretch of jobs at a time."""

    def __init__(self, store: results.ResultCache, order: list[Job], keys: dict[Job, str], whole: bool,
                 suffixes: tuple[str, ...], enabled: bool) -> None:
        self.store, self.order, self.keys, self.whole, self.suffixes = store, order, keys, whole, suffixes
        self.rows: dict[str, bytes] = {}
        if not enabled:
            self.present: set[str] = set()
        elif whole:
            self.rows = store.scan({key + s for key in keys.values() for s in suffixes}, suffixes)
            self.present = {key for key in keys.values() if all(key + s in self.rows for s in suffixes)}
        else:
            self.present = store.present(list(keys.values()))

    def take(self, index: int, key: str) -> tuple[dict[str, Any] | None, bytes, bytes | None]:
        """The job's summary, findings array and text lines, or (None, b"", ...) to compute."""
        if not self.whole and index % _CACHE_BATCH == 0:  # the next stretch, in a few queries
            self.rows = self.store.get_raw_many([self.keys[j] + s for j in self.order[index:index + _CACHE_BATCH]
                                                 if self.keys[j] in self.present for s in self.suffixes])
        meta, array = results.split_row(self.rows.pop(key, None), _META) if key in self.present else (None, b"")
        lines = self.rows.pop(key + results.TEXT, None) if results.TEXT in self.suffixes else b""
        return meta, array, lines


def run_checks(project: Project, selection: Selection = Selection(),
               execution: Execution = Execution()) -> CheckResult:
    """Run the active checks on what ``selection`` names; ``execution`` says how (cache, workers,
    text lines), never what is found.

    The cycle collector is off for the run, as in its workers (`parallel.spread`): a run makes no
    reference cycles (tests/checks/test_runner.py) and keeps what it builds (the termbase, its
    indexes, the memos) to its end, which the collector would only walk again and again while the
    run prepares, before any worker starts."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_checks(project, selection, execution)
    finally:
        if collecting:
            gc.enable()


def _run_checks(project: Project, selection: Selection, execution: Execution) -> CheckResult:
    checks = active_checks(project.config.checks, selection.select, selection.ignore, project.config)
    use_cache = execution.cache_dir is not None
    store = results.ResultCache(execution.cache_dir)
    # Without stored results every job runs: the checks warm up (load dictionaries) at once, beside
    # the run's preparation, and nothing is hashed ahead, since each job keys what it checks.
    cold = not results.holds_results(execution.cache_dir)
    locales = project.select_locales(selection.locales)
    warming = _WarmUp(checks if cold else [], locales)
    try:
        scoped = by_scope(checks)
        source_matcher = Matcher(project.termbase, project.config.source_language)
        digest = results.global_key(project, checks) if use_cache else ""

        def key_of(tag: str, file: str, data: bytes) -> str:
            return results.job_key(digest, tag, file, data)

        contexts = _contexts(project, [info.posix for info in locales], source_matcher)
        order, keys = _jobs(project, selection, bool(scoped.get(Scope.SOURCE)),
                            key_of if use_cache and not cold else None)
    except BaseException:
        warming.finish()
        if execution.loading is not None:
            execution.loading.join()
        raise
    suffixes = ("", results.TEXT) if execution.text_lines else ("",)
    cached = _Rows(store, order, keys, use_cache and selection.everything, suffixes, use_cache and not cold)
    missing = [job for job in order if keys[job] not in cached.present]
    _STATE["setup"] = _Setup(project, scoped, contexts, source_matcher, digest if use_cache else None)
    forking = cold and parallel.spread_size(len(missing), execution.jobs) > 1
    early = _head_start(missing, warming, checks if cold else [], locales, execution.loading,
                        contexts if forking else None)
    totals = _Totals(execution.text_lines)
    fresh: dict[str, bytes] = {}
    locale_keys: list[str] = []
    left = Counter(job[0] for job in order if job[0])  # catalogs of each locale not in yet
    pending: dict[str, list[tuple[int, Job, bytes | None, str]]] = {}
    taken = 0

    def take(index: int, job: Job, key: str, meta: dict[str, Any], array: bytes, lines: bytes,
             entries: bytes | None) -> None:
        """A job's result, in whatever order results come: a locale's cross-catalog checks run
        once its last catalog is in, over its catalogs in the run's order."""
        nonlocal taken
        taken += 1
        execution.on_progress(f"checking {taken}/{len(order)}: {job[0] or 'source'}/{job[1]}")
        totals.add_job(job[2], meta, array, lines)
        posix = job[0]
        if not posix:
            return
        pending.setdefault(posix, []).append((index, job, entries, key))
        left[posix] -= 1
        if left[posix]:
            return
        catalogs = [(j, e, k) for _, j, e, k in sorted(pending.pop(posix), key=lambda item: item[0])]
        lkey = results.locale_key(digest, posix, (k for _, _, k in catalogs)) if use_cache else None
        if lkey is not None:
            locale_keys.append(lkey)
        totals.add_locale(*_locale_checks(posix, catalogs, contexts[posix], scoped.get(Scope.LOCALE, []),
                                          store, fresh, lkey))

    def checked(index: int, job: Job, result: Encoded) -> None:
        nonlocal fresh
        key, body, array, entries, lines = result
        keys[job] = key
        if use_cache:
            # One row holds the summary and, after a newline, the findings (which a warm run
            # copies into the report undecoded); the text lines and the translations the
            # locale-wide checks need are rows of their own, read only when wanted.
            fresh.update({key: body + b"\n" + array, key + results.TEXT: lines, key + results.ENTRIES: entries})
            if len(fresh) >= _CACHE_BATCH:
                store.put_many(fresh)
                fresh = {}
        take(index, job, key, decode_own(body), array, lines, entries)

    for index, job in enumerate(order):  # what the cache holds, in order
        key = keys[job]
        meta, array, lines = cached.take(index, key)
        if key not in cached.present:
            continue
        if meta is None or lines is None:  # unusable, or stored without its text lines: checked again
            checked(index, job, _run_job(job))
        else:
            take(index, job, key, meta, array, lines, None)
    position = {job: index for index, job in enumerate(order)}
    for job, result in early.items():
        checked(position[job], job, result)
    rest = _by_worker(missing[len(early):], project.select_procedure_ids(selection.procedures),
                      parallel.spread_size(len(missing) - len(early), execution.jobs))
    with parallel.spread(_run_job, rest, execution.jobs) as computed:
        for k, result in computed:
            checked(position[rest[k]], rest[k], result)
    if scoped.get(Scope.PROJECT) and not (selection.locales or selection.procedures):
        totals.add_locale(*_project_checks(project, scoped[Scope.PROJECT]))
    if use_cache:
        store.put_many(fresh)
        if selection.everything:  # drop what the run no longer uses
            store.keep_only([*keys.values(), *locale_keys])
    return totals.result(len(locales) * len(project.select_procedure_ids(selection.procedures)))


def _by_worker(jobs: list[Job], procedures: tuple[str, ...], workers: int) -> list[Job]:
    """The jobs in the order `parallel.spread` deals them out, a stretch per worker: the procedures
    cut into as many runs as there are workers, and each run's jobs together (its source jobs,
    then its catalogs locale by locale, as in ``jobs``). A catalog's checks reuse what its
    procedure's source texts were found to hold (terms, units, negations), which a worker works
    out once per text: so each worker works out a share of the texts, not every one."""
    if workers < 2 or not procedures:
        return jobs
    run = {pid: index * workers // len(procedures) for index, pid in enumerate(procedures)}
    return sorted(jobs, key=lambda job: run[job[1]])  # stable: each run keeps the jobs' order


def _head_start(missing: list[Job], warming: _WarmUp, checks: list[ActiveCheck],
                locales: tuple[LocaleInfo, ...], loading: threading.Thread | None = None,
                forking: dict[str, LocaleContext] | None = None) -> dict[Job, Encoded]:
    """What the checks `prepare` for the locales (when the thread warms up), and, when workers will
    fork (``forking``: the run's locale contexts), what each worker would work out alike for a
    locale, once here (a check's `before_fork(ctx)`: E207 and E210 compile their patterns); then
    source jobs (which need no dictionary), run here while the warm-up thread (and ``loading``,
    dictionaries opened ahead) loads the dictionaries instead of waiting for it; the threads are
    joined before any catalog is checked or any worker is forked, so every process has the
    dictionaries and the prepared data."""
    done: dict[Job, Encoded] = {}
    calls: list[tuple[Callable[[Any], None], tuple[Any, ...]]] = [
        *((hook, tuple(locales)) for check in checks if (hook := getattr(check.spec.module, "prepare", None))),
        *((hook, tuple((forking or {}).values())) for check in checks
          if (hook := getattr(check.spec.module, "before_fork", None)))]
    try:
        for hook, arguments in calls:
            for argument in arguments:
                try:
                    hook(argument)
                except Exception:  # only a head start: the check itself meets and reports the problem
                    continue
        for job in missing:
            if job[0] or not (warming.is_alive() or (loading is not None and loading.is_alive())):
                break
            done[job] = _run_job(job)
    finally:
        warming.finish()
        if loading is not None:
            loading.join()
    return done


def _translations(posix: str, catalogs: list[tuple[Job, bytes | None, str]], store: results.ResultCache
                  ) -> list[Catalog]:
    """The translated entries of every catalog of a locale: as just computed, else from the cache,
    else computed again."""
    stored_rows = store.get_raw_many([key + results.ENTRIES for _, body, key in catalogs if body is None])
    views = []
    for job, body, key in catalogs:
        if body is None:  # the catalog's result came from the cache
            stored = results.usable(stored_rows.get(key + results.ENTRIES), frozenset({"entries"}))
            rows = stored["entries"] if stored is not None else json.loads(_run_job(job)[3])["entries"]
        else:
            rows = decode_own(body)["entries"]
        pid, file = job[1], job[2]
        views.append(Catalog(posix, pid, file, tuple(
            _entry(Entry, (posix, pid, file, line, msgctxt, msgid, msgstr, None, (), None, False, comment))
            for line, msgctxt, msgid, msgstr, comment in rows)))
    return views


def _locale_checks(posix: str, catalogs: list[tuple[Job, bytes | None, str]], ctx: LocaleContext,
                   checks: list[ActiveCheck], store: results.ResultCache, fresh: dict[str, bytes],
                   key: str | None) -> tuple[list[Finding], list[Finding]]:
    """Cross-catalog checks of one locale. They depend on every catalog of the locale, so their
    result is cached under a key made of all the catalogs' keys."""
    if not checks:
        return [], []
    payload = store.get(key) if key is not None else None
    if payload is None:
        out = Collector()
        check_locale(_translations(posix, catalogs, store), checks, ctx, out)
        payload = {"findings": [f.as_dict() for f in out.findings],
                   "silenced": [f.as_dict() for f in out.silenced], "count": 0}
        if key is not None:
            fresh[key] = encode(payload)
    return [decode_finding(f) for f in payload["findings"]], [decode_finding(f) for f in payload["silenced"]]


def _project_checks(project: Project, checks: list[ActiveCheck]) -> tuple[list[Finding], list[Finding]]:
    """The layout checks, never cached: they look at which files exist, which no cache key covers."""
    from ..catalog.orphans import find_strays

    config = project.config
    layout = ProjectLayout(tuple(info.posix for info in project.locales),
                           {info.posix: config.reviewers_for(info.posix) for info in project.locales},
                           config.positions, find_strays(project))
    out = Collector()
    check_project(layout, checks, out)
    return out.findings, out.silenced


def catalogue() -> list[CheckSpec]:
    return list(REGISTRY)
