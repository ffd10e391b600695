"""Safe YAML reading with positions, and JSON Schema validation that reports file:line:column.

Content files are data, never code: explicit tags (which could build objects), anchors and aliases
(which allow alias bombs), several documents in one file, duplicate keys and bytes that are not
UTF-8 are all refused before anything is built.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import fastjsonschema
import yaml

if TYPE_CHECKING:  # jsonschema is imported only to describe an invalid file (importing it slows start-up)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

from .characters import describe, find_forbidden
from .characters import position as text_position
from .errors import InputError

# libyaml (through PyYAML) parses far faster than a pure-Python parser, and its events carry line
# and column.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()
_SCALAR, _ALIAS, _DOCUMENT_START = yaml.ScalarEvent, yaml.AliasEvent, yaml.DocumentStartEvent
_MAPPING_START, _MAPPING_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQUENCE_START, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
               "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp"}

Position = tuple[int, int]  # 1-based line and column


class PosDict(dict[Any, Any]):
    """A mapping that remembers where it, its keys and its values stand in the file."""

    # Whether some plain scalar of the document (this is its root) was resolved to something other
    # than a string: only then has `validate` texts to give back.
    resolved = True

    def __init__(self, pos: Position) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos: dict[Any, Position] = {}
        self.value_pos: dict[Any, Position] = {}
        # The text of plain scalars YAML resolved to something other than a string (`off` is
        # false in YAML 1.1): `validate` gives it back where the schema wants a string.
        self.key_text: dict[Any, str] = {}
        self.value_text: dict[Any, str] = {}


class PosList(list[Any]):
    resolved = True  # as PosDict.resolved

    def __init__(self, pos: Position) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos: list[Position] = []
        self.item_text: dict[int, str] = {}


def _decode(name: str, data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError("not valid UTF-8: save the file as UTF-8", name, line, column) from None
    return text.removeprefix("\ufeff")


# The first characters of the plain scalars YAML may resolve to something other than a string
# (true, 12, ~...); a scalar starting with another character is a string without asking (unless
# the resolver had a rule for any first character or for a path, which the default has not).
_MAYBE_NOT_TEXT = (None if None in _RESOLVER.yaml_implicit_resolvers or _RESOLVER.yaml_path_resolvers
                   else frozenset(_RESOLVER.yaml_implicit_resolvers))


def _scalar(event: Any) -> Any:
    value = event.value
    if not event.implicit[0]:  # quoted, or tagged with a standard tag we accepted
        return value
    if value and _MAYBE_NOT_TEXT is not None and value[0] not in _MAYBE_NOT_TEXT:
        return value
    return _resolve_plain(value)


@lru_cache(maxsize=4096)  # a file's keys and many of its words recur: each is resolved once
def _resolve_plain(value: str) -> Any:
    """A plain scalar's value: YAML 1.1's null, booleans and numbers, else the text."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        return value.lower() in ("true", "yes", "on")
    if tag.endswith(":int"):
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            return value
    if tag.endswith(":float"):
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    return value


def _refuse_unsafe(event: Any, where: Callable[[Any], tuple[str, int, int]]) -> None:
    """Refuse an anchor, a tag that could build an object, or a character gettext cannot carry
    written as an escape ("\\0", "\\x1b") in a double-quoted string (any other scalar holds only
    characters of the file, which `load_yaml` has checked)."""
    if event.anchor:
        raise InputError("YAML anchors (&name) are not allowed: write the value out", *where(event))
    scalar = isinstance(event, yaml.ScalarEvent)
    explicit = event.tag is not None and event.tag != "!" and not (scalar and event.implicit[0])
    if explicit and not (scalar and event.tag in _PLAIN_TAGS):
        raise InputError(f"YAML tag {event.tag} is not allowed: remove it", *where(event))
    if scalar and event.style == '"':
        bad = find_forbidden(event.value)
        if bad is not None:
            raise InputError(describe(event.value[bad]), *where(event))


def _append(parent: PosList, value: Any, pos: Position, text: str | None) -> None:
    if text is not None:
        parent.item_text[len(parent)] = text
    parent.append(value)
    parent.item_pos.append(pos)


def _add_key(parent: PosDict, key: Any, pos: Position, text: str | None) -> None:
    parent.key_pos[key] = pos
    if text is not None:
        parent.key_text[key] = text


def _set_value(parent: PosDict, key: Any, value: Any, pos: Position, text: str | None) -> None:
    parent[key] = value
    parent.value_pos[key] = pos
    if text is not None:
        parent.value_text[key] = text


