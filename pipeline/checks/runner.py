"""Run the registered checks over the source, the termbase and the catalogs."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import sqlite3
from collections import Counter
from pathlib import Path
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..catalog.fastread import read_entries
from ..errors import InputError
from ..project import Project
from ..termbase.matching import Matcher, termbase_language
from .base import SEVERITIES, Catalog, CheckSpec, Entry, Finding, LocaleContext, SourceContext
from .registry import REGISTRY

_IGNORE = re.compile(r"^\s*ignore:\s*(.+)$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class ActiveCheck:
    spec: CheckSpec
    severity: str
    options: dict[str, Any]


@dataclass(frozen=True)
class CheckReport:
    findings: tuple[Finding, ...]
    silenced: tuple[Finding, ...]
    catalogs: int
    entries: int

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def summary(self) -> dict[str, Any]:
        return {"errors": self.count("error"), "warnings": self.count("warning"),
                "info": self.count("info"), "silenced": len(self.silenced),
                "catalogs": self.catalogs, "entries": self.entries,
                "by_code": dict(sorted(Counter(f.code for f in self.findings).items()))}

    def exit_code(self, strict: bool = False) -> int:
        if self.count("error") or (strict and self.count("warning")):
            return 1
        return 0


def matches_selector(spec: CheckSpec, selector: str) -> bool:
    selector = selector.strip()
    return spec.code.startswith(selector.upper()) or spec.name == selector.lower()


def _validate_selectors(selectors: Iterable[str], option: str) -> None:
    for selector in selectors:
        if not any(matches_selector(spec, selector) for spec in REGISTRY):
            raise InputError(f"{option} {selector!r} matches no check: use a code (E201), a prefix "
                             "(E2) or a name (numbers); see `pipeline check --list`")


def active_checks(config_checks: dict[str, dict[str, Any]], select: tuple[str, ...] = (),
                  ignore: tuple[str, ...] = ()) -> list[ActiveCheck]:
    """The checks to run, with the severity and options set in the config."""
    _validate_selectors(select, "--select")
    _validate_selectors(ignore, "--ignore")
    for key in config_checks:
        if not any(spec.code == key or spec.name == key for spec in REGISTRY):
            raise InputError(f"checks.{key}: no such check (see `pipeline check --list`)", "pipeline.yaml")
    result = []
    for spec in REGISTRY:
        if select and not any(matches_selector(spec, s) for s in select):
            continue
        if any(matches_selector(spec, s) for s in ignore):
            continue
        settings = dict(config_checks.get(spec.code, {}) | config_checks.get(spec.name, {}))
        severity = settings.pop("severity", spec.severity)
        if severity == "off":
            continue
        unknown = set(settings) - set(spec.options)
        if unknown:
            raise InputError(f"checks.{spec.code}: unknown option {sorted(unknown)[0]!r} "
                             f"(options: {', '.join(spec.options) or 'none'})", "pipeline.yaml")
        result.append(ActiveCheck(spec, severity, {**spec.options, **settings}))
    return result


def _entries(posix: str, procedure: str, file: str, data: bytes) -> Catalog:
    items = []
    for e in read_entries(file, data):
        if e.obsolete or not (e.msgid or e.msgctxt):
            continue
        plural = tuple(e.msgstr[i] for i in sorted(e.msgstr)) if e.msgid_plural else ()
        items.append(Entry(locale=posix, procedure=procedure, file=file, line=e.line, msgctxt=e.msgctxt,
                           msgid=e.msgid, msgstr=plural[0] if e.msgid_plural and plural else e.msgstr.get(0, ""),
                           msgid_plural=e.msgid_plural, msgstr_plural=plural, previous_msgid=e.previous_msgid,
                           fuzzy="fuzzy" in e.flags, translator_comment="\n".join(e.tcomment)))
    return Catalog(posix, procedure, file, tuple(items))


def _silenced_codes(entry: Entry | None) -> set[str]:
    if entry is None:
        return set()
    codes = set()
    for match in _IGNORE.finditer(entry.translator_comment):
        codes.update(token.strip().lower() for token in re.split(r"[,\s]+", match.group(1)) if token.strip())
    return codes


class _Collector:
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.silenced: list[Finding] = []

    def add(self, check: ActiveCheck, entry: Entry | None, message: str, *, file: str, line: int,
            locale: str | None, procedure: str | None, msgctxt: str | None = None,
            msgid: str | None = None) -> None:
        if entry is not None:
            msgctxt, msgid = entry.msgctxt, entry.msgid
        finding = Finding(file=file, line=line, code=check.spec.code, name=check.spec.name,
                          severity=check.severity, locale=locale, procedure=procedure,
                          msgctxt=msgctxt, msgid=msgid, message=message)
        codes = _silenced_codes(entry)
        if not check.spec.safety and (check.spec.code.lower() in codes or check.spec.name in codes):
            self.silenced.append(finding)
        else:
            self.findings.append(finding)


# --- one unit of work: a catalog, checked in this process or in a worker ----------------------

_STATE: dict[str, Any] = {}  # set in the parent before forking workers, inherited by them


def _check_catalog(job: tuple[str, str, str, str]) -> dict[str, Any]:
    """Entry and catalog checks of one catalog; returns plain data (cacheable, picklable)."""
    return _check_catalog_uncached(job)


def _check_catalog_uncached(job: tuple[str, str, str, str]) -> dict[str, Any]:
    posix, procedure, file, path = job
    by_scope, contexts = _STATE["by_scope"], _STATE["contexts"]
    ctx = contexts[posix]
    catalog = _entries(posix, procedure, file, Path(path).read_bytes())
    out = _Collector()
    for entry in catalog.entries:
        translated = bool(entry.msgstr) and not entry.fuzzy
        scope = "entry" if translated else ("fuzzy" if entry.fuzzy and entry.msgstr else None)
        for check in by_scope.get(scope, []) if scope else []:
            for text in check.spec.module.check(entry, ctx, check.options):
                out.add(check, entry, text, file=file, line=entry.line, locale=posix, procedure=procedure)
    for check in by_scope.get("catalog", []):
        for entry, text in check.spec.module.check(catalog, ctx, check.options):
            out.add(check, entry, text, file=file, line=entry.line if entry else 1, locale=posix,
                    procedure=procedure)
    return {"findings": [f.as_dict() for f in out.findings], "silenced": [f.as_dict() for f in out.silenced],
            "entries": [[e.line, e.msgctxt, e.msgid, e.msgstr, e.fuzzy] for e in catalog.entries]}


def _finding(data: dict[str, Any]) -> Finding:
    return Finding(**data)


def _global_key(project: Project, checks: list[ActiveCheck]) -> str:
    """What every cached result depends on besides its own catalog: the code, the config, the
    locale registry, the termbase and the active checks with their settings."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for source in sorted(package.rglob("*.py")) + sorted(package.rglob("*.json")):
        digest.update(source.read_bytes())
    for rel in ("pipeline.yaml", "locales/locales.yaml", "source/termbase.yaml"):
        path = project.root / rel
        digest.update(path.read_bytes() if path.exists() else b"-")
    digest.update(repr([(c.spec.code, c.severity, sorted(c.options.items())) for c in checks]).encode())
    return digest.hexdigest()


