"""`pipeline release`: what a build would ship per cell (plan), and withdrawing a cell at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..clock import review_date
from ..errors import InputError
from ..lock import exclusive
from ..project import Project
from . import record
from .policy import ProcedureRelease, blocked, plan, records

# What a build would do with each cell, against the release record (what was last published).
OUTCOMES = ("new", "unchanged", "outdated", "withdrawn", "withheld", "draft", "retired")


@dataclass(frozen=True)
class PlannedCell:
    locale: str  # BCP 47
    posix: str
    procedure: str
    outcome: str  # one of OUTCOMES
    required: bool
    blocking: bool  # a required cell with nothing publishable: the build fails
    release: ProcedureRelease

    def as_dict(self) -> dict[str, Any]:
        r = self.release
        data: dict[str, Any] = {"locale": self.locale, "posix": self.posix, "procedure": self.procedure,
                                "outcome": self.outcome, "status": r.status, "required": self.required,
                                "blocking": self.blocking, "reason_codes": list(r.reason_codes),
                                "reasons": list(r.reasons), "fallback_strings": len(r.fallback_keys),
                                "unreviewed_strings": r.unreviewed}
        if r.lag is not None:
            data["lags_behind"] = {"published_for": r.lag.published_for, "source_digest": r.lag.source_digest,
                                   "keys": list(r.lag.keys)}
        if r.withdrawal is not None:
            data["withdrawn"] = {"reason": r.withdrawal.reason, "date": r.withdrawal.date}
        return data


def outcome(release: ProcedureRelease, cell: record.Cell | None) -> str:
    if release.status != "published":
        return release.status
    return "unchanged" if cell is not None and cell.withdrawn is None and cell.digest == release.digest else "new"


def release_plan(project: Project) -> tuple[PlannedCell, ...]:
    """Every cell (the source language first) and what `pipeline build` would do with it now."""
    published = records(project)
    releases = plan(project)
    stopped = {(r.posix, r.procedure.id) for r in blocked(project, releases)}
    source = project.config.source_language
    cells = []
    for r in releases:
        posix = r.posix or source
        required = r.locale is None or project.config.settings(posix).required
        cells.append(PlannedCell(r.locale.bcp47 if r.locale else source, posix, r.procedure.id,
                                 outcome(r, published.get(posix, {}).get(r.procedure.id)), required,
                                 (r.posix, r.procedure.id) in stopped, r))
    return tuple(cells)


def blocking(cells: Sequence[PlannedCell]) -> tuple[PlannedCell, ...]:
    return tuple(c for c in cells if c.blocking)


def withdraw(project: Project, locale: str, procedure: str, reason: str) -> record.Cell:
    """Withdraw a cell: the version last published and the current one (when it could publish) are
    recorded as withdrawn, with why and when, and never ship again; a later, different version does."""
    reason = " ".join(reason.split())
    if not reason:
        raise InputError("--reason must say why the cell is withdrawn (patients' safety record)")
    source = project.config.source_language
    posix = source if locale == source else project.locale(locale).posix
    project.select_procedure_ids((procedure,))
    with exclusive(project.root):
        cells = record.read(project.root, posix)
        old = cells.get(procedure)
        release = next(r for r in plan(project) if (r.posix or source) == posix and r.procedure.id == procedure)
        digests = list(old.withdrawn.digests if old is not None and old.withdrawn else [])
        texts = list(old.withdrawn.texts if old is not None and old.withdrawn else [])
        if old is not None and old.withdrawn is None:
            digests.append(old.digest)
            texts.append(record.texts_digest(old.strings))
        if release.status == "published" and release.digest is not None:
            digests.append(release.digest)
            texts.append(record.texts_digest(release.published()))
        if not digests:
            raise InputError(f"{posix}/{procedure} has never been published and cannot be now: nothing to withdraw")
        source_digest = old.source_digest if old is not None else record.source_digest(
            (m.context, m.text.value) for m in release.procedure.messages())
        cell = record.Cell(digests[0], source_digest, (),
                           record.Withdrawal(reason, review_date(), tuple(dict.fromkeys(digests)),
                                             tuple(dict.fromkeys(texts))))
        cells[procedure] = cell
        record.write(project.root, posix, cells)
    return cell
