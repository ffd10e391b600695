"""Shared pieces of the platform-target tests: inline Strings, and builds with chosen targets."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pipeline.release.targets import Strings

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def strings(texts: Mapping[str, str], source: Mapping[str, str] | None = None, locale: str = "es",
            direction: str = "ltr", procedure: str = "endoscopic-discectomy") -> Strings:
    return Strings(procedure, locale, direction, dict(texts), dict(source or texts),
                   f"source/procedures/{procedure}.yaml", {key: 7 for key in texts},
                   None if source is None else f"locales/{locale}/LC_MESSAGES/{procedure}.po")


def value_for(name: str) -> str:
    return f"«{name}»"


def filled(text: str) -> str:
    """What an app shows once it fills every placeholder with value_for(name)."""
    return PLACEHOLDER.sub(lambda m: value_for(m.group(1)), text)


def build_with_targets(run: Any, root: Path, targets: list[str], rtl: bool = True) -> Path:
    """Build the shipped content for the given targets; with rtl, Arabic publishes (falling back
    string by string) so every converter meets a right-to-left locale."""
    config = root / "pipeline.yaml"
    text = config.read_text("utf-8")
    if rtl:
        text = text.replace("ar: {required: false, min_translated: 80}",
                            "ar: {required: false, min_translated: 80, fallback: string, allow_unreviewed: true}")
    config.write_text(text + f"\nbundles: {{targets: [{', '.join(targets)}]}}\n", "utf-8")
    result = run("build")
    assert result.exit_code == 0, result.output
    return root / "dist/bundles"


def manifest_of(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "manifest.json").read_text("utf-8"))
    return data


def texts_of(document: Mapping[str, Any]) -> dict[str, str]:
    """Every key of a bundle document and the text it ships (fallen-back strings included, which the
    i18next files leave to i18next's own fallback)."""
    found = {document["title"]["key"]: document["title"]["text"], document["summary"]["key"]: document["summary"]["text"]}
    for section in document["sections"]:
        texts = [section["title"]]
        for block in section["blocks"]:
            texts += [block[k] for k in ("text", "question", "answer") if k in block]
            texts += [item["text"] for item in block.get("items", [])]
        found.update({t["key"]: t["text"] for t in texts})
    return found


def published(out: Path) -> list[tuple[str, str, dict[str, str]]]:
    """(BCP 47, procedure, strings) for every procedure that ships, from the bundle documents."""
    found = []
    for locale in manifest_of(out)["locales"]:
        for proc in locale["procedures"]:
            if proc["status"] in ("published", "outdated"):
                doc = json.loads((out / locale["bcp47"] / f"{proc['id']}.json").read_text("utf-8"))
                found.append((locale["bcp47"], proc["id"], texts_of(doc)))
    return found
