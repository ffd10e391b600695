"""What every check shares: findings, the views checks look at, and the check description."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import ModuleType
from typing import Any, NamedTuple, Protocol

from ..content.model import Message, Procedure
from ..locales import LocaleInfo
from ..termbase.matching import Matcher
from ..termbase.model import Termbase
from ..termbase.negation import Negation

SEVERITIES = ("error", "warning", "info")


class Scope(StrEnum):
    """What a check looks at, and so which interface its `check` function has."""

    ENTRY = "entry"  # one translated entry: EntryRule
    FUZZY = "fuzzy"  # one fuzzy entry that has a translation: EntryRule
    CATALOG = "catalog"  # one catalog (a locale and a procedure): CatalogRule
    LOCALE = "locale"  # every catalog of a locale: LocaleRule
    SOURCE = "source"  # one procedure's English source: SourceRule
    PROJECT = "project"  # the content root's layout and settings as a whole: ProjectRule


@dataclass(frozen=True, order=True, slots=True)
class Finding:
    """One problem, sortable into a stable report order (file, line, code)."""

    file: str
    line: int
    code: str
    name: str
    severity: str
    locale: str | None
    procedure: str | None
    msgctxt: str | None
    msgid: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "severity": self.severity, "locale": self.locale,
                "procedure": self.procedure, "file": self.file, "line": self.line,
                "msgctxt": self.msgctxt, "msgid": self.msgid, "message": self.message}


EntryKey = tuple[str | None, str | None, str | None]  # (locale, procedure, msgctxt); None: not that precise


def by_entry(findings: Iterable[Finding]) -> dict[EntryKey, list[Finding]]:
    """Findings grouped by the entry they are about, each group in the order given. Every
    consumer of findings per entry (review, release policy, review site) asks this one index."""
    grouped: dict[EntryKey, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault((finding.locale, finding.procedure, finding.msgctxt), []).append(finding)
    return grouped


def text_line(finding: dict[str, Any]) -> str:
    """A finding (as its report dict) as a line of the text report, without colour. A line
    break in the message (a quoted source, say) is shown as \\n: one finding, one line."""
    where = f" [{finding['msgctxt']}]" if finding["msgctxt"] else ""
    message = finding["message"].replace("\r", "\\r").replace("\n", "\\n")
    return (f"  {finding['file']}:{finding['line']}: {finding['severity']} {finding['code']} "
            f"{finding['name']}{where}: {message}\n")


@dataclass(frozen=True)
class CheckSpec:
    """A check module's declaration, read from its module attributes."""

    code: str
    name: str
    severity: str
    scope: Scope
    safety: bool  # safety-critical: a translator comment cannot silence it
    options: dict[str, Any]
    module: ModuleType

    @property
    def doc(self) -> str:
        return (self.module.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0]


class Entry(NamedTuple):
    """One catalog entry as checks see it. Immutable; a tuple rather than a frozen dataclass, which
    takes five times as long to build (a run builds one per entry, twice for translated ones)."""

    locale: str
    procedure: str
    file: str
    line: int
    msgctxt: str | None
    msgid: str
    msgstr: str
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    previous_msgid: str | None = None
    fuzzy: bool = False
    translator_comment: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return self.msgstr_plural if self.msgid_plural else (self.msgstr,)

    @property
    def translated(self) -> bool:
        """`is_translated(self.forms, self.fuzzy)`, without building the forms (asked of every
        entry by several catalog checks)."""
        if self.fuzzy:
            return False
        return all(self.msgstr_plural) and bool(self.msgstr_plural) if self.msgid_plural else bool(self.msgstr)


@dataclass(frozen=True)
class Catalog:
    locale: str
    procedure: str
    file: str
    entries: tuple[Entry, ...]


@dataclass
class LocaleContext:
    """What a check may consult for one locale: its facts, the termbase and matchers, settings."""

    info: LocaleInfo
    language: str  # the termbase language for this locale
    termbase: Termbase
    source: Matcher
    target: Matcher
    settings: dict[str, Any] = field(default_factory=dict)
    negation: Negation = field(default_factory=Negation)  # markers per language (source/negation.yaml)


@dataclass
class SourceContext:
    termbase: Termbase
    source: Matcher
    procedures: tuple[Procedure, ...]


Options = Mapping[str, Any]


class EntryRule(Protocol):
    """`check` of an entry or fuzzy check: one message per problem in the entry. It depends only on
    the entry's texts (msgid, msgstr, their plurals), the locale context and its options (a fuzzy
    check also on the previous source and the translator comment), never on the entry's context
    or where it is (locale, procedure, file, line): the engine reuses the findings of an entry with
    the same texts (tests/checks/test_engine.py holds every rule to this)."""

    def __call__(self, entry: Entry, ctx: LocaleContext, options: Options) -> Iterable[str]: ...


class CatalogRule(Protocol):
    """`check` of a catalog check: (the entry, or None for the catalog as a whole, message)."""

    def __call__(self, catalog: Catalog, ctx: LocaleContext, options: Options
                 ) -> Iterable[tuple[Entry | None, str]]: ...


class LocaleRule(Protocol):
    """`check` of a locale check: sees the translated entries of every catalog of one locale."""

    def __call__(self, catalogs: Sequence[Catalog], ctx: LocaleContext, options: Options
                 ) -> Iterable[tuple[Entry, str]]: ...


@dataclass(frozen=True)
class Stray:
    """A file or folder under the content root that nothing reads: what it is and what to do."""

    path: str  # relative to the content root; a folder ends with "/"
    problem: str
    removable: bool  # `pipeline clean --orphans` removes it (never source content)


@dataclass(frozen=True)
class ProjectLayout:
    """What the project-scope checks see: the registered locales, who may review each, where
    their settings stand in pipeline.yaml, and the files nothing reads."""

    locales: tuple[str, ...]
    reviewers: Mapping[str, frozenset[str]]  # POSIX locale -> reviewer ids
    places: Mapping[str, tuple[int, int]]  # "locales.ht", "reviewers" -> line and column in pipeline.yaml
    strays: tuple[Stray, ...]


class ProjectRule(Protocol):
    """`check` of a project check: (file, line, message) per problem."""

    def __call__(self, layout: ProjectLayout, options: Options) -> Iterable[tuple[str, int, str]]: ...


class SourceRule(Protocol):
    """`check` of a source check: (the message of the procedure, problem) pairs."""

    def __call__(self, procedure: Procedure, ctx: SourceContext, options: Options
                 ) -> Iterable[tuple[Message, str]]: ...