class ResultCache:
    """Check results by content hash, in one SQLite file under .pipeline-cache/. Each row holds
    the SHA-256 of its payload and is used only when it matches, so a corrupt or edited entry is
    recomputed, never trusted; a database that cannot be opened is replaced."""

    def __init__(self, root: Path | None) -> None:
        self.path = root / "results.sqlite" if root is not None else None
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self.path is None:
            return None
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            for attempt in range(2):
                try:
                    db = sqlite3.connect(self.path)
                    db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, digest TEXT, payload BLOB)")
                    self._db = db
                    break
                except sqlite3.DatabaseError:
                    self.path.unlink(missing_ok=True)
        return self._db

    def get_many(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        db = self._connect()
        found: dict[str, dict[str, Any]] = {}
        if db is None:
            return found
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                rows = db.execute(f"SELECT key, digest, payload FROM results WHERE key IN ({','.join('?' * len(chunk))})",
                                  chunk).fetchall()
                for key, digest, payload in rows:
                    if isinstance(payload, bytes) and hashlib.sha256(payload).hexdigest() == digest:
                        try:
                            value = json.loads(payload)
                        except ValueError:
                            continue
                        if isinstance(value, dict):
                            found[key] = value
        except sqlite3.DatabaseError:
            return {}
        return found

    def put_many(self, items: dict[str, dict[str, Any]]) -> None:
        db = self._connect()
        if db is None or not items:
            return
        rows = []
        for key, payload in items.items():
            body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            rows.append((key, hashlib.sha256(body).hexdigest(), body))
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", rows)
        except sqlite3.DatabaseError:
            pass  # a cache that cannot be written only costs time


PARALLEL_THRESHOLD = 64  # catalogs; below this a worker pool costs more than it saves


def run_checks(project: Project, locales: tuple[str, ...] = (), procedures: tuple[str, ...] = (),
               select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
               on_progress: Callable[[str], None] = lambda _: None, cache_dir: Path | None = None,
               jobs: int | None = None) -> CheckReport:
    """Run the active checks. With ``cache_dir``, results are reused for unchanged catalogs and
    procedures; large runs spread catalogs over ``jobs`` worker processes (default: all cores)."""
    checks = active_checks(project.config.checks, select, ignore)
    by_scope: dict[str, list[ActiveCheck]] = {}
    for check in checks:
        by_scope.setdefault(check.spec.scope, []).append(check)
    termbase = project.termbase
    source_matcher = Matcher(termbase, project.config.source_language)
    chosen_ids = project.select_procedure_ids(procedures)
    cache = ResultCache(cache_dir)
    global_key = _global_key(project, checks) if cache_dir is not None else ""
    findings: list[Finding] = []
    silenced: list[Finding] = []

    if by_scope.get("source"):
        # Source checks need the parsed procedure only when their result is not cached.
        source_keys = {}
        for pid in chosen_ids:
            data = project.source_bytes(pid)
            source_keys[pid] = hashlib.sha256(f"{global_key}\0source\0".encode() + data).hexdigest()
        cached = cache.get_many(list(source_keys.values())) if cache_dir else {}
        fresh = {}
        missing = [pid for pid in chosen_ids if source_keys[pid] not in cached]
        parsed = project.select_procedures(tuple(missing)) if missing else ()
        source_ctx = SourceContext(termbase, source_matcher, parsed)
        for procedure in parsed:
            out = _Collector()
            for check in by_scope["source"]:
                for message, text in check.spec.module.check(procedure, source_ctx, check.options):
                    out.add(check, None, text, file=procedure.source, line=message.text.line, locale=None,
                            procedure=procedure.id, msgctxt=message.context, msgid=message.text.value)
            fresh[source_keys[procedure.id]] = {"findings": [f.as_dict() for f in out.findings],
                                                "silenced": [], "entries": []}
        if cache_dir:
            cache.put_many(fresh)
        for pid in chosen_ids:
            findings += map(_finding, {**cached, **fresh}[source_keys[pid]]["findings"])

    selected = project.select_locales(locales)
    contexts = {}
    for info in selected:
        language = termbase_language(termbase, info.posix)
        settings = project.config.settings(info.posix).as_dict()
        settings["reviewers"] = project.config.reviewers_for(info.posix)
        contexts[info.posix] = LocaleContext(info, language, termbase, source_matcher,
                                             Matcher(termbase, language), settings)
    jobs_list, keys, payloads = [], {}, {}
    for info in selected:
        for pid in chosen_ids:
            path = project.catalog_path(info.posix, pid)
            file = project.rel(path)
            if not path.exists():
                raise InputError("catalog missing: run `pipeline update`", file)
            job = (info.posix, pid, file, str(path))
            if cache_dir is not None:
                keys[job] = hashlib.sha256(f"{global_key}\0{info.posix}\0{file}\0".encode() + path.read_bytes()).hexdigest()
            jobs_list.append(job)
    if cache_dir is not None:
        cached = cache.get_many(list(keys.values()))
        for job, key in keys.items():
            if key in cached:
                payloads[job] = cached[key]
        jobs_list = [job for job in jobs_list if job not in payloads]
    _STATE.update(by_scope=by_scope, contexts=contexts)
    workers = jobs or os.cpu_count() or 1
    if workers > 1 and len(jobs_list) >= PARALLEL_THRESHOLD and "fork" in multiprocessing.get_all_start_methods():
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for job, payload in zip(jobs_list, pool.imap(_check_catalog, jobs_list, chunksize=16)):
                payloads[job] = payload
                on_progress(f"{job[0]}/{job[1]}")
    else:
        for job in jobs_list:
            on_progress(f"{job[0]}/{job[1]}")
            payloads[job] = _check_catalog(job)
    if cache_dir is not None:
        cache.put_many({keys[job]: payloads[job] for job in jobs_list})

    entries_seen = 0
    locale_fresh: dict[str, dict[str, Any]] = {}
    for info in selected:
        ctx = contexts[info.posix]
        jobs_here = [(info.posix, pid, project.rel(project.catalog_path(info.posix, pid)),
                      str(project.catalog_path(info.posix, pid))) for pid in chosen_ids]
        for job in jobs_here:
            findings += map(_finding, payloads[job]["findings"])
            silenced += map(_finding, payloads[job]["silenced"])
            entries_seen += len(payloads[job]["entries"])
        if not by_scope.get("locale"):
            continue
        # Cross-catalog checks depend on every catalog of the locale: cache them under all their keys.
        locale_key = hashlib.sha256("\0".join([global_key, "locale", info.posix, *(keys[j] for j in jobs_here)]).encode()
                                    ).hexdigest() if cache_dir is not None else ""
        payload = cache.get_many([locale_key]).get(locale_key) if cache_dir is not None else None
        if payload is None:
            catalogs = []
            for job in jobs_here:
                entries = tuple(Entry(locale=info.posix, procedure=job[1], file=job[2], line=line, msgctxt=ctxt,
                                      msgid=msgid, msgstr=msgstr, fuzzy=fuzzy)
                                for line, ctxt, msgid, msgstr, fuzzy in payloads[job]["entries"])
                catalogs.append(Catalog(info.posix, job[1], job[2], entries))
            out = _Collector()
            for check in by_scope["locale"]:
                for entry, text in check.spec.module.check(catalogs, ctx, check.options):
                    out.add(check, entry, text, file=entry.file, line=entry.line, locale=info.posix,
                            procedure=entry.procedure)
            payload = {"findings": [f.as_dict() for f in out.findings],
                       "silenced": [f.as_dict() for f in out.silenced], "entries": []}
            if cache_dir is not None:
                locale_fresh[locale_key] = payload
        findings += map(_finding, payload["findings"])
        silenced += map(_finding, payload["silenced"])
    if cache_dir is not None:
        cache.put_many(locale_fresh)
    catalogs_seen = len(selected) * len(chosen_ids)
    return CheckReport(tuple(sorted(findings)), tuple(sorted(silenced)), catalogs_seen, entries_seen)


def catalogue() -> list[CheckSpec]:
    return list(REGISTRY)


__all__ = ["CheckReport", "SEVERITIES", "active_checks", "catalogue", "run_checks"]
