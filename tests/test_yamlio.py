"""Strict YAML: what load_yaml refuses, with exact line:column, and validate()'s plain messages."""

from __future__ import annotations

import pytest

from pipeline.errors import InputError
from pipeline.yamlio import field_path, load_yaml, position, validate

REFUSED = [
    # name, file content, line, column, telling part of the message
    ("tag on a value", b"a: 1\nb: !!python/object:os.system x\n", 2, 4, "YAML tag tag:yaml.org,2002:python/object:os.system is not allowed"),
    ("local tag", b"a:\n  - !mine {x: 1}\n", 2, 5, "YAML tag !mine is not allowed: remove it"),
    ("tag on a mapping", b"a: !!map {x: 1}\n", 1, 4, "YAML tag tag:yaml.org,2002:map is not allowed"),
    ("anchor", b"a: &x 1\nb: 2\n", 1, 4, "YAML anchors (&name) are not allowed: write the value out"),
    ("alias", b"a: 1\nb:\n  c: *x\n", 3, 6, "YAML aliases (*name) are not allowed"),
    ("duplicate key", b"a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a' (first at line 1): keep one"),
    ("nested duplicate", b"a:\n  x: 1\n  y: 2\n  x: 3\n", 4, 3, "duplicate key 'x' (first at line 2)"),
    ("two documents", b"a: 1\n---\nb: 2\n", 2, 1, "more than one YAML document: keep one per file"),
    ("latin-1 byte", b"a: ok\nb: caf\xe9\n", 2, 7, "not valid UTF-8: save the file as UTF-8"),
    ("broken syntax", b"a: [1, 2\nb: 3\n", 2, 2, "invalid YAML"),
    ("mapping as a key", b"? {x: 1}\n: 2\n", 1, 3, "a mapping key must be a plain value"),
]


@pytest.mark.parametrize("name,data,line,column,message", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_with_its_place(name, data, line, column, message):
    with pytest.raises(InputError) as caught:
        load_yaml("f.yaml", data)
    error = caught.value
    assert (error.location.file, error.location.line, error.location.column) == ("f.yaml", line, column), str(error)
    assert message in error.message
    assert str(error).startswith(f"f.yaml:{line}:{column}: ")


ACCEPTED = [
    # file content, plain data it gives
    (b"a: 1\nb: [x, 'y']\nc: {d: null, e: true, f: 1.5}\n", {"a": 1, "b": ["x", "y"], "c": {"d": None, "e": True, "f": 1.5}}),
    (b"\xef\xbb\xbfa: caf\xc3\xa9\n", {"a": "café"}),  # a UTF-8 byte-order mark is dropped
    (b"---\na: '1'\n", {"a": "1"}),  # one explicit document, a quoted number stays a string
    (b"a: !!str 1\n", {"a": "1"}),  # a standard scalar tag is harmless
    (b"", None),
]


@pytest.mark.parametrize("data,expected", ACCEPTED, ids=range(len(ACCEPTED)))
def test_accepted(data, expected):
    assert load_yaml("f.yaml", data) == expected


def test_positions_of_values_and_list_items():
    root = load_yaml("f.yaml", b"a:\n  b:\n    - x\n    - y: 2\n")
    assert position(root, ["a", "b", 1, "y"]) == (4, 10)
    assert position(root, ["a", "b", 0]) == (3, 7)
    assert position(root, ["a", "missing"]) == (2, 3)  # the nearest known place
    assert field_path(["a", "b", 1, "y"]) == "a.b[1].y" and field_path([]) == "(top level)"


INVALID = [
    # pipeline.yaml content, line, column, message
    (b"project: P\ncolour: blue\n", 2, 1, "(top level): unknown field 'colour' (allowed: project, bugs_address"),
    (b"bugs_address: x\n", 1, 1, "(top level): missing field 'project'"),
    (b"project: ''\n", 1, 10, "project: empty string: write the text or remove the field"),
    (b"project: P\nplaceholders: clinic\n", 2, 15, "placeholders: expected a list of strings"),
    (b"project: P\nlocales:\n  es: {required: maybe}\n", 3, 18, "locales.es.required: expected true or false"),
    (b"project: P\nlocales:\n  es: {fallback: always}\n", 3, 18, "locales.es.fallback: 'always' is not one of: none, string"),
    (b"project: P\nlocales:\n  es: {mandatory: true}\n", 3, 8, "locales.es: unknown field 'mandatory'"),
    (b"project: P\nreviewers:\n  r1: {name: R, locales: []}\n", 3, 26, "reviewers.r1.locales: empty list"),
]


@pytest.mark.parametrize("data,line,column,message", INVALID, ids=range(len(INVALID)))
def test_validate_names_the_field_and_its_place(data, line, column, message):
    root = load_yaml("pipeline.yaml", data)
    with pytest.raises(InputError) as caught:
        validate("pipeline.yaml", root, "config.schema.json")
    assert str(caught.value).startswith(f"pipeline.yaml:{line}:{column}: {message}"), str(caught.value)


def test_a_valid_file_passes():
    validate("pipeline.yaml", load_yaml("pipeline.yaml", b"project: P\nlocales:\n  es: {required: true}\n"),
             "config.schema.json")


MISWORDED = [
    # pipeline.yaml content: a value that breaks a pattern but has no white space around it
    b"project: P\nsource_language: EN\n",
    b"project: P\nplaceholders: [clinic-name]\n",
    b"project: P\nreviewers:\n  'bad id': {locales: [es]}\n",
]


@pytest.mark.parametrize("data", MISWORDED, ids=["source_language", "placeholder", "reviewer id"])
def test_a_pattern_error_says_what_is_wrong(data):
    with pytest.raises(InputError) as caught:
        validate("pipeline.yaml", load_yaml("pipeline.yaml", data), "config.schema.json")
    assert "white space" not in caught.value.message
