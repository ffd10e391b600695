"""The schemas' validators, compiled ahead by `make schemas` (tools/compile_schemas.py): generated
code, never edited. `yamlio` uses one only while its digest matches the schema, else compiles the
schema when a command reads it; tests/test_schemas_compiled.py fails while one is stale."""
