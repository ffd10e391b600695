"""Bundles for apps: the release plan rendered as documents, flat i18next files and a manifest.

Outputs are rendered in memory, validated against the published schemas, then written beside the
old tree and swapped in whole.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import polib

from .. import __version__
from ..bidi import isolate_placeholders
from ..clock import source_date
from ..config import RECORD_DIR
from ..content.model import BulletList, Paragraph
from ..content.reader import PLACEHOLDER
from ..fsutil import read_input, replace_tree
from ..jsonout import dumps
from ..locales import LocaleInfo, cldr_version, right_to_left
from ..lock import exclusive
from ..outputs import check_output_folder, pipeline_manifest
from ..project import Project
from ..yamlio import validate_output
from . import matching, record, targets
from .policy import SHIPPING, ProcedureRelease, blocked, next_records, plan, records

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class BuildReport:
    releases: tuple[ProcedureRelease, ...]
    files: dict[str, bytes] = field(repr=False)
    required_blocked: tuple[ProcedureRelease, ...]
    written: bool
    stale: tuple[str, ...] = ()


def for_direction(release: ProcedureRelease, direction: str) -> ProcedureRelease:
    """The release as a locale of ``direction`` shows it: right to left, every placeholder of a
    right-to-left string isolated (FSI…PDI), so that a filled-in phone number or name keeps its
    order (pipeline/bidi.py). A string that fell back to a left-to-right language (English) is left
    as it is: its `lang` tells the app to lay it out left to right, where isolates would only make
    each value a neutral that the right-to-left screen moves (the phone number first)."""
    if direction != "rtl":
        return release
    strings = {key: replace(choice, text=isolate_placeholders(choice.text)) if right_to_left(choice.lang) else choice
               for key, choice in release.strings.items()}
    return replace(release, strings=strings)


def _text(release: ProcedureRelease, context: str) -> dict[str, str]:
    choice = release.strings[context]
    return {"key": context, "text": choice.text, "lang": choice.lang}


def document(release: ProcedureRelease, bcp47: str, direction: str) -> dict[str, Any]:
    procedure = release.shipped_procedure
    sections: list[dict[str, Any]] = []
    for section in procedure.sections:
        blocks: list[dict[str, Any]] = []
        for block in section.blocks:
            base = f"{section.id}.{block.id}"
            if isinstance(block, Paragraph):
                blocks.append({"type": "paragraph", "id": block.id, "text": _text(release, base)})
            elif isinstance(block, BulletList):
                blocks.append({"type": "list", "id": block.id,
                               "items": [{"id": i.id, "text": _text(release, f"{base}.{i.id}")} for i in block.items]})
            else:
                blocks.append({"type": "question", "id": block.id, "question": _text(release, f"{base}.question"),
                               "answer": _text(release, f"{base}.answer")})
        sections.append({"id": section.id, "title": _text(release, f"{section.id}.title"), "blocks": blocks})
    placeholders = sorted({m for msg in procedure.messages() for m in PLACEHOLDER.findall(msg.text.value)})
    return {"schema_version": SCHEMA_VERSION, "procedure": procedure.id, "locale": bcp47, "direction": direction,
            "title": _text(release, "title"), "summary": _text(release, "summary"), "sections": sections,
            "placeholders": placeholders, "fallback_keys": list(release.fallback_keys)}


def _mo(release: ProcedureRelease, bcp47: str, plural_forms: str) -> bytes:
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": bcp47.replace("-", "_"),
                        "Plural-Forms": plural_forms}
    source = {m.context: m.text.value for m in release.shipped_procedure.messages()}
    for key in sorted(release.strings):
        catalog.append(polib.POEntry(msgctxt=key, msgid=source[key], msgstr=release.strings[key].text))
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "x.mo"
        catalog.save_as_mofile(str(path))
        return path.read_bytes()


def _digest(project: Project, records: dict[str, bytes] | None = None) -> str:
    """Digest of every input: the release record as this build leaves it (``records``: path -> bytes),
    so that a build and a check after it agree."""
    inputs = [project.root / "pipeline.yaml", project.root / "locales/locales.yaml"]
    inputs += sorted((project.root / "source").rglob("*.yaml"))
    inputs += sorted((project.root / "locales").glob("*/LC_MESSAGES/*.po"))
    outer = hashlib.sha256()
    for path in inputs:
        if path.exists():
            name = project.rel(path)
            outer.update(name.encode() + b"\0" + hashlib.sha256(read_input(path, name)).digest())
    for name, data in sorted((records or {}).items()):
        outer.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return "sha256:" + outer.hexdigest()


def _revision(project: Project) -> str | None:
    if not (project.root / ".git").exists():
        return None
    result = subprocess.run(["git", "-C", str(project.root), "rev-parse", "HEAD"], capture_output=True, text=True)
    return result.stdout.strip() or None if result.returncode == 0 else None


def _flat(release: ProcedureRelease, bcp47: str) -> dict[str, str]:
    """The i18next namespace: only strings in the locale's own language. A string that fell back is
    left out, so that i18next's own fallback serves it from that language's namespace and `dir()`
    gives the direction of the language the text is really in."""
    return {key: choice.text for key, choice in release.strings.items() if choice.lang == bcp47}


def _entry(release: ProcedureRelease, outputs: dict[str, bytes]) -> dict[str, Any]:
    """A procedure's manifest entry: what ships and, for everything short of current content, why."""
    entry: dict[str, Any] = {
        "id": release.procedure.id, "status": release.status, "review": release.review,
        "reasons": list(release.reasons),
        "reason_codes": list(release.reason_codes),
        "strings": {"total": release.total, "translated": release.translated},
        "words": {"total": release.total_words, "translated": release.translated_words},
        "reviewed": round(release.reviewed / release.total, 4) if release.total else 1.0,
        "fallback_strings": len(release.fallback_keys), "unreviewed_strings": release.unreviewed,
        "files": targets.listing(outputs)}
    if release.lag is not None:
        entry["lags_behind"] = {"published_for": release.lag.published_for,
                                "source_digest": release.lag.source_digest, "keys": list(release.lag.keys)}
    if release.withdrawal is not None:
        entry["withdrawn"] = {"reason": release.withdrawal.reason, "date": release.withdrawal.date}
    return entry


