"""Hunspell dictionaries (through Enchant) for the spelling check, with the termbase's words known.

Dictionaries are system packages (Debian's hunspell-es, hunspell-vi, hunspell-ar); a locale whose
language has none is reported once by the spelling-dictionary check. A word is known when the
dictionary accepts it, when it is a word of an approved term of the language or of any
do-not-translate term (also with another ending, by the language's Snowball stem), or when the
entry's English source has it (a name, an abbreviation copied as written). An Arabic word is also
known when it is a known word with clitics written in front ("and the" in والتندب), as the term
matcher reads them. Words of one letter (the "p" of "p. ej.") and words all in capitals
(acronyms: RM, AINE) are not checked, as word processors leave them by default.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import threading
import unicodedata
from functools import cache, lru_cache
from typing import Any

from ..termbase.matching import stemmer_for, without_clitics, without_optional_marks
from ..termbase.model import Termbase
from .text import BRACE, PRINTF

# Where Enchant 2's providers find dictionaries besides Hunspell's folder under each system data
# folder (`_dictionary_dirs`): Enchant's own and Debian's Hunspell folders, the older Myspell ones
# and Aspell's; and the files that say which provider answers for a language.
_FIXED_DIRS = ("/usr/share/enchant/hunspell", "/usr/share/hunspell", "/usr/share/myspell",
               "/usr/share/myspell/dicts", "/usr/lib/aspell")
_ORDERING = ("/usr/share/enchant-2/enchant.ordering", "/etc/enchant/enchant.ordering")
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Vietnamese writes the tone of oa, oe and uy on either vowel (hoá / hóa): both are correct.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_TONE_FIRST = re.compile(rf"([oOuU])([{_TONES}])([aAeEyY])")
_TONE_SECOND = re.compile(rf"([oOuU])([aAeEyY])([{_TONES}])")

_LONGEST_WORD = 100  # Hunspell checks words of up to 100 bytes


def _enchant() -> Any:
    """The pyenchant module, or None when it or its C library is missing.

    Enchant is first given a configuration folder that cannot exist, the system's null device.
    In a user's own folder (~/.config/enchant, or wherever ENCHANT_CONFIG_DIR points) the words
    they added to or excluded from their personal lists, their own dictionaries and their order
    of providers would change what the check finds from one machine or account to the next, and
    Enchant would write its personal list files there. Without one it reads and writes nothing
    and checks with the installed dictionaries alone."""
    if "enchant" not in sys.modules and importlib.util.find_spec("enchant") is None:
        return None
    os.environ["ENCHANT_CONFIG_DIR"] = os.devnull  # read when Enchant starts and when it opens a dictionary
    try:
        import enchant  # type: ignore[import-untyped]  # on first use: most commands never spell-check
    except ImportError:
        return None
    return enchant


# Enchant is asked by one thread at a time: a dictionary is opened once, by whichever thread asks
# first (a check's dictionaries may be opened ahead, `ahead`, and asked for again by its warm-up).
_ENCHANT = threading.RLock()


def _available() -> tuple[str, ...]:
    """The tags of the installed dictionaries, asked of Enchant once (it reports each through a
    Python callback, which in a warm-up thread waits for the interpreter each time)."""
    with _ENCHANT:
        return _listed()


@cache
def _listed() -> tuple[str, ...]:
    enchant = _enchant()
    return tuple(sorted(enchant.list_languages())) if enchant is not None else ()


@cache
def dictionary_tag(posix: str, language: str) -> str | None:
    """The installed dictionary for a locale: its own, its language's, the language's main country's,
    else the first of the language's regional ones (es_AR...), or None."""
    available = _available()
    base = language.split("_")[0]
    for tag in (posix, language, base, f"{base}_{base.upper()}"):
        if tag in available:
            return tag
    return next((tag for tag in available if tag.split("_")[0] == base), None)


def open_dictionary(tag: str) -> Any:
    """Enchant's dictionary for a tag, opened once per process: opening one reads and indexes its
    word list, a third of a second for Arabic."""
    with _ENCHANT:
        return _opened(tag)


@cache
def _opened(tag: str) -> Any:
    return _enchant().Dict(tag)


def preload(posix: str) -> None:
    """Open the dictionary a locale's speller will use. Its tag does not depend on the termbase:
    a locale's termbase language is the locale or its base language, which `dictionary_tag` tries
    anyway."""
    tag = dictionary_tag(posix, posix.split("_")[0])
    if tag is not None:
        open_dictionary(tag)


def _dictionary_dirs() -> list[str]:
    """The folders Enchant looks in for dictionaries, in its order: Hunspell's under each system
    data folder (XDG_DATA_DIRS; /usr/local/share and /usr/share when it is unset), then the fixed
    ones. (Its user folder is never read: see `_enchant`.)"""
    data = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share/:/usr/share/"
    return list(dict.fromkeys([*(os.path.join(folder, "hunspell") for folder in data.split(os.pathsep) if folder),
                               *_FIXED_DIRS]))


