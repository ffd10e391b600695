"""source/negation.yaml: read strictly, and its markers matched as words (or substrings)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.termbase.negation import (
    NEGATION_FILE,
    NegationMarkers,
    _alternation,
    normalise,
    parse_negation,
    read_negation,
)

from ..conftest import REPO

MATCHES = [
    # markers, exceptions, substring, text, markers found
    (("not", "no", "don't"), (), False, "Do not lift. Notice: no!", ["not", "no"]),
    (("not", "no", "don't"), (), False, "Don’t lift anything", ["don't"]),  # typographic apostrophe
    (("no",), (), False, "NO. Nothing. Piano", ["no"]),
    (("pa", "pa t"), (), False, "Li pa t ede ou, li pa ka", ["pa t", "pa"]),
    (("không",), ("không khí",), False, "không khí sạch, không hút thuốc", ["không"]),
    (("لا", "تجنب"), (), False, "وتجنّب ذلك، لا تفعل", ["لا"]),
    (("لا", "وتجنب"), (), False, "وتجنّب ذلك، لا تفعل", ["وتجنب", "لا"]),  # the shadda is optional
    (("不", "没", "不适合"), ("不适",), True, "不适。不能。没有。不适合您", ["不", "没", "不适合"]),
    # a marker with a full stop and a number after it is an abbreviation of "number"
    (("no", "not"), (), False, "Come to Ward No. 6, not ward no.7. Say no.", ["not", "no"]),
]


@pytest.mark.parametrize(("markers", "exceptions", "substring", "text", "found"), MATCHES)
def test_markers_found(markers: tuple[str, ...], exceptions: tuple[str, ...], substring: bool, text: str,
                       found: list[str]) -> None:
    assert NegationMarkers("xx", markers, exceptions, substring).found(text) == found


QUESTIONS = [
    # text, markers found (không and chưa are question particles where a clause ends)
    ("Hãy hỏi xem thuốc có an toàn không.", []),  # whether it is safe
    ("Bạn có đau không? Không nâng vật nặng", ["không"]),
    ("Hỏi bác sĩ xem bạn đã mang vác được chưa", []),  # yet? (the end of the text)
    ("Thuốc có gây buồn ngủ không, hãy hỏi dược sĩ", []),
    ("Không lái xe, chưa được tắm", ["không", "chưa"]),
    ("Đừng lo nếu chưa", ["đừng"]),
    ("không , không", []),  # white space before the clause ends
]


@pytest.mark.parametrize(("text", "found"), QUESTIONS)
def test_a_question_particle_ending_a_clause_does_not_negate(text: str, found: list[str]) -> None:
    markers = NegationMarkers("vi", ("không", "chưa", "đừng"), question_particles=("không", "chưa"))
    assert markers.found(text) == found


BAD = [
    # file content, expected error
    ("languages:\n  en:\n    markers: [not, {no: 1}]\n", "3:20: languages.en.markers[1]: expected a string"),
    ("languages:\n  en:\n    markers: []\n", "3:14: languages.en.markers: empty list"),
    ("languages:\n  en:\n    marker: [not]\n", "unknown field 'marker'"),
    ("languages:\n  en:\n    markers: [not]\n    match: letters\n", "'letters' is not one of: word, substring"),
    ("languages:\n  en:\n    markers: [not, Not]\n", "3:20: languages.en.markers[1]: 'Not' is listed twice"),
    ("languages:\n  en:\n    markers: [' not']\n", "leading or trailing white space"),
    ("languages:\n  English:\n    markers: [not]\n", "2:3: languages.English: not a language code"),
    ("languages: [en]\n", "languages: expected a mapping"),
    ("languages:\n  vi:\n    markers: [không]\n    question_particles: [chưa]\n",
     "4:26: languages.vi.question_particles[0]: 'chưa' is not one of the markers"),
    ("languages:\n  es:\n    markers: [no, suspenda]\n    stops: [deje de, Suspenda]\n",
     "4:22: languages.es.stops[1]: 'Suspenda' is also a marker: list it in one of the two"),
    ("languages:\n  es:\n    markers: [no]\n    stops: [deje de, deje de]\n", "languages.es.stops[1]: 'deje de' is listed twice"),
    ("languages:\n  es:\n    markers: [no, máximo]\n    limits: [como máximo, Máximo]\n",
     "4:27: languages.es.limits[1]: 'Máximo' is also a marker: list it in one of the two"),
    ("languages:\n  es:\n    markers: [no]\n    stops: [deje de]\n    limits: [deje de]\n",
     "languages.es.limits[0]: 'deje de' is also one of the stops: list it in one of the two"),
    ("languages:\n  es:\n    markers: [no]\n    limits: [máximo, máximo]\n", "languages.es.limits[1]: 'máximo' is listed twice"),
    ("languages:\n  es:\n    markers: [no]\n    limits: [máximo]\n    waits: [espere, Máximo]\n",
     "5:21: languages.es.waits[1]: 'Máximo' is also one of the limits: list it in one of the two"),
    ("languages:\n  es:\n    markers: [no, sin]\n    unaided: [sin ayuda, Sin]\n",
     "4:26: languages.es.unaided[1]: 'Sin' is also a marker: list it in one of the two"),
    ("languages:\n  es:\n    markers: [no]\n    unaided: [solo, solo]\n", "languages.es.unaided[1]: 'solo' is listed twice"),
    ("languages:\n  en:\n    markers: [not]\n    unaided: 3\n", "languages.en.unaided: expected a list"),
    ("languages:\n  es:\n    markers: [no]\n    lower: [al menos]\n    upper: [como máximo, Al menos]\n",
     "5:26: languages.es.upper[1]: 'Al menos' is also listed under lower: list it in one of the two"),
    ("languages:\n  en:\n    markers: [not]\n    upper: [not …]\n", "languages.en.upper[0]: 'not …' does not have"),
    ("languages:\n  en:\n    markers: [not]\n    lower: [at least, at least]\n", "'at least' is listed twice"),
    ("languages:\n  ar:\n    markers: [لا]\n    numbers: [مترين, مترين]\n", "languages.ar.numbers[1]: 'مترين' is listed twice"),
    ("languages:\n  ar:\n    markers: [لا]\n    numbers: []\n", "languages.ar.numbers"),
    ("languages:\n  en:\n    markers: [not]\n    worse: [worse]\n    better: [better, Worse]\n",
     "languages.en.better[1]: 'Worse' is also listed under worse"),
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_bad_file_is_one_precise_error(text: str, expected: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_negation(NEGATION_FILE, text.encode("utf-8"))
    assert expected in str(raised.value) and str(raised.value).startswith(NEGATION_FILE)


def test_shipped_file_has_every_shipped_language() -> None:
    negation = read_negation(REPO / NEGATION_FILE)
    assert set(negation.languages) == {"en", "es", "zh_Hans", "vi", "ar", "ht"}
    assert negation.for_language("es_MX") is negation.languages["es"]


def test_no_file_means_no_markers(tmp_path: Path) -> None:
    assert read_negation(tmp_path / "negation.yaml").languages == {}


@given(st.text(alphabet=st.sampled_from("aZ ’ʼ'ـًٌٍَُِّْٰلا不É\u0301"), max_size=30))
def test_normalise_changes_only_what_it_says(text):
    import unicodedata

    from pipeline.termbase.matching import OPTIONAL_MARKS as _OPTIONAL_MARKS
    from pipeline.termbase.negation import _APOSTROPHES, normalise

    expected = unicodedata.normalize("NFC", text).casefold().translate(_APOSTROPHES).translate(_OPTIONAL_MARKS)
    assert normalise(text) == expected


@given(st.text(alphabet=st.sampled_from("aZ ’ـًٌٍَُِّْٰٟ٠لا不É\u0301\u064a\u0660"), max_size=40))
def test_without_optional_marks_removes_exactly_the_marks(text):
    from pipeline.termbase.matching import OPTIONAL_MARKS as _OPTIONAL_MARKS
    from pipeline.termbase.matching import without_optional_marks

    assert without_optional_marks(text) == text.translate(_OPTIONAL_MARKS)


_LETTERS = st.sampled_from(list("nopatu不适合 "))
_WORDS = st.lists(st.text(_LETTERS, min_size=1, max_size=5).map(lambda w: " ".join(w.split())).filter(bool),
                  min_size=1, max_size=8)


@settings(max_examples=500)
@given(_WORDS, st.text(st.sampled_from(list("nopatu不适合 \t.,x")), max_size=30), st.booleans())
def test_the_tree_of_the_markers_matches_as_the_markers_sorted_longest_first(words, text, substring):
    # the pattern is written as a tree of the words' letters for speed; it must find what one
    # alternation of the words, longest first, finds (the longest listed word winning at each place)
    plain = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    tree = _alternation(words)
    wrap = "(?:{})" if substring else r"(?<!\w)(?:{})(?!\w)"
    expected = [(m.start(), m.group(0)) for m in re.finditer(wrap.format(plain), text)]
    assert [(m.start(), m.group(0)) for m in re.finditer(wrap.format(tree), text)] == expected


BOUNDS = [
    # the language's bounds (lower, upper, exceptions), substring, text, the lower and upper bounds found
    ((("at least",), (), ()), False, "Walk for at least 20 minutes.", ["at least"], []),
    (((), ("not … more than",), ()), False, "Do not sit for more than 30 minutes.", [], ["not sit for more than"]),
    (((), ("not … more than",), ()), False, "Do not sit down, and walk more than 30 minutes.", [], []),  # a clause
    (((), ("or less",), ("more or less",)), False, "It takes more or less an hour, or less.", [], ["or less"]),
    ((("omwen",), ("o plis",), ()), False, "Mache komwen 20 minit, o plis 30.", [], ["o plis"]),  # whole words
    (((), ("不要…超过",), ()), True, "每次坐着不要超过30分钟。", [], ["不要超过"]),
    ((("至少",), ("最多",), ()), True, "至少步行20分钟，最多30分钟。", ["至少"], ["最多"]),
    # a "#" is a number written with digits, with or without white space before it
    ((("above #",), ("below #",), ()), False, "Above 38.5 °C, or below 4, but not above the knee.", ["above 38.5"],
     ["below 4"]),
    ((("trên #",), ("dưới #",), ()), False, "Sốt trên 38°C, da dưới băng, đường huyết dưới4.", ["trên 38"], ["dưới4"]),
    ((("超过 #",), (), ()), True, "超过24小时，超过一天。", ["超过24"], []),
    (((), ("# or less",), ()), False, "Take 2 or less; take some or less.", [], ["2 or less"]),  # a number first
    (((), ("أقل من #",), ()), False, "إذا كان السكر أقل من ٤ أو أقل من المعتاد", [], ["أقل من ٤"]),
]


@pytest.mark.parametrize(("bounds", "substring", "text", "lower", "upper"), BOUNDS)
def test_bounds_found(bounds: tuple[tuple[str, ...], ...], substring: bool, text: str, lower: list[str],
                      upper: list[str]) -> None:
    markers = NegationMarkers("xx", ("not",), substring=substring, lower=bounds[0], upper=bounds[1],
                              pair_exceptions=bounds[2])
    assert markers.pair("bound", text) == (lower, upper)


def test_a_language_without_a_pair_has_no_pattern_of_it() -> None:
    assert NegationMarkers("xx", ("not",), before=("antes",)).pair_patterns.keys() == {"order"}



def test_patterns_are_compiled_when_first_needed() -> None:
    """A run compiles the patterns of its own languages only, and the pattern of a pair's words only
    once a text holds the first word of one: compiling them costs more than most runs' searches."""
    markers = NegationMarkers("xx", ("not",), before=("antes de … comer",), after=("después",))
    assert vars(markers)["_compiled"] == {}  # read, not compiled
    assert markers.pair("order", "nada aquí") == ([], [])
    assert vars(markers)["_compiled"] == {}  # no word of a first word in it: looked up, not searched
    assert markers.pair("order", "antes, nada") == ([], [])
    assert list(vars(markers)["_compiled"]) == ["order:first"]  # which first words a text holds, only
    assert markers.pair("order", "antes de comer") == (["antes de comer"], [])
    assert markers.found("not now") == ["not"]
    assert sorted(vars(markers)["_compiled"]) == ["markers", "order:first", "order:words"]


