"""What a check run does, without files, caches or processes: which checks are on (selection and
configured severity), how each scope's checks are applied, and how a translator's `ignore:`
comment silences a finding.

Every function here takes model objects and returns findings; the runner decides where the
objects come from (files, the cache, worker processes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from ..catalog.po_reader import read_entries, read_live
from ..catalog.states import has_translation
from ..config import Config
from ..content.model import Procedure
from ..errors import InputError
from .model import (
    Catalog,
    CatalogRule,
    CheckSpec,
    Entry,
    EntryRule,
    Finding,
    LocaleContext,
    LocaleRule,
    ProjectLayout,
    ProjectRule,
    Scope,
    SourceContext,
    SourceRule,
)
from .registry import REGISTRY
from .text import ignored


@dataclass(frozen=True)
class ActiveCheck:
    """A check that is on, with the severity and options the configuration gives it."""

    spec: CheckSpec
    severity: str
    options: dict[str, Any]


def matches_selector(spec: CheckSpec, selector: str) -> bool:
    """A selector is a code (E201), a code prefix (E2) or a name (numbers)."""
    selector = selector.strip()
    return spec.code.startswith(selector.upper()) or spec.name == selector.lower()


def _validate_selectors(selectors: Iterable[str], option: str) -> None:
    for selector in selectors:
        # An empty selector is a prefix of every code: `--ignore "$UNSET"` would turn every check off.
        if not selector.strip() or not any(matches_selector(spec, selector) for spec in REGISTRY):
            raise InputError(f"{option} {selector!r} matches no check: use a code (E201), a prefix "
                             "(E2) or a name (numbers); see `pipeline check --list`")


def _where(config: Config | None, path: str) -> tuple[str, int, int]:
    return config.where(path) if config is not None else ("pipeline.yaml", 1, 1)


def active_checks(config_checks: dict[str, dict[str, Any]], select: tuple[str, ...] = (),
                  ignore: tuple[str, ...] = (), config: Config | None = None) -> list[ActiveCheck]:
    """The checks to run, with the severity and options set in the config (``config`` gives the
    settings' places in pipeline.yaml for the errors)."""
    _validate_selectors(select, "--select")
    _validate_selectors(ignore, "--ignore")
    for key in config_checks:
        if not any(spec.code == key or spec.name == key for spec in REGISTRY):
            raise InputError(f"checks.{key}: no such check (see `pipeline check --list`)",
                             *_where(config, f"checks.{key}"))
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
            option = sorted(unknown)[0]
            key = spec.code if option in config_checks.get(spec.code, {}) else spec.name
            raise InputError(f"checks.{key}: unknown option {option!r} (options: {', '.join(spec.options) or 'none'})",
                             *_where(config, f"checks.{key}.{option}"))
        for option, value in settings.items():
            problem = _option_problem(spec, option, value)
            if problem:
                key = spec.code if option in config_checks.get(spec.code, {}) else spec.name
                raise InputError(f"checks.{key}.{option}: {problem}", *_where(config, f"checks.{key}.{option}"))
        result.append(ActiveCheck(spec, severity, {**spec.options, **settings}))
    return result


def _option_problem(spec: CheckSpec, option: str, value: Any) -> str | None:
    """What is wrong with a configured option's value, judged by its default: a number of 0 or
    more (a whole one where the default is whole), or a non-empty list of the check's choices."""
    default = spec.options[option]
    if isinstance(default, list):
        choices = getattr(spec.module, "OPTION_CHOICES", {}).get(option, ())
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            return (f"{value!r} is not a list like [{', '.join(default)}] (to turn the check off, "
                    "set severity: off)")
        unknown = [v for v in value if choices and v not in choices]
        return f"{unknown[0]!r} is not one of: {', '.join(choices)}" if unknown else None
    whole = isinstance(default, int)
    if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)) or value < 0:
        return f"{value!r} is not a {'whole ' if whole else ''}number of 0 or more (default {default})"
    return None


def by_scope(checks: Iterable[ActiveCheck]) -> dict[Scope, list[ActiveCheck]]:
    grouped: dict[Scope, list[ActiveCheck]] = {}
    for check in checks:
        grouped.setdefault(check.spec.scope, []).append(check)
    return grouped


def catalog_from_po(posix: str, procedure: str, file: str, data: bytes) -> Catalog:
    """A catalog's live entries, as the checks see them, from its PO bytes."""
    live = read_live(file, data)
    if live is not None:  # the common case: singular entries as msgcat writes them
        return Catalog(posix, procedure, file, tuple(
            _entry(Entry, (posix, procedure, file, line, msgctxt, msgid, msgstr, None, (), previous, fuzzy, comment))
            for line, msgctxt, msgid, msgstr, previous, fuzzy, comment in live if msgid or msgctxt))
    items = []
    for e in read_entries(file, data):
        if e.obsolete or not (e.msgid or e.msgctxt):
            continue
        plural = tuple(e.msgstr[i] for i in sorted(e.msgstr)) if e.msgid_plural else ()
        # Entry's fields in order, built as a tuple (its keyword constructor is a Python function)
        items.append(_entry(Entry, (posix, procedure, file, e.line, e.msgctxt, e.msgid,
                                    plural[0] if e.msgid_plural and plural else e.msgstr.get(0, ""),
                                    e.msgid_plural, plural, e.previous_msgid, "fuzzy" in e.flags,
                                    "\n".join(e.tcomment))))
    return Catalog(posix, procedure, file, tuple(items))


