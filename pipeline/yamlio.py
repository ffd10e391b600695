"""Safe YAML reading with positions, and JSON Schema validation that reports file:line:column.

Content files are data, never code: explicit tags (which could build objects), anchors and aliases
(which allow alias bombs), several documents in one file, duplicate keys and bytes that are not
UTF-8 are all refused before anything is built.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (AliasEvent, DocumentStartEvent, MappingStartEvent, ScalarEvent,
                                SequenceStartEvent)

from .errors import InputError


def _decode(name: str, data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError("not valid UTF-8: save the file as UTF-8", name, line, column) from None
    return text.removeprefix("\ufeff")


def _refuse_unsafe_constructs(name: str, text: str) -> None:
    documents = 0
    for event in YAML(typ="rt").parse(text):
        mark = event.start_mark
        where = (name, mark.line + 1, mark.column + 1)
        if isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise InputError("more than one YAML document: keep one per file", *where)
        if isinstance(event, AliasEvent):
            raise InputError("YAML aliases (*name) are not allowed: write the value out", *where)
        if isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)):
            if event.anchor:
                raise InputError("YAML anchors (&name) are not allowed: write the value out", *where)
            tag = event.tag
            implicit = getattr(event, "implicit", (True, True))
            if tag is not None and not (isinstance(event, ScalarEvent) and implicit[0]) \
                    and str(tag) not in ("", "!"):
                raise InputError(f"YAML tag {tag} is not allowed: remove it", *where)


def load_yaml(name: str, data: bytes) -> Any:
    """Parse YAML bytes into ruamel's round-trip objects (which know their line and column)."""
    text = _decode(name, data)
    try:
        _refuse_unsafe_constructs(name, text)
        return YAML(typ="rt", pure=True).load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or "invalid YAML").strip()
        if "duplicate key" in str(exc.problem or "") or "duplicate key" in str(exc):
            problem = "duplicate key: " + problem.split("\n")[0]
        return _raise(name, mark, problem)
    except YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", name) from None


def _raise(name: str, mark: Any, problem: str) -> Any:
    if mark is None:
        raise InputError(f"invalid YAML: {problem}", name)
    raise InputError(f"invalid YAML: {problem}", name, mark.line + 1, mark.column + 1)


def position(root: Any, path: list[Any]) -> tuple[int, int]:
    """1-based line and column of the value at ``path`` (keys and list indexes) in ``root``."""
    node = root
    line, column = 1, 1
    if hasattr(root, "lc") and root.lc.line is not None:
        line, column = root.lc.line + 1, root.lc.col + 1
    for step in path:
        if isinstance(node, CommentedMap) and step in node:
            line, column = (v + 1 for v in node.lc.value(step))
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and step < len(node):
            line, column = (v + 1 for v in node.lc.item(step))
        else:
            break
        node = node[step]
    return line, column


def key_position(root: Any, path: list[Any], key: Any) -> tuple[int, int]:
    node = root
    for step in path:
        node = node[step]
    if isinstance(node, CommentedMap) and key in node:
        return tuple(v + 1 for v in node.lc.key(key))  # type: ignore[return-value]
    return position(root, path)


def field_path(path: list[Any]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "(top level)"


@lru_cache(maxsize=None)
def schema_validator(filename: str) -> Draft202012Validator:
    text = resources.files("pipeline.schemas").joinpath(filename).read_text("utf-8")
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


_TYPE_WORDS = {"string": "a string", "array": "a list", "object": "a mapping",
               "integer": "a whole number", "number": "a number", "boolean": "true or false"}


def _expected(schema: dict[str, Any]) -> str:
    if "description" in schema and ("anyOf" in schema or "oneOf" in schema):
        return schema["description"]
    kind = schema.get("type")
    words = _TYPE_WORDS.get(kind, str(kind))
    if kind == "array" and isinstance(schema.get("items"), dict):
        items = schema["items"]
        inner = items.get("type") or ("mappings" if "$ref" in items else None)
        if inner == "string":
            words += " of strings"
        elif "$ref" in items:
            words += " of " + items["$ref"].rsplit("/", 1)[-1] + "s"
    elif kind == "object" and schema.get("required"):
        words += " with " + ", ".join(schema["required"])
    return words


def _message(error: ValidationError) -> tuple[list[Any], str, Any]:
    """(path, message, key-or-None) in plain words for one schema error."""
    path = list(error.absolute_path)
    validator = error.validator
    if validator in ("anyOf", "oneOf") and error.context:
        relevant = [e for e in error.context if e.validator != "type"]
        if relevant and validator == "anyOf":
            return _message(best_match(relevant))
        return path, f"expected {_expected(error.schema)}", None
    if validator == "type":
        return path, f"expected {_expected(error.schema)}", None
    if validator == "additionalProperties":
        allowed = ", ".join(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return path, f"unknown field {extra[0]!r} (allowed: {allowed})", extra[0]
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return path, f"missing field {missing!r}", None
    if validator == "minLength":
        return path, "empty string: write the text or remove the field", None
    if validator == "minItems":
        return path, "empty list: add at least one entry or remove the field", None
    if validator == "pattern":
        if error.schema.get("pattern", "").startswith("^[a-z0-9]"):
            return path, (f"{error.instance!r} is not a valid id: use lower-case letters, "
                          "digits and single hyphens"), None
        return path, "leading or trailing white space: remove it", None
    if validator == "not":
        return path, f"{error.instance!r} is reserved here: choose another id", None
    if validator == "enum":
        choices = ", ".join(map(str, error.validator_value))
        return path, f"{error.instance!r} is not one of: {choices}", None
    if validator == "maxLength":
        return path, f"too long (at most {error.validator_value} characters)", None
    return path, error.message, None


def validate(name: str, root: Any, filename: str) -> None:
    """Validate ``root`` against the packaged schema ``filename``; raise the first error in
    file order as an InputError naming file:line:column and the field."""
    errors = list(schema_validator(filename).iter_errors(root))
    if not errors:
        return
    described = []
    for error in errors:
        path, message, key = _message(error)
        line, column = key_position(root, path, key) if key is not None else position(root, path)
        described.append((line, column, path, message))
    line, column, path, message = min(described, key=lambda d: (d[0], d[1]))
    raise InputError(f"{field_path(path)}: {message}", name, line, column)