_WAITING = object()  # a mapping's pending key while the key itself has not come yet


class _Tree:
    """A document built from its parser events: the open mappings and lists, and each open
    mapping's pending key."""

    def __init__(self, name: str, escapes: bool) -> None:
        self.name = name
        self.escapes = escapes  # whether the file has a backslash (see `build`)
        self.stack: list[Any] = []
        self.keys: list[Any] = []
        self.root: Any = None
        self.resolved = False  # a plain scalar resolved to a non-string, anywhere

    def where(self, event: Any) -> tuple[str, int, int]:
        return self.name, event.start_mark.line + 1, event.start_mark.column + 1

    def attach(self, value: Any, event: Any, text: str | None) -> None:
        """Put a value where the document is; ``text``: a scalar's own text, when it is not a string."""
        pos = (event.start_mark.line + 1, event.start_mark.column + 1)
        if not self.stack:
            self.root = value
            return
        parent, keys = self.stack[-1], self.keys
        if type(parent) is PosList:
            _append(parent, value, pos, text)
        elif keys[-1] is _WAITING:
            if isinstance(value, (dict, list)):
                raise InputError("a mapping key must be a plain value", *self.where(event))
            if value in parent:
                first = parent.key_pos[value][0]
                raise InputError(f"duplicate key {value!r} (first at line {first}): keep one", *self.where(event))
            _add_key(parent, value, pos, text)
            keys[-1] = value
        else:
            _set_value(parent, keys[-1], value, pos, text)
            keys[-1] = _WAITING

    def build(self, loader: Any) -> Any:
        """The document of a parser's events. A document has 100s of events: each is told by its
        exact class (libyaml makes no subclass), and only an event that could be unsafe is looked
        at closer (only an escape, so a file with a backslash, can give a double-quoted scalar a
        character the file does not have)."""
        stack, keys, attach, documents = self.stack, self.keys, self.attach, 0
        while (event := loader.get_event()) is not None:
            kind = type(event)
            if kind is _SCALAR:
                if event.anchor or event.tag is not None or (self.escapes and event.style == '"'):
                    _refuse_unsafe(event, self.where)
                value = _scalar(event)
                if type(value) is str:
                    attach(value, event, None)
                else:
                    self.resolved = True
                    attach(value, event, event.value)
            elif kind is _MAPPING_START or kind is _SEQUENCE_START:
                if event.anchor or event.tag is not None:
                    _refuse_unsafe(event, self.where)
                start = event.start_mark
                pos = (start.line + 1, start.column + 1) if start is not None else (1, 1)
                container = PosDict(pos) if kind is _MAPPING_START else PosList(pos)
                attach(container, event, None)
                stack.append(container)
                keys.append(_WAITING)
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                stack.pop()
                keys.pop()
            elif kind is _DOCUMENT_START:
                documents += 1
                if documents > 1:
                    raise InputError("more than one YAML document: keep one per file", *self.where(event))
            elif kind is _ALIAS:
                raise InputError("YAML aliases (*name) are not allowed: write the value out", *self.where(event))
        return _marked(self.root, self.resolved)