_entry = tuple.__new__


def silenced_codes(entry: Entry | None) -> set[str]:
    """The codes and names a translator's `ignore:` comments name on ``entry`` (lower case)."""
    return set(ignored(entry.translator_comment)) if entry is not None else set()


@dataclass
class Collector:
    """Findings as checks report them, with the ones a translator silenced set apart (a safety
    check's findings are never silenced)."""

    findings: list[Finding] = field(default_factory=list)
    silenced: list[Finding] = field(default_factory=list)

    def add(self, check: ActiveCheck, entry: Entry | None, message: str, *, file: str, line: int,
            locale: str | None, procedure: str | None, msgctxt: str | None = None,
            msgid: str | None = None) -> None:
        if entry is not None:
            msgctxt, msgid = entry.msgctxt, entry.msgid
        finding = Finding(file=file, line=line, code=check.spec.code, name=check.spec.name,
                          severity=check.severity, locale=locale, procedure=procedure,
                          msgctxt=msgctxt, msgid=msgid, message=message)
        codes = silenced_codes(entry)
        if not check.spec.safety and (check.spec.code.lower() in codes or check.spec.name in codes):
            self.silenced.append(finding)
        else:
            self.findings.append(finding)


def check_procedure(procedure: Procedure, file: str, checks: Sequence[ActiveCheck], ctx: SourceContext,
                    out: Collector) -> None:
    """The source-scope checks of one procedure."""
    for check in checks:
        rule = cast(SourceRule, check.spec.module.check)
        for message, text in rule(procedure, ctx, check.options):
            out.add(check, None, text, file=file, line=message.text.line, locale=None,
                    procedure=procedure.id, msgctxt=message.context, msgid=message.text.value)


def entry_scope(entry: Entry) -> Scope | None:
    """Which entry checks look at an entry: the checks look at whatever text a translator wrote, so
    an entry holding any translated text gets the entry checks (a half-translated plural entry
    too: it is not translated, and W303 says which forms are missing), a fuzzy one the fuzzy
    checks, an empty one none."""
    if not has_translation(entry.forms):
        return None
    return Scope.FUZZY if entry.fuzzy else Scope.ENTRY


Found = list[tuple[ActiveCheck, str]]
_MEMO_LIMIT = 100_000


def check_catalog(catalog: Catalog, checks: dict[Scope, list[ActiveCheck]], ctx: LocaleContext,
                  out: Collector, memo: dict[tuple[object, ...], Found] | None = None) -> None:
    """The entry, fuzzy and catalog-scope checks of one catalog.

    An entry check sees only an entry's texts (a fuzzy check also its previous source and
    translator comment) and the locale (`EntryRule`), so an entry that repeats the texts of one
    already checked with the same ``checks`` and ``ctx`` (a section title, the contact sentence,
    a standard risk in every leaflet, under whatever context) has the same findings: with a
    ``memo`` (one per locale and run) they are looked up instead of worked out again."""
    rules = {scope: [(check, cast(EntryRule, check.spec.module.check), check.options)
                     for check in checks.get(scope, [])] for scope in (Scope.ENTRY, Scope.FUZZY)}
    for entry in catalog.entries:
        scope = entry_scope(entry)
        if scope is None:
            continue
        key: tuple[object, ...] = (scope, entry.msgid, entry.msgstr, entry.msgid_plural, entry.msgstr_plural)
        if scope is Scope.FUZZY:
            key += (entry.previous_msgid, entry.translator_comment)
        found = memo.get(key) if memo is not None else None
        if found is None:
            found = [(check, text) for check, rule, options in rules[scope] for text in rule(entry, ctx, options)]
            if memo is not None:
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                memo[key] = found
        for check, text in found:
            out.add(check, entry, text, file=catalog.file, line=entry.line, locale=catalog.locale,
                    procedure=catalog.procedure)
    for check in checks.get(Scope.CATALOG, []):
        catalog_rule = cast(CatalogRule, check.spec.module.check)
        for where, text in catalog_rule(catalog, ctx, check.options):
            out.add(check, where, text, file=catalog.file, line=where.line if where else 1,
                    locale=catalog.locale, procedure=catalog.procedure)


def check_locale(catalogs: Sequence[Catalog], checks: Sequence[ActiveCheck], ctx: LocaleContext,
                 out: Collector) -> None:
    """The locale-scope checks, over the translated entries of every catalog of one locale."""
    for check in checks:
        rule = cast(LocaleRule, check.spec.module.check)
        for entry, text in rule(catalogs, ctx, check.options):
            out.add(check, entry, text, file=entry.file, line=entry.line, locale=entry.locale,
                    procedure=entry.procedure)


def check_project(layout: ProjectLayout, checks: Sequence[ActiveCheck], out: Collector) -> None:
    """The project-scope checks: the content root's layout and settings as a whole."""
    for check in checks:
        rule = cast(ProjectRule, check.spec.module.check)
        for file, line, text in rule(layout, check.options):
            out.add(check, None, text, file=file, line=line, locale=None, procedure=None)