def installed() -> str:
    """What the spelling checks depend on outside the project, for the check cache's key: whether
    pyenchant is there, the files of every folder Enchant finds dictionaries in (word lists and
    affix rules) and the files that order its providers, each by size and time, without loading
    Enchant (a warm run would pay for it)."""
    if importlib.util.find_spec("enchant") is None:
        return "none"
    files = []
    for folder in _dictionary_dirs():
        try:
            # is_file() follows a link with a stat that the entry keeps for stat()
            files += sorted(_described(entry.path, entry.stat()) for entry in os.scandir(folder) if entry.is_file())
        except OSError:
            continue
    files += [_described(path, os.stat(path)) for path in _ORDERING if os.path.isfile(path)]
    return ",".join(files)


def _described(path: str, stat: os.stat_result) -> str:
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def _tone_variant(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    moved = _TONE_FIRST.sub(r"\1\3\2", decomposed)
    if moved == decomposed:
        moved = _TONE_SECOND.sub(r"\1\3\2", decomposed)
    return unicodedata.normalize("NFC", moved)


class Speller:
    """One locale's dictionary and known words."""

    def __init__(self, tag: str, language: str, termbase: Termbase) -> None:
        self.dictionary = open_dictionary(tag)
        self.tag, self.language, self.termbase = tag, language, termbase
        self.stem = stemmer_for(language)
        known: set[str] = set()
        for concept in termbase.concepts:
            for lang, terms in concept.terms.items():
                for term in terms:
                    if (lang == language and term.approved) or term.dnt:
                        known.update(w.casefold() for w in WORD.findall(" ".join((term.display, *term.forms))))
        self.known = frozenset(known)
        self.stems = frozenset(self.stem(w) for w in known) if self.stem else frozenset()
        self._verdicts: dict[str, bool] = {}
        self._unknown: set[str] = set()  # the words judged unknown
        # A text's words, by its white-space separated tokens (no word spans white space): a
        # library's tokens repeat, and a text whose every token is known clean needs no more.
        self._token_words: dict[str, list[str]] = {}
        self._clean: set[str] = set()  # tokens without an unknown word

    def _judge(self, word: str) -> bool:
        """Whether a word is known or correct, looked up once per word (a library's words repeat)."""
        folded = word.casefold()
        if len(word) == 1 or word.isupper():  # the "p" of "p. ej.", an acronym (RM, AINE)
            self._verdicts[word] = True
            return True
        if len(word) > _LONGEST_WORD:  # no dictionary word is this long, and stemming it costs its square
            self._verdicts[word] = False
            self._unknown.add(word)
            return False
        ok = folded in self.known or bool(self.stem and self.stem(folded) in self.stems)
        if not ok:
            ok = bool(self.dictionary.check(word))
        if not ok and self.language.split("_")[0] == "vi":
            variant = _tone_variant(word)
            ok = variant != word and bool(self.dictionary.check(variant))
        if not ok:  # Arabic: a known word with "and", "with", "the"... written onto it (والتندب)
            ok = any(form in self.known or self.dictionary.check(form)
                     for form in without_clitics(folded, self.language))
        self._verdicts[word] = ok
        if not ok:
            self._unknown.add(word)
        return ok

    def unknown(self, text: str, source: str) -> list[str]:
        """The words of ``text`` the dictionary does not know and no known word explains, in order."""
        found = self._unknown_words(text)  # its tokens' words are kept: a text seen again costs little
        if not found:
            return []
        copied = _source_words(source)
        return list(dict.fromkeys(w for w in found if w.casefold() not in copied))

    def _unknown_words(self, text: str) -> tuple[str, ...]:
        if "{" in text or "%" in text:
            text = PRINTF.sub(" ", BRACE.sub(" ", text))  # the placeholder patterns the checks share
        text = without_optional_marks(text)  # the dictionary has the bare Arabic word
        tokens = text.split()
        if self._clean.issuperset(tokens):  # most texts: answered in C
            return ()
        if len(self._token_words) > 200_000:  # bounded: a large library's tokens are many
            self._token_words.clear()
            self._clean.clear()
        for token in set(tokens).difference(self._token_words):
            found = self._token_words[token] = WORD.findall(token)
            for word in set(found).difference(self._verdicts):  # a library's words repeat: few are new
                self._judge(word)
            if self._unknown.isdisjoint(found):
                self._clean.add(token)
        return tuple(word for token in tokens if token not in self._clean
                     for word in self._token_words[token] if word in self._unknown)


@lru_cache(maxsize=50_000)  # a source sentence recurs in every locale's catalog
def _source_words(source: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in WORD.findall(source))


_SPELLERS: dict[tuple[str, str], Speller | None] = {}


def speller_for(posix: str, language: str, termbase: Termbase) -> Speller | None:
    """The locale's speller, made once per process (and termbase)."""
    key = (posix, language)
    speller = _SPELLERS.get(key)
    if key not in _SPELLERS or (speller is not None and speller.termbase is not termbase):
        tag = dictionary_tag(posix, language)
        speller = _SPELLERS[key] = Speller(tag, language, termbase) if tag is not None else None
    return speller
