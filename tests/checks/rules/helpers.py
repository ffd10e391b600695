"""Builders for the per-rule tests: inline entries, catalogs and procedures, run through a rule's
own ``check`` the way the runner calls its scope.

The context a check sees (locale facts, termbase, matchers) comes from the frozen fixture content
under tests/fixtures/content, so an edit to the shipped content never reaches these tests.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType
from typing import Any

from pipeline.checks.engine import entry_scope
from pipeline.checks.model import Catalog, Entry, LocaleContext, SourceContext
from pipeline.checks.registry import BY_CODE
from pipeline.config import LocaleSettings
from pipeline.content.model import Paragraph, Procedure, Section, Text
from pipeline.project import Project
from pipeline.termbase.matching import Matcher, termbase_language
from pipeline.termbase.model import Termbase

from ...conftest import FIXTURE

Found = tuple[str, str | None, str]  # code, msgctxt (None: the catalog as a whole), message
Subject = Entry | Catalog | list[Catalog] | Procedure


@cache
def project() -> Project:
    return Project(FIXTURE)


@cache
def matcher(language: str) -> Matcher:
    return Matcher(project().termbase, language)


def context(locale: str = "es", reviewers: frozenset[str] = frozenset(), termbase: Termbase | None = None,
            **settings: Any) -> LocaleContext:
    """What a check sees for ``locale``: ``settings`` are the locale's pipeline.yaml settings;
    ``termbase`` replaces the fixture's."""
    info = project().locale(locale)
    terms = termbase or project().termbase
    language = termbase_language(terms, info.posix)
    values = LocaleSettings(**settings).as_dict()
    values["reviewers"] = reviewers
    if termbase is None:
        return LocaleContext(info, language, terms, matcher("en"), matcher(language), values)
    return LocaleContext(info, language, terms, Matcher(terms, "en"), Matcher(terms, language), values)


def entry(msgid: str, msgstr: str, locale: str = "es", procedure: str = "p", msgctxt: str = "c",
          **fields: Any) -> Entry:
    return Entry(locale=locale, procedure=procedure, file=f"locales/{locale}/LC_MESSAGES/{procedure}.po",
                 line=1, msgctxt=msgctxt, msgid=msgid, msgstr=msgstr, **fields)


def catalog(*entries: Entry, procedure: str = "p") -> Catalog:
    locale = entries[0].locale if entries else "es"
    return Catalog(locale, procedure, f"locales/{locale}/LC_MESSAGES/{procedure}.po",
                   tuple(e._replace(procedure=procedure) for e in entries))


def procedure(*paragraphs: str, title: str = "Your operation") -> Procedure:
    """A procedure whose summary is the first text and whose one section holds the others."""
    texts = [Text(value, line) for line, value in enumerate(paragraphs, start=3)]
    blocks = tuple(Paragraph(f"p{index}", text) for index, text in enumerate(texts[1:], start=1))
    sections = (Section("about", Text("About", 2), blocks),) if blocks else ()
    return Procedure("x", "source/procedures/x.yaml", Text(title, 1), texts[0], sections)


def options(module: ModuleType, **overrides: Any) -> dict[str, Any]:
    """The rule's options as the runner builds them: the registry's defaults, then the config."""
    spec = BY_CODE[module.CODE]
    assert spec.module is module and set(overrides) <= set(spec.options), overrides
    return {**spec.options, **overrides}


_entry_scope = entry_scope  # the engine's own rule, not a copy of it


def run(module: ModuleType, subject: Subject, ctx: Any = None, **overrides: Any) -> list[Found]:
    """The rule's findings on ``subject`` as (code, msgctxt, message), called as the runner does."""
    spec, opts = BY_CODE[module.CODE], options(module, **overrides)
    if spec.scope in ("entry", "fuzzy"):
        assert isinstance(subject, Entry)
        if _entry_scope(subject) != spec.scope:
            return []
        ctx = ctx or context(subject.locale)
        return [(spec.code, subject.msgctxt, text) for text in module.check(subject, ctx, opts)]
    if spec.scope == "catalog":
        assert isinstance(subject, Catalog)
        ctx = ctx or context(subject.locale)
        return [(spec.code, e.msgctxt if e else None, text) for e, text in module.check(subject, ctx, opts)]
    if spec.scope == "locale":
        assert isinstance(subject, list)
        # The runner hands locale-wide checks the translated, non-fuzzy entries only.
        views = [Catalog(c.locale, c.procedure, c.file, tuple(e for e in c.entries if _entry_scope(e) == "entry"))
                 for c in subject]
        ctx = ctx or context(subject[0].locale)
        return [(spec.code, e.msgctxt, text) for e, text in module.check(views, ctx, opts)]
    assert spec.scope == "source" and isinstance(subject, Procedure)
    ctx = ctx or SourceContext(project().termbase, matcher("en"), (subject,))
    return [(spec.code, message.context, text) for message, text in module.check(subject, ctx, opts)]


def messages(found: list[Found], code: str) -> list[str]:
    """The messages of ``found``, after checking that every finding carries ``code``."""
    assert {c for c, _, _ in found} <= {code}, found
    return [text for _, _, text in found]


def assert_flagged(found: list[Found], code: str, expected: str) -> None:
    """Some finding of ``found`` has ``code`` and a message containing ``expected``."""
    texts = messages(found, code)
    assert any(expected in text for text in texts), found


def row_ids(rows: list[tuple[Any, ...]]) -> list[str]:
    """Test ids for a table: the row's number and its first and last columns, shortened."""
    return [f"{index}-{str(row[0])[:12]}-{str(row[-1])[:30]}" for index, row in enumerate(rows)]
