"""Negation markers per language (source/negation.yaml), kept as data so a linguist can extend them.

A marker is a word ("not", "sin", "không") matched as a whole word, or, for a language written
without spaces between words (Chinese), a substring ("不", "避免"). Exceptions are words that
contain a marker without negating ("不适" discomfort, "非常" very, "không khí" air): they are
skipped, so that they cannot hide a dropped negation elsewhere in the text. Words that stop ("stop
taking", "deje de", 停用) are found like markers, but count in a translation only against the
source's own: "do not stop the tablets" rendered "stop the tablets" says the opposite. So do words
that limit an amount ("no more than", "como máximo", 最多): "no more than 2" may be "como máximo
2", and "do not take the maximum dose" is not "tome la dosis máxima". Words of waiting are found
like markers too, but never count as a negation: in the source, "until" after a negation ("do
not shower until the wound is dry"); in a translation, a word that tells to wait (espere, 等),
which says the same ("wait until the wound is dry to shower") and counts only against those.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..fsutil import read_input
from ..yamlio import key_position, load_yaml, position, validate
from .matching import without_optional_marks

NEGATION_FILE = "source/negation.yaml"
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})*$")

_APOSTROPHES = {0x2019: "'", 0x02BC: "'"}
# Rewritten by a pattern's substitution, as the optional marks are (`without_optional_marks`).
_ANY_APOSTROPHE = re.compile("[" + "".join(map(chr, _APOSTROPHES)) + "]")


@lru_cache(maxsize=64)  # a text is looked at for its markers and then for each pair's words
def normalise(text: str) -> str:
    """Text as markers are matched: NFC, case-folded, typographic apostrophes plain, optional
    Arabic marks removed."""
    text = unicodedata.normalize("NFC", text).casefold()
    if not text.isascii():
        text = _ANY_APOSTROPHE.sub("'", text)
    return without_optional_marks(text)


# A word written with a full stop and then a number is an abbreviation: "Ward No. 6" is number 6.
_NUMBERED = re.compile(r"\.\s?\d")
# Where a clause ends: a question particle there asks, a negation would need a word after it.
_CLAUSE_END = re.compile(r"\s*(?:[.?!;:,。？！；：，؟؛،…)\]\"'”’»]|\Z)")


def _alternation(words: list[str]) -> str:
    """One pattern of ``words`` (the white space in one: any white space), written as a tree of their
    letters, so that at each place the engine tries only the words starting with the letter there;
    a word is tried before a shorter one it continues, so the longest listed word wins ("pa t" over
    "pa", 不适合 over 不适, an exception over the marker it holds), as in an alternation of the words
    sorted longest first, which it matches the same."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in " ".join(word.split()):
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, Any]) -> str:
    parts = [(r"\s+" if char == " " else re.escape(char)) + _branches(child) for char, child in node.items() if char]
    if "" in node:
        parts.append("")  # ending here is tried last
    return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"


# The words found like markers that count only against the source's own words of the same kind.
KINDS = ("stops", "limits", "waits", "unaided")
# The pairs of words that say opposite things (E210), each by the fields of its two sides.
PAIRS = {"bound": ("lower", "upper"), "order": ("before", "after"), "food": ("with_food", "empty_stomach"),
         "day": ("morning", "night"), "change": ("worse", "better")}
_PAIR_FIELDS = (*(side for pair in PAIRS.values() for side in pair), "pair_exceptions")
# What a "…" of a word of a pair stands for: any words of one clause, a few at most (40 characters:
# "do not take ibuprofen or naproxen for more than", not "do not ignore new weakness in your leg
# that lasts more than", where the "not" is of another verb).
_GAP = r"[^.;:!?,\n。；：！？，؛،؟]{0,40}?"
# After a number, no other number: "# … 以下" is the number 以下 bounds, the last one before it
# (6周内不要提5公斤以下: 5, not 6).
_GAP_AFTER_NUMBER = r"[^\d.;:!?,\n。；：！？，؛،؟]{0,40}?"
# What a "#" of a word of a pair stands for: a number written with digits (38, 2.5, 1,5, ٣٨).
_NUMBER = r"\d+(?:[.,]\d+)*"


