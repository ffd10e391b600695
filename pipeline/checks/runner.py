"""Run the registered checks over the source, the termbase and the catalogs."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import polib

from ..catalog.reader import read_po
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


def _entries(project: Project, posix: str, procedure: str, catalog: polib.POFile, file: str) -> Catalog:
    items = []
    for e in catalog:
        if e.obsolete:
            continue
        plural = tuple(e.msgstr_plural[i] for i in sorted(e.msgstr_plural)) if e.msgid_plural else ()
        items.append(Entry(locale=posix, procedure=procedure, file=file, line=e.linenum,
                           msgctxt=e.msgctxt, msgid=e.msgid,
                           msgstr=e.msgstr if not e.msgid_plural else (plural[0] if plural else ""),
                           msgid_plural=e.msgid_plural or None, msgstr_plural=plural,
                           previous_msgid=e.previous_msgid, fuzzy="fuzzy" in e.flags,
                           translator_comment=e.tcomment or ""))
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


def run_checks(project: Project, locales: tuple[str, ...] = (), procedures: tuple[str, ...] = (),
               select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
               on_progress: Callable[[str], None] = lambda _: None) -> CheckReport:
    checks = active_checks(project.config.checks, select, ignore)
    by_scope: dict[str, list[ActiveCheck]] = {}
    for check in checks:
        by_scope.setdefault(check.spec.scope, []).append(check)
    termbase = project.termbase
    source_matcher = Matcher(termbase, project.config.source_language)
    chosen = project.select_procedures(procedures)
    out = _Collector()

    source_ctx = SourceContext(termbase, source_matcher, chosen)
    for check in by_scope.get("source", []):
        for procedure in chosen:
            for message, text in check.spec.module.check(procedure, source_ctx, check.options):
                out.add(check, None, text, file=procedure.source, line=message.text.line, locale=None,
                        procedure=procedure.id, msgctxt=message.context, msgid=message.text.value)

    catalogs_seen = entries_seen = 0
    for info in project.select_locales(locales):
        language = termbase_language(termbase, info.posix)
        settings = project.config.settings(info.posix).as_dict()
        settings["reviewers"] = project.config.reviewers_for(info.posix)
        ctx = LocaleContext(info, language, termbase, source_matcher, Matcher(termbase, language), settings)
        catalogs = []
        for procedure in chosen:
            on_progress(f"{info.posix}/{procedure.id}")
            path = project.catalog_path(info.posix, procedure.id)
            file = project.rel(path)
            if not path.exists():
                raise InputError("catalog missing: run `pipeline update`", file)
            catalog = _entries(project, info.posix, procedure.id, read_po(path, file), file)
            catalogs.append(catalog)
            catalogs_seen += 1
            entries_seen += len(catalog.entries)
            for entry in catalog.entries:
                translated = bool(entry.msgstr) and not entry.fuzzy
                scope = "entry" if translated else ("fuzzy" if entry.fuzzy and entry.msgstr else None)
                for check in by_scope.get(scope, []) if scope else []:
                    for text in check.spec.module.check(entry, ctx, check.options):
                        out.add(check, entry, text, file=file, line=entry.line, locale=info.posix,
                                procedure=procedure.id)
            for check in by_scope.get("catalog", []):
                for entry, text in check.spec.module.check(catalog, ctx, check.options):
                    out.add(check, entry, text, file=file, line=entry.line if entry else 1,
                            locale=info.posix, procedure=procedure.id)
        for check in by_scope.get("locale", []):
            for entry, text in check.spec.module.check(catalogs, ctx, check.options):
                out.add(check, entry, text, file=entry.file, line=entry.line, locale=info.posix,
                        procedure=entry.procedure)
    return CheckReport(tuple(sorted(out.findings)), tuple(sorted(out.silenced)), catalogs_seen, entries_seen)


def catalogue() -> list[CheckSpec]:
    return list(REGISTRY)


__all__ = ["CheckReport", "SEVERITIES", "active_checks", "catalogue", "run_checks"]
