"""The catalog commands (extract, init, update, status) as plain functions on a Project, returning
frozen results.

Nothing here prints or reads argv; the CLI formats what these return.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib

from .. import parallel
from ..clock import source_date
from ..content.model import Procedure
from ..content.reader import read_procedure
from ..errors import InputError
from ..fsutil import read_input, write_atomic
from ..locales import LocaleInfo, bcp47, explicit
from ..lock import exclusive
from ..project import Project
from ..review.signoff import ReviewState, review_state_of, sign_off_of
from ..termbase.coverage import coverage
from ..termbase.matching import Matcher, termbase_language
from ..wording import percent
from .header import get_field
from .hints import Hint, with_hints
from .memory import Memory, Unit, approved_units, export_tmx, fill, parse_tmx
from .merge import MergeSummary, merge
from .po_reader import read_po
from .po_writer import format_po
from .stats import Progress, progress
from .templates import new_catalog, template

Progressor = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


@dataclass(frozen=True)
class FileOutcome:
    path: str
    state: str  # "written", "unchanged", "stale" (with --check) or "created"
    diff: str = ""  # with --check, what differs: the start of a unified diff, disk -> expected


_DIFF_LINES = 24  # enough to see what differs; the command that writes the file shows the rest


def short_diff(name: str, current: bytes | None, expected: bytes) -> str:
    """The first lines of a unified diff from the file on disk to what the command would write."""
    if current is None:
        return f"{name}: missing"
    old = current.decode("utf-8", "replace").splitlines(keepends=True)
    new = expected.decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(old, new, f"{name} (on disk)", f"{name} (expected)", n=1))
    shown = [line.rstrip("\n") for line in lines[:_DIFF_LINES]]
    if len(lines) > _DIFF_LINES:
        shown.append(f"... {len(lines) - _DIFF_LINES} more diff lines")
    return "\n".join(shown)


@dataclass(frozen=True)
class WriteReport:
    files: tuple[FileOutcome, ...]

    @property
    def stale(self) -> tuple[str, ...]:
        return tuple(f.path for f in self.files if f.state == "stale")

    def count(self, state: str) -> int:
        return sum(1 for f in self.files if f.state == state)


def _emit(project: Project, path: Path, data: bytes, check: bool) -> FileOutcome:
    name = project.rel(path)
    current = read_input(path, name) if path.exists() else None
    if current == data:
        return FileOutcome(name, "unchanged")
    if check:
        return FileOutcome(name, "stale", short_diff(name, current, data))
    write_atomic(path, data)
    return FileOutcome(name, "written" if current is not None else "created")


def render(catalog: polib.POFile) -> bytes:
    return format_po(catalog).encode("utf-8")


def build_templates(project: Project) -> dict[str, polib.POFile]:
    config = project.config
    date = source_date()
    return {p.id: template(p, config.project, config.bugs_address, date) for p in project.procedures}


def _writing(project: Project, check: bool) -> AbstractContextManager[None]:
    """The repository lock, unless the command only compares (a check may run beside a writer)."""
    return nullcontext() if check else exclusive(project.root)


def extract(project: Project, check: bool = False) -> WriteReport:
    """Write (or with ``check``, compare) one template per procedure."""
    with _writing(project, check):
        outcomes = [_emit(project, project.template_path(pid), render(pot), check)
                    for pid, pot in build_templates(project).items()]
    return WriteReport(tuple(outcomes))


def _load_template(project: Project, procedure_id: str) -> polib.POFile:
    path = project.template_path(procedure_id)
    if not path.exists():
        raise InputError("template missing: run `pipeline extract` first", project.rel(path))
    return read_po(path, project.rel(path))


@dataclass(frozen=True)
class InitReport:
    locale: LocaleInfo
    registered: bool
    files: tuple[FileOutcome, ...]


def still_needed(project: Project, posix: str) -> tuple[str, ...]:
    """What pipeline.yaml still lacks for a locale to be published, in words a content lead acts on."""
    needed = []
    if not project.config.reviewers_for(posix):
        needed.append(f"a qualified reviewer: add one under `reviewers:` in pipeline.yaml with `locales: [{posix}]` "
                      "(without one nothing can be signed off, so nothing is published)")
    if posix not in project.config.locales:
        needed.append(f"release settings: add `{posix}: {{required: false}}` under `locales:` in pipeline.yaml "
                      "(`required`, `min_translated`, `fallback`; the defaults publish a procedure only when "
                      "every string is translated and signed off)")
    return tuple(needed)


def unchecked(project: Project, posix: str) -> tuple[str, ...]:
    """What the termbase and the negation markers still lack for the safety checks to cover a
    locale (see `termbase.coverage`), in words a content lead acts on."""
    info = project.locale(posix)
    source = project.config.source_language
    gaps = coverage(project.termbase, project.negation, source, termbase_language(project.termbase, posix))
    name = f"{info.english_name} ({posix})"
    needed = [f"negation markers for {name if lang != source else f'the source language ({lang})'} in "
              "source/negation.yaml (without them lost negations, E207, are not checked)" for lang in gaps.unmarked]
    if gaps.no_terms:
        needed.append(f"terms for {name} in source/termbase.yaml (without them units and terms, E202 to E204 "
                      "and E209, are not checked)")
    elif gaps.unnamed:
        needed.append(f"approved terms for {name} in source/termbase.yaml for {len(gaps.unnamed)} concepts "
                      f"({gaps.unnamed_list()})")
    return tuple(needed)


Planned = tuple[LocaleInfo, bool, tuple[tuple[Path, bytes | None], ...]]  # locale, new, (catalog, bytes or kept)


def _plan_init(project: Project, codes: tuple[str, ...]) -> list[Planned]:
    """Each locale once, with the bytes of each catalog to create (None: an existing one is kept)."""
    # zh is zh_Hans to CLDR and to every app: two such entries would both claim the same requests
    source = project.config.source_language
    same: dict[tuple[str, str, str], str] = {explicit(source): source}
    same.update({explicit(i.bcp47): i.posix for i in project.locales})
    infos: dict[str, tuple[LocaleInfo, bool]] = {}
    for code in codes:
        info, new = project.describe_locale(code)
        other = same.setdefault(explicit(info.bcp47), info.posix)
        if new and other != info.posix:
            raise InputError(f"{code!r} is the same locale as {other} to CLDR and to apps (both "
                             f"{bcp47(explicit(info.bcp47))}): use {other}")
        infos.setdefault(info.posix, (info, new))
    planned = []
    for info, new in infos.values():
        files = []
        for procedure in project.procedures:
            path = project.catalog_path(info.posix, procedure.id)
            data = None if path.exists() else render(new_catalog(_load_template(project, procedure.id), info,
                                                                  source_date()))
            files.append((path, data))
        planned.append((info, new, tuple(files)))
    return planned


def init(project: Project, codes: tuple[str, ...]) -> tuple[InitReport, ...]:
    """Register each locale and create its catalogs; existing catalogs are never overwritten.

    Everything is read and rendered before anything is written, and the registry is written
    last: a bad code or a broken template leaves the repository as it was."""
    with exclusive(project.root):
        planned = _plan_init(project, codes)
        for _, _, files in planned:
            for path, data in files:
                if data is not None:
                    write_atomic(path, data)
        project.register_locales([info for info, new, _ in planned if new])
    return tuple(InitReport(info, new, tuple(FileOutcome(project.rel(path), "kept" if data is None else "created")
                                             for path, data in files))
                 for info, new, files in planned)


@dataclass(frozen=True)
class UpdateOutcome:
    locale: str
    procedure: str
    file: FileOutcome
    summary: MergeSummary


@dataclass(frozen=True)
class UpdateReport:
    outcomes: tuple[UpdateOutcome, ...]

    @property
    def stale(self) -> tuple[str, ...]:
        return tuple(o.file.path for o in self.outcomes if o.file.state == "stale")


def term_comments(project: Project, pot: polib.POFile, posix: str,
                  source_matcher: Matcher) -> dict[tuple[str | None, str], list[Hint]]:
    """For each entry, the approved target terms of the concepts its source text mentions, one
    hint per concept ("disc = disco"), regenerated on every update."""
    termbase = project.termbase
    language = termbase_language(termbase, posix)
    comments: dict[tuple[str | None, str], list[Hint]] = {}
    for entry in pot:
        parts = []
        for hit in source_matcher.concepts_in(entry.msgid, approved_only=True):
            targets = hit.concept.approved(language)
            if not targets:
                continue
            rendered = ", ".join(t.display + (" (do not translate)" if t.dnt else "") for t in targets)
            parts.append(Hint("term", f"{hit.term.display} = {rendered}"))
        if parts:
            comments[(entry.msgctxt, entry.msgid)] = parts
    return comments


def declared_renames(procedure: Procedure) -> dict[str, str]:
    """new context -> old context for every entry a declared rename (``renamed_from:``) covers."""
    found = {m.context: procedure.old_context(m.context) for m in procedure.messages()}
    return {new: old for new, old in found.items() if old is not None}


_SAFE_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}")
_UPDATE: dict[str, Any] = {}  # set in the parent before forking workers, inherited by them


def _update_one(job: tuple[str, str]) -> UpdateOutcome:
    """Merge one template into one catalog (and write it unless checking)."""
    posix, pid = job
    project, templates, check = _UPDATE["project"], _UPDATE["templates"], _UPDATE["check"]
    info = _UPDATE["infos"][posix]
    pot = templates[pid]
    path = project.catalog_path(posix, pid)
    if path.exists():
        current = read_po(path, project.rel(path))
    else:
        current = new_catalog(pot, info, source_date())
    comments = term_comments(project, pot, posix, _UPDATE["matcher"])
    before = {(e.msgctxt, e.msgid) for e in current if not e.obsolete}
    merged, summary = merge(current, pot, info, comments, frozenset({"term"}), _UPDATE["renames"].get(pid, {}))
    memory, imported = _UPDATE["memories"][posix], _UPDATE["imported"][posix]
    for entry in merged:
        if entry.obsolete:
            continue
        if entry.msgstr or entry.msgid_plural:
            offered: list[Hint] = []  # translated: suggestions have done their work
        elif (entry.msgctxt, entry.msgid) in before and not _UPDATE["suggest"]:
            # Unchanged and still untranslated: an exact signed-off match is filled at any time,
            # and its suggestions were worked out when update created or changed it.
            offered = fill(entry, memory, near=False)
            if not offered:
                continue
        else:  # created or changed by this update
            offered = fill(entry, memory, imported)
        entry.tcomment = with_hints(entry.tcomment, offered, frozenset({"suggestion"}))
    return UpdateOutcome(posix, pid, _emit(project, path, render(merged), check), summary)


def approved_memory(project: Project, posix: str) -> Memory:
    """The locale's signed-off translations, from its catalogs as they are on disk."""
    return Memory(unit for pid in project.procedure_ids() for unit in _approved_in(project, posix, pid))