def _words_pattern(words: list[str], number: str = _NUMBER) -> str:
    """Words one after another, any white space between them (none needed next to a number);
    ``number`` is what a "#" stands for."""
    pattern = ""
    for index, word in enumerate(words):
        if index:
            pattern += r"\s*" if "#" in (word, words[index - 1]) else r"\s+"
        pattern += number if word == "#" else re.escape(word)
    return pattern


# A run of letters, digits and underscores (`_letter_runs`): what a whole-word pattern's (?<!\w)
# and (?!\w) bound.
_LETTERS = re.compile(r"\w+")


@lru_cache(maxsize=64)  # a source text is looked at for each pair, a translation for the source's
def _letter_runs(folded: str) -> tuple[str, ...]:
    """The runs of letters (`_LETTERS`) in a normalised text. A whole-word match of a phrase holds
    each run of letters of the phrase as one of them: the match starts where no letter is before
    it, and each run ends where the phrase has white space or a mark ("don't") or where the match
    ends, with no letter after it."""
    return tuple(_LETTERS.findall(folded))


def _first_words(phrase: str) -> str:
    """What a text must hold for a word of a pair to be in it: its words before a "…" or a "#"."""
    return normalise(phrase).split("…")[0].split("#")[0].strip()


@dataclass(frozen=True, eq=False)  # compared by identity: a cheap key for memoised source text
class NegationMarkers:
    """One language's markers and exceptions, compiled into one pattern."""

    language: str
    markers: tuple[str, ...]
    exceptions: tuple[str, ...] = ()
    substring: bool = False  # match anywhere (scripts without spaces) rather than whole words
    # markers that end a yes/no question when they end a clause (Vietnamese "... có an toàn không?")
    question_particles: tuple[str, ...] = ()
    stops: tuple[str, ...] = ()  # words that tell a patient to stop doing something ("stop taking")
    limits: tuple[str, ...] = ()  # words that cap an amount ("no more than", "como máximo", 最多)
    waits: tuple[str, ...] = ()  # "until" (a source), or words that tell to wait (a translation: espere, 等)
    # "without help" (a source: a negation), or words that say so, or "on one's own" (a translation:
    # "sin ayuda", "por sí mismo", 自己, tự): "can you walk without help?" says no "not" in any language
    unaided: tuple[str, ...] = ()
    # Words that say opposite things, which a translation must not turn round (E210, `PAIRS`): the
    # bounds of an amount or a length, a lower one ("at least", "al menos", 至少) and an upper one
    # ("at most", "no more than", 最多); the order of two things, before ("before your operation",
    # antes) and after (después); a medicine taken with food ("con alimentos", 随餐) or on an empty
    # stomach (en ayunas, 空腹); a dose in the morning ("por la mañana", 早上) or in the evening or
    # at night ("por la noche", "antes de acostarse", 睡前); a state that gets worse (empeora, 加重) or
    # better (mejora, 好转). A "…" in one is any words of the clause
    # ("not … more than"); `pair_exceptions` hold such words without saying either ("more or less",
    # 然后: then).
    lower: tuple[str, ...] = ()
    upper: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    with_food: tuple[str, ...] = ()
    empty_stomach: tuple[str, ...] = ()
    morning: tuple[str, ...] = ()
    night: tuple[str, ...] = ()
    worse: tuple[str, ...] = ()
    better: tuple[str, ...] = ()
    pair_exceptions: tuple[str, ...] = ()
    # Words that say a number where a word of a pair has a "#", besides digits: the Arabic dual of
    # an amount, a distance or a weight (كيلومترين, two kilometres) and "one" after it (كيلوغرام واحد)
    numbers: tuple[str, ...] = ()
    # The patterns' texts, compiled on first use (`_compiled`): compiling costs more than most runs'
    # searches with a pattern, and a run uses only its own languages and, of their pairs' patterns,
    # those that some text holds a first word of.
    pattern_text: str = field(init=False, repr=False, compare=False)
    # by pair: whether a text may say either side, and what it says
    pair_patterns: dict[str, tuple[str, str]] = field(init=False, repr=False, compare=False)
    # by pair, in a language of words: runs of letters a text must hold one of for the pair's first
    # pattern to match (one of each first word), None where a first word has no letter
    _heads: dict[str, frozenset[str] | None] = field(init=False, repr=False, compare=False)
    _compiled: dict[str, re.Pattern[str]] = field(init=False, repr=False, compare=False)
    _skip: frozenset[str] = field(init=False, repr=False, compare=False)
    _particles: frozenset[str] = field(init=False, repr=False, compare=False)
    _kinds: dict[str, str] = field(init=False, repr=False, compare=False)  # a word that stops... -> its kind
    _number: str = field(init=False, repr=False, compare=False)  # what a "#" stands for

    def __post_init__(self) -> None:
        # One alternation, longest first: at each place the longest listed word wins, so "不适合"
        # (not suitable) is a marker although "不适" (discomfort) is an exception.
        body = _alternation([normalise(w) for w in (*self.markers, *self.stops, *self.limits, *self.waits,
                                                    *self.unaided, *self.exceptions)])
        regex = f"(?:{body})" if self.substring else rf"(?<!\w)(?:{body})(?!\w)"
        object.__setattr__(self, "pattern_text", regex)
        object.__setattr__(self, "_compiled", {})
        object.__setattr__(self, "_skip", frozenset(" ".join(normalise(w).split()) for w in self.exceptions))
        object.__setattr__(self, "_particles", frozenset(normalise(w) for w in self.question_particles))
        object.__setattr__(self, "_kinds", {" ".join(normalise(w).split()): kind for kind in KINDS
                                            for w in getattr(self, kind)})
        words = _alternation(sorted(normalise(w) for w in self.numbers)) if self.numbers else ""
        object.__setattr__(self, "_number", f"(?:{_NUMBER}|{words}(?!\\w))" if words else _NUMBER)
        patterns = {}
        heads: dict[str, frozenset[str] | None] = {}
        edge = ("", "") if self.substring else (r"(?<!\w)", r"(?!\w)")
        for pair, (one, other) in PAIRS.items():
            if getattr(self, one) or getattr(self, other):
                sides = (getattr(self, one), getattr(self, other))
                groups = [(name, self._alternatives(words))
                          for name, words in (("skip", self.pair_exceptions), ("one", sides[0]), ("other", sides[1]))
                          if words]
                body = "|".join(f"(?P<{name}>{alternatives})" for name, alternatives in groups)
                # most texts hold no first word of either side: one search of a tree of those says so
                firsts = {_first_words(w) for w in (*sides[0], *sides[1])}
                # a word that starts with a number ("# or more") may be anywhere: the search finds a place
                first = f"{edge[0]}(?:{_alternation(sorted(firsts))}){edge[1]}" if "" not in firsts else ""
                patterns[pair] = (first, f"{edge[0]}(?:{body})")
                # of each first word, its longest run of letters: the least common, as a rule
                runs = [max(_LETTERS.findall(words), key=len, default="") for words in firsts]
                heads[pair] = None if self.substring or not first or "" in runs else frozenset(runs)
        object.__setattr__(self, "pair_patterns", patterns)
        object.__setattr__(self, "_heads", heads)

    @property
    def pattern(self) -> re.Pattern[str]:
        """The markers, the words of `KINDS` and the exceptions, as one pattern."""
        return self._compiled.get("markers") or self._compile("markers", self.pattern_text)

    def compile_all(self) -> None:
        """Compile every pattern now: in a process about to fork workers, which then share them
        instead of each compiling those it meets."""
        for name, text in (("markers", self.pattern_text),
                           *((f"{pair}:{part}", texts[index]) for pair, texts in self.pair_patterns.items()
                             for index, part in enumerate(("first", "words")))):
            if name not in self._compiled:
                self._compile(name, text)

    def _compile(self, name: str, text: str) -> re.Pattern[str]:
        compiled = self._compiled[name] = re.compile(text)
        return compiled

    def _alternatives(self, words: tuple[str, ...]) -> str:
        """The patterns of the words of one side of a pair as one alternation, longest word first:
        each word's parts (its words between "…"s) with a gap between them, whole words unless the
        language is matched as substrings. Words whose parts before the last are the same ("do not
        … more than", "do not … longer than") share that pattern and its gaps, each compiled apart."""
        def gap(part: str) -> str:
            between = _GAP_AFTER_NUMBER if part.split()[-1:] == ["#"] else _GAP
            return between if self.substring else rf"(?!\w){between}(?<!\w)"

        by_head: dict[str, list[str]] = {}
        for word in words:
            by_head.setdefault(normalise(word).rpartition("…")[0], []).append(word)
        units = [(len(word), self._ending(word)) for word in by_head.pop("", [])]
        for head, group in by_head.items():
            start = "".join(_words_pattern(part.split(), self._number) + gap(part) for part in head.split("…"))
            endings = "|".join(self._ending(word) for word in sorted(group, key=len, reverse=True))
            units.append((max(map(len, group)), f"{start}(?:{endings})"))
        return "|".join(pattern for _, pattern in sorted(units, key=lambda unit: -unit[0]))

    def _ending(self, phrase: str) -> str:
        """The pattern of the last part of a word of a pair: its words, whole unless the language is
        matched as substrings or the word ends with a number ("below #": "below 38", not "below
        the knee")."""
        last = normalise(phrase).rpartition("…")[2]
        whole = "" if self.substring or phrase.endswith("#") else r"(?!\w)"
        return _words_pattern(last.split(), self._number) + whole

    def pair(self, pair: str, text: str) -> tuple[list[str], list[str]]:
        """The words of each side of ``pair`` (one of `PAIRS`) in ``text``, as written (normalised), in
        order: its lower and its upper bounds, what it says comes before and after, or with food and on
        an empty stomach."""
        one: list[str] = []
        other: list[str] = []
        if pair not in self.pair_patterns:
            return one, other
        folded = normalise(text)
        # A text holding none of the first words' runs of letters (`_heads`) says neither side: most
        # texts, told by looking its runs up (once per text for every pair) instead of a search.
        heads = self._heads[pair]
        if heads is not None and heads.isdisjoint(_letter_runs(folded)):
            return one, other
        compiled = self._compiled
        first = compiled.get(f"{pair}:first") or self._compile(f"{pair}:first", self.pair_patterns[pair][0])
        if first.search(folded):
            said = compiled.get(f"{pair}:words") or self._compile(f"{pair}:words", self.pair_patterns[pair][1])
            for match in said.finditer(folded):
                if match.lastgroup != "skip":
                    (one if match.lastgroup == "one" else other).append(" ".join(match.group(0).split()))
        return one, other

    def found(self, text: str) -> list[str]:
        """The markers and the words that stop, limit or wait in ``text``, in order, each time it
        occurs (normalised)."""
        folded = normalise(text)
        found = []
        for match in self.pattern.finditer(folded):
            word = " ".join(match.group(0).split())
            if word in self._skip or _NUMBERED.match(folded, match.end()):  # an exception; "No. 6"
                continue
            if word in self._particles and _CLAUSE_END.match(folded, match.end()):  # "... không?"
                continue
            found.append(word)
        return found

    def counted(self, found: list[str] | tuple[str, ...], kind: str) -> int:
        """How many of ``found`` are words of ``kind`` (one of `KINDS`)."""
        return sum(self._kinds.get(word) == kind for word in found) if self._kinds else 0


