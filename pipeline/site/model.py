"""What the review site shows, gathered from the core into frozen dataclasses. No HTML here.

The state of a locale × procedure cell (what `pipeline build` would do, and who must act):
- published: `pipeline build` ships it (its bundle exists);
- blocked: withheld, and either the locale is `required` (so `pipeline build` fails, as for its
  `required_blocked`) or the procedure has error findings in this locale, which no sign-off can
  clear: someone must fix something before this release;
- withheld: withheld only for work in progress (untranslated, fuzzy or unreviewed strings) in a
  locale that is not required.
- outdated: the cell ships its last good version (release record) while its current content
  cannot be published; withdrawn, draft, retired: as the release policy says (nothing ships).
The source language row is always required: a withheld source withholds every locale.

Each cell also says what dist/bundles holds for it (its manifest, when a build wrote one) when that
is not what the working tree would publish: the site never calls a cell published that apps lack.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from babel import Locale, UnknownLocaleError

from ..catalog.po_reader import read_po
from ..catalog.stats import word_count
from ..checks.cache import cache_dir
from ..checks.model import Finding, by_entry
from ..checks.runner import Execution, run_checks
from ..clock import source_date
from ..errors import InputError
from ..fsutil import read_input
from ..jsonout import dumps
from ..locales import LocaleInfo
from ..project import Project
from ..release import bundles, policy
from ..review.signoff import ReviewState, sign_off_of
from ..wording import percent
from .highlight import Highlighter, Segment

# (key, label, icon): the icon is decoration, the label always shows beside it.
CELL_STATES = (("published", "Published", "✔"), ("outdated", "Outdated", "◷"), ("withheld", "Withheld", "⏸"),
               ("blocked", "Blocked", "✖"), ("withdrawn", "Withdrawn", "⊘"), ("draft", "Draft", "✎"),
               ("retired", "Retired", "∅"))
ENTRY_STATES = (("untranslated", "Untranslated", "○"), ("fuzzy", "Fuzzy", "≈"),
                ("translated", "Translated, not reviewed", "◑"), ("needs-re-review", "Needs re-review", "↻"),
                ("signed-off", "Signed off", "✔"))
TRANSLATED_STATES = ("translated", "needs-re-review", "signed-off")


def cell_state(status: str, required: bool, errors: int) -> str:
    if status in ("published", "outdated", "draft", "retired"):
        return status
    if status == "withdrawn":
        return "blocked" if required else "withdrawn"
    return "blocked" if required or errors else "withheld"


@dataclass(frozen=True)
class Shipped:
    """What dist/bundles holds for a cell, from its manifest."""

    status: str  # the manifest's status, or "absent" when the manifest does not list the cell
    document: str | None  # sha256 of the cell's bundle document, when there is one


def _dist(project: Project) -> dict[tuple[str, str], Shipped] | None:
    """Each cell as dist/bundles/manifest.json lists it; None when no build wrote one."""
    import json

    path = project.root / bundles.DEFAULT_OUT / "manifest.json"
    try:
        manifest = json.loads(read_input(path, "dist/bundles/manifest.json"))
        return {(loc["posix"], p["id"]): Shipped(p["status"], p["files"].get(f"{loc['bcp47']}/{p['id']}.json",
                                                                              {}).get("sha256"))
                for loc in manifest["locales"] for p in loc["procedures"]}
    except (InputError, ValueError, KeyError, TypeError):  # missing, without end, not a manifest
        return None


def _in_dist(dist: dict[tuple[str, str], Shipped] | None, posix: str, release: policy.ProcedureRelease,
             bcp47: str, direction: str) -> str | None:
    """The cell's status in dist/ when it differs from what the working tree would publish."""
    if dist is None:
        return None
    shipped = dist.get((posix, release.procedure.id), Shipped("absent", None))
    document = None
    if release.ships:
        built = bundles.document(bundles.for_direction(release, direction), bcp47, direction)
        document = hashlib.sha256(dumps(built).encode("utf-8")).hexdigest()
    if shipped.status == release.status and shipped.document == document:
        return None
    return shipped.status


@dataclass(frozen=True)
class EntryRow:
    msgctxt: str
    line: int | None
    state: str  # a key of ENTRY_STATES
    source: tuple[Segment, ...]
    translation: tuple[Segment, ...]
    previous_source: str | None
    terms: tuple[tuple[str, str], ...]  # (source term, approved target terms)
    findings: tuple[Finding, ...]
    words: int
    sample: bool = False  # signed off by a reviewer marked `sample: true`: sample data, not a clinical review

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(sorted({f.code for f in self.findings}))


