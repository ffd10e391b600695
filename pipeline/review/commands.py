"""Review commands on a Project: what is pending, approve, reject, and the review sheet."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib

from ..catalog.commands import render
from ..catalog.po_reader import read_po
from ..catalog.states import forms_of
from ..checks.model import EntryKey, Finding, by_entry
from ..checks.runner import Selection, run_checks
from ..clock import review_date, source_date
from ..errors import InputError
from ..fsutil import write_atomic
from ..locales import LocaleInfo
from ..lock import exclusive
from ..project import Project
from ..termbase.matching import Matcher, termbase_language
from ..wording import count, unknown_name
from . import sheet
from .changes import signed_text, word_diff
from .signoff import (
    ReviewState,
    correct,
    entry_fingerprint,
    fingerprint,
    provenance_of,
    reject,
    review_state_of,
    set_sign_off,
    sign_off_of,
)

PENDING_STATES = (ReviewState.UNREVIEWED, ReviewState.NEEDS_REREVIEW)


@dataclass(frozen=True)
class PendingEntry:
    locale: str
    procedure: str
    file: str
    line: int
    msgctxt: str
    source: str
    translation: str
    state: str
    fingerprint: str
    translator: str | None
    machine: bool
    terms: tuple[str, ...]
    findings: tuple[Finding, ...]
    changes: str = ""  # what changed since the last sign-off, as word diffs (see changes.py)
    silenced: tuple[Finding, ...] = ()  # findings the translator silenced with `ignore:`

    def as_dict(self) -> dict[str, Any]:
        return {"locale": self.locale, "procedure": self.procedure, "file": self.file, "line": self.line,
                "msgctxt": self.msgctxt, "source": self.source, "translation": self.translation,
                "state": self.state, "fingerprint": self.fingerprint, "translator": self.translator,
                "machine": self.machine, "terms": list(self.terms),
                "findings": [f.as_dict() for f in self.findings], "changes": self.changes,
                "silenced": [f.as_dict() for f in self.silenced]}


@dataclass(frozen=True)
class Decision:
    locale: str
    procedure: str
    msgctxt: str
    outcome: str  # "approved", "rejected", "edited", "refused" or "unchanged"
    reason: str = ""


OUTCOMES = ("approved", "rejected", "refused", "unchanged", "edited")


@dataclass(frozen=True)
class Verdict:
    """What a reviewer asked for one entry: "approve", "reject" or "" (no verdict), a reason, and
    their own wording of the translation when they corrected it in a review sheet."""

    action: str
    reason: str = ""
    correction: str | None = None


Verdicts = dict[tuple[str, str], Verdict]  # (procedure, msgctxt) -> verdict


def _catalogs(project: Project, locale: str, procedures: tuple[str, ...]
              ) -> Iterator[tuple[LocaleInfo, str, Path, polib.POFile]]:
    info = project.locale(locale)
    for procedure in project.select_procedures(procedures):
        path = project.catalog_path(info.posix, procedure.id)
        if not path.exists():
            raise InputError("catalog missing: run `pipeline update`", project.rel(path))
        yield info, procedure.id, path, read_po(path, project.rel(path))


FindingsByEntry = dict[EntryKey, list[Finding]]


def _findings_by_entry(project: Project, locales: tuple[str, ...], procedures: tuple[str, ...],
                       ) -> tuple[FindingsByEntry, FindingsByEntry]:
    """The findings per entry, and the ones a translator silenced per entry."""
    report = run_checks(project, Selection(locales, procedures, ignore=("W314",)))
    return by_entry(report.findings), by_entry(report.silenced)


def _terms(project: Project, source: Matcher, posix: str, text: str) -> tuple[str, ...]:
    language = termbase_language(project.termbase, posix)
    out = []
    for hit in source.concepts_in(text, approved_only=True):
        targets = [t.display for t in hit.concept.approved(language)]
        if targets:
            out.append(f"{hit.term.display} = {', '.join(targets)}")
    return tuple(out)


def pending(project: Project, locales: tuple[str, ...] = (), procedures: tuple[str, ...] = ()
            ) -> tuple[PendingEntry, ...]:
    """Entries waiting for review (never signed off, or needing re-review), with terms and findings."""
    findings, silenced = _findings_by_entry(project, locales, procedures)
    source = Matcher(project.termbase, project.config.source_language)
    result = []
    for info in project.select_locales(locales):
        reviewers = project.config.reviewers_for(info.posix)
        for _, pid, path, catalog in _catalogs(project, info.posix, procedures):
            for entry in catalog:
                if entry.obsolete:
                    continue
                current = review_state_of(entry, reviewers)
                if current not in PENDING_STATES:
                    continue
                origin = provenance_of(entry)
                result.append(PendingEntry(
                    locale=info.posix, procedure=pid, file=project.rel(path), line=entry.linenum,
                    msgctxt=entry.msgctxt, source=entry.msgid, translation=entry.msgstr, state=current,
                    fingerprint=entry_fingerprint(entry), translator=origin.translator if origin else None,
                    machine=bool(origin and origin.machine),
                    terms=_terms(project, source, info.posix, entry.msgid),
                    findings=tuple(findings.get((info.posix, pid, entry.msgctxt), ())),
                    changes=_changes(project, project.rel(path), entry, current),
                    silenced=tuple(silenced.get((info.posix, pid, entry.msgctxt), ()))))
    return tuple(result)


def _changes(project: Project, file: str, entry: polib.POEntry, current: str) -> str:
    """What changed since the entry's last sign-off, as word diffs of the source and translation."""
    parts = []
    signed = sign_off_of(entry)
    before = None
    if current is ReviewState.NEEDS_REREVIEW and signed is not None:
        parts.append(f"signed off by {signed.reviewer} on {signed.date}")
        before = signed_text(project.root, file, entry, signed)
    if before is not None:
        translation = "\n".join(forms_of(entry))
        if before.source != entry.msgid:
            parts.append("source: " + word_diff(before.source, entry.msgid))
        if before.translation != translation:
            parts.append("translation: " + word_diff(before.translation, translation))
    elif entry.previous_msgid:
        parts.append("source: " + word_diff(entry.previous_msgid, entry.msgid))
    elif signed is not None and current is ReviewState.NEEDS_REREVIEW:
        parts.append("the signed text is not in the git history (sign-off not committed, or no git): "
                     "compare with the source and translation shown")
    return "\n".join(parts)


