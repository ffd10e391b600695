"""The JSON Schemas that describe the bundles ship inside the bundle tree, listed in the manifest."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from ..conftest import REPO

SCHEMAS = REPO / "pipeline/schemas"


@pytest.mark.parametrize(("name", "describes"), [
    ("manifest.schema.json", "manifest.json"),
    ("bundle-document.schema.json", "es/endoscopic-discectomy.json"),
    ("bundle-flat.schema.json", "es/endoscopic-discectomy.i18n.json"),
])
def test_shipped_schema_is_listed_stable_and_describes_its_files(content_root: Path, run, name: str,
                                                               describes: str) -> None:
    assert run("build").exit_code == 0
    out = content_root / "dist/bundles"
    shipped = (out / "schemas" / name).read_bytes()
    assert shipped == (SCHEMAS / name).read_bytes()
    schema = json.loads(shipped)
    assert schema["$id"] == f"https://example.invalid/schemas/{name}"
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["files"][f"schemas/{name}"] == {"size": len(shipped), "sha256": hashlib.sha256(shipped).hexdigest()}
    Draft202012Validator(schema).validate(json.loads((out / describes).read_text("utf-8")))
