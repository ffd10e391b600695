"""Flutter ARB files: ``flutter/<procedure>/app_<locale>.arb``, one folder per procedure for gen-l10n.

Messages keep Flutter's default syntax (``use-escaping`` off): placeholders are ``{name}``, an
apostrophe is itself, and a literal brace cannot be written at all, so a text that holds one is a
build error rather than a message Flutter would misread. Message names are Dart identifiers made
from the key (``faq.how-long.answer`` -> ``faqHowLongAnswer``); every placeholder is declared as a
String in the message's ``@`` metadata.
"""

from __future__ import annotations

import re

from ..content.reader import PLACEHOLDER
from ..jsonout import dumps
from .targets import Strings, unique_names

TARGET = "flutter"
_IDENTIFIER = re.compile(r"[a-z][A-Za-z0-9]*")
_PLACEHOLDER_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
# Dart's reserved words and built-in identifiers: gen-l10n turns names into methods and parameters.
RESERVED = frozenset(("abstract", "as", "assert", "async", "await", "base", "break", "case", "catch", "class",
    "const", "continue", "covariant", "default", "deferred", "do", "dynamic", "else", "enum", "export", "extends",
    "extension", "external", "factory", "false", "final", "finally", "for", "function", "get", "hide", "if",
    "implements", "import", "in", "interface", "is", "late", "library", "mixin", "new", "null", "of", "on",
    "operator", "part", "required", "rethrow", "return", "sealed", "set", "show", "static", "super", "switch",
    "sync", "this", "throw", "true", "try", "type", "typedef", "var", "void", "when", "while", "with", "yield"))


def path(strings: Strings) -> str:
    return f"flutter/{strings.procedure}/app_{strings.locale.replace('-', '_')}.arb"


def message_name(key: str) -> str:
    first, *rest = re.split(r"[.\-_]", key)
    return first + "".join(part[:1].upper() + part[1:] for part in rest)


def names(strings: Strings) -> dict[str, str]:
    def refusal(name: str) -> str | None:
        if _IDENTIFIER.fullmatch(name) and name not in RESERVED:
            return None
        return f"message name {name!r} is not a Dart identifier Flutter can generate: rename the id"

    return unique_names(strings, TARGET, "message name", message_name, refusal)


def message(strings: Strings, key: str) -> str:
    text = strings.texts[key]
    for name in strings.arguments(key, TARGET):
        if not _PLACEHOLDER_NAME.fullmatch(name) or name in RESERVED:
            raise strings.error(key, TARGET, f"placeholder {{{name}}} cannot be a Dart parameter name",
                                translated=False)
    if "{" in PLACEHOLDER.sub("", text) or "}" in PLACEHOLDER.sub("", text):
        raise strings.error(key, TARGET, "a literal brace cannot be written in a Flutter message: remove it")
    return text


def render(strings: Strings, template: bool) -> bytes:
    """One locale's ARB; ``template``: the source language's file, which gen-l10n reads metadata from."""
    arb: dict[str, object] = {"@@locale": strings.locale.replace("-", "_")}
    for key, name in names(strings).items():
        arb[name] = message(strings, key)
        meta: dict[str, object] = {"description": f"{strings.procedure}: {key}"}
        order = strings.arguments(key, TARGET)
        if order:
            meta["placeholders"] = {p: {"type": "String"} for p in order}
        if template or order:
            arb[f"@{name}"] = meta
    return dumps(arb).encode("utf-8")
