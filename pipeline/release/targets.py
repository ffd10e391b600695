"""Output targets: which files a build writes for which app platform (``bundles: {targets: [...]}``).

Each platform converter is a pure function in a module of its own, from the strings of a release to
bytes; this module only turns published releases into their input (`Strings`) and files into paths.
A string a platform cannot express exactly is an `InputError` naming the entry, never a file that
shows a patient something other than what was signed off.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..config import DEFAULT_BUNDLE_TARGETS
from ..content.reader import PLACEHOLDER
from ..errors import InputError
from .policy import ProcedureRelease

DEFAULT_TARGETS = DEFAULT_BUNDLE_TARGETS
TARGETS = ("documents", "i18next", "icu", "android", "apple", "flutter")

# Schemas that describe what the bundle tree holds; apps validate against the copies shipped beside it.
SHIPPED_SCHEMAS = ("bundle-document.schema.json", "bundle-flat.schema.json", "manifest.schema.json")


@dataclass(frozen=True)
class Strings:
    """One procedure in one locale as it ships: the converters' whole input."""

    procedure: str
    locale: str  # BCP 47
    direction: str  # "ltr" or "rtl"
    texts: Mapping[str, str]  # key -> text as shipped (placeholders as {name})
    source: Mapping[str, str]  # key -> current source-language text: it fixes each placeholder's position
    source_file: str  # where the keys are defined (the procedure's YAML)
    source_lines: Mapping[str, int]
    catalog_file: str | None = None  # where the translations come from (None: the source language)

    def error(self, key: str, target: str, message: str, translated: bool = True) -> InputError:
        """A build error naming the entry: the catalog for a translation, the source for a key."""
        if translated and self.catalog_file:
            return InputError(f"{target}: {self.locale} {key!r}: {message}", self.catalog_file)
        return InputError(f"{target}: {key!r}: {message}", self.source_file, self.source_lines.get(key))

    def arguments(self, key: str, target: str) -> tuple[str, ...]:
        """The placeholders of a key in source order (their positions on every platform); a
        translation may reorder them but never add one the source does not have."""
        order = tuple(dict.fromkeys(PLACEHOLDER.findall(self.source[key])))
        unknown = sorted(set(PLACEHOLDER.findall(self.texts[key])) - set(order))
        if unknown:
            raise self.error(key, target, f"placeholder {{{unknown[0]}}} is not in the source text, so apps "
                                          "do not pass it: fix the translation")
        return order


# i18next reads text in braces as an interpolation (`{-name}` too) and `$t(` as nesting: text in
# braces other than one placeholder would show the patient something else, or swallow a placeholder.
_I18NEXT_SYNTAX = re.compile(r"\{(.+?)\}|\$t\(")


def check_i18next(strings: Strings, keys: Iterable[str]) -> None:
    """Stop the build at a string i18next would not show exactly as signed off."""
    for key in sorted(keys):
        for match in _I18NEXT_SYNTAX.finditer(strings.texts[key]):
            if not PLACEHOLDER.fullmatch(match.group(0)):
                raise strings.error(key, "i18next", f"{match.group(0)!r} reads as i18next syntax, so the app "
                                                    "would not show it as written: remove the brace or $t(")


def unique_names(strings: Strings, target: str, kind: str, name_of: Callable[[str], str],
                 refusal: Callable[[str], str | None]) -> dict[str, str]:
    """Key -> the name a platform gives it. A name the platform refuses (``refusal`` says why) or
    one two keys would share stops the build, naming the entry."""
    found: dict[str, str] = {}
    owner: dict[str, str] = {}
    for key in sorted(strings.texts):
        name = name_of(key)
        problem = refusal(name)
        if problem:
            raise strings.error(key, target, problem, translated=False)
        if name in owner:
            raise strings.error(key, target, f"becomes {kind} {name!r}, as {owner[name]!r} does: rename one "
                                             "of the ids", translated=False)
        owner[name] = key
        found[key] = name
    return found


def strings_of(release: ProcedureRelease, bcp47: str, direction: str, texts: Mapping[str, str],
               catalog_file: str | None) -> Strings:
    messages = list(release.shipped_procedure.messages())
    # Apps pass positional arguments in the order of the current source text, also to a cell that
    # ships its last good version, made for an older source text.
    current = {m.context: m.text.value for m in release.procedure.messages()}
    source = {m.context: current.get(m.context, m.text.value) for m in messages}
    return Strings(release.procedure.id, bcp47, direction, dict(texts), source,
                   release.procedure.source, {m.context: m.text.line for m in messages}, catalog_file)


def per_locale(targets: Iterable[str], strings: Strings, source_language: str) -> dict[str, bytes]:
    """The files of one published procedure in one locale, for the chosen targets."""
    chosen = set(targets)
    files: dict[str, bytes] = {}
    if "icu" in chosen:
        from .icu import render as icu_messages

        files[f"{strings.locale}/{strings.procedure}.icu.json"] = icu_messages(strings)
    if "android" in chosen:
        from .android import path as android_path
        from .android import render as android_resources

        files[android_path(strings, strings.locale == source_language)] = android_resources(strings)
    if "flutter" in chosen:
        from .flutter import path as arb_path
        from .flutter import render as arb

        files[arb_path(strings)] = arb(strings, strings.locale == source_language)
    return files


def shared(targets: Iterable[str], published: Iterable[Strings], source_language: str) -> dict[str, bytes]:
    """Files that hold every locale at once (schemas, Apple string catalogs)."""
    files = {f"schemas/{name}": schema_bytes(name) for name in SHIPPED_SCHEMAS}
    if "apple" in set(targets):
        from .apple import render as string_catalog

        by_procedure: dict[str, list[Strings]] = {}
        for strings in published:
            by_procedure.setdefault(strings.procedure, []).append(strings)
        for procedure, locales in sorted(by_procedure.items()):
            files[f"apple/{procedure}.xcstrings"] = string_catalog(locales, source_language)
    return files


def schema_bytes(name: str) -> bytes:
    return resources.files("pipeline.schemas").joinpath(name).read_bytes()


def schema_id(name: str) -> str:
    data: dict[str, Any] = json.loads(schema_bytes(name))
    return str(data["$id"])


def listing(files: Mapping[str, bytes]) -> dict[str, dict[str, Any]]:
    return {path: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for path, data in sorted(files.items())}
