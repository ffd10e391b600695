"""A check run on one inline entry with what the shipped content gives it: the termbase, the
negation markers and the locale registry of this repository (not the frozen fixture)."""

from __future__ import annotations

from functools import cache
from types import ModuleType

from pipeline.checks.model import Entry, LocaleContext
from pipeline.project import Project
from pipeline.termbase.matching import Matcher, termbase_language

from ..conftest import REPO


@cache
def context(locale: str) -> LocaleContext:
    project = Project(REPO)
    info = project.locale(locale)
    language = termbase_language(project.termbase, info.posix)
    return LocaleContext(info, language, project.termbase, Matcher(project.termbase, "en"),
                         Matcher(project.termbase, language), {}, project.negation)


def findings(module: ModuleType, locale: str, source: str, translation: str) -> list[str]:
    """What an entry check says of ``translation`` of ``source`` in ``locale``."""
    entry = Entry(locale=locale, procedure="p", file="p.po", line=1, msgctxt="c", msgid=source, msgstr=translation)
    return list(module.check(entry, context(locale), module.OPTIONS))
