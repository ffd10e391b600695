"""A locale with translations has a spelling dictionary installed (said once per locale).

The spelling check (W316) needs a Hunspell dictionary for the locale's language: install the
system package (on Debian, hunspell-es, hunspell-vi, hunspell-ar; .ci/run installs them). Languages
written without spaces between words (Chinese) are not spell-checked. The finding is attached to
the locale's first translated entry.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model import Catalog, Entry, LocaleContext, Options
from ..speller import dictionary_tag, installed

CODE = "I401"
NAME = "spelling-dictionary"
SEVERITY = "info"
SCOPE = "locale"
SAFETY = False
OPTIONS: dict[str, object] = {}

_UNSPACED = ("zh", "ja", "th", "lo", "km", "my")


def cache_key() -> str:
    return installed()


def check(catalogs: Sequence[Catalog], ctx: LocaleContext, options: Options) -> Iterator[tuple[Entry, str]]:
    if ctx.language.split("_")[0] in _UNSPACED or dictionary_tag(ctx.info.posix, ctx.language) is not None:
        return
    first = next((e for c in catalogs for e in c.entries if e.msgstr), None)
    if first is not None:
        yield first, (f"no spelling dictionary for {ctx.info.english_name} ({ctx.info.posix}): its translations "
                      "are not spell-checked (install its Hunspell dictionary, e.g. Debian's hunspell-"
                      f"{ctx.language.split('_')[0]}, if one exists)")
