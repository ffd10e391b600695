"""The speller's unknown words are the text's words (as the spelling check defines them) that the
dictionary does not know, in order, whatever it has seen before: its per-token shortcuts change
only how fast the answer comes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.checks import speller
from pipeline.checks.text import BRACE, PRINTF
from pipeline.termbase.model import Termbase


class _Dictionary:
    """A stand-in dictionary that knows the words without a "q"."""

    def check(self, word: str) -> bool:
        return "q" not in word.lower()


def _plain(text: str) -> tuple[str, ...]:
    if "{" in text or "%" in text:
        text = PRINTF.sub(" ", BRACE.sub(" ", text))
    # a word of one letter or all in capitals is never checked
    return tuple(word for word in speller.WORD.findall(text)
                 if "q" in word.lower() and len(word) > 1 and not word.isupper())


_TEXTS = st.lists(st.text(alphabet="aqéAQ ’'-_1{}%s\n\t\u3000.,", max_size=30) | st.text(max_size=20), max_size=8)


@given(_TEXTS)
@settings(max_examples=300, deadline=None)
def test_unknown_words_are_the_texts_words_the_dictionary_lacks(texts: list[str]) -> None:
    try:
        original = speller.open_dictionary
        speller.open_dictionary = lambda tag: _Dictionary()  # type: ignore[assignment]
        spell = speller.Speller("xx", "xx", Termbase(()))
    finally:
        speller.open_dictionary = original
    for text in texts + texts:  # seen again: the answer is the same
        assert spell._unknown_words(text) == _plain(text)


def test_a_users_own_enchant_folder_changes_nothing_and_gets_no_files(tmp_path) -> None:
    """Enchant reads a user's folder (~/.config/enchant, or ENCHANT_CONFIG_DIR): the words they
    added to their personal list there (as editors that spell-check through Enchant, such as
    gedit, keep it), their exclusions, their own dictionaries and order of providers. The same
    catalogs must give the same findings on every machine and account, so the check neither
    reads that folder nor writes its list files there, or anywhere else."""
    import os
    import subprocess
    import sys

    own = tmp_path / "config" / "enchant"
    own.mkdir(parents=True)
    for tag in ("es", "es_ES"):
        (own / f"{tag}.dic").write_text("zzxqwy\n", encoding="utf-8")
    before = {path.name: path.read_bytes() for path in own.iterdir()}
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "ENCHANT_CONFIG_DIR": str(own), "TMPDIR": str(scratch)}
    code = ("from pipeline.checks import speller\nfrom pipeline.termbase.model import Termbase\n"
            "print(speller.speller_for('es', 'es', Termbase(())).unknown('la casa zzxqwy', ''))")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['zzxqwy']"
    assert {path.name: path.read_bytes() for path in own.iterdir()} == before
    assert list(scratch.iterdir()) == []


def test_the_cache_key_follows_every_dictionary_enchant_would_use(tmp_path, monkeypatch) -> None:
    """Enchant finds Hunspell dictionaries under every system data folder (XDG_DATA_DIRS, which
    is /usr/local/share and /usr/share when unset), not only in /usr/share/hunspell. One installed
    there is used, so the check cache's key changes with it, and with its affix rules: else a
    warm run would go on saying that the locale has no dictionary, or keep the old findings."""
    import os
    import subprocess
    import sys

    folder = tmp_path / "hunspell"
    folder.mkdir()
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path))
    before = speller.installed()
    (folder / "xx_XX.aff").write_text("SET UTF-8\n", encoding="utf-8")
    (folder / "xx_XX.dic").write_text("1\nzzxqwy\n", encoding="utf-8")
    code = "from pipeline.checks import speller\nprint(speller.dictionary_tag('xx_XX', 'xx_XX'))"
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, "XDG_DATA_DIRS": str(tmp_path)},
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "xx_XX"  # Enchant uses it
    with_it = speller.installed()
    assert with_it != before
    (folder / "xx_XX.aff").write_text("SET UTF-8\nTRY zxqwy\n", encoding="utf-8")
    assert speller.installed() != with_it
