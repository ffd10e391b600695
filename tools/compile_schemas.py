"""Write pipeline/schemas/compiled/: each schema's validator compiled ahead, so that no command
compiles one when it starts. Run by `make schemas` after editing a schema (a test says when).

Usage: python tools/compile_schemas.py
"""

from pathlib import Path

from pipeline.fsutil import write_atomic
from pipeline.yamlio import compiled_module_name, validator_source

SCHEMAS = Path(__file__).resolve().parent.parent / "pipeline" / "schemas"
OUT = SCHEMAS / "compiled"

wanted = {f"{compiled_module_name(p.name)}.py": validator_source(p.name) for p in sorted(SCHEMAS.glob("*.schema.json"))}
for stale in sorted(OUT.glob("*.py")):
    if stale.name != "__init__.py" and stale.name not in wanted:
        stale.unlink()
        print(f"removed {stale.relative_to(SCHEMAS.parent.parent)}")
for name, source in wanted.items():
    path = OUT / name
    if not path.exists() or path.read_text("utf-8") != source:
        write_atomic(path, source.encode("utf-8"))
        print(f"wrote {path.relative_to(SCHEMAS.parent.parent)}")
