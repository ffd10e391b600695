"""Real entries from the shipped catalogs, and the context a check sees for a locale."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import polib

from pipeline.checks.model import Entry, LocaleContext
from pipeline.project import Project
from pipeline.termbase.matching import Matcher, termbase_language

from ..conftest import REPO


@cache
def project() -> Project:
    return Project(REPO)


@cache
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


def plant_inconsistency(root: Path) -> None:
    """A heading the procedures share translated differently in one of them (W308, locale-wide),
    in one edit of the Spanish rhizotomy catalog."""
    catalog = root / "locales/es/LC_MESSAGES/endoscopic-rhizotomy.po"
    entry = next(e for e in polib.pofile(str(catalog)) if e.msgid == "Common questions")
    text = catalog.read_text("utf-8")
    old = f'msgid "Common questions"\nmsgstr "{entry.msgstr}"'
    assert old in text
    catalog.write_text(text.replace(old, f'{old[:-1]} (revisadas)"'), "utf-8")


def run(module, entry: Entry, locale: str, **options) -> list[str]:
    return list(module.check(entry, context(locale), {**module.OPTIONS, **options}))
