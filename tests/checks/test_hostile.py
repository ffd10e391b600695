"""Every entry check finishes on long hostile translations: its time grows with the length of the
text, not with its square. (How fast is measured by benchmarks/hostile.py, never here: these only
show that 100 KB of each pattern that once took minutes now passes through every check.)"""

from __future__ import annotations

import pytest

from pipeline.checks.registry import REGISTRY
from pipeline.checks.rules import dnt, markup

from .rules.real_entries import context, shipped

SIZE = 100_000
ENTRY_CHECKS = [spec for spec in REGISTRY if spec.scope in ("entry", "fuzzy")]

# unit repeated to SIZE, where it goes (translation only, source and translation, identical), and
# what the checks must still find in it
HOSTILE = [
    ("www.", "msgstr", None),                # e-mail address pattern retried from every position
    ("a@", "both", None),
    ("[", "msgstr", None),                   # unclosed Markdown link text
    ("[](", "msgstr", None),                 # unclosed Markdown link target
    ("<a", "msgstr", None),
    ("%0", "both", None),                    # printf flags and width both take "0"
    ("%(a", "msgstr", None),
    ("%|0", "msgstr", None),                 # one "%", then zeros: every split of them was tried
    ("on|a", "msgstr", None),
    ("1 day ", "both", None),                # a unit after a number, looked up before every hit
    ("1111", "both", None),
    ("MRI ", "both", None),                  # a do-not-translate term in every word
    ("MRI ", "same", None),
    ("\u041cRI ", "both", None),            # a look-alike of it in every word
    ("MRI \u041c", "both", None),           # the term, and a look-alike letter the text is folded for
    ("㎜ ", "both", None),                   # a compatibility form that folds to two letters
    ("disc ", "both", None),                 # concepts compared pairwise
    ("1.000.", "msgstr", None),              # one number of 100 000 digits
    ("é", "msgstr", None),                   # one word of 100 000 letters for the stemmer
    ("{", "msgstr", None),                   # a run of braces before no placeholder
    ("{{a", "both", None),
    ("1 000 ", "both", None),                # thousands grouped by a space, read a second way
    ("8:30 8.30 ", "both", None),            # times written with a point, read a second way
    ("1万", "both", None),                   # Chinese myriads, multiplied out
    ("[a](b) ", "msgstr", None),             # Markdown links compared by their targets
    ("Dr. ", "both", None),                  # an abbreviation at every full stop: one long sentence
    ("1. ", "msgstr", None),
    ("a. b ", "both", None),                 # a lower-case word after every full stop
]


def hostile(unit: str) -> str:
    """``unit`` repeated; "prefix|unit" writes the prefix once, then the unit."""
    prefix, _, unit = unit.rpartition("|") if "|" in unit[:-1] else ("", "", unit)
    return (prefix + unit * (SIZE // len(unit) + 1))[:SIZE]


@pytest.mark.parametrize("unit,placement,_", HOSTILE, ids=[f"{h[0]!r}-{h[1]}" for h in HOSTILE])
def test_every_entry_check_finishes_on_100_kb(unit, placement, _):
    text = hostile(unit)
    base = shipped("es", "endoscopic-rhizotomy", "title")
    msgid = {"msgstr": base.msgid, "both": text + " source", "same": text}[placement]
    entry = base._replace(msgid=msgid, msgstr=text, fuzzy=True, previous_msgid=base.msgid)
    for spec in ENTRY_CHECKS:
        findings = list(spec.module.check(entry, context("es"), dict(spec.options)))
        assert all(isinstance(f, str) for f in findings)


@pytest.mark.parametrize("text,found", [
    ("Write to help.desk+es@clinic.example.org today", ["help.desk+es@clinic.example.org"]),
    ("a@b.c and x.y@d-e.f.g", ["a@b.c", "x.y@d-e.f.g"]),
    ("not@an address, nor @this.org", []),
])
def test_e_mail_addresses_are_still_found(text, found):
    assert markup.PATTERNS["e-mail address"].findall(text) == found


@pytest.mark.parametrize("text,found", [
    ("[here](https://x.org)", ["[here](https://x.org)"]),
    (" [aquí](javascript:alert(1))", ["[aquí](javascript:alert(1))"]),
    ("![img](a.png) [a [b](c)", ["![img](a.png)", "[b](c)"]),
    ("[a](b", []),
])
def test_markdown_links_are_still_found(text, found):
    assert sorted(markup.FINDERS["Markdown link"](text)) == found


def test_dnt_reports_each_term_once_however_often_it_is_repeated():
    ctx = context("es")
    hit = next(h for h in ctx.source.find("MRI") if h.term.dnt)
    kept = next(t.display for t in hit.concept.approved(ctx.language) if t.dnt)
    base = shipped("es", "endoscopic-rhizotomy", "title")
    entry = base._replace(msgid="MRI " * 3, msgstr=f"{kept.lower()} " * 3)
    assert list(dnt.check(entry, ctx, {})) == [f"'{kept.lower()}' must be written exactly '{kept}' (do not translate)"]
