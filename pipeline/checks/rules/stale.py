"""A fuzzy translation: its source changed, a reviewer rejected it, or a translator marked it for review.

When the source changed, the finding shows the old and the new source text so the translator sees
exactly what to update; when a reviewer rejected the translation (`pipeline review reject`), it
shows who, when and why. Fuzzy entries never ship.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...review.signoff import rejection_in
from ..model import Entry, LocaleContext, Options

CODE = "W302"
NAME = "stale"
SEVERITY = "warning"
SCOPE = "fuzzy"
SAFETY = False
OPTIONS: dict[str, object] = {}


def _rejection(comment: str) -> str | None:
    """The reviewer's last rejection note ("rejected by REVIEWER on DATE: REASON"), if any, read
    whole even when an editor wrapped it over several comment lines."""
    note = rejection_in(comment)
    return f"rejected by {note.reviewer} on {note.date}: {note.reason}" if note else None


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    rejection = _rejection(entry.translator_comment) if "rejected by" in entry.translator_comment else None
    if entry.previous_msgid is not None and entry.previous_msgid != entry.msgid:
        changed = f"source changed: was «{entry.previous_msgid}», now «{entry.msgid}»"
        yield f"{changed}; and {rejection}" if rejection else changed
    elif rejection:
        yield rejection
    else:
        yield "marked fuzzy: the translation needs review before it can ship"
