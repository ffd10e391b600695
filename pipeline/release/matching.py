"""Locale matching for apps: which requested locales each shipped locale serves.

An app receives the user's preferred locales (``zh-CN``, ``es-419``, ``en-GB``) and must pick one of
the shipped locales (``zh-Hans``, ``es``, ``en``). The answer follows CLDR's own inheritance, with
Babel's data: the request's script is filled in from the likely subtags (``zh-CN`` is written in
Simplified Chinese, ``zh-TW`` in Traditional), then the request walks up its parents (``es-MX`` ->
``es-419`` -> ``es``). A script other than the language's default never falls back to the bare
language: ``zh-Hant`` is not served by ``zh`` or ``zh-Hans``, since a reader of one script may not
read the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from babel.core import get_global
from babel.localedata import locale_identifiers

from ..locales import Subtags, bcp47, default_script, explicit, likely, split


def _parent_region(language: str, script: str, region: str) -> str | None:
    """The region CLDR's parentLocales name for this locale (es-MX -> 419), if any."""
    parents: Mapping[str, str] = get_global("parent_exceptions")
    key = f"{language}_{region}" if script == default_script(language) else f"{language}_{script}_{region}"
    parent = split(parents.get(key, ""))
    if parent is None or not parent[2] or parent[0] != language:
        return None
    return parent[2]


def chain(tag: str) -> tuple[Subtags, ...]:
    """The locales a request may be served by, best first, each with its script made explicit."""
    parsed = split(tag)
    if parsed is None:
        return ()
    language, script, region = parsed
    script = script or likely(language, region)[1]
    steps: list[Subtags] = []
    while region and (language, script, region) not in steps:
        steps.append((language, script, region))
        region = _parent_region(language, script, region) or ""
    steps.append((language, script, ""))
    # A bare language holds the content of its most likely region (CLDR's default content):
    # a request for `pt` is served by a shipped `pt-BR`.
    content = likely(language, "")
    if content[1] == script and content[2] and content not in steps:
        steps.append(content)
    return tuple(steps)


def best_match(tag: str, shipped: Sequence[str]) -> str | None:
    """The shipped locale (as given) that serves a request, or None when none does."""
    by_subtags = {explicit(s): s for s in shipped}
    return next((by_subtags[step] for step in chain(tag) if step in by_subtags), None)


@cache
def _requests() -> tuple[str, ...]:
    """Every request CLDR knows a locale for, plus the short forms apps send (zh-CN, zh-TW)."""
    tags: set[str] = set()
    for identifier in locale_identifiers():
        subtags = split(identifier)
        if subtags is None:
            continue
        tags.add(bcp47(subtags))
        language, script, region = subtags
        if script and region and likely(language, region)[1] == script:
            tags.add(bcp47((language, "", region)))
    return tuple(sorted(tags))


def served(shipped: Sequence[str]) -> dict[str, list[str]]:
    """For each shipped locale, the BCP 47 requests it serves (itself included), sorted."""
    result: dict[str, list[str]] = {s: [] for s in shipped}
    languages = {explicit(s)[0] for s in shipped}
    for request in _requests():
        if request.split("-")[0] not in languages:
            continue
        match = best_match(request, shipped)
        if match is not None:
            result[match].append(request)
    for locale, requests in result.items():
        tag = bcp47(split(locale) or (locale, "", ""))
        if tag not in requests:
            requests.append(tag)
            requests.sort()
    return result


def shipped_chain(own: str, fallback: Iterable[str], shipped: Sequence[str]) -> list[str]:
    """A registry fallback chain reduced to the shipped locales it names, in order, without the
    locale itself (``zh-Hans -> zh -> en`` is ``[en]`` when no bare ``zh`` ships)."""
    by_subtags = {explicit(s): s for s in shipped}
    chain_out: list[str] = []
    for step in fallback:
        match = by_subtags.get(explicit(step))
        if match is not None and match != own and match not in chain_out:
            chain_out.append(match)
    return chain_out


def annotate(locales: list[dict[str, Any]], shipping: Sequence[str] | None = None) -> None:
    """Give each manifest locale the requests it serves and a fallback chain of the locales that ship
    something (``shipping``, BCP 47; every listed locale when None): a chain through a locale that
    ships nothing would send an app to files that do not exist."""
    shipped = [entry["bcp47"] for entry in locales]
    serves = served(shipped)
    chain_to = list(shipping) if shipping is not None else shipped
    for entry in locales:
        entry["serves"] = serves[entry["bcp47"]]
        entry["fallback"] = shipped_chain(entry["bcp47"], entry["fallback"], chain_to)
