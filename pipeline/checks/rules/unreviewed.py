"""Translated entries not signed off by a qualified reviewer, or needing re-review.

Patient material is revised by a second qualified linguist (ISO 17100). Entries never signed off
are counted once per catalog (`pipeline review pending` lists them), so that the report's first
screen keeps what else needs action. An entry needs re-review when its source or translation
changed after the sign-off, when the reviewer is not listed for the locale in pipeline.yaml, or
when the reviewer is the entry's own translator: each is reported on its entry. Set the severity
in pipeline.yaml (`checks: {unreviewed: {severity: error}}`) to make this block a release.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ...catalog.states import TranslationState
from ...review.signoff import ReviewState, fingerprint, review_state, sign_off_in
from ..model import Catalog, Entry, LocaleContext, Options

CODE = "W314"
NAME = "unreviewed"
SEVERITY = "warning"
SCOPE = "catalog"
SAFETY = False
OPTIONS: dict[str, object] = {}


def _state(entry: Entry, ctx: LocaleContext) -> ReviewState:
    if "signed-off:" not in entry.translator_comment:  # no sign-off: no fingerprint to compute
        return ReviewState.UNREVIEWED
    return _signed_state(entry.translator_comment, entry.msgctxt, entry.msgid, entry.msgid_plural, entry.forms,
                         ctx.settings.get("reviewers"))


@lru_cache(maxsize=50_000)  # an entry repeated in many leaflets carries the same sign-off line
def _signed_state(comment: str, msgctxt: str | None, msgid: str, msgid_plural: str | None,
                  forms: tuple[str, ...], reviewers: frozenset[str] | None) -> ReviewState:
    source = msgid + ("\x00" + msgid_plural if msgid_plural else "")
    return review_state(comment, fingerprint(msgctxt, source, list(forms)), TranslationState.TRANSLATED, reviewers)


def check(catalog: Catalog, ctx: LocaleContext, options: Options) -> Iterator[tuple[Entry | None, str]]:
    translated = [e for e in catalog.entries if e.translated]
    unsigned: list[Entry] = []
    for entry in translated:
        state = _state(entry, ctx)
        if state is ReviewState.UNREVIEWED:
            unsigned.append(entry)
        elif state is ReviewState.NEEDS_REREVIEW:
            signed = sign_off_in(entry.translator_comment)
            by = f" by {signed.reviewer} on {signed.date}" if signed else ""
            yield entry, (f"needs re-review: the sign-off{by} no longer matches (changed text, unlisted "
                          "reviewer, or the reviewer translated it)")
    if unsigned:
        yield None, (f"{len(unsigned)} of {len(translated)} translated entries are not signed off by a reviewer "
                     f"(first at line {unsigned[0].line}): list them with `pipeline review pending`")
