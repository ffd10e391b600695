"""A unit of time or measure in the source is rendered with that unit's approved term.

"2–4 weeks" rendered as "2–4 days" passes the numbers check but tells a patient to rest for
the wrong time. Units are the termbase concepts of subject `time` and `unit` that follow a number
in the source; the translation must contain one of the concept's preferred or admitted terms.
"""

from functools import lru_cache
from types import MappingProxyType

CODE = "E202"
NAME = "units"
SEVERITY = "error"
SCOPE = "entry"
SAFETY = True
OPTIONS: dict = {}



def _number_before(text, end):
    """Whether ``text[:end]`` ends with a number, then spaces or hyphens ("2 weeks", "2-4 weeks",
    "3-day"). Read backwards from ``end`` over those characters only, so a text with many units
    costs no more than its length (a regular expression anchored at the end is retried from
    every earlier position)."""
    index = end
    while index > 0 and (text[index - 1].isspace() or text[index - 1] == "-"):
        index -= 1
    while index > 0 and (text[index - 1] in ".," or text[index - 1].isdecimal()):
        if text[index - 1].isdecimal():
            return True
        index -= 1
    return False


def source_units(entry, ctx):
    return _units_in(ctx.source, entry.msgid)


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _units_in(matcher, text):
    found = {}
    for hit in matcher.find(text):
        if hit.concept.subject in ("time", "unit") and _number_before(text, hit.start):
            found.setdefault(hit.concept.id, hit)
    return MappingProxyType(found)


def check(entry, ctx, options):
    units = source_units(entry, ctx)
    if not units:
        return
    present = {hit.concept.id: hit for hit in ctx.target.find(entry.msgstr)}
    for concept_id, hit in units.items():
        approved = hit.concept.approved(ctx.language)
        if not approved or concept_id in present:
            continue
        others = sorted({h.term.display for cid, h in present.items()
                         if h.concept.subject in ("time", "unit") and cid not in units})
        instead = f" (found {', '.join(others)} instead)" if others else ""
        yield (f"unit '{entry.msgid[hit.start:hit.end]}' is not rendered with its approved term "
               f"{' / '.join(t.display for t in approved)}{instead}")
