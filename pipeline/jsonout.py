"""The one canonical JSON encoding for everything the pipeline emits: sorted keys, UTF-8, LF."""

from __future__ import annotations

import json
from typing import Any


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
