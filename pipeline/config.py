"""The project's settings (pipeline.yaml): release settings per locale, checks, reviewers.

Read strictly: unknown keys are refused and every error names file:line:column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .fsutil import read_input
from .yamlio import PosDict, PosList, load_yaml, validate

CONFIG_FILE = "pipeline.yaml"
REGISTRY_FILE = "locales/locales.yaml"
TERMBASE_FILE = "source/termbase.yaml"
# The release record (release.record): what was last published, one file per locale, written by
# `pipeline build` beside the catalogs. The pipeline's own, like locales/templates: not a locale.
RECORD_DIR = "locales/releases"
# What `pipeline build` wrote before targets could be chosen, so existing projects see no change.
DEFAULT_BUNDLE_TARGETS = ("documents", "i18next")


@dataclass(frozen=True)
class LocaleSettings:
    required: bool = False
    min_translated: float = 100.0
    length_ratio: tuple[float, float] | None = None
    fallback: str = "none"  # "string": a missing string falls back along the locale's chain
    allow_unreviewed: bool = False  # with fallback "string": a translated string ships before its sign-off

    def as_dict(self) -> dict[str, Any]:
        return {"required": self.required, "min_translated": self.min_translated,
                "length_ratio": self.length_ratio, "fallback": self.fallback,
                "allow_unreviewed": self.allow_unreviewed}


@dataclass(frozen=True)
class Config:
    project: str
    bugs_address: str = ""
    source_language: str = "en"
    placeholders: frozenset[str] = frozenset()
    # The placeholders whose value is a number (a phone number): digits written next to one are part
    # of that number (`+1 {clinic_phone}`). None (not set): any placeholder may hold one.
    number_placeholders: frozenset[str] | None = None
    locales: dict[str, LocaleSettings] = field(default_factory=dict)
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)
    reviewers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> POSIX locales
    bundle_targets: tuple[str, ...] = DEFAULT_BUNDLE_TARGETS  # what `pipeline build` writes
    sample_reviewers: frozenset[str] = frozenset()  # reviewers marked `sample: true`: no real sign-off
    # Where each setting stands in pipeline.yaml ("checks.W313", "reviewers.x.locales.0"), so that
    # an error found later (an unknown check, a locale not registered) still names its line.
    positions: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)

    def where(self, path: str) -> tuple[str, int, int]:
        """file, line and column of a setting, for InputError(message, *config.where(path))."""
        line, column = self.positions.get(path, (1, 1))
        return CONFIG_FILE, line, column

    def reviewers_for(self, posix: str) -> frozenset[str]:
        return frozenset(r for r, locales in self.reviewers.items() if posix in locales)

    def settings(self, posix: str) -> LocaleSettings:
        return self.locales.get(posix, LocaleSettings())

    def check_settings(self, posix: str) -> dict[str, Any]:
        """What the checks of a locale are told of the settings: the locale's release settings, who
        may sign it off, and which placeholders hold a number."""
        settings = self.settings(posix).as_dict()
        settings["reviewers"] = self.reviewers_for(posix)
        settings["number_placeholders"] = self.number_placeholders
        return settings


def read_yaml_file(path: Path, name: str) -> Any:
    data = read_input(path, name, missing="file not found: run the command from the content root or pass --root")
    return load_yaml(name, data)


def _positions(node: Any, prefix: str, out: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    if isinstance(node, PosDict):
        for key, value in node.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            out[path] = node.key_pos[key]
            _positions(value, path, out)
    elif isinstance(node, PosList):
        for index, value in enumerate(node):
            out[f"{prefix}.{index}"] = node.item_pos[index]
            _positions(value, f"{prefix}.{index}", out)
    return out


def _number_placeholders(listed: PosList | None, placeholders: frozenset[str]) -> frozenset[str] | None:
    """The placeholders `number_placeholders:` names, each one of `placeholders:` (a name that is
    not would leave the placeholder it was meant for checked as a word)."""
    if listed is None:
        return None
    for index, name in enumerate(listed):
        if str(name) not in placeholders:
            line, column = listed.item_pos[index]
            known = ", ".join(sorted(placeholders)) or "none"
            raise InputError(f"number_placeholders: {str(name)!r} is not a placeholder (placeholders: {known}): "
                             "name it under placeholders: or correct its spelling", CONFIG_FILE, line, column)
    return frozenset(str(name) for name in listed)


def load_config(root: Path) -> Config:
    data = read_yaml_file(root / CONFIG_FILE, CONFIG_FILE)
    if data is None:
        raise InputError("empty config: it needs at least 'project'", CONFIG_FILE, 1, 1)
    validate(CONFIG_FILE, data, "config.schema.json")
    locales = {}
    for posix, settings in (data.get("locales") or {}).items():
        values = dict(settings or {})
        if "length_ratio" in values:
            values["length_ratio"] = tuple(float(v) for v in values["length_ratio"])
        locales[str(posix)] = LocaleSettings(**values)
        if values.get("allow_unreviewed") and values.get("fallback", "none") != "string":
            line, column = settings.key_pos["allow_unreviewed"]
            raise InputError("allow_unreviewed: true only acts with fallback: string (a string falls back on its "
                             "own): add fallback: string, or remove allow_unreviewed", CONFIG_FILE, line, column)
    placeholders = frozenset(str(p) for p in data.get("placeholders", []))
    return Config(
        project=str(data["project"]),
        bugs_address=str(data.get("bugs_address", "")),
        source_language=str(data.get("source_language", "en")),
        placeholders=placeholders,
        number_placeholders=_number_placeholders(data.get("number_placeholders"), placeholders),
        locales=locales,
        checks={str(k): dict(v or {}) for k, v in (data.get("checks") or {}).items()},
        reviewers={str(k): tuple(str(x) for x in v["locales"]) for k, v in (data.get("reviewers") or {}).items()},
        bundle_targets=tuple(str(t) for t in (data.get("bundles") or {}).get("targets", DEFAULT_BUNDLE_TARGETS)),
        sample_reviewers=frozenset(str(k) for k, v in (data.get("reviewers") or {}).items() if v.get("sample")),
        positions=_positions(data, "", {}),
    )