def _check_reviewer(project: Project, posix: str, reviewer: str) -> None:
    if reviewer not in project.config.reviewers:
        known = ", ".join(sorted(project.config.reviewers)) or "none"
        raise InputError(f"unknown reviewer {reviewer!r}: add them to `reviewers:` in pipeline.yaml "
                         f"(listed: {known})")
    if posix not in project.config.reviewers[reviewer]:
        raise InputError(f"reviewer {reviewer!r} is not listed for locale {posix} in pipeline.yaml")


def _refusal(entry: polib.POEntry, reviewer: str, errors: list[Finding], reviewers: frozenset[str]) -> str | None:
    current = review_state_of(entry, reviewers)
    if current is ReviewState.UNTRANSLATED:
        return "not translated"
    if current is ReviewState.FUZZY:
        return "fuzzy: the translator must confirm it first"
    origin = provenance_of(entry)
    if origin is not None and origin.translator == reviewer:
        return f"{reviewer} translated this entry: a different reviewer must sign it off"
    if errors:
        return "error findings: " + "; ".join(f"{f.code} {f.message}" for f in errors)
    return None


def decide(project: Project, locale: str, reviewer: str, verdicts: Verdicts, procedures: tuple[str, ...] = (),
           expected: dict[tuple[str, str], str] | None = None) -> tuple[Decision, ...]:
    """Apply ``verdicts`` with every rule; ``expected`` fingerprints refuse entries that changed
    since a review sheet was exported.

    The catalogs are read and written back under the repository lock: an `update` running at
    the same time can neither overwrite a sign-off nor be overwritten."""
    with exclusive(project.root):
        decisions, changed = _decide(project, locale, reviewer, verdicts, procedures, expected)
        for path, catalog in changed:
            write_atomic(path, render(catalog))
    return tuple(decisions)


Changed = list[tuple[Path, polib.POFile]]


