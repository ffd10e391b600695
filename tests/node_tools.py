"""Node.js consumers of the bundles: the packages pinned in tests/node, installed on first use."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from .conftest import REPO

NODE_DIR = REPO / "tests/node"


def ensure_node_modules() -> Path:
    """Install the locked packages when any is missing (a fresh clone, or a package added since)."""
    wanted = json.loads((NODE_DIR / "package.json").read_text("utf-8"))["dependencies"]
    if any(not (NODE_DIR / "node_modules" / name / "package.json").exists() for name in wanted):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=NODE_DIR, check=True)
    return NODE_DIR


def run_script(script: str, payload: Any) -> Any:
    """Run a script from tests/node with a JSON payload on stdin; its stdout is JSON."""
    result = subprocess.run(["node", str(ensure_node_modules() / script)], input=json.dumps(payload),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)
