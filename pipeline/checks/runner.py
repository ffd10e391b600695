"""Run the registered checks over the source, the termbase and the catalogs."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import sqlite3
import sys
from collections import Counter
from operator import attrgetter, itemgetter
from pathlib import Path
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from ..catalog.po_reader import read_entries
from ..content.reader import read_procedure
from ..errors import InputError
from ..project import Project
from ..termbase.matching import Matcher, termbase_language
from .model import SEVERITIES, Catalog, CheckSpec, Entry, Finding, LocaleContext, SourceContext, text_line
from .registry import REGISTRY

_IGNORE = re.compile(r"^\s*ignore:\s*(.+)$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class ActiveCheck:
    spec: CheckSpec
    severity: str
    options: dict[str, Any]


@dataclass(frozen=True)
class CheckReport:
    """What a run found. Findings are held as ``parts``: per file, in file order, the JSON array
    of that file's findings in report order (sorted, keys sorted, compact) and, when the run was
    asked for them, the same findings as lines of the text report (else empty), so a report can
    be written without building 100,000s of objects; ``findings`` decodes them on first use."""

    parts: tuple[tuple[str, bytes, bytes], ...]  # (file, JSON array, text lines or b""), UTF-8
    silenced: tuple[Finding, ...]
    catalogs: int
    entries: int
    tally: tuple[tuple[tuple[str, str], int], ...]  # ((code, severity), count), sorted

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(_finding(data) for _, array, _ in self.parts for data in json.loads(array))

    def count(self, severity: str) -> int:
        return sum(n for (_, s), n in self.tally if s == severity)

    def summary(self) -> dict[str, Any]:
        by_code: Counter[str] = Counter()
        for (code, _), n in self.tally:
            by_code[code] += n
        return {"errors": self.count("error"), "warnings": self.count("warning"),
                "info": self.count("info"), "silenced": len(self.silenced),
                "catalogs": self.catalogs, "entries": self.entries,
                "by_code": dict(sorted(by_code.items()))}

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


# --- one unit of work: a procedure's source or a catalog, in this process or in a worker --------

_STATE: dict[str, Any] = {}  # set in the parent before forking workers, inherited by them


def _run_job(job: tuple[str, str, str, str]) -> tuple[bytes, bytes, bytes, bytes]:
    """The checks of one job as the documents the cache stores, so the parent only stores them
    and decodes the small one: ``{"count", "tally", "silenced"}`` (entries seen, [code,
    severity, n] per kind of finding, silenced findings as dicts); the job's findings as one
    array in report order and report encoding (all in the job's own file); ``{"entries"}``, the
    translated entries as [line, msgctxt, msgid, msgstr, translator comment] for the
    locale-wide checks; and the findings as lines of the text report."""
    result = _check_source(job) if job[0] == "" else _check_catalog(job)
    findings = sorted(result["findings"], key=_ORDER)
    assert all(f.file == job[2] for f in findings), job
    tally = Counter((f.code, f.severity) for f in findings)
    meta = {"count": result["count"], "tally": [[c, s, n] for (c, s), n in sorted(tally.items())],
            "silenced": [f.as_dict() for f in result["silenced"]]}
    dicts = [f.as_dict() for f in findings]
    return (_encode(meta), _encode_dicts(dicts), _encode({"entries": result["entries"]}),
            "".join(map(text_line, dicts)).encode("utf-8"))


def _encode(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _encode_dicts(dicts: list[dict[str, Any]]) -> bytes:
    """The report encoding of findings as dicts (``pipeline check --format json``)."""
    return json.dumps(dicts, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _check_source(job: tuple[str, str, str, str]) -> dict[str, Any]:
    _, pid, file, path = job
    project, by_scope = _STATE["project"], _STATE["by_scope"]
    procedure = read_procedure(Path(path), file, project.config.placeholders)
    ctx = SourceContext(project.termbase, _STATE["source_matcher"], (procedure,))
    out = _Collector()
    for check in by_scope["source"]:
        for message, text in check.spec.module.check(procedure, ctx, check.options):
            out.add(check, None, text, file=file, line=message.text.line, locale=None,
                    procedure=procedure.id, msgctxt=message.context, msgid=message.text.value)
    return {"findings": out.findings, "silenced": out.silenced, "count": 0, "entries": []}


def _check_catalog(job: tuple[str, str, str, str]) -> dict[str, Any]:
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
    return {"findings": out.findings, "silenced": out.silenced, "count": len(catalog.entries),
            "entries": [[e.line, e.msgctxt, e.msgid, e.msgstr, e.translator_comment]
                        for e in catalog.entries if e.msgstr and not e.fuzzy]}


_SHARED = ("file", "code", "name", "severity", "locale", "procedure")
_ORDER = attrgetter(*Finding.__slots__)  # the dataclass order, compared in C


def _finding(data: dict[str, Any]) -> Finding:
    # A large library has 100,000s of findings: share the strings they repeat.
    for key in _SHARED:
        value = data[key]
        if value is not None:
            data[key] = sys.intern(value)
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


_STALE_BY_KEY = 1000  # more stale rows than this are deleted as a set, not one by one


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
                    # Large pages: a warm run reads 100 MB of rows, which as 4 KiB pages cost
                    # 100,000 system calls. (A memory map saved no time and doubled the
                    # resident memory of a warm run: 530 MB against 230 MB at 2,000 x 10.)
                    db.execute("PRAGMA page_size = 65536")
                    db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, digest TEXT, payload BLOB)")
                    self._db = db
                    break
                except sqlite3.DatabaseError:
                    self.path.unlink(missing_ok=True)
        return self._db

    def present(self, keys: list[str]) -> set[str]:
        """Which keys have a row (not yet verified: `get` verifies)."""
        db = self._connect()
        found: set[str] = set()
        if db is None:
            return found
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                found.update(row[0] for row in db.execute(
                    f"SELECT key FROM results WHERE key IN ({','.join('?' * len(chunk))})", chunk))
        except sqlite3.DatabaseError:
            return set()
        return found

    def get_raw(self, key: str) -> bytes | None:
        """A stored document's bytes, only when they match their digest."""
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT digest, payload FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None or not isinstance(row[1], bytes) or hashlib.sha256(row[1]).hexdigest() != row[0]:
            return None
        return row[1]

    def get_raw_many(self, keys: list[str]) -> dict[str, bytes]:
        """The stored documents of ``keys`` that match their digests."""
        db = self._connect()
        found: dict[str, bytes] = {}
        if db is None:
            return found
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                for key, digest, payload in db.execute(
                        f"SELECT key, digest, payload FROM results WHERE key IN ({','.join('?' * len(chunk))})", chunk):
                    if isinstance(payload, bytes) and hashlib.sha256(payload).hexdigest() == digest:
                        found[key] = payload
        except sqlite3.DatabaseError:
            return {}
        return found

    def scan(self, keys: set[str], suffixes: tuple[str, ...]) -> dict[str, bytes]:
        """Like `get_raw_many`, by reading the table once (only the rows whose key ends in one of
        ``suffixes``; keys are 64 hex digits and a suffix): for a whole run, which wants most
        rows, a scan is several times faster than looking each key up in the index (2,000 x 10:
        0.09 s to read all 275 MB of rows, 0.32 s to look up the 115 MB wanted)."""
        db = self._connect()
        found: dict[str, bytes] = {}
        if db is None:
            return found
        sha256 = hashlib.sha256
        try:
            for key, digest, payload in db.execute(
                    "SELECT key, digest, payload FROM results WHERE substr(key, 65) IN "
                    f"({','.join('?' * len(suffixes))})", suffixes):
                if key in keys and isinstance(payload, bytes) and sha256(payload).hexdigest() == digest:
                    found[key] = payload
        except sqlite3.DatabaseError:
            return {}
        return found

    def get(self, key: str, fields: frozenset[str] = frozenset({"findings", "silenced", "count"})
            ) -> dict[str, Any] | None:
        """A stored JSON object with at least ``fields``, or None when missing, corrupt or unusable."""
        return _usable(self.get_raw(key), fields)

    def put_many(self, items: dict[str, bytes]) -> None:
        """Store JSON documents (already encoded) under their keys."""
        db = self._connect()
        if db is None or not items:
            return
        rows = [(key, hashlib.sha256(body).hexdigest(), body) for key, body in items.items()]
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", rows)
        except sqlite3.DatabaseError:
            pass  # a cache that cannot be written only costs time

    def keep_only(self, keys: Iterable[str]) -> None:
        """Delete every row but those of ``keys`` (and their suffixed rows), so that the cache
        holds one run's results instead of growing with every edit, code or termbase change."""
        db = self._connect()
        if db is None:
            return
        kept = {key + suffix for key in keys for suffix in ("", "/text", "/entries")}
        try:
            # The keys alone come from the primary key's index; usually nothing is stale.
            stale = [(key,) for (key,) in db.execute("SELECT key FROM results") if key not in kept]
            if stale and len(stale) <= _STALE_BY_KEY:  # an edit or two: delete them by key
                with db:
                    db.executemany("DELETE FROM results WHERE key = ?", stale)
            elif stale:  # a code, config or termbase change: everything goes but what was used
                with db:
                    db.execute("CREATE TEMP TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY)")
                    db.execute("DELETE FROM kept")
                    db.executemany("INSERT INTO kept VALUES (?)", ((key,) for key in kept))
                    db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM kept)")
        except sqlite3.DatabaseError:
            pass