def _decide(project: Project, locale: str, reviewer: str, verdicts: Verdicts, procedures: tuple[str, ...],
            expected: dict[tuple[str, str], str] | None) -> tuple[list[Decision], Changed]:
    """The decisions, and the catalogs they change (not yet written)."""
    posix = project.locale(locale).posix
    _check_reviewer(project, posix, reviewer)
    reviewers = project.config.reviewers_for(posix)
    findings, _ = _findings_by_entry(project, (posix,), procedures)
    date = review_date()
    decisions: list[Decision] = []
    changed: Changed = []
    for _, pid, path, catalog in _catalogs(project, posix, procedures):
        by_ctx = {e.msgctxt: e for e in catalog if not e.obsolete}
        before = len(decisions)
        for (vpid, ctx), verdict in verdicts.items():
            if vpid != pid:
                continue
            errors = [f for f in findings.get((posix, pid, ctx), []) if f.severity == "error"]
            asked = _Asked(Decision(posix, pid, ctx, verdict.action, verdict.reason), verdict.correction,
                           (expected or {}).get((pid, ctx)))
            decision = _apply(by_ctx.get(ctx), asked, reviewer, date, errors, reviewers)
            if decision is not None:
                decisions.append(decision)
        if any(d.outcome in ("approved", "rejected", "edited") for d in decisions[before:]):
            changed.append((path, catalog))
    return decisions, changed


@dataclass(frozen=True)
class _Asked:
    decision: Decision  # what was asked: its outcome is the verdict's action
    correction: str | None  # the translation cell of a review sheet, when it has one
    expected: str | None  # the fingerprint the sheet was exported with


def _refused(asked: Decision, reason: str) -> Decision:
    return Decision(asked.locale, asked.procedure, asked.msgctxt, "refused", reason)


def _apply(entry: polib.POEntry | None, asked: _Asked, reviewer: str, date: str, errors: list[Finding],
           reviewers: frozenset[str]) -> Decision | None:
    """One verdict on one entry, which it changes when approved, rejected or corrected; None when
    a sheet's row asked for nothing."""
    want = asked.decision
    if entry is None:
        return _refused(want, "no such entry")
    if asked.expected not in (None, entry_fingerprint(entry)):
        if not want.outcome and asked.correction is None:
            return None
        return _refused(want, "the source or translation changed since the sheet was exported" + (
            ": the correction was not applied; export a new sheet" if asked.correction is not None else ""))
    if asked.correction is not None and asked.correction != entry.msgstr:
        return _correct(entry, want, reviewer, asked.correction, reviewers)
    if want.outcome == "reject":
        return _reject(entry, want, reviewer, date, reviewers)
    if want.outcome != "approve":
        return None
    refusal = _refusal(entry, reviewer, errors, reviewers)
    if refusal:
        return _refused(want, refusal)
    if review_state_of(entry, reviewers) is ReviewState.SIGNED_OFF:
        return Decision(want.locale, want.procedure, want.msgctxt, "unchanged", "already signed off")
    set_sign_off(entry, reviewer, date)
    return Decision(want.locale, want.procedure, want.msgctxt, "approved")


def _reject(entry: polib.POEntry, want: Decision, reviewer: str, date: str, reviewers: frozenset[str]) -> Decision:
    if not want.reason:
        return _refused(want, "a rejection needs a reason")
    if review_state_of(entry, reviewers) is ReviewState.UNTRANSLATED:
        return _refused(want, "not translated: there is nothing to reject")
    reject(entry, reviewer, date, want.reason)
    return Decision(want.locale, want.procedure, want.msgctxt, "rejected", want.reason)


def _correct(entry: polib.POEntry, want: Decision, reviewer: str, text: str, reviewers: frozenset[str]
             ) -> Decision:
    """A reviewer's corrected wording from a review sheet becomes the translation, with the
    reviewer as its translator: never signed off in the same step (a second reviewer must read it)."""
    if want.outcome == "reject":
        return _refused(want, "a correction with verdict reject: either write the correction (verdict approve "
                              "or empty: it then waits for a second reviewer) or reject with a reason, not both")
    if entry.msgid_plural:
        return _refused(want, "a plural entry: correct its forms in the catalog, not in the sheet")
    if not text.strip():
        return _refused(want, "the translation cell is empty: to reject the translation, use verdict reject")
    if review_state_of(entry, reviewers) in (ReviewState.UNTRANSLATED, ReviewState.FUZZY):
        return _refused(want, "not ready for review (untranslated or fuzzy): correct it in the catalog")
    correct(entry, reviewer, text)
    return Decision(want.locale, want.procedure, want.msgctxt, "edited",
                    "corrected by the reviewer: a second reviewer must sign it off")


