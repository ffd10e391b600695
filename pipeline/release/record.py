"""The release record: what was last published in each (locale, procedure) cell, committed beside
the catalogs (``locales/releases/<posix>.json``, one file per locale, the source language included).

A build from a fresh clone (dist/ empty) reads it to ship a cell's last good version when the
current content cannot be published, and `pipeline build` rewrites it only when it publishes. Each
cell holds its published strings in document order, each with the source text it translates and
the sign-off fingerprint of (context, source, text), so a reviewer reads in the diff exactly what
patients get, and a hand edit that no reviewer signed is refused. A withdrawn cell keeps only the
digests of the versions withdrawn (and of their texts whatever their keys) and why: its text is
never shipped again, not even under keys a section's renaming gave it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import RECORD_DIR
from ..content.model import BulletList, Item, Paragraph, Procedure, Question, Section, Text
from ..errors import InputError
from ..fsutil import read_input, write_atomic
from ..jsonout import dumps
from ..review.signoff import fingerprint
from ..yamlio import validate

SCHEMA = "release-record.schema.json"
RECORD_VERSION = 1


@dataclass(frozen=True)
class Published:
    """One string as it was published."""

    key: str
    kind: str  # title, summary, section-title, paragraph, item, question, answer
    source: str  # the source text it was published for
    text: str
    lang: str  # BCP 47 of the language the text is in

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key, self.source, [self.text])

    def as_dict(self) -> dict[str, str]:
        return {"key": self.key, "kind": self.kind, "source": self.source, "text": self.text, "lang": self.lang,
                "fingerprint": self.fingerprint}


@dataclass(frozen=True)
class Withdrawal:
    reason: str
    date: str
    digests: tuple[str, ...]  # the versions withdrawn: none of them ships again
    # The same versions' texts whatever their keys (`texts_digest`): renaming a section carries the
    # translations and sign-offs to new keys, and the withdrawn texts must not ship under them.
    texts: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"reason": self.reason, "date": self.date, "digests": list(self.digests)}
        if self.texts:
            data["texts"] = list(self.texts)
        return data

    def covers(self, strings: Iterable[Published]) -> bool:
        """Whether a version is one of those withdrawn: the same strings, or the same texts under
        other keys or in another order."""
        strings = tuple(strings)
        return digest(strings) in self.digests or texts_digest(strings) in self.texts


@dataclass(frozen=True)
class Cell:
    """A cell of the record: its last published version, or a withdrawal."""

    digest: str  # of the published strings (see `digest`)
    source_digest: str  # of the source texts they were published for
    strings: tuple[Published, ...] = ()
    withdrawn: Withdrawal | None = None
    sample: bool = False  # signed off by reviewers marked `sample: true`: never a clinical review

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"digest": self.digest, "source_digest": self.source_digest}
        if self.sample:
            data["review"] = "sample"
        if self.withdrawn is not None:
            data["withdrawn"] = self.withdrawn.as_dict()
        else:
            data["strings"] = [s.as_dict() for s in self.strings]
        return data


Record = dict[str, Cell]  # procedure id -> cell


def kinds(procedure: Procedure) -> dict[str, str]:
    """Each context's kind of block, so a published version can be laid out again without its YAML."""
    out = {"title": "title", "summary": "summary"}
    for section in procedure.sections:
        out[f"{section.id}.title"] = "section-title"
        for block in section.blocks:
            base = f"{section.id}.{block.id}"
            if isinstance(block, Paragraph):
                out[base] = "paragraph"
            elif isinstance(block, BulletList):
                out.update({f"{base}.{i.id}": "item" for i in block.items})
            else:
                out.update({f"{base}.question": "question", f"{base}.answer": "answer"})
    return out


def _sha(payload: Any) -> str:
    return "sha256:" + hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def digest(strings: Iterable[Published]) -> str:
    """The identity of a published version: its keys, layout, sources, texts and languages, in order."""
    return _sha([[s.key, s.kind, s.source, s.text, s.lang] for s in strings])