@dataclass(frozen=True)
class Cell:
    posix: str
    bcp47: str
    procedure_id: str
    procedure_title: str
    state: str  # a key of CELL_STATES
    reasons: tuple[str, ...]
    errors: tuple[Finding, ...]  # error-level findings of this locale and procedure
    catalog_findings: tuple[Finding, ...]  # findings on the catalog as a whole
    entries: tuple[EntryRow, ...]  # empty for the source language
    preview: dict[str, Any]  # the bundle document (for a withheld procedure: a draft, see preview_document)
    draft: bool
    total: int
    translated: int
    reviewed: int
    total_words: int
    translated_words: int
    in_dist: str | None = None  # dist/'s status for the cell when it is not what a build would publish now
    sample: int = 0  # strings signed off by sample reviewers (what ships, else the current catalog)

    def entries_in(self, state: str) -> int:
        return sum(1 for e in self.entries if e.state == state)

    @property
    def translated_percent(self) -> float:
        return percent(self.translated, self.total)

    @property
    def reviewed_percent(self) -> float:
        return percent(self.reviewed, self.total)

    @property
    def entries_href(self) -> str:
        return f"{self.bcp47}/{self.procedure_id}.html"

    @property
    def preview_href(self) -> str:
        return f"{self.bcp47}/{self.procedure_id}.preview.html"


@dataclass(frozen=True)
class LocaleRow:
    posix: str
    bcp47: str
    english_name: str
    native_name: str
    direction: str
    required: bool
    policy: str  # "source", "complete" or "fallback-string"
    cells: tuple[Cell, ...]
    findings: tuple[Finding, ...]  # findings on the locale as a whole (no procedure)

    @property
    def is_source(self) -> bool:
        return self.policy == "source"

    def cell_for(self, procedure_id: str) -> Cell | None:
        """The row's cell of a procedure; None where the locale has none (a deleted procedure that was
        never published in it)."""
        return next((c for c in self.cells if c.procedure_id == procedure_id), None)

    @property
    def published(self) -> int:
        """Cells that ship (their current content, or their last good version)."""
        return sum(1 for c in self.cells if c.state in ("published", "outdated"))

    def total(self, field: str) -> int:
        return sum(getattr(c, field) for c in self.cells)

    def entries_in(self, state: str) -> int:
        return sum(c.entries_in(state) for c in self.cells)

    def words(self, states: tuple[str, ...]) -> int:
        return sum(e.words for c in self.cells for e in c.entries if e.state in states)

    @property
    def translated_percent(self) -> float:
        total = self.total("total")
        return percent(self.total("translated"), total)

    @property
    def reviewed_percent(self) -> float:
        total = self.total("total")
        return percent(self.total("reviewed"), total)


@dataclass(frozen=True)
class CodeCount:
    code: str
    name: str
    severity: str
    per_locale: tuple[int, ...]  # in the order of Site.locales

    @property
    def total(self) -> int:
        return sum(self.per_locale)


@dataclass(frozen=True)
class Site:
    project: str
    generated_at: str | None  # only from SOURCE_DATE_EPOCH
    digest: str
    procedures: tuple[tuple[str, str], ...]  # (id, English title), the dashboard's columns; deleted ones too
    locales: tuple[LocaleRow, ...]  # the source language first
    findings_by_code: tuple[CodeCount, ...]
    silenced: int

    @property
    def targets(self) -> tuple[LocaleRow, ...]:
        return tuple(row for row in self.locales if not row.is_source)

    def cells_in(self, state: str) -> int:
        return sum(1 for row in self.targets for c in row.cells if c.state == state)

    def total(self, field: str) -> int:
        return sum(row.total(field) for row in self.targets)

    def entries_in(self, state: str) -> int:
        return sum(row.entries_in(state) for row in self.targets)

    def words(self, states: tuple[str, ...]) -> int:
        return sum(row.words(states) for row in self.targets)


def _shown(state: ReviewState) -> str:
    """The state as the site names it (ENTRY_STATES): an unreviewed entry shows as translated."""
    return "translated" if state is ReviewState.UNREVIEWED else state.value


def preview_document(release: policy.ProcedureRelease, bcp47: str, direction: str, usable: dict[str, str],
                     source_language: str) -> dict[str, Any]:
    """The bundle document for a published procedure; for a withheld one, a draft in the same shape
    where every string that is missing, fuzzy or has an error finding shows the source instead."""
    if release.ships:
        return bundles.document(release, bcp47, direction)
    strings = {m.context: policy.Choice(usable[m.context], bcp47) if m.context in usable
               else policy.Choice(m.text.value, source_language, True) for m in release.procedure.messages()}
    return bundles.document(dataclasses.replace(release, strings=strings), bcp47, direction)


class _Findings:
    """The check report, indexed the ways the site needs it."""

    def __init__(self, findings: tuple[Finding, ...]) -> None:
        self.by_entry = by_entry(sorted(findings))

    def entry(self, posix: str, pid: str, msgctxt: str) -> tuple[Finding, ...]:
        return tuple(self.by_entry.get((posix, pid, msgctxt), ()))

    def of(self, posix: str | None, pid: str | None) -> list[Finding]:
        return sorted(f for (loc, proc, _), found in self.by_entry.items() if loc == posix and proc == pid
                      for f in found)


