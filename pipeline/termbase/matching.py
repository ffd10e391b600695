"""Finding termbase terms in text that inflects them.

Each term compiles to a pattern of word tests, by its match mode:
- exact: the words as written (English also accepts a plural -s/-es/-ies on the last word);
- stem: words compared after the language's Snowball stemmer;
- prefix: a word with "|" matches any word starting with the part before the "|"; other words
  of the term are compared by stem (or exactly, when the language has no stemmer);
- forms: any of the listed forms, word for word;
- substring: a plain substring, for scripts written without spaces (Chinese, Japanese, Thai),
  except where it stands inside one of the term's exceptions (周, a week, inside 周围, around)
  that does not follow a number or a counting word (2周期间 is 2 weeks + 期间, during).
All comparisons are case-insensitive and on NFC text. A text's words are its runs of letters and
digits, with a number and the letters after it as two words ("5mm" holds the unit mm as "5 mm"
does) and Chinese or Japanese characters apart from the letters and digits beside them.

A prefix accepts any ending, but not one with a letter that only looks like a real one (a
Cyrillic о, a full-width ｏ: see lookalike.py): "abultadо" is not "abultado" to a patient's search.
Every other test compares whole words, or stems that keep such a letter, with the real ones.

Arabic writes some words onto the next one: "and" or "so" (و, ف), then "with", "for" or "like"
(ب, ل, ك), then the article (ال; ل with ال is written لل). The first word of a term also matches
a word that is one of its forms with any of these in front (والعضلة, بالجراح, للأسابيع), as long as
what is left has three letters or more: a word such as وسم (a mark) is not the term سم (cm).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import cache, cached_property, lru_cache
from itertools import islice
from operator import itemgetter, le
from typing import Any, NamedTuple, cast

import ahocorasick
import snowballstemmer

from . import lookalike
from .model import Concept, Term, Termbase

# A word is a run of \w (letters, digits of every script, the underscore), cut where a number ends
# before a letter, and between a Chinese or Japanese character and any other: a unit glued to its
# number ("5mm", "٥مم", "10ml口服") is found as it is with a space between them, so that how a
# translator spaces a quantity never decides whether its unit is there. A letter with a number after
# it stays one word: L5 and S1 name vertebrae, not a litre and a second. The patterns make the cut
# after a number; `_word_spans` the cut at the edge of the Chinese and Japanese scripts (a class of
# their ranges would take 30 ms to compile in every process). `_words.scan` does both in C.
_WORD = re.compile(r"[^\W\d]+\d*|\d+")
# A term's words as the text is split into them (X-ray is x and ray), each with any "|" of prefix mode.
_TERM_WORD = re.compile(r"(?:[^\W\d]|\|)+\d*|\d+")
_FIRST_UNSPACED = "\u2e80"  # no character before it is of the Chinese and Japanese scripts
_UNSPACED = {"zh", "ja", "th", "lo", "km", "my"}
# Languages whose words can carry clitics in front, and the layers of them, outermost first: a
# word's clitic-free forms are what remains after taking off any of each layer's prefixes in turn.
_CLITICS: dict[str, tuple[tuple[str, ...], ...]] = {"ar": (("و", "ف"), ("ب", "ل", "ك"), ("ال",))}
_SHORTEST_AFTER_CLITICS = 3


class Hit(NamedTuple):
    """A term found in a text: ``text[start:end]`` (a tuple: a text has thousands of them)."""

    concept: Concept
    term: Term
    start: int
    end: int

    @property
    def text_span(self) -> tuple[int, int]:
        return self.start, self.end


# Hit's own constructor is a Python function; a text can have dozens of hits.
_hit = tuple.__new__


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


# Arabic short vowels, tanween, the other marks above and below a letter, and the tatweel are
# optional in writing: "تجنّب" is "تجنب", and "أُسْبُوعَيْنِ" is أسبوعين.
OPTIONAL_MARKS = dict.fromkeys([0x0640, *range(0x064B, 0x0660), 0x0670])
_MARKS = "".join(map(chr, OPTIONAL_MARKS))
# Removed by a pattern's substitution: str.translate with a table looks every character up in a
# dictionary, several times slower on a paragraph.
_ANY_OPTIONAL_MARK = re.compile(f"[{_MARKS}]")


def without_optional_marks(text: str) -> str:
    """``text`` without Arabic short vowels, tanween and the tatweel, which writing may leave out."""
    return _ANY_OPTIONAL_MARK.sub("", text) if not text.isascii() else text


# What a text is read without: its optional marks, and the alif that carries an ending's tanween
# (نزيفًا, خدراً, شقًّا: bleeding, numbness, a cut, as objects), which goes with the tanween: the word
# is نزيف. The pattern finds a run of marks, with the alif after it where a word ends; `_unmarked`
# keeps that alif unless the run holds a tanween, and leaves out an alif just before a tanween that
# ends a word instead (خدراً): a tanween carries one alif.
_UNREAD = re.compile(f"[{_MARKS}]+(?:\u0627(?!\\w))?")
_TANWEEN = "\u064b"


def as_read(text: str) -> str:
    """``text`` as terms are found in it: without optional marks and the alif of a tanween ending
    (`_unmarked`, in NFC where it has them). `Matcher.words` are its words, case-folded."""
    return _unmarked(text)[0] if not text.isascii() and _ANY_OPTIONAL_MARK.search(text) else text


def _term_folded(text: str) -> str:
    """A term's text (a form, an exception) as texts are read (`as_read`), case-folded."""
    return as_read(normalize(text))


