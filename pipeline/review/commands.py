"""Review commands on a Project: what is pending, approve, reject, and the review sheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib

from ..catalog.commands import render
from ..catalog.po_reader import read_po
from ..checks.model import Finding
from ..checks.runner import Selection, run_checks
from ..clock import review_date
from ..errors import InputError
from ..fsutil import write_atomic
from ..locales import LocaleInfo
from ..lock import exclusive
from ..project import Project
from ..termbase.matching import Matcher, termbase_language
from .signoff import ReviewState, entry_fingerprint, provenance_of, reject, review_state_of, set_sign_off

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

    def as_dict(self) -> dict[str, Any]:
        return {"locale": self.locale, "procedure": self.procedure, "file": self.file, "line": self.line,
                "msgctxt": self.msgctxt, "source": self.source, "translation": self.translation,
                "state": self.state, "fingerprint": self.fingerprint, "translator": self.translator,
                "machine": self.machine, "terms": list(self.terms),
                "findings": [f.as_dict() for f in self.findings]}


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
                    findings=tuple(findings.get((info.posix, pid, entry.msgctxt), ()))))
    return tuple(result)


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
        return _decide(project, locale, reviewer, verdicts, procedures, expected)


def _decide(project: Project, locale: str, reviewer: str, verdicts: dict[tuple[str, str], tuple[str, str]],
            procedures: tuple[str, ...], expected: dict[tuple[str, str], str] | None) -> tuple[Decision, ...]:
    posix = project.locale(locale).posix
    _check_reviewer(project, posix, reviewer)
    reviewers = project.config.reviewers_for(posix)
    findings = _findings_by_entry(project, (posix,), procedures)
    date = review_date()
    decisions = []
    for _, pid, path, catalog in _catalogs(project, posix, procedures):
        changed = False
        by_ctx = {e.msgctxt: e for e in catalog if not e.obsolete}
        for (vpid, ctx), (verdict, reason) in verdicts.items():
            if vpid != pid:
                continue
            entry = by_ctx.get(ctx)
            if entry is None:
                decisions.append(Decision(posix, pid, ctx, "refused", "no such entry"))
                continue
            if expected and expected.get((pid, ctx)) not in (None, entry_fingerprint(entry)):
                decisions.append(Decision(posix, pid, ctx, "refused",
                                          "the source or translation changed since the sheet was exported"))
                continue
            if verdict == "reject":
                if not reason:
                    decisions.append(Decision(posix, pid, ctx, "refused", "a rejection needs a reason"))
                    continue
                reject(entry, reviewer, date, reason)
                changed = True
                decisions.append(Decision(posix, pid, ctx, "rejected", reason))
                continue
            errors = [f for f in findings.get((posix, pid, ctx), []) if f.severity == "error"]
            refusal = _refusal(entry, reviewer, errors, reviewers)
            if refusal:
                decisions.append(Decision(posix, pid, ctx, "refused", refusal))
            elif review_state_of(entry, reviewers) is ReviewState.SIGNED_OFF:
                decisions.append(Decision(posix, pid, ctx, "unchanged", "already signed off"))
            else:
                set_sign_off(entry, reviewer, date)
                changed = True
                decisions.append(Decision(posix, pid, ctx, "approved"))
        if changed:
            write_atomic(path, render(catalog))
    return tuple(decisions)


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


SHEET_FIELDS = ["locale", "procedure", "msgctxt", "state", "source", "translation", "terms", "findings",
                "fingerprint", "verdict", "reason"]


def export_sheet(project: Project, locale: str, procedures: tuple[str, ...] = ()) -> bytes:
    """A CSV review sheet of what is pending: fill in `verdict` (approve/reject) and `reason`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=SHEET_FIELDS, lineterminator="\n")
    writer.writeheader()
    for item in pending(project, (locale,), procedures):
        writer.writerow({"locale": item.locale, "procedure": item.procedure, "msgctxt": item.msgctxt,
                         "state": item.state, "source": item.source, "translation": item.translation,
                         "terms": "; ".join(item.terms),
                         "findings": "; ".join(f"{f.code} {f.message}" for f in item.findings),
                         "fingerprint": item.fingerprint, "verdict": "", "reason": ""})
    return out.getvalue().encode("utf-8")


def import_sheet(project: Project, path: Path, reviewer: str) -> tuple[Decision, ...]:
    """Apply a filled-in review sheet with the same rules as approve and reject."""
    name = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    except UnicodeDecodeError:
        raise InputError("not valid UTF-8: save the sheet as CSV UTF-8", name) from None
    reader = csv.DictReader(io.StringIO(text))
    missing = {"locale", "procedure", "msgctxt", "fingerprint", "verdict"} - set(reader.fieldnames or [])
    if missing:
        raise InputError(f"missing columns: {', '.join(sorted(missing))}", name, 1)
    by_locale: dict[str, tuple[dict[tuple[str, str], tuple[str, str]], dict[tuple[str, str], str]]] = {}
    for row in reader:
        verdict = (row.get("verdict") or "").strip().lower()
        if not verdict:
            continue
        if verdict not in ("approve", "reject"):
            raise InputError(f"verdict {verdict!r}: write approve or reject (or leave it empty)", name,
                             reader.line_num)
        verdicts, expected = by_locale.setdefault(row["locale"], ({}, {}))
        key = (row["procedure"], row["msgctxt"])
        verdicts[key] = (verdict, (row.get("reason") or "").strip())
        expected[key] = row["fingerprint"]
    decisions: list[Decision] = []
    for locale, (verdicts, expected) in sorted(by_locale.items()):
        decisions += decide(project, locale, reviewer, verdicts, (), expected)
    return tuple(decisions)