def _approved_in(project: Project, posix: str, pid: str) -> list[Unit]:
    path = project.catalog_path(posix, pid)
    if not path.exists():
        return []
    return approved_units(pid, read_po(path, project.rel(path)), project.config.reviewers_for(posix),
                          project.config.sample_reviewers)


def _gather_one(job: tuple[str, str]) -> tuple[list[Unit], dict[str, str]]:
    """Before merging: a catalog's signed-off units (the memory), or, for a procedure (locale ""),
    the renames its source declares."""
    posix, pid = job
    project = _UPDATE["project"]
    if not posix:
        path = project.procedures_dir / f"{pid}.yaml"
        return [], declared_renames(read_procedure(path, project.rel(path), project.config.placeholders))
    return _approved_in(project, posix, pid), {}


def memory_dir(project: Project, posix: str) -> Path:
    """Where a locale's imported TMX files are kept (`pipeline tm import`)."""
    return project.root / "locales" / posix / "memory"


def imported_memory(project: Project, posix: str, source_language: str, bcp47: str) -> Memory:
    """The units of the locale's imported TMX files: offered as suggestions, never filled."""
    units = []
    for path in sorted(memory_dir(project, posix).glob("*.tmx")):
        units += parse_tmx(project.rel(path), read_input(path, project.rel(path)), source_language, bcp47)
    return Memory(units)


