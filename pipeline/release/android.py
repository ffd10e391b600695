"""Android string resources: ``android/<procedure>/res/values-<qualifier>/strings.xml``.

Each procedure is a resource folder of its own that an app adds to its source set, so the manifest
can list a procedure's files and an app never mixes a withheld procedure into a published one.
Resource names carry the procedure (``endoscopic_discectomy_faq_how_long_answer``) because every
folder an app adds shares one namespace. Placeholders become positional arguments numbered by their
order in the source text (``%1$s``), so a translation may reorder them and the app passes the same
arguments in every locale.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as xml_escape

from ..content.reader import PLACEHOLDER
from ..locales import split
from .targets import Strings, unique_names

TARGET = "android"
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BACKSLASH = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\t": "\\t"}


def qualifier(bcp47: str) -> str:
    """The resource qualifier for a BCP 47 tag: ``es``, ``es-rMX``, or ``b+zh+Hans`` when the old
    form cannot say it (a script, a numeric region, a three-letter language)."""
    parts = split(bcp47)
    if parts is None:
        raise ValueError(f"{bcp47!r} has variants")
    language, script, region = parts
    if not script and len(language) == 2 and (not region or region.isalpha()):
        return language + (f"-r{region}" if region else "")
    return "b+" + "+".join(p for p in parts if p)


def path(strings: Strings, default: bool) -> str:
    folder = "values" if default else f"values-{qualifier(strings.locale)}"
    return f"android/{strings.procedure}/res/{folder}/strings.xml"


def resource_name(procedure: str, key: str) -> str:
    return re.sub(r"[^a-z0-9_]", "_", f"{procedure}_{key}".lower())


def _spaces(text: str, first: bool, last: bool) -> str:
    # aapt collapses runs of spaces and trims both ends of a string; an escaped space survives.
    text = re.sub(r"(?<= ) ", r"\\u0020", text)
    if first:
        text = re.sub(r"^ ", r"\\u0020", text)
    return re.sub(r" $", r"\\u0020", text) if last else text


def escape(literal: str, first: bool, last: bool, formatted: bool) -> str:
    """Literal text as a resource value; ``first``/``last``: it opens/ends the string (at its start,
    @ and ? would refer to resources)."""
    text = "".join(_BACKSLASH.get(c, c) for c in literal)
    if formatted:
        text = text.replace("%", "%%")
    if first and text[:1] in ("@", "?"):
        text = "\\" + text
    return xml_escape(_spaces(text, first, last))


def value(strings: Strings, key: str) -> tuple[str, bool]:
    """The escaped resource value and whether Android should treat it as a format string."""
    text = strings.texts[key]
    if _NOT_XML.search(text):
        raise strings.error(key, TARGET, "a control character cannot be stored in an Android resource")
    order = strings.arguments(key, TARGET)
    formatted = bool(order)
    parts: list[str] = []
    last = 0
    for match in PLACEHOLDER.finditer(text):
        parts.append(escape(text[last:match.start()], last == 0, False, formatted))
        parts.append(f"%{order.index(match.group(1)) + 1}$s")
        last = match.end()
    parts.append(escape(text[last:], last == 0, True, formatted))
    return "".join(parts), formatted or "%" not in text


def names(strings: Strings) -> dict[str, str]:
    """Key -> resource name; two keys that would share a name, or a name Android refuses, stop the build."""
    def refusal(name: str) -> str | None:
        if _NAME.fullmatch(name):
            return None
        return f"resource name {name!r} must start with a letter: rename the procedure or the id"

    return unique_names(strings, TARGET, "resource name", lambda key: resource_name(strings.procedure, key),
                        refusal)


def render(strings: Strings) -> bytes:
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f"<!-- {strings.procedure} ({strings.locale}, {strings.direction}): written by `pipeline build` -->",
             "<resources>"]
    for key, name in names(strings).items():
        text, formatted = value(strings, key)
        flag = "" if formatted else ' formatted="false"'
        lines.append(f'    <string name="{name}"{flag}>{text}</string>')
    lines.append("</resources>")
    return ("\n".join(lines) + "\n").encode("utf-8")
