"""Termbase terms as segments: spans on the original text, longest term first, deprecated terms marked."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.project import Project
from pipeline.site.highlight import Highlighter, Segment
from pipeline.termbase.model import Concept, Term, Termbase

from ..conftest import FIXTURE


@pytest.fixture(scope="module")
def termbase() -> Termbase:
    return Project(FIXTURE).termbase


def marked(segments: tuple[Segment, ...]) -> list[tuple[str, str]]:
    return [(s.text, s.kind) for s in segments if s.title]


SOURCE = [
    # locale, source text, marked (text, kind)
    ("es", "Your doctor removes tissue from inside a disc.", [("disc", "approved")]),
    ("es", "What is an endoscopic discectomy?", [("endoscopic discectomy", "approved")]),
    ("es", "A herniated disk hurts.", [("herniated disk", "deprecated")]),
    ("zh_Hans", "Rest for 2 days.", [("days", "approved")]),
    ("es", "Nothing to see here.", []),
]


@pytest.mark.parametrize("posix,text,expected", SOURCE)
def test_source_terms(termbase, posix, text, expected):
    segments = Highlighter(termbase, "en", posix, "Target").source_segments(text)
    assert "".join(s.text for s in segments) == text
    assert marked(segments) == expected


TARGET = [
    ("es", "Su médico extrae tejido del interior de un disco.", [("disco", "approved")]),
    ("zh_Hans", "椎间盘和椎间碟", [("椎间盘", "approved"), ("椎间碟", "deprecated")]),
    ("ar", "من داخل القرص.", [("القرص", "approved")]),
    # not in NFC (decomposed, as some keyboards and tools write Vietnamese): shown as written, unmarked
    ("vi", unicodedata.normalize("NFD", "Nội soi cắt bỏ đĩa đệm"), []),
    ("es", unicodedata.normalize("NFD", "Su médico extrae tejido de un disco."), []),
]


@pytest.mark.parametrize("posix,text,expected", TARGET)
def test_target_terms(termbase, posix, text, expected):
    segments = Highlighter(termbase, "en", posix, "Target").target_segments(text)
    assert "".join(s.text for s in segments) == text
    assert marked(segments) == expected


def test_titles_name_the_approved_term(termbase):
    highlighter = Highlighter(termbase, "en", "es", "Spanish")
    (term,) = [s for s in highlighter.source_segments("a disc") if s.title]
    assert term.title == "disc — approved Spanish term: disco"
    (wrong,) = [s for s in highlighter.source_segments("a disk") if s.title]
    assert "deprecated: use disc" in wrong.title and "disco" in wrong.title
    (target,) = [s for s in highlighter.target_segments("un disco") if s.title]
    assert target.title == "disco — approved Spanish term for “disc”"


def test_a_fold_that_changes_length_maps_back_to_whole_characters():
    street = Concept("street", "anatomy", "a street", {"en": (Term("road", "preferred"),),
                                                       "de": (Term("strasse", "preferred", match="exact"),)})
    highlighter = Highlighter(Termbase((street,)), "en", "de", "German")
    segments = highlighter.target_segments("Große Straße hier")
    assert "".join(s.text for s in segments) == "Große Straße hier"
    assert marked(segments) == [("Straße", "approved")]


def test_empty_text_has_no_segments(termbase):
    assert Highlighter(termbase, "en", "es", "Spanish").target_segments("") == ()


def test_terms_list_pairs_source_and_approved_target_terms(termbase):
    highlighter = Highlighter(termbase, "en", "es", "Spanish")
    assert highlighter.terms("A herniated disc is a disc problem.") == (
        ("herniated disc", "hernia discal, hernia de disco, disco herniado"), ("disc", "disco"))