def tm_import(project: Project, locale: str, name: str, data: bytes) -> tuple[Path, int]:
    """Keep a CAT tool's TMX for one locale as ``locales/<locale>/memory/<name>.tmx``, rewritten
    with only the units of the project's language pair (sorted, so re-importing the same memory
    changes nothing). Refused, writing nothing, when it is not safe, well-formed TMX 1.4 or has
    no unit of the pair."""
    from .. import __version__

    info = project.locale(locale)
    source = project.config.source_language
    stem = Path(name).stem
    if not _SAFE_NAME.fullmatch(stem):
        raise InputError("a memory's name is letters, digits, '-', '_' and '.', not starting with '.': "
                         "rename the file", name)
    units = parse_tmx(name, data, source, info.bcp47)
    if not units:
        raise InputError(f"no translation unit from {source} to {info.bcp47}: export the memory for this "
                         "language pair", name)
    path = memory_dir(project, info.posix) / f"{stem}.tmx"
    with exclusive(project.root):
        write_atomic(path, export_tmx(units, source, info.bcp47, __version__))
    return path, len(units)


def tm_export(project: Project, locale: str) -> bytes:
    """The locale's signed-off translations as TMX 1.4b."""
    from .. import __version__

    info = project.locale(locale)
    units = [unit for pid in project.procedure_ids() for unit in _approved_in(project, info.posix, pid)]
    return export_tmx(units, project.config.source_language, info.bcp47, __version__)