def _scope(project: Project, posix: str, procedures: tuple[str, ...], entries: tuple[str, ...]
           ) -> tuple[tuple[str, ...], set[tuple[str, str]]]:
    """The procedures to read and the (procedure, msgctxt) pairs that ``entries`` name. An entry is
    `CTX` or `PROCEDURE:CTX`; a bare context found in several procedures is refused unless the
    procedures were named, because a reviewer reads one entry, not every entry sharing its context."""
    known = set(project.procedure_ids())
    named: list[tuple[str | None, str]] = []
    for item in entries:
        head, sep, tail = item.partition(":")
        named.append((head, tail) if sep and head in known else (None, item))
    wanted = tuple(dict.fromkeys([*procedures, *(p for p, _ in named if p is not None)]))
    if procedures and any(p is not None and p not in procedures for p, _ in named):
        raise InputError("an --entry PROCEDURE:CTX names a procedure outside --procedure: name it in both")
    where: dict[str, list[str]] = {}
    for _, procedure, _, catalog in _catalogs(project, posix, procedures):
        for entry in catalog:
            if not entry.obsolete:
                where.setdefault(entry.msgctxt, []).append(procedure)
    pairs: set[tuple[str, str]] = set()
    for pid, ctx in named:
        found = where.get(ctx, [])
        if pid is not None:
            if pid not in found:
                raise InputError(f"no entry with context {ctx!r} in {pid}")
            pairs.add((pid, ctx))
        elif not found:
            raise InputError(f"no entry with context {ctx!r} in the selected catalogs")
        elif len(found) > 1 and not procedures:
            raise InputError(f"entry {ctx!r} is in {count(len(found), 'procedure')} ({', '.join(found)}): name one "
                             "with "
                             f"--procedure P or --entry P:{ctx}")
        else:
            pairs.update((p, ctx) for p in found)
    return wanted, pairs


def approve(project: Project, locale: str, reviewer: str, procedures: tuple[str, ...] = (),
            entries: tuple[str, ...] = ()) -> tuple[Decision, ...]:
    """Sign off the named entries, or every pending entry in scope."""
    posix = project.locale(locale).posix
    if entries:
        wanted, pairs = _scope(project, posix, procedures, entries)
        return decide(project, posix, reviewer, {pair: Verdict("approve") for pair in sorted(pairs)}, wanted)
    verdicts = {}
    reviewers = project.config.reviewers_for(posix)
    for _, pid, _, catalog in _catalogs(project, posix, procedures):
        for entry in catalog:
            if entry.obsolete or not entry.msgstr or review_state_of(entry, reviewers) is ReviewState.SIGNED_OFF:
                continue
            verdicts[(pid, entry.msgctxt)] = Verdict("approve")
    return decide(project, posix, reviewer, verdicts, procedures)


def reject_entries(project: Project, locale: str, reviewer: str, reason: str, procedures: tuple[str, ...],
                   entries: tuple[str, ...]) -> tuple[Decision, ...]:
    if not entries:
        raise InputError("name the entries to reject with --entry CTX")
    if not reason.strip():
        raise InputError("--reason must say what the translator should change")
    posix = project.locale(locale).posix
    wanted, pairs = _scope(project, posix, procedures, entries)
    return decide(project, posix, reviewer, {pair: Verdict("reject", reason) for pair in sorted(pairs)}, wanted)


def _sheet_row(item: PendingEntry) -> dict[str, str]:
    return {"locale": item.locale, "procedure": item.procedure, "msgctxt": item.msgctxt, "state": item.state,
            "source": item.source, "translation": item.translation, "terms": "; ".join(item.terms),
            "findings": "; ".join(f"{f.code} {f.message}" for f in item.findings), "changes": item.changes,
            "silenced": "; ".join(f"{f.code} {f.name}: {f.message}" for f in item.silenced),
            "fingerprint": item.fingerprint, "verdict": "", "reason": ""}


