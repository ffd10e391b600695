"""Guidance the pipeline writes on a catalog entry for its translator (approved terms, translation
memory), kept as translator comments marked ``(pipeline)``:

    # (pipeline) term: lower back = parte baja de la espalda, zona lumbar, región lumbar,
    # (pipeline)   espalda baja

Extracted comments (``#.``) belong to the template: msgmerge, and so Poedit's "Update from POT"
and Weblate's msgmerge add-on, replace them with the template's, which knows no locale's terms.
Translator comments are the per-entry field msgmerge, msgcat, polib, translate-toolkit (Weblate),
Poedit and Lokalize all keep. The marker tells the pipeline's lines from a translator's, so
`pipeline update` rewrites its own and never touches theirs. Lines are at most 76 characters:
polib re-wraps a longer comment line, which would split a hint into unmarked lines.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import lru_cache

MARK = "(pipeline) "
CONTINUED = "(pipeline)   "
WIDTH = 76  # polib's default wrap width, 78, less the "# " it writes before a comment line
_ORDER = {"term": 0, "memory": 1, "suggestion": 2}


@dataclass(frozen=True)
class Hint:
    kind: str  # "term", "memory" (where a pre-filled translation came from), "suggestion"
    text: str


@lru_cache(maxsize=1 << 16)  # the same term hints recur in every catalog of a locale
def _wrapped(hint: Hint) -> tuple[str, ...]:
    return tuple(textwrap.wrap(" ".join(hint.text.split()), WIDTH, initial_indent=f"{MARK}{hint.kind}: ",
                               subsequent_indent=CONTINUED, break_long_words=False, break_on_hyphens=False))


def hint_lines(hint: Hint) -> list[str]:
    """The comment lines of one hint, wrapped between words (a longer word stays whole)."""
    return list(_wrapped(hint))


def split_hints(tcomment: str | None) -> tuple[list[Hint], list[str]]:
    """The pipeline's hints in a translator comment, and every other line as it is."""
    hints: list[Hint] = []
    others: list[str] = []
    for line in tcomment.split("\n") if tcomment else []:
        if line.startswith(CONTINUED) and hints:
            last = hints[-1]
            hints[-1] = Hint(last.kind, f"{last.text} {line[len(CONTINUED):].strip()}")
        elif line.startswith(MARK) and ": " in line:
            kind, _, text = line[len(MARK):].partition(": ")
            hints.append(Hint(kind.strip(), text.strip()))
        else:
            others.append(line)
    return hints, others


def with_hints(tcomment: str | None, hints: list[Hint], regenerated: frozenset[str]) -> str:
    """``tcomment`` with its hints of the ``regenerated`` kinds replaced by ``hints``.

    The pipeline's lines come first, in a fixed order, so a sign-off or note appended later by a
    reviewer or a tool never moves them and the next update writes the same bytes.
    """
    old, others = split_hints(tcomment)
    kept = [h for h in old if h.kind not in regenerated]
    ordered = sorted([*kept, *hints], key=lambda h: _ORDER.get(h.kind, len(_ORDER)))
    lines = [line for hint in ordered for line in hint_lines(hint)]
    return "\n".join([*lines, *others])
