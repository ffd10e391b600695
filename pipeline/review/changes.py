"""What changed in an entry since its last sign-off, as a word diff a reviewer reads.

A sign-off records a fingerprint, not the text it covered. The text comes from where it honestly
is: the entry's previous source (`#| msgid`, written by `update` when the source changed) and, for
the source and the translation, the catalog as the commit that recorded the sign-off has it (git
history of the content repository). When neither tells, the report says so rather than guess.
"""

from __future__ import annotations

import difflib
import subprocess
from dataclasses import dataclass
from pathlib import Path

import polib

from ..catalog.po_reader import parse_po
from ..catalog.states import forms_of
from ..errors import InputError
from .signoff import SignOff, entry_fingerprint

_GIT_TIMEOUT = 30  # seconds; history lookups are small, a hung git must not hang a review


def word_diff(old: str, new: str) -> str:
    """``new`` with the words removed since ``old`` as [-words-] and the added ones as {+words+}."""
    before, after = old.split(), new.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            out += after[j1:j2]
            continue
        if i2 > i1:
            out.append("[-" + " ".join(before[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(after[j1:j2]) + "+}")
    return " ".join(out)


@dataclass(frozen=True)
class SignedText:
    source: str
    translation: str


def _git(root: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=_GIT_TIMEOUT)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def signed_text(root: Path, file: str, entry: polib.POEntry, signed: SignOff) -> SignedText | None:
    """The entry as it was when ``signed`` was recorded, from the oldest commit of ``file`` that
    holds that sign-off line; None outside git or when the sign-off was never committed."""
    line = f"signed-off: {signed.reviewer} {signed.date} {signed.fingerprint}"
    commits = _git(root, "log", "--format=%H", "-S", line, "--", file)
    if not commits:
        return None
    for commit in reversed(commits.decode("ascii", "replace").split()):
        data = _git(root, "show", f"{commit}:./{file}")
        if data is None:
            continue
        try:
            catalog = parse_po(file, data)
        except InputError:  # a damaged old revision only means no history to show
            continue
        for old in catalog:
            if old.msgctxt == entry.msgctxt and not old.obsolete and entry_fingerprint(old) == signed.fingerprint:
                return SignedText(old.msgid, "\n".join(forms_of(old)))
    return None