@dataclass(frozen=True)
class Negation:
    """Every language's markers."""

    languages: dict[str, NegationMarkers] = field(default_factory=dict)

    def for_language(self, language: str) -> NegationMarkers | None:
        """The markers of a termbase language, else of its base language (es for es_MX)."""
        return self.languages.get(language) or self.languages.get(language.split("_")[0])

    def compile_all(self, languages: tuple[str, ...]) -> None:
        """Compile every pattern of these languages' markers now (`NegationMarkers.compile_all`)."""
        for language in languages:
            if (markers := self.for_language(language)) is not None:
                markers.compile_all()


def _duplicate(words: list[str]) -> int | None:
    seen: set[str] = set()
    for index, word in enumerate(words):
        if normalise(word) in seen:
            return index
        seen.add(normalise(word))
    return None


def parse_negation(name: str, data: bytes) -> Negation:
    root: Any = load_yaml(name, data)
    if root is None:
        return Negation()
    validate(name, root, "negation.schema.json")
    languages = {}
    for language, raw in root["languages"].items():
        if not isinstance(language, str) or not _LANGUAGE.match(language):
            line, column = key_position(root, ["languages"], language)
            raise InputError(f"languages.{language}: not a language code: use the termbase's codes "
                             "(en, es, zh_Hans)", name, line, column)
        for key in ("markers", "exceptions", "numbers", *KINDS, *_PAIR_FIELDS):
            index = _duplicate(list(raw.get(key, [])))
            if index is not None:
                line, column = position(root, ["languages", language, key, index])
                raise InputError(f"languages.{language}.{key}[{index}]: {raw[key][index]!r} is listed twice: "
                                 "remove one", name, line, column)
        markers = {normalise(str(m)) for m in raw["markers"]}
        listed = dict.fromkeys(markers, "a marker")  # a word is of one kind only
        for key in KINDS:
            for index, word in enumerate(raw.get(key, [])):
                if normalise(str(word)) in listed:
                    line, column = position(root, ["languages", language, key, index])
                    raise InputError(f"languages.{language}.{key}[{index}]: {word!r} is also "
                                     f"{listed[normalise(str(word))]}: list it in one of the two", name, line, column)
                listed[normalise(str(word))] = f"one of the {key}"
        for one, other in PAIRS.values():  # a word says one side of a pair, not both
            first = {normalise(str(w)) for w in raw.get(one, [])}
            for index, word in enumerate(raw.get(other, [])):
                if normalise(str(word)) in first:
                    line, column = position(root, ["languages", language, other, index])
                    raise InputError(f"languages.{language}.{other}[{index}]: {word!r} is also listed under {one}: "
                                     "list it in one of the two", name, line, column)
        for q_index, particle in enumerate(raw.get("question_particles", [])):
            if normalise(str(particle)) not in markers:
                line, column = position(root, ["languages", language, "question_particles", q_index])
                raise InputError(f"languages.{language}.question_particles[{q_index}]: {particle!r} is not one "
                                 "of the markers: list it under markers too, or remove it", name, line, column)
        languages[str(language)] = NegationMarkers(
            language=str(language), markers=tuple(str(m) for m in raw["markers"]),
            exceptions=tuple(str(e) for e in raw.get("exceptions", [])),
            question_particles=tuple(str(q) for q in raw.get("question_particles", [])),
            numbers=tuple(str(w) for w in raw.get("numbers", [])),
            **{key: tuple(str(w) for w in raw.get(key, [])) for key in (*KINDS, *_PAIR_FIELDS)},
            substring=raw.get("match", "word") == "substring")
    return Negation(languages)


def read_negation(path: Path, name: str = NEGATION_FILE) -> Negation:
    if not path.exists():
        return Negation()
    data = read_input(path, name)
    return parse_negation(name, data)
