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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polib

from ..catalog.po_reader import read_po
from ..catalog.stats import word_count
from ..checks.cache import cache_dir
from ..checks.runner import Execution, run_checks
from ..content.model import Message, Procedure
from ..locales import LocaleInfo
from ..project import Project
from ..review.signoff import ReviewState, review_state_of

# Stable codes apps and dashboards can act on; the English reasons beside them are for people.
REASON_CODES = ("source-withheld", "untranslated", "fuzzy", "unreviewed", "error-findings", "fallback-strings",
                "source-error-findings")


@dataclass(frozen=True)
class Choice:
    text: str
    lang: str  # BCP 47 tag of the language the text is in
    fell_back: bool = False


@dataclass(frozen=True)
class ProcedureRelease:
    locale: LocaleInfo | None  # None: the source language
    procedure: Procedure
    status: str  # "published" or "withheld"
    reasons: tuple[str, ...]
    strings: dict[str, Choice]
    total: int
    translated: int
    total_words: int
    translated_words: int
    reviewed: int
    blocking: tuple[str, ...] = ()  # error findings, one line each
    reason_codes: tuple[str, ...] = ()  # one stable code per reason, same order (REASON_CODES)

    @property
    def fallback_keys(self) -> tuple[str, ...]:
        return tuple(sorted(k for k, c in self.strings.items() if c.fell_back))


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


def _errors_by_entry(project: Project) -> tuple[dict[tuple[str | None, str | None, str | None], list[str]], Any]:
    report = run_checks(project, execution=Execution(cache_dir=cache_dir(project)))
    errors: dict[tuple[str | None, str | None, str | None], list[str]] = {}
    for f in report.findings:
        if f.severity == "error":
            errors.setdefault((f.locale, f.procedure, f.msgctxt), []).append(
                f"{f.file}:{f.line}: {f.code} {f.name}: {f.message}")
    return errors, report


def _fall_back(project: Project, info: LocaleInfo, procedure_id: str, message: Message,
               eligible: dict[tuple[str, str], dict[str, str]]) -> Choice:
    """A string's stand-in: the first locale along the chain whose string may be published, else
    the source."""
    source_lang = _source_bcp47(project)
    for step in info.fallback:
        other = next((i for i in project.locales if i.posix == step), None)
        if other is not None and message.context in eligible.get((other.posix, procedure_id), {}):
            return Choice(eligible[(other.posix, procedure_id)][message.context], other.bcp47, True)
        if step == project.config.source_language:
            break
    return Choice(message.text.value, source_lang, True)


def plan(project: Project) -> tuple[ProcedureRelease, ...]:
    """Decide, for every locale (source included) and procedure, what ships."""
    errors, _ = _errors_by_entry(project)
    source_lang = _source_bcp47(project)
    releases: list[ProcedureRelease] = []
    eligible: dict[tuple[str, str], dict[str, str]] = {}  # (posix, procedure) -> ctx -> text (strictly eligible)
    for procedure in project.procedures:
        messages = list(procedure.messages())
        source_errors = [line for (loc, pid, _), lines in errors.items() if loc is None and pid == procedure.id
                         for line in lines]
        strings = {m.context: Choice(m.text.value, source_lang) for m in messages}
        words = sum(word_count(m.text.value) for m in messages)
        source_reasons = (f"{len(source_errors)} error findings in the source",) if source_errors else ()
        releases.append(ProcedureRelease(None, procedure, "withheld" if source_errors else "published", source_reasons,
                                         strings, len(messages), len(messages), words, words, len(messages),
                                         tuple(source_errors), ("source-error-findings",) if source_errors else ()))
    source_releases = {r.procedure.id: r for r in releases}
    for info in project.locales:
        settings = project.config.settings(info.posix)
        reviewers = project.config.reviewers_for(info.posix)
        for procedure in project.procedures:
            entries = _catalog_strings(project, info, procedure)
            messages = list(procedure.messages())
            usable: dict[str, str] = {}
            strict: dict[str, str] = {}
            untranslated = fuzzy = unreviewed = 0
            blocking: list[str] = []
            translated = translated_words = reviewed = 0
            for message in messages:
                entry = entries.get(message.context)
                state = entry_state(entry, message.text.value, reviewers)
                entry_errors = errors.get((info.posix, procedure.id, message.context), [])
                if state is ReviewState.UNTRANSLATED:
                    untranslated += 1
                    continue
                if state is ReviewState.FUZZY:
                    fuzzy += 1
                    continue
                translated += 1
                translated_words += word_count(message.text.value)
                signed = state is ReviewState.SIGNED_OFF
                reviewed += signed
                if not is_usable(state, entry_errors):
                    blocking += entry_errors
                    continue
                assert entry is not None
                usable[message.context] = entry.msgstr
                if signed:
                    strict[message.context] = entry.msgstr
                else:
                    unreviewed += 1
            eligible[(info.posix, procedure.id)] = strict
            total_words = sum(word_count(m.text.value) for m in messages)
            coded: list[tuple[str, str]] = []
            if untranslated:
                coded.append(("untranslated", f"{untranslated} strings untranslated"))
            if fuzzy:
                coded.append(("fuzzy", f"{fuzzy} strings fuzzy (source changed or marked for review)"))
            if unreviewed:
                coded.append(("unreviewed", f"{unreviewed} strings not signed off by a reviewer"))
            if blocking:
                coded.append(("error-findings", f"{len(blocking)} error findings"))
            source_release = source_releases[procedure.id]
            if source_release.status == "withheld":
                coded.insert(0, ("source-withheld", "the source is withheld"))
            chosen: dict[str, Choice] = {}
            if settings.fallback == "string":
                for message in messages:
                    if message.context in usable:
                        chosen[message.context] = Choice(usable[message.context], info.bcp47)
                    else:
                        chosen[message.context] = _fall_back(project, info, procedure.id, message, eligible)
                status = "withheld" if source_release.status == "withheld" else "published"
                fell_back = sum(c.fell_back for c in chosen.values())
                coded = [c for c in coded if c[0] == "source-withheld"] or \
                    ([("fallback-strings", f"{fell_back} strings fall back")] if fell_back else [])
            else:
                status = "withheld" if coded else "published"
                if status == "published":
                    chosen = {m.context: Choice(strict[m.context], info.bcp47) for m in messages}
            releases.append(ProcedureRelease(info, procedure, status, tuple(text for _, text in coded), chosen,
                                             len(messages), translated, total_words, translated_words, reviewed,
                                             tuple(blocking), tuple(code for code, _ in coded)))
    return tuple(releases)