def export_sheet(project: Project, locale: str, procedures: tuple[str, ...] = (), fmt: str = "csv") -> bytes:
    """A review sheet of what is pending, as CSV or XLSX (one sheet per procedure): the reviewer
    fills in `verdict` (approve or reject) and `reason`."""
    items = pending(project, (locale,), procedures)
    if fmt == "csv":
        return sheet.write_csv([_sheet_row(item) for item in items])
    by_procedure: dict[str, list[dict[str, str]]] = {p.id: [] for p in project.select_procedures(procedures)}
    for item in items:
        by_procedure[item.procedure].append(_sheet_row(item))
    return sheet.write_xlsx(by_procedure, source_date())


SheetVerdicts = dict[str, tuple[Verdicts, dict[tuple[str, str], str]]]


def import_sheet(project: Project, path: Path, reviewer: str) -> tuple[Decision, ...]:
    """Apply a filled-in review sheet (CSV or XLSX) with the same rules as approve and reject.

    Every row is checked first; a row naming an unknown locale, procedure or verdict, a locale the
    reviewer may not sign off, or an entry another row already decided differently stops the
    import before any catalog is written."""
    by_locale = _sheet_verdicts(project, sheet.read_rows(path), reviewer, str(path))
    decisions: list[Decision] = []
    changed: Changed = []
    with exclusive(project.root):  # read, decide and write as one step, as `decide` does
        for posix, (verdicts, expected) in sorted(by_locale.items()):
            more, catalogs = _decide(project, posix, reviewer, verdicts, (), expected)
            decisions += more
            changed += catalogs
        for catalog_path, catalog in changed:
            write_atomic(catalog_path, render(catalog))
    return tuple(decisions)


def _correction(row: sheet.Row) -> str | None:
    """The row's translation cell as the reviewer left it; None when the sheet has no such column,
    or when the row's source and translation cells are still the text its fingerprint was exported
    for (without a source column, every translation cell is taken as written). Spreadsheets may
    save a line break inside a cell as CR LF."""
    text = row.cells.get("translation")
    if text is None:
        return None
    text, source = text.replace("\r\n", "\n"), row.cells.get("source")
    if source is not None and fingerprint(row.cells.get("msgctxt", ""), source.replace("\r\n", "\n"),
                                          [text]) == row.cells.get("fingerprint", "").strip():
        return None
    return text


def _sheet_verdicts(project: Project, rows: list[sheet.Row], reviewer: str, name: str) -> SheetVerdicts:
    """Rows with a verdict, or with a translation cell (a correction is looked for in every row)."""
    by_locale: SheetVerdicts = {}
    seen: dict[tuple[str, str, str], tuple[int, tuple[str, str, str | None]]] = {}
    procedures = set(project.procedure_ids())
    for row in rows:
        verdict = row.cells.get("verdict", "").strip().lower()
        if not verdict and _correction(row) is None:
            continue
        where = f"sheet {row.sheet!r}: " if row.sheet else ""
        try:
            posix = _row_locale(project, row, reviewer, verdict, procedures)
        except InputError as exc:
            raise InputError(where + exc.message, name, row.line) from None
        key = (posix, row.cells.get("procedure", ""), row.cells.get("msgctxt", ""))
        decision = (verdict, " ".join(row.cells.get("reason", "").split()), _correction(row))
        if key in seen and seen[key][1] != decision:
            raise InputError(f"{where}this row's verdict or translation on {key[0]}/{key[1]} [{key[2]}] conflicts "
                             f"with line {seen[key][0]}: keep one row per entry", name, row.line)
        seen.setdefault(key, (row.line, decision))
        verdicts, expected = by_locale.setdefault(posix, ({}, {}))
        verdicts[key[1:]] = Verdict(*decision)
        expected[key[1:]] = row.cells.get("fingerprint", "").strip()
    return by_locale


def _row_locale(project: Project, row: sheet.Row, reviewer: str, verdict: str, procedures: set[str]) -> str:
    """The row's locale once the row is known to be usable; InputError says what is wrong."""
    if verdict and verdict not in sheet.VERDICTS:
        raise InputError(f"verdict {verdict!r}: write {' or '.join(sheet.VERDICTS)} (or leave it empty)")
    posix = project.locale(row.cells.get("locale", "").strip()).posix
    _check_reviewer(project, posix, reviewer)
    procedure = row.cells.get("procedure", "")
    if procedure not in procedures:
        raise InputError(unknown_name("procedure", procedure, sorted(procedures), "`pipeline status` lists them"))
    return posix
