"""The schemas' validators are compiled ahead (pipeline/schemas/compiled/, written by
`make schemas`), so that no command spends its start compiling them; a compiled validator is used
only while it matches its schema, else the schema is compiled when read, as before."""

from __future__ import annotations

import importlib

import fastjsonschema
import pytest

from pipeline import yamlio
from pipeline.yamlio import compiled_module_name, validator_source

from .conftest import REPO

SCHEMAS = sorted(p.name for p in (REPO / "pipeline/schemas").glob("*.schema.json"))
COMPILED = REPO / "pipeline/schemas/compiled"


@pytest.fixture(autouse=True)
def _fresh_validators():
    yamlio._fast_validator.cache_clear()
    yield
    yamlio._fast_validator.cache_clear()


@pytest.mark.parametrize("schema", SCHEMAS)
def test_every_schema_has_a_current_compiled_validator(schema):
    path = COMPILED / f"{compiled_module_name(schema)}.py"
    assert path.exists(), f"{path.name} is missing: run `make schemas`"
    assert path.read_text("utf-8") == validator_source(schema), f"{path.name} is stale: run `make schemas`"


@pytest.mark.parametrize("schema", SCHEMAS)
def test_a_current_compiled_validator_is_the_one_used(schema):
    module = importlib.import_module(f"pipeline.schemas.compiled.{compiled_module_name(schema)}")
    assert yamlio._fast_validator(schema) is module.validate


def test_a_stale_compiled_validator_is_not_used(monkeypatch):
    module = importlib.import_module("pipeline.schemas.compiled.locales")
    monkeypatch.setattr(module, "SCHEMA_DIGEST", "0" * 64)  # as after an edit of the schema
    validate = yamlio._fast_validator("locales.schema.json")
    assert validate is not module.validate
    with pytest.raises(fastjsonschema.JsonSchemaException):
        validate({"locales": "not a mapping"})


@pytest.mark.parametrize("document,valid", [
    ({"locales": {}}, True),
    ({"locales": []}, False),
    ({}, False),
    ({"locales": {}, "unknown": 1}, False),
])
def test_the_compiled_validator_judges_as_the_schema_compiled_when_read(document, valid):
    compiled = yamlio._fast_validator("locales.schema.json")
    fresh = fastjsonschema.compile(yamlio._for_python(yamlio._schema("locales.schema.json")))
    outcomes = []
    for validate in (compiled, fresh):
        try:
            validate(document)
            outcomes.append(True)
        except fastjsonschema.JsonSchemaException:
            outcomes.append(False)
    assert outcomes == [valid, valid]


def test_no_compiled_validator_without_its_schema():
    names = {f"{compiled_module_name(s)}.py" for s in SCHEMAS} | {"__init__.py"}
    assert {p.name for p in COMPILED.glob("*.py")} == names, "a schema was removed: run `make schemas`"


def test_compiled_module_names():
    assert [compiled_module_name(s) for s in ("procedure.schema.json", "bundle-document.schema.json")] == [
        "procedure", "bundle_document"]
    assert (COMPILED / "__init__.py").exists()


@pytest.mark.parametrize("schema", SCHEMAS)
def test_a_compiled_validator_only_says_whether_a_document_is_valid(schema):
    """What is wrong is described by jsonschema (`yamlio.validate`): the compiled code raises bare
    exceptions, which it does on the way to a valid verdict too (each branch of a oneOf but one),
    without building the schema's definition into each."""
    source = validator_source(schema)
    assert "definition=" not in source and "value=data" not in source


@pytest.mark.parametrize("document,valid", [
    ({"id": "a", "title": "T", "blocks": [{"id": "b", "paragraph": "P."}]}, True),
    ({"id": "a", "title": "T", "blocks": [{"id": "title", "paragraph": "P."}]}, False),  # a reserved id
    ({"id": "a", "title": "T", "blocks": [{"id": "b", "paragraph": "P.", "question": "Q?"}]}, False),
    ({"id": "a", "title": "T", "blocks": [{"id": "b", "question": "Q?", "answer": "A."}]}, True),
])
def test_a_const_is_compiled_as_the_enum_it_is(document, valid):
    """The block id `title` is refused by a `not: {const: title}`, which the compiled code tests as
    a one-value enum."""
    validate = yamlio._fast_validator("procedure.schema.json")
    try:
        validate({"id": "p", "title": "P", "summary": "S", "sections": [document]})
        outcome = True
    except fastjsonschema.JsonSchemaException:
        outcome = False
    assert outcome is valid


def test_only_the_const_keyword_is_written_as_an_enum():
    schema = {"type": "object", "properties": {"const": {"const": 1}, "enum": {"type": "string"}},
              "$defs": {"const": {"const": "x"}}, "items": [{"const": True}]}
    assert yamlio._for_fast(schema) == {
        "type": "object", "properties": {"const": {"enum": [1]}, "enum": {"type": "string"}},
        "$defs": {"const": {"enum": ["x"]}}, "items": [{"enum": [True]}]}
    validate = fastjsonschema.compile(yamlio._for_fast(schema), detailed_exceptions=False)
    assert validate({"const": 1}) == {"const": 1}
    with pytest.raises(fastjsonschema.JsonSchemaException):
        validate({"const": 2})
