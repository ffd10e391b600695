"""A translated entry is not signed off by a qualified reviewer, or needs re-review.

Patient material is revised by a second qualified linguist (ISO 17100). An entry needs re-review
when its source or translation changed after the sign-off, when the reviewer is not listed for
the locale in pipeline.yaml, or when the reviewer is the entry's own translator. Set the severity
in pipeline.yaml (`checks: {unreviewed: {severity: error}}`) to make this block a release.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...catalog.states import TranslationState
from ...review.signoff import ReviewState, fingerprint, review_state, sign_off_in
from ..model import Entry, LocaleContext, Options

CODE = "W314"
NAME = "unreviewed"
SEVERITY = "warning"
SCOPE = "entry"
SAFETY = False
OPTIONS: dict[str, Any] = {}


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    if "signed-off:" not in entry.translator_comment:  # no sign-off: no fingerprint to compute
        yield "not signed off by a reviewer"
        return
    msgid = entry.msgid + ("\x00" + entry.msgid_plural if entry.msgid_plural else "")
    translations = list(entry.msgstr_plural) if entry.msgid_plural else [entry.msgstr]
    state = review_state(entry.translator_comment, fingerprint(entry.msgctxt, msgid, translations),
                         TranslationState.TRANSLATED, ctx.settings.get("reviewers"))
    if state is ReviewState.UNREVIEWED:
        yield "not signed off by a reviewer"
    elif state is ReviewState.NEEDS_REREVIEW:
        signed = sign_off_in(entry.translator_comment)
        assert signed is not None  # a re-review is only ever due for a signed-off entry
        yield (f"needs re-review: the sign-off by {signed.reviewer} on {signed.date} no longer matches "
               "(changed text, unlisted reviewer, or the reviewer translated it)")
