"""Review sign-off: a second qualified linguist approves each entry (ISO 17100 revision).

A sign-off is a translator comment on the entry:

    # signed-off: es-clinical-review 2026-11-22 1f0c9a3e7b2d4c55

naming the reviewer, the date, and a fingerprint of the context, the source text and the
translation. Translator comments are the one per-entry field that Poedit, Weblate, Lokalize,
msgcat and msgmerge all keep, and a sign-off sits on its own entry's lines, so two reviewers
working on different entries merge in git without conflicts. Any change to the source or the
translation changes the fingerprint: the sign-off no longer counts and the entry needs re-review.
Only reviewers listed in pipeline.yaml count, and never on an entry they translated themselves.

Provenance, also a translator comment: ``# translated-by: ID`` or ``# translated-by: ID machine``.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum

import polib

from ..catalog.states import TranslationState, forms_of, state_of

SIGNED_OFF = re.compile(r"^signed-off: (\S+) (\d{4}-\d{2}-\d{2}) ([0-9a-f]{16})$")
TRANSLATED_BY = re.compile(r"^translated-by: (\S+)(?: (machine))?$")
REJECTION_START = re.compile(r"^review: rejected by ")
REJECTED = re.compile(r"^review: rejected by (\S+) on (\S+): (.*)$")


class ReviewState(StrEnum):
    """Where an entry stands in review, in the order a release cares about them."""

    UNTRANSLATED = "untranslated"
    FUZZY = "fuzzy"
    UNREVIEWED = "unreviewed"  # translated, never signed off
    NEEDS_REREVIEW = "needs-re-review"  # signed off, but the sign-off no longer counts
    SIGNED_OFF = "signed-off"


@dataclass(frozen=True)
class SignOff:
    reviewer: str
    date: str
    fingerprint: str


@dataclass(frozen=True)
class Rejection:
    """A reviewer's rejection note and the comment lines it spans (``first`` to ``last``)."""

    reviewer: str
    date: str
    reason: str
    first: int
    last: int


@dataclass(frozen=True)
class Provenance:
    translator: str
    machine: bool


def fingerprint(msgctxt: str | None, msgid: str, translations: list[str]) -> str:
    """16 hex digits of SHA-256 over context, source and translation(s)."""
    data = "\x04".join([msgctxt or "", msgid, "\x00".join(translations)])
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def entry_fingerprint(entry: polib.POEntry) -> str:
    return fingerprint(entry.msgctxt, entry.msgid + ("\x00" + entry.msgid_plural if entry.msgid_plural else ""),
                       forms_of(entry))


def _lines(comment: str | None) -> list[str]:
    return comment.split("\n") if comment else []


def sign_off_in(comment: str | None) -> SignOff | None:
    if not comment or "signed-off:" not in comment:  # most comments are term hints
        return None
    for line in _lines(comment):
        match = SIGNED_OFF.match(line.strip()) if "signed-off:" in line else None
        if match and _real_date(match.group(2)):  # a date no calendar has: the line was edited by hand
            return SignOff(*match.groups())
    return None


def _real_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def provenance_in(comment: str | None) -> Provenance | None:
    if not comment or "translated-by:" not in comment:
        return None
    for line in _lines(comment):
        match = TRANSLATED_BY.match(line.strip()) if "translated-by:" in line else None
        if match:
            return Provenance(match.group(1), match.group(2) == "machine")
    return None


def review_state(comment: str | None, current_fingerprint: str, translation: TranslationState,
                 reviewers: frozenset[str] | None = None) -> ReviewState:
    """The review state of an entry; ``reviewers`` are the ids whose sign-off counts."""
    if translation is not TranslationState.TRANSLATED:
        return ReviewState(translation.value)
    signed = sign_off_in(comment)
    if signed is None:
        return ReviewState.UNREVIEWED
    if signed.fingerprint != current_fingerprint:
        return ReviewState.NEEDS_REREVIEW
    if reviewers is not None and signed.reviewer not in reviewers:
        return ReviewState.NEEDS_REREVIEW
    provenance = provenance_in(comment)
    if provenance is not None and provenance.translator == signed.reviewer:
        return ReviewState.NEEDS_REREVIEW
    return ReviewState.SIGNED_OFF


def review_state_of(entry: polib.POEntry, reviewers: frozenset[str] | None = None) -> ReviewState:
    """The review state of a catalog entry."""
    return review_state(entry.tcomment, entry_fingerprint(entry), state_of(entry), reviewers)


