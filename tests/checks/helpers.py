"""Real entries from the shipped catalogs, and the context a check sees for a locale."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import polib

from pipeline.checks.base import Entry, LocaleContext
from pipeline.project import Project
from pipeline.termbase.matching import Matcher, termbase_language

from ..conftest import REPO


@lru_cache(maxsize=None)
def project() -> Project:
    return Project(REPO)


@lru_cache(maxsize=None)
def context(locale: str) -> LocaleContext:
    p = project()
    info = p.locale(locale)
    language = termbase_language(p.termbase, info.posix)
    return LocaleContext(info, language, p.termbase, Matcher(p.termbase, "en"),
                         Matcher(p.termbase, language), p.config.settings(info.posix).as_dict())


def shipped(locale: str, procedure: str, msgctxt: str) -> Entry:
    path = REPO / "locales" / locale / "LC_MESSAGES" / f"{procedure}.po"
    e = next(e for e in polib.pofile(str(path)) if e.msgctxt == msgctxt)
    assert e.msgstr and "fuzzy" not in e.flags, f"{path}:{msgctxt} is not a finished translation"
    return Entry(locale=locale, procedure=procedure, file=str(path), line=e.linenum, msgctxt=e.msgctxt,
                 msgid=e.msgid, msgstr=e.msgstr)


def planted(entry: Entry, old: str | None, new: str) -> Entry:
    """The entry with a defect planted in its translation (old -> new; old None appends new)."""
    if old is None:
        return replace(entry, msgstr=entry.msgstr + new)
    assert old in entry.msgstr, (old, entry.msgstr)
    return replace(entry, msgstr=entry.msgstr.replace(old, new, 1))


def run(module, entry: Entry, locale: str, **options) -> list[str]:
    return list(module.check(entry, context(locale), {**module.OPTIONS, **options}))