def _unmarked(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` in NFC without what is not read of it (`_UNREAD`); with where in the text read
    each run left out was, and how many characters were left out up to the end of each run, each
    list after a first run of none at -1: a place ``p`` of the text read is ``p + totals[k]`` in
    that NFC text (the text as typed), where ``k`` is the last run at or before ``p`` (so that a
    word's hit spans the marks it ends with)."""
    composed = unicodedata.normalize("NFC", text)
    pieces: list[str] = []
    places, totals = [-1], [0]
    kept = left_out = 0
    for unread in _UNREAD.finditer(composed):
        start, end = unread.span()
        if _TANWEEN not in unread.group():
            end -= unread.group().endswith("\u0627")  # an alif after other marks is read
        elif (start > kept and composed[start - 1] == "\u0627" and not composed[end:end + 1].isalnum()
              and not unread.group().endswith("\u0627")):
            start -= 1  # the alif before a tanween that ends a word (خدراً), when none follows it
        pieces.append(composed[kept:start])
        places.append(start - left_out)
        left_out += end - start
        totals.append(left_out)
        kept = end
    pieces.append(composed[kept:])
    return "".join(pieces), places, totals


@cache
def stemmer_for(language: str) -> Callable[[str], str] | None:
    """Snowball's stemmer for a language code (es, ar, en...), or None when it has none. Snowball's
    C library (PyStemmer, which snowballstemmer runs) knows its languages by their ISO 639 codes."""
    try:
        stemmer = snowballstemmer.stemmer(language.split("_")[0])
    except KeyError:  # "Stemming algorithm 'vi' not found"
        return None
    cache: dict[str, str] = {}

    def stem(word: str) -> str:
        if word not in cache:
            cache[word] = stemmer.stemWord(word)
        return cache[word]

    return stem


def default_mode(language: str) -> str:
    base = language.split("_")[0]
    if base in _UNSPACED:
        return "substring"
    return "stem" if stemmer_for(language) else "exact"


@lru_cache(maxsize=50_000)  # a word is read again and again: in each text, and in each term's exceptions
def without_clitics(word: str, language: str) -> tuple[str, ...]:
    """The forms of ``word`` with one or more of the language's clitics taken off its front
    (in the order they come off), each of at least three letters: for Arabic, للأسابيع gives لأسابيع, الأسابيع
    and أسابيع. Empty for a language without clitics."""
    layers = _CLITICS.get(language.split("_")[0])
    if not layers:
        return ()
    forms = [word]
    for layer in layers:
        for form in list(forms):
            for clitic in layer:
                if form.startswith(clitic):
                    forms.append(form[len(clitic):])
            if layer == ("ب", "ل", "ك") and form.startswith("لل"):  # ل + ال is written لل
                forms.append("ال" + form[2:])
    return tuple(form for form in dict.fromkeys(forms[1:]) if len(form) >= _SHORTEST_AFTER_CLITICS)


def with_clitics(word: str, language: str) -> list[str]:
    """``word`` with each run of the language's clitics in front that `without_clitics` takes off
    (one of each layer at most, in order; ل with ال also written لل): for Arabic, ستة gives ستة,
    وستة, بالستة, وللستة... ``[word]`` for a language without clitics."""
    fronts = [""]
    for layer in _CLITICS.get(language.split("_")[0], ()):
        fronts += [front + clitic for front in fronts for clitic in layer]
    fronts += [front[:-3] + "لل" for front in fronts if front.endswith("لال")]
    return [front + word for front in fronts]


def _plural_variants(word: str) -> set[str]:
    variants = {word, word + "s", word + "es"}
    if word.endswith("y"):
        variants.add(word[:-1] + "ies")
    return variants


# A word test is (kind, value): "eq" a word, "in" a set of words, "stem" a stem, "prefix" a prefix.
WordTest = tuple[str, object]
# A term's word tests, its concept and term, and its second word test ready to use (for a term of
# several words): the words it accepts, or the stem it wants (neither for a prefix or one word).
_Pattern = tuple[list[WordTest], Concept, Term, frozenset[str] | None, str | None]
# A term found as a substring: its text, concept and term, and its exceptions with where the text
# stands in each (an occurrence of the text there is not the term).
_Substring = tuple[str, Concept, Term, tuple[tuple[str, int], ...]]
# The patterns a word can start: the one-word terms, the longer patterns, and whether any of their
# terms has exceptions.
_Starting = tuple[tuple[tuple[Concept, Term], ...], tuple[_Pattern, ...], bool]
_STARTS_NOTHING: _Starting = ((), (), False)  # most words


def _scan_python(text: str, memo: dict[str, _Starting], nothing: _Starting) -> tuple[list[str], list[int], list[int]]:
    """The words of ``text`` (see `_WORD`), where each starts and ends (``[start0, end0, start1,
    end1, ...]``), and the indexes of the words ``memo`` does not map to ``nothing``. The compiled
    `_words.scan` does the same several times faster; this is its reference and stands in for it
    where it could not be built (no C compiler where the project was installed)."""
    spans = _word_spans(text)
    words = [text[start:end] for start, end in spans]
    bounds = [bound for span in spans for bound in span]
    return words, bounds, [index for index, word in enumerate(words) if memo.get(word) is not nothing]


def _collect_python(matcher: Matcher, folded: str, words: list[str], bounds: list[int], candidates: list[int],
                    memo: dict[str, _Starting], nothing: _Starting, hit_type: type[Hit], hits: list[Hit]) -> None:
    """The hits of the words `_scan` gave (``candidates``: those ``memo`` does not know to start
    nothing), appended to ``hits`` in report order. The compiled `_words.collect` does the same,
    calling back into the matcher for what is rare (a word not met before, a stem not worked out
    yet, a term with exceptions); this is its reference and stands in for it."""
    for index in candidates:
        word = words[index]
        starting = memo.get(word)
        if starting is None:
            starting = matcher._start_of(word)
            if starting is nothing:
                continue
        single, longer, held = starting
        start = bounds[2 * index]
        found = len(hits)
        if longer and index + 1 < len(words):  # first: hits come out in `_hit_order`
            matcher._longer_hits(longer, words, index, start, bounds, hits)
        end = bounds[2 * index + 1]
        for concept, term in single:
            hits.append(_hit(hit_type, (concept, term, start, end)))
        if held:
            matcher._keep_outside_exceptions(hits, found, words, folded, bounds, index)


_scan: Callable[[str, dict[str, _Starting], _Starting], tuple[list[str], list[int], list[int]]]
_collect: Callable[[Matcher, str, list[str], list[int], list[int], dict[str, _Starting], _Starting, type[Hit],
                    list[Hit]], None]
try:
    from ._words import collect as _collect
    from ._words import scan as _scan
except ImportError:  # not compiled
    _scan, _collect = _scan_python, _collect_python

def _unspaced_script(char: str) -> bool:
    """Whether ``char`` is of the Chinese and Japanese scripts (written without spaces)."""
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\U00020000" <= char <= "\U0003ffff"


def _word_spans(text: str, pattern: re.Pattern[str] = _WORD) -> list[tuple[int, int]]:
    """Where each word of ``text`` starts and ends (see `_WORD`)."""
    if text.isascii() or max(text, default="") < _FIRST_UNSPACED:  # most texts: the pattern's words
        return [match.span() for match in pattern.finditer(text)]
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        for offset in range(start + 1, end):
            if _unspaced_script(text[offset]) != _unspaced_script(text[offset - 1]):
                spans.append((start, offset))
                start = offset
        spans.append((start, end))
    return spans


def _words_of(text: str, pattern: re.Pattern[str] = _WORD) -> list[str]:
    """The words of ``text`` (of a term's text with `_TERM_WORD`)."""
    if text.isascii() or max(text) < _FIRST_UNSPACED:  # most texts, and the terms of most languages
        return pattern.findall(text)
    return [text[start:end] for start, end in _word_spans(text, pattern)]


def _pieces(text: str) -> list[str]:
    """``text`` as its words and what stands between them: ``[gap, word, gap, word, ..., gap]``."""
    pieces: list[str] = []
    at = 0
    for start, end in _word_spans(text):
        pieces += (text[at:start], text[start:end])
        at = end
    pieces.append(text[at:])
    return pieces


@lru_cache(maxsize=4096)  # a term matched by its forms holds its exceptions once for each form
def _exception_pieces(exception: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """An exception's words as texts are read, and the gaps between them (`_gap`)."""
    pieces = _pieces(_term_folded(exception))
    return tuple(pieces[1::2]), tuple(_gap(g) for g in pieces[2:-1:2])


_FEW_STARTS = 8  # substring terms starting with at most this many characters are looked for one by one


class Matcher:
    """All term patterns of one language, indexed by their first word for fast lookup."""

    def __init__(self, termbase: Termbase, language: str) -> None:
        self.language = language
        self.stem = stemmer_for(language)
        self._substrings: list[_Substring] = []
        self._by_word: dict[str, list[_Pattern]] = {}
        self._by_stem: dict[str, list[_Pattern]] = {}
        self._by_prefix: list[_Pattern] = []
        self._prefixed = False  # whether a term has a word matched by its prefix
        self._cache: dict[str, list[Hit]] = {}
        self._split: tuple[str, list[str]] = ("", [])  # the last text `find` split, and its words
        self._concepts: dict[tuple[str, bool], tuple[Hit, ...]] = {}
        self._starting: dict[str, _Starting] = {}
        self._stems: dict[str, str] = {}  # by word (see `_stem_of`)
        # a term matched by words (by id): its exceptions as words and what stands between them,
        # each with where the term stands in it, by where one word of it stands from the term's
        # first word and what that word is
        self._held: dict[int, dict[int, dict[str, list[tuple[tuple[str, ...], tuple[str, ...], int]]]]] = {}
        # Snowball's stemmers take time growing faster than a word's length, and a word much longer
        # than every term's cannot stem to a term's stem (suffixes are short): such words are
        # compared as written, so a 100 KB "word" in a translation costs no more than its length.
        longest = max((len(w) for c in termbase.concepts for t in c.terms_for(language)
                       for w in _words_of(t.text)), default=0)
        self._stem_limit = longest + 32
        for concept in termbase.concepts:
            for term in concept.terms_for(language):
                self._compile(concept, term)

    def _stem(self, word: str) -> str:
        return self.stem(word) if self.stem else word

    def _stem_of(self, word: str) -> str:
        """A word's stem as the patterns compare it; a word much longer than every term as written.
        Kept in ``_stems``, which the compiled `_words.collect` reads too."""
        stem = self._stems.get(word)
        if stem is None:
            if len(self._stems) > 200_000:
                self._stems.clear()
            stem = self._stems[word] = self.stem(word) if self.stem and len(word) <= self._stem_limit else word
        return stem

    def _starting_with(self, word: str) -> _Starting:
        """The patterns whose first word test ``word`` passes: the one-word terms, and the longer
        patterns. Each in the order `find` sorts hits starting at one place (longer first, then
        by concept and term), so that hits come out sorted."""
        found: list[_Pattern] = []
        for form in (word, *without_clitics(word, self.language)):
            found += self._by_word.get(form, [])
            if self._by_stem:
                found += self._by_stem.get(self._stem_of(form), [])
            found += [p for p in self._by_prefix if form.startswith(p[0][0][1])]  # type: ignore[arg-type]
        if not found:
            return _STARTS_NOTHING
        found.sort(key=lambda p: (-len(p[0]), p[1].id, p[2].text))
        # Two forms of one term can both match a word once its clitics are off (العضلة, and عضلة
        # after ال): one hit each place. Patterns that test the same later words are the same.
        first: dict[tuple[int, int, tuple[WordTest, ...]], _Pattern] = {}
        for pattern in found:
            first.setdefault((id(pattern[1]), id(pattern[2]), tuple(pattern[0][1:])), pattern)
        found = list(first.values())
        return (tuple((p[1], p[2]) for p in found if len(p[0]) == 1), tuple(p for p in found if len(p[0]) > 1),
                any(id(p[2]) in self._held for p in found))

    @cached_property
    def _substring_starts(self) -> dict[str, list[_Substring]]:
        """The substring terms by their first character, in the order they were compiled."""
        starts: dict[str, list[_Substring]] = {}
        for substring in self._substrings:
            starts.setdefault(substring[0][:1], []).append(substring)
        return starts

    def _compile(self, concept: Concept, term: Term) -> None:
        mode = term.match or default_mode(self.language)
        if mode == "substring":
            exceptions = [_term_folded(e) for e in term.exceptions]
            for needle in sorted({_term_folded(variant) for variant in (term.display, *term.forms)}):
                # each exception with where the term stands in it: an occurrence there is not the term
                held = tuple((e, at) for e in exceptions for at in range(len(e) - len(needle) + 1)
                             if e.startswith(needle, at))
                self._substrings.append((needle, concept, term, held))
            return
        if mode == "forms":
            for form in dict.fromkeys(_term_folded(form) for form in (term.display, *term.forms)):
                words = _words_of(form)
                self._add([("eq", w) for w in words], concept, term)
                self._hold([("eq", w) for w in words], term)
            return
        words = _words_of(_term_folded(term.text), _TERM_WORD)
        tests: list[WordTest] = []
        for index, word in enumerate(words):
            last = index == len(words) - 1
            if mode == "prefix" and "|" in word:
                tests.append(("prefix", word.split("|", 1)[0]))
                self._prefixed = True
            elif mode == "exact" or (mode == "prefix" and not self.stem):
                plain = word.replace("|", "")
                if last and self.language.split("_")[0] == "en":
                    tests.append(("in", frozenset(_plural_variants(plain))))
                else:
                    tests.append(("eq", plain))
            else:
                tests.append(("stem", self._stem(word.replace("|", ""))))
        self._add(tests, concept, term)
        self._hold(tests, term)

    def _hold(self, tests: list[WordTest], term: Term) -> None:
        """Note, for a term matched by words, each of its exceptions as words, with where the
        term's words stand in it (as its pattern finds them there)."""
        for exception in term.exceptions:
            words, gaps = _exception_pieces(exception)
            for at in range(len(words) - len(tests) + 1):
                if tests and self._test_passes(tests[0], words[at], first=True) and all(
                        self._test_passes(test, word) for test, word in zip(tests[1:], words[at + 1:])):
                    # looked up by one word that is not the term's: the first, or the last when the
                    # exception starts with the term (most hits have no exception around them)
                    offset, word = (-at, words[0]) if at else (len(words) - 1, words[-1])
                    held = self._held.setdefault(id(term), {}).setdefault(offset, {}).setdefault(word, [])
                    if (words, gaps, at) not in held:
                        held.append((words, gaps, at))

    def _test_passes(self, test: WordTest, word: str, first: bool = False) -> bool:
        """Whether ``word`` passes one word test (the first word of a term also without its clitics)."""
        kind, value = test
        for form in (word, *without_clitics(word, self.language)) if first else (word,):
            if ((kind == "eq" and form == value) or (kind == "in" and form in value)  # type: ignore[operator]
                    or (kind == "stem" and self._stem_of(form) == value)
                    or (kind == "prefix" and form.startswith(value))):  # type: ignore[arg-type]
                return True
        return False

    def _excepted(self, term: Term, words: list[str], text: str, bounds: list[int], index: int) -> bool:
        """Whether the hit of ``term`` at ``words[index]`` stands where one of its exceptions has
        it: the exception's words, with what the exception has between them (white space, or the
        same marks: out-of-hours), unless the exception starts with the term and a number or a
        counting word comes right before it (white space or nothing between them: "3tháng"), which
        counts the term ("3 tháng tư vấn": 3 months, then tư vấn, consult). A count before another
        first word counts that word: "vài giây phút" is "a few moments" (giây phút), and holds no
        minute (phút)."""
        for offset, by_word in self._held[id(term)].items():
            if 0 <= index + offset < len(words) and (candidates := by_word.get(words[index + offset])):
                if any(self._inside(exception, gaps, at, words, text, bounds, index)
                       for exception, gaps, at in candidates):
                    return True
        return False

    def _inside(self, exception: tuple[str, ...], gaps: tuple[str, ...], at: int, words: list[str], text: str,
                bounds: list[int], index: int) -> bool:
        """Whether the hit at ``words[index]`` stands in ``exception`` (see `_excepted`); ``bounds``
        are where the words of ``text`` start and end, as `_scan` gives them."""
        first = index - at
        last = first + len(exception)
        if first < 0 or last > len(words) or tuple(words[first:last]) != exception:
            return False
        if tuple(_gap(text[bounds[2 * k - 1]:bounds[2 * k]]) for k in range(first + 1, last)) != gaps:
            return False
        return not (at == 0 and first and not text[bounds[2 * first - 1]:bounds[2 * first]].strip()
                    and _counting_word(words[first - 1], self.language))

    def _add(self, tests: list[WordTest], concept: Concept, term: Term) -> None:
        if not tests:
            return
        pattern: _Pattern = (tests, concept, term, *(_second_test(tests) if len(tests) > 1 else (None, None)))
        kind, value = tests[0]
        if kind == "eq":
            self._by_word.setdefault(value, []).append(pattern)  # type: ignore[arg-type]
        elif kind == "in":
            for word in value:  # type: ignore[attr-defined]
                self._by_word.setdefault(word, []).append(pattern)
        elif kind == "stem":
            self._by_stem.setdefault(value, []).append(pattern)  # type: ignore[arg-type]
        else:
            self._by_prefix.append(pattern)

    def find(self, text: str) -> list[Hit]:
        """Every term occurrence in ``text``, sorted by position (overlaps included). A text with
        optional marks (Arabic short vowels) is read without them, and each hit spans its word's
        marks: "لِأَسَابِيعَ" holds weeks."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        if text.isascii() or not _ANY_OPTIONAL_MARK.search(text):
            hits = self._find(text)
        else:
            plain, places, totals = _unmarked(text)
            hits = [_hit(Hit, (concept, term, start + totals[bisect_right(places, start) - 1],
                               end + totals[bisect_right(places, end) - 1]))
                    for concept, term, start, end in self._find(plain)]
            if self._split[0] == plain:
                self._split = (text, self._split[1])
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[text] = hits
        return hits

    def _find(self, text: str) -> list[Hit]:
        """`find`'s hits in a text without optional marks, not kept."""
        folded = normalize(text)
        hits: list[Hit] = []
        unsorted = bool(self._substrings) and self._find_substrings(folded, hits)
        if self._by_word or self._by_stem or self._by_prefix:
            # The words, where each starts and ends, and which of them are not known to start
            # nothing: most words start no term, and each distinct word's candidates are worked
            # out once (`memo`).
            memo = self._starting
            words, bounds, candidates = _scan(folded, memo, _STARTS_NOTHING)
            self._split = (text, words)
            _collect(self, folded, words, bounds, candidates, memo, _STARTS_NOTHING, Hit, hits)
        if unsorted:  # word hits come sorted; substring hits are found apart
            hits.sort(key=_hit_order)
        if self._prefixed and hits and not folded.isascii():  # an odd letter is never ASCII
            hits[:] = [hit for hit in hits if hit.term.match != "prefix" or not _odd_ending(hit, folded)]
        return hits

    def words(self, text: str) -> list[str]:
        """The words of ``text`` as `find` reads them: the runs of ``\\w`` of its NFC case fold,
        without optional marks.
        `find` keeps those of the last text it split, so a check that asks for the words of a text
        it has found terms in (or asks first: `find` runs and keeps its hits) splits nothing again."""
        if self._split[0] != text:
            self.find(text)
            if self._split[0] != text:  # found before, or no term here is matched by words
                self._split = (text, _WORD.findall(normalize(as_read(text))))
        return self._split[1]

    def _start_of(self, word: str) -> _Starting:
        """What a word not met before starts (`_starting_with`), kept in the memo."""
        if len(self._starting) > 200_000:
            self._starting.clear()
        starting = self._starting[word] = self._starting_with(word)
        return starting

    def _keep_outside_exceptions(self, hits: list[Hit], found: int, words: list[str], folded: str,
                                 bounds: list[int], index: int) -> None:
        """Drop the hits from ``hits[found]`` on (all at ``words[index]``) that stand in one of
        their term's exceptions."""
        hits[found:] = [hit for hit in hits[found:] if id(hit[1]) not in self._held
                        or not self._excepted(hit[1], words, folded, bounds, index)]

    def _longer_hits(self, longer: tuple[_Pattern, ...], words: list[str], index: int, start: int,
                     bounds: list[int], hits: list[Hit]) -> None:
        """The hits of the patterns of more than one word starting at ``words[index]``: the
        second word is tested first, without a call for most patterns."""
        following, following_stem = words[index + 1], None
        for tests, concept, term, accepted, stem in longer:
            if accepted is not None:  # most: the second word is one of these
                if following not in accepted:
                    continue
            elif stem is not None:
                if following_stem is None:
                    following_stem = self._stem_of(following)
                if following_stem != stem:
                    continue
            elif not self._rest_passes(tests, words, index, upto=2):
                continue
            size = len(tests)
            if size == 2 or (index + size <= len(words) and self._rest_passes(tests, words, index)):
                hits.append(_hit(Hit, (concept, term, start, bounds[2 * (index + size) - 1])))

    @cached_property
    def _automaton(self) -> Any:
        """The substring terms of a language written without spaces (all its terms) as one
        Aho–Corasick automaton (pyahocorasick): one pass over a text finds every occurrence of
        every term, overlaps included. Each term's text maps to its length and the terms with
        that text, in the order they were compiled."""
        automaton = ahocorasick.Automaton()
        groups: dict[str, list[tuple[Concept, Term, tuple[tuple[str, int], ...]]]] = {}
        for needle, concept, term, held in self._substrings:
            if needle:  # an empty term is looked for apart (the automaton has no empty key)
                groups.setdefault(needle, []).append((concept, term, held))
        for needle, group in groups.items():
            automaton.add_word(needle, (len(needle), tuple(group)))
        automaton.make_automaton()
        return automaton

    def _find_substrings(self, folded: str, hits: list[Hit]) -> bool:
        """Every occurrence of every substring term, except where it stands in one of the term's
        exceptions. A language written with spaces has a symbol or two (°C, ℃): only those whose
        first character the text has are looked for; a language written without spaces has
        hundreds, found together by `_automaton`. Whether any was found."""
        starts = self._substring_starts
        found = len(hits)
        if len(starts) <= _FEW_STARTS:
            for char in starts:
                if char in folded:  # "" is in every text
                    for needle, concept, term, held in starts[char]:
                        start = folded.find(needle)
                        while start >= 0:
                            if not held or not _held_at(folded, start, held):
                                hits.append(_hit(Hit, (concept, term, start, start + len(needle))))
                            start = folded.find(needle, start + 1)
            return len(hits) > found
        for end, (size, group) in self._automaton.iter(folded):
            start = end - size + 1
            for concept, term, held in group:
                if not held or not _held_at(folded, start, held):
                    hits.append(_hit(Hit, (concept, term, start, end + 1)))
        for _, concept, term, held in starts.get("", ()):  # an empty term, if one ever came through: everywhere
            hits += [_hit(Hit, (concept, term, start, start)) for start in range(len(folded) + 1)
                     if not held or not _held_at(folded, start, held)]
        return len(hits) > found

    def _rest_passes(self, tests: list[WordTest], words: list[str], index: int, upto: int | None = None) -> bool:
        """Whether the words after ``words[index]`` pass a pattern's other word tests (those
        before ``upto``)."""
        for k in range(1, upto or len(tests)):
            kind, value = tests[k]
            word = words[index + k]
            if kind == "eq":
                if word != value:
                    return False
            elif kind == "in":
                if word not in value:  # type: ignore[operator]
                    return False
            elif kind == "stem":
                if self._stem_of(word) != value:
                    return False
            elif not word.startswith(value):  # type: ignore[arg-type]
                return False
        return True

    def concepts_in(self, text: str, approved_only: bool = False) -> tuple[Hit, ...]:
        """One hit per concept, ignoring a concept found only inside a longer term of another
        concept ("disc" inside "herniated disc"). A catalog's sources repeat in every locale, so
        the answer is kept like ``find``'s."""
        cached = self._concepts.get((text, approved_only))
        if cached is not None:
            return cached
        hits = [h for h in self.find(text) if h.term.approved or not approved_only]
        kept: dict[str, Hit] = {}
        for hit in uncovered(hits):
            kept.setdefault(hit.concept.id, hit)
        if len(self._concepts) > 50_000:
            self._concepts.clear()
        result = self._concepts[(text, approved_only)] = tuple(kept.values())
        return result


def _second_test(tests: list[WordTest]) -> tuple[frozenset[str] | None, str | None]:
    """A pattern's second word test as (the words it accepts, the stem it wants); (None, None)
    for a prefix."""
    kind, value = tests[1]
    if kind == "eq":
        return frozenset({cast(str, value)}), None
    if kind == "in":
        return cast(frozenset[str], value), None
    if kind == "stem":
        return None, cast(str, value)
    return None, None


# Characters that count what follows them in Chinese: digits, numerals, 几 (a few), 半 (half), 多
# (more), 数 (several), 每 (every), 个 (the measure word). A unit right after one is the unit, even
# where the next characters could make one of its exceptions: 2周期间 is 2 weeks + 期间 (during).
_COUNTING = frozenset("零〇一二两三四五六七八九十百千万几半多数每个")


# Words that count what follows them, besides digits, in languages written with spaces: a unit
# right after one is the unit, even where the next words could make one of its exceptions
# ("3 tháng tư vấn", 3 months and then tư vấn, consult, holds tháng tư, April). Not "a" or
# "one" (một, un, yon): "a day surgery", "một tiếng ồn" (a noise) are the exceptions themselves.
_COUNTING_WORDS: dict[str, frozenset[str]] = {
    "vi": frozenset("hai ba bốn năm sáu bảy tám chín mười mươi trăm vài mấy mỗi".split()),
}


def _held_at(folded: str, start: int, held: tuple[tuple[str, int], ...]) -> bool:
    """Whether a substring term found at ``start`` stands in one of its exceptions (each given
    with where the term stands in it), not counted by what comes before it (`_counted`) and not a
    count of the unit with the unit (`_lasting`)."""
    return any(at <= start and folded.startswith(e, start - at) and not _counted(folded, start - at)
               and not _lasting(folded, e, start - at) for e, at in held)


def _gap(text: str) -> str:
    """What stands between two words, as exceptions compare it: any white space is one space."""
    return " " if text.isspace() else text


def _counting_word(word: str, language: str) -> bool:
    return word.isdigit() or word in _COUNTING_WORDS.get(language.split("_")[0], frozenset())


def _counted(text: str, start: int) -> bool:
    """Whether the character before ``start``, past any white space ("2 周", as "2周"), counts
    what follows it."""
    before = _space_before(text, start)
    return before > 0 and (text[before - 1].isdigit() or text[before - 1] in _COUNTING)


def _space_before(text: str, start: int) -> int:
    """Where the white space that ends at ``start`` begins (``start`` where there is none). Each
    hit looks only at the space right before it: a text's spaces are looked at a few times at most."""
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start


def _space_after(text: str, end: int) -> int:
    """Where the white space that starts at ``end`` ends (``end`` where there is none)."""
    while end < len(text) and text[end].isspace():
        end += 1
    return end


# An exception that starts with a numeral (四周, around, is also 4 weeks) is the count and the unit
# where a length of time is meant: after 至少 (at least), 约 (about), 持续 (lasting), 术后 (after
# surgery)…, or before 内 (within), 后 (after), 左右 (about)…, with or without a space between.
_BEFORE_A_LENGTH = re.compile("(?:至少|最少|大约|约|持续|需要|需|为期|长达|共|前|后)$")  # 2 characters at most
_AFTER_A_LENGTH = re.compile("内|后|以内|以后|之内|之后|左右|以上|时间")


def _lasting(text: str, exception: str, start: int) -> bool:
    """Whether ``exception``, found at ``start``, is a count of the unit and the unit (see above)."""
    if exception[:1] not in _COUNTING:
        return False
    before = _space_before(text, start)
    return bool(_BEFORE_A_LENGTH.search(text, max(0, before - 2), before)
                or _AFTER_A_LENGTH.match(text, _space_after(text, start + len(exception))))


def _odd_ending(hit: Hit, folded: str) -> bool:
    """Whether a hit of a term with a prefix word holds a letter that only looks like a real one,
    which its prefix let through (see the module's documentation)."""
    return any(lookalike.odd_letter(word) is not None for word in _WORD.findall(folded, hit.start, hit.end))


def _hit_order(hit: Hit) -> tuple[int, int, str, str]:
    return hit.start, -hit.end, hit.concept.id, hit.term.text


_START, _END = itemgetter(2), itemgetter(3)  # a hit's start and end


def _named_counts_python(hits: list[Hit]) -> dict[str, int]:
    """How often each concept is named in ``hits`` (sorted by start): overlapping hits of one
    concept, such as 个月 and 月, are one naming. The reference of the compiled
    `_words.named_counts`."""
    counts: dict[str, int] = {}
    end: dict[str, int] = {}
    for hit in hits:
        concept = hit.concept.id
        if hit.start >= end.get(concept, -1):
            counts[concept] = counts.get(concept, 0) + 1
            end[concept] = hit.end
    return counts


def _uncovered_python(hits: list[Hit]) -> list[Hit]:
    """The hits (sorted by start, longest first) not inside a longer hit of another concept, in one
    sweep: a hit can only be covered by one sorted before it, so the two largest ends seen so far
    for two different concepts answer for every hit (comparing every pair is quadratic). The
    reference of the compiled `_words.uncovered`, which does the same several times faster."""
    if len(hits) < 2 or all(map(le, map(_END, hits), map(_START, islice(hits, 1, None)))):
        return hits  # most texts: no hit reaches the next one, so none covers another
    kept: list[Hit] = []
    best_end, best_concept, second_end = -1, "", -1  # the largest end seen and its concept; another's
    index, count = 0, len(hits)
    while index < count:
        _, _, start, end = hits[index]
        group = index + 1
        while group < count and hits[group][2] == start and hits[group][3] == end:
            group += 1
        for hit in hits[index:group]:
            if (best_end if best_concept != hit[0].id else second_end) < end:
                kept.append(hit)
        for hit in hits[index:group]:
            concept = hit[0].id
            if concept == best_concept:
                best_end = max(best_end, end)
            elif end > best_end:
                best_end, best_concept, second_end = end, concept, best_end
            elif end > second_end:
                second_end = end
        index = group
    return kept


named_counts: Callable[[list[Hit]], dict[str, int]]
uncovered: Callable[[list[Hit]], list[Hit]]
try:
    from ._words import named_counts, uncovered
except ImportError:  # not compiled
    named_counts, uncovered = _named_counts_python, _uncovered_python


def matchers(termbase: Termbase, languages: Iterable[str]) -> dict[str, Matcher]:
    return {lang: Matcher(termbase, lang) for lang in languages}


def termbase_language(termbase: Termbase, posix: str) -> str:
    """The termbase language for a catalog locale: es_MX uses es unless es_MX has its own terms."""
    if posix in termbase.languages:
        return posix
    return posix.split("_")[0]
