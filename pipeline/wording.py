"""Counts and shares people read: "1 string", "2 strings", "1 entry", "3 entries", "99.9 %"."""

from __future__ import annotations


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