def _pair_searched(markers: NegationMarkers, pair: str, text: str) -> tuple[list[str], list[str]]:
    """`NegationMarkers.pair` without what it looks up before searching: the pair's pattern alone."""
    found: tuple[list[str], list[str]] = ([], [])
    for match in re.finditer(markers.pair_patterns[pair][1], normalise(text)):
        if match.lastgroup != "skip":
            found[match.lastgroup != "one"].append(" ".join(match.group(0).split()))
    return found


_SHIPPED = read_negation(REPO / NEGATION_FILE)
_TEXTS = sorted({text for line in (REPO / "tests/shipped/fresh-sentences.tsv").read_text("utf-8").splitlines()
                 if not line.startswith("#") for text in line.split("\t")[2:4]})


@pytest.mark.parametrize("language", sorted(_SHIPPED.languages))
def test_a_pair_finds_in_shipped_sentences_what_its_pattern_alone_finds(language: str) -> None:
    # a text is first looked up for the first words of a pair's words (speed): never a reason to miss one
    markers = _SHIPPED.languages[language]
    for pair in markers.pair_patterns:
        assert [markers.pair(pair, text) for text in _TEXTS] == [_pair_searched(markers, pair, text) for text in _TEXTS]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["at least", "don't … more than", "no más de", "über #", "l'après", "# or more",
                                 "a_b", "x2 y"]), min_size=1, max_size=4),
       st.text(st.sampled_from(list("atleasdon'tmorhnúbx2y_ #.,’-\t")), max_size=40))
def test_a_pair_finds_what_its_pattern_alone_finds(lower: list[str], text: str) -> None:
    markers = NegationMarkers("xx", ("not",), lower=tuple(lower), upper=("at most",))
    assert markers.pair("bound", text) == _pair_searched(markers, "bound", text)


def test_compile_all_compiles_every_pattern_of_the_languages_named() -> None:
    negation = read_negation(REPO / NEGATION_FILE)
    negation.compile_all(("es_MX", "zh_Hans"))  # a language, or its base language
    compiled = {language: set(vars(markers)["_compiled"]) for language, markers in negation.languages.items()}
    markers = negation.languages["es"]
    assert compiled["es"] == {"markers", *(f"{pair}:{part}" for pair in markers.pair_patterns
                                           for part in ("first", "words"))}
    assert compiled["zh_Hans"] and not compiled["vi"]