def sign_off_of(entry: polib.POEntry) -> SignOff | None:
    return sign_off_in(entry.tcomment)


def provenance_of(entry: polib.POEntry) -> Provenance | None:
    return provenance_in(entry.tcomment)


def _quote(reason: str) -> str:
    return '"' + " ".join(reason.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _closed(text: str) -> bool:
    """Whether a quoted reason ends here: a final quote that no backslash escapes."""
    if len(text) < 2 or not text.endswith('"'):
        return False
    escapes = len(text[:-1]) - len(text[:-1].rstrip("\\"))
    return escapes % 2 == 0


def _unquote(text: str) -> str:
    return re.sub(r'\\(.)', r"\1", text[1:-1])


def _rejection_at(lines: list[str], index: int) -> Rejection | None:
    """The rejection note starting at ``lines[index]``. The reason is written quoted, so that the
    lines a tool wrapped the note over (some editors re-wrap translator comments) are read, and
    removed, with it; an unquoted note (older pipelines) is its one line."""
    if not REJECTION_START.match(lines[index].strip()):
        return None
    text = ""
    for last in range(index, len(lines)):
        text = f"{text} {lines[last].strip()}".strip()
        match = REJECTED.match(text)
        if match and match.group(3).startswith('"') and _closed(match.group(3)):
            return Rejection(match.group(1), match.group(2), _unquote(match.group(3)), index, last)
    match = REJECTED.match(lines[index].strip())
    if match is None:  # a header wrapped and never closed: only its first line is known to be the note
        return Rejection("", "", "", index, index)
    return Rejection(match.group(1), match.group(2), match.group(3), index, index)


def rejection_in(comment: str | None) -> Rejection | None:
    """The last rejection note in a translator comment, however it was wrapped."""
    lines, found, index = _lines(comment), None, 0
    while index < len(lines):
        note = _rejection_at(lines, index)
        if note is not None:
            found, index = note, note.last
        index += 1
    return found


def _without_review_notes(comment: str | None, *, provenance: bool = False) -> list[str]:
    """The comment's lines without sign-offs and rejection notes (and provenance, when asked)."""
    lines, kept, index = _lines(comment), [], 0
    while index < len(lines):
        note = _rejection_at(lines, index)
        if note is not None:
            index = note.last + 1
            continue
        line = lines[index].strip()
        if not SIGNED_OFF.match(line) and not (provenance and TRANSLATED_BY.match(line)):
            kept.append(lines[index])
        index += 1
    return kept


def set_sign_off(entry: polib.POEntry, reviewer: str, date: str) -> None:
    """Record a sign-off (replacing any earlier one) and clear an earlier rejection note."""
    kept = _without_review_notes(entry.tcomment)
    kept.append(f"signed-off: {reviewer} {date} {entry_fingerprint(entry)}")
    entry.tcomment = "\n".join(kept)


def carry_sign_off(old: polib.POEntry, new: polib.POEntry) -> str:
    """``old``'s translator comment for ``new``, an entry a declared rename moved with its text and
    translation unchanged: a sign-off that counted for ``old`` is re-keyed to ``new``'s fingerprint
    (same reviewer, same date); any other sign-off is carried as it is, and still does not count."""
    signed = sign_off_in(old.tcomment)
    if signed is None or signed.fingerprint != entry_fingerprint(old):
        return old.tcomment or ""
    return "\n".join(f"signed-off: {signed.reviewer} {signed.date} {entry_fingerprint(new)}"
                     if SIGNED_OFF.match(line.strip()) else line for line in _lines(old.tcomment))


def reject(entry: polib.POEntry, reviewer: str, date: str, reason: str) -> None:
    """Mark fuzzy, drop the sign-off, and leave the reason for the translator."""
    kept = _without_review_notes(entry.tcomment)
    kept.append(f"review: rejected by {reviewer} on {date}: {_quote(reason)}")
    entry.tcomment = "\n".join(kept)
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")


def correct(entry: polib.POEntry, reviewer: str, translation: str) -> None:
    """A reviewer's own wording replaces the translation: the reviewer becomes its translator, so
    a different reviewer must sign it off; earlier sign-offs and rejections no longer apply."""
    kept = _without_review_notes(entry.tcomment, provenance=True)
    kept.append(f"translated-by: {reviewer}")
    entry.tcomment = "\n".join(kept)
    entry.msgstr = translation
