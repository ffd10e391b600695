"""An `ignore:` comment names a check that exists and that a translator may silence.

A translator silences a finding of an entry with a comment line `ignore: W305` (a code or a
name, several separated by commas or spaces). A comment naming no check (a typo, a prefix such
as `W3`) silences nothing, and a safety check (E1, E2, and W319, which says where they cannot
look) can never be silenced: both are reported here rather than dropped without a word, so that
nobody believes a finding is handled.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Catalog, Entry, LocaleContext, Options
from ..text import ignored

CODE = "W315"
NAME = "ignore-comment"
SEVERITY = "warning"
SCOPE = "catalog"
SAFETY = False
OPTIONS: dict[str, object] = {}


def _problem(token: str) -> str | None:
    from ..registry import BY_CODE, BY_NAME  # the registry lists this module: import it once both exist

    spec = BY_CODE.get(token.upper()) or BY_NAME.get(token)
    if spec is None:
        return (f"ignore: '{token.upper() if token[:1].isalpha() and token[1:].isdigit() else token}' names no "
                "check: use a code (W305) or a name (whitespace), see `pipeline check --list`")
    if spec.safety:
        return (f"ignore: {spec.code} {spec.name} cannot be silenced: it is a safety check; fix the translation "
                "(or the termbase or negation list if the check is wrong)")
    return None


def check(catalog: Catalog, ctx: LocaleContext, options: Options) -> Iterator[tuple[Entry | None, str]]:
    for entry in catalog.entries:
        for token in dict.fromkeys(ignored(entry.translator_comment)):
            if (problem := _problem(token)) is not None:
                yield entry, problem