def _target_cell(project: Project, info: LocaleInfo, release: policy.ProcedureRelease, findings: _Findings,
                 highlighter: Highlighter, dist: dict[tuple[str, str], Shipped] | None) -> Cell:
    procedure = release.procedure
    deleted = procedure.id not in project.procedure_ids()  # its retired notice only: no entries to count
    path = project.catalog_path(info.posix, procedure.id)
    catalog = read_po(path, project.rel(path)) if path.exists() and not deleted else []
    entries = {e.msgctxt: e for e in catalog if not e.obsolete}
    reviewers = project.config.reviewers_for(info.posix)
    rows, usable = [], {}
    samples = project.config.sample_reviewers
    for message in () if deleted else procedure.messages():
        source = message.text.value
        entry = entries.get(message.context)
        review = policy.entry_state(entry, source, reviewers)
        state = _shown(review)
        current = entry if entry is not None and entry.msgid == source else None
        found = findings.entry(info.posix, procedure.id, message.context)
        signer = sign_off_of(entry) if entry is not None and review is ReviewState.SIGNED_OFF else None
        if entry is not None and policy.is_usable(review, [f for f in found if f.severity == "error"]):
            usable[message.context] = entry.msgstr
        rows.append(EntryRow(
            msgctxt=message.context, line=current.linenum if current else None, state=state,
            source=highlighter.source_segments(source),
            translation=highlighter.target_segments(current.msgstr) if current else (),
            previous_source=current.previous_msgid if current and state == "fuzzy" else None,
            terms=highlighter.terms(source), findings=found, words=word_count(source),
            sample=signer is not None and signer.reviewer in samples))
    all_findings = findings.of(info.posix, procedure.id)
    errors = tuple(f for f in all_findings if f.severity == "error")
    required = project.config.settings(info.posix).required
    preview = preview_document(release, info.bcp47, info.direction, usable, project.config.source_language)
    return Cell(
        posix=info.posix, bcp47=info.bcp47, procedure_id=procedure.id, procedure_title=procedure.title.value,
        state=cell_state(release.status, required, len(errors)), reasons=release.reasons, errors=errors,
        catalog_findings=tuple(f for f in all_findings if f.msgctxt is None), entries=tuple(rows),
        preview=preview, in_dist=_in_dist(dist, info.posix, release, info.bcp47, info.direction),
        draft=not release.ships, total=len(rows),
        sample=release.sample if release.ships else sum(1 for r in rows if r.sample),
        translated=sum(1 for r in rows if r.state in TRANSLATED_STATES),
        reviewed=sum(1 for r in rows if r.state == "signed-off"), total_words=sum(r.words for r in rows),
        translated_words=sum(r.words for r in rows if r.state in TRANSLATED_STATES))


def _source_cell(project: Project, release: policy.ProcedureRelease, findings: _Findings,
                 dist: dict[tuple[str, str], Shipped] | None) -> Cell:
    procedure, language = release.procedure, project.config.source_language
    errors = tuple(f for f in findings.of(None, procedure.id) if f.severity == "error")
    texts = {m.context: m.text.value for m in procedure.messages()}
    preview = preview_document(release, language, "ltr", texts, language)
    return Cell(
        posix=language, bcp47=language, procedure_id=procedure.id, procedure_title=procedure.title.value,
        state=cell_state(release.status, True, len(errors)), reasons=release.reasons, errors=errors,
        catalog_findings=(), entries=(), preview=preview, in_dist=_in_dist(dist, language, release, language, "ltr"),
        draft=not release.ships, total=release.total, translated=release.translated,
        reviewed=release.reviewed, total_words=release.total_words, translated_words=release.translated_words)


def _names(language: str) -> tuple[str, str]:
    try:
        locale = Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return language, language
    return locale.english_name or language, locale.get_display_name(locale) or language


def gather(project: Project) -> Site:
    """Everything the site shows, from the release plan, the checks, the catalogs and the termbase."""
    releases = policy.plan(project)
    dist = _dist(project)
    checks = run_checks(project, execution=Execution(cache_dir=cache_dir(project)))
    findings = _Findings(checks.findings)
    language = project.config.source_language
    english, native = _names(language)
    rows = [LocaleRow(language, language, english, native, "ltr", True, "source",
                      tuple(_source_cell(project, r, findings, dist) for r in releases if r.locale is None),
                      tuple(findings.of(None, None)))]
    for info in project.locales:
        settings = project.config.settings(info.posix)
        highlighter = Highlighter(project.termbase, language, info.posix, info.english_name)
        cells = tuple(_target_cell(project, info, r, findings, highlighter, dist)
                      for r in releases if r.locale == info)
        rows.append(LocaleRow(info.posix, info.bcp47, info.english_name, info.native_name, info.direction,
                              settings.required, "fallback-string" if settings.fallback == "string" else "complete",
                              cells, tuple(findings.of(info.posix, None))))
    order = [row.posix for row in rows]
    counts = Counter((f.code, f.name, f.severity, f.locale or language) for f in checks.findings)
    codes = sorted({key[:3] for key in counts})
    by_code = tuple(CodeCount(code, name, severity, tuple(counts[(code, name, severity, p)] for p in order))
                    for code, name, severity in codes)
    return Site(project.config.project, source_date(), bundles._digest(project),  # the manifest's content digest
                tuple(sorted({(r.procedure.id, r.procedure.title.value) for r in releases})), tuple(rows), by_code,
                len(checks.silenced))