def update(project: Project, locales: tuple[str, ...] = (), check: bool = False,
           on_progress: Progressor = _quiet, jobs: int | None = None, suggest: bool = False) -> UpdateReport:
    """Merge every template into every catalog of the selected locales, with the termbase's
    approved terms as a note on each entry. Large runs spread the catalogs over ``jobs`` worker
    processes (default: all cores); each catalog is written atomically by the worker merging it.

    The memory pre-fills any untranslated entry with an identical signed-off source; near matches
    are worked out for the entries this update creates or changes (``suggest``: for every
    untranslated entry), and kept on an entry until it is translated or changes."""
    with _writing(project, check):
        return _update(project, locales, check, on_progress, jobs, suggest)


def _update(project: Project, locales: tuple[str, ...], check: bool, on_progress: Progressor,
            jobs: int | None, suggest: bool = False) -> UpdateReport:
    selected = project.select_locales(locales)
    templates = {pid: _load_template(project, pid) for pid in project.procedure_ids()}
    _UPDATE.update(project=project)
    # The memories (every signed-off unit of each locale) and the declared renames are read in
    # workers too: each catalog is read once here and once when it is merged.
    gather = [("", pid) for pid in templates] + [(info.posix, pid) for info in selected for pid in templates]
    units: dict[str, list[Unit]] = {info.posix: [] for info in selected}
    renames: dict[str, dict[str, str]] = {}
    with parallel.mapper(_gather_one, len(gather), jobs) as run_all:
        for (posix, pid), (found, renamed) in zip(gather, run_all(gather)):
            if posix:
                units[posix] += found
            elif renamed:
                renames[pid] = renamed
    _UPDATE.update(project=project, templates=templates, check=check, suggest=suggest,
                   infos={i.posix: i for i in selected},
                   matcher=Matcher(project.termbase, project.config.source_language),
                   memories={posix: Memory(found) for posix, found in units.items()}, renames=renames,
                   imported={i.posix: imported_memory(project, i.posix, project.config.source_language, i.bcp47)
                             for i in selected})
    work = [(info.posix, pid) for info in selected for pid in templates]
    outcomes = []
    with parallel.mapper(_update_one, len(work), jobs) as run_all:
        for done, (job, outcome) in enumerate(zip(work, run_all(work)), 1):
            on_progress(f"updating {done}/{len(work)}: {job[0]}/{job[1]}")
            outcomes.append(outcome)
    return UpdateReport(tuple(outcomes))


