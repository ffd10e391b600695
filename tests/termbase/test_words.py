"""The term matcher's compiled word scanner (`_words.scan`) gives what its Python reference
(`matching._scan_python`) gives, on any text, and the matcher finds the same terms with the
compiled scanner and collection of hits (`_words.collect`) as with their Python references.

Where the project was installed without a C compiler the compiled scanner is missing and these
tests are skipped; CI sets PIPELINE_REQUIRE_COMPILED, so a scanner that failed to build fails there.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.termbase import matching
from pipeline.termbase.matching import _STARTS_NOTHING, Matcher, _collect_python, _scan_python
from pipeline.termbase.model import Concept, Term, Termbase
from pipeline.termbase.reader import read_termbase

from ..conftest import FIXTURE, compiled_module

_module = compiled_module("pipeline.termbase._words")
compiled = _module.scan if _module is not None else None

pytestmark = pytest.mark.skipif(compiled is None, reason="the compiled word scanner was not built (no C compiler)")

STARTS = ("()", "(d)", "x")  # what a memo maps a word to, besides nothing: any other object

# Every kind of character \w treats differently: letters and digits of several scripts, digits
# that are not decimal (², ½), marks, the underscore, punctuation, symbols and white space.
CHARACTERS = st.sampled_from(list("aZé_1٣۵²½ñ\u0301\u064bاب中文ệ ,.-'’/\t\n\u00a0\u3000°℃€👍\x00"))
TEXTS = st.text(CHARACTERS, max_size=60) | st.text(max_size=60)


@given(text=TEXTS, data=st.data())
@settings(max_examples=500, deadline=None)
def test_the_compiled_scanner_gives_what_the_python_one_gives(text: str, data: st.DataObject) -> None:
    words = matching._pieces(text)[1::2]
    memo = {word: data.draw(st.sampled_from([_STARTS_NOTHING, *STARTS])) for word in words
            if data.draw(st.booleans())}
    assert compiled(text, memo, _STARTS_NOTHING) == _scan_python(text, memo, _STARTS_NOTHING)


@pytest.mark.parametrize("char", [chr(code) for code in range(128)])
def test_every_ascii_character_splits_words_as_the_python_scanner_does(char: str) -> None:
    """The compiled scanner tests ASCII without the Unicode database: letters, digits and the
    underscore are word characters, and the neighbours of their ranges (@ [ ` { / :) are not."""
    for text in (f"a{char}b", char, f"{char}{char}é"):
        assert compiled(text, {}, _STARTS_NOTHING) == _scan_python(text, {}, _STARTS_NOTHING)


ROWS = [
    # text, words, bounds, candidates (memo: "disco" starts nothing, "hernia" starts a term)
    ("", [], [], []),
    ("  ,. ", [], [], []),
    ("disco", ["disco"], [0, 5], []),
    ("hernia de disco", ["hernia", "de", "disco"], [0, 6, 7, 9, 10, 15], [0, 1]),
    ("(hernia)_x", ["hernia", "_x"], [1, 7, 8, 10], [0, 1]),
    ("L4–L5", ["l4", "l5"], [0, 2, 3, 5], [0, 1]),  # a letter and the number after it: one name
    # a number and the letters after it are two words (5mm is 5 mm), and so are Chinese characters
    # and the letters or digits beside them (10ml口服 is 10 ml 口服)
    ("5mm", ["5", "mm"], [0, 1, 1, 3], [0, 1]),
    ("5–10mm", ["5", "10", "mm"], [0, 1, 2, 4, 4, 6], [0, 1, 2]),
    ("٥مم", ["٥", "مم"], [0, 1, 1, 3], [0, 1]),
    ("10ml口服", ["10", "ml", "口服"], [0, 2, 2, 4, 4, 6], [0, 1, 2]),
    ("MRI检查", ["mri", "检查"], [0, 3, 3, 5], [0, 1]),
    ("B12 disco", ["b12", "disco"], [0, 3, 4, 9], [0]),
]


@pytest.mark.parametrize(("text", "words", "bounds", "candidates"), ROWS)
def test_words_bounds_and_candidates(text: str, words: list[str], bounds: list[int], candidates: list[int]) -> None:
    memo = {"disco": _STARTS_NOTHING, "hernia": STARTS}
    assert compiled(text.lower(), memo, _STARTS_NOTHING) == (words, bounds, candidates)


@pytest.mark.parametrize("arguments", [(), ("text", {}), (1, {}, None), ("text", [], None), ("a", {}, None, None)])
def test_wrong_arguments_are_a_type_error(arguments: tuple[object, ...]) -> None:
    with pytest.raises(TypeError):
        compiled(*arguments)


TERMBASE = read_termbase(FIXTURE / "source/termbase.yaml", "source/termbase.yaml")
LANGUAGES = ["en", "es", "vi", "ar", "ht"]


def in_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matching, "_scan", _scan_python)
    monkeypatch.setattr(matching, "_collect", _collect_python)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_matcher_finds_the_same_terms_compiled_or_not(language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import polib

    texts = sorted({entry.msgid if language == "en" else entry.msgstr
                    for path in (FIXTURE / "locales").glob(f"{'es' if language == 'en' else language}/LC_MESSAGES/*.po")
                    for entry in polib.pofile(str(path))})
    assert len(texts) > 20
    fast = Matcher(TERMBASE, language)
    found = [fast.find(text) for text in texts]
    in_python(monkeypatch)
    reference = Matcher(TERMBASE, language)
    assert [reference.find(text) for text in texts] == found


# The words of each language's terms, inflected, with clitics (Arabic), and words between them.
_PIECES = {language: sorted({word + ending for concept in TERMBASE.concepts for term in concept.terms_for(language)
                             for word in term.text.replace("|", "").split() for ending in ("", "s", "es", "a")}
                            | {"y", "de", "the", "و" + "ال", "1", "twice"})
           for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
@given(data=st.data())
@settings(max_examples=200, deadline=None)
def test_any_text_of_term_words_gives_the_same_hits_compiled_or_not(language: str, data: st.DataObject) -> None:
    """Terms of several words, overlapping terms, terms inside their exceptions, stems and
    prefixes: the compiled collection of hits and the Python one agree, whatever the text."""
    words = data.draw(st.lists(st.sampled_from(_PIECES[language]), max_size=14))
    gaps = data.draw(st.lists(st.sampled_from([" ", " ", ", ", "-", "\u00a0", "."]), min_size=len(words) + 1,
                              max_size=len(words) + 1))
    text = "".join(gap + word for gap, word in zip(gaps, [*words, ""], strict=True))
    found = Matcher(TERMBASE, language).find(text)
    with pytest.MonkeyPatch.context() as patch:
        in_python(patch)
        assert Matcher(TERMBASE, language).find(text) == found


# Terms of three words, their later words tested each way a word can be: as written ("eq"), as
# one of the English plural forms ("in"), by stem, and by prefix.
_LONG = Termbase((
    Concept("back-pain", "condition", "", {"en": (Term("lower back pain", "preferred", match="exact"),),
                                           "es": (Term("dolor de espalda", "preferred", match="stem"),
                                                  Term("dolor lumbar|", "admitted", match="prefix"))}),
))
LONG_ROWS = [
    # language, text, the starts of the hits
    ("en", "lower back pain", [0]),
    ("en", "lower back pains", [0]),
    ("en", "lower back pan", []),
    ("en", "the lower back, pain", [4]),
    ("es", "dolores de espaldas", [0]),
    ("es", "dolor de cabeza", []),
    ("es", "dolor lumbares", [0]),
    ("es", "dolor lumbar", [0]),
    ("es", "dolor lum", []),
]


@pytest.mark.parametrize(("language", "text", "starts"), LONG_ROWS)
def test_later_words_of_a_term_are_tested_as_in_python(language: str, text: str, starts: list[int]) -> None:
    found = Matcher(_LONG, language).find(text)
    assert [hit.start for hit in found] == starts
    with pytest.MonkeyPatch.context() as patch:
        in_python(patch)
        assert Matcher(_LONG, language).find(text) == found


# uncovered and named_counts: the hits of one text, sorted by start, longest first, as the matcher
# gives them. A few concepts, so that hits of one concept meet and overlap.
_CONCEPTS = [Concept(name, "anatomy", "") for name in ("disc", "herniated-disc", "nerve")]
_TERM = Term("x", "preferred")


def _hits(spans: list[tuple[int, int, int]]) -> list[matching.Hit]:
    return [matching.Hit(_CONCEPTS[c], _TERM, start, start + length) for c, start, length in spans]


SPANS = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 30), st.integers(1, 12)), max_size=12).map(
    lambda spans: sorted(spans, key=lambda s: (s[1], -s[2], s[0])))


@given(spans=SPANS)
@settings(max_examples=500, deadline=None)
def test_the_compiled_sweeps_give_what_the_python_ones_give(spans: list[tuple[int, int, int]]) -> None:
    hits = _hits(spans)
    assert _module.uncovered(hits) == matching._uncovered_python(hits)
    assert _module.named_counts(hits) == matching._named_counts_python(hits)


SWEEPS = [
    # hits (concept index, start, length), uncovered (indexes into hits), named counts
    ([], [], {}),
    ([(0, 0, 4)], [0], {"disc": 1}),
    ([(1, 0, 14), (0, 10, 4)], [0], {"herniated-disc": 1, "disc": 1}),  # disc inside herniated disc
    ([(0, 0, 4), (0, 2, 4)], [0, 1], {"disc": 1}),  # one concept overlapping itself: one naming
    ([(0, 0, 4), (2, 5, 5), (0, 11, 4)], [0, 1, 2], {"disc": 2, "nerve": 1}),
    ([(1, 0, 14), (0, 0, 14), (2, 3, 2)], [0, 1], {"herniated-disc": 1, "disc": 1, "nerve": 1}),
]


@pytest.mark.parametrize(("spans", "kept", "counts"), SWEEPS)
def test_uncovered_hits_and_named_counts(spans: list[tuple[int, int, int]], kept: list[int],
                                        counts: dict[str, int]) -> None:
    hits = _hits(spans)
    assert _module.uncovered(hits) == [hits[k] for k in kept]
    assert matching.named_counts(hits) == counts


@pytest.mark.parametrize("arguments", [("not a list",), ([("too", "short")],), ([(None, None, "0", 1)],)])
def test_the_compiled_sweeps_refuse_what_is_not_a_list_of_hits(arguments: tuple[object, ...]) -> None:
    with pytest.raises((TypeError, AttributeError)):
        _module.uncovered(*arguments)
    with pytest.raises((TypeError, AttributeError)):
        _module.named_counts(*arguments)
