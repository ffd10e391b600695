"""Review commands on a Project: what is pending, approve, reject, and the review sheet."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib

from ..catalog.commands import render
from ..catalog.po_reader import read_po
from ..checks.model import Finding
from ..checks.runner import Selection, run_checks
from ..clock import review_date, source_date
from ..errors import InputError
from ..fsutil import write_atomic
from ..locales import LocaleInfo
from ..lock import exclusive
from ..project import Project
from ..termbase.matching import Matcher, termbase_language
from . import sheet
from .signoff import ReviewState, entry_fingerprint, provenance_of, reject, review_state_of, set_sign_off, sign_off_of

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
    changes: str = ""  # what changed since the last sign-off, as far as the catalog tells

    def as_dict(self) -> dict[str, Any]:
        return {"locale": self.locale, "procedure": self.procedure, "file": self.file, "line": self.line,
                "msgctxt": self.msgctxt, "source": self.source, "translation": self.translation,
                "state": self.state, "fingerprint": self.fingerprint, "translator": self.translator,
                "machine": self.machine, "terms": list(self.terms),
                "findings": [f.as_dict() for f in self.findings], "changes": self.changes}


@dataclass(frozen=True)
class Decision:
    locale: str
    procedure: str
    msgctxt: str
    outcome: str  # "approved", "rejected", "refused" or "unchanged"
    reason: str = ""


def _catalogs(project: Project, locale: str, procedures: tuple[str, ...]
              ) -> Iterator[tuple[LocaleInfo, str, Path, polib.POFile]]:
    info = project.locale(locale)
    for procedure in project.select_procedures(procedures):
        path = project.catalog_path(info.posix, procedure.id)
        if not path.exists():
            raise InputError("catalog missing: run `pipeline update`", project.rel(path))
        yield info, procedure.id, path, read_po(path, project.rel(path))


def _findings_by_entry(project: Project, locales: tuple[str, ...], procedures: tuple[str, ...]
                       ) -> dict[tuple[str, str | None, str], list[Finding]]:
    report = run_checks(project, Selection(locales, procedures, ignore=("W314",)))
    by_entry: dict[tuple[str, str | None, str], list[Finding]] = {}
    for finding in report.findings:
        if finding.locale and finding.msgctxt:
            by_entry.setdefault((finding.locale, finding.procedure, finding.msgctxt), []).append(finding)
    return by_entry


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
    findings = _findings_by_entry(project, locales, procedures)
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
                    changes=_changes(entry, current)))
    return tuple(result)


def _changes(entry: polib.POEntry, current: str) -> str:
    parts = []
    signed = sign_off_of(entry)
    if current is ReviewState.NEEDS_REREVIEW and signed is not None:
        parts.append(f"signed off by {signed.reviewer} on {signed.date}; the source or translation changed since")
    if entry.previous_msgid:
        parts.append(f"source was: {entry.previous_msgid}")
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


def decide(project: Project, locale: str, reviewer: str, verdicts: dict[tuple[str, str], tuple[str, str]],
           procedures: tuple[str, ...] = (), expected: dict[tuple[str, str], str] | None = None
           ) -> tuple[Decision, ...]:
    """Apply verdicts {(procedure, msgctxt): ("approve"|"reject", reason)} with every rule;
    ``expected`` fingerprints refuse entries that changed since a review sheet was exported.

    The catalogs are read and written back under the repository lock: an `update` running at
    the same time can neither overwrite a sign-off nor be overwritten."""
    with exclusive(project.root):
        decisions, changed = _decide(project, locale, reviewer, verdicts, procedures, expected)
        for path, catalog in changed:
            write_atomic(path, render(catalog))
    return tuple(decisions)


Changed = list[tuple[Path, polib.POFile]]


def _decide(project: Project, locale: str, reviewer: str, verdicts: dict[tuple[str, str], tuple[str, str]],
            procedures: tuple[str, ...], expected: dict[tuple[str, str], str] | None) -> tuple[list[Decision], Changed]:
    """The decisions, and the catalogs they change (not yet written)."""
    posix = project.locale(locale).posix
    _check_reviewer(project, posix, reviewer)
    reviewers = project.config.reviewers_for(posix)
    findings = _findings_by_entry(project, (posix,), procedures)
    date = review_date()
    decisions: list[Decision] = []
    changed: Changed = []
    for _, pid, path, catalog in _catalogs(project, posix, procedures):
        by_ctx = {e.msgctxt: e for e in catalog if not e.obsolete}
        before = len(decisions)
        for (vpid, ctx), (verdict, reason) in verdicts.items():
            if vpid != pid:
                continue
            errors = [f for f in findings.get((posix, pid, ctx), []) if f.severity == "error"]
            decisions.append(_apply(by_ctx.get(ctx), Decision(posix, pid, ctx, verdict, reason), reviewer, date,
                                    errors, reviewers, (expected or {}).get((pid, ctx))))
        if any(d.outcome in ("approved", "rejected") for d in decisions[before:]):
            changed.append((path, catalog))
    return decisions, changed


def _apply(entry: polib.POEntry | None, asked: Decision, reviewer: str, date: str, errors: list[Finding],
           reviewers: frozenset[str], expected: str | None) -> Decision:
    """One verdict (``asked.outcome``) on one entry, which it changes when approved or rejected."""
    def refused(reason: str) -> Decision:
        return Decision(asked.locale, asked.procedure, asked.msgctxt, "refused", reason)

    if entry is None:
        return refused("no such entry")
    if expected not in (None, entry_fingerprint(entry)):
        return refused("the source or translation changed since the sheet was exported")
    if asked.outcome == "reject":
        if not asked.reason:
            return refused("a rejection needs a reason")
        reject(entry, reviewer, date, asked.reason)
        return Decision(asked.locale, asked.procedure, asked.msgctxt, "rejected", asked.reason)
    refusal = _refusal(entry, reviewer, errors, reviewers)
    if refusal:
        return refused(refusal)
    if review_state_of(entry, reviewers) is ReviewState.SIGNED_OFF:
        return Decision(asked.locale, asked.procedure, asked.msgctxt, "unchanged", "already signed off")
    set_sign_off(entry, reviewer, date)
    return Decision(asked.locale, asked.procedure, asked.msgctxt, "approved")


def approve(project: Project, locale: str, reviewer: str, procedures: tuple[str, ...] = (),
            entries: tuple[str, ...] = ()) -> tuple[Decision, ...]:
    """Sign off the named entries, or every pending entry in scope."""
    posix = project.locale(locale).posix
    verdicts = {}
    for _, pid, _, catalog in _catalogs(project, posix, procedures):
        for entry in catalog:
            if entry.obsolete:
                continue
            if entries and entry.msgctxt not in entries:
                continue
            if not entries and review_state_of(entry, project.config.reviewers_for(posix)) is ReviewState.SIGNED_OFF:
                continue
            if not entries and not entry.msgstr:
                continue
            verdicts[(pid, entry.msgctxt)] = ("approve", "")
    _unknown_entries(entries, verdicts)
    return decide(project, posix, reviewer, verdicts, procedures)


def reject_entries(project: Project, locale: str, reviewer: str, reason: str, procedures: tuple[str, ...],
                   entries: tuple[str, ...]) -> tuple[Decision, ...]:
    if not entries:
        raise InputError("name the entries to reject with --entry CTX")
    if not reason.strip():
        raise InputError("--reason must say what the translator should change")
    posix = project.locale(locale).posix
    verdicts = {(pid, e.msgctxt): ("reject", reason) for _, pid, _, catalog in _catalogs(project, posix, procedures)
                for e in catalog if not e.obsolete and e.msgctxt in entries}
    _unknown_entries(entries, verdicts)
    return decide(project, posix, reviewer, verdicts, procedures)


def _unknown_entries(entries: tuple[str, ...], verdicts: dict[tuple[str, str], tuple[str, str]]) -> None:
    found = {ctx for _, ctx in verdicts}
    missing = [e for e in entries if e not in found]
    if missing:
        raise InputError(f"no entry with context {missing[0]!r} in the selected catalogs")


def _sheet_row(item: PendingEntry) -> dict[str, str]:
    return {"locale": item.locale, "procedure": item.procedure, "msgctxt": item.msgctxt, "state": item.state,
            "source": item.source, "translation": item.translation, "terms": "; ".join(item.terms),
            "findings": "; ".join(f"{f.code} {f.message}" for f in item.findings), "changes": item.changes,
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


Verdicts = dict[str, tuple[dict[tuple[str, str], tuple[str, str]], dict[tuple[str, str], str]]]


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


def _sheet_verdicts(project: Project, rows: list[sheet.Row], reviewer: str, name: str) -> Verdicts:
    by_locale: Verdicts = {}
    seen: dict[tuple[str, str, str], tuple[int, tuple[str, str]]] = {}
    procedures = set(project.procedure_ids())
    for row in rows:
        verdict = row.cells.get("verdict", "").strip().lower()
        if not verdict:
            continue
        where = f"sheet {row.sheet!r}: " if row.sheet else ""
        try:
            posix = _row_locale(project, row, reviewer, verdict, procedures)
        except InputError as exc:
            raise InputError(where + exc.message, name, row.line) from None
        key = (posix, row.cells.get("procedure", ""), row.cells.get("msgctxt", ""))
        decision = (verdict, " ".join(row.cells.get("reason", "").split()))
        if key in seen and seen[key][1] != decision:
            raise InputError(f"{where}this row's verdict on {key[0]}/{key[1]} [{key[2]}] conflicts with line "
                             f"{seen[key][0]}: keep one row per entry", name, row.line)
        seen.setdefault(key, (row.line, decision))
        verdicts, expected = by_locale.setdefault(posix, ({}, {}))
        verdicts[key[1:]] = decision
        expected[key[1:]] = row.cells.get("fingerprint", "").strip()
    return by_locale


def _row_locale(project: Project, row: sheet.Row, reviewer: str, verdict: str, procedures: set[str]) -> str:
    """The row's locale once the row is known to be usable; InputError says what is wrong."""
    if verdict not in sheet.VERDICTS:
        raise InputError(f"verdict {verdict!r}: write {' or '.join(sheet.VERDICTS)} (or leave it empty)")
    posix = project.locale(row.cells.get("locale", "").strip()).posix
    _check_reviewer(project, posix, reviewer)
    procedure = row.cells.get("procedure", "")
    if procedure not in procedures:
        raise InputError(f"unknown procedure {procedure!r} (known: {', '.join(sorted(procedures))})")
    return posix