@dataclass(frozen=True)
class StatusRow:
    locale: str
    procedure: str
    progress: Progress
    reviewed: int = 0
    needs_rereview: int = 0
    sample: int = 0  # of the signed-off entries, those signed by a reviewer marked `sample: true`
    stale: bool = False  # `pipeline extract` changed the template since the last `pipeline update`

    @property
    def reviewed_percent(self) -> float:
        total = self.progress.total
        return percent(self.reviewed, total)


def _signer(entry: polib.POEntry) -> str | None:
    signed = sign_off_of(entry)
    return signed.reviewer if signed else None


TemplateShape = tuple[str | None, tuple[tuple[object, ...], ...]]


def _shape(catalog: polib.POFile) -> TemplateShape:
    """What `pipeline update` copies from a template into a catalog: the creation date and, for
    each live entry in order, its context, source texts, notes, references and format flags."""
    return get_field(catalog.metadata, "POT-Creation-Date"), tuple(
        (e.msgctxt, e.msgid, e.msgid_plural or None, e.comment or "", tuple(map(tuple, e.occurrences)),
         tuple(sorted(set(e.flags) - {"fuzzy"})))
        for e in catalog if not e.obsolete)


def _template_shapes(project: Project, procedures: tuple[Procedure, ...]) -> dict[str, TemplateShape]:
    """The shape of each procedure's template on disk (none for a missing one: nothing to compare)."""
    shapes = {}
    for procedure in procedures:
        path = project.template_path(procedure.id)
        if path.exists():
            shapes[procedure.id] = _shape(read_po(path, project.rel(path)))
    return shapes


def _is_stale(catalog: polib.POFile, template: TemplateShape | None) -> bool:
    """Whether `pipeline update` would change what the catalog holds of its template."""
    if template is None:
        return False
    date, entries = _shape(catalog)
    return entries != template[1] or (template[0] is not None and date != template[0])


def status(project: Project, locales: tuple[str, ...] = (),
           procedures: tuple[str, ...] = ()) -> tuple[StatusRow, ...]:
    """Progress and review per catalog, and whether it is behind its template: after `pipeline
    extract` changed a template and before `pipeline update` merged it, a catalog counts the old
    strings (the release plan and the review site already compare with the new source)."""
    rows = []
    selected = project.select_procedures(procedures)
    templates = _template_shapes(project, selected)
    for info in project.select_locales(locales):
        for procedure in selected:
            path = project.catalog_path(info.posix, procedure.id)
            if not path.exists():
                raise InputError(f"catalog missing: run `pipeline update` (or `pipeline init "
                                 f"{info.posix}`)", project.rel(path))
            catalog = read_po(path, project.rel(path))
            reviewers = project.config.reviewers_for(info.posix)
            states = [(review_state_of(e, reviewers), e) for e in catalog if not e.obsolete]
            signed = [e for state, e in states if state is ReviewState.SIGNED_OFF]
            sample = sum(1 for e in signed if _signer(e) in project.config.sample_reviewers)
            rows.append(StatusRow(info.posix, procedure.id, progress(catalog), len(signed),
                                  sum(1 for state, _ in states if state is ReviewState.NEEDS_REREVIEW), sample,
                                  _is_stale(catalog, templates.get(procedure.id))))
    return tuple(rows)
