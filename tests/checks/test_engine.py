"""The engine reuses an identical entry's findings: every entry rule depends only on what the entry
says (its texts, flags and comments) and the locale, never on where the entry is."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.checks.engine import Collector, active_checks, by_scope, catalog_from_po, check_catalog, entry_scope
from pipeline.checks.model import Catalog, Scope
from pipeline.checks.runner import _contexts
from pipeline.project import Project
from pipeline.termbase.matching import Matcher

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "content"


def _setup():
    project = Project(FIXTURE)
    checks = by_scope(active_checks(project.config.checks, (), (), project.config))
    contexts = _contexts(project, [i.posix for i in project.locales], Matcher(project.termbase, "en"))
    catalogs = [catalog_from_po(info.posix, pid, project.catalog_file(info.posix, pid),
                                (FIXTURE / project.catalog_file(info.posix, pid)).read_bytes())
                for info in project.locales for pid in project.procedure_ids()]
    return checks, contexts, catalogs


CHECKS, CONTEXTS, CATALOGS = _setup()
ENTRY_RULES = [c for scope in (Scope.ENTRY, Scope.FUZZY) for c in CHECKS.get(scope, [])]


# What an entry rule of each scope must not depend on: the engine's memo key leaves it out.
ELSEWHERE = {"procedure": "elsewhere", "file": "locales/x/LC_MESSAGES/elsewhere.po", "msgctxt": "elsewhere.title"}
NOT_READ = {
    Scope.ENTRY: {**ELSEWHERE, "translator_comment": "# signed-off: someone 2026-01-01 0123456789abcdef\nignore: E201",
                  "previous_msgid": "an older source"},
    Scope.FUZZY: ELSEWHERE,
}


@pytest.mark.parametrize("check", ENTRY_RULES, ids=[c.spec.code for c in ENTRY_RULES])
def test_an_entry_rule_depends_only_on_the_entry_texts(check) -> None:
    seen = 0
    for catalog in CATALOGS:
        ctx = CONTEXTS[catalog.locale]
        for entry in catalog.entries:
            if entry_scope(entry) is not check.spec.scope:
                continue
            moved = entry._replace(line=entry.line + 7, **NOT_READ[check.spec.scope])
            assert list(check.spec.module.check(moved, ctx, check.options)) == \
                list(check.spec.module.check(entry, ctx, check.options)), (check.spec.code, entry.msgctxt)
            seen += 1
    assert seen


def test_findings_with_the_memo_are_the_findings_without_it() -> None:
    # Every catalog twice, the second time under another procedure's name: all from the memo.
    for with_memo in (False, True):
        out = Collector()
        memos: dict[str, dict] = {}
        for catalog in CATALOGS + [Catalog(c.locale, "copy", c.file + ".copy",
                                           tuple(e._replace(procedure="copy", file=c.file + ".copy",
                                                            msgctxt=f"copy.{e.msgctxt}") for e in c.entries))
                                   for c in CATALOGS]:
            memo = memos.setdefault(catalog.locale, {}) if with_memo else None
            check_catalog(catalog, CHECKS, CONTEXTS[catalog.locale], out, memo)
        if not with_memo:
            expected = (out.findings, out.silenced)
        else:
            assert (out.findings, out.silenced) == expected
            assert sum(len(m) for m in memos.values()) < sum(len(c.entries) for c in CATALOGS)
    copies = [f for f in expected[0] if f.procedure == "copy"]
    assert copies and all(f.msgctxt.startswith("copy.") for f in copies if f.msgctxt)


def test_a_catalog_entry_is_what_the_reader_read() -> None:
    from pipeline.catalog.po_reader import read_entries
    from pipeline.checks.model import Entry

    for catalog in CATALOGS:
        raw = [e for e in read_entries(catalog.file, (FIXTURE / catalog.file).read_bytes())
               if not e.obsolete and (e.msgid or e.msgctxt)]
        assert len(raw) == len(catalog.entries)
        for e, entry in zip(raw, catalog.entries, strict=True):
            forms = tuple(e.msgstr[i] for i in sorted(e.msgstr)) if e.msgid_plural else ()
            assert entry == Entry(locale=catalog.locale, procedure=catalog.procedure, file=catalog.file, line=e.line,
                                  msgctxt=e.msgctxt, msgid=e.msgid,
                                  msgstr=forms[0] if forms else e.msgstr.get(0, ""), msgid_plural=e.msgid_plural,
                                  msgstr_plural=forms, previous_msgid=e.previous_msgid, fuzzy="fuzzy" in e.flags,
                                  translator_comment="\n".join(e.tcomment))
            assert isinstance(entry, Entry)
