"""The shipped termbase: broad enough for the procedures, and used by the shipped translations."""

from __future__ import annotations

import polib

from pipeline.termbase.matching import Matcher
from pipeline.termbase.reader import read_termbase

from ..conftest import REPO

TERMBASE = read_termbase(REPO / "source/termbase.yaml", "source/termbase.yaml")


def test_termbase_has_the_required_breadth():
    assert len(TERMBASE.concepts) >= 45
    for concept in ("intervertebral-disc", "facet-joint", "sacroiliac-joint", "medial-branch-nerve",
                    "sciatica", "radiculopathy", "spinal-stenosis", "laminectomy", "cannula",
                    "fluoroscopy", "local-anaesthetic", "physical-therapy", "minute", "hour", "day",
                    "week", "month", "year"):
        assert TERMBASE.concept(concept) is not None, concept
    for concept in TERMBASE.concepts:
        assert set(concept.terms) >= {"en", "es", "zh_Hans", "vi", "ar", "ht"}, concept.id


def test_shipped_complete_catalogs_are_covered_by_the_matcher():
    """In the complete Spanish catalogs, the termbase finds terms."""
    matcher = Matcher(TERMBASE, "es")
    hits = 0
    for path in sorted((REPO / "locales/es/LC_MESSAGES").glob("*.po")):
        for entry in polib.pofile(str(path)):
            hits += len(matcher.find(entry.msgstr))
    assert hits > 50
