"""Counts and shares people read: "1 string", "2 strings", "1 entry", "3 entries", "99.9 %"; the line
that says a name is not one of those known."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

_LISTED = 10  # names a message lists in full; a larger set is counted and the command that lists it named
_CLOSE = 0.8  # difflib's similarity from which a known name is offered as the one meant


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun``, plural unless ``n`` is one (English nouns the pipeline's messages use;
    ``plural`` for one the rule does not make)."""
    if n == 1:
        return f"{n} {noun}"
    if plural is not None:
        return f"{n} {plural}"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return f"{n} {noun[:-1]}ies"
    return f"{n} {noun}s"


def percent(part: int, whole: int) -> float:
    """``part`` of ``whole`` in per cent, to one decimal, as progress is shown: never 100.0 while
    anything is missing (2,499 of 2,500 is 99.9, not a finished catalog) nor 0.0 once anything is
    done; 100.0 for nothing to do."""
    if not whole:
        return 100.0
    shown = round(100.0 * part / whole, 1)
    if shown == 100.0 and part < whole:
        return 99.9
    if shown == 0.0 and part > 0:
        return 0.1
    return shown


def unknown_name(kind: str, name: str, known: Sequence[str], listed_by: str) -> str:
    """The one line that says ``name`` is not a known ``kind``: the known name clearly closest to
    it (a typo: "did you mean 'endoscopic-discectomy'?"), then every known name where there are few,
    else how many there are and ``listed_by`` (the command that lists them), so that a library
    of 2,000 procedures does not print them all."""
    guess = ""
    scored = sorted(((difflib.SequenceMatcher(None, name, other).ratio(), other) for other in known), reverse=True)
    # Only a clear best is offered: numbered names tie, and a guess among ties would mislead.
    if scored and scored[0][0] >= _CLOSE and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        guess = f": did you mean {scored[0][1]!r}?"
    if not known:
        return f"unknown {kind} {name!r} (none yet)"
    if len(known) <= _LISTED:
        return f"unknown {kind} {name!r}{guess} (known: {', '.join(known)})"
    return f"unknown {kind} {name!r}{guess} ({count(len(known), kind)}: {listed_by})"