def texts_digest(strings: Iterable[Published]) -> str:
    """The identity of a version's texts alone: (source, text, language) of each string, sorted,
    without keys, layout or order."""
    return _sha(sorted([s.source, s.text, s.lang] for s in strings))


def source_digest(pairs: Iterable[tuple[str, str]]) -> str:
    """The identity of the source a version was made for: (context, source text) in order."""
    return _sha([list(p) for p in pairs])


def procedure_of(pid: str, strings: tuple[Published, ...], source: str) -> Procedure:
    """The procedure as it was when this version was published (its layout and source texts)."""
    by_key = {s.key: s for s in strings}
    sections: list[tuple[str, Text, list[Paragraph | BulletList | Question]]] = []
    for s in strings:
        parts = s.key.split(".")
        text = Text(s.source, 0)
        if s.kind == "section-title":
            sections.append((parts[0], text, []))
        elif s.kind == "paragraph":
            sections[-1][2].append(Paragraph(parts[1], text))
        elif s.kind == "item":
            blocks = sections[-1][2]
            last = blocks[-1] if blocks else None
            if isinstance(last, BulletList) and last.id == parts[1]:
                blocks[-1] = BulletList(last.id, (*last.items, Item(parts[2], text)))
            else:
                blocks.append(BulletList(parts[1], (Item(parts[2], text),)))
        elif s.kind == "question":
            answer = by_key[f"{parts[0]}.{parts[1]}.answer"]
            sections[-1][2].append(Question(parts[1], text, Text(answer.source, 0)))
    return Procedure(pid, source, Text(by_key["title"].source, 0), Text(by_key["summary"].source, 0),
                     tuple(Section(sid, title, tuple(blocks)) for sid, title, blocks in sections))


def path_of(root: Path, posix: str) -> Path:
    return root / RECORD_DIR / f"{posix}.json"


def _cell(name: str, pid: str, data: Mapping[str, Any]) -> Cell:
    strings = tuple(Published(s["key"], s["kind"], s["source"], s["text"], s["lang"]) for s in data.get("strings", []))
    for published, raw in zip(strings, data.get("strings", []), strict=True):
        if published.fingerprint != raw["fingerprint"]:
            raise InputError(f"{pid} {published.key!r}: the text does not match its fingerprint (edited by hand?): "
                             "restore the file from git; only `pipeline build` writes it", name)
    withdrawn = data.get("withdrawn")
    cell = Cell(data["digest"], data["source_digest"], strings,
                Withdrawal(withdrawn["reason"], withdrawn["date"], tuple(withdrawn["digests"]),
                           tuple(withdrawn.get("texts", ()))) if withdrawn else None,
                data.get("review") == "sample")
    if withdrawn is None and digest(strings) != cell.digest:
        raise InputError(f"{pid}: the strings do not match the cell's digest (edited by hand?): restore the file "
                         "from git; only `pipeline build` writes it", name)
    return cell


def read(root: Path, posix: str) -> Record:
    """The locale's record; empty when none was committed yet (nothing published so far)."""
    path = path_of(root, posix)
    name = f"{RECORD_DIR}/{posix}.json"
    if not path.exists():
        return {}
    raw = read_input(path, name)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not valid JSON ({exc}): restore the file from git", name) from None
    validate(name, data, SCHEMA)
    if data["locale"] != posix:
        raise InputError(f"the record is for {data['locale']!r}, not {posix!r}: restore the file from git", name)
    return {pid: _cell(name, pid, cell) for pid, cell in sorted(data["procedures"].items())}


def encode(posix: str, record: Record) -> bytes:
    data = {"schema_version": RECORD_VERSION, "locale": posix,
            "procedures": {pid: record[pid].as_dict() for pid in sorted(record)}}
    return dumps(data).encode("utf-8")


def write(root: Path, posix: str, record: Record) -> bool:
    """Write the locale's record when it changed (one atomic replace); True when written."""
    path = path_of(root, posix)
    data = encode(posix, record)
    existing = read_input(path, f"{RECORD_DIR}/{posix}.json") if path.exists() else None
    if existing == data or (existing is None and not record):
        return False
    write_atomic(path, data)  # its folder made as every output folder is
    return True