def _read(path: str) -> bytes:
    """A file's bytes in four system calls (``open()`` adds a terminal check and seeks)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        size = os.fstat(fd).st_size
        chunks = [os.read(fd, size + 1)]
        while chunks[-1] and sum(map(len, chunks)) <= size:  # a file that grew while read
            chunks.append(os.read(fd, 65536))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _split(row: bytes | None, fields: frozenset[str]) -> tuple[dict[str, Any] | None, bytes]:
    """A job's cached row: its summary (a JSON object with ``fields``) and its findings array.
    Compact JSON holds no raw newline, so the first one separates them."""
    if row is None:
        return None, b""
    body, newline, array = row.partition(b"\n")
    meta = _usable(body, fields)
    if meta is None or not newline or array[:1] != b"[" or array[-1:] != b"]":
        return None, b""
    return meta, array


def _usable(body: bytes | None, fields: frozenset[str]) -> dict[str, Any] | None:
    """A cached JSON object with at least ``fields``, or None."""
    if body is None:
        return None
    try:
        value = json.loads(body)
    except ValueError:
        return None
    return value if isinstance(value, dict) and fields <= value.keys() else None


PARALLEL_THRESHOLD = 64  # jobs; below this a worker pool costs more than it saves
_CACHE_BATCH = 500


def run_checks(project: Project, locales: tuple[str, ...] = (), procedures: tuple[str, ...] = (),
               select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
               on_progress: Callable[[str], None] = lambda _: None, cache_dir: Path | None = None,
               jobs: int | None = None, text: bool = False) -> CheckReport:
    """Run the active checks. With ``cache_dir``, results are reused for unchanged catalogs and
    procedures; large runs spread the work over ``jobs`` worker processes (default: all cores).
    With ``text``, the report also holds its findings as lines of the text report (cached too).

    The work streams: jobs (each procedure's source, then every catalog, locale by locale) are
    checked in order, and a locale's cross-catalog checks run as soon as its last catalog is in,
    so only one locale's translations are held in memory at a time."""
    checks = active_checks(project.config.checks, select, ignore)
    by_scope: dict[str, list[ActiveCheck]] = {}
    for check in checks:
        by_scope.setdefault(check.spec.scope, []).append(check)
    termbase = project.termbase
    source_matcher = Matcher(termbase, project.config.source_language)
    chosen_ids = project.select_procedure_ids(procedures)
    cache = ResultCache(cache_dir)
    global_key = _global_key(project, checks) if cache_dir is not None else ""

    def key_of(tag: str, file: str, data: bytes) -> str:
        if not cache_dir:
            return ""
        digest = hashlib.sha256(f"{global_key}\0{tag}\0{file}\0".encode())
        digest.update(data)  # not prefix + data: that copies every catalog once more
        return digest.hexdigest()

    selected = project.select_locales(locales)
    contexts = {}
    for info in selected:
        language = termbase_language(termbase, info.posix)
        settings = project.config.settings(info.posix).as_dict()
        settings["reviewers"] = project.config.reviewers_for(info.posix)
        contexts[info.posix] = LocaleContext(info, language, termbase, source_matcher,
                                             Matcher(termbase, language), settings)
    order: list[tuple[str, str, str, str]] = []
    keys: dict[tuple[str, str, str, str], str] = {}
    if by_scope.get("source"):
        for pid in chosen_ids:
            path = project.procedures_dir / f"{pid}.yaml"
            job = ("", pid, project.rel(path), str(path))
            keys[job] = key_of("source", job[2], project.source_bytes(pid))
            order.append(job)
    root = str(project.root)
    for info in selected:
        for pid in chosen_ids:
            file = project.catalog_file(info.posix, pid)
            path = os.path.join(root, file)  # strings, not Paths: a large library has 10,000s
            job = (info.posix, pid, file, path)
            if cache_dir is not None:
                try:
                    keys[job] = key_of(info.posix, file, _read(path))
                except FileNotFoundError:
                    raise InputError("catalog missing: run `pipeline update`", file) from None
            else:
                if not os.path.exists(path):
                    raise InputError("catalog missing: run `pipeline update`", file)
                keys[job] = ""
            order.append(job)
    suffixes = ("", "/text") if text else ("",)
    whole = cache_dir is not None and not (locales or procedures or select or ignore)
    rows: dict[str, bytes] = {}
    if whole:  # most rows are wanted: read them in one pass, verified; a job is cached when all are
        rows = cache.scan({key + suffix for key in keys.values() for suffix in suffixes}, suffixes)
        present = {key for key in keys.values() if all(key + suffix in rows for suffix in suffixes)}
    else:
        present = cache.present(list(keys.values())) if cache_dir is not None else set()
    missing = [job for job in order if keys[job] not in present]

    _STATE.update(project=project, by_scope=by_scope, contexts=contexts, source_matcher=source_matcher)
    workers = jobs or os.cpu_count() or 1
    pool = None
    if workers > 1 and len(missing) >= PARALLEL_THRESHOLD and "fork" in multiprocessing.get_all_start_methods():
        pool = multiprocessing.get_context("fork").Pool(workers)
        computed: Iterator[tuple[bytes, bytes, bytes, bytes]] = pool.imap(_run_job, missing, chunksize=8)
    else:
        computed = map(_run_job, missing)

    parts: dict[str, list[tuple[bytes, bytes] | list[Finding]]] = {}  # file -> (array, text)s or findings
    tally: Counter[tuple[str, str]] = Counter()
    silenced: list[Finding] = []
    fresh: dict[str, bytes] = {}
    entries_seen = 0
    locale_entries: list[tuple[tuple[str, str, str, str], bytes | None, str]] = []
    meta_fields = frozenset({"count", "tally", "silenced"})
    locale_keys: list[str] = []
    try:
        for index, job in enumerate(order):
            key = keys[job]
            if not whole and index % _CACHE_BATCH == 0:  # the next stretch, in a few queries
                rows = cache.get_raw_many([keys[j] + suffix for j in order[index:index + _CACHE_BATCH]
                                           if keys[j] in present for suffix in suffixes])
            meta, array = _split(rows.pop(key, None), meta_fields) if key in present else (None, b"")
            lines = rows.pop(key + "/text", None) if text else b""
            entries: bytes | None = None
            if meta is None or lines is None:
                body, array, entries, lines = next(computed) if key not in present else _run_job(job)
                meta = json.loads(body)
                if cache_dir is not None:
                    # One row holds the summary and, after a newline, the findings (which a
                    # warm run copies into the report undecoded); their text lines, and the
                    # translations the locale-wide checks need, are rows of their own, read
                    # only for a text report and when those checks must run again.
                    fresh.update({key: body + b"\n" + array, key + "/text": lines, key + "/entries": entries})
                    if len(fresh) >= _CACHE_BATCH:
                        cache.put_many(fresh)
                        fresh = {}
            on_progress(f"checking {index + 1}/{len(order)}: {job[0] or 'source'}/{job[1]}")
            if meta["tally"]:
                parts.setdefault(job[2], []).append((array, lines if text else b""))
                tally.update({(c, s): n for c, s, n in meta["tally"]})
            silenced += map(_finding, meta["silenced"])
            entries_seen += meta["count"]
            if not job[0]:
                continue
            locale_entries.append((job, entries, key))
            if index + 1 == len(order) or order[index + 1][0] != job[0]:
                locale_key = None
                if cache_dir is not None:
                    locale_key = hashlib.sha256("\0".join(
                        [global_key, "locale", job[0], *(k for _, _, k in locale_entries)]).encode()).hexdigest()
                    locale_keys.append(locale_key)
                locale_findings, locale_silenced = _locale_checks(
                    job[0], locale_entries, contexts[job[0]], by_scope.get("locale", []), cache, fresh, locale_key)
                for finding in locale_findings:
                    parts.setdefault(finding.file, []).append([finding])
                    tally[(finding.code, finding.severity)] += 1
                silenced += locale_silenced
                locale_entries = []
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
    if cache_dir is not None:
        cache.put_many(fresh)
        if whole:  # drop what the run no longer uses
            cache.keep_only([*keys.values(), *locale_keys])
    silenced.sort(key=_ORDER)
    catalogs_seen = len(selected) * len(chosen_ids)
    # Popped as they are joined, so a file's arrays are never held twice.
    return CheckReport(tuple((file, *_join(parts.pop(file), text)) for file in sorted(parts)), tuple(silenced),
                       catalogs_seen, entries_seen, tuple(sorted(tally.items())))


_REPORT_ORDER = itemgetter(*Finding.__slots__)  # _ORDER, on a finding's report dict
# The start of each finding in a report array: compact JSON with sorted keys, so "code" opens
# every object. The bare quotes cannot occur inside a string, where quotes are escaped.
_ELEMENT = re.compile(rb'\{"code":"([^"\\]*)","file":"(?:[^"\\]|\\.)*","line":(\d+),')


def _join(items: list[tuple[bytes, bytes] | list[Finding]], text: bool) -> tuple[bytes, bytes]:
    """One file's findings as one UTF-8 array in report order and (with ``text``) as text lines:
    a job's as they are, else merged (a file with locale-wide findings too)."""
    if len(items) == 1 and isinstance(items[0], tuple):
        return items[0]
    arrays = [item for item in items if isinstance(item, tuple)]
    extra = sorted((f.as_dict() for item in items if not isinstance(item, tuple) for f in item),
                   key=_REPORT_ORDER)
    spliced = _splice(arrays[0][0], extra, arrays[0][1] if text else None) if len(arrays) == 1 else None
    if spliced is not None:
        return spliced
    merged: list[dict[str, Any]] = [d for array, _ in arrays for d in json.loads(array)] + extra
    merged.sort(key=_REPORT_ORDER)
    return _encode_dicts(merged), "".join(map(text_line, merged)).encode("utf-8") if text else b""


def _splice(array: bytes, extra: list[dict[str, Any]], text: bytes | None = None) -> tuple[bytes, bytes] | None:
    """A job's array (and, given them, its text lines, one per finding) with a few more
    findings (sorted dicts) put in their places, without decoding the array: findings of one
    file order by line, then code, and the locale-wide checks' codes are never a job's, so
    (line, code) places each one. None when the array or the lines do not have the expected
    shape (the caller then decodes and sorts)."""
    starts, keys = [], []
    for match in _ELEMENT.finditer(array):
        starts.append(match.start())
        keys.append((int(match[2]), match[1].decode("utf-8")))
    if (not starts and array != b"[]") or (starts and starts[0] != 1) or any(
            array[s - 2:s] != b"}," for s in starts[1:]) or array[-2:] not in (b"}]", b"[]"):
        return None
    ends = [s - 1 for s in starts[1:]] + [len(array) - 1]
    pieces = [array[s:e] for s, e in zip(starts, ends)]
    lines = text.split(b"\n") if text is not None else [b""] * (len(pieces) + 1)
    if len(lines) != len(pieces) + 1 or lines[-1] != b"":
        return None
    out: list[bytes] = []
    out_lines: list[bytes] = []
    index = 0
    for finding in extra:
        place = (finding["line"], finding["code"])
        if place in keys:
            return None  # the same line and code in both: let the full order decide
        while index < len(keys) and keys[index] < place:
            out.append(pieces[index])
            out_lines.append(lines[index])
            index += 1
        out.append(_encode_dicts([finding])[1:-1])
        out_lines.append(text_line(finding)[:-1].encode("utf-8"))
    out += pieces[index:]
    out_lines += lines[index:-1]
    return b"[" + b",".join(out) + b"]", b"\n".join(out_lines) + b"\n" if text is not None else b""


class _View(NamedTuple):
    """A translated entry as the locale-wide checks read it (the fields of `Entry` they use)."""

    locale: str
    procedure: str
    file: str
    line: int
    msgctxt: str | None
    msgid: str
    msgstr: str
    translator_comment: str
    fuzzy: bool = False


def _locale_checks(posix: str, catalogs: list[tuple[tuple[str, str, str, str], bytes | None, str]],
                   ctx: LocaleContext, checks: list[ActiveCheck], cache: ResultCache,
                   fresh: dict[str, bytes], key: str | None) -> tuple[list[Finding], list[Finding]]:
    """Cross-catalog checks of one locale. They depend on every catalog of the locale, so their
    result is cached under a key made of all the catalogs' keys."""
    if not checks:
        return [], []
    payload = cache.get(key) if key is not None else None
    if payload is None:
        views = []
        cached = cache.get_raw_many([job_key + "/entries" for _, body, job_key in catalogs if body is None])
        for job, body, job_key in catalogs:
            if body is None:  # the catalog's result came from the cache
                stored = _usable(cached.get(job_key + "/entries"), frozenset({"entries"}))
                rows = stored["entries"] if stored is not None else json.loads(_run_job(job)[2])["entries"]
            else:
                rows = json.loads(body)["entries"]
            pid, file = job[1], job[2]
            views.append(Catalog(posix, pid, file, tuple(
                _View(posix, pid, file, *row) for row in rows)))
        out = _Collector()
        for check in checks:
            for entry, text in check.spec.module.check(views, ctx, check.options):
                out.add(check, entry, text, file=entry.file, line=entry.line, locale=posix,
                        procedure=entry.procedure)
        payload = {"findings": [f.as_dict() for f in out.findings],
                   "silenced": [f.as_dict() for f in out.silenced], "count": 0}
        if key is not None:
            fresh[key] = _encode(payload)
    return [_finding(f) for f in payload["findings"]], [_finding(f) for f in payload["silenced"]]


def catalogue() -> list[CheckSpec]:
    return list(REGISTRY)


__all__ = ["CheckReport", "SEVERITIES", "active_checks", "catalogue", "run_checks"]
