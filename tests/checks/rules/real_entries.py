"""Real translated entries (from the frozen fixture content), defects planted into them, and the
context a check sees for a locale."""

from __future__ import annotations

from functools import cache
from typing import Any

import polib

from pipeline.checks.model import Entry, LocaleContext
from pipeline.project import Project
from pipeline.termbase.matching import Matcher, termbase_language

from ...conftest import FIXTURE


@cache
def project() -> Project:
    return Project(FIXTURE)


@cache
def context(locale: str) -> LocaleContext:
    p = project()
    info = p.locale(locale)
    language = termbase_language(p.termbase, info.posix)
    return LocaleContext(info, language, p.termbase, Matcher(p.termbase, "en"),
                         Matcher(p.termbase, language), p.config.check_settings(info.posix))


def shipped(locale: str, procedure: str, msgctxt: str) -> Entry:
    path = FIXTURE / "locales" / locale / "LC_MESSAGES" / f"{procedure}.po"
    e = next(e for e in polib.pofile(str(path)) if e.msgctxt == msgctxt)
    assert e.msgstr and "fuzzy" not in e.flags, f"{path}:{msgctxt} is not a finished translation"
    return Entry(locale=locale, procedure=procedure, file=str(path), line=e.linenum, msgctxt=e.msgctxt,
                 msgid=e.msgid, msgstr=e.msgstr)


def planted(entry: Entry, old: str | None, new: str) -> Entry:
    """The entry with a defect planted in its translation (old -> new; old None appends new)."""
    if old is None:
        return entry._replace(msgstr=entry.msgstr + new)
    assert old in entry.msgstr, (old, entry.msgstr)
    return entry._replace(msgstr=entry.msgstr.replace(old, new, 1))


def run(module: Any, entry: Entry, locale: str, **options: Any) -> list[str]:
    return list(module.check(entry, context(locale), {**module.OPTIONS, **options}))
