"""Words of the translation are spelled as the locale's Hunspell dictionary has them.

Checked with the system's Hunspell dictionaries through Enchant (Debian: hunspell-es, hunspell-vi,
hunspell-ar). The termbase's approved terms of the language and every do-not-translate term are
known words, with their other endings (by the language's Snowball stem), and so is a word the
English source has (a name, an abbreviation). A locale without a dictionary is not checked; the
spelling-dictionary check says so once. Vietnamese tone marks on oa, oe and uy are accepted on
either vowel.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...locales import LocaleInfo
from ..model import Entry, LocaleContext, Options
from ..speller import installed, preload, speller_for

CODE = "W316"
NAME = "spelling"
SEVERITY = "warning"
SCOPE = "entry"
SAFETY = False
OPTIONS: dict[str, object] = {}


def cache_key() -> str:
    """The installed dictionaries: results change when one is installed or removed."""
    return installed()


def warm_up(info: LocaleInfo) -> None:
    """Load the locale's dictionary ahead (Enchant loads it without holding the GIL, so the runner
    does this in a thread while it prepares the run, and forked workers share the result)."""
    preload(info.posix)


def check(entry: Entry, ctx: LocaleContext, options: Options) -> Iterator[str]:
    speller = speller_for(ctx.info.posix, ctx.language, ctx.termbase)
    if speller is None:
        return
    if words := speller.unknown(entry.msgstr, entry.msgid):
        yield (f"unknown to the {speller.tag} dictionary: {', '.join(words)} (if it is correct: add a medical "
               "term to the termbase, or silence this entry's finding with `ignore: spelling`)")
