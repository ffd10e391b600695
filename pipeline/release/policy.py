"""The release policy: for each locale and procedure, what may ship to patients, and nothing
that should not.

For each locale and procedure the policy decides, string by string, what may ship:
- `complete` (the default for patient material): published only when every string is translated,
  signed off and free of error findings; otherwise withheld, with the reasons in the manifest;
- `fallback-string` (`fallback: string` in pipeline.yaml, for less critical content): a string that
  is missing, fuzzy or has an error finding falls back along the locale's chain to the source, and
  the document lists the keys that fell back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polib

from ..catalog.po_reader import read_po
from ..catalog.stats import word_count
from ..checks.cache import cache_dir
from ..checks.model import EntryKey, by_entry
from ..checks.runner import Execution, run_checks
from ..content.model import Message, Procedure, Text
from ..content.reader import PLACEHOLDER
from ..locales import LocaleInfo
from ..project import Project
from ..review.signoff import ReviewState, review_state_of, sign_off_of
from ..wording import count
from . import record

# Stable codes apps and dashboards can act on; the English reasons beside them are for people.
REASON_CODES = ("source-withheld", "untranslated", "fuzzy", "unreviewed", "error-findings", "fallback-strings",
                "source-error-findings", "draft", "retired", "withdrawn", "source-changed", "translation-changed",
                "unreviewed-shipped", "sample-review", "fallback-withdrawn", "placeholders-changed")

# What a cell does in a release. published: its current content ships; outdated: its last good
# version (from the release record) ships, because the current one cannot; withheld: nothing ships
# yet; withdrawn: a content lead pulled it; draft: the procedure is not released yet; retired: the
# procedure is gone and apps delete it.
STATUSES = ("published", "outdated", "withheld", "withdrawn", "draft", "retired")
SHIPPING = frozenset({"published", "outdated"})


@dataclass(frozen=True)
class Choice:
    text: str
    lang: str  # BCP 47 tag of the language the text is in
    fell_back: bool = False
    sample: bool = False  # signed off by a reviewer marked `sample: true`: not a clinical review


@dataclass(frozen=True)
class Lag:
    """What an outdated cell lags behind: the source it was published for, and the keys changed since."""

    published_for: str  # source digest of the shipped version
    source_digest: str  # source digest of the current content
    keys: tuple[str, ...]  # keys added, removed or changed in the source since


@dataclass(frozen=True)
class ProcedureRelease:
    locale: LocaleInfo | None  # None: the source language
    procedure: Procedure  # the current content
    status: str  # one of STATUSES
    reasons: tuple[str, ...]
    strings: dict[str, Choice]
    total: int
    translated: int
    total_words: int
    translated_words: int
    reviewed: int
    blocking: tuple[str, ...] = ()  # error findings, one line each
    reason_codes: tuple[str, ...] = ()  # one stable code per reason, same order (REASON_CODES)
    layout: Procedure | None = None  # the procedure as the shipped version has it (outdated: from the record)
    lag: Lag | None = None
    withdrawal: record.Withdrawal | None = None
    unreviewed: int = 0  # shipped strings no reviewer signed off (only with allow_unreviewed)

    @property
    def fallback_keys(self) -> tuple[str, ...]:
        return tuple(sorted(k for k, c in self.strings.items() if c.fell_back))

    @property
    def sample(self) -> int:
        """Shipped strings whose sign-off is sample data (a reviewer marked `sample: true`)."""
        return sum(1 for c in self.strings.values() if c.sample)

    @property
    def review(self) -> str:
        """Whose sign-offs ship: "sample", "clinical", or "none" (nothing ships, or the source language)."""
        if not self.ships or self.locale is None:
            return "none"
        return "sample" if self.sample else "clinical"

    @property
    def ships(self) -> bool:
        return self.status in SHIPPING

    @property
    def shipped_procedure(self) -> Procedure:
        return self.layout or self.procedure

    @property
    def posix(self) -> str | None:
        return self.locale.posix if self.locale else None

    def published(self) -> tuple[record.Published, ...]:
        """The shipped strings as the release record keeps them."""
        kinds = record.kinds(self.shipped_procedure)
        return tuple(record.Published(m.context, kinds[m.context], m.text.value, self.strings[m.context].text,
                                      self.strings[m.context].lang) for m in self.shipped_procedure.messages())

    @property
    def digest(self) -> str | None:
        return record.digest(self.published()) if self.ships else None


TRANSLATED_STATES = frozenset({ReviewState.UNREVIEWED, ReviewState.NEEDS_REREVIEW, ReviewState.SIGNED_OFF})


def entry_state(entry: polib.POEntry | None, source: str, reviewers: frozenset[str]) -> ReviewState:
    """Where the translation of ``source`` stands. An entry made for another source text is not its
    translation (`pipeline update` has not merged the change in yet)."""
    if entry is None or entry.msgid != source:
        return ReviewState.UNTRANSLATED
    return review_state_of(entry, reviewers)


def is_usable(state: ReviewState, errors: Sequence[object]) -> bool:
    """The release rule for one string: translated (not fuzzy) and free of error findings. A usable
    string may stand behind a fallback or in a draft preview; only a signed-off one is published
    under the default policy."""
    return state in TRANSLATED_STATES and not errors


def _source_bcp47(project: Project) -> str:
    return project.config.source_language


def _catalog_strings(project: Project, info: LocaleInfo, procedure: Procedure) -> dict[str, polib.POEntry]:
    path = project.catalog_path(info.posix, procedure.id)
    if not path.exists():
        return {}
    return {e.msgctxt: e for e in read_po(path, project.rel(path)) if not e.obsolete}


def _errors_by_entry(project: Project) -> tuple[dict[EntryKey, list[str]], Any]:
    report = run_checks(project, execution=Execution(cache_dir=cache_dir(project)))
    grouped = by_entry(f for f in report.findings if f.severity == "error")
    errors = {key: [f"{f.file}:{f.line}: {f.code} {f.name}: {f.message}" for f in found]
              for key, found in grouped.items()}
    return errors, report


def _fall_back(project: Project, info: LocaleInfo, procedure_id: str, message: Message,
               eligible: dict[tuple[str, str], dict[str, Choice]]) -> Choice:
    """A string's stand-in: the first locale along the chain whose string may be published, else
    the source."""
    source_lang = _source_bcp47(project)
    for step in info.fallback:
        other = next((i for i in project.locales if i.posix == step), None)
        if other is not None and message.context in eligible.get((other.posix, procedure_id), {}):
            return dataclasses.replace(eligible[(other.posix, procedure_id)][message.context], fell_back=True)
        if step == project.config.source_language:
            break
    return Choice(message.text.value, source_lang, True)


def source_digest(procedure: Procedure) -> str:
    return record.source_digest((m.context, m.text.value) for m in procedure.messages())


def records(project: Project) -> dict[str, record.Record]:
    """The release record of every locale, the source language included (POSIX id -> record)."""
    names = [project.config.source_language, *(i.posix for i in project.locales)]
    return {posix: record.read(project.root, posix) for posix in names}


def _source_release(procedure: Procedure, errors: dict[tuple[str | None, str | None, str | None], list[str]],
                    source_lang: str) -> ProcedureRelease:
    messages = list(procedure.messages())
    source_errors = [line for (loc, pid, _), lines in errors.items() if loc is None and pid == procedure.id
                     for line in lines]
    strings = {m.context: Choice(m.text.value, source_lang) for m in messages}
    words = sum(word_count(m.text.value) for m in messages)
    source_reasons = (f"{count(len(source_errors), 'error finding')} in the source",) if source_errors else ()
    return ProcedureRelease(None, procedure, "withheld" if source_errors else "published", source_reasons,
                            strings if not source_errors else {}, len(messages), len(messages), words, words,
                            len(messages), tuple(source_errors), ("source-error-findings",) if source_errors else ())


@dataclass
class _Tally:
    usable: dict[str, str]  # translated, not fuzzy, no error finding
    strict: dict[str, str]  # the same, signed off
    sample: set[str] = dataclasses.field(default_factory=set)  # of strict, signed off by a sample reviewer
    untranslated: int = 0
    fuzzy: int = 0
    unreviewed: int = 0
    translated: int = 0
    translated_words: int = 0
    reviewed: int = 0


def _tally(project: Project, info: LocaleInfo, procedure: Procedure,
           errors: dict[tuple[str | None, str | None, str | None], list[str]]) -> tuple[_Tally, list[str]]:
    entries = _catalog_strings(project, info, procedure)
    reviewers = project.config.reviewers_for(info.posix)
    tally, blocking = _Tally({}, {}), []
    samples = project.config.sample_reviewers
    for message in procedure.messages():
        entry = entries.get(message.context)
        state = entry_state(entry, message.text.value, reviewers)
        entry_errors = errors.get((info.posix, procedure.id, message.context), [])
        if state in (ReviewState.UNTRANSLATED, ReviewState.FUZZY):
            tally.untranslated += state is ReviewState.UNTRANSLATED
            tally.fuzzy += state is ReviewState.FUZZY
            continue
        tally.translated += 1
        tally.translated_words += word_count(message.text.value)
        signed = state is ReviewState.SIGNED_OFF
        tally.reviewed += signed
        if not is_usable(state, entry_errors):
            blocking += entry_errors
            continue
        assert entry is not None
        tally.usable[message.context] = entry.msgstr
        if signed:
            tally.strict[message.context] = entry.msgstr
            signer = sign_off_of(entry)
            if signer is not None and signer.reviewer in samples:
                tally.sample.add(message.context)
        else:
            tally.unreviewed += 1
    return tally, blocking


def _target_release(project: Project, info: LocaleInfo, procedure: Procedure, source_withheld: bool,
                    errors: dict[tuple[str | None, str | None, str | None], list[str]],
                    eligible: dict[tuple[str, str], dict[str, Choice]]) -> ProcedureRelease:
    """What the current content of one cell allows, before lifecycle, withdrawal and last good."""
    settings = project.config.settings(info.posix)
    messages = list(procedure.messages())
    tally, blocking = _tally(project, info, procedure, errors)
    own_choices = {ctx: Choice(text, info.bcp47, sample=ctx in tally.sample) for ctx, text in tally.usable.items()}
    eligible[(info.posix, procedure.id)] = {ctx: own_choices[ctx] for ctx in tally.strict}
    coded: list[tuple[str, str]] = []
    if tally.untranslated:
        coded.append(("untranslated", f"{count(tally.untranslated, 'string')} untranslated"))
    if tally.fuzzy:
        coded.append(("fuzzy", f"{count(tally.fuzzy, 'string')} fuzzy (source changed or marked for review)"))
    if tally.unreviewed:
        coded.append(("unreviewed", f"{count(tally.unreviewed, 'string')} not signed off by a reviewer"))
    if blocking:
        coded.append(("error-findings", count(len(blocking), "error finding")))
    if source_withheld:
        coded.insert(0, ("source-withheld", "the source is withheld"))
    chosen: dict[str, Choice] = {}
    unreviewed = 0
    if settings.fallback == "string":
        # Without allow_unreviewed only signed-off strings stand; the rest fall back along the chain.
        own = tally.usable if settings.allow_unreviewed else tally.strict
        for message in messages:
            if message.context in own:
                chosen[message.context] = own_choices[message.context]
                unreviewed += message.context not in tally.strict
            else:
                chosen[message.context] = _fall_back(project, info, procedure.id, message, eligible)
        status = "withheld" if source_withheld else "published"
        fell_back = sum(c.fell_back for c in chosen.values())
        coded = [c for c in coded if c[0] == "source-withheld"] or \
            ([("fallback-strings", f"{count(fell_back, 'string')} fall back")] if fell_back else [])
        if unreviewed and status == "published":
            coded.append(("unreviewed-shipped", f"{count(unreviewed, 'string')} ship without a reviewer's sign-off "
                                                "(allow_unreviewed)"))
    else:
        status = "withheld" if coded else "published"
        if status == "published":
            chosen = {m.context: own_choices[m.context] for m in messages}
    if status != "published":
        chosen, unreviewed = {}, 0
    total_words = sum(word_count(m.text.value) for m in messages)
    return ProcedureRelease(info, procedure, status, tuple(text for _, text in coded), chosen, len(messages),
                            tally.translated, total_words, tally.translated_words, tally.reviewed, tuple(blocking),
                            tuple(code for code, _ in coded), unreviewed=unreviewed)


def _with(release: ProcedureRelease, status: str, coded: list[tuple[str, str]], keep: bool = True,
          **changes: Any) -> ProcedureRelease:
    """The release with a new status; its reasons first, then (``keep``) what stops the current content."""
    codes = [code for code, _ in coded] + (list(release.reason_codes) if keep else [])
    reasons = [text for _, text in coded] + (list(release.reasons) if keep else [])
    return dataclasses.replace(release, status=status, reasons=tuple(reasons), reason_codes=tuple(codes), **changes)


def _lag(procedure: Procedure, cell: record.Cell) -> Lag:
    then = {s.key: s.source for s in cell.strings}
    now = {m.context: m.text.value for m in procedure.messages()}
    keys = tuple(sorted(k for k in set(then) | set(now) if then.get(k) != now.get(k)))
    return Lag(cell.source_digest, source_digest(procedure), keys)


def _last_good(release: ProcedureRelease, cell: record.Cell, language: str) -> ProcedureRelease:
    now = {m.context: set(PLACEHOLDER.findall(m.text.value)) for m in release.procedure.messages()}
    # Apps pass the values the current source names: a version using one it no longer has would
    # show the patient a raw {code}, or fail a positional format, so it stays back.
    dropped = sorted(s.key for s in cell.strings if s.key in now and set(PLACEHOLDER.findall(s.text)) - now[s.key])
    if dropped:
        shown = ", ".join(dropped[:3]) + (", ..." if len(dropped) > 3 else "")
        return _with(release, release.status, [("placeholders-changed", (
            f"its last good version uses placeholders the current {language} text no longer has ({shown})"))])
    lag = _lag(release.procedure, cell)
    if lag.keys:
        shown = ", ".join(lag.keys[:3]) + (", ..." if len(lag.keys) > 3 else "")
        coded = [("source-changed", f"ships the version published for an earlier {language} text; "
                                    f"{count(len(lag.keys), 'string')} changed since ({shown})")]
    else:
        coded = [("translation-changed", "ships the last published version; the current translation cannot "
                                         "be published yet")]
    strings = {s.key: Choice(s.text, s.lang, sample=cell.sample) for s in cell.strings}
    layout = record.procedure_of(release.procedure.id, cell.strings, release.procedure.source)
    return _with(release, "outdated", coded, strings=strings, layout=layout, lag=lag, unreviewed=0)


def settle(release: ProcedureRelease, cell: record.Cell | None, language: str,
           withdrawn: frozenset[str] = frozenset()) -> ProcedureRelease:
    """The cell's status once lifecycle, withdrawal and the last good version are applied to what
    its current content allows. ``withdrawn``: the languages (BCP 47) whose cell of the procedure is
    withdrawn; a last good version holding strings in one of them (fallen back to that cell) does
    not ship, since a withdrawn text never ships again."""
    lifecycle = release.procedure.status
    if lifecycle == "retired":
        return _with(release, "retired", [("retired", "the procedure is retired: apps delete it")], keep=False,
                     strings={}, blocking=(), unreviewed=0)
    if lifecycle == "draft":
        return _with(release, "draft", [("draft", "the procedure is a draft: it is never published")], strings={},
                     unreviewed=0)
    withdrawal = cell.withdrawn if cell is not None else None
    if release.status == "published":
        if withdrawal is None or not withdrawal.covers(release.published()):
            return release
    if withdrawal is not None:
        return _with(release, "withdrawn", [("withdrawn", f"withdrawn on {withdrawal.date}: {withdrawal.reason}")],
                     strings={}, withdrawal=withdrawal, unreviewed=0)
    if cell is not None:
        fallen = sorted({s.lang for s in cell.strings} & withdrawn)
        if fallen:
            return _with(release, release.status, [("fallback-withdrawn", (
                f"its last good version holds strings of the withdrawn {', '.join(fallen)} version"))])
        return _last_good(release, cell, language)
    return release


def marked_sample(release: ProcedureRelease) -> ProcedureRelease:
    """A shipping cell whose sign-offs are sample data says so, so that no app shows it as reviewed."""
    if release.review != "sample":
        return release
    reason = f"{count(release.sample, 'string')} signed off by sample reviewers (`sample: true` in pipeline.yaml): " \
        "not a clinical review"
    return dataclasses.replace(release, reasons=(*release.reasons, reason),
                               reason_codes=(*release.reason_codes, "sample-review"))


def plan(project: Project) -> tuple[ProcedureRelease, ...]:
    """Decide, for every locale (source included) and procedure, what ships."""
    errors, _ = _errors_by_entry(project)
    source_lang = _source_bcp47(project)
    published = records(project)
    language = _language_name(source_lang)
    current = [_source_release(p, errors, source_lang) for p in project.procedures]
    releases = [settle(r, published[source_lang].get(r.procedure.id), language) for r in current]
    # A withdrawn text never ships again, not even as another locale's stand-in: procedure -> the
    # languages (BCP 47) of its withdrawn cells, which no locale falls back to.
    withdrawn: dict[str, set[str]] = {r.procedure.id: {source_lang} for r in releases if r.status == "withdrawn"}
    withheld_source = {r.procedure.id for r in current if r.status != "published"} | set(withdrawn)
    releases = _with_deleted(project, None, releases, published.get(project.config.source_language, {}))
    eligible: dict[tuple[str, str], dict[str, Choice]] = {}  # (posix, procedure) -> ctx -> strictly eligible
    cells: dict[str, list[ProcedureRelease]] = {}
    for info in _fallbacks_first(project.locales):
        cells[info.posix] = []
        for procedure in project.procedures:
            release = _target_release(project, info, procedure, procedure.id in withheld_source, errors, eligible)
            settled = settle(release, published[info.posix].get(procedure.id), language,
                             frozenset(withdrawn.get(procedure.id, ())))
            if settled.status == "withdrawn":
                eligible[(info.posix, procedure.id)] = {}
                withdrawn.setdefault(procedure.id, set()).add(info.bcp47)
            cells[info.posix].append(marked_sample(settled))
    for info in project.locales:
        releases += _with_deleted(project, info, cells[info.posix], published.get(info.posix, {}))
    return tuple(releases)


def _fallbacks_first(locales: tuple[LocaleInfo, ...]) -> list[LocaleInfo]:
    """The locales in an order where each comes after the registered locales of its fallback chain
    (`ca` falling back to `es` is planned after `es`, whose strings it may take); a chain that
    loops back is cut where it does."""
    by_posix = {info.posix: info for info in locales}
    ordered: list[LocaleInfo] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def place(info: LocaleInfo) -> None:
        if info.posix in placed or info.posix in visiting:
            return
        visiting.add(info.posix)
        for step in info.fallback:
            if step in by_posix:
                place(by_posix[step])
        visiting.discard(info.posix)
        placed.add(info.posix)
        ordered.append(info)

    for info in locales:
        place(info)
    return ordered


def _with_deleted(project: Project, info: LocaleInfo | None, cells: list[ProcedureRelease],
                  published: record.Record) -> list[ProcedureRelease]:
    """The locale's cells, with a retired one (in procedure order) for every procedure whose source
    file is gone but whose last published version the release record still holds: apps that have
    it must delete it. The record keeps such a cell, so every later build says so too (an app may
    skip a release)."""
    deleted = []
    for pid, cell in published.items():
        if pid in project.procedure_ids():
            continue
        source = f"source/procedures/{pid}.yaml"
        # A withdrawn cell keeps no strings: only its id is left to retire.
        shipped = record.procedure_of(pid, cell.strings, source) if cell.strings else \
            Procedure(pid, source, Text("", 0), Text("", 0), ())
        deleted.append(ProcedureRelease(
            info, dataclasses.replace(shipped, status="retired"), "retired",
            ("its source file was deleted: apps delete it (the release record keeps this notice)",), {},
            0, 0, 0, 0, 0, reason_codes=("retired",)))
    return sorted([*cells, *deleted], key=lambda r: r.procedure.id)


def _language_name(tag: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(tag).english_name or tag)
    except (ValueError, UnknownLocaleError):
        return tag


def blocked(project: Project, releases: Sequence[ProcedureRelease]) -> tuple[ProcedureRelease, ...]:
    """Cells of an active procedure in a required locale (the source always is) with nothing to ship:
    neither its current content nor a last good version that was not withdrawn."""
    return tuple(r for r in releases if r.procedure.status == "active" and not r.ships
                 and (r.locale is None or project.config.settings(r.locale.posix).required))


def next_records(project: Project, releases: Sequence[ProcedureRelease],
                 previous: dict[str, record.Record]) -> dict[str, record.Record]:
    """The release record after publishing ``releases``: a published cell records its strings (and so
    ends a withdrawal of an earlier version); a retired procedure leaves the record, a deleted one
    stays as the notice that it retired; every other cell keeps what it had."""
    source_lang = _source_bcp47(project)
    out: dict[str, record.Record] = {posix: {} for posix in previous}
    for release in releases:
        posix = release.posix or source_lang
        old = previous.get(posix, {}).get(release.procedure.id)
        if release.status == "published":
            strings = release.published()
            out[posix][release.procedure.id] = record.Cell(record.digest(strings), source_digest(release.procedure),
                                                           strings, sample=release.sample > 0)
        elif old is not None and (release.status != "retired" or release.procedure.id not in project.procedure_ids()):
            out[posix][release.procedure.id] = old  # a deleted procedure's cell stays: the notice that it retired
    return out