def render(project: Project, releases: tuple[ProcedureRelease, ...], mo: bool = False,
           records: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """Every output file, path -> bytes, validated against the published schemas."""
    files: dict[str, bytes] = {}
    locales_out = []
    source = project.config.source_language
    source_entry = {"bcp47": source, "posix": source, "english_name": "English", "native_name": "English",
                    "direction": "ltr", "fallback": [], "plural_categories": ["one", "other"],
                    "policy": "source", "required": True, "procedures": []}
    groups: list[tuple[dict[str, Any], LocaleInfo | None]] = [(source_entry, None)]
    bcp47_of = {i.posix: i.bcp47 for i in project.locales}
    for info in project.locales:
        settings = project.config.settings(info.posix)
        groups.append(({"bcp47": info.bcp47, "posix": info.posix, "english_name": info.english_name,
                         "native_name": info.native_name, "direction": info.direction,
                         "fallback": [bcp47_of.get(f, f) for f in info.fallback],
                         "plural_categories": list(info.plural_categories),
                         "policy": "fallback-string" if settings.fallback == "string" else "complete",
                         "required": settings.required, "procedures": []}, info))

    chosen = project.config.bundle_targets
    published: list[targets.Strings] = []
    for entry, group_info in groups:
        for planned in (r for r in releases if r.locale == group_info):
            release = for_direction(planned, entry["direction"])  # every output below shows these strings
            bcp47 = entry["bcp47"]
            outputs: dict[str, bytes] = {}
            if release.ships:
                doc = document(release, bcp47, entry["direction"])
                flat = {key: choice.text for key, choice in release.strings.items()}
                own = _flat(release, bcp47)
                validate_output("bundle-document.schema.json", doc)
                if "documents" in chosen:
                    outputs[f"{bcp47}/{release.procedure.id}.json"] = dumps(doc).encode("utf-8")
                if "i18next" in chosen and own:
                    validate_output("bundle-flat.schema.json", own)
                    outputs[f"{bcp47}/{release.procedure.id}.i18n.json"] = dumps(own).encode("utf-8")
                catalog = (project.rel(project.catalog_path(group_info.posix, release.procedure.id))
                           if group_info else None)
                published.append(targets.strings_of(release, bcp47, entry["direction"], flat, catalog))
                if "i18next" in chosen:
                    targets.check_i18next(published[-1], own)
                outputs.update(targets.per_locale(chosen, published[-1], source))
                if mo:
                    plural = group_info.plural_forms if group_info else "nplurals=2; plural=(n != 1);"
                    outputs[f"{bcp47}/{release.procedure.id}.mo"] = _mo(release, bcp47, plural)
            files.update(outputs)
            entry["procedures"].append(_entry(release, outputs))
        locales_out.append(entry)
    matching.annotate(locales_out, [e["bcp47"] for e in locales_out
                                    if any(p["status"] in SHIPPING for p in e["procedures"])])
    common = targets.shared(chosen, published, source)
    files.update(common)
    manifest: dict[str, Any] = {"schema_version": SCHEMA_VERSION,
                                "generator": {"name": "pipeline", "version": __version__},
                                "cldr_version": cldr_version(), "source_revision": _revision(project),
                                "content_digest": _digest(project, records), "locales": locales_out,
                                "files": targets.listing(common)}
    stamp = source_date()
    if stamp:
        manifest["generated_at"] = stamp
    validate_output("manifest.schema.json", manifest)
    files["manifest.json"] = dumps(manifest).encode("utf-8")
    return files


def _read_tree(out: Path) -> dict[str, bytes]:
    if not out.is_dir():
        return {}
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


DEFAULT_OUT = "dist/bundles"


def build(project: Project, out: Path, check: bool = False, mo: bool = False) -> BuildReport:
    if check:
        return _build(project, out, check, mo)
    check_output_folder(project.root, out, pipeline_manifest, "build", DEFAULT_OUT)
    with exclusive(project.root):
        return _build(project, out, check, mo)


def _build(project: Project, out: Path, check: bool, mo: bool) -> BuildReport:
    previous = records(project)
    releases = plan(project)
    after = next_records(project, releases, previous)
    encoded = {f"{RECORD_DIR}/{posix}.json": record.encode(posix, cells)
               for posix, cells in after.items() if cells or record.path_of(project.root, posix).exists()}
    files = render(project, releases, mo, encoded)
    stopped = blocked(project, releases)
    if check:
        current = _read_tree(out)
        stale = tuple(sorted(p for p in set(files) | set(current) if files.get(p) != current.get(p)))
        return BuildReport(releases, files, stopped, False, stale)
    # A withdrawal is a safety correction: it reaches the bundles even while a required cell has
    # nothing to ship (the build still fails, naming the cells).
    if stopped and not any(r.status == "withdrawn" for r in releases):
        return BuildReport(releases, files, stopped, False)
    replace_tree(out, files)
    # The record follows the bundles: a crash in between leaves it one build behind, which the next
    # build makes good, never ahead of what apps could have received.
    for posix, cells in after.items():
        record.write(project.root, posix, cells)
    return BuildReport(releases, files, stopped, True)