def load_yaml(name: str, data: bytes) -> Any:
    """Parse YAML bytes into plain data whose mappings and lists know their positions.

    Refused, with file:line:column: explicit tags, anchors and aliases, several documents,
    duplicate keys, and bytes that are not UTF-8.
    """
    text = _decode(name, data)
    bad = find_forbidden(text, file=True)
    if bad is not None:
        raise InputError(describe(text[bad]), name, *text_position(text, bad))
    if _compiled_build is not None:
        built = _compiled_build(text, PosDict, PosList, _resolve_plain, _MAYBE_NOT_TEXT, "\\" in text)
        if built is not None:  # else something the Python builder must see (and may refuse)
            return _marked(*built)
    loader = None
    try:
        loader = _Loader(text)
        return _Tree(name, "\\" in text).build(loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if mark is None:
            raise InputError(f"invalid YAML: {problem}", name) from None
        raise InputError(f"invalid YAML: {problem}", name, mark.line + 1, mark.column + 1) from None
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", name) from None
    finally:
        if loader is not None:
            loader.dispose()


_compiled_build: Callable[[str, type, type, Callable[[str], Any], frozenset[str] | None, bool],
                          tuple[Any, bool] | None] | None
try:
    from ._yaml_tree import build as _compiled_build
except ImportError:  # not compiled (no C compiler or no libyaml headers at install)
    _compiled_build = None


def _marked(root: Any, resolved: bool) -> Any:
    if isinstance(root, (PosDict, PosList)):
        root.resolved = resolved
    return root


def position(root: Any, path: list[Any]) -> Position:
    """1-based line and column of the value at ``path`` (keys and list indexes) in ``root``."""
    node = root
    found: Position = getattr(root, "pos", (1, 1))
    for step in path:
        at = child_position(node, step)
        if at is None:
            break
        found, node = at, node[step]
    return found


def child_position(node: Any, step: Any) -> Position | None:
    """1-based line and column of ``node[step]``, or None when ``node`` has no such child."""
    if isinstance(node, PosDict) and step in node:
        at: Position = node.value_pos[step]
        return at
    if isinstance(node, PosList) and isinstance(step, int) and step < len(node):
        return node.item_pos[step]
    return None


def key_position(root: Any, path: list[Any], key: Any) -> Position:
    node = root
    for step in path:
        node = node[step]
    if isinstance(node, PosDict) and key in node:
        return node.key_pos[key]
    return position(root, path)


def field_path(path: list[Any]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "(top level)"


def python_pattern(pattern: str) -> str:
    """A JSON Schema (ECMA-262) pattern for Python's re: its ``$`` ends the text, while Python's
    ``$`` also matches before a final newline (``"es\\n"`` would pass ``^[a-z]{2,3}$``). Every
    ``$`` outside a character class and not escaped becomes ``\\Z``."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index:index + 2])
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = "\\Z"
        out.append(char)
        index += 1
    return "".join(out)


def _for_python(node: Any) -> Any:
    """``node`` (a schema) with every pattern (``pattern`` values, ``patternProperties`` keys)
    read the way JSON Schema means it."""
    if isinstance(node, list):
        return [_for_python(item) for item in node]
    if not isinstance(node, dict):
        return node
    result: dict[str, Any] = {}
    for key, value in node.items():
        if key == "pattern" and isinstance(value, str):
            result[key] = python_pattern(value)
        elif key == "patternProperties" and isinstance(value, dict):
            result[key] = {python_pattern(k): _for_python(v) for k, v in value.items()}
        else:
            result[key] = _for_python(value)
    return result


# The keywords whose values map names (of properties, of definitions) to schemas.
_NAMED_SCHEMAS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})


def _for_fast(node: Any, names: bool = False) -> Any:
    """``node`` (a schema, as `_for_python` gives it) as fastjsonschema compiles it: each ``const``
    keyword written as the one-value ``enum`` it is (fastjsonschema 2.22 generates no code for
    ``const`` without detailed exceptions). ``names``: ``node`` maps names to schemas, so its keys
    are names (a property may be called "const")."""
    if isinstance(node, list):
        return [_for_fast(item) for item in node]
    if not isinstance(node, dict):
        return node
    if names:
        return {key: _for_fast(value) for key, value in node.items()}
    return {("enum" if key == "const" else key):
            ([value] if key == "const" else _for_fast(value, key in _NAMED_SCHEMAS)) for key, value in node.items()}


# A compiled validator only says whether a document is valid: jsonschema describes what is wrong
# (`validate`). Its exceptions without the schema and the value in them cost far less to raise,
# which its code does on the way to a valid verdict too (every branch of a oneOf but one).
_DETAILED_EXCEPTIONS = False


def _fast_schema(filename: str) -> Any:
    """A schema as its fast validator is compiled from (a fresh copy: compiling rewrites it)."""
    return _for_fast(_for_python(_schema(filename)))


def compiled_module_name(filename: str) -> str:
    """The module under pipeline/schemas/compiled/ holding a schema's compiled validator."""
    return filename.removesuffix(".schema.json").replace("-", "_")


def _digest(schema: dict[str, Any]) -> str:
    """What a compiled validator was made from: the schema as validated, and the compiler's version."""
    text = (json.dumps(schema, sort_keys=True, ensure_ascii=False) + "\0" + fastjsonschema.VERSION + "\0"
            + f"detailed_exceptions={_DETAILED_EXCEPTIONS}")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def validator_source(filename: str) -> str:
    """The module that pipeline/schemas/compiled/ holds for a schema (`make schemas` writes it):
    fastjsonschema's code for it, its digest, and its entry point as ``validate``."""
    # Each from its own copy of the schema: fastjsonschema rewrites the schema it compiles.
    digest = _digest(_fast_schema(filename))
    entry = fastjsonschema.compile(_fast_schema(filename), detailed_exceptions=_DETAILED_EXCEPTIONS).__name__
    return (f'"""The validator of {filename}, compiled by fastjsonschema {fastjsonschema.VERSION}. Generated by '
            '`make schemas`: do not edit."""\n\n'
            f"SCHEMA_DIGEST = {digest!r}\n"
            + fastjsonschema.compile_to_code(_fast_schema(filename), detailed_exceptions=_DETAILED_EXCEPTIONS)
            + f"\n\nvalidate = {entry}\n")


@cache
def _fast_validator(filename: str) -> Any:
    """A schema's compiled validator: the one made ahead while it matches the schema (so that a
    command does not spend its start generating and compiling code), else compiled now."""
    schema = _fast_schema(filename)  # its digest before compiling it rewrites it
    try:
        module = importlib.import_module(f"pipeline.schemas.compiled.{compiled_module_name(filename)}")
    except ImportError:
        module = None
    if module is not None and getattr(module, "SCHEMA_DIGEST", None) == _digest(schema):
        return module.validate
    return fastjsonschema.compile(schema, detailed_exceptions=_DETAILED_EXCEPTIONS)


@cache
def schema_validator(filename: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    schema = _schema(filename)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(_for_python(schema))


_TYPE_WORDS = {"string": "a string", "array": "a list", "object": "a mapping",
               "integer": "a whole number", "number": "a number", "boolean": "true or false"}


def _expected(schema: dict[str, Any]) -> str:
    if "description" in schema and ("anyOf" in schema or "oneOf" in schema):
        return str(schema["description"])
    kind = schema.get("type")
    words = _TYPE_WORDS.get(str(kind), str(kind))
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


# What a value must look like, in words, for the patterns the schemas use.
_PATTERN_WORDS = {
    "^\\S(.*\\S)?$": "leading or trailing white space: remove it",
    "^[a-z]{2,3}$": "{value} is not a language code: write two or three lower-case letters (en)",
    "^[A-Za-z_][A-Za-z0-9_]*$": "{value} is not a placeholder name: use letters, digits and _ (clinic_name)",
    "^[A-Za-z0-9][A-Za-z0-9._-]*$": "{value} is not a reviewer id: use letters, digits, '.', '_' and '-' "
                                    "(es-clinical-review)",
}


def _pattern_message(pattern: str, value: object) -> str:
    pattern = pattern.replace("\\Z", "$")  # as the schema file writes it (see python_pattern)
    if pattern.startswith("^[a-z0-9]"):
        return f"{value!r} is not a valid id: use lower-case letters, digits and single hyphens"
    if pattern == "^\\S(.*\\S)?$" and isinstance(value, str) and "\n" in value.strip():
        return ("a line break inside the text: write it as one paragraph (a `|` block keeps its line "
                "breaks, a `>` block its blank lines)")
    words = _PATTERN_WORDS.get(pattern)
    if words is not None:
        return words.format(value=repr(value))
    return f"{value!r} does not have the form this field needs (pattern {pattern})"


def _message(error: ValidationError) -> tuple[list[Any], str, Any]:
    """(path, message, key-or-None) in plain words for one schema error."""
    path = list(error.absolute_path)
    validator = error.validator
    if validator in ("anyOf", "oneOf") and error.context:
        relevant = [e for e in error.context if e.validator != "type"]
        if relevant and validator == "anyOf":
            from jsonschema.exceptions import best_match

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
        return path, _pattern_message(str(error.schema.get("pattern", "")), error.instance), None
    if validator == "not":
        return path, f"{error.instance!r} is reserved here: choose another id", None
    if validator == "enum":
        choices = ", ".join(map(str, error.validator_value))
        return path, f"{error.instance!r} is not one of: {choices}", None
    if validator == "maxLength":
        return path, f"too long (at most {error.validator_value} characters)", None
    return path, error.message, None


@cache
def _schema(filename: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(resources.files("pipeline.schemas").joinpath(filename).read_text("utf-8"))
    return schema


def _resolve(schema: Any, document: dict[str, Any]) -> Any:
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#/"):
        target: Any = document
        for step in schema["$ref"][2:].split("/"):
            target = target.get(step, {}) if isinstance(target, dict) else {}
        schema = target
    return schema


def _alternatives(schema: Any, document: dict[str, Any]) -> list[Any]:
    """The alternatives of a schema that is only a choice (``anyOf``/``oneOf``, no type of its own):
    a text is a string or a mapping {text, note}."""
    if not isinstance(schema, dict) or "type" in schema:
        return []
    choice = schema.get("anyOf") or schema.get("oneOf")
    return [_resolve(a, document) for a in choice] if isinstance(choice, list) else []


def _wants_string(schema: Any, document: dict[str, Any]) -> bool:
    """Whether a scalar here can only be a string: the schema's type, or a choice whose only
    alternative that takes a scalar is a string."""
    if not isinstance(schema, dict):
        return False
    alternatives = _alternatives(schema, document)
    if alternatives:
        scalars = [a for a in alternatives if not (isinstance(a, dict) and a.get("type") in ("object", "array"))]
        return bool(scalars) and all(_wants_string(a, document) for a in scalars)
    enum = schema.get("enum")
    return schema.get("type") == "string" or (isinstance(enum, list) and all(isinstance(v, str) for v in enum))


def _for_shape(schema: Any, node: Any, document: dict[str, Any]) -> Any:
    """The alternative of a choice that a mapping or a list can only be, else the schema itself."""
    kind = "object" if isinstance(node, PosDict) else "array" if isinstance(node, PosList) else None
    fitting = [a for a in _alternatives(schema, document) if isinstance(a, dict) and a.get("type") == kind]
    return fitting[0] if kind and len(fitting) == 1 else schema


def _child_schema(schema: Any, key: Any) -> Any:
    properties = schema.get("properties", {}) if isinstance(schema, dict) else {}
    if key in properties:
        return properties[key]
    extra = schema.get("additionalProperties") if isinstance(schema, dict) else None
    return extra if isinstance(extra, dict) else None


def _strings_where_wanted(node: Any, schema: Any, document: dict[str, Any]) -> None:
    """Give plain scalars back their text where the schema wants a string: YAML 1.1 reads `off`,
    `no`, `on` and `yes` as booleans and `1.0` as a number, but `severity: off` means "off". Keys
    of a mapping are always strings in a schema (a locale `no` is Norwegian, not false)."""
    schema = _for_shape(_resolve(schema, document), node, document)
    # Only a resolved scalar (one with its text kept) or a mapping or list holding one can change:
    # a string, the most common node, is passed over without a look at its schema.
    if isinstance(node, PosDict):
        for key, text in list(node.key_text.items()):
            _rename_key(node, key, text)
        for key, value in list(node.items()):
            if key in node.value_text:
                if _wants_string(_resolve(_child_schema(schema, key), document), document):
                    node[key] = node.value_text.pop(key)
            elif isinstance(value, (PosDict, PosList)):
                child = _resolve(_child_schema(schema, key), document)
                if child is not None:
                    _strings_where_wanted(value, child, document)
    elif isinstance(node, PosList) and isinstance(schema, dict) and isinstance(schema.get("items"), dict):
        items = _resolve(schema["items"], document)
        for index, value in enumerate(node):
            if index in node.item_text:
                if _wants_string(items, document):
                    node[index] = node.item_text.pop(index)
            elif isinstance(value, (PosDict, PosList)):
                _strings_where_wanted(value, items, document)


def _rename_key(node: PosDict, key: Any, text: str) -> None:
    if text in node:
        return  # `no` and "no" both: left as it is for the duplicate to show
    items = [(text if k == key else k, v) for k, v in node.items()]
    node.clear()
    node.update(items)
    for positions in (node.key_pos, node.value_pos):
        if key in positions:
            positions[text] = positions.pop(key)
    if key in node.value_text:
        node.value_text[text] = node.value_text.pop(key)
    del node.key_text[key]


def validate(name: str, root: Any, filename: str) -> None:
    """Validate ``root`` against the packaged schema ``filename``; raise the first error in
    file order as an InputError naming file:line:column and the field. Plain scalars are read
    as strings first wherever the schema wants one (see `_strings_where_wanted`)."""
    if getattr(root, "resolved", True):  # else no text to give back: most content files
        _strings_where_wanted(root, _schema(filename), _schema(filename))
    try:
        _fast_validator(filename)(root)
        return  # the common case: a compiled validator, much faster than jsonschema's full walk
    except fastjsonschema.JsonSchemaException:
        pass  # jsonschema then finds every error with its path, for a precise message
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


def validate_output(filename: str, data: Any) -> None:
    """Validate generated data against a published schema: the compiled validator first, and
    jsonschema's full report (jsonschema.ValidationError) when it fails."""
    try:
        _fast_validator(filename)(data)
    except fastjsonschema.JsonSchemaException:
        schema_validator(filename).validate(data)
        raise
