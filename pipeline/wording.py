"""Counts in messages people read: "1 string", "2 strings", "1 entry", "3 entries"."""

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
