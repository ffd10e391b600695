"""Stems come from Snowball's C library (PyStemmer, through snowballstemmer) and are the stems the
pure-Python Snowball stemmers give, on every word of the shipped catalogs, sources and termbase."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import snowballstemmer
from snowballstemmer import arabic_stemmer, english_stemmer, spanish_stemmer

from pipeline.termbase.matching import stemmer_for

REPO = Path(__file__).resolve().parent.parent.parent
WORD = re.compile(r"\w+")
PURE = {"es": spanish_stemmer.SpanishStemmer, "ar": arabic_stemmer.ArabicStemmer, "en": english_stemmer.EnglishStemmer}


def _words(language: str) -> set[str]:
    files = [*REPO.glob(f"locales/{language}/LC_MESSAGES/*.po"), *REPO.glob("source/**/*.yaml")]
    return {w.casefold() for path in files for w in WORD.findall(path.read_text("utf-8"))}


def test_snowball_runs_in_c() -> None:
    assert type(snowballstemmer.stemmer("spanish")).__module__ == "Stemmer"


@pytest.mark.parametrize("language", sorted(PURE))
def test_the_c_stems_are_the_pure_python_stems(language: str) -> None:
    words = _words(language)
    stem, pure = stemmer_for(language), PURE[language]()
    assert stem is not None and len(words) > 500
    assert [w for w in sorted(words) if stem(w) != pure.stemWord(w)] == []


STEMMERS = [
    # language code, a word, its stem (None: Snowball has no stemmer for the language)
    ("es", "corriendo", "corr"),
    ("es_MX", "corriendo", "corr"),  # a regional variant: its language's stemmer
    ("en", "running", "run"),
    ("ar", "الكتاب", "كتاب"),
    ("pt_BR", "correndo", "corr"),
    ("st", "dipuisano", "dipuis"),  # Sesotho, whose English name is "Southern Sotho"
    ("vi", "không", None),
    ("zh_Hans", "手术", None),
    ("ht", "doulè", None),
]


@pytest.mark.parametrize(("language", "word", "stem"), STEMMERS)
def test_a_language_code_finds_its_snowball_stemmer(language: str, word: str, stem: str | None) -> None:
    """Snowball's C library knows its languages by their ISO 639 codes: no language's name is
    looked up in English (which reads Babel's English locale data, the slowest part of finding
    a stemmer)."""
    stemmer = stemmer_for(language)
    assert (stemmer(word) if stemmer else None) == stem
