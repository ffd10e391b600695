"""Bundles for apps: what ships to patients, and nothing that should not.

For each locale and procedure the release policy decides, string by string, what may ship:
- `complete` (the default for patient material): published only when every string is translated,
  signed off and free of error findings; otherwise withheld, with the reasons in the manifest;
- `fallback-string` (`fallback: string` in pipeline.yaml, for less critical content): a string that
  is missing, fuzzy or has an error finding falls back along the locale's chain to the source, and
  the document lists the keys that fell back.
Outputs are rendered in memory, then written beside the old tree and swapped in whole.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import polib

from .. import __version__
from ..catalog.po_reader import read_po
from ..catalog.stats import word_count
from ..checks.runner import run_checks
from ..content.model import BulletList, Paragraph, Procedure, Text
from ..content.reader import PLACEHOLDER
from ..errors import InputError
from ..fsutil import FILE_MODE
from ..jsonout import dumps
from ..locales import LocaleInfo, cldr_version
from ..project import Project, source_date
from ..review.signoff import SIGNED_OFF_STATE, state as review_state
from ..yamlio import validate_output

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Choice:
    text: str
    lang: str  # BCP 47 tag of the language the text is in
    fell_back: bool = False


@dataclass(frozen=True)
class ProcedureRelease:
    locale: LocaleInfo | None  # None: the source language
    procedure: Procedure
    status: str  # "published" or "withheld"
    reasons: tuple[str, ...]
    strings: dict[str, Choice]
    total: int
    translated: int
    total_words: int
    translated_words: int
    reviewed: int
    blocking: tuple[str, ...] = ()  # error findings, one line each

    @property
    def fallback_keys(self) -> tuple[str, ...]:
        return tuple(sorted(k for k, c in self.strings.items() if c.fell_back))


@dataclass(frozen=True)
class BuildReport:
    releases: tuple[ProcedureRelease, ...]
    files: dict[str, bytes] = field(repr=False)
    required_blocked: tuple[ProcedureRelease, ...]
    written: bool
    stale: tuple[str, ...] = ()


def _source_bcp47(project: Project) -> str:
    return project.config.source_language


def _catalog_strings(project: Project, info: LocaleInfo, procedure: Procedure) -> dict[str, polib.POEntry]:
    path = project.catalog_path(info.posix, procedure.id)
    if not path.exists():
        return {}
    return {e.msgctxt: e for e in read_po(path, project.rel(path)) if not e.obsolete}


def _errors_by_entry(project: Project) -> tuple[dict[tuple[str | None, str, str | None], list[str]], Any]:
    report = run_checks(project, cache_dir=project.root / ".pipeline-cache" / "check")
    errors: dict[tuple[str | None, str, str | None], list[str]] = {}
    for f in report.findings:
        if f.severity == "error":
            errors.setdefault((f.locale, f.procedure, f.msgctxt), []).append(
                f"{f.file}:{f.line}: {f.code} {f.name}: {f.message}")
    return errors, report


def plan(project: Project) -> tuple[ProcedureRelease, ...]:
    """Decide, for every locale (source included) and procedure, what ships."""
    errors, _ = _errors_by_entry(project)
    source_lang = _source_bcp47(project)
    releases: list[ProcedureRelease] = []
    eligible: dict[tuple[str, str], dict[str, str]] = {}  # (posix, procedure) -> ctx -> text (strictly eligible)
    for procedure in project.procedures:
        messages = list(procedure.messages())
        source_errors = [line for (loc, pid, _), lines in errors.items() if loc is None and pid == procedure.id
                         for line in lines]
        strings = {m.context: Choice(m.text.value, source_lang) for m in messages}
        words = sum(word_count(m.text.value) for m in messages)
        reasons = (f"{len(source_errors)} error findings in the source",) if source_errors else ()
        releases.append(ProcedureRelease(None, procedure, "withheld" if source_errors else "published", reasons,
                                         strings, len(messages), len(messages), words, words, len(messages),
                                         tuple(source_errors)))
    source_releases = {r.procedure.id: r for r in releases}
    for info in project.locales:
        settings = project.config.settings(info.posix)
        reviewers = project.config.reviewers_for(info.posix)
        for procedure in project.procedures:
            entries = _catalog_strings(project, info, procedure)
            messages = list(procedure.messages())
            usable: dict[str, str] = {}
            strict: dict[str, str] = {}
            untranslated = fuzzy = unreviewed = 0
            blocking: list[str] = []
            translated = translated_words = reviewed = 0
            for message in messages:
                entry = entries.get(message.context)
                current = entry is not None and entry.msgid == message.text.value
                entry_errors = errors.get((info.posix, procedure.id, message.context), [])
                if not current or not entry.msgstr:
                    untranslated += 1
                    continue
                if "fuzzy" in entry.flags:
                    fuzzy += 1
                    continue
                translated += 1
                translated_words += word_count(message.text.value)
                signed = review_state(entry, reviewers) == SIGNED_OFF_STATE
                reviewed += signed
                if entry_errors:
                    blocking += entry_errors
                    continue
                usable[message.context] = entry.msgstr
                if signed:
                    strict[message.context] = entry.msgstr
                else:
                    unreviewed += 1
            eligible[(info.posix, procedure.id)] = strict
            total_words = sum(word_count(m.text.value) for m in messages)
            reasons = []
            if untranslated:
                reasons.append(f"{untranslated} strings untranslated")
            if fuzzy:
                reasons.append(f"{fuzzy} strings fuzzy (source changed or marked for review)")
            if unreviewed:
                reasons.append(f"{unreviewed} strings not signed off by a reviewer")
            if blocking:
                reasons.append(f"{len(blocking)} error findings")
            source_release = source_releases[procedure.id]
            if source_release.status == "withheld":
                reasons.insert(0, "the source is withheld")
            chosen: dict[str, Choice] = {}
            if settings.fallback == "string":
                for message in messages:
                    if message.context in usable:
                        chosen[message.context] = Choice(usable[message.context], info.bcp47)
                        continue
                    for step in info.fallback:
                        other = next((i for i in project.locales if i.posix == step), None)
                        if other is not None and message.context in eligible.get((other.posix, procedure.id), {}):
                            chosen[message.context] = Choice(eligible[(other.posix, procedure.id)][message.context],
                                                             other.bcp47, True)
                            break
                        if step == project.config.source_language:
                            chosen[message.context] = Choice(message.text.value, source_lang, True)
                            break
                    else:
                        chosen[message.context] = Choice(message.text.value, source_lang, True)
                status = "withheld" if source_release.status == "withheld" else "published"
                reasons = [r for r in reasons if r == "the source is withheld"] or \
                    ([f"{sum(c.fell_back for c in chosen.values())} strings fall back"] if any(
                        c.fell_back for c in chosen.values()) else [])
            else:
                status = "withheld" if reasons else "published"
                if status == "published":
                    chosen = {m.context: Choice(strict[m.context], info.bcp47) for m in messages}
            releases.append(ProcedureRelease(info, procedure, status, tuple(reasons), chosen, len(messages),
                                             translated, total_words, translated_words, reviewed, tuple(blocking)))
    return tuple(releases)


def _text(release: ProcedureRelease, context: str) -> dict[str, str]:
    choice = release.strings[context]
    return {"key": context, "text": choice.text, "lang": choice.lang}


def document(release: ProcedureRelease, bcp47: str, direction: str) -> dict[str, Any]:
    procedure = release.procedure
    sections = []
    for section in procedure.sections:
        blocks = []
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
    source = {m.context: m.text.value for m in release.procedure.messages()}
    for key in sorted(release.strings):
        catalog.append(polib.POEntry(msgctxt=key, msgid=source[key], msgstr=release.strings[key].text))
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "x.mo"
        catalog.save_as_mofile(str(path))
        return path.read_bytes()


def _digest(project: Project) -> str:
    inputs = [project.root / "pipeline.yaml", project.root / "locales/locales.yaml"]
    inputs += sorted((project.root / "source").rglob("*.yaml"))
    inputs += sorted((project.root / "locales").glob("*/LC_MESSAGES/*.po"))
    outer = hashlib.sha256()
    for path in inputs:
        if path.exists():
            outer.update(project.rel(path).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return "sha256:" + outer.hexdigest()


def _revision(project: Project) -> str | None:
    if not (project.root / ".git").exists():
        return None
    result = subprocess.run(["git", "-C", str(project.root), "rev-parse", "HEAD"], capture_output=True, text=True)
    return result.stdout.strip() or None if result.returncode == 0 else None


def render(project: Project, releases: tuple[ProcedureRelease, ...], mo: bool = False) -> dict[str, bytes]:
    """Every output file, path -> bytes, validated against the published schemas."""
    files: dict[str, bytes] = {}
    locales_out = []
    source = project.config.source_language
    source_entry = {"bcp47": source, "posix": source, "english_name": "English", "native_name": "English",
                    "direction": "ltr", "fallback": [], "plural_categories": ["one", "other"],
                    "policy": "source", "required": True, "procedures": []}
    groups: list[tuple[dict[str, Any], LocaleInfo | None]] = [(source_entry, None)]
    for info in project.locales:
        settings = project.config.settings(info.posix)
        groups.append(({"bcp47": info.bcp47, "posix": info.posix, "english_name": info.english_name,
                         "native_name": info.native_name, "direction": info.direction,
                         "fallback": [next((i.bcp47 for i in project.locales if i.posix == f), f) for f in info.fallback],
                         "plural_categories": list(info.plural_categories),
                         "policy": "fallback-string" if settings.fallback == "string" else "complete",
                         "required": settings.required, "procedures": []}, info))

    for entry, info in groups:
        for release in (r for r in releases if r.locale == info):
            bcp47 = entry["bcp47"]
            outputs: dict[str, bytes] = {}
            if release.status == "published":
                doc = document(release, bcp47, entry["direction"])
                flat = {key: choice.text for key, choice in release.strings.items()}
                validate_output("bundle-document.schema.json", doc)
                validate_output("bundle-flat.schema.json", flat)
                outputs[f"{bcp47}/{release.procedure.id}.json"] = dumps(doc).encode("utf-8")
                outputs[f"{bcp47}/{release.procedure.id}.i18n.json"] = dumps(flat).encode("utf-8")
                if mo:
                    plural = info.plural_forms if info else "nplurals=2; plural=(n != 1);"
                    outputs[f"{bcp47}/{release.procedure.id}.mo"] = _mo(release, bcp47, plural)
            files.update(outputs)
            entry["procedures"].append({
                "id": release.procedure.id, "status": release.status, "reasons": list(release.reasons),
                "strings": {"total": release.total, "translated": release.translated},
                "words": {"total": release.total_words, "translated": release.translated_words},
                "reviewed": round(release.reviewed / release.total, 4) if release.total else 1.0,
                "fallback_strings": len(release.fallback_keys),
                "files": {path: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                          for path, data in sorted(outputs.items())}})
        locales_out.append(entry)
    manifest: dict[str, Any] = {"schema_version": SCHEMA_VERSION,
                                "generator": {"name": "pipeline", "version": __version__},
                                "cldr_version": cldr_version(), "source_revision": _revision(project),
                                "content_digest": _digest(project), "locales": locales_out}
    stamp = source_date()
    if stamp:
        manifest["generated_at"] = stamp
    validate_output("manifest.schema.json", manifest)
    files["manifest.json"] = dumps(manifest).encode("utf-8")
    return files


# --- writing a tree atomically ------------------------------------------------------------------

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories (Linux renameat2); False when the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


def write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, FILE_MODE)


def replace_tree(out: Path, files: dict[str, bytes], write: Callable[[Path, bytes], None] = write_file) -> None:
    """Write ``files`` into a new directory beside ``out`` and swap it in whole. If anything fails
    or the process is killed, ``out`` is left exactly as it was."""
    out.parent.mkdir(parents=True, exist_ok=True)
    for leftover in out.parent.glob(f".{out.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)  # from a build that was killed
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        for rel, data in sorted(files.items()):
            write(staging / rel, data)
        for directory in [staging, *(p for p in staging.rglob("*") if p.is_dir())]:
            os.chmod(directory, 0o755)
        if out.exists():
            if _exchange(staging, out):
                shutil.rmtree(staging)
                return
            old = out.with_name(f".{out.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.rename(out, old)
            os.rename(staging, out)
            shutil.rmtree(old)
        else:
            os.rename(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _read_tree(out: Path) -> dict[str, bytes]:
    if not out.is_dir():
        return {}
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def build(project: Project, out: Path, check: bool = False, mo: bool = False) -> BuildReport:
    releases = plan(project)
    files = render(project, releases, mo)
    blocked = tuple(r for r in releases if r.locale is not None and r.status == "withheld"
                    and project.config.settings(r.locale.posix).required)
    if check:
        current = _read_tree(out)
        stale = tuple(sorted(p for p in set(files) | set(current) if files.get(p) != current.get(p)))
        return BuildReport(releases, files, blocked, False, stale)
    if blocked:
        return BuildReport(releases, files, blocked, False)
    replace_tree(out, files)
    return BuildReport(releases, files, blocked, True)
